/*
 * Growable byte buffers. Allocation failure is fatal (exit 2): a filter
 * that cannot hold one record cannot do anything useful with the rest.
 */
#include <err.h>
#include <stdlib.h>

#include "buf.h"

void
buf_grow(struct buf *b, size_t n)
{
	size_t	 cap;
	char	*p;

	cap = b->cap < 64 ? 64 : b->cap;
	while (cap - b->len <= n) {
		if (cap > ((size_t)-1) / 2)
			errx(2, "out of memory");
		cap *= 2;
	}
	if ((p = realloc(b->p, cap)) == NULL)
		err(2, "out of memory");
	b->p = p;
	b->cap = cap;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

/* Two digits a step: record numbers are written millions of times. */
void
buf_addu(struct buf *b, unsigned long long v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930"
	    "31323334353637383940414243444546474849505152535455565758596061"
	    "62636465666768697071727374757677787980818283848586878889909192"
	    "939495969798990";
	unsigned long long t;
	size_t		 n;
	char		*p;

	/* the length first, so the digits go straight into place */
	for (n = 1, t = 10; n < 20 && v >= t; n++, t *= 10)
		;
	buf_reserve(b, n);
	p = b->p + b->len + n;
	*p = '\0';
	b->len += n;
	while (v >= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10)
		memcpy(p - 2, pairs + 2 * v, 2);
	else
		p[-1] = (char)('0' + v);
}

void
buf_addcstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}
