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

/*
 * The decoded string member key of element e, kept in the arena (which
 * load_actors sized so that it never moves), or NULL.
 */
static const char *
member_string(struct grab *g, const char *e, const struct json_fields *o,
    const char *key)
{
	long	 i = json_find(e, o, key);
	size_t	 off = g->arena.len;

	if (i < 0 || o->m[i].type != JSON_STRING)
		return NULL;
	json_decode_string(e + o->m[i].vstart, o->m[i].vend - o->m[i].vstart,
	    &g->arena);
	buf_addc(&g->arena, '\0');
	return g->arena.p + off;
}

static int
member_int(const char *e, const struct json_fields *o, const char *key,
    size_t *out)
{
	long		 i = json_find(e, o, key);
	long long	 x;

	if (i < 0 || o->m[i].type != JSON_NUMBER ||
	    json_get_long(e + o->m[i].vstart, o->m[i].vend - o->m[i].vstart,
	    &x) == -1 || x < 0)
		return 0;
	*out = (size_t)x;
	return 1;
}

/* The byte after the JSON string that opens at p. */
static const char *
skip_str(const char *p, const char *end)
{
	for (p++; p < end; p++) {
		if (*p == '\\')
			p++;
		else if (*p == '"')
			return p + 1;
	}
	return end;
}

/*
 * The byte after the JSON value at p, or the delimiter that ends a
 * scalar; the record reader has validated the JSON already.
 */
static const char *
skip_value(const char *p, const char *end)
{
	int	 depth = 0;
	char	 ch;

	while (p < end) {
		ch = *p;
		if (ch == '"')
			p = skip_str(p, end);
		else if (ch == '{' || ch == '[') {
			depth++;
			p++;
		} else if (ch == '}' || ch == ']') {
			if (depth == 0)
				return p;
			depth--;
			p++;
		} else if (ch == ',' && depth == 0)
			return p;
		else
			p++;
		if (depth == 0 && (ch == '"' || ch == '}' || ch == ']'))
			return p;
	}
	return p;
}

static const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' ||
	    *p == '\r'))
		p++;
	return p;
}

/* Raw spans of the members of one actor that quotegrab reads. */
struct araw {
	const char	*v[6];		/* start end id name code type */
	const char	*ve[6];
};

static const char *const akeys[6] = {
	"start", "end", "id", "name", "code", "type"
};

/*
 * The members of the element object at p into r (first of each key);
 * the end of the element, or NULL for a shape the fast path leaves to
 * the record reader (an escaped key).
 */
static const char *
actor_members(const char *p, const char *end, struct araw *r)
{
	const char	*ks, *ke;
	size_t		 k, n;
	int		 hit;

	memset(r, 0, sizeof(*r));
	p = skip_ws(p + 1, end);
	while (p < end && *p == '"') {
		ks = p + 1;
		p = skip_str(p, end);
		ke = p - 1;
		if (ke < ks || *ke != '"' ||
		    memchr(ks, '\\', (size_t)(ke - ks)) != NULL)
			return NULL;
		p = skip_ws(p, end);
		if (p >= end || *p != ':')
			return NULL;
		p = skip_ws(p + 1, end);
		if (p >= end)
			return NULL;
		n = (size_t)(ke - ks);
		hit = -1;
		for (k = 0; k < 6; k++)
			if (strlen(akeys[k]) == n && memcmp(ks, akeys[k], n) ==
			    0 && r->v[k] == NULL) {
				r->v[k] = p;
				hit = (int)k;
				break;
			}
		p = skip_value(p, end);
		if (hit >= 0)
			r->ve[hit] = p;
		p = skip_ws(p, end);
		if (p < end && *p == ',')
			p = skip_ws(p + 1, end);
	}
	return p < end && *p == '}' ? p + 1 : NULL;
}

/* A member that is a plain non-negative integer, or -1 (-2: unsure). */
static long long
raw_int(const char *v, const char *ve)
{
	long long	 x = 0;
	const char	*p;

	if (v == NULL)
		return -1;
	while (ve > v && (ve[-1] == ' ' || ve[-1] == '\n' || ve[-1] == '\t' ||
	    ve[-1] == '\r'))
		ve--;
	if (ve - v > 15 || ve == v)
		return -2;
	if (*v == '"' || *v == '[' || *v == '{' || *v == 'n' || *v == 't' ||
	    *v == 'f')
		return -1;
	for (p = v; p < ve; p++) {
		if (*p < '0' || *p > '9')
			return -2;
		x = x * 10 + (*p - '0');
	}
	return x;
}

/*
 * A string member without escapes: 1 with its span in *s, *n; 0 for
 * none (or no string); -1 for one the fast path leaves alone.
 */
static int
raw_str(const char *v, const char *ve, const char **s, size_t *n)
{
	const char	*e;

	if (v == NULL || *v != '"')
		return 0;
	e = skip_str(v, ve);
	if (e < v + 2 || e[-1] != '"' || memchr(v, '\\', (size_t)(e - v)) !=
	    NULL)
		return -1;
	*s = v + 1;
	*n = (size_t)(e - v - 2);
	return 1;
}

/* Copy a member string into the arena with a NUL; NULL if none. */
static const char *
keep_str(struct grab *g, int have, const char *s, size_t n)
{
	size_t	 off = g->arena.len;

	if (have != 1)
		return NULL;
	buf_add(&g->arena, s, n);
	buf_addc(&g->arena, '\0');
	return g->arena.p + off;
}

static void	load_actors_slow(struct grab *, const char *, size_t,
		    const char *, size_t);

/*
 * The actors array, as spans with their names and codes; bad ones
 * skipped. The record reader validated the JSON, so a light scan finds
 * the six members wanted; what it is unsure of goes the slow way.
 */
static void
load_actors(struct grab *g, const char *text, size_t len, const char *raw,
    size_t rawlen)
{
	const char	*p, *q, *end, *sv[4];
	struct araw	 r;
	struct actor	*a;
	long long	 s, en;
	size_t		 atcp = 0, atb = 0, sn[4], k;
	int		 have[4];

	g->nav = 0;
	buf_reset(&g->arena);
	if (raw == NULL || rawlen < 2 || raw[0] != '[')
		return;
	end = raw + rawlen;
	buf_reserve(&g->arena, rawlen + 1);
	for (p = skip_ws(raw + 1, end); p < end && *p != ']';) {
		if (*p != '{') {
			/* no progress: not the JSON the reader passes */
			if ((q = skip_value(p, end)) == p)
				goto slow;
			p = skip_ws(q, end);
			goto next;
		}
		if ((p = actor_members(p, end, &r)) == NULL ||
		    (s = raw_int(r.v[0], r.ve[0])) == -2 ||
		    (en = raw_int(r.v[1], r.ve[1])) == -2)
			goto slow;
		for (k = 0; k < 4; k++)
			if ((have[k] = raw_str(r.v[k + 2], r.ve[k + 2], &sv[k],
			    &sn[k])) == -1)
				goto slow;
		p = skip_ws(p, end);
		if (s < 0 || en < 0 || en <= s)
			goto next;
		if (g->nav == g->capav) {
			g->capav = g->capav == 0 ? 16 : g->capav * 2;
			if ((g->av = reallocarray(g->av, g->capav,
			    sizeof(*g->av))) == NULL)
				err(2, "out of memory");
		}
		a = &g->av[g->nav++];
		a->s = cp_byte(text, len, (size_t)s, &atcp, &atb);
		a->e = cp_byte(text, len, (size_t)en, &atcp, &atb);
		a->id = keep_str(g, have[0], sv[0], sn[0]);
		a->name = keep_str(g, have[1], sv[1], sn[1]);
		a->code = keep_str(g, have[2], sv[2], sn[2]);
		a->person = have[3] == 1 && sn[3] == 3 &&
		    memcmp(sv[3], "PER", 3) == 0;
next:
		if (p < end && *p == ',')
			p = skip_ws(p + 1, end);
	}
	return;
slow:
	/* escapes, odd numbers or a shape not validated: the slow way */
	load_actors_slow(g, text, len, raw, rawlen);
}

/*
 * The same with the record reader's scanner, for actors the light scan
 * is unsure of (escaped keys, numbers that are not plain integers).
 */
static void
load_actors_slow(struct grab *g, const char *text, size_t len,
    const char *raw, size_t rawlen)
{
	struct actor	*a;
	const char	*e, *msg, *type;
	size_t		 pos = 0, es, ee, s, en, atcp = 0, atb = 0, bad;

	g->nav = 0;
	buf_reset(&g->arena);
	if (raw == NULL || rawlen < 2 || raw[0] != '[')
		return;
	/* decoded strings and their NULs never outgrow the raw JSON */
	buf_reserve(&g->arena, rawlen + 1);
	while (json_array_next(raw, rawlen, &pos, &es, &ee)) {
		e = raw + es;
		if (*e != '{' || json_scan_object(e, ee - es, &g->elem, &bad,
		    &msg) == -1 || !member_int(e, &g->elem, "start", &s) ||
		    !member_int(e, &g->elem, "end", &en) || en <= s)
			continue;
		if (g->nav == g->capav) {
			g->capav = g->capav == 0 ? 16 : g->capav * 2;
			if ((g->av = reallocarray(g->av, g->capav,
			    sizeof(*g->av))) == NULL)
				err(2, "out of memory");
		}
		a = &g->av[g->nav++];
		a->s = cp_byte(text, len, s, &atcp, &atb);
		a->e = cp_byte(text, len, en, &atcp, &atb);
		a->id = member_string(g, e, &g->elem, "id");
		a->name = member_string(g, e, &g->elem, "name");
		a->code = member_string(g, e, &g->elem, "code");
		type = member_string(g, e, &g->elem, "type");
		a->person = type != NULL && strcmp(type, "PER") == 0;
	}
}

/* Written as JSON, with the key before them. */
static const char *const kind_json[] = {
	",\"kind\":\"direct\"", ",\"kind\":\"partial\"",
	",\"kind\":\"indirect\"", ",\"kind\":\"other\""
};

static const char *const how_json[] = {
	"", ",\"speaker_how\":\"local\"", ",\"speaker_how\":\"pronoun\"",
	",\"speaker_how\":\"context\""
};

/* key is a string literal: ,"key": */
#define put_key(out, key)	BUF_ADDLIT((out), ",\"" key "\":")

static void
put_arena(struct buf *out, const struct memory *m, size_t off, size_t len)
{
	json_put_string(out, m->arena.p + off, len);
}

/*
 * Code point offsets: bytes minus the continuation bytes before them,
 * counted eight at a time; a cursor walks on from its last answer.
 */
struct cpcur {
	const char	*s;
	size_t		 byte, cp;
	int		 ascii;		/* the text is ASCII: no counting */
};

static size_t
count_cont(const char *s, size_t n)
{
	uint64_t	 v, acc;
	size_t		 i = 0, c = 0, k;

	while (n - i >= 8) {
		acc = 0;
		/* 31 rounds keep the byte sum under 256 for the multiply */
		for (k = 0; k < 31 && n - i >= 8; k++, i += 8) {
			memcpy(&v, s + i, 8);
			acc += (v & ~(v << 1) & (0x80 * ONES)) >> 7;
		}
		c += (size_t)((acc * ONES) >> 56);
	}
	for (; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) == 0x80;
	return c;
}

/* No byte of s[0..n) has its high bit set: code points are bytes. */
static int
all_ascii(const char *s, size_t n)
{
	uint64_t	 v, acc = 0;
	size_t		 i = 0;

	for (; n - i >= 8; i += 8) {
		memcpy(&v, s + i, 8);
		acc |= v;
	}
	for (; i < n; i++)
		acc |= (unsigned char)s[i];
	return (acc & (0x80 * ONES)) == 0;
}

static size_t
cp_at(struct cpcur *c, size_t byte)
{
	if (c->ascii)
		return byte;
	if (byte < c->byte)
		c->byte = c->cp = 0;
	c->cp += byte - c->byte - count_cont(c->s + c->byte, byte - c->byte);
	c->byte = byte;
	return c->cp;
}

/*
 * Two cursors: quote spans come in order, and so mostly do their
 * speakers; one cursor for both would rewind to the paragraph start
 * whenever a speaker stands before its quote.
 */
static void
put_quote(struct grab *g, const char *text, const struct quote *q,
    struct cpcur *cur, struct cpcur *scur, struct buf *out)
{
	const struct ent	*e = q->who >= 0 ? &g->mem.v[q->who] : NULL;
	const char		*cue;

	BUF_ADDLIT(out, "{\"start\":");
	buf_addu(out, cp_at(cur, q->s));
	BUF_ADDLIT(out, ",\"end\":");
	buf_addu(out, cp_at(cur, q->e));
	put_key(out, "text");
	json_put_string(out, text + q->s, q->e - q->s);
	buf_addcstr(out, kind_json[q->kind]);
	if (q->cue != -1) {
		cue = lex_lemma(g->lex, q->cue);
		put_key(out, "cue");
		json_put_string(out, cue, strlen(cue));
	}
	if (e != NULL && e->namelen > 0) {
		put_key(out, "speaker");
		put_arena(out, &g->mem, e->name, e->namelen);
	} else if (e == NULL && q->ss != q->se) {
		put_key(out, "speaker");
		json_put_string(out, text + q->ss, q->se - q->ss);
	}
	if (q->ss != q->se) {
		put_key(out, "speaker_text");
		json_put_string(out, text + q->ss, q->se - q->ss);
		put_key(out, "speaker_start");
		buf_addu(out, cp_at(scur, q->ss));
		put_key(out, "speaker_end");
		buf_addu(out, cp_at(scur, q->se));
	}
	if (e != NULL && e->idlen > 0) {
		put_key(out, "speaker_id");
		put_arena(out, &g->mem, e->id, e->idlen);
	}
	if (e != NULL && e->codelen > 0) {
		put_key(out, "speaker_code");
		put_arena(out, &g->mem, e->code, e->codelen);
	}
	if (q->how != HOW_NONE && (e != NULL || q->ss != q->se))
		buf_addcstr(out, how_json[q->how]);
	buf_addc(out, '}');
}

void
grab_para(struct grab *g, const char *text, size_t len, const char *actors,
    size_t alen, struct buf *out)
{
	struct cpcur		 cur = { text, 0, 0, 0 }, scur = { text, 0, 0, 0 };
	size_t			 i;

	load_actors(g, text, len, actors, alen);
	scan_text(&g->sc, g->lex, text, len, g->open_run);
	attribute(g, text, len);
	g->para++;
	if (g->nqv > 0)
		cur.ascii = scur.ascii = all_ascii(text, len);
	buf_addc(out, '[');
	for (i = 0; i < g->nqv; i++) {
		if (i > 0)
			buf_addc(out, ',');
		put_quote(g, text, &g->qv[i], &cur, &scur, out);
	}
	buf_addc(out, ']');
}
