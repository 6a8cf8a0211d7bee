/*
 * Near-duplicate sketches: word 5-shingles, one-permutation MinHash with
 * densification, kept as b-bit signatures plus a few LSH band keys.
 */
#ifndef DEDUPE_MINHASH_H
#define DEDUPE_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#define MH_SHINGLE	5	/* words per shingle */
#define MH_BINS		128	/* MinHash values per item */
#define MH_BITS		2	/* bits kept of each value */
#define MH_SIGBYTES	(MH_BINS * MH_BITS / 8)
#define MH_BANDS	4	/* LSH bands, one MinHash value each */

/* What is kept of an item for near-duplicate search. */
struct mh_sketch {
	uint8_t		 sig[MH_SIGBYTES];
	uint16_t	 count;		/* shingles, saturating */
	uint32_t	 band[MH_BANDS];
};

/* The sketch as stored in the state database (little-endian). */
#define MH_BLOBSIZE	(MH_SIGBYTES + 2 + 4 * MH_BANDS)

/* Scratch space reused from item to item. */
struct mh_work {
	uint32_t	 min[MH_BINS];
	uint64_t	 filled[MH_BINS / 64];	/* bins with a value */
	uint32_t	 in[4 + MH_BINS];	/* what fills the others */
};

/*
 * Sketch of a text given as the hashes of its words (norm_words).
 * Returns 0, or -1 when it has no words.
 */
int	mh_sketch(struct mh_work *, const uint64_t *, size_t,
	    struct mh_sketch *);

/*
 * Estimated similarity of two sketched items: the larger of Jaccard and
 * containment of their shingle sets, in [0, 1].
 */
double	mh_similarity(const uint8_t *, unsigned, const uint8_t *, unsigned);

void	mh_to_blob(const struct mh_sketch *, uint8_t *);
void	mh_from_blob(const uint8_t *, struct mh_sketch *);

#endif
