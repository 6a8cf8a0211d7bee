/*
 * Resolution and normalization: turns what the grammar recognised into a
 * TIMEX3 value against the reference date or the document's last date.
 */
#include <stdio.h>
#include <string.h>

#include <bsd/string.h>
#include <strings.h>

#include "dateextract.h"
#include "words.h"

/* Days within which a month or day is this year's whatever the tense. */
#define NEAR_DAYS	90

enum { HK_FIXED, HK_EASTER, HK_OEASTER, HK_NTH, HK_HIJRI };

struct holiday {
	const char	*w[5];		/* words, "'" or "-" for punctuation */
	int		 kind;
	int		 m, d;		/* HK_FIXED, HK_HIJRI; HK_NTH month */
	int		 wd, nth;	/* HK_NTH: weekday, nth (-1 last) */
	int		 off;		/* days after the rule's day */
};

/* Longer names first, so "Christmas Eve" wins over "Christmas". */
static const struct holiday holidays[] = {
	{ { "new", "year", "'", "s", "day" }, HK_FIXED, 1, 1, 0, 0, 0 },
	{ { "new", "year", "'", "s", "eve" }, HK_FIXED, 12, 31, 0, 0, 0 },
	{ { "new", "year", "'", "s", NULL }, HK_FIXED, 1, 1, 0, 0, 0 },
	{ { "new", "year", "day", NULL, NULL }, HK_FIXED, 1, 1, 0, 0, 0 },
	{ { "new", "year", "eve", NULL, NULL }, HK_FIXED, 12, 31, 0, 0, 0 },
	{ { "new", "year", NULL, NULL, NULL }, HK_FIXED, 1, 1, 0, 0, 0 },
	{ { "valentine", "'", "s", "day", NULL }, HK_FIXED, 2, 14, 0, 0, 0 },
	{ { "orthodox", "christmas", NULL, NULL, NULL }, HK_FIXED, 1, 7,
	    0, 0, 0 },
	{ { "orthodox", "easter", NULL, NULL, NULL }, HK_OEASTER, 0, 0,
	    0, 0, 0 },
	{ { "christmas", "eve", NULL, NULL, NULL }, HK_FIXED, 12, 24, 0, 0, 0 },
	{ { "christmas", "day", NULL, NULL, NULL }, HK_FIXED, 12, 25, 0, 0, 0 },
	{ { "christmas", NULL, NULL, NULL, NULL }, HK_FIXED, 12, 25, 0, 0, 0 },
	{ { "easter", "sunday", NULL, NULL, NULL }, HK_EASTER, 0, 0, 0, 0, 0 },
	{ { "easter", "monday", NULL, NULL, NULL }, HK_EASTER, 0, 0, 0, 0, 1 },
	{ { "easter", NULL, NULL, NULL, NULL }, HK_EASTER, 0, 0, 0, 0, 0 },
	{ { "good", "friday", NULL, NULL, NULL }, HK_EASTER, 0, 0, 0, 0, -2 },
	{ { "thanksgiving", "day", NULL, NULL, NULL }, HK_NTH, 11, 0, 4, 4,
	    0 },
	{ { "thanksgiving", NULL, NULL, NULL, NULL }, HK_NTH, 11, 0, 4, 4, 0 },
	{ { "halloween", NULL, NULL, NULL, NULL }, HK_FIXED, 10, 31, 0, 0, 0 },
	{ { "labor", "day", NULL, NULL, NULL }, HK_NTH, 9, 0, 1, 1, 0 },
	{ { "memorial", "day", NULL, NULL, NULL }, HK_NTH, 5, 0, 1, -1, 0 },
	/* the Tuesday after the first Monday of November */
	{ { "election", "day", NULL, NULL, NULL }, HK_NTH, 11, 0, 1, 1, 1 },
	{ { "victory", "day", NULL, NULL, NULL }, HK_FIXED, 5, 9, 0, 0, 0 },
	{ { "ramadan", NULL, NULL, NULL, NULL }, HK_HIJRI, 9, 1, 0, 0, 0 },
	{ { "eid", "al", "-", "fitr", NULL }, HK_HIJRI, 10, 1, 0, 0, 0 },
	{ { "eid", "ul", "-", "fitr", NULL }, HK_HIJRI, 10, 1, 0, 0, 0 },
	{ { "eid", "el", "-", "fitr", NULL }, HK_HIJRI, 10, 1, 0, 0, 0 },
	{ { "eid", "al", "fitr", NULL, NULL }, HK_HIJRI, 10, 1, 0, 0, 0 },
	{ { "eid", "al", "-", "adha", NULL }, HK_HIJRI, 12, 10, 0, 0, 0 },
	{ { "eid", "ul", "-", "adha", NULL }, HK_HIJRI, 12, 10, 0, 0, 0 },
	{ { "eid", "el", "-", "adha", NULL }, HK_HIJRI, 12, 10, 0, 0, 0 },
	{ { "eid", "al", "adha", NULL, NULL }, HK_HIJRI, 12, 10, 0, 0, 0 },
};

#define NHOLIDAYS	(sizeof(holidays) / sizeof(holidays[0]))

/* Token t spells w; the first word of a name must be capitalized. */
static int
tokword(const char *s, const struct tok *t, const char *w, int first)
{
	size_t	 n = strlen(w);

	if (w[0] == '\'' || w[0] == '-')
		return t->kind == T_PUNCT && t->ch == w[0];
	return t->kind == T_WORD && t->e - t->s == n &&
	    strncasecmp(s + t->s, w, n) == 0 && (t->fl & TF_CAP ||
	    !first);
}

/* A holiday name at token i: the end token and *h, or 0. */
int
holiday_find(const char *s, const struct tok *t, size_t n, size_t i,
    size_t *end)
{
	size_t	 h, k;

	if (i >= n || t[i].kind != T_WORD || lex_entry(t[i].id)->cat != C_HOLI)
		return 0;
	for (h = 0; h < NHOLIDAYS; h++) {
		/* most names differ in their first letter */
		if ((s[t[i].s] | 0x20) != holidays[h].w[0][0])
			continue;
		for (k = 0; k < 5 && holidays[h].w[k] != NULL; k++)
			if (i + k >= n || !tokword(s, &t[i + k],
			    holidays[h].w[k], k == 0))
				break;
		if (k == 5 || holidays[h].w[k] == NULL) {
			*end = h;
			return (int)(i + k);
		}
	}
	return 0;
}

static void
easter(int y, int orthodox, int *m, int *d)
{
	if (orthodox) {
		int	 a = y % 4, b = y % 7, c = y % 19;
		int	 dd = (19 * c + 15) % 30;
		int	 e = (2 * a + 4 * b - dd + 34) % 7;
		long	 z;

		*m = (dd + e + 114) / 31;
		*d = (dd + e + 114) % 31 + 1;
		/* Julian to Gregorian: 13 days in 1900..2099 */
		z = date_to_days(y, *m, *d) + 13;
		date_from_days(z, &y, m, d);
		return;
	}
	{
		int	 a = y % 19, b = y / 100, c = y % 100, dd = b / 4;
		int	 e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
		int	 h = (19 * a + b - dd - g + 15) % 30;
		int	 i = c / 4, k = c % 4;
		int	 l = (32 + 2 * e + 2 * i - h - k) % 7;
		int	 mm = (a + 11 * h + 22 * l) / 451;

		*m = (h + l - 7 * mm + 114) / 31;
		*d = (h + l - 7 * mm + 114) % 31 + 1;
	}
}

/*
 * Day hd of month hm of the Islamic year hy in the tabular (arithmetic)
 * calendar: 30- and 29-day months in turn, 11 leap days in 30 years
 * (years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each cycle), from
 * the civil epoch 1 Muharram 1 AH = 622-07-19 (proleptic Gregorian).
 * Observed dates follow the sighting of the new moon and fall on the
 * computed day or a day or two after or before it.
 */
static long
hijri_days(long hy, int hm, int hd)
{
	return date_to_days(622, 7, 19) + hd - 1 + (59L * (hm - 1) + 1) / 2 +
	    (hy - 1) * 354 + (3 + 11 * hy) / 30;
}

/* The first day hm/hd of an Islamic year that falls in year y. */
static void
hijri_in(int y, int hm, int hd, int *m, int *d)
{
	long	 hy = (long)(y - 622) * 33 / 32 - 1, z;
	int	 yy;

	for (;; hy++) {
		z = hijri_days(hy, hm, hd);
		date_from_days(z, &yy, m, d);
		if (yy >= y)
			return;
	}
}

/* The date of holiday h in year y; -1 when it has no fixed rule. */
int
holiday_date(int h, int y, int *m, int *d)
{
	const struct holiday *hd;
	long	 z;
	int	 yy;

	if (h < 0 || (size_t)h >= NHOLIDAYS || y < 1583 || y > 9999)
		return -1;
	hd = &holidays[h];
	switch (hd->kind) {
	case HK_FIXED:
		*m = hd->m;
		*d = hd->d;
		return 0;
	case HK_EASTER:
	case HK_OEASTER:
		easter(y, hd->kind == HK_OEASTER, m, d);
		z = date_to_days(y, *m, *d) + hd->off;
		date_from_days(z, &yy, m, d);
		return 0;
	case HK_NTH:
		if (hd->nth > 0) {
			int first = date_weekday(y, hd->m, 1);

			*d = 1 + (hd->wd - first + 7) % 7 + 7 * (hd->nth - 1) +
			    hd->off;
		} else {
			int dim = date_days_in_month(y, hd->m);
			int last = date_weekday(y, hd->m, dim);

			*d = dim - (last - hd->wd + 7) % 7;
		}
		*m = hd->m;
		return 0;
	case HK_HIJRI:
		hijri_in(y, hd->m, hd->d, m, d);
		return 0;
	}
	return -1;
}

/* ISO 8601 week number of a date; *wy gets the week's year. */
int
iso_week(int y, int m, int d, int *wy)
{
	long	 z = date_to_days(y, m, d);
	long	 thu = z - date_weekday(y, m, d) + 4;	/* Thursday */
	int	 ty, tm, td;

	date_from_days(thu, &ty, &tm, &td);
	*wy = ty;
	return (int)((thu - date_to_days(ty, 1, 1)) / 7 + 1);
}

static long
days(const struct pt *p)
{
	return date_to_days(p->y, p->m, p->d);
}

static void
setdays(struct pt *p, long z)
{
	date_from_days(z, &p->y, &p->m, &p->d);
}

static void
addmonths(struct pt *p, long n)
{
	long	 mm = (long)p->y * 12 + (p->m - 1) + n;
	int	 dim;

	p->y = (int)(mm / 12);
	p->m = (int)(mm % 12) + 1;
	dim = date_days_in_month(p->y, p->m);
	if (p->d > dim)
		p->d = dim;
}

static void
pt_shift(struct pt *p, int unit, int n)
{
	switch (unit) {
	case U_DAY: case U_PART:
		setdays(p, days(p) + n);
		break;
	case U_WEEK: case U_WEEKEND:
		setdays(p, days(p) + 7L * n);
		break;
	case U_MONTH:
		addmonths(p, n);
		break;
	case U_SEASON: case U_QUARTER:
		addmonths(p, 3L * n);
		break;
	case U_HALF:
		addmonths(p, 6L * n);
		break;
	case U_YEAR:
		addmonths(p, 12L * n);
		break;
	case U_DECADE:
		addmonths(p, 120L * n);
		break;
	case U_CENTURY:
		addmonths(p, 1200L * n);
		break;
	}
}

static int
season_of(int m, int *y)
{
	if (m == 12)
		return 4;
	if (m <= 2) {
		(*y)--;
		return 4;
	}
	return (m - 3) / 3 + 1;
}

/* Start and end (days) of the period p stands for. */
static void
bounds(const struct pt *p, long *s, long *e)
{
	int	 m0 = p->m, n = 1;

	switch (p->gran) {
	case U_MONTH:
		break;
	case U_QUARTER:
		m0 = (p->m - 1) / 3 * 3 + 1;
		n = 3;
		break;
	case U_HALF:
		m0 = p->m <= 6 ? 1 : 7;
		n = 6;
		break;
	case U_SEASON:
		n = 3;
		break;
	case U_YEAR:
		m0 = 1;
		n = 12;
		break;
	default:
		*s = *e = days(p);
		return;
	}
	*s = date_to_days(p->y, m0, 1);
	{
		struct pt q = *p;

		q.m = m0;
		q.d = 1;
		addmonths(&q, n);
		*e = days(&q) - 1;
	}
}

static const char *const parts[] = { "", "MO", "AF", "EV", "NI" };
static const char *const seasons[] = { "", "SP", "SU", "FA", "WI" };

/* Append v >= 0 in decimal, zero-padded to w digits; snprintf is slow. */
static char *
putn(char *q, int v, int w)
{
	char	 d[12];
	int	 k = 0;

	do {
		d[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 && k < 11);
	while (k < w)
		d[k++] = '0';
	while (k > 0)
		*q++ = d[--k];
	return q;
}

static char *
puts2(char *q, const char *s)
{
	while (*s != '\0')
		*q++ = *s++;
	return q;
}

static char *
put_time(const struct pt *p, char *q)
{
	*q++ = 'T';
	if (p->part > 0 && p->part <= 4)
		return puts2(q, parts[p->part]);
	q = putn(q, p->hh, 2);
	*q++ = ':';
	return putn(q, p->mm, 2);
}

static void
fmt_time(const struct pt *p, char *out, size_t sz)
{
	char	 t[16], *q = put_time(p, t);

	*q = '\0';
	strlcat(out, t, sz);
}

/* The TIMEX3 value of a resolved point. */
static int
fmt(const struct pt *p, int timeadd, char *out, size_t sz)
{
	char	 v[48], *q = v;
	int	 y = p->y, w, wy, s;

	if (y < 1 || y > 9999)
		return -1;
	switch (p->gran) {
	case U_CENTURY:
		q = putn(q, y / 100, 2);
		break;
	case U_DECADE:
		q = putn(q, y / 10, 3);
		break;
	case U_YEAR:
		q = putn(q, y, 4);
		break;
	case U_HALF:
		q = puts2(putn(q, y, 4), p->m <= 6 ? "-H1" : "-H2");
		break;
	case U_QUARTER:
		q = puts2(putn(q, y, 4), "-Q");
		*q++ = (char)('0' + (p->m - 1) / 3 + 1);
		break;
	case U_SEASON:
		if ((s = p->season) == 0)
			s = season_of(p->m, &y);
		q = putn(q, y, 4);
		*q++ = '-';
		q = puts2(q, seasons[s >= 1 && s <= 4 ? s : 4]);
		break;
	case U_MONTH:
		q = putn(q, y, 4);
		*q++ = '-';
		q = putn(q, p->m, 2);
		break;
	case U_WEEK: case U_WEEKEND:
		w = iso_week(y, p->m, p->d, &wy);
		q = puts2(putn(q, wy, 4), "-W");
		q = putn(q, w, 2);
		if (p->gran == U_WEEKEND)
			q = puts2(q, "-WE");
		break;
	default:
		q = putn(q, y, 4);
		*q++ = '-';
		q = putn(q, p->m, 2);
		*q++ = '-';
		q = putn(q, p->d, 2);
	}
	if (timeadd)
		q = put_time(p, q);
	*q = '\0';
	strlcpy(out, v, sz);
	return 0;
}

/* putn for any int: what "%0*d" prints. */
static char *
putd(char *q, int v, int w)
{
	if (v < 0)
		return q + snprintf(q, 16, "%0*d", w, v);
	return putn(q, v, w);
}

/* The X-filled value of an expression that cannot be resolved. */
static void
fmt_unknown(const struct tx *x, char *out, size_t sz)
{
	static const char *const xs[] = {
		[U_CENTURY] = "XX", [U_DECADE] = "XXX", [U_YEAR] = "XXXX",
		[U_HALF] = "XXXX-HX", [U_QUARTER] = "XXXX-QX",
		[U_MONTH] = "XXXX-XX", [U_SEASON] = "XXXX-XX",
		[U_WEEK] = "XXXX-WXX", [U_WEEKEND] = "XXXX-WXX-WE"
	};
	int	 gran = x->how == H_SHIFT ? x->unit : x->p.gran;
	int	 m, d;
	char	 v[64], *q = v;

	if (x->how == H_WDAY) {
		if (x->p.gran == U_WEEKEND)
			q = puts2(q, "XXXX-WXX-WE");
		else
			q = putd(puts2(q, "XXXX-WXX-"), x->wd, 1);
	} else if (x->how == H_NOYEAR || x->how == H_MONTHREL ||
	    x->how == H_YEARREL) {
		q = puts2(q, "XXXX-");
		if (x->holiday >= 0) {
			if (holiday_date(x->holiday, 2000, &m, &d) == 0 &&
			    holidays[x->holiday].kind == HK_FIXED) {
				q = putd(q, m, 2);
				*q++ = '-';
				q = putd(q, d, 2);
			} else
				q = puts2(q, "XX-XX");
		} else if (gran == U_DAY) {
			q = putd(q, x->p.m, 2);
			*q++ = '-';
			q = putd(q, x->p.d, 2);
		} else if (gran == U_MONTH)
			q = putd(q, x->p.m, 2);
		else if (gran == U_QUARTER)
			q = putd(puts2(q, "Q"), x->p.q, 1);
		else if (gran == U_HALF)
			q = putd(puts2(q, "H"), x->p.half, 1);
		else
			q = puts2(q, seasons[x->p.season & 3 ? x->p.season :
			    4]);
	} else if (gran >= 0 && (size_t)gran < sizeof(xs) / sizeof(xs[0]) &&
	    xs[gran] != NULL)
		q = puts2(q, xs[gran]);
	else
		q = puts2(q, "XXXX-XX-XX");
	*q = '\0';
	strlcpy(out, v, sz);
	if (x->timeadd)
		fmt_time(&x->p, out, sz);
}

/* The representative first day of what the text gave, in year y. */
static int
noyear_pt(const struct tx *x, int y, struct pt *p)
{
	*p = x->p;
	p->y = y;
	if (x->holiday >= 0)
		return holiday_date(x->holiday, y, &p->m, &p->d);
	switch (x->p.gran) {
	case U_QUARTER:
		p->m = 3 * x->p.q - 2;
		p->d = 1;
		break;
	case U_HALF:
		p->m = 6 * x->p.half - 5;
		p->d = 1;
		break;
	case U_SEASON:
		p->m = 3 * x->p.season;
		p->d = 1;
		break;
	case U_MONTH:
	case U_YEAR:
		if (p->m == 0)
			p->m = 1;
		p->d = 1;
		break;
	}
	if (p->m < 1 || p->m > 12 || p->d < 1 ||
	    p->d > date_days_in_month(y, p->m))
		return -1;
	return 0;
}

/* Choose the year of a month, day or quarter by the sentence's tense. */
static int
by_tense(const struct tx *x, const struct pt *base, struct pt *p)
{
	long	 b = days(base), s, e;
	int	 y = base->y;

	if (noyear_pt(x, y, p) == -1)
		return -1;
	bounds(p, &s, &e);
	if (x->holiday >= 0 && s - b <= 31 && b - e <= 31)
		;	/* a holiday this close is this year's */
	else if (x->tense < 0 && s - b > NEAR_DAYS)
		y--;
	else if (x->tense > 0 && b - e > NEAR_DAYS)
		y++;
	else if (x->tense == 0 && s - b > 183)
		y--;
	else if (x->tense == 0 && b - e > 183)
		y++;
	if (y != base->y && noyear_pt(x, y, p) == -1)
		return -1;
	return 0;
}

static void
weekday(const struct tx *x, const struct pt *base, struct pt *p)
{
	long	 b = days(base);
	int	 r = date_weekday(base->y, base->m, base->d), t = x->wd;
	int	 back = (r - t + 7) % 7, fwd = (t - r + 7) % 7;
	long	 z;

	switch (x->dir) {
	case 2:
		z = b + (t - r);
		break;
	case -1:
		z = b - (back ? back : 7);
		break;
	case 1:
		z = b + (fwd ? fwd : 7);
		break;
	default:
		if (x->tense < 0)
			z = b - back;
		else if (x->tense > 0)
			z = b + fwd;
		else
			z = b - back;	/* news reports what happened */
	}
	*p = x->p;
	setdays(p, z);
}

static void
monthrel(const struct tx *x, const struct pt *base, struct pt *p)
{
	int	 y = base->y;

	if (x->holiday >= 0) {
		long	 b = days(base);

		if (noyear_pt(x, y, p) == -1)
			return;
		if (x->dir < 0 && days(p) >= b)
			y--;
		else if (x->dir > 0 && days(p) <= b)
			y++;
	} else if (x->p.gran == U_SEASON) {
		int	 by = base->y, bs = season_of(base->m, &by);

		y = by;
		if (x->dir < 0 && x->p.season >= bs)
			y--;
		else if (x->dir > 0 && x->p.season <= bs)
			y++;
	} else {
		if (x->dir < 0 && x->p.m >= base->m)
			y--;
		else if (x->dir > 0 && x->p.m <= base->m)
			y++;
	}
	(void)noyear_pt(x, y, p);
}

/*
 * An Islamic holiday without a year comes round every 354 or 355 days,
 * so a Gregorian year may hold two: take the one before or after the
 * base by dir (-1 last, 1 next) or else by tense, or else the nearer; one
 * within 31 days of the base whatever the tense.
 */
static void
hijri_near(const struct tx *x, const struct pt *base, struct pt *p)
{
	const struct holiday *hd = &holidays[x->holiday];
	long	 b = date_to_days(base->y, base->m, base->d), prev, next, z;
	long	 hy = (b - date_to_days(622, 7, 19)) * 100 / 35437 + 1;
	int	 dir = x->how == H_MONTHREL ? x->dir : 0;

	/* last: one that is over; next: one still to begin */
	if (dir < 0)
		b -= 30;
	while (hijri_days(hy, hd->m, hd->d) > b)
		hy--;
	while (hijri_days(hy + 1, hd->m, hd->d) <= b)
		hy++;
	prev = hijri_days(hy, hd->m, hd->d);
	next = hijri_days(hy + 1, hd->m, hd->d);
	if (dir < 0 || (dir == 0 && x->tense < 0 && b - prev > 31))
		z = prev;
	else if (dir > 0 || (dir == 0 && x->tense > 0 && next - b > 31))
		z = next;
	else
		z = next - b < b - prev ? next : prev;
	*p = x->p;
	setdays(p, z);
}

static void
pt_from_ref(const struct date_time *ref, struct pt *p)
{
	memset(p, 0, sizeof(*p));
	p->y = ref->y;
	p->m = ref->m;
	p->d = ref->d;
	p->gran = U_DAY;
}

/*
 * Resolve x into its TIMEX3 value (out) and how it was anchored ("none",
 * "dct", "text"); updates the narrative anchor with what it resolved.
 */
int
resolve(const struct tx *x, const struct date_time *ref,
    struct anchor *an, char *out, size_t sz, const char **how)
{
	struct pt	 base, p;
	int		 have = 0;

	*how = "none";
	if (x->how == H_LIT) {
		strlcpy(out, x->lit, sz);
		return 0;
	}
	if (x->how == H_PERIODOF) {
		p = an->topic;
		p.y = x->p.y;
		if (!an->tset)
			p.gran = U_YEAR;
		/* a comparison: the story stays in its own quarter */
		return fmt(&p, 0, out, sz);
	}
	if (x->how == H_ABS) {
		if (noyear_pt(x, x->p.y, &p) == -1)
			return -1;
		goto done;
	}
	/* anaphoric expressions prefer the text, deictic ones the dct */
	if (x->how == H_SHIFT && x->unit == U_YEAR && x->n == -1 &&
	    (x->base == B_TEXT || x->ago) && an->pset && (ref == NULL ||
	    an->period.y == ref->y)) {
		/* "a year ago" after "the third quarter": that quarter */
		base = an->period;
		have = 1;
		*how = "text";
	} else if (x->how == H_SHIFT && x->base == B_TEXT &&
	    x->unit == U_QUARTER && an->tset) {
		/* "the quarter" is the one the story reports on */
		base = an->topic;
		have = 1;
		*how = "text";
	} else if ((((x->how == H_SHIFT || x->how == H_WDAY) &&
	    x->base == B_TEXT) || (x->how == H_PRESENT &&
	    x->p.gran == U_MIN && an->prec == an->rec)) && an->set &&
	    an->p.gran == U_DAY) {
		/*
		 * A clock time alone ("at 10 p.m.") is on the day the
		 * paragraph last named, as HeidelTime's reference time has it.
		 */
		base = an->p;
		have = 1;
		*how = "text";
	} else if (x->how == H_SHIFT && x->base == B_TEXT && an->set) {
		base = an->p;
		have = 1;
		*how = "text";
	} else if (ref != NULL) {
		pt_from_ref(ref, &base);
		have = 1;
		*how = "dct";
	} else if (an->set && an->p.gran <= U_MONTH &&
	    (x->how == H_NOYEAR || x->how == H_WDAY)) {
		base = an->p;
		have = 1;
		*how = "text";
	}
	if (!have) {
		*how = "none";
		fmt_unknown(x, out, sz);
		return 0;
	}
	if (x->holiday >= 0 && holidays[x->holiday].kind == HK_HIJRI &&
	    (x->how == H_NOYEAR || x->how == H_MONTHREL)) {
		hijri_near(x, &base, &p);
		goto done;
	}
	switch (x->how) {
	case H_NOYEAR:
		if (by_tense(x, &base, &p) == -1)
			return -1;
		break;
	case H_WDAY:
		weekday(x, &base, &p);
		break;
	case H_MONTHREL:
		monthrel(x, &base, &p);
		break;
	case H_YEARREL:
		if (noyear_pt(x, base.y + x->n, &p) == -1)
			return -1;
		break;
	case H_PRESENT:
		p = base;
		pt_shift(&p, U_DAY, x->n);
		p.gran = U_DAY;
		p.part = x->p.part;
		p.hh = x->p.hh;
		p.mm = x->p.mm;
		break;
	case H_SHIFT:
		p = base;
		p.part = 0;
		/*
		 * "earlier this year" written in January looks back at what
		 * the year just ended held: too little of the new one has
		 * passed for anything to have happened "earlier" in it.
		 */
		if (x->mod == M_START && x->unit == U_YEAR && x->n == 0 &&
		    *how[0] == 'd' && base.m == 1)
			pt_shift(&p, U_YEAR, -1);
		else
			pt_shift(&p, x->unit, x->n);
		if (*how[0] == 't' && x->unit == U_YEAR && x->n != 0 &&
		    base.gran >= U_MONTH && base.gran < U_YEAR)
			p.gran = base.gran;
		else if (*how[0] == 't' && base.gran > x->unit)
			p.gran = base.gran;
		else
			p.gran = x->unit;
		if (x->p.gran == U_QUARTER && p.gran > U_QUARTER)
			p.gran = U_QUARTER;
		if (p.gran == U_SEASON)
			p.season = 0;
		break;
	default:
		return -1;
	}
done:
	if (fmt(&p, x->timeadd, out, sz) == -1)
		return -1;
	if ((x->type == TYPE_DATE || x->type == TYPE_TIME) &&
	    x->how != H_SHIFT) {
		an->set = 1;
		an->prec = an->rec;
		an->p = p;
		an->p.part = 0;
		an->p.hh = an->p.mm = 0;
		if (p.gran == U_QUARTER || p.gran == U_HALF) {
			an->pset = 1;
			an->period = an->p;
		}
		if (p.gran == U_QUARTER && !an->tset) {
			an->tset = 1;
			an->topic = an->p;
		}
	}
	return 0;
}
