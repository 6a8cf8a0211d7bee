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

void
buf_addu(struct buf *b, unsigned long long v)
{
	size_t	 n = buf_ndigits(v);

	buf_reserve(b, n);
	b->len += n;
	buf_put_digits(b->p + b->len, v);
	b->p[b->len] = '\0';
}

void
buf_addcstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}
