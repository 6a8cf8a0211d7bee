/*
 * Turns a document's lines into paragraphs: one per line, or blank-line
 * blocks when the text is hard-wrapped. Decided per document.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "docsplit.h"
#include "utf8.h"

#define WRAP_MAX_COLS	100	/* hard-wrapped text keeps lines this short */

static void *
grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t	 n = *cap == 0 ? 64 : *cap;

	if (need <= *cap)
		return p;
	while (n < need)
		n *= 2;
	if ((p = reallocarray(p, n, size)) == NULL)
		err(2, "out of memory");
	*cap = n;
	return p;
}

void
doc_reset(struct doc *d)
{
	buf_reset(&d->text);
	buf_reset(&d->ptext);
	d->nlines = d->npara = 0;
}

void
doc_free(struct doc *d)
{
	buf_free(&d->text);
	buf_free(&d->ptext);
	free(d->lines);
	free(d->paras);
	free(d->linepos);
	free(d->linelead);
	memset(d, 0, sizeof(*d));
}

void
doc_add_line(struct doc *d, const char *s, size_t n, off_t off, int repaired,
    int alone)
{
	struct dline	*l;

	d->lines = grow(d->lines, &d->linecap, d->nlines + 1, sizeof(*l));
	l = &d->lines[d->nlines++];
	l->start = d->text.len;
	l->len = n;
	l->off = off;
	l->repaired = repaired;
	l->alone = alone;
	buf_add(&d->text, s, n);
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* Leading and trailing white space of line i: *lead and trimmed length. */
static size_t
trimmed(const struct doc *d, size_t i, size_t *lead)
{
	const char	*s = d->text.p + d->lines[i].start;
	size_t		 a = 0, b = d->lines[i].len;

	while (a < b && is_space((unsigned char)s[a]))
		a++;
	while (b > a && is_space((unsigned char)s[b - 1]))
		b--;
	*lead = a;
	return b - a;
}

static int
is_blank(const struct doc *d, size_t i)
{
	size_t	 lead;

	return trimmed(d, i, &lead) == 0;
}

/* A list item starts its own paragraph even inside a wrapped block. */
static int
starts_item(const struct doc *d, size_t i)
{
	size_t		 lead, n = trimmed(d, i, &lead), k = 0;
	const char	*s = d->text.p + d->lines[i].start + lead;

	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 1;
	if (n >= 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0)	/* • */
		return 1;
	while (k < n && k < 3 && s[k] >= '0' && s[k] <= '9')
		k++;
	return k > 0 && k + 1 < n && (s[k] == '.' || s[k] == ')') &&
	    s[k + 1] == ' ';
}

/*
 * Hard-wrapped: there are blank lines, most text lines sit in blocks of
 * two or more, and those lines are short, as a wrapping editor leaves them.
 */
static int
is_wrapped(const struct doc *d)
{
	size_t	 i, j, text = 0, inblocks = 0, longlines = 0, lead, len;
	int	 blank = 0;

	for (i = 0; i < d->nlines; i = j) {
		if (is_blank(d, i)) {
			blank = 1;
			j = i + 1;
			continue;
		}
		for (j = i; j < d->nlines && !is_blank(d, j); j++)
			;
		text += j - i;
		if (j - i < 2)
			continue;
		inblocks += j - i;
		for (; i < j; i++) {
			len = trimmed(d, i, &lead);
			if (len > WRAP_MAX_COLS && (len > 4 * WRAP_MAX_COLS || utf8_count(d->text.p + d->lines[i].start + lead,
			    len) > WRAP_MAX_COLS))
				longlines++;
		}
	}
	return blank && inblocks >= 3 && inblocks * 2 >= text &&
	    longlines * 5 <= inblocks;
}

static void
add_para(struct doc *d, size_t first, size_t last)
{
	struct para	*p;
	size_t		 i, lead, len;

	d->paras = grow(d->paras, &d->paracap, d->npara + 1, sizeof(*p));
	p = &d->paras[d->npara++];
	memset(p, 0, sizeof(*p));
	p->line = first;
	p->nlines = last - first;
	if (!d->joined) {
		/* One line: its trimmed text is the paragraph, no copy. */
		p->len = trimmed(d, first, &lead);
		p->start = d->lines[first].start + lead;
		d->linepos[first] = 0;
		d->linelead[first] = lead;
		return;
	}
	p->start = d->ptext.len;
	for (i = first; i < last; i++) {
		len = trimmed(d, i, &lead);
		if (i > first)
			buf_addc(&d->ptext, ' ');
		d->linepos[i] = d->ptext.len - p->start;
		d->linelead[i] = lead;
		buf_add(&d->ptext, d->text.p + d->lines[i].start + lead, len);
	}
	p->len = d->ptext.len - p->start;
}

void
doc_paragraphs(struct doc *d)
{
	size_t	 i, j;
	int	 wrapped = is_wrapped(d);

	d->joined = wrapped;
	buf_reset(&d->ptext);
	if (wrapped)
		buf_reserve(&d->ptext, d->text.len + d->nlines);
	d->npara = 0;
	d->linepos = grow(d->linepos, &d->lineposcap, d->nlines + 1,
	    sizeof(size_t));
	d->linelead = grow(d->linelead, &d->lineleadcap, d->nlines + 1,
	    sizeof(size_t));
	for (i = 0; i < d->nlines; i = j) {
		if (is_blank(d, i)) {
			j = i + 1;
			continue;
		}
		j = i + 1;
		if (wrapped && !d->lines[i].alone)
			while (j < d->nlines && !is_blank(d, j) &&
			    !starts_item(d, j) && !d->lines[j].alone)
				j++;
		add_para(d, i, j);
	}
}

/* Source byte offset of byte pos of paragraph p's text. */
off_t
doc_offset(const struct doc *d, const struct para *p, size_t pos)
{
	size_t	 i = p->line, last = p->line + p->nlines - 1;

	while (i < last && d->linepos[i + 1] <= pos)
		i++;
	return d->lines[i].off + (off_t)d->linelead[i] +
	    (off_t)(pos - d->linepos[i]);
}
