/*
 * libFuzzer target for quotegrab's core: arbitrary bytes as paragraphs of
 * one document (a first line opening with '[' is its actors array).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "quotegrab.h"
#include "lexicon.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The entry of word s by a walk over every entry, folded byte by byte. */
static const struct entry *
brute_find(const struct lexicon *lx, const char *s, size_t n)
{
	size_t	 x, i;

	if (n == 0 || n >= LEX_MAXWORD)
		return lx->ents;
	for (x = 1; x < lx->used; x++) {
		if (lx->ents[x].len != n)
			continue;
		for (i = 0; i < n && lx->words[x][i] ==
		    (char)lower((unsigned char)s[i]); i++)
			;
		if (i == n)
			return &lx->ents[x];
	}
	return lx->ents;
}

/*
 * Every run of word bytes in the text, looked up by the table's fast
 * and slow paths, must give what the walk over the entries gives; a
 * cuckoo table that lost an entry or found the wrong one aborts here.
 */
static void
check_lexicon(const struct lexicon *lx, const char *s, size_t len)
{
	const struct entry *want;
	size_t		 i = 0, k, m;
	unsigned	 cls, wcls;
	int		 cue, wcue, alnum;

	while (i < len) {
		for (k = i, alnum = 1; k < len && (isalnum((unsigned char)s[k])
		    || s[k] == '-' || s[k] == '\''); k++)
			alnum &= isalnum((unsigned char)s[k]) != 0;
		/* longer words are in no entry, nor looked at */
		for (m = i + 1; m <= k && m - i <= LEX_MAXWORD; m++) {
			want = brute_find(lx, s + i, m - i);
			wcls = want->val & 0xffff;
			wcue = (int)(want->val >> 16) - 1;
			cls = lex_lookup(lx, s + i, m - i, len - i, &cue);
			if (cls != wcls || cue != wcue)
				abort();
			cls = lex_lookup(lx, s + i, m - i, m - i, &cue);
			if (cls != wcls || cue != wcue)
				abort();
			if (alnum && lex_value_alnum(lx, s + i, m - i,
			    len - i) != want->val)
				abort();
		}
		i = k + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct lexicon	*lx;
	static struct grab	 g;
	static struct buf	 text, out, actors;
	const char		*s = (const char *)data, *nl;
	size_t			 i = 0, j;

	if (lx == NULL) {
		lx = lex_new();
		grab_init(&g, lx);
	}
	grab_doc(&g);
	g.keep_all = size > 0 && (data[0] & 1);
	buf_reset(&actors);
	if (size > 0 && s[0] == '[') {
		nl = memchr(s, '\n', size);
		j = nl != NULL ? (size_t)(nl - s) : size;
		buf_add(&actors, s, j);
		i = j + 1;
	}
	while (i < size) {
		nl = memchr(s + i, '\n', size - i);
		j = nl != NULL ? (size_t)(nl - s) : size;
		buf_reset(&text);
		utf8_repair(s + i, j - i, &text);
		buf_reset(&out);
		check_lexicon(lx, text.p != NULL ? text.p : "", text.len);
		grab_para(&g, text.p != NULL ? text.p : "", text.len,
		    actors.len > 0 ? actors.p : NULL, actors.len, &out);
		i = j + 1;
	}
	return 0;
}
