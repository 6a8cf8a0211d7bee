/*
 * The verdict on one item: exact mode looks up a 128-bit hash of the
 * folded words, near mode the LSH candidates of its MinHash sketch.
 */
#include <stdlib.h>
#include <string.h>

/* every item is hashed: no call into the library for it */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "dedupe.h"
#include "normalize.h"

int
dd_init(struct dedupe *dd, double threshold, int keep_ids)
{
	memset(dd, 0, sizeof(*dd));
	dd->near = threshold > 0;
	return index_init(&dd->ix, dd->near, threshold, keep_ids);
}

void
dd_free(struct dedupe *dd)
{
	index_free(&dd->ix);
	buf_free(&dd->norm);
	free(dd->words.h);
	store_close(dd->store);
	dd->store = NULL;
}

void
dd_begin(struct dedupe *dd)
{
	buf_reset(&dd->norm);
	dd->words.n = 0;
}

void
dd_text(struct dedupe *dd, const char *s, size_t n)
{
	norm_words(s, n, &dd->norm,
	    dd->near || dd->store != NULL ? &dd->words : NULL, &dd->cache);
}

static void
exact_key(const struct buf *b, uint8_t *key)
{
	XXH128_hash_t	 h = XXH3_128bits(b->p, b->len);

	memcpy(key, &h.low64, 8);
	memcpy(key + 8, &h.high64, 8);
}

enum verdict
dd_judge(struct dedupe *dd, const char *id, size_t idlen, long long t,
    uint32_t *of, double *sim, int *err)
{
	struct mh_sketch sk;
	uint8_t		 key[STORE_KEYSIZE], blob[MH_BLOBSIZE];
	uint32_t	 it;

	*err = 0;
	memset(&sk, 0, sizeof(sk));
	memset(key, 0, sizeof(key));
	if (dd->norm.len == 0)
		return DD_EMPTY;
	if (dd->near || dd->store != NULL)
		mh_sketch(&dd->work, dd->words.h, dd->words.n, &sk);
	if (!dd->near || dd->store != NULL)
		exact_key(&dd->norm, key);
	if (dd->near)
		it = index_find_near(&dd->ix, &sk, sim);
	else {
		it = index_find_exact(&dd->ix, key);
		*sim = 1;
	}
	if (it != INDEX_NONE) {
		*of = it;
		return DD_DUP;
	}
	index_add(&dd->ix, key, &sk, id, idlen);
	if (dd->store != NULL) {
		mh_to_blob(&sk, blob);
		if (store_add(dd->store, key, blob, sizeof(blob), id, idlen,
		    t) == -1)
			*err = 1;
	}
	return DD_NEW;
}

/* An item from the database: remembered unless already known. */
static void
take_row(void *arg, const uint8_t *key, const uint8_t *blob, const char *id,
    size_t idlen)
{
	struct dedupe	*dd = arg;
	struct mh_sketch sk;
	double		 sim;

	mh_from_blob(blob, &sk);
	if (dd->near) {
		if (index_find_near(&dd->ix, &sk, &sim) != INDEX_NONE &&
		    sim >= 1)
			return;
	} else if (index_find_exact(&dd->ix, key) != INDEX_NONE)
		return;
	index_add(&dd->ix, key, &sk, id, idlen);
}

int
dd_load(struct dedupe *dd)
{
	return store_load(dd->store, take_row, dd);
}

int
dd_commit(struct dedupe *dd)
{
	return store_commit(dd->store, take_row, dd);
}
