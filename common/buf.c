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
	char	 tmp[24];
	size_t	 i = sizeof(tmp);

	while (v >= 100) {
		i -= 2;
		memcpy(tmp + i, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10) {
		i -= 2;
		memcpy(tmp + i, pairs + 2 * v, 2);
	} else
		tmp[--i] = (char)('0' + v);
	buf_add(b, tmp + i, sizeof(tmp) - i);
}

void
buf_addcstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}
