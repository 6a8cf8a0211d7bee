/*
 * Shingling and MinHash for dedupe.  One-permutation hashing costs one hash
 * per shingle instead of one per shingle and permutation; densification
 * fills the bins a short text leaves empty (Shrivastava 2017).
 */
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#ifdef __x86_64__
#include <immintrin.h>
#endif

#include "hash.h"
#include "minhash.h"

#define EMPTY	UINT32_MAX

/*
 * A shingle's hash is the polynomial sum of h[i] * C^(k - i), i < k, for
 * its k word hashes; with k = MH_SHINGLE it rolls from one shingle to the
 * next at three multiplications instead of five.
 */
#define C1	0x9e3779b97f4a7c15ULL
#define C2	(C1 * C1)
#define C3	(C2 * C1)
#define C4	(C3 * C1)
#define C5	(C4 * C1)

#if MH_BINS != 128
#error "add_hash takes the bin from the top 7 bits"
#endif
static inline void
add_hash(struct mh_work *w, uint64_t s)
{
	uint32_t	 v;

	s = hash_mix64(s);
	v = (uint32_t)s;
	v -= v == EMPTY;
	if (v < w->min[s >> 57]) {
		w->min[s >> 57] = v;
		w->filled[s >> 63] |= 1ULL << (s >> 57 & 63);
	}
}

static void
add_shingles(struct mh_work *w, const uint64_t *h, size_t words)
{
	uint64_t	 s = 0;
	size_t		 i;

	if (words < MH_SHINGLE) {
		for (i = 0; i < words; i++)
			s = (s + h[i]) * C1;
		add_hash(w, s);
		return;
	}
#if MH_SHINGLE != 5
#error "the rolling hash below is written out for 5 words"
#endif
	s = h[0] * C5 + h[1] * C4 + h[2] * C3 + h[3] * C2 + h[4] * C1;
	add_hash(w, s);
	for (i = MH_SHINGLE; i < words; i++) {
		s = (s - h[i - MH_SHINGLE] * C5 + h[i]) * C1;
		add_hash(w, s);
	}
}

/*
 * Each empty bin takes the value of the next filled bin to its right, mixed
 * with the distance, so two texts agree on it about as often as on a filled
 * bin (Shrivastava and Li 2014).  densify lays out the empty bins' inputs
 * run by run, each run from the filled bin that ends it; mix_empty then
 * mixes them all at once.
 */
#define DK	0x9e3779b9U	/* distance 1, times the mixing constant */

#ifdef __SSE2__
/*
 * in[e - 1], in[e - 2], ... in[e - len] get last mixed with the distances
 * d, d + 1, ...: four at a time, so up to three more below, which runs
 * laid out later (lower down) overwrite.
 */
static void
lay_run(uint32_t *in, int e, int len, uint32_t d, uint32_t last)
{
	const __m128i	 step = _mm_set_epi32(0, (int)DK, (int)(2 * DK),
			    (int)(3 * DK));
	const __m128i	 l = _mm_set1_epi32((int)last);

	for (; len > 0; d += 4, len -= 4, e -= 4)
		_mm_storeu_si128((__m128i *)(void *)(in + e - 4),
		    _mm_xor_si128(l, _mm_add_epi32(step,
		    _mm_set1_epi32((int)(d * DK)))));
}

static void
densify(struct mh_work *w)
{
	const uint64_t	*filled = w->filled;
	uint32_t	*in = w->in + 4;
	uint64_t	 m;
	int		 k, f, first, top;

	for (k = 0; filled[k] == 0; k++)
		;
	first = k * 64 + __builtin_ctzll(filled[k]);
	/* from the top down, starting with the bins that wrap round */
	top = MH_BINS;
	for (k = MH_BINS / 64 - 1; k >= 0; k--)
		for (m = filled[k]; m != 0; m &= ~(1ULL << (f % 64))) {
			f = k * 64 + 63 - __builtin_clzll(m);
			if (top == MH_BINS)
				lay_run(in, top, MH_BINS - 1 - f,
				    (uint32_t)first + 1, w->min[first]);
			else
				lay_run(in, top, top - f - 1, 1, w->min[top]);
			top = f;
		}
	lay_run(in, first, first, 1, w->min[first]);
}
#else
static void
densify(struct mh_work *w)
{
	const uint64_t	*filled = w->filled;
	uint32_t	*in = w->in + 4;
	uint64_t	 m;
	uint32_t	 last, dk;
	int		 b, f, prev, k;

	/* the runs left of the first filled bin wrap round from the last */
	for (k = MH_BINS / 64 - 1; k > 0 && filled[k] == 0; k--)
		;
	prev = k * 64 + 63 - __builtin_clzll(filled[k]) - MH_BINS;
	for (k = 0; k < MH_BINS / 64; k++)
		for (m = filled[k]; m != 0; m &= m - 1) {
			f = k * 64 + __builtin_ctzll(m);
			last = w->min[f];
			/* dk is the distance to f times the constant */
			for (b = f - 1, dk = 0; b > prev; b--) {
				dk += DK;
				in[b & (MH_BINS - 1)] = last ^ dk;
			}
			prev = f;
		}
}
#endif

#if MH_BITS != 2
#error "the packing below is written out for 2 bits"
#endif
#ifdef __SSE2__
/* 32-bit products of four lanes by c, from SSE2's two 32x32->64 ones. */
static inline __m128i
mul32(__m128i a, __m128i c)
{
	__m128i	 even = _mm_mul_epu32(a, c);
	__m128i	 odd = _mm_mul_epu32(_mm_srli_epi64(a, 32), c);

	return _mm_unpacklo_epi32(_mm_shuffle_epi32(even, 0x08),
	    _mm_shuffle_epi32(odd, 0x08));
}

/* hash_mix32 of four lanes */
static inline __m128i
mix32x4(__m128i x)
{
	x = _mm_xor_si128(x, _mm_srli_epi32(x, 16));
	x = mul32(x, _mm_set1_epi32(0x7feb352d));
	x = _mm_xor_si128(x, _mm_srli_epi32(x, 15));
	x = mul32(x, _mm_set1_epi32((int)0x846ca68bU));
	return _mm_xor_si128(x, _mm_srli_epi32(x, 16));
}

/* The low 2 bits of 16 bins (four lanes of four, masked) as 4 bytes. */
static inline int
pack16(const __m128i *v)
{
	__m128i	 b;

	/* each bin's value a byte; four of them fold into their lane's low byte */
	b = _mm_packus_epi16(_mm_packs_epi32(v[0], v[1]),
	    _mm_packs_epi32(v[2], v[3]));
	b = _mm_or_si128(b, _mm_srli_epi32(b, 6));
	b = _mm_or_si128(b, _mm_srli_epi32(b, 12));
	b = _mm_and_si128(b, _mm_set1_epi32(0xff));
	b = _mm_packus_epi16(_mm_packs_epi32(b, b), b);
	return _mm_cvtsi128_si32(b);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_AVX2_MIX
/* mix_empty's mixing, eight lanes at a time where the CPU has AVX2. */
__attribute__((target("avx2"))) static void
mix_avx2(struct mh_work *w)
{
	const __m256i	 ones = _mm256_set1_epi32(-1);
	const __m256i	 c1 = _mm256_set1_epi32(0x7feb352d);
	const __m256i	 c2 = _mm256_set1_epi32((int)0x846ca68bU);
	__m256i		 v, e, x;
	unsigned	 i;

	for (i = 0; i < MH_BINS; i += 8) {
		v = _mm256_loadu_si256((const __m256i *)(const void *)
		    (w->min + i));
		e = _mm256_cmpeq_epi32(v, ones);
		x = _mm256_loadu_si256((const __m256i *)(const void *)
		    (w->in + 4 + i));
		x = _mm256_xor_si256(x, _mm256_srli_epi32(x, 16));
		x = _mm256_mullo_epi32(x, c1);
		x = _mm256_xor_si256(x, _mm256_srli_epi32(x, 15));
		x = _mm256_mullo_epi32(x, c2);
		x = _mm256_xor_si256(x, _mm256_srli_epi32(x, 16));
		x = _mm256_add_epi32(x, _mm256_cmpeq_epi32(x, ones));
		_mm256_storeu_si256((__m256i *)(void *)(w->min + i),
		    _mm256_blendv_epi8(v, x, e));
	}
}
#endif

/*
 * Mix every empty bin's input and keep the filled bins, 16 bins a loop;
 * pack the low 2 bits of each on the way.
 */
static void
mix_empty(struct mh_work *w, uint8_t *sig)
{
	const __m128i	 ones = _mm_set1_epi32(-1), three = _mm_set1_epi32(3);
	__m128i		 v[4], e, d;
	unsigned	 i, k;
	int		 packed, mixed = 0;

#ifdef HAVE_AVX2_MIX
	if (__builtin_cpu_supports("avx2")) {
		mix_avx2(w);
		mixed = 1;
	}
#endif
	for (i = 0; i < MH_BINS; i += 16) {
		for (k = 0; k < 4; k++) {
			v[k] = _mm_loadu_si128((const __m128i *)(const void *)
			    (w->min + i + 4 * k));
			if (!mixed) {
				e = _mm_cmpeq_epi32(v[k], ones);
				d = mix32x4(_mm_loadu_si128((const __m128i *)
				    (const void *)(w->in + 4 + i + 4 * k)));
				/* EMPTY is reserved: it becomes EMPTY - 1 */
				d = _mm_add_epi32(d, _mm_cmpeq_epi32(d, ones));
				v[k] = _mm_or_si128(_mm_and_si128(e, d),
				    _mm_andnot_si128(e, v[k]));
				_mm_storeu_si128((__m128i *)(void *)
				    (w->min + i + 4 * k), v[k]);
			}
			v[k] = _mm_and_si128(v[k], three);
		}
		packed = pack16(v);
		memcpy(sig + i / 4, &packed, 4);
	}
}
#else
static void
mix_empty(struct mh_work *w, uint8_t *sig)
{
	const uint32_t	*v = w->min;
	uint32_t	 d;
	unsigned	 i;

	for (i = 0; i < MH_BINS; i++)
		if (w->min[i] == EMPTY) {
			d = hash_mix32(w->in[4 + i]);
			w->min[i] = d - (d == EMPTY);
		}
	for (i = 0; i < MH_SIGBYTES; i++, v += 4)
		sig[i] = (uint8_t)((v[0] & 3) | (v[1] & 3) << 2 |
		    (v[2] & 3) << 4 | (v[3] & 3) << 6);
}
#endif

static void
finish(struct mh_work *w, size_t shingles, struct mh_sketch *sk)
{
	unsigned	 i;

	/* the values are hash outputs: their low bits are uniform */
	mix_empty(w, sk->sig);
	for (i = 0; i < MH_BANDS; i++)
		sk->band[i] = w->min[i * (MH_BINS / MH_BANDS)];
	sk->count = shingles > UINT16_MAX ? UINT16_MAX : (uint16_t)shingles;
}

int
mh_sketch(struct mh_work *w, const uint64_t *h, size_t words,
    struct mh_sketch *sk)
{
	if (words == 0)
		return -1;
	memset(w->min, 0xff, sizeof(w->min));
	memset(w->filled, 0, sizeof(w->filled));
	add_shingles(w, h, words);
	densify(w);
	finish(w, words < MH_SHINGLE ? 1 : words - MH_SHINGLE + 1, sk);
	return 0;
}

#if defined(__SSE2__) && MH_BITS == 2 && MH_SIGBYTES == 32
/*
 * Equal 2-bit values of two signatures.  A pair matches when both its bits
 * are equal; the two halves' match bits are merged into one vector and
 * counted by the usual bit-slicing, then summed bytewise by psadbw.
 */
static unsigned
matches(const uint8_t *a, const uint8_t *b)
{
	const __m128i	 m1 = _mm_set1_epi8(0x55), m2 = _mm_set1_epi8(0x33);
	const __m128i	 m4 = _mm_set1_epi8(0x0f);
	__m128i		 e0, e1, v;

	e0 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)a),
	    _mm_loadu_si128((const __m128i *)(const void *)b));
	e1 = _mm_xor_si128(
	    _mm_loadu_si128((const __m128i *)(const void *)(a + 16)),
	    _mm_loadu_si128((const __m128i *)(const void *)(b + 16)));
	/* a pair differs when either bit does; keep the difference bits */
	e0 = _mm_and_si128(_mm_or_si128(e0, _mm_srli_epi64(e0, 1)), m1);
	e1 = _mm_and_si128(_mm_or_si128(e1, _mm_srli_epi64(e1, 1)), m1);
	/* count the differing pairs, 2 bits per pair of pairs */
	v = _mm_add_epi8(e0, e1);
	v = _mm_add_epi8(_mm_and_si128(v, m2),
	    _mm_and_si128(_mm_srli_epi64(v, 2), m2));
	v = _mm_and_si128(_mm_add_epi8(v, _mm_srli_epi64(v, 4)), m4);
	v = _mm_sad_epu8(v, _mm_setzero_si128());
	return MH_BINS - (unsigned)(_mm_cvtsi128_si32(v) +
	    _mm_cvtsi128_si32(_mm_unpackhi_epi64(v, v)));
}
#else
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
#endif

double
mh_similarity(const uint8_t *a, unsigned na, const uint8_t *b, unsigned nb)
{
	const double	 chance = 1.0 / (1 << MH_BITS);
	double		 p, j, c;
	unsigned	 lo = na < nb ? na : nb, m = matches(a, b);

	/* no more matches than chance gives: j <= 0, without a division */
	if (m <= MH_BINS / (1 << MH_BITS))
		return 0;
	p = (double)m / MH_BINS;
	j = (p - chance) / (1 - chance);
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
