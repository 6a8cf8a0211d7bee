/*
 * libFuzzer target for dateextract's core: tokenizer, grammar and
 * resolver over arbitrary text, with and without a reference date.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "dateextract.h"
#include "json.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * A reference tokenizer, byte by byte and with a linear lexicon search,
 * against which lex_tokens (with its 16-byte fast paths) is checked.
 */
static int
ref_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static int
ref_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char
ref_highpunct(const unsigned char *p, size_t left)
{
	static const char map[] = "\0\0\0--\0\0\0''\0\0\"\"";

	if (left < 3 || p[0] != 0xe2 || p[1] != 0x80 || p[2] < 0x90 ||
	    p[2] > 0x9d)
		return 0;
	return map[p[2] - 0x90];
}

static void
ref_word(const struct lexicon *lx, const unsigned char *u, size_t n,
    int high, struct tok *t)
{
	char		 low[16];
	size_t		 i;
	unsigned	 id;
	int		 upper = 0;

	(void)lx;
	t->kind = T_WORD;
	if (u[0] >= 'A' && u[0] <= 'Z')
		t->fl |= TF_CAP;
	for (i = 0; i < n; i++)
		upper |= u[i] >= 'A' && u[i] <= 'Z';
	if (!upper)
		t->fl |= TF_LOWER;
	if (high || n > LEX_MAXWORD)
		return;
	for (i = 0; i < n; i++)
		low[i] = (char)(u[i] | 0x20);
	for (id = 1; id < lex_count; id++)
		if (strlen(lex_table[id].w) == n &&
		    memcmp(lex_table[id].w, low, n) == 0)
			break;
	if (id < lex_count) {
		t->id = (uint16_t)id;
		if (lex_table[id].cat != C_NONE)
			t->fl |= TF_CAT;
		if (lex_table[id].tense < 0)
			t->fl |= TF_PAST;
		if (lex_table[id].tense > 0)
			t->fl |= TF_FUT;
		if (grammar_starter(id))
			t->fl |= TF_START;
		return;
	}
	/* past forms in -ed, and of -eed only agreed, freed, decreed ... */
	if (!upper && n >= 4 && u[n - 2] == 'e' && u[n - 1] == 'd' &&
	    (u[n - 3] != 'e' || (n >= 5 && ((u[n - 4] == 'r' && (n == 5 ||
	    u[n - 5] == 'g' || u[n - 5] == 'c') && !(n == 5 && u[0] == 'b')) ||
	    u[n - 4] == 't'))))
		t->fl |= TF_ED | TF_PAST;
}

static void
check_lex(const struct lexicon *lx, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	static struct tok *tok;
	static size_t	 cap;
	struct tok	 r;
	size_t		 nt, k = 0, i = 0, j;
	int		 high, rhigh = 0, wh;
	char		 hp;

	nt = lex_tokens(lx, s, n, &tok, &cap, &high);
	while (i < n) {
		memset(&r, 0, sizeof(r));
		r.fl = i == 0 || ref_space(u[i - 1]) ? TF_SPACE : 0;
		while (i < n && ref_space(u[i])) {
			r.fl = TF_SPACE;
			i++;
		}
		if (i >= n)
			break;
		r.s = (uint32_t)i;
		if (u[i] >= '0' && u[i] <= '9') {
			for (j = i; j < n && u[j] >= '0' && u[j] <= '9'; j++)
				if (r.num < 100000000)
					r.num = r.num * 10 + (u[j] - '0');
			r.kind = T_NUM;
			r.ndig = (uint8_t)(j - i > 255 ? 255 : j - i);
		} else if ((hp = ref_highpunct(u + i, n - i)) != 0) {
			r.kind = T_PUNCT;
			r.ch = hp;
			j = i + 3;
		} else if (u[i] < 0x80 && !ref_alpha(u[i])) {
			r.kind = T_PUNCT;
			r.ch = (char)u[i];
			j = i + 1;
		} else {
			for (j = i, wh = 0; j < n && (ref_alpha(u[j]) ||
			    (u[j] >= 0x80 && !ref_highpunct(u + j, n - j)));
			    j++)
				wh |= u[j] >= 0x80;
			ref_word(lx, u + i, j - i, wh, &r);
		}
		r.e = (uint32_t)j;
		for (; i < j; i++)
			rhigh |= u[i] >= 0x80;
		if (k >= nt || tok[k].s != r.s || tok[k].e != r.e ||
		    tok[k].kind != r.kind || tok[k].fl != r.fl ||
		    tok[k].id != r.id || tok[k].num != r.num ||
		    tok[k].ndig != r.ndig || tok[k].ch != r.ch)
			__builtin_trap();
		k++;
	}
	if (k != nt || high != rhigh)
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dx	 dx;
	static int		 ready;
	struct buf		 out = { 0 }, w = { 0 };
	size_t			 len;
	struct json_fields	 obj = { 0 };
	struct date_time	 ref = { 2022, 4, 5, 14, 25, 1 };
	const char		*msg;
	size_t			 pos;
	const char		*text;

	if (!ready) {
		dx_init(&dx);
		ready = 1;
	}
	/* the first byte picks the reference: none, fixed, or varied */
	if (size > 0 && data[0] % 3 == 1)
		ref.y = 1583 + data[0];
	/* the tokenizer takes any bytes, and agrees with the reference */
	check_lex(&dx.lex, (const char *)data, size);
	/* record text is valid UTF-8 by the time it reaches the core */
	utf8_repair((const char *)data, size, &out);
	text = out.p != NULL ? out.p : "";
	len = out.len;
	dx_reset(&dx);
	BUF_ADDLIT(&w, "{\"a\":");
	dx_annotate(&dx, text, len, size > 0 && data[0] % 3 == 0 ? NULL :
	    &ref, &w);
	/* a second record of the same document uses the narrative anchor */
	BUF_ADDLIT(&w, ",\"b\":");
	dx_annotate(&dx, text, len, NULL, &w);
	buf_addc(&w, '}');
	/* what we write must always be valid JSON */
	if (json_scan_object(w.p, w.len, &obj, &pos, &msg) != 0)
		__builtin_trap();
	json_fields_free(&obj);
	buf_free(&w);
	buf_free(&out);
	return 0;
}
