/*
 * UTF-8 validation, repair and code point offsets. Records carry byte
 * strings; annotation offsets are in code points, so both views meet here.
 */
#ifndef PARLEY_UTF8_H
#define PARLEY_UTF8_H

#include <stddef.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"

#define UTF8_REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

/*
 * Length of the valid UTF-8 sequence at s (at most n bytes), or 0 when the
 * bytes there are not one (overlong, surrogate, truncated, > U+10FFFF).
 */
size_t	utf8_seqlen(const unsigned char *, size_t);

/* Byte offset of the first invalid sequence or NUL byte, or n if none. */
size_t	utf8_find_bad(const char *, size_t);

/*
 * Append s to out with every invalid sequence and NUL byte replaced by
 * U+FFFD; returns the number of replacements.
 */
size_t	utf8_repair(const char *, size_t, struct buf *);

/* Number of code points in s[0..n). */
size_t	utf8_count(const char *, size_t);

/* Decode one code point at s; *len gets its byte length (1 for bad bytes). */
uint32_t utf8_decode_multi(const unsigned char *, size_t, size_t *);

/* ASCII dominates news: its case needs no call. */
static inline uint32_t
utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	return utf8_decode_multi(s, n, len);
}

/* Append code point cp to out as UTF-8. */
void	utf8_put(struct buf *, uint32_t);

/*
 * Walks a string once while callers ask for code point offsets of
 * increasing byte offsets, so n spans cost O(length) and not O(n·length);
 * a smaller offset starts over.
 */
struct utf8_cursor {
	const char	*s;
	size_t		 n;		/* the string's length */
	size_t		 byte;
	size_t		 cp;
};

void	utf8_cursor_init(struct utf8_cursor *, const char *, size_t);
size_t	utf8_cursor_far(struct utf8_cursor *, size_t);

/* Does s[0..n) hold only ASCII (byte offsets are code point offsets)? */
int	utf8_is_ascii(const char *, size_t);

/*
 * The code point offset of byte b. Spans are short, so a step of at most
 * sixteen bytes is counted inline with one load while the string lasts.
 */
static inline size_t
utf8_cursor_cp(struct utf8_cursor *c, size_t b)
{
#ifdef __SSE2__
	size_t		 d = b - c->byte, cont = 0;
	unsigned	 m;

	if (b >= c->byte && d <= 16 && c->byte + 16 <= c->n) {
		m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(
		    _mm_loadu_si128((const __m128i *)(const void *)(c->s +
		    c->byte)), _mm_set1_epi8((char)0xc0)),
		    _mm_set1_epi8((char)0x80))) & ((1u << d) - 1);
		for (; m != 0; m &= m - 1)
			cont++;		/* 10xxxxxx bytes before b */
		c->cp += d - cont;
		c->byte = b;
		return c->cp;
	}
#endif
	return utf8_cursor_far(c, b);
}

#endif
