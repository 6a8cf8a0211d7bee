/*
 * The core of dateextract without the command line: text and reference
 * date in, the JSON `dates` array out, narrative state kept in struct dx.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dateextract.h"
#include "json.h"
#include "utf8.h"

#define DX_MAXEXPR	64	/* expressions matched per batch */

/*
 * Members of fixed text, zero padded so that each is copied as one block
 * of MEMBER_MAX bytes, however long.
 */
#define MEMBER_MAX	32

struct member {
	char	 s[MEMBER_MAX];
	size_t	 n;
};

#define M(s)	{ s, sizeof(s) - 1 }
static const struct member types[] = {
	M(",\"type\":\"DATE\""), M(",\"type\":\"TIME\""),
	M(",\"type\":\"DURATION\""), M(",\"type\":\"SET\"")
};
static const struct member mods[] = {
	M(""), M(",\"mod\":\"START\""), M(",\"mod\":\"MID\""),
	M(",\"mod\":\"END\""), M(",\"mod\":\"APPROX\""),
	M(",\"mod\":\"BEFORE\""), M(",\"mod\":\"AFTER\""),
	M(",\"mod\":\"LESS_THAN\""), M(",\"mod\":\"MORE_THAN\""),
	M(",\"mod\":\"EQUAL_OR_LESS\""), M(",\"mod\":\"EQUAL_OR_MORE\""),
	M(",\"mod\":\"ON_OR_BEFORE\""), M(",\"mod\":\"ON_OR_AFTER\"")
};
/* The anchors resolve() gives, by their first letter. */
static const struct member anchor_dct = M(",\"anchor\":\"dct\"");
static const struct member anchor_text = M(",\"anchor\":\"text\"");
static const struct member anchor_none = M(",\"anchor\":\"none\"");
#undef M

void
dx_init(struct dx *dx)
{
	memset(dx, 0, sizeof(*dx));
	lex_init(&dx->lex);
}

void
dx_free(struct dx *dx)
{
	free(dx->tok);
	dx->tok = NULL;
	dx->captok = dx->ntok = 0;
}

void
dx_reset(struct dx *dx)
{
	memset(&dx->anchor, 0, sizeof(dx->anchor));
}

/*
 * The members are built in a small array and added to the output at
 * once: most of them are short words that JSON needs no escapes for.
 */
struct line {
	char	*p, *end;
};

static void
put_bytes(struct line *l, const char *s, size_t n)
{
	if ((size_t)(l->end - l->p) < n)
		n = (size_t)(l->end - l->p);
	memcpy(l->p, s, n);
	l->p += n;
}

#define PUT_LIT(l, lit)	put_bytes((l), (lit), sizeof(lit) - 1)

static void
put_num(struct line *l, size_t v)
{
	char	 d[24];
	size_t	 k = sizeof(d);

	do
		d[--k] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	put_bytes(l, d + k, sizeof(d) - k);
}

static void
put_fixed(struct line *l, const struct member *m)
{
	if (l->end - l->p >= MEMBER_MAX) {
		memcpy(l->p, m->s, MEMBER_MAX);
		l->p += m->n;
	} else
		put_bytes(l, m->s, m->n);
}

static void
put_plain(struct line *l, const char *key, size_t klen, const char *val)
{
	put_bytes(l, key, klen);
	put_bytes(l, "\"", 1);
	put_bytes(l, val, strlen(val));
	put_bytes(l, "\"", 1);
}

#define PUT_PLAIN(l, key, val)	put_plain((l), (key), sizeof(key) - 1, (val))

/*
 * The value as a JSON string, copied as it is checked: 0 if it needs
 * escapes after all, and json_put_string must write it.
 */
static int
put_value(struct line *l, const char *val)
{
	char		*q = l->p;
	unsigned char	 c;

	if (l->end - l->p < 64 + 16)
		return 0;
	memcpy(q, ",\"value\":\"", 10);
	for (q += 10; (c = (unsigned char)*val) != '\0'; val++) {
		if (c < 0x20 || c == '"' || c == '\\' || q == l->p + 64 + 10)
			return 0;
		*q++ = (char)c;
	}
	*q++ = '"';
	l->p = q;
	return 1;
}

static const struct member *
anchor_member(const char *how)
{
	switch (how[0]) {
	case 'd':
		return strcmp(how, "dct") == 0 ? &anchor_dct : NULL;
	case 't':
		return strcmp(how, "text") == 0 ? &anchor_text : NULL;
	case 'n':
		return strcmp(how, "none") == 0 ? &anchor_none : NULL;
	}
	return NULL;
}

static void
put_member(struct buf *out, const char *key, const char *val)
{
	buf_addc(out, ',');
	buf_addc(out, '"');
	buf_addcstr(out, key);
	BUF_ADDLIT(out, "\":");
	json_put_string(out, val, strlen(val));
}

/*
 * The zone a time was given in, as an ISO 8601 offset ("Z", "-05:00"):
 * the value keeps the wall-clock time the text gave, as TimeBank does.
 */
static void
put_zone(struct line *l, int tz)
{
	char	 z[8];
	int	 a = tz < 0 ? -tz : tz;

	if (tz == 0) {
		PUT_LIT(l, ",\"zone\":\"Z\"");
		return;
	}
	z[0] = tz < 0 ? '-' : '+';
	z[1] = (char)('0' + a / 600);
	z[2] = (char)('0' + a / 60 % 10);
	z[3] = ':';
	z[4] = (char)('0' + a % 60 / 10);
	z[5] = (char)('0' + a % 10);
	z[6] = '\0';
	PUT_PLAIN(l, ",\"zone\":", z);
}

static void
put_one(struct dx *dx, const char *text, const struct tx *x,
    struct utf8_cursor *cc, const char *value, const char *how,
    struct buf *out, size_t n)
{
	size_t		 bs = dx->tok[x->ts].s, be = dx->tok[x->te - 1].e;
	char		 b[256];
	struct line	 l = { b, b + sizeof(b) };
	const struct member *am;

	if (n > 0)
		PUT_LIT(&l, ",");
	PUT_LIT(&l, "{\"start\":");
	/* in ASCII text code points are bytes */
	put_num(&l, dx->high ? utf8_cursor_cp(cc, bs) : bs);
	PUT_LIT(&l, ",\"end\":");
	put_num(&l, dx->high ? utf8_cursor_cp(cc, be) : be);
	PUT_LIT(&l, ",\"text\":");
	buf_add(out, b, (size_t)(l.p - b));
	json_put_string(out, text + bs, be - bs);
	l.p = b;
	put_fixed(&l, &types[x->type]);
	if (!put_value(&l, value)) {
		buf_add(out, b, (size_t)(l.p - b));
		put_member(out, "value", value);
		l.p = b;
	}
	if (x->mod > 0 && (size_t)x->mod < sizeof(mods) / sizeof(mods[0]))
		put_fixed(&l, &mods[x->mod]);
	if ((am = anchor_member(how)) != NULL)
		put_fixed(&l, am);
	else
		PUT_PLAIN(&l, ",\"anchor\":", how);
	if (x->p.tzset)
		put_zone(&l, x->p.tz);
	PUT_LIT(&l, "}");
	buf_add(out, b, (size_t)(l.p - b));
}

/*
 * Append the JSON array of the temporal expressions in text[0..len) to
 * out; ref is the reference date or NULL. Returns how many were found.
 */
size_t
dx_annotate(struct dx *dx, const char *text, size_t len,
    const struct date_time *ref, struct buf *out)
{
	struct tx		 x[DX_MAXEXPR];
	struct utf8_cursor	 cc;
	char			 value[64];
	const char		*how;
	size_t			 from = 0, nx, k, found = 0;

	utf8_cursor_init(&cc, text, len);
	buf_addc(out, '[');
	if (len >= UINT32_MAX) {
		buf_addc(out, ']');
		return 0;
	}
	dx->anchor.rec++;
	dx->ntok = lex_tokens(&dx->lex, text, len, &dx->tok, &dx->captok,
	    &dx->high);
	while (from < dx->ntok) {
		nx = grammar_match(text, dx->tok, dx->ntok, from, x,
		    DX_MAXEXPR);
		if (nx == 0)
			break;
		for (k = 0; k < nx; k++) {
			if (resolve(&x[k], ref, &dx->anchor, value,
			    sizeof(value), &how) == -1)
				continue;
			put_one(dx, text, &x[k], &cc, value, how, out, found);
			found++;
		}
		from = x[nx - 1].te;
		if (nx < DX_MAXEXPR)
			break;
	}
	buf_addc(out, ']');
	return found;
}
