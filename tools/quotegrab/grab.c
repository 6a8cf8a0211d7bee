/*
 * One paragraph in, its "quotes" array out: reads the actors actortag
 * left, runs the scanner and the attribution, and writes the JSON value.
 */
#include <stdlib.h>
#include <string.h>

#include <bsd/stdlib.h>
#include <err.h>

#include "json.h"
#include "quotegrab.h"
#include "utf8.h"

void
grab_init(struct grab *g, struct lexicon *lx)
{
	memset(g, 0, sizeof(*g));
	g->lex = lx;
	g->run_who = -1;
	mem_reset(&g->mem);
}

void
grab_free(struct grab *g)
{
	buf_free(&g->arena);
	json_fields_free(&g->elem);
	scan_free(&g->sc);
	mem_free(&g->mem);
	free(g->qv);
	free(g->av);
	buf_free(&g->tmp);
	buf_free(&g->cuejson);
	free(g->cueoff);
	free(g->cuelen);
}

void
grab_doc(struct grab *g)
{
	mem_reset(&g->mem);
	g->para = 0;
	g->open_run = 0;
	g->run_who = -1;
	g->run_cue = -1;
}

#define ONES	0x0101010101010101ULL

/*
 * Code point offsets of the paragraph's byte offsets, both ways. Bytes
 * before the first non-ASCII one are code points too; past it, a table
 * gives the code points before each sixteen-byte block, built once as
 * far as the quotes reach, so an offset costs a count within one block
 * and not a walk from the offset before.
 */
struct cpmap {
	const char	*s;
	size_t		 n;
	size_t		 high;		/* first byte >= 0x80; n if none */
	int		 known;		/* high is set */
	const uint32_t	*blk;		/* code points before high + 16k */
};

static void
cpmap_high(struct cpmap *m)
{
	const unsigned char *s = (const unsigned char *)m->s;
	size_t		 i = 0;
	uint64_t	 w;

	if (m->known)
		return;
	m->known = 1;
#ifdef __SSE2__
	for (; i + 16 <= m->n; i += 16) {
		unsigned mask = (unsigned)_mm_movemask_epi8(_mm_loadu_si128(
		    (const __m128i *)(const void *)(s + i)));

		if (mask != 0) {
			m->high = i + (unsigned)__builtin_ctz(mask);
			return;
		}
	}
#endif
	for (; i + 8 <= m->n; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & (0x80 * ONES))
			break;
	}
	while (i < m->n && s[i] < 0x80)
		i++;
	m->high = i;
}

/* Continuation bytes (10xxxxxx) among s[0..k), k at most 16. */
static inline unsigned
cont_bytes(const char *s, size_t k, int whole)
{
	unsigned	 c = 0;
	size_t		 i;

#ifdef __SSE2__
	if (whole) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_and_si128(_mm_loadu_si128((const __m128i *)
		    (const void *)s), _mm_set1_epi8((char)0xc0)),
		    _mm_set1_epi8((char)0x80))) & ((1u << k) - 1);

		m = m - ((m >> 1) & 0x5555);
		m = (m & 0x3333) + ((m >> 2) & 0x3333);
		m = (m + (m >> 4)) & 0x0f0f;
		return (m + (m >> 8)) & 0x1f;
	}
#endif
	(void)whole;
	for (i = 0; i < k; i++)
		c += ((unsigned char)s[i] & 0xc0) == 0x80;
	return c;
}

/*
 * The table up to byte maxb (at most the text's length), in store: the
 * blocks it counts lie wholly before maxb.
 */
static void
cpmap_build(struct cpmap *m, struct buf *store, size_t maxb)
{
	size_t		 k, nblk, at;
	uint32_t	*blk, cp;

	cpmap_high(m);
	if (maxb <= m->high)
		return;
	nblk = (maxb - m->high) / 16 + 1;
	buf_reset(store);
	buf_reserve(store, nblk * sizeof(*blk));
	blk = (uint32_t *)(void *)store->p;
	cp = (uint32_t)m->high;
	for (k = 0, at = m->high; k < nblk; k++, at += 16) {
		blk[k] = cp;
		if (k + 1 < nblk)
			cp += 16 - cont_bytes(m->s + at, 16, 1);
	}
	m->blk = blk;
}

/* The code point offset of byte b, no further than cpmap_build went. */
static size_t
cpmap_cp(const struct cpmap *m, size_t b)
{
	size_t	 k, base;

	if (b <= m->high)
		return b;
	k = (b - m->high) / 16;
	base = m->high + 16 * k;
	return m->blk[k] + (b - base) - cont_bytes(m->s + base, b - base,
	    base + 16 <= m->n);
}

/* Bytes of the UTF-8 sequence a lead byte starts (the text is valid). */
static const unsigned char seq_len[16] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4
};

/*
 * Byte offset of code point cp, walking on from a previous answer; runs
 * of ASCII go eight bytes at a time.
 */
static uint32_t
cp_byte(const char *text, size_t len, size_t cp, size_t *atcp, size_t *atb)
{
	uint64_t	 v;

	if (cp < *atcp)
		*atcp = *atb = 0;
	while (*atcp < cp && *atb < len) {
		if (cp - *atcp >= 8 && len - *atb >= 8) {
			memcpy(&v, text + *atb, 8);
			if ((v & (0x80 * ONES)) == 0) {
				*atb += 8;
				*atcp += 8;
				continue;
			}
		}
		*atb += seq_len[(unsigned char)text[*atb] >> 4];
		if (*atb > len)
			*atb = len;
		(*atcp)++;
	}
	return (uint32_t)*atb;
}

/* The members load_actors reads, by index into the element's fields. */
enum { AK_START, AK_END, AK_ID, AK_NAME, AK_CODE, AK_TYPE, AK_N };

static const char *const actor_keys[AK_N] = {
	"start", "end", "id", "name", "code", "type"
};

/*
 * The first member of each key, as json_find would give it, in one pass
 * over the element; a key with an escape in it is left to json_find.
 */
static void
actor_members(const char *e, const struct json_fields *o, long *at)
{
	const struct json_member *m;
	const char	*k;
	size_t		 i, j, len;

	for (j = 0; j < AK_N; j++)
		at[j] = -1;
	for (i = 0; i < o->n; i++) {
		m = &o->m[i];
		if (m->kesc) {
			for (j = 0; j < AK_N; j++)
				at[j] = json_find(e, o, actor_keys[j]);
			return;
		}
		k = e + m->kstart + 1;
		len = m->kend - m->kstart - 2;
		switch (len) {
		case 2: j = k[0] == 'i' && k[1] == 'd' ? AK_ID : AK_N; break;
		case 3: j = memcmp(k, "end", 3) == 0 ? AK_END : AK_N; break;
		case 4:
			j = memcmp(k, "name", 4) == 0 ? AK_NAME :
			    memcmp(k, "code", 4) == 0 ? AK_CODE :
			    memcmp(k, "type", 4) == 0 ? AK_TYPE : AK_N;
			break;
		case 5: j = memcmp(k, "start", 5) == 0 ? AK_START : AK_N; break;
		default: j = AK_N; break;
		}
		if (j < AK_N && at[j] < 0)
			at[j] = (long)i;
	}
}

/*
 * The decoded string member i of element e, kept in the arena (which
 * load_actors sized so that it never moves), or NULL. Names and ids
 * seldom hold an escape: a word at a time they are copied as they are,
 * and decoded only when a backslash turns up.
 */
static const char *
member_string(struct grab *g, const char *e, const struct json_fields *o,
    long i)
{
	const char	*v;
	char		*d;
	size_t		 n, k, off = g->arena.len;
	uint64_t	 w, x;

	if (i < 0 || o->m[i].type != JSON_STRING)
		return NULL;
	v = e + o->m[i].vstart + 1;
	n = o->m[i].vend - o->m[i].vstart - 2;
	d = g->arena.p + off;
	if (n >= 8) {
		/* whole words, the last one overlapping the one before */
		for (k = 0;; k += 8) {
			if (k + 8 > n)
				k = n - 8;
			memcpy(&w, v + k, 8);
			x = w ^ (ONES * '\\');
			if ((x - ONES) & ~x & (0x80 * ONES))
				goto escaped;
			memcpy(d + k, &w, 8);
			if (k + 8 == n)
				break;
		}
	} else
		for (k = 0; k < n; k++) {
			if (v[k] == '\\')
				goto escaped;
			d[k] = v[k];
		}
	d[n] = '\0';
	g->arena.len += n + 1;
	return d;
escaped:
	json_decode_string(v - 1, n + 2, &g->arena);
	buf_addc(&g->arena, '\0');
	return g->arena.p + off;
}

/* Offsets are plain digits: read here, json_get_long for anything else. */
static int
member_int(const char *e, const struct json_fields *o, long i, size_t *out)
{
	const char	*v;
	size_t		 n, k, x = 0;
	long long	 y;

	if (i < 0 || o->m[i].type != JSON_NUMBER)
		return 0;
	v = e + o->m[i].vstart;
	n = o->m[i].vend - o->m[i].vstart;
	for (k = 0; k < n && n <= 9 && v[k] >= '0' && v[k] <= '9'; k++)
		x = x * 10 + (size_t)(v[k] - '0');
	if (k == n && n > 0) {
		*out = x;
		return 1;
	}
	if (json_get_long(v, n, &y) == -1 || y < 0)
		return 0;
	*out = (size_t)y;
	return 1;
}

/* Is member i the string "PER" (as a C string: it ends at a NUL)? */
static int
member_person(struct grab *g, const char *e, const struct json_fields *o,
    long i)
{
	const char	*v;
	size_t		 n;

	if (i < 0 || o->m[i].type != JSON_STRING)
		return 0;
	v = e + o->m[i].vstart;
	n = o->m[i].vend - o->m[i].vstart;
	if (n == 5 && memcmp(v, "\"PER\"", 5) == 0)
		return 1;
	if (memchr(v, '\\', n) == NULL)
		return 0;
	buf_reset(&g->tmp);
	json_decode_string(v, n, &g->tmp);
	return strcmp(g->tmp.p, "PER") == 0;
}

/*
 * Byte offset of code point cp: the same before the first non-ASCII byte,
 * else walked on from a previous answer, or from that byte.
 */
static uint32_t
actor_byte(struct cpmap *m, size_t cp, size_t *atcp, size_t *atb)
{
	cpmap_high(m);
	if (cp <= m->high)
		return (uint32_t)cp;
	if (*atcp < m->high || cp < *atcp)
		*atcp = *atb = m->high;
	return cp_byte(m->s, m->n, cp, atcp, atb);
}

/*
 * The next element of the validated array raw from *pos: an object's
 * members go to o (the skim that finds them finds its end as well),
 * anything else is stepped over. Returns 0 at the end, else 1 with
 * *obj telling which.
 */
static int
next_element(const char *raw, size_t rawlen, size_t *pos,
    struct json_fields *o, size_t *es, int *obj)
{
	size_t	 i = *pos, ee;

	if (i == 0) {
		while (i < rawlen && raw[i] != '[')
			i++;
		i++;
	}
	while (i < rawlen && (raw[i] == ' ' || raw[i] == '\t' ||
	    raw[i] == '\n' || raw[i] == '\r' || raw[i] == ','))
		i++;
	if (i >= rawlen || raw[i] == ']')
		return 0;
	*es = i;
	if ((*obj = raw[i] == '{')) {
		json_split_object(raw + i, rawlen - i, o);
		*pos = i + o->close + 1;
		return 1;
	}
	*pos = i;
	return json_array_next(raw, rawlen, pos, es, &ee);
}

/*
 * The actors array, as spans with their names and codes; bad ones
 * skipped. The record reader validated the JSON, so each element is
 * skimmed, not scanned again.
 */
static void
load_actors(struct grab *g, struct cpmap *m, const char *raw, size_t rawlen)
{
	struct actor	*a;
	const char	*e;
	long		 at[AK_N];
	size_t		 pos = 0, es, s, en, atcp = 0, atb = 0;
	int		 obj;

	g->nav = 0;
	buf_reset(&g->arena);
	if (raw == NULL || rawlen < 2 || raw[0] != '[')
		return;
	/* decoded strings and their NULs never outgrow the raw JSON */
	buf_reserve(&g->arena, rawlen + 1);
	while (next_element(raw, rawlen, &pos, &g->elem, &es, &obj)) {
		if (!obj)
			continue;
		e = raw + es;
		actor_members(e, &g->elem, at);
		if (!member_int(e, &g->elem, at[AK_START], &s) ||
		    !member_int(e, &g->elem, at[AK_END], &en) || en <= s)
			continue;
		if (g->nav == g->capav) {
			g->capav = g->capav == 0 ? 16 : g->capav * 2;
			if ((g->av = reallocarray(g->av, g->capav,
			    sizeof(*g->av))) == NULL)
				err(2, "out of memory");
		}
		a = &g->av[g->nav++];
		a->s = actor_byte(m, s, &atcp, &atb);
		a->e = actor_byte(m, en, &atcp, &atb);
		a->id = member_string(g, e, &g->elem, at[AK_ID]);
		a->name = member_string(g, e, &g->elem, at[AK_NAME]);
		a->code = member_string(g, e, &g->elem, at[AK_CODE]);
		a->person = member_person(g, e, &g->elem, at[AK_TYPE]);
	}
}

/* Written as JSON, with the key before them; lengths known up front. */
struct lit {
	const char	*s;
	size_t		 n;
};

#define LIT(x)	{ (x), sizeof(x) - 1 }

static const struct lit kind_json[] = {
	LIT(",\"kind\":\"direct\""), LIT(",\"kind\":\"partial\""),
	LIT(",\"kind\":\"indirect\""), LIT(",\"kind\":\"other\"")
};

static const struct lit how_json[] = {
	LIT(""), LIT(",\"speaker_how\":\"local\""),
	LIT(",\"speaker_how\":\"pronoun\""),
	LIT(",\"speaker_how\":\"context\"")
};

/* key is a string literal: ,"key": */
#define put_key(out, key)	BUF_ADDLIT((out), ",\"" key "\":")

/*
 * Room asked for once before a run of member names, numbers and short
 * literals of a quote, which then go in without a check each; JSON
 * strings and cues ask for their own.
 */
#define RUN_ROOM	128

/* Append s[0..n) to out, which has room (RUN_ROOM); no NUL after it. */
static inline void
add_raw(struct buf *out, const char *s, size_t n)
{
	memcpy(out->p + out->len, s, n);
	out->len += n;
}

#define ADD_LIT(out, lit)	add_raw((out), (lit), sizeof(lit) - 1)

/* An offset in decimal, into room asked for already (at most 20 digits). */
static inline void
add_num(struct buf *out, size_t v)
{
	out->len += buf_ndigits(v);
	buf_put_digits(out->p + out->len, v);
}

static void
put_arena(struct buf *out, const struct memory *m, size_t off, size_t len)
{
	json_put_string(out, m->arena.p + off, len);
}

/*
 * The cue member of a quote: the few lemmas recur in every paragraph,
 * so each is written as JSON once and copied after that.
 */
static void
put_cue(struct grab *g, int cue, struct buf *out)
{
	size_t		 x = (size_t)(cue + 2), old = g->capcue, off;
	const char	*lemma;

	if (cue < -2) {
		lemma = lex_lemma(g->lex, cue);
		put_key(out, "cue");
		json_put_string(out, lemma, strlen(lemma));
		return;
	}
	if (x >= g->capcue) {
		g->capcue = x + 16;
		if ((g->cueoff = reallocarray(g->cueoff, g->capcue,
		    sizeof(*g->cueoff))) == NULL ||
		    (g->cuelen = reallocarray(g->cuelen, g->capcue,
		    sizeof(*g->cuelen))) == NULL)
			err(2, "out of memory");
		memset(g->cueoff + old, 0, (g->capcue - old) *
		    sizeof(*g->cueoff));
	}
	if (g->cueoff[x] == 0) {
		off = g->cuejson.len;
		lemma = lex_lemma(g->lex, cue);
		put_key(&g->cuejson, "cue");
		json_put_string(&g->cuejson, lemma, strlen(lemma));
		g->cueoff[x] = (uint32_t)off + 1;
		g->cuelen[x] = (uint32_t)(g->cuejson.len - off);
	}
	buf_add(out, g->cuejson.p + g->cueoff[x] - 1, g->cuelen[x]);
}

static void
put_quote(struct grab *g, const char *text, const struct quote *q,
    const struct cpmap *cm, struct buf *out)
{
	const struct ent	*e = q->who >= 0 ? &g->mem.v[q->who] : NULL;
	size_t			 sp = 0, splen = 0;	/* "speaker" as written */
	const char		*name = NULL;

	buf_reserve(out, RUN_ROOM);
	ADD_LIT(out, "{\"start\":");
	add_num(out, cpmap_cp(cm, q->s));
	ADD_LIT(out, ",\"end\":");
	add_num(out, cpmap_cp(cm, q->e));
	ADD_LIT(out, ",\"text\":");
	json_put_string(out, text + q->s, q->e - q->s);
	buf_reserve(out, RUN_ROOM);
	add_raw(out, kind_json[q->kind].s, kind_json[q->kind].n);
	if (q->cue != -1)
		put_cue(g, q->cue, out);
	if (e != NULL && e->namelen > 0) {
		put_key(out, "speaker");
		sp = out->len;
		put_arena(out, &g->mem, e->name, e->namelen);
		splen = out->len - sp;
		name = g->mem.arena.p + e->name;
	} else if (e == NULL && q->ss != q->se) {
		put_key(out, "speaker");
		sp = out->len;
		json_put_string(out, text + q->ss, q->se - q->ss);
		splen = out->len - sp;
		name = text + q->ss;
	}
	if (q->ss != q->se) {
		put_key(out, "speaker_text");
		/* mostly the speaker as named: its JSON is written already */
		if (name != NULL && (name == text + q->ss ||
		    (e->namelen == q->se - q->ss && memcmp(name, text + q->ss,
		    e->namelen) == 0))) {
			/* room first: the copy comes from the buffer itself */
			buf_reserve(out, splen);
			buf_add(out, out->p + sp, splen);
		} else
			json_put_string(out, text + q->ss, q->se - q->ss);
		buf_reserve(out, RUN_ROOM);
		ADD_LIT(out, ",\"speaker_start\":");
		add_num(out, cpmap_cp(cm, q->ss));
		ADD_LIT(out, ",\"speaker_end\":");
		add_num(out, cpmap_cp(cm, q->se));
	}
	if (e != NULL && e->idlen > 0) {
		put_key(out, "speaker_id");
		put_arena(out, &g->mem, e->id, e->idlen);
	}
	if (e != NULL && e->codelen > 0) {
		put_key(out, "speaker_code");
		put_arena(out, &g->mem, e->code, e->codelen);
	}
	buf_reserve(out, RUN_ROOM);
	if (q->how != HOW_NONE && (e != NULL || q->ss != q->se))
		add_raw(out, how_json[q->how].s, how_json[q->how].n);
	out->p[out->len++] = '}';
	out->p[out->len] = '\0';
}

/* The furthest byte offset a quote reports. */
static size_t
quotes_reach(const struct grab *g)
{
	size_t	 i, far = 0;

	for (i = 0; i < g->nqv; i++) {
		if (g->qv[i].e > far)
			far = g->qv[i].e;
		if (g->qv[i].se > far)
			far = g->qv[i].se;
	}
	return far;
}

void
grab_para(struct grab *g, const char *text, size_t len, const char *actors,
    size_t alen, struct buf *out)
{
	struct cpmap		 cm = { text, len, 0, 0, NULL };
	size_t			 i;

	load_actors(g, &cm, actors, alen);
	scan_text(&g->sc, g->lex, text, len, g->open_run);
	attribute(g, text, len);
	g->para++;
	/* attribute is done with its scratch buffer: the table goes there */
	if (g->nqv > 0)
		cpmap_build(&cm, &g->tmp, quotes_reach(g));
	buf_addc(out, '[');
	for (i = 0; i < g->nqv; i++) {
		if (i > 0)
			buf_addc(out, ',');
		put_quote(g, text, &g->qv[i], &cm, out);
	}
	buf_addc(out, ']');
}
