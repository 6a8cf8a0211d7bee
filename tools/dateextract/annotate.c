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
put_zone(struct buf *out, int tz)
{
	char	 z[8];
	int	 a = tz < 0 ? -tz : tz;

	if (tz == 0) {
		put_member(out, "zone", "Z");
		return;
	}
	z[0] = tz < 0 ? '-' : '+';
	z[1] = (char)('0' + a / 600);
	z[2] = (char)('0' + a / 60 % 10);
	z[3] = ':';
	z[4] = (char)('0' + a % 60 / 10);
	z[5] = (char)('0' + a % 10);
	z[6] = '\0';
	put_member(out, "zone", z);
}

static void
put_one(struct dx *dx, const char *text, const struct tx *x,
    struct utf8_cursor *uc, const char *value, const char *how,
    struct buf *out, size_t n)
{
	size_t	 bs = dx->tok[x->ts].s, be = dx->tok[x->te - 1].e;

	if (n > 0)
		buf_addc(out, ',');
	BUF_ADDLIT(out, "{\"start\":");
	/* in ASCII text code points are bytes */
	buf_addu(out, dx->high ? utf8_cursor_cp(uc, bs) : bs);
	BUF_ADDLIT(out, ",\"end\":");
	buf_addu(out, dx->high ? utf8_cursor_cp(uc, be) : be);
	BUF_ADDLIT(out, ",\"text\":");
	json_put_string(out, text + bs, be - bs);
	put_member(out, "type", types[x->type]);
	put_member(out, "value", value);
	if (x->mod > 0 && (size_t)x->mod < sizeof(mods) / sizeof(mods[0]))
		put_member(out, "mod", mods[x->mod]);
	put_member(out, "anchor", how);
	if (x->p.tzset)
		put_zone(out, x->p.tz);
	buf_addc(out, '}');
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
	struct utf8_cursor	 uc;
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
	utf8_cursor_init(&uc, text);
	while (from < dx->ntok) {
		nx = grammar_match(text, dx->tok, dx->ntok, from, x,
		    DX_MAXEXPR);
		if (nx == 0)
			break;
		for (k = 0; k < nx; k++) {
			if (resolve(&x[k], ref, &dx->anchor, value,
			    sizeof(value), &how) == -1)
				continue;
			put_one(dx, text, &x[k], &uc, value, how, out, found);
			found++;
		}
		from = x[nx - 1].te;
		if (nx < DX_MAXEXPR)
			break;
	}
	buf_addc(out, ']');
	return found;
}
