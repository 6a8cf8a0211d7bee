/*
 * Writing the actors array: JSON strings and numbers go straight into room
 * reserved once per element, as common/json.c would write them.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "actortag.h"

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* A quote, a backslash or a control byte in the word. */
static inline int
escape_needed(uint64_t v)
{
	uint64_t q = v ^ (ONES * '"'), bs = v ^ (ONES * '\\');

	return (((q - ONES) & ~q) | ((bs - ONES) & ~bs) |
	    ((v - ONES * 0x20) & ~v)) & HIGHS ? 1 : 0;
}

static char *
put_escaped(char *p, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	*p++ = '\\';
	switch (c) {
	case '"': case '\\': *p++ = (char)c; break;
	case '\n': *p++ = 'n'; break;
	case '\t': *p++ = 't'; break;
	case '\r': *p++ = 'r'; break;
	case '\b': *p++ = 'b'; break;
	case '\f': *p++ = 'f'; break;
	default:
		memcpy(p, "u00", 3);
		p[3] = hex[c >> 4];
		p[4] = hex[c & 15];
		p += 5;
		break;
	}
	return p;
}

/*
 * Write s as a JSON string at p (room for OUT_BOUND(n)); return its end.
 * When avail >= n + 8 bytes may be read from s, the tail is checked and
 * copied as one masked word: short strings then take no byte loop.
 */
char *
out_str(char *p, const char *s, size_t n, size_t avail)
{
	size_t		 i = 0;
	uint64_t	 w, mask;
	unsigned char	 c;

	*p++ = '"';
#ifdef __SSE2__
	/* sixteen bytes at a time while sixteen may be read */
	for (; i < n && avail >= i + 16; i += 16) {
		const __m128i	 v = _mm_loadu_si128((const __m128i *)
				    (const void *)(s + i));
		unsigned	 m;

		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
		    /* bytes below 0x20: unsigned min with 0x1f is them */
		    _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v)));
		if (n - i < 16)
			m &= (1u << (n - i)) - 1;
		if (m != 0)
			break;
		_mm_storeu_si128((__m128i *)(void *)p, v);
		if (n - i < 16) {
			p += n - i;
			i = n;
			break;
		}
		p += 16;
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (escape_needed(w))
			goto slow;
		memcpy(p, &w, 8);
		p += 8;
	}
	if (i < n && avail >= i + 8) {
		memcpy(&w, s + i, 8);
		mask = ~0ULL >> (8 * (8 - (n - i)));
		if (!escape_needed((w & mask) | (ONES * ' ' & ~mask))) {
			memcpy(p, &w, 8);
			p += n - i;
			i = n;
		}
	}
slow:
	for (; i < n; i++) {
		c = (unsigned char)s[i];
		if (c < 0x20 || c == '"' || c == '\\')
			p = put_escaped(p, c);
		else
			*p++ = (char)c;
	}
	*p++ = '"';
	return p;
}

const char out_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930"
    "31323334353637383940414243444546474849505152535455565758596061"
    "6263646566676869707172737475767778798081828384858687888990919293"
    "949596979899";

/* Write v in decimal at p (room for 20 bytes); return its end. */
char *
out_uint(char *p, size_t v)
{
	const char	*pairs = out_pairs;
	size_t		 n, t, i;

	if (v < 10000)
		return out_uint_small(p, v);
	for (n = 1, t = v; t >= 10; t /= 10)
		n++;
	i = n;
	for (; v >= 100; v /= 100) {
		i -= 2;
		memcpy(p + i, pairs + 2 * (v % 100), 2);
	}
	if (v >= 10)
		memcpy(p, pairs + 2 * v, 2);
	else
		p[0] = (char)('0' + v);
	return p + n;
}

