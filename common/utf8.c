/*
 * UTF-8 per RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF.
 * ASCII runs are skipped eight bytes at a time because they dominate news.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "utf8.h"

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* True when any byte of the word is NUL or has its high bit set. */
static inline int
word_special(uint64_t v)
{
	return (((v - ONES) & ~v) | v) & HIGHS ? 1 : 0;
}

size_t
utf8_seqlen(const unsigned char *s, size_t n)
{
	unsigned char	 c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && s[1] < 0xa0)
			return 0;	/* overlong */
		if (c == 0xed && s[1] >= 0xa0)
			return 0;	/* surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && s[1] < 0x90)
			return 0;	/* overlong */
		if (c == 0xf4 && s[1] >= 0x90)
			return 0;	/* past U+10FFFF */
		return 4;
	}
	return 0;
}

size_t
utf8_find_bad(const char *str, size_t n)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, len;
	uint64_t		 w;

	while (i < n) {
#ifdef __SSE2__
		/* 16 ASCII bytes without NUL at a time */
		while (i + 16 <= n) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i));
			unsigned mask = (unsigned)(_mm_movemask_epi8(v) |
			    _mm_movemask_epi8(_mm_cmpeq_epi8(v,
			    _mm_setzero_si128())));

			if (mask != 0) {
				/* straight to the byte that needs a look */
				i += (size_t)__builtin_ctz(mask);
				break;
			}
			i += 16;
		}
		if (i >= n)
			break;
#endif
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (!word_special(w)) {
				i += 8;
				continue;
			}
		}
		if (s[i] == 0)
			return i;
		if ((len = utf8_seqlen(s + i, n - i)) == 0)
			return i;
		i += len;
	}
	return n;
}

size_t
utf8_repair(const char *s, size_t n, struct buf *out)
{
	size_t	 i = 0, bad, nrep = 0, len;

	while (i < n) {
		bad = i + utf8_find_bad(s + i, n - i);
		buf_add(out, s + i, bad - i);
		if (bad == n)
			break;
		buf_add(out, UTF8_REPLACEMENT, 3);
		nrep++;
		/* Skip the maximal invalid prefix as one unit, per Unicode §3.9. */
		i = bad + 1;
		len = 0;
		while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80 && len < 3 &&
		    (unsigned char)s[bad] >= 0xc0) {
			i++;
			len++;
		}
	}
	return nrep;
}

#ifdef __SSE2__
/* Set bits in a 16-bit mask, without relying on a popcount instruction. */
static inline unsigned
bits16(unsigned m)
{
	m = m - ((m >> 1) & 0x5555);
	m = (m & 0x3333) + ((m >> 2) & 0x3333);
	m = (m + (m >> 4)) & 0x0f0f;
	return (m + (m >> 8)) & 0x1f;
}
#endif

/* Code points are the bytes less the continuation bytes (10xxxxxx). */
size_t
utf8_count(const char *s, size_t n)
{
	size_t	 i = 0, cont = 0;
#ifdef __SSE2__
	const __m128i	 top = _mm_set1_epi8((char)0xc0);
	const __m128i	 follow = _mm_set1_epi8((char)0x80);

	for (; i + 16 <= n; i += 16) {
		__m128i	 v = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i));

		cont += bits16((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_and_si128(v, top), follow)));
	}
#endif
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xc0) == 0x80;
	return n - cont;
}

uint32_t
utf8_decode_multi(const unsigned char *s, size_t n, size_t *len)
{
	size_t	 l = utf8_seqlen(s, n);

	*len = l == 0 ? 1 : l;
	switch (l) {
	case 1:
		return s[0];
	case 2:
		return (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	case 3:
		return (uint32_t)(s[0] & 0x0f) << 12 |
		    (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	case 4:
		return (uint32_t)(s[0] & 0x07) << 18 |
		    (uint32_t)(s[1] & 0x3f) << 12 |
		    (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
	default:
		return 0xfffd;
	}
}

void
utf8_put(struct buf *b, uint32_t cp)
{
	char	 t[4];

	if (cp >= 0xd800 && cp <= 0xdfff)
		cp = 0xfffd;
	if (cp < 0x80) {
		buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		t[0] = (char)(0xc0 | cp >> 6);
		t[1] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xe0 | cp >> 12);
		t[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		t[2] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, t, 3);
	} else if (cp < 0x110000) {
		t[0] = (char)(0xf0 | cp >> 18);
		t[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		t[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		t[3] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, t, 4);
	} else
		buf_add(b, UTF8_REPLACEMENT, 3);
}

void
utf8_cursor_init(struct utf8_cursor *c, const char *s, size_t n)
{
	c->s = s;
	c->n = n;
	c->byte = c->cp = 0;
}

/*
 * utf8_cursor_cp for longer steps: sixteen bytes at a time with SSE2,
 * the last group read whole while the string has sixteen bytes from it.
 */
size_t
utf8_cursor_far(struct utf8_cursor *c, size_t b)
{
	size_t		 i = c->byte, cont = 0;
	uint64_t	 w;

	if (b < i) {
		i = c->byte = c->cp = 0;
	}
#ifdef __SSE2__
	{
		const __m128i	 top = _mm_set1_epi8((char)0xc0);
		const __m128i	 mid = _mm_set1_epi8((char)0x80);
		const __m128i	 one = _mm_set1_epi8(1);
		__m128i		 v, k;
		unsigned	 m;

		for (; i < b && i + 16 <= c->n; i += 16) {
			v = _mm_loadu_si128((const __m128i *)(const void *)
			    (c->s + i));
			k = _mm_cmpeq_epi8(_mm_and_si128(v, top), mid);
			if (b - i < 16) {
				/* 10xxxxxx bytes before b only */
				m = (unsigned)_mm_movemask_epi8(k) &
				    ((1u << (b - i)) - 1);
				for (; m != 0; m &= m - 1)
					cont++;
				i = b;
				break;
			}
			k = _mm_sad_epu8(_mm_and_si128(k, one),
			    _mm_setzero_si128());
			cont += (size_t)_mm_cvtsi128_si32(k) +
			    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(k, 8));
		}
	}
#endif
	for (; i + 8 <= b; i += 8) {
		memcpy(&w, c->s + i, 8);
		w = (w & ~(w << 1) & HIGHS) >> 7;	/* 10xxxxxx bytes */
		cont += (w * ONES) >> 56;
	}
	for (; i < b; i++)
		cont += ((unsigned char)c->s[i] & 0xc0) == 0x80;
	c->cp += (b - c->byte) - cont;
	c->byte = b;
	return c->cp;
}

int
utf8_is_ascii(const char *s, size_t n)
{
	size_t		 i = 0;
	uint64_t	 w, acc = 0;

#ifdef __SSE2__
	__m128i		 v = _mm_setzero_si128();

	for (; i + 16 <= n; i += 16)
		v = _mm_or_si128(v, _mm_loadu_si128((const __m128i *)
		    (const void *)(s + i)));
	if (_mm_movemask_epi8(v) != 0)
		return 0;
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		acc |= w;
	}
	for (; i < n; i++)
		acc |= (unsigned char)s[i];
	return (acc & HIGHS) == 0;
}
