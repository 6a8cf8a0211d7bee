/*
 * The items dedupe has kept, in memory: exact keys in one open-addressing
 * table, near-duplicate sketches in flat arrays with an LSH table over
 * their band keys.  What an item costs is fixed, whatever its text.
 */
#ifndef DEDUPE_INDEX_H
#define DEDUPE_INDEX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "minhash.h"

#define INDEX_NONE	UINT32_MAX

struct xslot {
	uint64_t	 lo, hi;	/* 128-bit key; both 0 = empty */
};

struct lslot {
	uint32_t	 key;
	uint32_t	 item;		/* INDEX_NONE = empty */
};

struct index {
	int		 near;		/* sketches instead of exact keys */
	int		 keep_ids;	/* remember ids, for dup.of */
	double		 threshold;
	size_t		 n;		/* items */
	/* exact mode */
	struct xslot	*xs;
	uint32_t	*xitem;		/* item of each slot, with keep_ids */
	size_t		 xcap;
	size_t		 xslots;	/* xcap and the spill past it */
	/* near mode */
	uint8_t		*sig;
	uint16_t	*count;
	size_t		 ncap;
	struct lslot	*ls;
	size_t		 lcap, ln;
	size_t		 lslots;	/* lcap and the spill past it */
	/* ids, in a temporary file so that they cost 8 bytes each here */
	FILE		*idf;
	uint64_t	*idoff;
	size_t		 idcap;
	uint64_t	 idend;
	uint64_t	 idsynced;	/* ids before it are in the file */
};

/* Returns -1 (errno set) if the temporary file for ids cannot be made. */
int	index_init(struct index *, int, double, int);
void	index_free(struct index *);

/* The item with this exact key, or INDEX_NONE. */
uint32_t index_find_exact(const struct index *, const uint8_t *);
/* The most similar item at or above the threshold, or INDEX_NONE. */
uint32_t index_find_near(const struct index *, const struct mh_sketch *,
	    double *);
/* Add an item (key in exact mode, sketch in near mode); returns its number. */
uint32_t index_add(struct index *, const uint8_t *, const struct mh_sketch *,
	    const char *, size_t);
/* Append the id of an item to out (keep_ids only); -1 on a read error. */
int	index_id(struct index *, uint32_t, struct buf *);
/* Bytes of memory held, for dedupe -v style reports and the man page. */
size_t	index_bytes(const struct index *);

#endif
