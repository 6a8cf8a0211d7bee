/*
 * Text folded to the words that decide whether two texts are the same:
 * case, accents, white space and punctuation do not count.
 */
#ifndef DEDUPE_NORMALIZE_H
#define DEDUPE_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Hashes of the words appended, when the caller wants them. */
struct words {
	uint64_t	*h;
	size_t		 n;
	size_t		 cap;
};

/*
 * What non-ASCII characters fold to, looked up once by utf8proc and then
 * kept (a direct-mapped cache; zeroed means empty).
 */
#define NORM_CACHE	512
struct norm_cache {
	uint32_t	 cp[NORM_CACHE];
	uint8_t		 kind[NORM_CACHE];
	uint8_t		 len[NORM_CACHE];
	char		 out[NORM_CACHE][8];
};

/*
 * Append the words of the UTF-8 text s[0..n) to out: letters and digits
 * case-folded (Unicode full case folding, compatibility forms, marks
 * stripped), every other run of characters one space.  A space separates
 * the first new word from what out already held; a word is never split
 * between calls.  With w, the hash of each word is appended to it; the
 * cache may be NULL.
 */
void	norm_words(const char *, size_t, struct buf *, struct words *,
	    struct norm_cache *);

#endif
