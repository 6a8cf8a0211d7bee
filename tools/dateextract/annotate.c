/*
 * The core of dateextract without the command line: text and reference
 * date in, the JSON `dates` array out, narrative state kept in struct dx.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "dateextract.h"
#include "json.h"

#define DX_MAXEXPR	64	/* expressions matched per batch */

static const char *const types[] = { "DATE", "TIME", "DURATION", "SET" };
static const char *const mods[] = {
	"", "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "LESS_THAN",
	"MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "ON_OR_BEFORE",
	"ON_OR_AFTER"
};

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

/* A string of the resolver: letters, digits and -:._ need no escapes. */
static void
put_plain(struct line *l, const char *key, size_t klen, const char *val)
{
	size_t	 n = strlen(val);

	put_bytes(l, key, klen);
	put_bytes(l, "\"", 1);
	put_bytes(l, val, n);
	put_bytes(l, "\"", 1);
}

#define PUT_PLAIN(l, key, val)	put_plain((l), (key), sizeof(key) - 1, (val))

/* Whether a value can go out without json_put_string. */
static int
plain(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == '"' || *s == '\\')
			return 0;
	return 1;
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

/*
 * Code point offsets: in ASCII text they are the byte offsets; else the
 * bytes less the UTF-8 continuation bytes before them, counted from the
 * last offset asked for, 16 bytes at a time where SSE2 is there.
 */
struct cpcount {
	const char	*s;
	size_t		 byte, cp;
};

static size_t
cont_bytes(const unsigned char *u, size_t n)
{
	size_t	 i = 0, c = 0;

#ifdef __SSE2__
	while (i + 16 <= n) {
		__m128i	 v = _mm_loadu_si128((const __m128i *)(u + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_and_si128(v, _mm_set1_epi8((char)0xc0)),
		    _mm_set1_epi8((char)0x80)));

		/* a popcount of at most 16 bits, without the instruction */
		m = m - ((m >> 1) & 0x5555);
		m = (m & 0x3333) + ((m >> 2) & 0x3333);
		m = (m + (m >> 4)) & 0x0f0f;
		c += (m + (m >> 8)) & 0x1f;
		i += 16;
	}
#endif
	for (; i < n; i++)
		c += (u[i] & 0xc0) == 0x80;
	return c;
}

static size_t
cp_at(struct cpcount *cc, size_t byte)
{
	if (byte < cc->byte)
		cc->byte = cc->cp = 0;
	cc->cp += byte - cc->byte - cont_bytes((const unsigned char *)cc->s +
	    cc->byte, byte - cc->byte);
	cc->byte = byte;
	return cc->cp;
}

static void
put_one(struct dx *dx, const char *text, const struct tx *x,
    struct cpcount *cc, const char *value, const char *how,
    struct buf *out, size_t n)
{
	size_t		 bs = dx->tok[x->ts].s, be = dx->tok[x->te - 1].e;
	char		 b[256];
	struct line	 l = { b, b + sizeof(b) };

	if (n > 0)
		PUT_LIT(&l, ",");
	PUT_LIT(&l, "{\"start\":");
	/* in ASCII text code points are bytes */
	put_num(&l, dx->high ? cp_at(cc, bs) : bs);
	PUT_LIT(&l, ",\"end\":");
	put_num(&l, dx->high ? cp_at(cc, be) : be);
	PUT_LIT(&l, ",\"text\":");
	buf_add(out, b, (size_t)(l.p - b));
	json_put_string(out, text + bs, be - bs);
	l.p = b;
	PUT_PLAIN(&l, ",\"type\":", types[x->type]);
	if (plain(value))
		PUT_PLAIN(&l, ",\"value\":", value);
	else {
		buf_add(out, b, (size_t)(l.p - b));
		put_member(out, "value", value);
		l.p = b;
	}
	if (x->mod > 0 && (size_t)x->mod < sizeof(mods) / sizeof(mods[0]))
		PUT_PLAIN(&l, ",\"mod\":", mods[x->mod]);
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
	struct cpcount		 cc = { text, 0, 0 };
	char			 value[64];
	const char		*how;
	size_t			 from = 0, nx, k, found = 0;

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
