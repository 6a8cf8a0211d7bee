/*
 * libFuzzer target for actortag's core: arbitrary bytes (made valid UTF-8,
 * as the record reader guarantees) tagged with the embedded dictionary.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "actortag.h"
#include "buf.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The alias key lookup finds what the byte walk of the trie finds. */
static void
check_keys(const struct trie *t, const char *s, size_t n)
{
	size_t	 i;
	int	 h1, h2;

	for (i = 0; i < n; i++)
		if (trie_longest(t, s, n, i, &h1) !=
		    trie_longest_walk(t, s, n, i, &h2) || h1 != h2)
			__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dict	 d;
	static struct tagger	*tg;
	static struct buf	 text, out;
	long			 ref = DAY_NONE;

	if (tg == NULL) {
		dict_init(&d);
		dict_load_embedded(&d);
		dict_build(&d);
		tg = tagger_new(&d);
	}
	/* the first byte picks the reference date and the document state */
	if (size > 0) {
		if (data[0] & 1)
			ref = 19000 + (long)(data[0] >> 1) * 37;
		if (data[0] & 0x80)
			tagger_reset(tg);
		data++;
		size--;
	}
	buf_reset(&text);
	buf_reset(&out);
	utf8_repair((const char *)data, size, &text);
	tagger_run(tg, text.p != NULL ? text.p : "", text.len, ref, &out);
	if (out.len < 2 || out.p[0] != '[' || out.p[out.len - 1] != ']')
		__builtin_trap();
	check_keys(&d.names, text.p, text.len);
	check_keys(&d.titles, text.p, text.len);
	return 0;
}
