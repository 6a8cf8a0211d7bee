/*
 * Shingling and MinHash for dedupe.  One-permutation hashing costs one hash
 * per shingle instead of one per shingle and permutation; densification
 * fills the bins a short text leaves empty (Shrivastava 2017).
 */
#include <string.h>

#include "hash.h"
#include "minhash.h"

#define EMPTY	UINT32_MAX

static inline void
add_shingle(struct mh_work *w, const uint64_t *h, size_t k)
{
	uint64_t	 s = 0;
	uint32_t	 v;
	size_t		 i;

	for (i = 0; i < k; i++)
		s = (s + h[i]) * 0x9e3779b97f4a7c15ULL;
	s = hash_mix64(s);
	v = (uint32_t)s;
	if (v == EMPTY)
		v--;
	if (v < w->min[s >> 57])
		w->min[s >> 57] = v;
}

/*
 * Each empty bin takes the value of the next filled bin to its right, mixed
 * with the distance, so two texts agree on it about as often as on a filled
 * bin (Shrivastava and Li 2014).
 */
static void
densify(struct mh_work *w)
{
	uint32_t	 last;
	unsigned	 i, b, dist = 0, j;

	/* sweep leftwards from a filled bin, so "next to the right" is known */
	for (j = MH_BINS - 1; j > 0 && w->min[j] == EMPTY; j--)
		;
	last = w->min[j];
	for (i = 0; i < MH_BINS; i++) {
		b = (j + MH_BINS - i) % MH_BINS;
		if (w->min[b] != EMPTY) {
			last = w->min[b];
			dist = 0;
			continue;
		}
		dist++;
		w->min[b] = hash_mix32(last ^ (dist * 0x9e3779b9U));
		if (w->min[b] == EMPTY)
			w->min[b]--;
	}
}

static void
finish(const struct mh_work *w, size_t shingles, struct mh_sketch *sk)
{
	unsigned	 i, bit;
	uint32_t	 v;

	memset(sk->sig, 0, sizeof(sk->sig));
	for (i = 0; i < MH_BINS; i++) {
		/* the values are hash outputs: their low bits are uniform */
		v = w->min[i] & ((1U << MH_BITS) - 1);
		bit = i * MH_BITS;
		sk->sig[bit / 8] |= (uint8_t)(v << (bit % 8));
	}
	for (i = 0; i < MH_BANDS; i++)
		sk->band[i] = w->min[i * (MH_BINS / MH_BANDS)];
	sk->count = shingles > UINT16_MAX ? UINT16_MAX : (uint16_t)shingles;
}

int
mh_sketch(struct mh_work *w, const uint64_t *h, size_t words,
    struct mh_sketch *sk)
{
	size_t		 i;

	if (words == 0)
		return -1;
	memset(w->min, 0xff, sizeof(w->min));
	if (words < MH_SHINGLE)
		add_shingle(w, h, words);
	for (i = 0; i + MH_SHINGLE <= words; i++)
		add_shingle(w, h + i, MH_SHINGLE);
	densify(w);
	finish(w, words < MH_SHINGLE ? 1 : words - MH_SHINGLE + 1, sk);
	return 0;
}

/* Without -mpopcnt the builtin is a library call; this is not. */
static inline unsigned
popcount64(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}

static unsigned
matches(const uint8_t *a, const uint8_t *b)
{
	unsigned	 i, m = 0;
	uint64_t	 x, y, eq;

	for (i = 0; i < MH_SIGBYTES; i += 8) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		eq = ~(x ^ y);
#if MH_BITS == 2
		eq &= eq >> 1;
		eq &= 0x5555555555555555ULL;
#endif
		m += popcount64(eq);
	}
	return m;
}

double
mh_similarity(const uint8_t *a, unsigned na, const uint8_t *b, unsigned nb)
{
	const double	 chance = 1.0 / (1 << MH_BITS);
	double		 p, j, c;
	unsigned	 lo = na < nb ? na : nb;

	p = (double)matches(a, b) / MH_BINS;
	j = (p - chance) / (1 - chance);
	if (j <= 0)
		return 0;
	if (lo == 0)
		return j;
	/* |A∩B| = J (|A| + |B|) / (1 + J) */
	c = j * ((double)na + nb) / ((1 + j) * lo);
	if (c > 1)
		c = 1;
	return c > j ? c : j;
}

void
mh_to_blob(const struct mh_sketch *sk, uint8_t *p)
{
	unsigned	 i;

	memcpy(p, sk->sig, MH_SIGBYTES);
	p += MH_SIGBYTES;
	*p++ = (uint8_t)sk->count;
	*p++ = (uint8_t)(sk->count >> 8);
	for (i = 0; i < MH_BANDS; i++) {
		*p++ = (uint8_t)sk->band[i];
		*p++ = (uint8_t)(sk->band[i] >> 8);
		*p++ = (uint8_t)(sk->band[i] >> 16);
		*p++ = (uint8_t)(sk->band[i] >> 24);
	}
}

void
mh_from_blob(const uint8_t *p, struct mh_sketch *sk)
{
	unsigned	 i;

	memcpy(sk->sig, p, MH_SIGBYTES);
	p += MH_SIGBYTES;
	sk->count = (uint16_t)(p[0] | p[1] << 8);
	p += 2;
	for (i = 0; i < MH_BANDS; i++, p += 4)
		sk->band[i] = (uint32_t)p[0] | (uint32_t)p[1] << 8 |
		    (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
