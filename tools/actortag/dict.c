/*
 * The actor dictionary: TSV lines (embedded default, then -f files that
 * override by id and type), and the case-folded byte tries over aliases.
 */
#include <bsd/stdlib.h>
#include <bsd/string.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "actortag.h"
#include "keys.h"
#include "date.h"
#include "actors_tsv.h"

static const char *const typenames[T_NTYPES] = {
	"PER", "ORG", "GPE", "LOC", "CAP", "SEAT", "ADJ", "DEM", "TITLE",
	"AGENT"
};

const char *
etype_name(enum etype t)
{
	return typenames[t];
}

static void *
xrealloc(void *p, size_t n, size_t size)
{
	if ((p = reallocarray(p, n, size)) == NULL) {
		fputs("actortag: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static char *
keep(struct dict *d, const char *s, size_t n)
{
	char	*p;

	/* NULs past the end: the output copies eight bytes at a time */
	p = xrealloc(NULL, n + 8, 1);
	memcpy(p, s, n);
	memset(p + n, 0, 8);
	if (d->nstrs == d->strcap) {
		d->strcap = d->strcap ? d->strcap * 2 : 1024;
		d->strs = xrealloc(d->strs, d->strcap, sizeof(*d->strs));
	}
	d->strs[d->nstrs++] = p;
	return p;
}

void
dict_init(struct dict *d)
{
	memset(d, 0, sizeof(*d));
	d->amask = 4095;
	d->amap = xrealloc(NULL, d->amask + 1, sizeof(int));
	memset(d->amap, 0xff, (d->amask + 1) * sizeof(int));
}

static void
trie_free(struct trie *t)
{
	size_t	 i;

	for (i = 0; i < t->nhits; i++)
		free(t->hits[i].title);
	free(t->akeys);
	free(t->keys);
	free(t->vals);
	free(t->term);
	free(t->hits);
	free(t->first);
	free(t->edge);
	free(t->node);
	free(t->root2);
}

void
dict_free(struct dict *d)
{
	size_t	 i;

	for (i = 0; i < d->nstrs; i++)
		free(d->strs[i]);
	for (i = 0; i < d->nactors; i++)
		free(d->actors[i].ents);
	free(d->strs);
	free(d->ents);
	free(d->actors);
	free(d->amap);
	trie_free(&d->names);
	trie_free(&d->titles);
}

void
dict_begin_source(struct dict *d)
{
	d->nsrc++;
}

/* YYYY-MM-DD to days, LONG_MIN on error. */
long
day_parse(const char *s, size_t n)
{
	int	 y, m, dd, i;

	if (n < 10 || s[4] != '-' || s[7] != '-')
		return LONG_MIN;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return LONG_MIN;
	y = atoi(s);
	m = (s[5] - '0') * 10 + s[6] - '0';
	dd = (s[8] - '0') * 10 + s[9] - '0';
	if (!date_valid(y, m, dd))
		return LONG_MIN;
	return date_to_days(y, m, dd);
}

static uint32_t
strhash(const char *s, int type)
{
	uint32_t	 h = 2166136261u ^ (uint32_t)type;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
amap_grow(struct dict *d)
{
	size_t	 i, j, mask = d->amask * 2 + 1;
	int	*m;

	m = xrealloc(NULL, mask + 1, sizeof(int));
	memset(m, 0xff, (mask + 1) * sizeof(int));
	for (i = 0; i < d->nactors; i++) {
		j = strhash(d->actors[i].id, d->actors[i].type) & mask;
		while (m[j] != -1)
			j = (j + 1) & mask;
		m[j] = (int)i;
	}
	free(d->amap);
	d->amap = m;
	d->amask = mask;
}

/* The actor for (id, type), created when missing. */
static int
actor_get(struct dict *d, const char *id, const char *name, enum etype t)
{
	size_t		 j;
	struct actor	*a;
	int		 k;

	if (d->nactors * 2 >= d->amask)
		amap_grow(d);
	j = strhash(id, t) & d->amask;
	while ((k = d->amap[j]) != -1) {
		a = &d->actors[k];
		if (a->type == t && strcmp(a->id, id) == 0) {
			if (a->src != d->nsrc) {	/* overridden */
				for (j = 0; j < a->nents; j++)
					d->ents[a->ents[j]].dead = 1;
				a->nents = 0;
				a->src = d->nsrc;
				a->name = name;
			}
			return k;
		}
		j = (j + 1) & d->amask;
	}
	if (d->nactors == d->actorcap) {
		d->actorcap = d->actorcap ? d->actorcap * 2 : 1024;
		d->actors = xrealloc(d->actors, d->actorcap,
		    sizeof(*d->actors));
	}
	a = &d->actors[d->nactors];
	memset(a, 0, sizeof(*a));
	a->id = id;
	a->name = name;
	a->type = t;
	a->src = d->nsrc;
	d->amap[j] = (int)d->nactors;
	return (int)d->nactors++;
}

static int
field(const char **p, const char *end, const char **f, size_t *n)
{
	const char	*t;

	if (*p > end)
		return 0;
	t = memchr(*p, '\t', (size_t)(end - *p));
	if (t == NULL)
		t = end;
	*f = *p;
	*n = (size_t)(t - *p);
	*p = t + 1;
	return 1;
}

int
dict_add_line(struct dict *d, const char *s, size_t n, char *err,
    size_t errlen)
{
	const char	*p = s, *end = s + n, *f[8];
	size_t		 fl[8], i;
	struct entry	*e;
	struct actor	*a;
	int		 t;
	char		*id;

	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == '\n'))
		end = s + --n;
	if (n == 0 || s[0] == '#')
		return 0;
	for (i = 0; i < 8; i++)
		if (!field(&p, end, &f[i], &fl[i])) {
			snprintf(err, errlen, "expected 8 tab-separated "
			    "fields, found %zu", i);
			return -1;
		}
	if (p <= end) {
		snprintf(err, errlen, "more than 8 fields");
		return -1;
	}
	for (t = 0; t < T_NTYPES; t++)
		if (strlen(typenames[t]) == fl[1] &&
		    memcmp(typenames[t], f[1], fl[1]) == 0)
			break;
	if (t == T_NTYPES) {
		snprintf(err, errlen, "unknown type \"%.*s\"", (int)fl[1],
		    f[1]);
		return -1;
	}
	if (fl[0] == 0 || fl[2] == 0 || fl[3] == 0) {
		snprintf(err, errlen, "empty id, code or name");
		return -1;
	}
	if (d->nents == d->entcap) {
		d->entcap = d->entcap ? d->entcap * 2 : 4096;
		d->ents = xrealloc(d->ents, d->entcap, sizeof(*d->ents));
	}
	e = &d->ents[d->nents];
	memset(e, 0, sizeof(*e));
	e->type = t;
	e->from = LONG_MIN;
	e->to = LONG_MAX;
	for (i = 6; i < 8; i++) {
		long	 day;

		if (fl[i] == 1 && f[i][0] == '-')
			continue;
		if ((day = day_parse(f[i], fl[i])) == LONG_MIN || fl[i] != 10) {
			snprintf(err, errlen, "bad date \"%.*s\" (want "
			    "YYYY-MM-DD or -)", (int)fl[i], f[i]);
			return -1;
		}
		if (i == 6)
			e->from = day;
		else
			e->to = day;
	}
	id = keep(d, f[0], fl[0]);
	e->id = id;
	e->code = keep(d, f[2], fl[2]);
	e->name = keep(d, f[3], fl[3]);
	e->aliases = fl[4] == 1 && f[4][0] == '-' ? NULL :
	    keep(d, f[4], fl[4]);
	e->role = fl[5] == 1 && f[5][0] == '-' ? NULL : keep(d, f[5], fl[5]);
	e->actor = actor_get(d, id, e->name, t);
	a = &d->actors[e->actor];
	a->ents = xrealloc(a->ents, a->nents + 1, sizeof(int));
	a->ents[a->nents++] = (int)d->nents;
	d->nents++;
	return 0;
}

void
dict_load_embedded(struct dict *d)
{
	char		 err[256];
	size_t		 i;

	dict_begin_source(d);
	for (i = 0; actors_tsv[i] != NULL; i++)
		if (dict_add_line(d, actors_tsv[i], strlen(actors_tsv[i]),
		    err, sizeof(err)) == -1) {
			fprintf(stderr, "actortag: embedded dictionary:%zu: "
			    "%s\n", i + 1, err);
			exit(2);
		}
}

/* --- tries ----------------------------------------------------------- */


static inline uint64_t
mix(uint64_t k)
{
	k *= 0x9E3779B97F4A7C15ULL;
	return k ^ (k >> 29);
}

static uint32_t
trie_child(const struct trie *t, uint32_t node, unsigned char c)
{
	uint64_t	 k = ((uint64_t)node << 8 | c) + 1;
	size_t		 j = mix(k) & t->mask;

	if (node == 0)
		return t->root[c];
	if (t->first != NULL) {		/* compact form, after dict_build */
		uint32_t	 e;

		for (e = t->first[node]; e < t->first[node + 1]; e++)
			if ((t->edge[e] & 0xff) == c)
				return t->edge[e] >> 8;
		return 0;
	}
	if (t->keys == NULL)
		return 0;
	while (t->keys[j] != 0) {
		if (t->keys[j] == k)
			return t->vals[j];
		j = (j + 1) & t->mask;
	}
	return 0;
}

static void
trie_grow(struct trie *t)
{
	size_t		 i, j, cap = t->mask ? (t->mask + 1) * 2 : 1 << 16;
	uint64_t	*keys;
	uint32_t	*vals;

	keys = xrealloc(NULL, cap, sizeof(*keys));
	vals = xrealloc(NULL, cap, sizeof(*vals));
	memset(keys, 0, cap * sizeof(*keys));
	for (i = 0; t->mask && i <= t->mask; i++) {
		if (t->keys[i] == 0)
			continue;
		j = mix(t->keys[i]) & (cap - 1);
		while (keys[j] != 0)
			j = (j + 1) & (cap - 1);
		keys[j] = t->keys[i];
		vals[j] = t->vals[i];
	}
	free(t->keys);
	free(t->vals);
	t->keys = keys;
	t->vals = vals;
	t->mask = cap - 1;
}

/*
 * A lowercase surface word can only match an alias that begins with the
 * same two bytes (see alias_case_ok): the scan skips the others at once.
 */
static void
trie_mark_lower(struct trie *t, const char *s, size_t n)
{
	unsigned char	 c1 = (unsigned char)s[0], c2;
	int		 k;

	if (c1 < 'a' || c1 > 'z')
		return;
	if (n == 1) {
		for (k = 0; k < 4; k++)
			t->lower2[c1 - 'a'][k] = ~0ULL;
		return;
	}
	c2 = (unsigned char)s[1];
	t->lower2[c1 - 'a'][c2 >> 6] |= 1ULL << (c2 & 63);
}

/*
 * Alias keys by hash. A key is hashed in steps: a run of ASCII letters
 * and digits eight folded bytes at a time, any other byte alone. Text and
 * alias split the same bytes the same way, so the hash of a text prefix
 * that ends before such a byte is made as the walk goes.
 */

static uint64_t
key_hash(const char *s, size_t len)
{
	uint64_t	 h = KSEED;
	size_t		 i = 0, r;

	while (i < len) {
		if (ascii_alnum((unsigned char)s[i])) {
			for (r = i; r < len && ascii_alnum((unsigned char)s[r]);
			    r++)
				;
			h = hash_run(h, s + i, r - i, r - i);
			i = r;
		} else
			h = kstep(h, (unsigned char)s[i++]);
	}
	return h;
}

static void
akey_grow(struct trie *t)
{
	size_t		 i, j, cap = t->akeys ? (t->akmask + 1) * 2 : 1 << 12;
	unsigned	 shift = 64;
	struct akey	*k;

	for (j = cap; j > 1; j >>= 1)
		shift--;
	k = xrealloc(NULL, cap, sizeof(*k));
	memset(k, 0, cap * sizeof(*k));
	for (i = 0; t->akeys != NULL && i <= t->akmask; i++) {
		if (t->akeys[i].len == 0)
			continue;
		for (j = t->akeys[i].h >> shift; k[j].len != 0;
		    j = (j + 1) & (cap - 1))
			;
		k[j] = t->akeys[i];
	}
	free(t->akeys);
	t->akeys = k;
	t->akmask = cap - 1;
	t->akshift = shift;
}

/* Key s[0..len) leads to node; cont: an alias goes on past it. */
static void
akey_add(struct trie *t, const char *s, size_t len, uint32_t node, int cont)
{
	uint64_t	 h = key_hash(s, len);
	struct akey	*k;
	size_t		 j;

	if (t->akeys == NULL || (t->nakeys + 1) * 2 > t->akmask)
		akey_grow(t);
	for (j = h >> t->akshift; t->akeys[j].len != 0;
	    j = (j + 1) & t->akmask) {
		k = &t->akeys[j];
		if (k->node == node) {
			k->cont |= cont;
			return;
		}
	}
	k = &t->akeys[j];
	k->h = h;
	k->node = node;
	k->len = (uint32_t)len;
	k->cont = cont;
	t->nakeys++;
}

/*
 * The alias with a capital at each word start ("Foreign Minister"), the
 * commonest spelling the case rules let differ from it; NULL when the
 * same.
 */
static char *
title_case(const char *s, size_t n)
{
	char	*tc;
	size_t	 i;
	int	 changed = 0;

	tc = xrealloc(NULL, n + 1, 1);
	memcpy(tc, s, n);
	tc[n] = '\0';
	for (i = 0; i < n; i++)
		if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '-') &&
		    s[i] >= 'a' && s[i] <= 'z') {
			tc[i] = (char)(s[i] - 32);
			changed = 1;
		}
	if (!changed) {
		free(tc);
		return NULL;
	}
	return tc;
}

static void
trie_add(struct trie *t, const char *s, size_t n, int actor, int canonical)
{
	uint32_t	 node = 0, child;
	uint64_t	 k;
	size_t		 i, j;
	struct hit	*h;
	int		 x;

	if (n == 0)
		return;
	if (t->nnodes == 0)
		t->nnodes = 1;
	for (i = 0; i < n; i++) {
		unsigned char c = fold((unsigned char)s[i]);

		if ((child = trie_child(t, node, c)) == 0 && node == 0) {
			child = (uint32_t)t->nnodes++;
			t->root[c] = child;
		} else if (child == 0) {
			if ((t->nnodes + 1) * 2 > t->mask)
				trie_grow(t);
			k = ((uint64_t)node << 8 | c) + 1;
			j = mix(k) & t->mask;
			while (t->keys[j] != 0)
				j = (j + 1) & t->mask;
			t->keys[j] = k;
			child = (uint32_t)t->nnodes++;
			t->vals[j] = child;
		}
		node = child;
		if (i + 1 < n && !ascii_alnum((unsigned char)s[i + 1]))
			akey_add(t, s, i + 1, node, 1);
	}
	akey_add(t, s, n, node, 0);
	if (t->nnodes > t->termcap) {
		size_t old = t->termcap;

		t->termcap = t->nnodes * 2;
		t->term = xrealloc(t->term, t->termcap, sizeof(int));
		memset(t->term + old, 0xff, (t->termcap - old) * sizeof(int));
	}
	/* the same alias of the same actor only once */
	for (x = t->term[node]; x != -1; x = t->hits[x].next)
		if (t->hits[x].actor == actor)
			return;
	if (t->nhits == t->hitcap) {
		t->hitcap = t->hitcap ? t->hitcap * 2 : 4096;
		t->hits = xrealloc(t->hits, t->hitcap, sizeof(*t->hits));
	}
	h = &t->hits[t->nhits];
	h->alias = s;
	h->title = title_case(s, n);
	h->len = n;
	h->actor = actor;
	h->canonical = canonical;
	h->next = t->term[node];
	t->term[node] = (int)t->nhits++;
	{
		unsigned char c1 = fold((unsigned char)s[0]);
		unsigned char g1 = (unsigned char)s[0] | 0x20, g2;
		int c2;
		unsigned b;

		if (n == 1)
			for (c2 = 0; c2 < 256; c2++) {
				t->start2[c1][c2 >> 6] |= 1ULL << (c2 & 63);
				t->short2[g1][c2 >> 6] |= 1ULL << (c2 & 63);
			}
		else {
			c2 = fold((unsigned char)s[1]);
			g2 = (unsigned char)s[1] | 0x20;
			t->start2[c1][c2 >> 6] |= 1ULL << (c2 & 63);
			if (n == 2)
				t->short2[g1][g2 >> 6] |= 1ULL << (g2 & 63);
			else {
				b = tri_bit(g1, g2, (unsigned char)s[2] | 0x20);
				t->tri[b >> 6] |= 1ULL << (b & 63);
			}
		}
	}
	trie_mark_lower(t, s, n);
	t->start[(unsigned char)s[0]] = 1;
	if (islower((unsigned char)s[0]))
		t->start[toupper((unsigned char)s[0])] = 1;
	if (isupper((unsigned char)s[0]))	/* ALL-CAPS and fold lookups */
		t->start[(unsigned char)s[0]] = 1;
}

/* Add an alias and its spelling without diacritics (Çavuşoğlu). */
static void
add_alias(struct dict *d, struct trie *t, const char *s, size_t n,
    int actor, int canonical)
{
	utf8proc_uint8_t	*plain = NULL;
	size_t			 i;
	int			 ascii = 1;

	if (n > 4 && strncmp(s, "the ", 4) == 0) {	/* "the Kremlin" */
		s += 4;
		n -= 4;
	}
	trie_add(t, s, n, actor, canonical);
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			ascii = 0;
	if (ascii)
		return;
	{
		char	*tmp = keep(d, s, n);

		if (utf8proc_map((const utf8proc_uint8_t *)tmp, (ssize_t)n,
		    &plain, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
		    UTF8PROC_COMPOSE) < 0)
			return;
	}
	if (strlen((char *)plain) != n || memcmp(plain, s, n) != 0) {
		char	*k = keep(d, (char *)plain, strlen((char *)plain));

		trie_add(t, k, strlen(k), actor, canonical);
	}
	free(plain);
}

/*
 * The second level as a table, one row of 256 per first byte in use: the
 * first levels have the most children, and scanning them mispredicts.
 */
static void
trie_root2(struct trie *t)
{
	uint32_t	 c, e, node, rows = 0;

	for (c = 0; c < 256; c++)
		if (t->root[c] != 0)
			t->r2slot[c] = (uint16_t)rows++;
	t->root2 = xrealloc(NULL, (size_t)rows * 256 + 1, sizeof(uint32_t));
	memset(t->root2, 0, ((size_t)rows * 256 + 1) * sizeof(uint32_t));
	for (c = 0; c < 256; c++) {
		if ((node = t->root[c]) == 0)
			continue;
		for (e = t->first[node]; e < t->first[node + 1]; e++)
			t->root2[t->r2slot[c] * 256 + (t->edge[e] & 0xff)] =
			    t->edge[e] >> 8;
	}
}

/* Node records for the lookup: one cache line instead of three. */
static void
trie_nodes(struct trie *t)
{
	size_t	 i;

	t->node = xrealloc(NULL, t->nnodes + 1, sizeof(*t->node));
	for (i = 0; i <= t->nnodes; i++) {
		t->node[i].first = t->first[i];
		t->node[i].term = i < t->nnodes && i < t->termcap ?
		    t->term[i] : -1;
	}
}

/*
 * Rewrite the edges as one array per node (children side by side): a
 * lookup scans a few bytes in one cache line instead of probing a hash.
 */
static void
trie_compact(struct trie *t)
{
	size_t		 i, nn = t->nnodes;
	uint32_t	*fill, parent;

	t->first = xrealloc(NULL, nn + 2, sizeof(uint32_t));
	memset(t->first, 0, (nn + 2) * sizeof(uint32_t));
	for (i = 0; t->mask && i <= t->mask; i++)
		if (t->keys[i] != 0)
			t->first[((t->keys[i] - 1) >> 8) + 1]++;
	for (i = 1; i <= nn + 1; i++)
		t->first[i] += t->first[i - 1];
	t->edge = xrealloc(NULL, t->first[nn] + 4, sizeof(uint32_t));
	memset(t->edge + t->first[nn], 0, 4 * sizeof(uint32_t));
	fill = xrealloc(NULL, nn + 1, sizeof(uint32_t));
	memcpy(fill, t->first, nn * sizeof(uint32_t));
	for (i = 0; t->mask && i <= t->mask; i++) {
		if (t->keys[i] == 0)
			continue;
		parent = (uint32_t)((t->keys[i] - 1) >> 8);
		t->edge[fill[parent]++] = t->vals[i] << 8 |
		    (uint32_t)((t->keys[i] - 1) & 0xff);
	}
	free(fill);
	trie_root2(t);
	trie_nodes(t);
	for (i = 0; i <= t->akmask; i++)
		if (t->akeys[i].len != 0)
			t->akeys[i].term = t->node[t->akeys[i].node].term;
	for (i = 0; i < 256; i++) {
		const uint64_t	*f = t->start2[fold((unsigned char)i)];

		if (!t->start[i])
			continue;
		/* start2 has folded second bytes: 'A'..'Z' (bits 1..26 of
		   word 1) take the bits of 'a'..'z' (33..58) */
		t->pair[i][0] = f[0];
		t->pair[i][1] = f[1] | (f[1] >> 32 & 0x7fffffeULL);
		t->pair[i][2] = f[2];
		t->pair[i][3] = f[3];
	}
	free(t->keys);
	free(t->vals);
	t->keys = NULL;
	t->vals = NULL;
	t->mask = 0;
}

/* Can s[0..n) go into a JSON string as it is (no escapes)? */
static int
json_plain(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == '"' || s[i] == '\\')
			return 0;
	return 1;
}

void
dict_build(struct dict *d)
{
	size_t		 i;
	struct entry	*e;
	struct trie	*t;
	const char	*p, *q;

	for (i = 0; i < d->nents; i++) {
		e = &d->ents[i];
		if (e->dead)
			continue;
		t = e->type == T_TITLE || e->type == T_AGENT ? &d->titles :
		    &d->names;
		add_alias(d, t, e->name, strlen(e->name), e->actor, 1);
		for (p = e->aliases; p != NULL && *p != '\0'; p = q) {
			if ((q = strchr(p, '|')) == NULL)
				q = p + strlen(p);
			add_alias(d, t, p, (size_t)(q - p), e->actor, 0);
			if (*q == '|')
				q++;
		}
	}
	for (i = 0; i < d->nents; i++) {
		e = &d->ents[i];
		e->lrole = e->role != NULL ? strlen(e->role) : 0;
		e->lcode = strlen(e->code);
		e->rclean = e->role != NULL && json_plain(e->role, e->lrole);
	}
	for (i = 0; i < d->nactors; i++) {
		struct actor *a = &d->actors[i];

		a->lid = strlen(a->id);
		a->lname = strlen(a->name);
		a->clean = json_plain(a->id, a->lid) |
		    json_plain(a->name, a->lname) << 1;
	}
	if (d->names.nnodes == 0)
		trie_add(&d->names, "\x01", 1, -1, 0);
	if (d->titles.nnodes == 0)
		trie_add(&d->titles, "\x01", 1, -1, 0);
	trie_compact(&d->names);
	trie_compact(&d->titles);
}

void
dict_list(const struct dict *d, FILE *fp)
{
	size_t			 i;
	const struct entry	*e;
	char			 a[DATE_ISO_MAX], b[DATE_ISO_MAX];
	struct date_time	 dt;

	for (i = 0; i < d->nents; i++) {
		e = &d->ents[i];
		if (e->dead)
			continue;
		strlcpy(a, "-", sizeof(a));
		strlcpy(b, "-", sizeof(b));
		memset(&dt, 0, sizeof(dt));
		if (e->from != LONG_MIN) {
			date_from_days(e->from, &dt.y, &dt.m, &dt.d);
			date_format(&dt, a);
		}
		if (e->to != LONG_MAX) {
			date_from_days(e->to, &dt.y, &dt.m, &dt.d);
			date_format(&dt, b);
		}
		fprintf(fp, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e->id,
		    typenames[e->type], e->code, e->name,
		    e->aliases ? e->aliases : "-", e->role ? e->role : "-",
		    a, b);
	}
}

/* --- matching -------------------------------------------------------- */


/*
 * Case rules: the surface may differ from the alias only by capitals at
 * word starts ("foreign minister" / "Foreign Minister"), or be in ALL
 * CAPS (datelines) when the alias is not itself an acronym.
 */
int
alias_case_ok(const char *a, const char *s, size_t n)
{
	size_t	 i;
	int	 lower = 0, upper = 0, alower = 0;

	if (memcmp(a, s, n) == 0)
		return 1;
	for (i = 0; i < n; i++) {
		if (islower((unsigned char)s[i]))
			lower = 1;
		if (isupper((unsigned char)s[i]))
			upper = 1;
		if (islower((unsigned char)a[i]))
			alower = 1;
	}
	if (!lower && upper && alower && n >= 3)
		return 1;
	for (i = 0; i < n; i++) {
		unsigned char ac = (unsigned char)a[i], sc = (unsigned char)s[i];

		if (ac == sc)
			continue;
		if (isupper(ac))
			return 0;	/* "us" is not "US" */
		if (i > 0 && a[i - 1] != ' ' && a[i - 1] != '-')
			return 0;
	}
	return 1;
}

/*
 * The child of a built node by byte c, 0 when none. With SSE2, four edges
 * at a time (the edge array has room for a group past its end), so that
 * nodes with a few children take one branch.
 */
static inline uint32_t
trie_edge(const struct trie *t, const struct tnode *tn, unsigned char c)
{
	uint32_t	 e = tn[0].first, end = tn[1].first;
#ifdef __SSE2__
	const __m128i	 want = _mm_set1_epi32(c), low = _mm_set1_epi32(0xff);
	__m128i		 v;
	int		 m;

	for (; e < end; e += 4) {
		v = _mm_loadu_si128((const __m128i *)(const void *)
		    (t->edge + e));
		m = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(
		    _mm_and_si128(v, low), want)));
		m &= end - e >= 4 ? 15 : (1 << (end - e)) - 1;
		if (m != 0)
			return t->edge[e + (uint32_t)__builtin_ctz(
			    (unsigned)m)] >> 8;
	}
#else
	for (; e < end; e++)
		if ((t->edge[e] & 0xff) == c)
			return t->edge[e] >> 8;
#endif
	return 0;
}

/*
 * Does the surface s[0..n) fit the case of hit x (folded, they are the
 * same)? As written or title-cased is the common answer, found by memcmp.
 */
int
hit_case_ok(const struct trie *t, int x, const char *s, size_t n)
{
	const struct hit	*h = &t->hits[x];

	if (memcmp(h->alias, s, n) == 0 || (h->title != NULL &&
	    memcmp(h->title, s, n) == 0))
		return 1;
	return alias_case_ok(h->alias, s, n);
}

/* The first hit at node whose case fits s[at..j], or -1. */
static int
term_hit(const struct trie *t, int x, const char *s, size_t at, size_t j)
{
	for (; x != -1; x = t->hits[x].next)
		if (alias_case_ok(t->hits[x].alias, s + at, j + 1 - at))
			return x;
	return -1;
}

/* trie_longest on the built trie. */
static size_t
trie_longest_built(const struct trie *t, const char *s, size_t n,
    size_t at, int *hitp)
{
	const struct tnode	*tn;
	uint32_t		 node;
	size_t			 j = at, best = 0;
	int			 x;

	node = t->root[fold((unsigned char)s[at])];
	while (node != 0) {
		tn = &t->node[node];
		if (tn->term != -1 && boundary_after(s, n, j + 1) &&
		    (x = term_hit(t, tn->term, s, at, j)) != -1) {
			best = j + 1 - at;
			*hitp = x;
		}
		if (++j >= n)
			break;
		node = j == at + 1 ? t->root2[t->r2slot[fold((unsigned char)
		    s[at])] * 256 + fold((unsigned char)s[j])] :
		    trie_edge(t, tn, fold((unsigned char)s[j]));
	}
	return best;
}




/* Do s[0..n) and the alias a fold to the same bytes? */
static int
fold_eq(const char *a, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (fold((unsigned char)a[i]) != fold((unsigned char)s[i]))
			return 0;
	return 1;
}

/*
 * The hit for key term x at s[at..at+len) when the text is neither as
 * the first hit writes it nor title-cased: the first hit whose case
 * fits, or -1 (also when the text only hashed the same).
 */
int
trie_case_hit(const struct trie *t, int x, const char *s, size_t at,
    size_t len)
{
	if (!fold_eq(t->hits[x].alias, s + at, len))
		return -1;
	return term_hit(t, x, s, at, at + len - 1);
}

/* trie_longest by the byte walk of the built trie (the fuzz target
   checks the key lookup against it). */
size_t
trie_longest_walk(const struct trie *t, const char *s, size_t n, size_t at,
    int *hitp)
{
	*hitp = -1;
	if (t->node == NULL || !trie_may_start(t, s, n, at))
		return 0;
	return trie_longest_built(t, s, n, at, hitp);
}

size_t
trie_longest(const struct trie *t, const char *s, size_t n, size_t at,
    int *hitp)
{
	uint32_t	 node = 0;
	size_t		 j, best = 0;
	int		 x;

	*hitp = -1;
	if (t->node == NULL && !trie_may_start(t, s, n, at))
		return 0;
	if (t->node != NULL)
		return trie_find(t, s, n, at, hitp);
	for (j = at; j < n; j++) {
		if ((node = trie_child(t, node, fold((unsigned char)s[j]))) == 0)
			break;
		if (t->term[node] == -1 || !boundary_after(s, n, j + 1))
			continue;
		for (x = t->term[node]; x != -1; x = t->hits[x].next)
			if (alias_case_ok(t->hits[x].alias, s + at, j + 1 - at)) {
				best = j + 1 - at;
				*hitp = x;
				break;
			}
	}
	return best;
}
