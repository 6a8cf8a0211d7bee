/*
 * Word folding for dedupe: a table-driven ASCII fast path for the common
 * case and utf8proc for the rest, so "Zelenskyy's" and "ZELENSKYY’S" fold
 * alike.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "normalize.h"
#include "utf8.h"

#define FOLD_MAX	18	/* code points one character may fold to */
/*
 * Bytes kept free past the folded text: the block loop copies whole
 * blocks, and word hashing loads 8 bytes at a time and masks them.
 */
#define SLACK		64

#ifndef __SSE2__
/*
 * ASCII bytes: the folded letter or digit, 0 for a separator; 1 for the
 * lead or continuation bytes of other characters.
 */
static const uint8_t ascii_fold[256] = {
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	48, 49, 50, 51, 52, 53, 54, 55,
	56, 57, 0, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103,
	104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119,
	120, 121, 122, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103,
	104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119,
	120, 121, 122, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
};
#endif

enum cls { SEP, WORD, MARK };

static enum cls
class_of(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return WORD;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_CF:
		/* accents and soft hyphens do not split a word */
		return MARK;
	default:
		return SEP;
	}
}

/* The len (1..8) bytes at p, as memcpy into a zeroed word would give. */
static inline uint64_t
load_tail(const char *p, size_t len)
{
	uint64_t	 v;

	/* p has SLACK readable bytes past the text; the excess is masked */
	memcpy(&v, p, 8);
	return v & ~0ULL >> (64 - len * 8);
}

static inline uint64_t
word_hash(const char *p, size_t len)
{
	uint64_t	 h = 0x9e3779b97f4a7c15ULL ^ len, v;

	/*
	 * little-endian loads; sketches are not portable to big endian.
	 * Words are never empty, so the last 1..8 bytes are always mixed in.
	 */
	for (; len > 8; p += 8, len -= 8) {
		memcpy(&v, p, 8);
		h = (h ^ v) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	h = (h ^ load_tail(p, len)) * 0xff51afd7ed558ccdULL;
	h ^= h >> 32;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

/*
 * The folding loop keeps "last", the previous character's class: 0 after
 * a separator (a space already ends the output, or it is empty), else in
 * a word.  A separator after a word writes one space; ASCII words are
 * copied a word at a time, other characters go through utf8proc.
 */
struct folder {
	struct buf		*out;
	unsigned		 last;
	struct norm_cache	*cache;		/* or NULL */
};

/*
 * What a character folds to, for the cache: marks count for nothing, so
 * only separators, or only word characters (8 bytes at most), or nothing
 * at all have one simple effect; anything else takes the long way.
 */
enum kind { K_EMPTY, K_SEP, K_NONE, K_WORD, K_MIXED };

static void
fold_cp(struct folder *f, utf8proc_int32_t cp)
{
	switch (class_of(cp)) {
	case WORD:
		utf8_put(f->out, (uint32_t)cp);
		f->last = 1;
		break;
	case MARK:
		break;
	case SEP:
		if (f->last != 0)
			buf_addc(f->out, ' ');
		f->last = 0;
		break;
	}
}

static utf8proc_ssize_t
decompose(uint32_t cp, utf8proc_int32_t *dst)
{
	int	 bound = 0;

	return utf8proc_decompose_char((utf8proc_int32_t)cp, dst, FOLD_MAX,
	    UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
	    UTF8PROC_STRIPMARK | UTF8PROC_IGNORE, &bound);
}

/* Classify cp for the cache slot h. */
static void
cache_fill(struct norm_cache *c, size_t h, uint32_t cp)
{
	utf8proc_int32_t	 dst[FOLD_MAX];
	utf8proc_uint8_t	 enc[4];
	utf8proc_ssize_t	 k, i, e;
	unsigned		 seps = 0, words = 0, len = 0;

	c->cp[h] = cp;
	c->kind[h] = K_MIXED;
	if ((k = decompose(cp, dst)) < 0 || k > FOLD_MAX) {
		c->kind[h] = K_SEP;
		return;
	}
	for (i = 0; i < k; i++)
		switch (class_of(dst[i])) {
		case SEP:
			seps++;
			break;
		case WORD:
			words++;
			e = utf8proc_encode_char(dst[i], enc);
			if (len + (size_t)e > sizeof(c->out[h]))
				return;
			memcpy(c->out[h] + len, enc, (size_t)e);
			len += (unsigned)e;
			break;
		case MARK:
			break;
		}
	if (seps > 0 && words > 0)
		return;
	c->kind[h] = seps > 0 ? K_SEP : words > 0 ? K_WORD : K_NONE;
	c->len[h] = (uint8_t)len;
}

/* One non-ASCII character; returns the bytes it took. */
static size_t
fold_other(struct folder *f, const unsigned char *s, size_t n)
{
	struct norm_cache	*c = f->cache;
	utf8proc_int32_t	 dst[FOLD_MAX];
	utf8proc_ssize_t	 k, i;
	size_t			 len, h;
	uint32_t		 cp;

	cp = utf8_decode(s, n, &len);
	if (c != NULL) {
		h = (cp * 0x9e3779b1U) >> 23 & (NORM_CACHE - 1);
		if (c->cp[h] != cp)
			cache_fill(c, h, cp);
		switch (c->kind[h]) {
		case K_SEP:
			fold_cp(f, ' ');
			return len;
		case K_NONE:
			return len;
		case K_WORD:
			buf_add(f->out, c->out[h], c->len[h]);
			f->last = 1;
			return len;
		}
	}
	k = decompose(cp, dst);
	if (k < 0 || k > FOLD_MAX)
		fold_cp(f, ' ');
	else
		for (i = 0; i < k; i++)
			fold_cp(f, dst[i]);
	return len;
}

#ifdef __SSE2__
/*
 * ASCII 32 bytes at a time.  Each byte becomes its folded letter or digit,
 * or a space; a byte is kept when it is a letter or digit, or the first
 * separator after one.  The kept runs (a word and its space) are copied
 * whole blocks at a time, which may write past them into the slack.
 */
static inline uint32_t
fold16(__m128i v, char *dst)
{
	const __m128i	 a = _mm_set1_epi8('a' - 1), z = _mm_set1_epi8('z' + 1);
	const __m128i	 ua = _mm_set1_epi8('A' - 1), uz = _mm_set1_epi8('Z' + 1);
	const __m128i	 d0 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
	__m128i		 up, lo, word;

	/* signed compares: bytes >= 0x80 are below every bound */
	up = _mm_and_si128(_mm_cmpgt_epi8(v, ua), _mm_cmplt_epi8(v, uz));
	lo = _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
	word = _mm_or_si128(
	    _mm_and_si128(_mm_cmpgt_epi8(lo, a), _mm_cmplt_epi8(lo, z)),
	    _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d9)));
	lo = _mm_or_si128(_mm_and_si128(word, lo),
	    _mm_andnot_si128(word, _mm_set1_epi8(' ')));
	_mm_storeu_si128((__m128i *)(void *)dst, lo);
	return (uint32_t)_mm_movemask_epi8(word);
}

/* Fold s[0..n) up to its first non-ASCII byte; returns the bytes taken. */
static size_t
fold_ascii(struct folder *f, const unsigned char *s, size_t n)
{
	char		 blk[64], in[32];
	char		*p = f->out->p;
	size_t		 len = f->out->len, i = 0, m;
	uint64_t	 keep, word, valid;
	unsigned	 st, run;
	__m128i		 v0, v1;

	while (i < n) {
		m = n - i < 32 ? n - i : 32;
		if (m == 32) {
			v0 = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i));
			v1 = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i + 16));
		} else {
			memset(in, 0, sizeof(in));
			memcpy(in, s + i, m);
			v0 = _mm_loadu_si128((const __m128i *)(void *)in);
			v1 = _mm_loadu_si128((const __m128i *)(void *)
			    (in + 16));
		}
		valid = (uint32_t)_mm_movemask_epi8(v0) |
		    (uint32_t)_mm_movemask_epi8(v1) << 16;
		valid |= 1ULL << m;
		m = (size_t)__builtin_ctzll(valid);	/* up to non-ASCII */
		valid = (1ULL << m) - 1;
		word = (fold16(v0, blk) | fold16(v1, blk + 16) << 16) & valid;
		keep = (word | word << 1 | f->last) & valid;
		while (keep != 0) {
			st = (unsigned)__builtin_ctzll(keep);
			run = (unsigned)__builtin_ctzll(~(keep >> st));
			memcpy(p + len, blk + st, 32);
			len += run;
			keep &= ~0ULL << (st + run);
		}
		if (m > 0)
			f->last = (unsigned)(word >> (m - 1)) & 1;
		i += m;
		if (m < 32)
			break;
	}
	f->out->len = len;
	return i;
}
#else
/* Fold s[0..n) up to its first non-ASCII byte; returns the bytes taken. */
static size_t
fold_ascii(struct folder *f, const unsigned char *s, size_t n)
{
	char		*p = f->out->p;
	size_t		 len = f->out->len, i;
	unsigned	 t;

	for (i = 0; i < n && (t = ascii_fold[s[i]]) != 1; i++) {
		if (t > 1) {
			p[len++] = (char)t;
			f->last = 1;
		} else if (f->last) {
			p[len++] = ' ';
			f->last = 0;
		}
	}
	f->out->len = len;
	return i;
}
#endif

/* The hash of each word of p[0..end), words split by single spaces. */
static void
hash_words(const char *p, const char *end, struct words *w)
{
	const char	*ws = p, *q;
	size_t		 max = (size_t)(end - p) / 2 + 1;
	uint64_t	*h;
	uint32_t	 sp;

	if (w->cap - w->n < max) {
		while (w->cap - w->n < max)
			w->cap = w->cap < 256 ? 256 : w->cap * 2;
		if ((w->h = reallocarray(w->h, w->cap, sizeof(*w->h))) ==
		    NULL) {
			fputs("dedupe: out of memory\n", stderr);
			exit(2);
		}
	}
	/* a local pointer: stores through w->h could alias w->n */
	h = w->h + w->n;
	for (q = p; q < end; q += 32) {
#ifdef __SSE2__
		sp = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(const void *)q),
		    _mm_set1_epi8(' '))) |
		    (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(const void *)(q + 16)),
		    _mm_set1_epi8(' '))) << 16;
#else
		unsigned	 k;

		for (sp = 0, k = 0; k < 32; k++)
			sp |= (uint32_t)(q[k] == ' ') << k;
#endif
		if (end - q < 32)
			sp &= (1U << (end - q)) - 1;
		for (; sp != 0; sp &= sp - 1) {
			const char	*e = q + __builtin_ctz(sp);

			if (e > ws)
				*h++ = word_hash(ws, (size_t)(e - ws));
			ws = e + 1;
		}
	}
	if (end > ws)
		*h++ = word_hash(ws, (size_t)(end - ws));
	w->n = (size_t)(h - w->h);
}

void
norm_words(const char *text, size_t n, struct buf *out, struct words *w,
    struct norm_cache *cache)
{
	const unsigned char	*s = (const unsigned char *)text;
	struct folder		 f = { out, 0, cache };
	size_t			 i = 0, start = out->len;

	/* ASCII never grows: n bytes and one joining space suffice */
	buf_reserve(out, n + 1 + SLACK);
	if (out->len > 0)
		out->p[out->len++] = ' ';
	for (;;) {
		i += fold_ascii(&f, s + i, n - i);
		if (i == n)
			break;
		i += fold_other(&f, s + i, n - i);
		buf_reserve(out, n - i + 1 + SLACK);
	}
	if (out->len > start && out->p[out->len - 1] == ' ')
		out->len--;
	out->p[out->len] = '\0';
	if (w != NULL) {
		buf_reserve(out, SLACK);
		hash_words(out->p + start, out->p + out->len, w);
	}
}
