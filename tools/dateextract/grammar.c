/*
 * The date grammar: rules over tokens that recognise temporal expressions
 * and describe, in a struct tx, how each is to be resolved (resolve.c).
 */
#include <string.h>

#include <bsd/string.h>

#include "abbrev.h"
#include "dateextract.h"
#include "words.h"

struct g {
	const char		*s;
	const struct tok	*t;
	size_t			 n;
};

/* A struct tx before a rule fills it in. */
static const struct tx blank = { .holiday = -1, .p = { .y = PT_NOYEAR } };

static int	core(const struct g *, size_t, struct tx *);
static size_t	expr(const struct g *, size_t, struct tx *);
static int	sentence_end(const struct g *, size_t);

/* Token accessors that are safe past either end. */
static unsigned
wid(const struct g *g, size_t i)
{
	return i < g->n && g->t[i].kind == T_WORD ? g->t[i].id : 0;
}

static int
is(const struct g *g, size_t i, unsigned id)
{
	return id != 0 && wid(g, i) == id;
}

static const struct lexent *
ent(const struct g *g, size_t i)
{
	return lex_entry(wid(g, i));
}

static int
cat(const struct g *g, size_t i)
{
	return ent(g, i)->cat;
}

static int
punct(const struct g *g, size_t i, char c)
{
	return i < g->n && g->t[i].kind == T_PUNCT && g->t[i].ch == c;
}

/* Token i follows token i-1 with no space between. */
static int
glued(const struct g *g, size_t i)
{
	return i < g->n && i > 0 && !(g->t[i].fl & TF_SPACE);
}

static int
cap(const struct g *g, size_t i)
{
	return i < g->n && (g->t[i].fl & TF_CAP);
}

/*
 * A unit word in title case after another word ("This Week", "60
 * Minutes", "High Noon") names a show or a film, not a time.
 */
static int
titled(const struct g *g, size_t i)
{
	return i > 0 && i < g->n && (g->t[i].fl & TF_CAP) &&
	    (g->t[i].fl & TF_SPACE) && g->t[i - 1].kind != T_PUNCT;
}

static int
isnum(const struct g *g, size_t i, unsigned maxdig)
{
	return i < g->n && g->t[i].kind == T_NUM && g->t[i].ndig <= maxdig;
}

static unsigned
numv(const struct g *g, size_t i)
{
	return g->t[i].num;
}

/* A number glued to more digits ("5,000", "3.5") is not a plain number. */
static int
plainnum(const struct g *g, size_t i)
{
	if (i >= g->n || g->t[i].kind != T_NUM)
		return 0;
	if ((punct(g, i + 1, ',') || punct(g, i + 1, '.')) &&
	    isnum(g, i + 2, 255) && glued(g, i + 1) && glued(g, i + 2))
		return 0;
	if (i >= 2 && (punct(g, i - 1, '.') || punct(g, i - 1, ',') ||
	    punct(g, i - 1, '/')) && glued(g, i) && glued(g, i - 1) &&
	    isnum(g, i - 2, 255))
		return 0;
	if (i >= 1 && (punct(g, i - 1, '$') || punct(g, i - 1, '#')) &&
	    glued(g, i))
		return 0;
	if (punct(g, i + 1, '%'))
		return 0;
	return 1;
}

/*
 * A cardinal: digits or number words ("twenty four", "twenty-four",
 * "a hundred"); *end gets the token after it. 0 when there is none.
 */
static unsigned
cardinal(const struct g *g, size_t i, size_t *end)
{
	unsigned	 v;

	if (isnum(g, i, 5) && plainnum(g, i)) {
		*end = i + 1;
		return numv(g, i);
	}
	if ((is(g, i, W_A) || is(g, i, W_ONE)) && is(g, i + 1, W_HUNDRED)) {
		*end = i + 2;
		return 100;
	}
	if (cat(g, i) != C_NUMW || is(g, i, W_HUNDRED) || is(g, i, W_DOZEN))
		return 0;
	v = (unsigned)ent(g, i)->val;
	*end = i + 1;
	if (v >= 20 && v % 10 == 0) {
		size_t	 j = i + 1;

		if (punct(g, j, '-') && glued(g, j) && glued(g, j + 1))
			j++;
		if (cat(g, j) == C_NUMW && ent(g, j)->val < 10) {
			v += (unsigned)ent(g, j)->val;
			*end = j + 1;
		}
	}
	if (is(g, *end, W_HUNDRED)) {
		v *= 100;
		(*end)++;
	}
	return v;
}

static int
unit_of(const struct g *g, size_t i, int *plural)
{
	if (cat(g, i) != C_UNIT)
		return U_NONE;
	*plural = ent(g, i)->plural;
	return ent(g, i)->val;
}

static void
setlit(struct tx *x, int type, const char *v)
{
	x->type = type;
	x->how = H_LIT;
	strlcpy(x->lit, v, sizeof(x->lit));
}

/* A TIMEX3 duration value: P3Y, PT24H, PXW when n is 0 (unknown). */
static void
duration(struct tx *x, unsigned n, int unit)
{
	static const char *const code[] = {
		[U_SEC] = "S", [U_MIN] = "M", [U_HOUR] = "H", [U_PART] = "D",
		[U_DAY] = "D", [U_WEEKEND] = "WE", [U_WEEK] = "W",
		[U_MONTH] = "M", [U_SEASON] = "M", [U_QUARTER] = "Q",
		[U_HALF] = "M", [U_YEAR] = "Y", [U_DECADE] = "DE",
		[U_CENTURY] = "CE"
	};
	char		 num[16];
	int		 t = unit <= U_HOUR;

	if (unit == U_HALF)
		n *= 6;
	/* TimeML writes decades in years: "two decades" is P20Y */
	if (unit == U_DECADE) {
		n *= 10;
		unit = U_YEAR;
	}
	if (n == 0)
		strlcpy(num, "X", sizeof(num));
	else {
		size_t	 k = sizeof(num) - 1;

		num[k] = '\0';
		while (n > 0 && k > 0) {
			num[--k] = (char)('0' + n % 10);
			n /= 10;
		}
		memmove(num, num + k, sizeof(num) - k);
	}
	x->type = TYPE_DURATION;
	x->how = H_LIT;
	strlcpy(x->lit, t ? "PT" : "P", sizeof(x->lit));
	strlcat(x->lit, num, sizeof(x->lit));
	strlcat(x->lit, code[unit], sizeof(x->lit));
}

static void
shift(struct tx *x, int unit, int n, int base)
{
	x->type = TYPE_DATE;
	x->how = H_SHIFT;
	x->unit = unit;
	x->n = n;
	x->base = base;
}

/* A year in digits: 4 digits within 1000..2099 (bounds checked by caller). */
static int
year_at(const struct g *g, size_t i)
{
	return isnum(g, i, 4) && g->t[i].ndig == 4 && numv(g, i) >= 1000 &&
	    numv(g, i) <= 2099 && plainnum(g, i);
}

/* Is the word before token i one of the n word ids in w? */
static int
after_one_of(const struct g *g, size_t i, const unsigned *w, size_t n)
{
	unsigned	 id;
	size_t		 k;

	if (i == 0)
		return 0;
	id = wid(g, i - 1);
	for (k = 0; k < n; k++)
		if (id == w[k])
			return 1;
	return 0;
}

#define AFTER_ONE_OF(g, i, w) \
	after_one_of((g), (i), (w), sizeof(w) / sizeof((w)[0]))

/* Words after which a bare four-digit number is read as a year. */
static int
year_context(const struct g *g, size_t i)
{
	static const unsigned w[] = {
		W_IN, W_SINCE, W_BY, W_UNTIL, W_TILL, W_BEFORE, W_AFTER,
		W_FROM, W_DURING, W_OF, W_THROUGH, W_TO, W_BETWEEN, W_AND,
		W_FISCAL, W_FY, W_EARLY, W_LATE, W_MID, W_AROUND, W_YEAR,
		W_SPRING, W_SUMMER, W_FALL, W_AUTUMN, W_WINTER, W_ON, W_THE,
		W_END, W_FOR, W_OR
	};

	return AFTER_ONE_OF(g, i, w);
}

/* What may follow a bare year: punctuation, the end, or a clause. */
static int
year_follow(const struct g *g, size_t i)
{
	if (i >= g->n)
		return 1;
	if (g->t[i].kind == T_PUNCT)
		return !punct(g, i, '%') && !(punct(g, i, '-') &&
		    isnum(g, i + 1, 3) && g->t[i + 1].ndig != 2);
	return g->t[i].kind == T_WORD && !(g->t[i].fl & TF_LOWER);
}

/* Optional ordinal suffix glued to a number: 5th, 1st, 22nd, 3rd. */
static size_t
ordsuffix(const struct g *g, size_t i)
{
	if (glued(g, i) && (is(g, i, W_TH) || is(g, i, W_ST) ||
	    is(g, i, W_ND) || is(g, i, W_RD)))
		return i + 1;
	return i;
}

/* A month name usable as a date at i; *abbr set for Jan., Sept. */
static int
month_at(const struct g *g, size_t i, int *abbr)
{
	int	 c = cat(g, i);

	if ((c != C_MONTH && c != C_MONABBR) || !cap(g, i))
		return 0;
	*abbr = c == C_MONABBR;
	return ent(g, i)->val;
}

/*
 * A year in words: "nineteen ninety-six", "nineteen eighty", "two
 * thousand [and] one"; the end token and *y, or 0.
 */
static size_t
spoken_year(const struct g *g, size_t i, int *y)
{
	size_t		 k;
	unsigned	 a, b;

	if (cat(g, i) != C_NUMW)
		return 0;
	a = (unsigned)ent(g, i)->val;
	if (a == 2 && is(g, i + 1, W_THOUSAND)) {
		*y = 2000;
		k = i + 2;
		if (is(g, k, W_AND) && cat(g, k + 1) == C_NUMW)
			k++;
		if (cat(g, k) == C_NUMW && (b = cardinal(g, k, &k)) < 100)
			*y += (int)b;
		return k;
	}
	if (a < 11 || a > 20 || cat(g, i + 1) != C_NUMW ||
	    (b = cardinal(g, i + 1, &k)) < 10 || b > 99 ||
	    (b < 20 && b % 10 != 0))
		return 0;
	*y = (int)(a * 100 + b);
	return k;
}

/* After a month or day: [,] YEAR; returns the end, sets *y. */
static size_t
opt_year(const struct g *g, size_t j, int *y)
{
	size_t	 k = j, e;

	if (punct(g, k, ',') || is(g, k, W_OF))
		k++;
	if (year_at(g, k) && !punct(g, k + 1, ':')) {
		*y = (int)numv(g, k);
		return k + 1;
	}
	if ((e = spoken_year(g, k, y)) != 0)
		return e;
	if (punct(g, k, '\'') && isnum(g, k + 1, 2) && glued(g, k + 1) &&
	    g->t[k + 1].ndig == 2 && !punct(g, k + 2, ':')) {
		*y = 1900 + (int)numv(g, k + 1);
		if (*y < 1930)
			*y += 100;
		return k + 2;
	}
	return j;
}

static int
day_ok(const struct g *g, size_t i)
{
	return isnum(g, i, 2) && numv(g, i) >= 1 && numv(g, i) <= 31 &&
	    plainnum(g, i) && !(punct(g, i + 1, ':') && glued(g, i + 1) &&
	    isnum(g, i + 2, 2) && glued(g, i + 2)) &&
	    !(punct(g, i + 1, '-') && glued(g, i + 1) && is(g, i + 2, 0) &&
	    cat(g, i + 2) == C_UNIT);
}

/* Words before a lone "May" that make it the month. */
static int
may_context(const struct g *g, size_t i)
{
	static const unsigned w[] = {
		W_IN, W_SINCE, W_UNTIL, W_TILL, W_BY, W_DURING, W_LAST,
		W_THIS, W_NEXT, W_EARLY, W_LATE, W_MID, W_OF, W_FROM,
		W_THROUGH, W_BEFORE, W_AFTER, W_AND, W_TO, W_BETWEEN
	};

	return AFTER_ONE_OF(g, i, w);
}

/* A complete date with a known year makes it absolute. */
static void
date_fields(struct tx *x, int y, int m, int d)
{
	x->type = TYPE_DATE;
	x->p.y = y;
	x->p.m = m;
	x->p.d = d;
	x->p.gran = d ? U_DAY : U_MONTH;
	x->how = y == PT_NOYEAR ? H_NOYEAR : H_ABS;
	if (y != PT_NOYEAR && d != 0 && !date_valid(y, m, d))
		x->how = -1;
}

/* April 5, 2022 / April 5 / April 2022 / April / Sept. 30 */
static size_t
r_month(const struct g *g, size_t i, struct tx *x)
{
	int	 m, abbr, y = PT_NOYEAR, d;
	size_t	 j, k;

	if ((m = month_at(g, i, &abbr)) == 0)
		return 0;
	j = i + 1;
	if (abbr && punct(g, j, '.') && glued(g, j))
		j++;
	if (day_ok(g, j) && !(year_at(g, j))) {
		d = (int)numv(g, j);
		k = ordsuffix(g, j + 1);
		k = opt_year(g, k, &y);
		date_fields(x, y, m, d);
		return x->how < 0 ? 0 : k;
	}
	if ((k = opt_year(g, j, &y)) != j) {
		date_fields(x, y, m, 0);
		return k;
	}
	if (abbr)
		return 0;
	if (m == 5 && !may_context(g, i))
		return 0;
	/* "the March for Life", "the March of the Mothers": a march */
	if ((is(g, j, W_OF) || is(g, j, W_FOR)) && (cap(g, j + 1) ||
	    is(g, j + 1, W_THE)))
		return 0;
	date_fields(x, PT_NOYEAR, m, 0);
	return j;
}

/* 5 April 2022, 5th of April */
static size_t
r_daymonth(const struct g *g, size_t i, struct tx *x)
{
	size_t	 j, k;
	int	 m, abbr, y = PT_NOYEAR;

	if (!day_ok(g, i))
		return 0;
	j = ordsuffix(g, i + 1);
	if (is(g, j, W_OF) && j > i + 1)
		j++;
	if ((m = month_at(g, j, &abbr)) == 0)
		return 0;
	j++;
	if (abbr && punct(g, j, '.') && glued(g, j))
		j++;
	k = opt_year(g, j, &y);
	date_fields(x, y, m, (int)numv(g, i));
	return x->how < 0 ? 0 : k;
}

/* 2022-04-05, 4/5/2022, 05.04.2022 */
static size_t
r_numeric(const struct g *g, size_t i, struct tx *x)
{
	unsigned	 a, b, c;

	if (!isnum(g, i, 4) || !glued(g, i + 1) || !glued(g, i + 2) ||
	    !glued(g, i + 3) || !glued(g, i + 4))
		return 0;
	if (i > 0 && glued(g, i) && g->t[i - 1].kind != T_WORD &&
	    !punct(g, i - 1, '(') && !punct(g, i - 1, '"'))
		return 0;
	if (punct(g, i + 5, '-') && glued(g, i + 5))
		return 0;
	a = numv(g, i);
	if (g->t[i].ndig == 4 && punct(g, i + 1, '-') && isnum(g, i + 2, 2) &&
	    punct(g, i + 3, '-') && isnum(g, i + 4, 2)) {
		b = numv(g, i + 2);
		c = numv(g, i + 4);
		if (!date_valid((int)a, (int)b, (int)c))
			return 0;
		date_fields(x, (int)a, (int)b, (int)c);
		return i + 5;
	}
	if (g->t[i].ndig <= 2 && (punct(g, i + 1, '/') ||
	    punct(g, i + 1, '.')) && isnum(g, i + 2, 2) &&
	    punct(g, i + 3, g->t[i + 1].ch) && isnum(g, i + 4, 4) &&
	    g->t[i + 4].ndig == 4 && !(glued(g, i + 5) && glued(g, i + 6) &&
	    isnum(g, i + 6, 255))) {
		b = numv(g, i + 2);
		c = numv(g, i + 4);
		/* slashes are US month/day; dots are day.month */
		if (g->t[i + 1].ch == '.' || a > 12) {
			unsigned t = a;
			a = b;
			b = t;
		}
		if (!date_valid((int)c, (int)a, (int)b))
			return 0;
		date_fields(x, (int)c, (int)a, (int)b);
		return i + 5;
	}
	return 0;
}

/* a.m./p.m./am/pm after a clock number: returns the end, *pm 0 or 1. */
static size_t
ampm(const struct g *g, size_t i, int *pm)
{
	size_t	 j = i;
	unsigned id = wid(g, i);

	if (id == W_AM || id == W_PM) {
		*pm = id == W_PM;
		j = i + 1;
	} else if ((is(g, i, W_A) || is(g, i, W_P)) && punct(g, i + 1, '.') &&
	    glued(g, i + 1) && is(g, i + 2, W_M) && glued(g, i + 2)) {
		*pm = is(g, i, W_P);
		j = i + 3;
		if (punct(g, j, '.') && glued(g, j))
			j++;
	} else
		return i;
	if (id == W_AM && (g->t[i].fl & TF_CAP) && !(g->t[i].fl & TF_LOWER) &&
	    g->t[i].e - g->t[i].s == 2 && (g->s[g->t[i].s + 1] == 'm'))
		return i;	/* "Am" the verb at a sentence start */
	return j;
}

/* Zone abbreviations and their offsets east of UTC, in minutes. */
static const struct {
	unsigned	 id;
	int		 off;
} zones[] = {
	{ W_GMT, 0 }, { W_UTC, 0 }, { W_EST, -300 },
	{ W_EDT, -240 }, { W_CST, -360 }, { W_CDT, -300 }, { W_MST, -420 },
	{ W_MDT, -360 }, { W_PST, -480 }, { W_PDT, -420 }, { W_CET, 60 },
	{ W_CEST, 120 }, { W_BST, 60 }, { W_EET, 120 }, { W_EEST, 180 },
	{ W_MSK, 180 }, { W_JST, 540 }
};

/* +3, -05, +05:30, +0530 glued after GMT or UTC: minutes, or -1. */
static size_t
zone_offset(const struct g *g, size_t i, int *off)
{
	int	 sign, h, m = 0;
	size_t	 j = i + 2;

	if (!(punct(g, i, '+') || punct(g, i, '-')) || !glued(g, i) ||
	    !isnum(g, i + 1, 4) || !glued(g, i + 1))
		return i;
	sign = punct(g, i, '-') ? -1 : 1;
	h = (int)numv(g, i + 1);
	if (g->t[i + 1].ndig > 2) {
		if (g->t[i + 1].ndig != 4)
			return i;
		m = h % 100;
		h /= 100;
	} else if (punct(g, j, ':') && glued(g, j) && isnum(g, j + 1, 2) &&
	    g->t[j + 1].ndig == 2 && glued(g, j + 1)) {
		m = (int)numv(g, j + 1);
		j += 2;
	}
	if (h > 14 || m > 59)
		return i;
	*off = sign * (h * 60 + m);
	return j;
}

/* A time zone after a clock time: the end, and x->p.tz when known. */
static size_t
zone(const struct g *g, size_t i, struct tx *x)
{
	unsigned	 id = wid(g, i);
	size_t		 k;
	int		 off;

	if (id == W_LOCAL && is(g, i + 1, W_TIME))
		return i + 2;
	/* upper case only: "Est" or "Cst" is no zone */
	if (id == 0 || !(g->t[i].fl & TF_CAP) || (g->t[i].e - g->t[i].s > 1 &&
	    !(g->s[g->t[i].s + 1] >= 'A' && g->s[g->t[i].s + 1] <= 'Z')))
		return i;
	for (k = 0; k < sizeof(zones) / sizeof(zones[0]); k++)
		if (zones[k].id == id)
			break;
	if (k == sizeof(zones) / sizeof(zones[0]))
		return i;
	x->p.tzset = 1;
	x->p.tz = zones[k].off;
	if (id == W_GMT || id == W_UTC) {
		size_t	 e = zone_offset(g, i + 1, &off);

		if (e != i + 1) {
			x->p.tz = off;
			return e;
		}
	}
	return i + 1;
}

/* 14:25, 2:30 p.m., 2 p.m., 10pm GMT */
static size_t
r_clock(const struct g *g, size_t i, struct tx *x)
{
	size_t		 j;
	int		 pm = -1, h, mi = 0;

	if (!isnum(g, i, 2) || numv(g, i) > 24 || (i > 0 && glued(g, i) &&
	    (punct(g, i - 1, '$') || punct(g, i - 1, '.'))))
		return 0;
	h = (int)numv(g, i);
	j = i + 1;
	if ((punct(g, j, ':') || punct(g, j, '.')) && glued(g, j) &&
	    isnum(g, j + 1, 2) && g->t[j + 1].ndig == 2 && glued(g, j + 1) &&
	    numv(g, j + 1) < 60) {
		if (punct(g, j, '.') && !(is(g, j + 2, W_AM) ||
		    is(g, j + 2, W_PM) || is(g, j + 2, W_A) ||
		    is(g, j + 2, W_P)))
			return 0;
		mi = (int)numv(g, j + 1);
		j += 2;
		if (punct(g, j, ':') && isnum(g, j + 1, 2) && glued(g, j))
			j += 2;
		if (punct(g, j, ':') || punct(g, j, '.') ||
		    punct(g, j, ',')) {
			if (glued(g, j) && isnum(g, j + 1, 255) &&
			    glued(g, j + 1))
				return 0;
		}
	} else if (i > 0 && (punct(g, i - 1, ':') || punct(g, i - 1, '.')) &&
	    glued(g, i))
		return 0;
	{
		size_t	 k = ampm(g, j, &pm);

		if (k == j && (j == i + 1 || punct(g, i + 1, '.')))
			return 0;	/* a bare or decimal number */
		j = k;
	}
	if (pm == 1 && h < 12)
		h += 12;
	else if (pm == 0 && h == 12)
		h = 0;
	if (h > 24 || (pm >= 0 && numv(g, i) > 12))
		return 0;
	j = zone(g, j, x);
	x->type = TYPE_TIME;
	x->how = H_PRESENT;
	x->unit = U_DAY;
	x->timeadd = 1;
	x->p.hh = h;
	x->p.mm = mi;
	x->p.gran = U_MIN;
	return j;
}

/* N units [ago|later|earlier|after|before|from now] */
static size_t
tail_shift(const struct g *g, size_t j, struct tx *x, unsigned n, int unit)
{
	unsigned	 id = wid(g, j);

	if (unit == U_SEC || unit == U_MIN || unit == U_HOUR ||
	    unit == U_HALF)
		return j;
	if (id == W_AGO) {
		shift(x, unit, -(int)n, B_DCT);
		x->ago = 1;
		return j + 1;
	}
	if (id == W_FROM && is(g, j + 1, W_NOW)) {
		shift(x, unit, (int)n, B_DCT);
		return j + 2;
	}
	if (id == W_HENCE) {
		shift(x, unit, (int)n, B_DCT);
		return j + 1;
	}
	/*
	 * "a day after the vote" dates the day after it; "a month after
	 * the crash" measures the time between two events (TimeML: a
	 * duration, "after" its signal).
	 */
	if ((id == W_AFTER || id == W_BEFORE) && (n != 1 || unit > U_WEEK))
		return j;
	if (id == W_LATER || id == W_AFTER) {
		shift(x, unit, (int)n, B_TEXT);
		return j + 1;
	}
	if (id == W_EARLIER || id == W_BEFORE) {
		shift(x, unit, -(int)n, B_TEXT);
		return j + 1;
	}
	return j;
}

/* three years, 24 hours, two-year, a week later, 10 days ago */
static size_t
r_count(const struct g *g, size_t i, struct tx *x)
{
	size_t		 j, k;
	unsigned	 n;
	int		 unit, plural = 0, hyph = 0, half = 0;

	if ((is(g, i, W_A) || is(g, i, W_AN)) && !is(g, i + 1, W_HUNDRED)) {
		n = 1;
		j = i + 1;
		if (is(g, j, W_FEW) || is(g, j, W_COUPLE)) {
			/* a couple of years: two */
			n = is(g, j, W_COUPLE) ? 2 : 0;
			j++;
			if (is(g, j, W_OF))
				j++;
		}
	} else if (is(g, i, W_SEVERAL) || is(g, i, W_MANY) ||
	    is(g, i, W_FEW)) {
		n = 0;
		j = i + 1;
	} else if ((n = cardinal(g, i, &j)) == 0)
		return 0;
	/* 2 1/2 years */
	if (n != 0 && isnum(g, j, 1) && numv(g, j) == 1 && punct(g, j + 1, '/') &&
	    glued(g, j + 1) && isnum(g, j + 2, 1) && numv(g, j + 2) == 2 &&
	    glued(g, j + 2)) {
		half = 1;
		j += 3;
	}
	/* a range in words: two to three weeks, 12 to 18 months */
	if (n != 0 && !half && (is(g, j, W_TO) || is(g, j, W_OR))) {
		size_t	 k2;
		int	 p2 = 0;

		if (cardinal(g, j + 1, &k2) > n && unit_of(g, k2, &p2) !=
		    U_NONE && p2)
			j = k2;
	}
	/* two more weeks, an additional year */
	if (n != 0 && (is(g, j, W_MORE) || is(g, j, W_ADDITIONAL)) &&
	    cat(g, j + 1) == C_UNIT)
		j++;
	if (punct(g, j, '-') && glued(g, j) && glued(g, j + 1)) {
		hyph = 1;
		j++;
	}
	if ((unit = unit_of(g, j, &plural)) == U_NONE || unit == U_WEEKEND ||
	    titled(g, j))
		return 0;
	/* "more than a quarter of the market" is a share */
	if (unit == U_QUARTER && n == 1 && is(g, j + 1, W_OF) &&
	    !year_at(g, j + 2))
		return 0;
	/* "a year-earlier profit" is the year before, not a year */
	if (punct(g, j + 1, '-') && glued(g, j + 1) && glued(g, j + 2) &&
	    (is(g, j + 2, W_EARLIER) || is(g, j + 2, W_AGO)))
		return 0;
	if (n == 1 && plural && !hyph && !isnum(g, i, 5))
		return 0;
	if (n > 1 && !plural && !hyph && isnum(g, i, 5))
		return 0;	/* "20 year" reads as a compound noun */
	if (hyph && plural)
		return 0;	/* "three-quarters" */
	if (is(g, j + 1, W_OLD) || (punct(g, j + 1, '-') && glued(g, j + 1) &&
	    is(g, j + 2, W_OLD)))
		return 0;	/* an age: "a 6-year-old", "52 years old" */
	if (n == 0 && plural && is(g, j + 1, W_AGO)) {
		setlit(x, TYPE_DATE, "PAST_REF");
		return j + 2;
	}
	if (unit == U_HALF)
		return 0;
	if (n != 0 && !hyph && (k = tail_shift(g, j + 1, x, n, unit)) !=
	    j + 1)
		return k;
	/* "a year" after an amount is a rate: "$5 a year", "twice a day" */
	if (is(g, i, W_A) && n == 1 && i > 0 &&
	    (g->t[i - 1].kind == T_NUM || cat(g, i - 1) == C_NUMW ||
	    (g->t[i - 1].kind == T_WORD && g->t[i - 1].e - g->t[i - 1].s >= 4 &&
	    memcmp(g->s + g->t[i - 1].e - 3, "ice", 3) == 0))) {
		duration(x, 1, unit);
		x->type = TYPE_SET;
		return j + 1;
	}
	/* a year and a half, two hours and a half */
	if (n != 0 && !half && !hyph && is(g, j + 1, W_AND) &&
	    (is(g, j + 2, W_A) || is(g, j + 2, W_AN)) &&
	    is(g, j + 3, W_HALF) && (unit == U_YEAR || unit == U_HOUR ||
	    unit == U_MIN || unit == U_DAY)) {
		half = 1;
		j += 3;
	}
	duration(x, n, unit);
	if (half) {
		if (unit == U_YEAR)
			strlcat(x->lit, "6M", sizeof(x->lit));
		else if (unit == U_HOUR || unit == U_MIN)
			strlcat(x->lit, unit == U_HOUR ? "30M" : "30S",
			    sizeof(x->lit));
		else if (unit == U_DAY)
			strlcat(x->lit, "T12H", sizeof(x->lit));
		else
			return 0;
	}
	return j + 1;
}

/* the 1990s, the '90s, 1990s */
static size_t
r_decade(const struct g *g, size_t i, struct tx *x)
{
	unsigned	 y;
	size_t		 j = i;

	if (punct(g, j, '\'') && isnum(g, j + 1, 2) && glued(g, j + 1) &&
	    g->t[j + 1].ndig == 2) {
		y = 1900 + numv(g, j + 1);
		j += 2;
	} else if (isnum(g, j, 4) && g->t[j].ndig == 4 && year_at(g, j)) {
		y = numv(g, j);
		j++;
	} else if (wid(g, i) >= W_TWENTIES && wid(g, i) <= W_NINETIES &&
	    (is(g, i - 1, W_THE) || ((is(g, i - 1, W_EARLY) ||
	    is(g, i - 1, W_LATE) || is(g, i - 1, W_MID)) &&
	    is(g, i - 2, W_THE)) || (punct(g, i - 1, '-') &&
	    is(g, i - 2, W_MID) && is(g, i - 3, W_THE)))) {
		/* the nineties, the early eighties: of the 1900s; "in
		 * his nineties" is an age */
		x->type = TYPE_DATE;
		x->how = H_LIT;
		x->lit[0] = '1';
		x->lit[1] = '9';
		x->lit[2] = (char)('0' + ent(g, i)->val);
		x->lit[3] = '\0';
		return i + 1;
	} else
		return 0;
	if (!is(g, j, W_S) || !glued(g, j) || y % 10 != 0)
		return 0;
	x->type = TYPE_DATE;
	x->how = H_LIT;
	x->lit[0] = (char)('0' + y / 1000);
	x->lit[1] = (char)('0' + y / 100 % 10);
	x->lit[2] = (char)('0' + y / 10 % 10);
	x->lit[3] = '\0';
	if (y % 100 == 0) {
		/* "the 1900s" is a century */
		x->lit[2] = '\0';
	}
	return j + 1;
}

/* the 20th century */
static size_t
r_century(const struct g *g, size_t i, struct tx *x)
{
	size_t		 j;
	unsigned	 c;

	if (!isnum(g, i, 2) || !plainnum(g, i))
		return 0;
	c = numv(g, i);
	j = ordsuffix(g, i + 1);
	if (j == i + 1 || c < 1 || c > 21)
		return 0;
	if (punct(g, j, '-') && glued(g, j))
		j++;
	if (!is(g, j, W_CENTURY))
		return 0;
	x->type = TYPE_DATE;
	x->how = H_LIT;
	x->lit[0] = (char)('0' + (c - 1) / 10);
	x->lit[1] = (char)('0' + (c - 1) % 10);
	x->lit[2] = '\0';
	return j + 1;
}

/*
 * A year before a noun, after a possessive or a determiner: "its 1990
 * invasion", "Kuwait's 1989 results", "a 1996 law", "bonds due 1993".
 * A plural noun after it reads as a count ("its 2000 employees").
 */
static int
year_attributive(const struct g *g, size_t i)
{
	static const unsigned w[] = {
		W_ITS, W_HIS, W_HER, W_THEIR, W_A, W_THAT, W_BOTH, W_DUE
	};
	const struct tok *t;

	if (i == 0 || numv(g, i) < 1900 || i + 1 >= g->n)
		return 0;
	t = &g->t[i + 1];
	if (t->kind != T_WORD || !(t->fl & TF_LOWER) ||
	    (g->s[t->e - 1] == 's' && !is(g, i - 1, W_BOTH) &&
	    !is(g, i - 1, W_DUE)))
		return 0;
	if (is(g, i - 1, W_S) && glued(g, i - 1) && punct(g, i - 2, '\'') &&
	    glued(g, i - 2))
		return 1;
	return AFTER_ONE_OF(g, i, w);
}

/* A year in a list after another one: "in 1994, 1995 and 1997" */
static int
year_listed(const struct g *g, size_t i)
{
	return i >= 2 && (punct(g, i - 1, ',') || is(g, i - 1, W_AND) ||
	    is(g, i - 1, W_OR)) && year_at(g, i - 2) && numv(g, i) >= 1900;
}

/* A year standing alone, where the context says it is one. */
static size_t
r_year(const struct g *g, size_t i, struct tx *x)
{
	int	 attr;

	if (!year_at(g, i) || punct(g, i + 1, ':'))
		return 0;
	if (glued(g, i + 1) && g->t[i + 1].kind == T_WORD)
		return 0;
	attr = year_attributive(g, i) || year_listed(g, i) ||
	    (punct(g, i - 1, '-') && glued(g, i) && is(g, i - 2, W_MID));
	if (!attr && !year_context(g, i) && !(year_follow(g, i + 1) &&
	    numv(g, i) >= 1900))
		return 0;
	/* "and 1990 votes": a conjunction alone does not make a year */
	if ((is(g, i - 1, W_AND) || is(g, i - 1, W_OR) || is(g, i - 1, W_TO)) &&
	    !year_follow(g, i + 1) && !attr)
		return 0;
	if (i > 0 && g->t[i - 1].kind == T_NUM)
		return 0;
	/* after a name it is part of it: "Orion 1980", "Euro 2004" */
	if (i >= 2 && !attr && g->t[i - 1].kind == T_WORD &&
	    g->t[i - 1].id == 0 && (g->t[i - 1].fl & TF_CAP) &&
	    !sentence_end(g, i - 2))
		return 0;
	x->type = TYPE_DATE;
	x->how = H_ABS;
	x->p.y = (int)numv(g, i);
	x->p.gran = U_YEAR;
	return i + 1;
}

/* Weekday, optionally with a date: Tuesday, April 5, 2022 */
static size_t
r_weekday(const struct g *g, size_t i, struct tx *x)
{
	size_t	 j, k;

	if (cat(g, i) != C_WDAY || !cap(g, i))
		return 0;
	if (ent(g, i)->plural) {
		static const char v[] = "XXXX-WXX-0";

		setlit(x, TYPE_SET, v);
		x->lit[9] = (char)('0' + ent(g, i)->val);
		return i + 1;
	}
	j = i + 1;
	if (punct(g, j, ','))
		j++;
	if ((k = r_month(g, j, x)) != 0 && x->p.d != 0)
		return k;
	if ((k = r_daymonth(g, j, x)) != 0)
		return k;
	memset(x, 0, sizeof(*x));
	x->type = TYPE_DATE;
	x->how = H_WDAY;
	x->wd = ent(g, i)->val;
	x->p.gran = U_DAY;
	return i + 1;
}

/* last/this/next/coming/previous/past + unit, weekday, month, season */
static size_t
r_deictic(const struct g *g, size_t i, struct tx *x, int the)
{
	unsigned	 id = wid(g, i);
	int		 dir, unit, plural = 0, abbr;
	size_t		 j = i + 1, k;
	unsigned	 n;
	size_t		 h;

	switch (id) {
	case W_LAST: case W_PAST: case W_PREVIOUS: case W_PRIOR:
		dir = -1;
		break;
	case W_THIS:
		dir = 0;
		break;
	case W_THAT:
		/* that year, that quarter: the one last mentioned */
		if ((unit = unit_of(g, j, &plural)) < U_WEEK || plural ||
		    unit == U_HALF || unit == U_WEEKEND)
			return 0;
		shift(x, unit, 0, B_TEXT);
		return j + 1;
	case W_NEXT: case W_COMING: case W_FOLLOWING: case W_UPCOMING:
		dir = 1;
		break;
	default:
		return 0;
	}
	if ((n = cardinal(g, j, &k)) != 0 || is(g, j, W_FEW) ||
	    is(g, j, W_SEVERAL) || is(g, j, W_COUPLE)) {
		if (n == 0)
			k = j + 1;
		/* the next couple of years */
		if (is(g, j, W_COUPLE)) {
			n = 2;
			if (is(g, k, W_OF))
				k++;
		}
		if ((unit = unit_of(g, k, &plural)) != U_NONE &&
		    (plural || n == 1)) {
			if (n == 0 && !the && id != W_THIS) {
				setlit(x, TYPE_DATE, dir < 0 ? "PAST_REF" :
				    "FUTURE_REF");
				return k + 1;
			}
			duration(x, n, unit);
			return k + 1;
		}
		return 0;
	}
	if ((unit = unit_of(g, j, &plural)) != U_NONE) {
		if (titled(g, j))
			return 0;
		if (plural) {
			/* "in coming months" needs no article */
			if (id == W_THIS || (!the && id != W_PAST &&
			    id != W_COMING))
				return 0;
			setlit(x, TYPE_DATE, dir < 0 ? "PAST_REF" :
			    "FUTURE_REF");
			return j + 1;
		}
		if (unit == U_HALF || unit <= U_HOUR)
			return 0;
		if (the && (id == W_PAST || (id == W_LAST && unit != U_DAY))) {
			duration(x, 1, unit);
			return j + 1;
		}
		if (the && unit == U_DAY && dir != 0) {
			shift(x, U_DAY, dir, B_TEXT);
			return j + 1;
		}
		if (unit == U_DAY)
			return 0;
		if (id == W_PAST)
			return 0;
		if (the && (id == W_FOLLOWING || id == W_PREVIOUS ||
		    id == W_PRIOR)) {
			shift(x, unit, dir, B_TEXT);
			return j + 1;
		}
		shift(x, unit, dir, B_DCT);
		return j + 1;
	}
	/* this past spring, this past Sunday: the last one */
	if (id == W_THIS && is(g, j, W_PAST) && (cat(g, j + 1) == C_WDAY ||
	    cat(g, j + 1) == C_SEASON || cat(g, j + 1) == C_MONTH)) {
		id = W_LAST;
		dir = -1;
		j++;
	}
	/* this coming Sunday, coming Sunday: the next one */
	if (id == W_THIS && is(g, j, W_COMING) && cat(g, j + 1) == C_WDAY) {
		id = W_COMING;
		dir = 1;
		j++;
	}
	if (id == W_COMING && !the && cat(g, j) == C_WDAY && cap(g, j) &&
	    !ent(g, j)->plural) {
		x->type = TYPE_DATE;
		x->how = H_WDAY;
		x->wd = ent(g, j)->val;
		x->dir = 1;
		x->p.gran = U_DAY;
		return j + 1;
	}
	/* the previous Friday, the following Monday: from the story's day */
	if (the && (id == W_PREVIOUS || id == W_FOLLOWING) &&
	    cat(g, j) == C_WDAY && cap(g, j) && !ent(g, j)->plural) {
		x->type = TYPE_DATE;
		x->how = H_WDAY;
		x->wd = ent(g, j)->val;
		x->dir = dir;
		x->base = B_TEXT;
		x->p.gran = U_DAY;
		return j + 1;
	}
	if (the || id == W_PAST || id == W_COMING || id == W_PRIOR)
		return 0;
	if (cat(g, j) == C_WDAY && cap(g, j) && !ent(g, j)->plural) {
		x->type = TYPE_DATE;
		x->how = H_WDAY;
		x->wd = ent(g, j)->val;
		x->dir = id == W_THIS ? 2 : dir;
		x->p.gran = U_DAY;
		return j + 1;
	}
	if (month_at(g, j, &abbr) != 0 && !abbr) {
		x->type = TYPE_DATE;
		x->how = H_MONTHREL;
		x->p.m = ent(g, j)->val;
		x->p.gran = U_MONTH;
		x->dir = dir;
		return j + 1;
	}
	if (cat(g, j) == C_SEASON) {
		x->type = TYPE_DATE;
		x->how = H_MONTHREL;
		x->p.season = ent(g, j)->val;
		x->p.gran = U_SEASON;
		x->dir = dir;
		return j + 1;
	}
	if (cat(g, j) == C_PART && dir <= 0 && id != W_PREVIOUS &&
	    !ent(g, j)->plural) {
		x->type = TYPE_TIME;
		x->how = H_PRESENT;
		x->unit = U_DAY;
		x->n = is(g, j, W_NIGHT) && dir < 0 ? -1 : 0;
		if (dir < 0 && !is(g, j, W_NIGHT))
			return 0;
		x->p.part = ent(g, j)->val;
		x->timeadd = 1;
		return j + 1;
	}
	if ((k = holiday_find(g->s, g->t, g->n, j, &h)) != 0) {
		x->type = TYPE_DATE;
		x->how = H_MONTHREL;
		x->holiday = (int)h;
		x->p.gran = U_DAY;
		x->dir = dir;
		return k;
	}
	return 0;
}

/* the third quarter, third-quarter, the first half [of 2022] */
static size_t
r_quarter(const struct g *g, size_t i, struct tx *x)
{
	size_t	 j;
	int	 q, plural = 0, unit, y = PT_NOYEAR;

	if (cat(g, i) != C_ORD)
		return 0;
	q = ent(g, i)->val;
	j = i + 1;
	if (punct(g, j, '-') && glued(g, j) && glued(g, j + 1))
		j++;
	if (is(g, j, W_FISCAL))
		j++;
	unit = unit_of(g, j, &plural);
	if ((unit != U_QUARTER && unit != U_HALF) || plural ||
	    (unit == U_HALF && q > 2))
		return 0;
	j++;
	j = opt_year(g, j, &y);
	x->type = TYPE_DATE;
	x->how = y == PT_NOYEAR ? H_NOYEAR : H_ABS;
	x->p.y = y;
	x->p.gran = unit;
	if (unit == U_QUARTER)
		x->p.q = q;
	else
		x->p.half = q;
	return j;
}

/* spring 2022, the summer of 1998 */
static size_t
r_season(const struct g *g, size_t i, struct tx *x, int the)
{
	size_t	 j;
	int	 y = PT_NOYEAR;

	if (cat(g, i) != C_SEASON || (is(g, i, W_FALL) && !the &&
	    !year_at(g, i + 1)))
		return 0;
	j = opt_year(g, i + 1, &y);
	if (j == i + 1 && !the && !(i > 0 && (is(g, i - 1, W_IN) ||
	    is(g, i - 1, W_DURING) || is(g, i - 1, W_SINCE) ||
	    is(g, i - 1, W_UNTIL) || is(g, i - 1, W_BY))))
		return 0;
	x->type = TYPE_DATE;
	x->how = y == PT_NOYEAR ? H_NOYEAR : H_ABS;
	x->p.y = y;
	x->p.gran = U_SEASON;
	x->p.season = ent(g, i)->val;
	return j;
}

/*
 * After "the": [full | fiscal | current fiscal | latest fiscal] year, the
 * reference's year, or a year's length before "ended"/"ending" ("for the
 * year ended Sept. 30"); the year-earlier/year-ago [third] quarter|period.
 */
static size_t
the_year(const struct g *g, size_t j, struct tx *x)
{
	size_t	 k = j;
	int	 plural = 0;

	if (is(g, k, W_YEAR) && punct(g, k + 1, '-') && glued(g, k + 1) &&
	    (is(g, k + 2, W_EARLIER) || is(g, k + 2, W_AGO)) &&
	    glued(g, k + 2)) {
		k += 3;
		if (cat(g, k) == C_ORD && is(g, k + 1, W_QUARTER) &&
		    ent(g, k)->val <= 4) {
			x->type = TYPE_DATE;
			x->how = H_YEARREL;
			x->n = -1;
			x->p.gran = U_QUARTER;
			x->p.q = ent(g, k)->val;
			return k + 2;
		}
		if (!is(g, k, W_QUARTER) && !is(g, k, W_PERIOD))
			return 0;
		shift(x, U_YEAR, -1, B_TEXT);
		if (is(g, k, W_QUARTER))
			x->p.gran = U_QUARTER;	/* at most a quarter */
		return k + 1;
	}
	if (is(g, k, W_FULL) || is(g, k, W_FISCAL))
		k++;
	else if ((is(g, k, W_CURRENT) || is(g, k, W_LATEST)) &&
	    is(g, k + 1, W_FISCAL))
		k += 2;
	if (unit_of(g, k, &plural) != U_YEAR || plural ||
	    punct(g, k + 1, '-') || punct(g, k + 1, '\'') ||
	    year_at(g, k + 1) || cat(g, k + 1) == C_NUMW)
		return 0;
	if (is(g, k + 1, W_ENDED) || is(g, k + 1, W_ENDING)) {
		duration(x, 1, U_YEAR);
		return k + 1;
	}
	shift(x, U_YEAR, 0, B_DCT);
	return k + 1;
}

/* Expressions that begin with "the". */
static size_t
r_the(const struct g *g, size_t i, struct tx *x)
{
	size_t		 j = i + 1, k;
	unsigned	 n;
	int		 unit, plural = 0, y;

	if (!is(g, i, W_THE))
		return 0;
	if ((k = r_decade(g, j, x)) || (k = r_century(g, j, x)) ||
	    (k = r_deictic(g, j, x, 1)) || (k = r_season(g, j, x, 1)))
		return k;
	if ((k = r_quarter(g, j, x)) != 0)
		return k;
	/* the early 1980s, the mid-1990s, the late 19th century */
	if (is(g, j, W_EARLY) || is(g, j, W_LATE) || is(g, j, W_MID)) {
		size_t	 m = j + 1;

		if ((k = expr(g, j, x)) != 0 && x->mod != M_NONE)
			return k;
		*x = blank;
		/* the early summer, the late spring */
		if (punct(g, m, '-') && glued(g, m))
			m++;
		if ((k = r_season(g, m, x, 1)) != 0) {
			x->mod = is(g, j, W_EARLY) ? M_START :
			    is(g, j, W_LATE) ? M_END : M_MID;
			return k;
		}
		*x = blank;
	}
	if (is(g, j, W_FIRST) || is(g, j, W_LAST)) {
		/* the first nine months */
		if ((n = cardinal(g, j + 1, &k)) != 0 &&
		    unit_of(g, k, &plural) != U_NONE && plural) {
			duration(x, n, unit_of(g, k, &plural));
			return k + 1;
		}
	}
	if ((n = cardinal(g, j, &k)) != 0 && !isnum(g, j, 5) &&
	    (unit = unit_of(g, k, &plural)) != U_NONE && plural) {
		duration(x, n, unit);
		return k + 1;
	}
	if (is(g, j, W_FUTURE) || (is(g, j, W_NEAR) &&
	    is(g, j + 1, W_FUTURE))) {
		setlit(x, TYPE_DATE, "FUTURE_REF");
		return is(g, j, W_NEAR) ? j + 2 : j + 1;
	}
	/* in the near term, over the short term */
	if ((is(g, j, W_NEAR) || is(g, j, W_SHORT)) && is(g, j + 1, W_TERM)) {
		setlit(x, TYPE_DATE, "FUTURE_REF");
		return j + 2;
	}
	if (is(g, j, W_PAST) && !(cat(g, j + 1) == C_UNIT ||
	    cat(g, j + 1) == C_NUMW || isnum(g, j + 1, 255))) {
		setlit(x, TYPE_DATE, "PAST_REF");
		return j + 1;
	}
	if (is(g, j, W_MOMENT) && i > 0 && is(g, i - 1, W_AT)) {
		setlit(x, TYPE_DATE, "PRESENT_REF");
		return j + 1;
	}
	if (is(g, j, W_WEEKEND)) {
		x->type = TYPE_DATE;
		x->how = H_WDAY;
		x->wd = 6;
		x->p.gran = U_WEEKEND;
		return j + 1;
	}
	if ((is(g, j, W_LATEST) || is(g, j, W_CURRENT)) &&
	    (is(g, j + 1, W_QUARTER) || (is(g, j, W_LATEST) &&
	    is(g, j + 1, W_PERIOD)))) {
		/* the latest quarter is the last one reported: the one
		 * before the reference date's */
		shift(x, U_QUARTER, is(g, j, W_CURRENT) ? 0 : -1, B_DCT);
		return j + 2;
	}
	/* the 1988 second quarter, the fiscal first quarter */
	if ((year_at(g, j) || is(g, j, W_FISCAL)) && cat(g, j + 1) == C_ORD &&
	    ent(g, j + 1)->val <= 4 && is(g, j + 2, W_QUARTER)) {
		x->type = TYPE_DATE;
		x->p.gran = U_QUARTER;
		x->p.q = ent(g, j + 1)->val;
		x->p.y = year_at(g, j) ? (int)numv(g, j) : PT_NOYEAR;
		x->how = x->p.y == PT_NOYEAR ? H_NOYEAR : H_ABS;
		return j + 3;
	}
	/* the week of March 6: the week that holds the day */
	if (is(g, j, W_WEEK) && is(g, j + 1, W_OF) && (k = expr(g, j + 2, x)) &&
	    x->type == TYPE_DATE && x->p.gran == U_DAY && !x->timeadd &&
	    (x->how == H_ABS || x->how == H_NOYEAR) && x->mod == M_NONE) {
		x->p.gran = U_WEEK;
		return k;
	}
	*x = blank;
	/* the 1988 quarter, the 1989 period: that year's same quarter */
	if (year_at(g, j) && (is(g, j + 1, W_QUARTER) ||
	    is(g, j + 1, W_PERIOD))) {
		x->type = TYPE_DATE;
		x->how = H_PERIODOF;
		x->p.y = (int)numv(g, j);
		x->p.gran = U_QUARTER;
		return j + 2;
	}
	if (is(g, j, W_QUARTER) && !is(g, j + 1, W_OF) &&
	    !punct(g, j + 1, '-')) {
		shift(x, U_QUARTER, 0, B_TEXT);
		return j + 1;
	}
	if (is(g, j, W_YEAR) && (k = spoken_year(g, j + 1, &y)) != 0) {
		x->type = TYPE_DATE;
		x->how = H_ABS;
		x->p.y = y;
		x->p.gran = U_YEAR;
		return k;
	}
	if (is(g, j, W_YEAR) && year_at(g, j + 1)) {
		x->type = TYPE_DATE;
		x->how = H_ABS;
		x->p.y = (int)numv(g, j + 1);
		x->p.gran = U_YEAR;
		return j + 2;
	}
	if ((unit = unit_of(g, j, &plural)) != U_NONE && !plural &&
	    unit >= U_DAY && unit != U_HALF && unit != U_WEEKEND &&
	    (is(g, j + 1, W_BEFORE) || is(g, j + 1, W_AFTER))) {
		shift(x, unit, is(g, j + 1, W_BEFORE) ? -1 : 1, B_TEXT);
		return j + 2;
	}
	if ((k = the_year(g, j, x)) != 0)
		return k;
	/* the comparable year-ago quarter, the same year-earlier period */
	if ((is(g, j, W_COMPARABLE) || is(g, j, W_CORRESPONDING) ||
	    is(g, j, W_SAME)) && is(g, j + 1, W_YEAR) &&
	    (k = the_year(g, j + 1, x)) != 0)
		return k;
	if ((is(g, j, W_END) || is(g, j, W_BEGINNING) || is(g, j, W_START) ||
	    is(g, j, W_MIDDLE)) && is(g, j + 1, W_OF)) {
		k = j + 2;
		if (is(g, k, W_THE) && (unit = unit_of(g, k + 1, &plural)) >=
		    U_WEEK && !plural && unit != U_HALF) {
			shift(x, unit, 0, B_DCT);
			k += 2;
		} else if ((k = expr(g, k, x)) == 0 || x->type != TYPE_DATE)
			return 0;
		x->mod = is(g, j, W_END) ? M_END : is(g, j, W_MIDDLE) ? M_MID :
		    M_START;
		return k;
	}
	return 0;
}

/* today, yesterday, tomorrow, tonight [morning ...], now, recently */
static size_t
r_word(const struct g *g, size_t i, struct tx *x)
{
	unsigned	 id = wid(g, i);
	const struct lexent *e = ent(g, i);
	size_t		 j = i + 1;

	switch (id) {
	case W_TODAY: case W_YESTERDAY: case W_TOMORROW: case W_TONIGHT:
		x->type = TYPE_DATE;
		x->how = H_PRESENT;
		x->unit = U_DAY;
		x->n = id == W_YESTERDAY ? -1 : id == W_TOMORROW ? 1 : 0;
		if (id == W_TONIGHT) {
			x->type = TYPE_TIME;
			x->p.part = 4;
			x->timeadd = 1;
		}
		return j;
	case W_NOON: case W_MIDDAY: case W_MIDNIGHT:
		if (titled(g, i))
			return 0;
		x->type = TYPE_TIME;
		x->how = H_PRESENT;
		x->unit = U_DAY;
		x->p.hh = id == W_MIDNIGHT ? 24 : 12;
		x->p.gran = U_MIN;
		x->timeadd = 1;
		return j;
	case W_CURRENT:
		if (unit_of(g, j, &(int){ 0 }) >= U_WEEK) {
			shift(x, unit_of(g, j, &(int){ 0 }), 0, B_DCT);
			return j + 1;
		}
		/* the adjective: "current market conditions", not "current
		 * account" or a noun ("the current of the river") */
		if (j < g->n && g->t[j].kind == T_WORD && glued(g, j) == 0 &&
		    (g->t[j].fl & TF_LOWER) && !is(g, j, W_OF) &&
		    !is(g, j, W_FISCAL) && !(g->t[j].e - g->t[j].s >= 7 &&
		    strncmp(g->s + g->t[j].s, "account", 7) == 0)) {
			setlit(x, TYPE_DATE, "PRESENT_REF");
			return j;
		}
		return 0;
	case W_RECENT:
		if (cat(g, j) == C_UNIT && e->cat == C_NONE &&
		    ent(g, j)->plural) {
			setlit(x, TYPE_DATE, "PAST_REF");
			return j + 1;
		}
		return 0;
	case W_THESE:
		if (is(g, j, W_DAYS)) {
			setlit(x, TYPE_DATE, "PRESENT_REF");
			return j + 1;
		}
		return 0;
	case W_MOMENT: case W_PRESENT:
		/* at the moment, at present */
		if (i >= 1 && is(g, i - 1 - (id == W_MOMENT), W_AT) &&
		    (id == W_PRESENT || is(g, i - 1, W_THE))) {
			setlit(x, TYPE_DATE, "PRESENT_REF");
			return j;
		}
		return 0;
	case W_EVERY: case W_EACH: {
		int	 plural = 0, unit;
		size_t	 k = j;
		unsigned n = 1;

		if (cat(g, j) == C_WDAY) {
			static const char v[] = "XXXX-WXX-0";

			setlit(x, TYPE_SET, v);
			x->lit[9] = (char)('0' + ent(g, j)->val);
			return j + 1;
		}
		/* each July, every spring */
		if (cat(g, j) == C_MONTH && cap(g, j)) {
			static const char v[] = "XXXX-00";

			setlit(x, TYPE_SET, v);
			x->lit[5] = (char)('0' + ent(g, j)->val / 10);
			x->lit[6] = (char)('0' + ent(g, j)->val % 10);
			return j + 1;
		}
		if (cat(g, j) == C_SEASON) {
			static const char *const sv[] = { "", "XXXX-SP",
			    "XXXX-SU", "XXXX-FA", "XXXX-WI" };

			setlit(x, TYPE_SET, sv[ent(g, j)->val & 3 ?
			    ent(g, j)->val : 4]);
			return j + 1;
		}
		if (id == W_EVERY && (n = cardinal(g, j, &k)) == 0)
			n = 1;
		if ((unit = unit_of(g, k, &plural)) == U_NONE)
			return 0;
		duration(x, n, unit);
		x->type = TYPE_SET;
		return k + 1;
	}
	}
	/* at a later date */
	if (id == W_A && is(g, j, W_LATER) && is(g, j + 1, W_DATE)) {
		setlit(x, TYPE_DATE, "FUTURE_REF");
		return j + 2;
	}
	if (id == W_SOON && ((i > 0 && is(g, i - 1, W_AS) && is(g, j, W_AS)) ||
	    is(g, j, W_AFTER)))
		return 0;	/* "as soon as", "soon after": relative to an event */
	if (e->cat == C_REF) {
		if (id == W_NOW && (is(g, j, W_THAT) || is(g, i - 1, W_UNTIL) ||
		    is(g, i - 1, W_FROM)) && i > 0 && !is(g, i - 1, W_UNTIL))
			return 0;
		/* "Now, ..." opening a sentence moves the story on; it
		 * does not date it */
		if (id == W_NOW && cap(g, i) && punct(g, j, ',') && (i == 0 ||
		    sentence_end(g, i - 1) || (g->t[i - 1].kind == T_PUNCT &&
		    (g->t[i - 1].ch == '"' || g->t[i - 1].ch == '`' ||
		    g->t[i - 1].ch == '\''))))
			return 0;
		setlit(x, TYPE_DATE, e->val < 0 ? "PAST_REF" : e->val > 0 ?
		    "FUTURE_REF" : "PRESENT_REF");
		return j;
	}
	if (e->cat == C_SETADV) {
		duration(x, 1, e->val);
		if (e->val == U_PART)
			strlcpy(x->lit, "TNI", sizeof(x->lit));
		x->type = TYPE_SET;
		return j;
	}
	return 0;
}

static size_t
r_holiday(const struct g *g, size_t i, struct tx *x)
{
	size_t		 k, h;
	int		 y = PT_NOYEAR;

	if ((k = holiday_find(g->s, g->t, g->n, i, &h)) == 0)
		return 0;
	k = opt_year(g, k, &y);
	x->type = TYPE_DATE;
	x->how = y == PT_NOYEAR ? H_NOYEAR : H_ABS;
	x->holiday = (int)h;
	x->p.y = y;
	x->p.gran = U_DAY;
	/* Easter week: the week that holds it */
	if (y == PT_NOYEAR && is(g, k, W_WEEK)) {
		x->p.gran = U_WEEK;
		k++;
	}
	return k;
}

/*
 * A part of the day after early, late or mid ("mid-afternoon", "late
 * morning"), with the day that may follow: "mid-afternoon yesterday".
 * Alone it is too vague ("in the morning" may be any morning).
 */
static size_t
r_part(const struct g *g, size_t i, struct tx *x)
{
	size_t	 b = punct(g, i - 1, '-') && glued(g, i) ? i - 2 : i - 1;
	size_t	 k = i + 1;
	unsigned id;

	if (i < 2 || !(is(g, b, W_EARLY) || is(g, b, W_LATE) ||
	    is(g, b, W_MID)) || ent(g, i)->plural)
		return 0;
	x->type = TYPE_TIME;
	x->how = H_PRESENT;
	x->unit = U_DAY;
	x->p.part = ent(g, i)->val;
	x->timeadd = 1;
	id = wid(g, k);
	if (id == W_YESTERDAY || id == W_TODAY || id == W_TOMORROW) {
		x->n = id == W_YESTERDAY ? -1 : id == W_TOMORROW;
		k++;
	} else if (cat(g, k) == C_WDAY && cap(g, k) && !ent(g, k)->plural) {
		x->how = H_WDAY;
		x->wd = ent(g, k)->val;
		x->p.gran = U_DAY;
		k++;
	}
	return k;
}

/* nineteen ninety-six, in two thousand */
static size_t
r_spoken(const struct g *g, size_t i, struct tx *x)
{
	size_t	 k;
	int	 y;

	if ((k = spoken_year(g, i, &y)) == 0 || (y == 2000 &&
	    !year_context(g, i)))
		return 0;
	x->type = TYPE_DATE;
	x->how = H_ABS;
	x->p.y = y;
	x->p.gran = U_YEAR;
	return k;
}

/* fiscal 1989, FY2022 */
static size_t
r_fiscal(const struct g *g, size_t i, struct tx *x)
{
	if (!is(g, i, W_FISCAL) || !year_at(g, i + 1))
		return 0;
	x->type = TYPE_DATE;
	x->how = H_ABS;
	x->p.y = (int)numv(g, i + 1);
	x->p.gran = U_YEAR;
	return i + 2;
}

/* year-earlier, year-ago: a year before the last date mentioned */
static size_t
r_yearago(const struct g *g, size_t i, struct tx *x)
{
	if (!is(g, i, W_YEAR) || !punct(g, i + 1, '-') || !glued(g, i + 1) ||
	    !glued(g, i + 2) || !(is(g, i + 2, W_EARLIER) ||
	    is(g, i + 2, W_AGO)))
		return 0;
	shift(x, U_YEAR, -1, B_TEXT);
	return i + 3;
}

/*
 * year-end, year end, year's end: the last day of the reference year, or
 * of the year before after "since".
 */
static size_t
r_yearend(const struct g *g, size_t i, struct tx *x)
{
	size_t	 k = i + 1;

	if (!is(g, i, W_YEAR))
		return 0;
	if (punct(g, k, '-') && glued(g, k) && glued(g, k + 1))
		k++;
	else if (punct(g, k, '\'') && glued(g, k) && is(g, k + 1, W_S) &&
	    glued(g, k + 1))
		k += 2;
	if (!is(g, k, W_END) || is(g, k + 1, W_OF))
		return 0;
	x->type = TYPE_DATE;
	x->how = H_YEARREL;
	x->n = is(g, i - 1, W_SINCE) ? -1 : 0;
	if (k == i + 1 || k == i + 3) {
		/* "year end", "year's end": the end of the year, as TimeML
		 * writes "the end of the year"; "year-end" names the day */
		x->p.gran = U_YEAR;
		x->mod = M_END;
		return k + 1;
	}
	x->p.gran = U_DAY;
	x->p.m = 12;
	x->p.d = 31;
	return k + 1;
}

/*
 * A bare plural unit after "for", "within", "in" or "over" is a duration
 * of unknown length: "for weeks", "within weeks or months", "in years".
 */
static size_t
r_bareunit(const struct g *g, size_t i, struct tx *x)
{
	int	 unit, plural = 0, p2 = 0;
	size_t	 k = i + 1;

	if (i == 0 || !(is(g, i - 1, W_FOR) || is(g, i - 1, W_WITHIN) ||
	    is(g, i - 1, W_IN) || is(g, i - 1, W_OVER)))
		return 0;
	if ((unit = unit_of(g, i, &plural)) == U_NONE || !plural ||
	    unit < U_MIN || unit == U_WEEKEND || unit == U_QUARTER)
		return 0;
	if (punct(g, k, '-') || is(g, k, W_AGO) || is(g, k, W_LATER) ||
	    is(g, k, W_EARLIER) || is(g, k, W_OLD) || is(g, k, W_OF))
		return 0;
	if ((is(g, k, W_OR) || is(g, k, W_AND)) &&
	    unit_of(g, k + 1, &p2) != U_NONE && p2)
		k += 2;
	duration(x, 0, unit);
	return k;
}

/* earlier/later this year: the start or end of a period */
static size_t
r_earlier(const struct g *g, size_t i, struct tx *x)
{
	size_t	 k;
	int	 mod;

	if (is(g, i, W_EARLIER))
		mod = M_START;
	else if (is(g, i, W_LATER))
		mod = M_END;
	else
		return 0;
	/* earlier in the year, later in the week */
	if (is(g, i + 1, W_IN) && is(g, i + 2, W_THE)) {
		int	 unit, plural = 0;

		unit = unit_of(g, i + 3, &plural);
		if ((unit != U_YEAR && unit != U_MONTH && unit != U_WEEK) ||
		    plural || punct(g, i + 4, '-') || year_at(g, i + 4))
			return 0;
		shift(x, unit, 0, B_DCT);
		x->mod = mod;
		return i + 4;
	}
	if (!(is(g, i + 1, W_THIS) || is(g, i + 1, W_LAST) ||
	    is(g, i + 1, W_NEXT) || is(g, i + 1, W_THAT)) ||
	    (k = r_deictic(g, i + 1, x, 0)) == 0 ||
	    x->how != H_SHIFT)
		return 0;
	x->mod = mod;
	return k;
}

/* Expressions that cannot take a modifier in front. */
static int
core(const struct g *g, size_t i, struct tx *x)
{
	size_t	 k;
	static size_t (*const numrules[])(const struct g *, size_t,
	    struct tx *) = {
		r_numeric, r_clock, r_daymonth, r_decade, r_century, r_count,
		r_year, NULL
	};
	/*
	 * Word rules by the category of the first word: a rule never
	 * matches a word of another category, so only these are tried.
	 */
	static size_t (*const none[])(const struct g *, size_t,
	    struct tx *) = {
		r_decade, r_the, r_count, r_word, r_fiscal, r_earlier, NULL
	};
	/*
	 * Of those rules for a token of no category, all but r_word match
	 * a word only if it is one of a few: a word gets only the rules it
	 * can begin, in the same order; punctuation ('90s) gets them all.
	 */
	static size_t (*const decade[])(const struct g *, size_t,
	    struct tx *) = { r_decade, r_word, NULL };
	static size_t (*const the[])(const struct g *, size_t,
	    struct tx *) = { r_the, r_word, NULL };
	static size_t (*const count[])(const struct g *, size_t,
	    struct tx *) = { r_count, r_word, NULL };
	static size_t (*const fiscal[])(const struct g *, size_t,
	    struct tx *) = { r_word, r_fiscal, NULL };
	static size_t (*const earlier[])(const struct g *, size_t,
	    struct tx *) = { r_word, r_earlier, NULL };
	static size_t (*const month[])(const struct g *, size_t,
	    struct tx *) = { r_month, NULL };
	static size_t (*const wday[])(const struct g *, size_t,
	    struct tx *) = { r_weekday, NULL };
	static size_t (*const numw[])(const struct g *, size_t,
	    struct tx *) = { r_spoken, r_count, NULL };
	static size_t (*const ord[])(const struct g *, size_t,
	    struct tx *) = { r_quarter, NULL };
	static size_t (*const unit[])(const struct g *, size_t,
	    struct tx *) = { r_yearago, r_yearend, r_bareunit, NULL };
	static size_t (*const word[])(const struct g *, size_t,
	    struct tx *) = { r_word, NULL };
	static size_t (*const holi[])(const struct g *, size_t,
	    struct tx *) = { r_holiday, NULL };
	static size_t (*const part[])(const struct g *, size_t,
	    struct tx *) = { r_part, NULL };
	static size_t (*const nothing[])(const struct g *, size_t,
	    struct tx *) = { NULL };
	size_t	(*const *rules)(const struct g *, size_t, struct tx *);
	size_t	 r;

	if (g->t[i].kind == T_NUM)
		rules = numrules;
	else switch (cat(g, i)) {
	case C_NONE:
		switch (wid(g, i)) {
		case W_THE:
			rules = the;
			break;
		case W_A: case W_AN: case W_SEVERAL: case W_MANY: case W_FEW:
			rules = count;
			break;
		case W_FISCAL:
			rules = fiscal;
			break;
		case W_EARLIER: case W_LATER:
			rules = earlier;
			break;
		default:
			rules = g->t[i].kind != T_WORD ? none :
			    wid(g, i) >= W_TWENTIES &&
			    wid(g, i) <= W_NINETIES ? decade : word;
		}
		break;
	case C_MONTH: case C_MONABBR:
		rules = month;
		break;
	case C_WDAY:
		rules = wday;
		break;
	case C_NUMW:
		rules = numw;
		break;
	case C_ORD:
		rules = ord;
		break;
	case C_UNIT:
		rules = unit;
		break;
	case C_SETADV: case C_REF:
		rules = word;
		break;
	case C_HOLI:
		rules = holi;
		break;
	case C_PART:
		rules = part;
		break;
	default:
		rules = nothing;
	}
	for (r = 0; rules[r] != NULL; r++) {
		*x = blank;
		if ((k = rules[r](g, i, x)) != 0) {
			x->ts = i;
			x->te = k;
			return 1;
		}
	}
	*x = blank;
	if ((k = r_deictic(g, i, x, 0)) != 0 || (k = r_season(g, i, x, 0))) {
		x->ts = i;
		x->te = k;
		return 1;
	}
	return 0;
}

/* A month or season and the year in words: January this year, June last year */
static size_t
year_suffix(const struct g *g, size_t j, struct tx *x)
{
	int	 n;

	if (x->how != H_NOYEAR || x->holiday >= 0 || !is(g, j + 1, W_YEAR) ||
	    (x->p.gran != U_MONTH && x->p.gran != U_DAY &&
	    x->p.gran != U_SEASON))
		return j;
	if (is(g, j, W_THIS))
		n = 0;
	else if (is(g, j, W_LAST))
		n = -1;
	else if (is(g, j, W_NEXT))
		n = 1;
	else
		return j;
	x->how = H_YEARREL;
	x->n = n;
	return j + 2;
}

/* A part of day or a clock time after a day: Friday night, today 2 p.m. */
static size_t
day_suffix(const struct g *g, size_t j, struct tx *x)
{
	struct tx	 t;

	if (x->timeadd || (x->how != H_WDAY && x->how != H_PRESENT &&
	    !(x->p.gran == U_DAY && x->holiday < 0)) || x->p.gran == U_WEEKEND)
		return j;
	/* Tuesday nights: every Tuesday night */
	if (cat(g, j) == C_PART && ent(g, j)->plural) {
		static const char *const pv[] = { "", "MO", "AF", "EV", "NI" };
		static const char v[] = "XXXX-WXX-0T";

		if (x->how != H_WDAY)
			return j;
		setlit(x, TYPE_SET, v);
		x->lit[9] = (char)('0' + x->wd);
		strlcat(x->lit, pv[ent(g, j)->val & 3 ? ent(g, j)->val : 4],
		    sizeof(x->lit));
		return j + 1;
	}
	if (cat(g, j) == C_PART) {
		x->p.part = ent(g, j)->val;
		x->timeadd = 1;
		x->type = TYPE_TIME;
		return j + 1;
	}
	if (is(g, j, W_AT))
		j++;
	else
		return j;
	memset(&t, 0, sizeof(t));
	if (r_clock(g, j, &t) != 0 || (is(g, j, W_NOON) && r_word(g, j, &t))) {
		x->p.hh = t.p.hh;
		x->p.mm = t.p.mm;
		x->p.tzset = t.p.tzset;
		x->p.tz = t.p.tz;
		x->timeadd = 1;
		x->type = TYPE_TIME;
		return r_clock(g, j, &t) ? r_clock(g, j, &t) : j + 1;
	}
	return j - 1;
}

/* A clock time before a day: 10 p.m. Wednesday, noon Thursday */
static size_t
time_prefix(const struct g *g, size_t k, struct tx *x)
{
	struct tx	 d;

	if (!(x->how == H_PRESENT && x->unit == U_DAY && x->n == 0 &&
	    x->timeadd && x->p.part == 0))
		return k;
	if (punct(g, k, ','))
		k++;
	if (is(g, k, W_ON))
		k++;
	if (!core(g, k, &d) || !(d.how == H_WDAY || d.how == H_PRESENT ||
	    (d.how == H_ABS && d.p.gran == U_DAY) || (d.how == H_NOYEAR &&
	    d.p.gran == U_DAY)) || d.timeadd)
		return x->te;
	d.p.hh = x->p.hh;
	d.p.mm = x->p.mm;
	d.p.tzset = x->p.tzset;
	d.p.tz = x->p.tz;
	d.timeadd = 1;
	d.type = TYPE_TIME;
	d.ts = x->ts;
	*x = d;
	return d.te;
}

/* An expression at i with its modifiers; the end token, or 0. */
static size_t
expr(const struct g *g, size_t i, struct tx *x)
{
	unsigned	 id = wid(g, i);
	size_t		 j = i + 1, k;
	int		 mod = M_NONE;

	switch (id) {
	case W_EARLY:
		mod = M_START;
		break;
	case W_LATE:
		mod = M_END;
		break;
	case W_MID:
		mod = M_MID;
		if (punct(g, j, '-') && glued(g, j))
			j++;
		break;
	case W_MORE: case W_LESS: case W_FEWER:
		if (!is(g, j, W_THAN))
			break;
		mod = id == W_MORE ? M_MORE_THAN : M_LESS_THAN;
		j++;
		break;
	case W_AT:
		if (!is(g, j, W_LEAST))
			break;
		mod = M_EQUAL_OR_MORE;
		j++;
		break;
	case W_UP:
		if (!is(g, j, W_TO))
			break;
		mod = M_EQUAL_OR_LESS;
		j++;
		break;
	case W_SOME:
		mod = M_APPROX;
		break;
	default:
		if (cat(g, i) == C_APPROX)
			mod = ent(g, i)->val;
	}
	if (mod != M_NONE && (k = expr(g, j, x)) != 0 &&
	    ((mod <= M_END && x->type != TYPE_DURATION && x->type != TYPE_SET &&
	    (x->how != H_LIT || (x->lit[0] >= '0' && x->lit[0] <= '9'))) ||
	    (mod > M_END && (x->type == TYPE_DURATION ||
	    (mod == M_APPROX && (x->type == TYPE_DATE ||
	    x->type == TYPE_TIME) && x->how != H_LIT))))) {
		if (x->mod == M_NONE)
			x->mod = mod;
		x->ts = i;
		x->te = k;
		return k;
	}
	/* nearly four years ago: after that point; more than: before */
	if (mod > M_END && (k = expr(g, j, x)) != 0 && x->how == H_SHIFT &&
	    x->ago && x->mod == M_NONE) {
		x->mod = mod == M_LESS_THAN ? M_AFTER : mod == M_MORE_THAN ?
		    M_BEFORE : mod == M_APPROX ? M_APPROX : M_NONE;
		x->ts = i;
		x->te = k;
		return k;
	}
	if (!core(g, i, x))
		return 0;
	k = year_suffix(g, x->te, x);
	x->te = k;
	k = day_suffix(g, k, x);
	x->te = k;
	k = time_prefix(g, k, x);
	x->te = k;
	return k;
}

/*
 * A capitalized word that stands for a longer one before its full stop:
 * a month or weekday cut short, or one of the abbreviations docsplit
 * knows (titles, company forms, US states). Other short words ("Iraq.",
 * "Kyiv.", "NATO.") end their sentence.
 */
static int
abbreviation(const struct g *g, const struct tok *t)
{
	size_t		 n = t->e - t->s;
	unsigned	 cat = lex_entry(t->id)->cat;

	return cat == C_MONABBR || (cat == C_WDAY && n <= 4) ||
	    abbr_known(g->s + t->s, n) != ABBR_NONE;
}

/* Sentence boundaries: . ! ? not after an abbreviation or initial. */
static int
sentence_end(const struct g *g, size_t i)
{
	const struct tok *t;

	if (i >= g->n || g->t[i].kind != T_PUNCT)
		return 0;
	if (g->t[i].ch == '!' || g->t[i].ch == '?')
		return 1;
	if (g->t[i].ch != '.')
		return 0;
	/* a decimal point: "$5.2 million" */
	if (glued(g, i + 1) && i + 1 < g->n && g->t[i + 1].kind == T_NUM)
		return 0;
	/* ".," ".;" ".)" and "Mich.-based": no sentence ends there */
	if (glued(g, i + 1) && g->t[i + 1].kind == T_PUNCT &&
	    g->t[i + 1].ch != '\0' && strchr(",;:)-", g->t[i + 1].ch) != NULL)
		return 0;
	if (i > 0 && glued(g, i)) {
		t = &g->t[i - 1];
		/* "Gen.", "Inc.", "Jan." abbreviate; "Iraq." and "July." not */
		if (t->kind == T_WORD && (t->fl & TF_CAP) && abbreviation(g, t))
			return 0;
		if (t->kind == T_WORD && t->e - t->s == 1)
			return 0;
		/* "Roe vs. Wade" */
		if (t->kind == T_WORD && t->e - t->s == 2 &&
		    memcmp(g->s + t->s, "vs", 2) == 0)
			return 0;
	}
	return i + 1 >= g->n || cap(g, i + 1) || g->t[i + 1].kind != T_WORD;
}

/*
 * The tense cue of token i: -1, 1 or 0. "plan" and its forms point ahead
 * only as verbs before "to" ("planned to leave"); the noun says nothing.
 */
static int
cue(const struct tok *t, size_t n, size_t i)
{
	unsigned	 id = t[i].id;

	/* most words are no cue: only "set" is one without a flag */
	if (!(t[i].fl & (TF_PAST | TF_FUT)) && id != W_SET)
		return 0;
	if (id == W_PLAN || id == W_PLANS || id == W_PLANNED ||
	    id == W_PLANNING) {
		if (i + 1 < n && t[i + 1].id == W_TO)
			return 1;
		/* "planned a rally on Saturday": what is planned lies ahead */
		if (id == W_PLANNED && i + 1 < n && (t[i + 1].id == W_A ||
		    t[i + 1].id == W_AN || t[i + 1].id == W_THE ||
		    t[i + 1].id == W_ITS || t[i + 1].id == W_THEIR))
			return 1;
		return id == W_PLANNED ? -1 : 0;
	}
	/* "faster than expected", "as expected": a comparison */
	if (id == W_EXPECTED && i > 0 && (t[i - 1].id == W_THAN ||
	    t[i - 1].id == W_AS))
		return 0;
	/* "were planning to drive", "was expected to vote": ahead */
	if ((id == W_WAS || id == W_WERE) && i + 2 < n &&
	    (t[i + 1].fl & TF_FUT) && t[i + 2].id == W_TO)
		return 1;
	/* "set to resume Monday" points ahead; "next to" is a place */
	if (id == W_SET)
		return i + 1 < n && t[i + 1].id == W_TO;
	if (id == W_NEXT && i + 1 < n && t[i + 1].id == W_TO)
		return 0;
	/* a participle after "be" is passive: "will be named", "be paid" */
	if ((t[i].fl & TF_PAST) && i > 0 && (t[i - 1].id == W_BE ||
	    t[i - 1].id == W_BEEN || t[i - 1].id == W_BEING))
		return 0;
	if (t[i].fl & TF_PAST)
		return -1;
	/* a plan that "had been due" lies in the past: "had been scheduled" */
	if ((t[i].fl & TF_FUT) && i > 1 && t[i - 1].id == W_BEEN &&
	    t[i - 2].id == W_HAD)
		return -1;
	if (t[i].fl & TF_FUT)
		return 1;
	return 0;
}

/*
 * The tense around tokens [ts, te): the nearest past or future cue in the
 * sentence, looking before the expression first on a tie. A word after
 * it read as past only by its -ed ending ("markets untouched by") is
 * often an adjective: it counts as twice as far as a known verb form.
 */
int
grammar_tense(const char *s, const struct tok *t, size_t n, size_t ts,
    size_t te)
{
	struct g	 g = { s, t, n };
	size_t		 d, b, f, weakd = 0;
	int		 back = 1, fwd = 1, c, weak = 0;

	for (d = 1; d <= 40 && (back || fwd); d++) {
		if (weak != 0 && d >= weakd)
			return weak;
		if (back) {
			if (d > ts || (t[b = ts - d].kind == T_PUNCT &&
			    sentence_end(&g, b)))
				back = 0;
			else if ((c = cue(t, n, b)) != 0)
				return c;
		}
		if (fwd) {
			f = te - 1 + d;
			if (f >= n || (t[f].kind == T_PUNCT &&
			    sentence_end(&g, f)))
				fwd = 0;
			else if (t[f].id == W_SAID || t[f].id == W_TOLD)
				;	/* "... Thursday, he said" reports it */
			else if ((c = cue(t, n, f)) != 0) {
				if (!(t[f].fl & TF_ED))
					return c;
				if (weak == 0) {
					weak = c;
					weakd = 2 * d;
				}
			}
		}
	}
	return weak;
}

/*
 * Words of no category that can begin an expression: 1 always, 2 only
 * before a number or another known word. Everything else is skipped
 * without trying the rules, which keeps the scan fast; 3 only before a
 * unit ("that year").
 */
static const uint8_t starts[W_COUNT] = {
	[W_LAST] = 1, [W_CURRENT] = 1, [W_RECENT] = 1, [W_TODAY] = 1,
	[W_TONIGHT] = 1, [W_YESTERDAY] = 1, [W_TOMORROW] = 1, [W_NOON] = 1,
	[W_MIDNIGHT] = 1, [W_MIDDAY] = 1, [W_NEXT] = 1, [W_PAST] = 1,
	[W_COMING] = 1, [W_UPCOMING] = 1, [W_FOLLOWING] = 1,
	[W_PREVIOUS] = 1, [W_PRIOR] = 1, [W_EARLY] = 1, [W_LATE] = 1,
	[W_MID] = 1, [W_EARLIER] = 1, [W_LATER] = 1, [W_EVERY] = 1,
	[W_EACH] = 1, [W_SEVERAL] = 1, [W_FEW] = 1, [W_MANY] = 1,
	[W_FISCAL] = 1, [W_MOMENT] = 1, [W_PRESENT] = 1,
	[W_THE] = 2, [W_A] = 2, [W_AN] = 2, [W_AT] = 2, [W_UP] = 2,
	[W_SOME] = 2, [W_MORE] = 2, [W_LESS] = 2, [W_FEWER] = 2,
	[W_THIS] = 2, [W_THESE] = 2, [W_THAT] = 3
};

/* Whether word id can begin an expression: the lexer flags it TF_START. */
int
grammar_starter(unsigned id)
{
	return id < W_COUNT && (lex_entry(id)->cat != C_NONE || starts[id] != 0);
}

static int
may_start(const struct tok *t, size_t n, size_t i)
{
	unsigned	 id = t[i].id;

	if (t[i].kind == T_NUM)
		return 1;
	if (t[i].kind == T_PUNCT)
		return t[i].ch == '\'' && i + 1 < n && t[i + 1].kind == T_NUM;
	if (id == 0)
		return 0;
	if ((t[i].fl & TF_CAT) || starts[id] == 1)
		return 1;
	if (starts[id] == 3)
		return i + 1 < n && lex_entry(t[i + 1].id)->cat == C_UNIT;
	return starts[id] == 2 && i + 1 < n && (t[i + 1].kind == T_NUM ||
	    t[i + 1].id != 0 || (t[i + 1].kind == T_PUNCT &&
	    t[i + 1].ch == '\''));
}

/* "since" up to four words before i, in the same clause. */
static int
since_before(const struct tok *t, size_t i)
{
	size_t	 k;

	for (k = 1; k <= 4 && k <= i; k++) {
		if (t[i - k].kind == T_PUNCT)
			return 0;
		if (t[i - k].id == W_SINCE)
			return 1;
	}
	return 0;
}

/* "had" among the six tokens from k, in the same clause. */
static int
had_after(const struct tok *t, size_t n, size_t k)
{
	size_t	 e = k + 6 < n ? k + 6 : n;

	for (; k < e; k++) {
		if (t[k].kind == T_PUNCT && t[k].ch != ',')
			return 0;
		if (t[k].id == W_HAD)
			return 1;
	}
	return 0;
}

/* "as soon as" or "as early as" ending up to four words before i. */
static int
as_soon_before(const struct tok *t, size_t i)
{
	size_t	 k;

	for (k = 1; k <= 4 && k + 2 <= i; k++) {
		if (t[i - k].kind == T_PUNCT)
			return 0;
		if (t[i - k].id == W_AS && t[i - k - 2].id == W_AS &&
		    (t[i - k - 1].id == W_SOON || t[i - k - 1].id == W_EARLY))
			return 1;
	}
	return 0;
}

/*
 * Find expressions in tokens [from, n), at most max of them into out;
 * returns how many.
 */
size_t
grammar_match(const char *s, const struct tok *t, size_t n, size_t from,
    struct tx *out, size_t max)
{
	struct g	 g = { s, t, n };
	size_t		 i = from, k, nx = 0;

	while (i < n && nx < max) {
		/* most tokens are words that begin nothing: pass them fast */
		while (i < n && t[i].kind == T_WORD && !(t[i].fl & TF_START))
			i++;
		if (i >= n)
			break;
		if (!may_start(t, n, i)) {
			i++;
			continue;
		}
		if ((k = expr(&g, i, &out[nx])) == 0) {
			i++;
			continue;
		}
		if (out[nx].how == H_NOYEAR || out[nx].how == H_WDAY ||
		    out[nx].how == H_MONTHREL) {
			out[nx].tense = grammar_tense(s, t, n, out[nx].ts,
			    out[nx].te);
			if (i > 0 && (t[i - 1].id == W_SINCE ||
			    t[i - 1].id == W_AGO))
				out[nx].tense = -1;
			/* "since shortly after the Oct. 23 slaying" */
			else if (since_before(t, i))
				out[nx].tense = -1;
			/*
			 * A weekday after "until" is a deadline ahead, but
			 * not in the past perfect: "Until Thursday, they
			 * had not called him a suspect".
			 */
			if (out[nx].how == H_WDAY && i > 0 &&
			    (t[i - 1].id == W_UNTIL || t[i - 1].id == W_TILL) &&
			    !had_after(t, n, k))
				out[nx].tense = 1;
			/* as soon as Tuesday, as early as May, as soon as
			 * trading opened Monday */
			if (as_soon_before(t, i))
				out[nx].tense = 1;
			/* "Wednesday's ruling" names what has been */
			if (out[nx].how == H_WDAY && k + 1 < n &&
			    t[k].kind == T_PUNCT && t[k].ch == '\'' &&
			    t[k + 1].id == W_S && out[nx].dir == 0)
				out[nx].tense = 0;
		}
		nx++;
		/* April 5-7: the day after the dash is a date too */
		if (k + 1 < n && t[k].kind == T_PUNCT && t[k].ch == '-' &&
		    (t[k].fl & TF_SPACE) == 0 && t[k + 1].kind == T_NUM &&
		    out[nx - 1].p.gran == U_DAY && out[nx - 1].p.d != 0 &&
		    t[k + 1].ndig <= 2 && t[k + 1].num > (unsigned)
		    out[nx - 1].p.d && t[k + 1].num <= 31 && nx < max) {
			out[nx] = out[nx - 1];
			out[nx].p.d = (int)t[k + 1].num;
			out[nx].ts = k + 1;
			out[nx].te = k + 2;
			if (out[nx].p.y != PT_NOYEAR && !date_valid(out[nx].p.y,
			    out[nx].p.m, out[nx].p.d))
				out[nx].how = H_NOYEAR;
			nx++;
			k += 2;
		}
		i = k;
	}
	return nx;
}
