/*
 * Growable byte buffers: the one way parley builds output lines and
 * decoded strings without fixed-size arrays.
 */
#ifndef PARLEY_BUF_H
#define PARLEY_BUF_H

#include <stddef.h>
#include <string.h>

struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

void	buf_grow(struct buf *, size_t);
void	buf_free(struct buf *);
void	buf_addu(struct buf *, unsigned long long);
void	buf_addcstr(struct buf *, const char *);

/* Append a string literal without a strlen at run time. */
#define BUF_ADDLIT(b, lit)	buf_add((b), (lit), sizeof(lit) - 1)

/* Make room for n more bytes plus a terminating NUL. */
static inline void
buf_reserve(struct buf *b, size_t n)
{
	if (b->cap - b->len <= n)
		buf_grow(b, n);
}

/* Digits in v: a few comparisons for the small numbers most are. */
static inline size_t
buf_ndigits(unsigned long long v)
{
	size_t	 n;

	if (v < 100000)
		return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ?
		    4 : 5;
	for (n = 6, v /= 1000000; v > 0; n++, v /= 10)
		;
	return n;
}

/*
 * v in decimal, its buf_ndigits(v) digits ending just before end, two a
 * step: record numbers are written millions of times.
 */
static inline void
buf_put_digits(char *end, unsigned long long v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930"
	    "31323334353637383940414243444546474849505152535455565758596061"
	    "62636465666768697071727374757677787980818283848586878889909192"
	    "939495969798990";

	while (v >= 100) {
		end -= 2;
		memcpy(end, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10)
		memcpy(end - 2, pairs + 2 * v, 2);
	else
		end[-1] = (char)('0' + v);
}

static inline void
buf_add(struct buf *b, const void *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}

static inline void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

#endif
