/*
 * Dates an article carries about itself: wire datelines ("MOSCOW, April 5
 * (Xinhua) --") and publication stamps ("(Xinhua) 14:25, April 05, 2022").
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "docsplit.h"
#include "regex.h"

#define MONTH	"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|" \
		"June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|" \
		"Nov(?:ember)?|Dec(?:ember)?)\\.?"

/* A city in capitals, an optional region, date and agency, then a dash. */
static const char dateline_pat[] =
    "^\\p{Lu}[\\p{Lu}\\p{M}.'’]+(?:[ -]\\p{Lu}[\\p{Lu}\\p{M}.'’]+){0,3}"
    "(?:,\\s*\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+){0,2})??"
    "(?:,?\\s*(?<dm>" MONTH ")\\s+(?<dd>\\d{1,2})(?:,?\\s+(?<dy>\\d{4}))?)?"
    "\\s*(?:\\([^()]{1,40}\\))?\\s*(?:--|—|–|-)\\s+";

static const char date_pat[] =
    "\\b(?:(?<m1>" MONTH ")\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?,?\\s+"
    "(?<y1>\\d{4})|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m2>" MONTH
    "),?\\s+(?<y2>\\d{4})|(?<y3>\\d{4})[-/](?<m3>\\d{2})[-/](?<d3>\\d{2})|"
    "(?<m4>\\d{1,2})/(?<d4>\\d{1,2})/(?<y4>\\d{4}))"
    "(?!\\d)";

static const char time_pat[] =
    "(?<![\\d:])(?<h>\\d{1,2})[:.](?<mi>\\d{2})(?::\\d{2})?"
    "(?:\\s*(?<ap>[AaPp])\\.?\\s?[Mm]\\.?)?(?![\\d:])";

/* What may stand around the date in a stamp line besides the date itself. */
static const char stamp_rest_pat[] =
    "^(?:[\\s,|·•/–—:-]+|\\([^()]{1,40}\\)|(?i:published|updated|posted|"
    "last|modified|date|time|on|at|gmt|utc|est|edt|bst|cet|cest|eet|eest|"
    "msk|ist|et|pt|local|a\\.?m\\.?|p\\.?m\\.?|mon|tue|wed|thu|fri|sat|"
    "sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b\\.?|"
    "\\p{Lu}[\\p{L}]+(?:\\s\\p{Lu}[\\p{L}]+)?(?=\\s*[|·•])|"
    "\\[?\\d+\\]?)*$";

struct stamper {
	struct regex	 dateline;
	struct regex	 date;
	struct regex	 time;
	struct regex	 rest;
	struct buf	 scratch;
};

struct stamper *
stamper_new(void)
{
	struct stamper	*st;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		err(2, "out of memory");
	regex_builtin(&st->dateline, dateline_pat, 0);
	regex_builtin(&st->date, date_pat, 0);
	regex_builtin(&st->time, time_pat, 0);
	regex_builtin(&st->rest, stamp_rest_pat, 0);
	return st;
}

void
stamper_free(struct stamper *st)
{
	if (st == NULL)
		return;
	regex_free(&st->dateline);
	regex_free(&st->date);
	regex_free(&st->time);
	regex_free(&st->rest);
	buf_free(&st->scratch);
	free(st);
}

static int	group_int(const struct regex *, const char *, const char *,
		    int *);
static int	group_month(const struct regex *, const char *, const char *,
		    int *);

/*
 * Length of a wire dateline opening s, or 0. The date it names, if any,
 * goes to t (t->y stays 0 when the dateline gives no year).
 */
size_t
stamp_dateline(struct stamper *st, const char *s, size_t n,
    struct date_time *t)
{
	size_t	 a, b, letters = 0, i;

	memset(t, 0, sizeof(*t));
	if (n < 8 || !regex_match(&st->dateline, s, n, 0))
		return 0;
	regex_group(&st->dateline, 0, &a, &b);
	/* Capitals in the place name, so "A - B" is no dateline. */
	for (i = 0; i < b && s[i] != ',' && s[i] != ' '; i++)
		letters += s[i] >= 'A' && s[i] <= 'Z';
	if (letters < 3)
		return 0;
	if (group_month(&st->dateline, s, "dm", &t->m) == 0 &&
	    group_int(&st->dateline, s, "dd", &t->d) == 0 &&
	    group_int(&st->dateline, s, "dy", &t->y) == -1)
		t->y = 0;
	if (t->m == 0 || t->d < 1 || t->d > 31 ||
	    (t->y != 0 && !date_valid(t->y, t->m, t->d)))
		memset(t, 0, sizeof(*t));
	return b;
}

static int
group_int(const struct regex *re, const char *s, const char *name, int *v)
{
	size_t	 a, b;

	if (regex_named(re, name, &a, &b) == -1 || a == b)
		return -1;
	*v = 0;
	for (; a < b; a++)
		*v = *v * 10 + (s[a] - '0');
	return 0;
}

static int
group_month(const struct regex *re, const char *s, const char *name, int *m)
{
	size_t	 a, b;

	if (regex_named(re, name, &a, &b) == -1 || a == b)
		return -1;
	if (s[b - 1] == '.')
		b--;
	*m = date_month_index(s + a, b - a);
	return *m == 0 ? -1 : 0;
}

/*
 * 7/23/2022: month first, as US sites write it, unless the first number
 * cannot be a month (23/7/2022).
 */
static int
us_numeric(struct stamper *st, const char *s, struct date_time *t)
{
	int	 swap;

	if (group_int(&st->date, s, "m4", &t->m) == -1 ||
	    group_int(&st->date, s, "d4", &t->d) == -1 ||
	    group_int(&st->date, s, "y4", &t->y) == -1)
		return 0;
	if (t->m > 12) {
		swap = t->m;
		t->m = t->d;
		t->d = swap;
	}
	return 1;
}

/*
 * The first full date (with year) in s, and a time if one is given;
 * returns 1 and fills t, with *len the span the date and time cover.
 */
static int
find_full_date(struct stamper *st, const char *s, size_t n,
    struct date_time *t, size_t *da, size_t *db)
{
	int	 ok;

	memset(t, 0, sizeof(*t));
	if (!regex_match(&st->date, s, n, 0))
		return 0;
	regex_group(&st->date, 0, da, db);
	ok = (group_month(&st->date, s, "m1", &t->m) == 0 &&
	    group_int(&st->date, s, "d1", &t->d) == 0 &&
	    group_int(&st->date, s, "y1", &t->y) == 0) ||
	    (group_month(&st->date, s, "m2", &t->m) == 0 &&
	    group_int(&st->date, s, "d2", &t->d) == 0 &&
	    group_int(&st->date, s, "y2", &t->y) == 0) ||
	    (group_int(&st->date, s, "m3", &t->m) == 0 &&
	    group_int(&st->date, s, "d3", &t->d) == 0 &&
	    group_int(&st->date, s, "y3", &t->y) == 0) ||
	    us_numeric(st, s, t);
	return ok && date_valid(t->y, t->m, t->d) && t->y >= 1900;
}

static void
find_time(struct stamper *st, const char *s, size_t n, struct date_time *t,
    size_t *ta, size_t *tb)
{
	size_t	 a, b;
	int	 h, mi;

	*ta = *tb = 0;
	if (!regex_match(&st->time, s, n, 0) ||
	    group_int(&st->time, s, "h", &h) == -1 ||
	    group_int(&st->time, s, "mi", &mi) == -1)
		return;
	if (regex_named(&st->time, "ap", &a, &b) == 0 && b > a) {
		if (h < 1 || h > 12)
			return;
		h = h % 12 + ((s[a] == 'p' || s[a] == 'P') ? 12 : 0);
	}
	if (h > 23 || mi > 59)
		return;
	regex_group(&st->time, 0, ta, tb);
	t->hh = h;
	t->mm = mi;
	t->has_time = 1;
}

/*
 * The date and time a line gives, if it has a full date. *covers is set
 * when date, time and labels are all the line holds (a stamp line).
 */
int
stamp_find_date(struct stamper *st, const char *s, size_t n,
    struct date_time *t, int *covers)
{
	size_t	 da, db, ta, tb;

	*covers = 0;
	if (!find_full_date(st, s, n, t, &da, &db))
		return 0;
	find_time(st, s, n, t, &ta, &tb);
	if (tb > da && ta < db)
		ta = tb = 0;	/* the "time" was inside the date */
	buf_reset(&st->scratch);
	buf_add(&st->scratch, s, n);
	memset(st->scratch.p + da, ' ', db - da);
	if (tb > ta)
		memset(st->scratch.p + ta, ' ', tb - ta);
	*covers = regex_match(&st->rest, st->scratch.p, n, 0);
	return 1;
}

/* A short line made of a date, perhaps a time, an agency and labels. */
int
stamp_is_stamp(struct stamper *st, const char *s, size_t n, int words)
{
	struct date_time t;
	int		 covers;

	if (words > 14 || n > 160)
		return 0;
	return stamp_find_date(st, s, n, &t, &covers) && covers;
}
