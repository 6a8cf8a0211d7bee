/*
 * In-memory item store for dedupe.  Tables grow by half when 85% full and
 * use linear probing, which keeps the bytes per item low and probes in one
 * or two cache lines.
 */
#include <sys/mman.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bsd/stdlib.h>

#include "hash.h"
#include "index.h"

#define MAXLOAD(cap)	((cap) / 20 * 17)	/* 85% */
/*
 * Items filed under one band key.  A key shared by more items is a shingle
 * of boilerplate or a template, not evidence: later items are not filed
 * under it, which bounds the candidates checked per lookup.
 */
#define LSH_MAXRUN	16
/* Slots past a table's capacity, for its last cluster. */
#define SPILL	1024

static void *
xreallocarray(void *p, size_t n, size_t size)
{
	if ((p = reallocarray(p, n, size)) == NULL) {
		fputs("dedupe: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

/*
 * The tables are probed at random: past a few MB, with 4 KB pages nearly
 * every probe would miss the TLB as well as the caches, so large tables
 * are aligned for, and ask for, huge pages (a hint; without them nothing
 * changes).
 */
#define HUGE_PAGE	(2UL << 20)

/* Ask for huge pages over the whole ones in p[0..bytes). */
static void
hint_huge(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
	uintptr_t	 a = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	uintptr_t	 e = ((uintptr_t)p + bytes) & ~(HUGE_PAGE - 1);

	if (e > a)
		(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)p;
	(void)bytes;
#endif
}

/* A new table, aligned to huge pages when it is large. */
static void *
table_alloc(size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > SIZE_MAX / size) {
		fputs("dedupe: out of memory\n", stderr);
		exit(2);
	}
	if (n * size < HUGE_PAGE)
		return xreallocarray(NULL, n, size);
	if (posix_memalign(&p, HUGE_PAGE, n * size) != 0) {
		fputs("dedupe: out of memory\n", stderr);
		exit(2);
	}
	hint_huge(p, n * size);
	return p;
}

/* Slot for a 32-bit hash in a table of any size (Lemire's reduction). */
static inline size_t
slot_of(uint32_t h, size_t cap)
{
	return (size_t)(((uint64_t)h * cap) >> 32);
}

static inline void
key_of(const uint8_t *k, struct xslot *s)
{
	memcpy(&s->lo, k, 8);
	memcpy(&s->hi, k + 8, 8);
	if (s->lo == 0 && s->hi == 0)
		s->lo = 1;
}

int
index_init(struct index *ix, int near, double threshold, int keep_ids)
{
	memset(ix, 0, sizeof(*ix));
	ix->near = near;
	ix->threshold = threshold;
	ix->keep_ids = keep_ids;
	if (keep_ids && (ix->idf = tmpfile()) == NULL)
		return -1;
	/* fewer, larger writes: ids are read back with pread, not stdio */
	if (keep_ids && setvbuf(ix->idf, NULL, _IOFBF, 1 << 16) != 0)
		return -1;
	return 0;
}

void
index_free(struct index *ix)
{
	free(ix->xs);
	free(ix->xitem);
	free(ix->sig);
	free(ix->count);
	free(ix->ls);
	free(ix->idoff);
	if (ix->idf != NULL)
		fclose(ix->idf);
	memset(ix, 0, sizeof(*ix));
}

static size_t
next_cap(size_t cap)
{
	return cap < 64 ? 64 : cap + cap / 2;
}

/*
 * Exact keys, in linear probing kept in key order like the LSH table
 * (below): a key that is not there is known at the first larger one,
 * instead of at the end of its cluster.
 */

static inline int
xempty(const struct xslot *s)
{
	return s->lo == 0 && s->hi == 0;
}

static inline int
xless(const struct xslot *a, const struct xslot *b)
{
	return a->hi < b->hi || (a->hi == b->hi && a->lo < b->lo);
}

static inline size_t
xhome(const struct xslot *k, size_t cap)
{
	return slot_of((uint32_t)(k->hi >> 32), cap);
}

/* Where k is, or would go: the first slot from its home not below it. */
static size_t
xprobe(const struct index *ix, const struct xslot *k)
{
	size_t	 i = xhome(k, ix->xcap);

	while (i < ix->xslots && !xempty(&ix->xs[i]) && xless(&ix->xs[i], k))
		i++;
	return i;
}

static inline int
xat(const struct index *ix, size_t i, const struct xslot *k)
{
	return i < ix->xslots && ix->xs[i].lo == k->lo &&
	    ix->xs[i].hi == k->hi;
}

/* The keys in a table of cap slots, in one pass; 0 if they do not fit. */
static int
xcopy(struct index *ix, size_t cap, struct xslot *t, uint32_t *titem)
{
	size_t	 slots = cap + SPILL, i, j, at = 0;

	memset(t, 0, slots * sizeof(*t));
	for (i = 0; i < ix->xslots; i++) {
		if (xempty(&ix->xs[i]))
			continue;
		if ((j = xhome(&ix->xs[i], cap)) < at)
			j = at;
		if (j >= slots)
			return 0;
		t[j] = ix->xs[i];
		if (titem != NULL)
			titem[j] = ix->xitem[i];
		at = j + 1;
	}
	return 1;
}

static void
xgrow(struct index *ix)
{
	struct xslot	*t = NULL;
	uint32_t	*titem = NULL;
	size_t		 cap = ix->xcap;

	do {
		free(t);
		free(titem);
		cap = next_cap(cap);
		t = table_alloc(cap + SPILL, sizeof(*t));
		if (ix->keep_ids)
			titem = table_alloc(cap + SPILL, sizeof(*titem));
	} while (!xcopy(ix, cap, t, titem));
	free(ix->xs);
	free(ix->xitem);
	ix->xs = t;
	ix->xitem = titem;
	ix->xcap = cap;
	ix->xslots = cap + SPILL;
}

uint32_t
index_find_exact(const struct index *ix, const uint8_t *key)
{
	struct xslot	 k;
	size_t		 i;

	if (ix->xcap == 0)
		return INDEX_NONE;
	key_of(key, &k);
	i = xprobe(ix, &k);
	if (!xat(ix, i, &k))
		return INDEX_NONE;
	return ix->keep_ids ? ix->xitem[i] : 0;
}

static void
xadd(struct index *ix, const uint8_t *key, uint32_t item)
{
	struct xslot	 k;
	size_t		 i, e;

	if (ix->n >= MAXLOAD(ix->xcap))
		xgrow(ix);
	key_of(key, &k);
	for (;;) {
		i = xprobe(ix, &k);
		if (xat(ix, i, &k))
			break;
		for (e = i; e < ix->xslots && !xempty(&ix->xs[e]); e++)
			;
		if (e < ix->xslots) {
			/* the larger keys of the cluster move up one */
			memmove(ix->xs + i + 1, ix->xs + i,
			    (e - i) * sizeof(*ix->xs));
			if (ix->keep_ids)
				memmove(ix->xitem + i + 1, ix->xitem + i,
				    (e - i) * sizeof(*ix->xitem));
			break;
		}
		xgrow(ix);
	}
	ix->xs[i] = k;
	if (ix->keep_ids)
		ix->xitem[i] = item;
}

/* Sketches and their LSH table. */

static inline uint32_t
band_key(uint32_t v, unsigned band)
{
	return hash_mix32(v ^ (band + 1) * 0x85ebca6bU);
}

/*
 * The LSH table is linear probing kept in key order: slot_of is monotone
 * in the key, so inserting a key after the smaller ones of its cluster
 * (shifting the larger ones up) keeps each key's items together, and a
 * probe stops at the first larger key instead of walking the cluster.
 * Clusters do not wrap round: the array runs SPILL slots past the
 * capacity, and the table grows when a cluster would run off its end.
 * Returns 1 when added, 0 when the key already has LSH_MAXRUN items,
 * -1 when there is no room.
 */
static int
lput(struct lslot *t, size_t cap, size_t slots, uint32_t key, uint32_t item)
{
	size_t		 i = slot_of(key, cap), e;
	unsigned	 same = 0;

	for (; i < slots && t[i].item != INDEX_NONE && t[i].key <= key; i++)
		if (t[i].key == key && ++same >= LSH_MAXRUN)
			return 0;
	for (e = i; e < slots && t[e].item != INDEX_NONE; e++)
		;
	if (e == slots)
		return -1;
	memmove(t + i + 1, t + i, (e - i) * sizeof(*t));
	t[i].key = key;
	t[i].item = item;
	return 1;
}

/* Into a table of cap slots, in one pass: the entries are in key order. */
static struct lslot *
lcopy(const struct index *ix, size_t cap)
{
	struct lslot	*t;
	size_t		 slots = cap + SPILL, i, j, at = 0;

	t = table_alloc(slots, sizeof(*t));
	for (i = 0; i < slots; i++)
		t[i].item = INDEX_NONE;
	for (i = 0; i < ix->lslots; i++) {
		if (ix->ls[i].item == INDEX_NONE)
			continue;
		if ((j = slot_of(ix->ls[i].key, cap)) < at)
			j = at;
		if (j >= slots) {
			free(t);
			return NULL;
		}
		t[j] = ix->ls[i];
		at = j + 1;
	}
	return t;
}

static void
lgrow(struct index *ix)
{
	struct lslot	*t;
	size_t		 cap = ix->lcap;

	do
		cap = next_cap(cap);
	while ((t = lcopy(ix, cap)) == NULL);
	free(ix->ls);
	ix->ls = t;
	ix->lcap = cap;
	ix->lslots = cap + SPILL;
}

static void
nadd(struct index *ix, const struct mh_sketch *sk, uint32_t item)
{
	uint32_t	 key;
	unsigned	 b;
	int		 r;

	if (ix->n == ix->ncap) {
		ix->ncap = next_cap(ix->ncap);
		ix->sig = xreallocarray(ix->sig, ix->ncap, MH_SIGBYTES);
		ix->count = xreallocarray(ix->count, ix->ncap,
		    sizeof(*ix->count));
	}
	memcpy(ix->sig + (size_t)item * MH_SIGBYTES, sk->sig, MH_SIGBYTES);
	ix->count[item] = sk->count;
	for (b = 0; b < MH_BANDS; b++) {
		key = band_key(sk->band[b], b);
		if (ix->ln + 1 > MAXLOAD(ix->lcap))
			lgrow(ix);
		while ((r = lput(ix->ls, ix->lcap, ix->lslots, key, item)) ==
		    -1)
			lgrow(ix);
		if (r == 1)
			ix->ln++;
	}
}

/*
 * The items filed under the item's band keys.  The table and
 * the signatures are far larger than the caches: the four probes, then
 * all the candidates' signatures, are fetched together rather than one
 * miss after another.
 */
static unsigned
candidates(const struct index *ix, const struct mh_sketch *sk,
    uint32_t *cand)
{
	uint32_t	 key[MH_BANDS], it;
	size_t		 slot[MH_BANDS], i;
	unsigned	 b, n = 0, seen;

	for (b = 0; b < MH_BANDS; b++) {
		key[b] = band_key(sk->band[b], b);
		slot[b] = slot_of(key[b], ix->lcap);
		__builtin_prefetch(&ix->ls[slot[b]]);
	}
	for (b = 0; b < MH_BANDS; b++) {
		seen = 0;
		for (i = slot[b]; i < ix->lslots &&
		    (it = ix->ls[i].item) != INDEX_NONE &&
		    ix->ls[i].key <= key[b] && seen < LSH_MAXRUN; i++) {
			if (ix->ls[i].key != key[b])
				continue;
			seen++;
			cand[n++] = it;
			__builtin_prefetch(ix->sig + (size_t)it * MH_SIGBYTES);
			__builtin_prefetch(&ix->count[it]);
		}
	}
	return n;
}

uint32_t
index_find_near(const struct index *ix, const struct mh_sketch *sk,
    double *simp)
{
	uint32_t	 cand[MH_BANDS * LSH_MAXRUN], best = INDEX_NONE, it;
	double		 bestsim = -1, sim;
	unsigned	 n, k;

	if (ix->lcap == 0)
		return INDEX_NONE;
	n = candidates(ix, sk, cand);
	for (k = 0; k < n; k++) {
		/* an item under two keys is usually the best one so far */
		if ((it = cand[k]) == best)
			continue;
		sim = mh_similarity(sk->sig, sk->count,
		    ix->sig + (size_t)it * MH_SIGBYTES, ix->count[it]);
		if (sim > bestsim || (sim == bestsim && it < best)) {
			bestsim = sim;
			best = it;
		}
	}
	if (best == INDEX_NONE || bestsim < ix->threshold)
		return INDEX_NONE;
	*simp = bestsim;
	return best;
}

/* Ids. */

static void
add_id(struct index *ix, uint32_t item, const char *id, size_t len)
{
	uint32_t	 n = (uint32_t)len;

	if (item >= ix->idcap) {
		ix->idcap = next_cap(ix->idcap);
		ix->idoff = xreallocarray(ix->idoff, ix->idcap,
		    sizeof(*ix->idoff));
	}
	ix->idoff[item] = ix->idend;
	if (fwrite(&n, sizeof(n), 1, ix->idf) != 1 ||
	    fwrite(id, 1, len, ix->idf) != len) {
		perror("dedupe: temporary file");
		exit(2);
	}
	ix->idend += sizeof(n) + len;
}

/*
 * An id comes back with one pread, mostly: the file is flushed only when
 * the id was written after the last flush (an id begun before it was
 * wholly written by it), and the length and a short id share one read.
 */
int
index_id(struct index *ix, uint32_t item, struct buf *out)
{
	char		 tmp[256];
	uint32_t	 n;
	off_t		 off;
	ssize_t		 got;

	if (!ix->keep_ids || item >= ix->n)
		return -1;
	if (ix->idoff[item] >= ix->idsynced) {
		if (fflush(ix->idf) == EOF)
			return -1;
		ix->idsynced = ix->idend;
	}
	off = (off_t)ix->idoff[item];
	got = pread(fileno(ix->idf), tmp, sizeof(tmp), off);
	if (got < (ssize_t)sizeof(n))
		return -1;
	memcpy(&n, tmp, sizeof(n));
	buf_reserve(out, n);
	if ((size_t)got >= sizeof(n) + n)
		memcpy(out->p + out->len, tmp + sizeof(n), n);
	else if (pread(fileno(ix->idf), out->p + out->len, n,
	    off + (off_t)sizeof(n)) != (ssize_t)n)
		return -1;
	out->len += n;
	out->p[out->len] = '\0';
	return 0;
}

uint32_t
index_add(struct index *ix, const uint8_t *key, const struct mh_sketch *sk,
    const char *id, size_t idlen)
{
	uint32_t	 item = (uint32_t)ix->n;

	if (ix->n >= INDEX_NONE - 1) {
		fputs("dedupe: too many items\n", stderr);
		exit(2);
	}
	if (ix->near)
		nadd(ix, sk, item);
	else
		xadd(ix, key, item);
	if (ix->keep_ids)
		add_id(ix, item, id, idlen);
	ix->n++;
	return item;
}

size_t
index_bytes(const struct index *ix)
{
	size_t	 b = 0;

	b += ix->xslots * sizeof(*ix->xs);
	if (ix->xitem != NULL)
		b += ix->xslots * sizeof(*ix->xitem);
	b += ix->ncap * (MH_SIGBYTES + sizeof(*ix->count));
	b += ix->lslots * sizeof(*ix->ls);
	if (ix->idoff != NULL)
		b += ix->idcap * sizeof(*ix->idoff);
	return b;
}
