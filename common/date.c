/*
 * Gregorian calendar helpers (days-from-civil arithmetic) and month names.
 * Everything here is locale-free: English news, ISO output.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "date.h"

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

int
date_month_index(const char *s, size_t n)
{
	int	 i;

	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++) {
		if (n == strlen(month_names[i]) &&
		    strncasecmp(s, month_names[i], n) == 0)
			return i + 1;
		if (n == 3 && strncasecmp(s, month_names[i], 3) == 0)
			return i + 1;
	}
	if (n == 4 && strncasecmp(s, "sept", 4) == 0)
		return 9;
	return 0;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int	 days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

int
date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil, in the public domain as an algorithm. */
long
date_to_days(int y, int m, int d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_from_days(long z, int *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
date_weekday(int y, int m, int d)
{
	long	 days = date_to_days(y, m, d);

	/* 1970-01-01 was a Thursday (4). */
	return (int)(((days % 7) + 7 + 3) % 7) + 1;
}

static int
num(const char *s, int len, int *v)
{
	int	 i;

	*v = 0;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int
date_parse_iso(const char *s, struct date_time *t)
{
	size_t	 n = strlen(s);
	int	 sec;

	memset(t, 0, sizeof(*t));
	if (n < 10 || num(s, 4, &t->y) || s[4] != '-' || num(s + 5, 2, &t->m) ||
	    s[7] != '-' || num(s + 8, 2, &t->d) || !date_valid(t->y, t->m, t->d))
		return -1;
	if (n == 10)
		return 0;
	if ((s[10] != 'T' && s[10] != ' ') || n < 16 ||
	    num(s + 11, 2, &t->hh) || s[13] != ':' || num(s + 14, 2, &t->mm) ||
	    t->hh > 23 || t->mm > 59)
		return -1;
	t->has_time = 1;
	if (n == 16)
		return 0;
	if (n == 19 && s[16] == ':' && num(s + 17, 2, &sec) == 0 && sec <= 60)
		return 0;
	return -1;
}

void
date_format(const struct date_time *t, char *out)
{
	if (t->has_time)
		snprintf(out, DATE_ISO_MAX, "%04d-%02d-%02dT%02d:%02d", t->y,
		    t->m, t->d, t->hh, t->mm);
	else
		snprintf(out, DATE_ISO_MAX, "%04d-%02d-%02d", t->y, t->m, t->d);
}
