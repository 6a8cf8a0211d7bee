/*
 * The dedupe engine without the record loop: text in, a verdict out (new,
 * or a duplicate of which item and how similar), and the state kept.
 */
#ifndef DEDUPE_DEDUPE_H
#define DEDUPE_DEDUPE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "index.h"
#include "minhash.h"
#include "normalize.h"
#include "store.h"

struct dedupe {
	struct index	 ix;
	struct mh_work	 work;
	struct buf	 norm;		/* the item's words so far */
	struct words	 words;		/* and their hashes, for sketches */
	struct norm_cache cache;
	struct store	*store;		/* NULL without -s */
	int		 near;
};

enum verdict { DD_EMPTY = -1, DD_NEW = 0, DD_DUP = 1 };

/* threshold 0 means exact mode; keep_ids to name the kept item of a dup. */
int	dd_init(struct dedupe *, double, int);
void	dd_free(struct dedupe *);
/* Start an item, then add its text (one or more pieces). */
void	dd_begin(struct dedupe *);
void	dd_text(struct dedupe *, const char *, size_t);
/*
 * Judge the item: DD_DUP with *of and *sim set, DD_NEW (remembered, and
 * queued for the state database under id with time t), or DD_EMPTY when
 * it has no words (never a duplicate, not remembered).  -1 from the store
 * is reported as DD_NEW with *err set.
 */
enum verdict dd_judge(struct dedupe *, const char *, size_t, long long,
	    uint32_t *, double *, int *);
/* Take in the items stored by earlier or concurrent runs. */
int	dd_load(struct dedupe *);
int	dd_commit(struct dedupe *);

#endif
