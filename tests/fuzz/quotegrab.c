/*
 * libFuzzer target for quotegrab's core: arbitrary bytes as paragraphs of
 * one document (a first line opening with '[' is its actors array).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "quotegrab.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

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
		grab_para(&g, text.p != NULL ? text.p : "", text.len,
		    actors.len > 0 ? actors.p : NULL, actors.len, &out);
		i = j + 1;
	}
	return 0;
}
