/*
 * Calendar arithmetic and ISO 8601 reading and writing shared by the
 * tools that set or resolve dates (docsplit's dct, dateextract).
 */
#ifndef PARLEY_DATE_H
#define PARLEY_DATE_H

#include <stddef.h>

struct date_time {
	int	 y, m, d;	/* m, d 1-based */
	int	 hh, mm;
	int	 has_time;
};

#define DATE_ISO_MAX	32

/* 1..12 for a month name or its abbreviation (any case), else 0. */
int	date_month_index(const char *, size_t);
int	date_days_in_month(int, int);
int	date_valid(int, int, int);
/* Days since 1970-01-01 (proleptic Gregorian) and back. */
long	date_to_days(int, int, int);
void	date_from_days(long, int *, int *, int *);
/* ISO weekday: 1 Monday .. 7 Sunday. */
int	date_weekday(int, int, int);

/* YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]; 0 on success, -1 if invalid. */
int	date_parse_iso(const char *, struct date_time *);
/* 2022-04-05 or 2022-04-05T14:25 into out (DATE_ISO_MAX bytes). */
void	date_format(const struct date_time *, char *);

#endif
