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
