/*
 * actortag: the alias key lookup, inline for the tagger's many calls.
 *
 * Alias keys by hash. A key is hashed in steps: a run of ASCII letters
 * and digits eight folded bytes at a time, any other byte alone. Text and
 * alias split the same bytes the same way, so the hash of a text prefix
 * that ends before such a byte is made as the walk goes.
 */
#ifndef ACTORTAG_KEYS_H
#define ACTORTAG_KEYS_H

#include <string.h>

#include "actortag.h"

#define KSEED	0x243F6A8885A308D3ULL
#define KMUL	0x9E3779B97F4A7C15ULL
#define FOLD8	0x2020202020202020ULL

static inline uint64_t
kstep(uint64_t h, uint64_t v)
{
	return (h ^ v) * KMUL;
}

/*
 * Hash the run s[0..len) of ASCII letters and digits (folded: | 0x20);
 * avail bytes may be read from s.
 */
static inline uint64_t
hash_run(uint64_t h, const char *s, size_t len, size_t avail)
{
	uint64_t	 w = 0;

	for (; len >= 8; s += 8, len -= 8, avail -= 8) {
		memcpy(&w, s, 8);
		h = kstep(h, w | FOLD8);
	}
	if (len > 0) {
		if (avail >= 8)
			memcpy(&w, s, 8);
		else {
			w = 0;
			memcpy(&w, s, len);
		}
		w = (w | FOLD8) & (~0ULL >> (64 - 8 * len));
		h = kstep(h, w);
	}
	return h;
}

static inline unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* The bit of trie tri for three bytes folded by | 0x20. */
static inline unsigned
tri_bit(unsigned char a, unsigned char b, unsigned char c)
{
	return (unsigned)((((uint64_t)a << 16 | (uint64_t)b << 8 | c) *
	    KMUL) >> 48);
}

/* Is byte i (just after a match) a token boundary? */
static inline int
boundary_after(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return 1;
	if ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] < 0xc0)
		return 0;	/* inside a UTF-8 sequence */
	return !wordc(s, n, i);
}

/* Can an alias start at s[at] (by its first two bytes)? */
static inline int
trie_may_start(const struct trie *t, const char *s, size_t n, size_t at)
{
	if (t->nnodes == 0 || !t->start[(unsigned char)s[at]])
		return 0;
	if (at + 1 < n) {
		unsigned char c1 = fold((unsigned char)s[at]);
		unsigned char c2 = fold((unsigned char)s[at + 1]);

		if (!(t->start2[c1][c2 >> 6] & (1ULL << (c2 & 63))))
			return 0;
	}
	return 1;
}

/*
 * trie_longest by the alias keys: hash the text from at a run of letters
 * and digits or another byte at a time; where the prefix ends before a
 * byte other than a letter or digit, look it up. An alias ends only
 * there (on a token boundary), and a longer one goes on only from a key
 * marked cont, so the walk stops at the first prefix that is no key.
 */
/*
 * hash_run for a run at j shorter than sixteen bytes, found and hashed
 * from one load; returns its length, or 0 when it is longer or the text
 * has not sixteen bytes left.
 */
static inline size_t
short_run(const char *s, size_t n, size_t j, uint64_t *h)
{
#ifdef __SSE2__
	const __m128i	 bias = _mm_set1_epi8((char)0x80);
	__m128i		 v, let, dig;
	uint64_t	 lo;
	unsigned	 m, r;

	if (j + 16 > n)
		return 0;
	v = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
	let = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(_mm_or_si128(v,
	    _mm_set1_epi8(0x20)), _mm_set1_epi8('a')), bias),
	    _mm_set1_epi8((char)(26 - 128)));
	dig = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(v,
	    _mm_set1_epi8('0')), bias), _mm_set1_epi8((char)(10 - 128)));
	m = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(let, dig)) & 0xffff;
	if (m == 0)
		return 0;
	r = (unsigned)__builtin_ctz(m);
	lo = (uint64_t)_mm_cvtsi128_si64(v) | FOLD8;
	if (r <= 8) {
		*h = kstep(*h, lo & (~0ULL >> (64 - 8 * r)));
		return r;
	}
	*h = kstep(*h, lo);
	*h = kstep(*h, ((uint64_t)_mm_cvtsi128_si64(_mm_srli_si128(v, 8)) |
	    FOLD8) & (~0ULL >> (64 - 8 * (r - 8))));
	return r;
#else
	(void)s;
	(void)n;
	(void)j;
	(void)h;
	return 0;
#endif
}

static inline size_t
trie_longest_keys(const struct trie *t, const char *s, size_t n, size_t at,
    int *hitp)
{
	const struct akey	*k;
	uint64_t		 h = KSEED;
	size_t			 j = at, r, best = 0, len, slot;
	int			 cont, x;

	for (;;) {
		if (!ascii_alnum((unsigned char)s[j]))
			h = kstep(h, (unsigned char)s[j++]);
		else if ((r = short_run(s, n, j, &h)) != 0)
			j += r;
		else {
			r = not_alnum(s, n, j);
			h = hash_run(h, s + j, r - j, n - j);
			j = r;
		}
		if (j < n && ascii_alnum((unsigned char)s[j]))
			continue;
		len = j - at;
		cont = 0;
		for (slot = h >> t->akshift; (k = &t->akeys[slot])->len != 0;
		    slot = (slot + 1) & t->akmask) {
			if (k->h != h || k->len != len)
				continue;
			x = k->term;
			if (x != -1 && boundary_after(s, n, j)) {
				/* as written or title-cased: the first hit's
				   case is right */
				if (memcmp(t->hits[x].alias, s + at, len) != 0 &&
				    (t->hits[x].title == NULL ||
				    memcmp(t->hits[x].title, s + at, len) != 0) &&
				    (x = trie_case_hit(t, x, s, at, len)) == -1)
					x = -1;
				if (x != -1) {
					best = len;
					*hitp = x;
				}
			}
			cont |= k->cont;
		}
		if (!cont || j >= n)
			return best;
	}
}

/* trie_longest of a built trie. */
static inline size_t
trie_find(const struct trie *t, const char *s, size_t n, size_t at,
    int *hitp)
{
	unsigned char	 c1 = (unsigned char)s[at], c2 = 0;

	*hitp = -1;
	if (at + 1 < n) {
		c2 = (unsigned char)s[at + 1];
		if (!(t->pair[c1][c2 >> 6] & (1ULL << (c2 & 63))))
			return 0;
	} else if (!t->start[c1])
		return 0;
	if (at + 2 < n) {
		/* the first three bytes, unless the alias is shorter; | 0x20
		   folds at least what fold does */
		unsigned char	 f1 = c1 | 0x20, f2 = c2 | 0x20;
		unsigned	 b = tri_bit(f1, f2, (unsigned char)s[at + 2] |
				    0x20);

		if (!(t->tri[b >> 6] & (1ULL << (b & 63))) &&
		    !(t->short2[f1][f2 >> 6] & (1ULL << (f2 & 63))))
			return 0;
	}
	return trie_longest_keys(t, s, n, at, hitp);
}

#endif
