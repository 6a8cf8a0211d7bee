/*
 * The document creation time: -d DATE, else what the article says of
 * itself (a stamp line, a dated byline, a dateline with a year), else the
 * file's mtime with -d mtime (giving a yearless dateline its year).
 */
#include <string.h>
#include <time.h>

#include "docsplit.h"

#define HEAD_PARAS	20	/* stamps and bylines sit near the top */

static int
full_date_in(struct stamper *st, const struct para *p, const char *s,
    struct date_time *t)
{
	int	 covers;

	if (p->f.stamp || (p->kind == KIND_BYLINE))
		return stamp_find_date(st, s, p->len, t, &covers);
	return 0;
}

static void
from_mtime(long long mtime, const struct date_time *partial,
    struct date_time *t)
{
	time_t		 tt = (time_t)mtime;
	struct tm	 tm;

	localtime_r(&tt, &tm);
	memset(t, 0, sizeof(*t));
	t->y = tm.tm_year + 1900;
	t->m = tm.tm_mon + 1;
	t->d = tm.tm_mday;
	t->hh = tm.tm_hour;
	t->mm = tm.tm_min;
	t->has_time = 1;
	if (partial->m == 0)
		return;
	/* A dateline's month and day, in the last year not after the file. */
	if (partial->m > t->m || (partial->m == t->m && partial->d > t->d))
		t->y--;
	t->m = partial->m;
	t->d = partial->d;
	t->has_time = 0;
	if (!date_valid(t->y, t->m, t->d))
		t->y = 0;
}

void
doc_dct(struct stamper *st, const struct doc *d, const struct dct_source *src,
    char *out)
{
	struct date_time	 t, partial, dl;
	size_t			 i;
	const struct para	*p;
	const char		*s;

	out[0] = '\0';
	if (src->fixed != NULL) {
		date_format(src->fixed, out);
		return;
	}
	memset(&partial, 0, sizeof(partial));
	for (i = 0; i < d->npara && i < HEAD_PARAS; i++) {
		p = &d->paras[i];
		s = para_text(d, p);
		if (full_date_in(st, p, s, &t)) {
			date_format(&t, out);
			return;
		}
		if (p->f.dateline > 0 && partial.m == 0 &&
		    stamp_dateline(st, s, p->len, &dl) > 0 && dl.m != 0) {
			if (dl.y != 0) {
				date_format(&dl, out);
				return;
			}
			partial = dl;
		}
	}
	if (!src->has_mtime)
		return;
	from_mtime(src->mtime, &partial, &t);
	if (t.y != 0)
		date_format(&t, out);
}
