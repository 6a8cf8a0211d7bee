/*
 * libFuzzer target for actortag's core: arbitrary bytes (made valid UTF-8,
 * as the record reader guarantees) tagged with the embedded dictionary,
 * and with a dictionary of titles alone (-N -f, an empty names trie).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "actortag.h"
#include "buf.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const titles_only[] = {
	"negotiator\tTITLE\tGOV\tnegotiator\tnegotiators\t-\t-\t-",
	"president\tTITLE\tGOV\tpresident\t-\t-\t-\t-",
	"military\tAGENT\tMIL\tmilitary\ttroops\t-\t-\t-",
	NULL
};

/* A dictionary with no names: only its placeholder alias. */
static void
load_titles_only(struct dict *d)
{
	char	 err[256];
	size_t	 i;

	dict_init(d);
	dict_begin_source(d);
	for (i = 0; titles_only[i] != NULL; i++)
		if (dict_add_line(d, titles_only[i], strlen(titles_only[i]),
		    err, sizeof(err)) == -1)
			__builtin_trap();
	dict_build(d);
}

/* Tag text with tg; the output must be a JSON array. */
static void
run(struct tagger *tg, const struct buf *text, long ref, struct buf *out)
{
	buf_reset(out);
	tagger_run(tg, text->p != NULL ? text->p : "", text->len, ref, out);
	if (out->len < 2 || out->p[0] != '[' || out->p[out->len - 1] != ']')
		__builtin_trap();
}

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
	static struct dict	 d, d2;
	static struct tagger	*tg, *tg2;
	static struct buf	 text, out;
	long			 ref = DAY_NONE;

	if (tg == NULL) {
		dict_init(&d);
		dict_load_embedded(&d);
		dict_build(&d);
		tg = tagger_new(&d);
		load_titles_only(&d2);
		tg2 = tagger_new(&d2);
	}
	/* the first byte picks the reference date and the document state */
	if (size > 0) {
		if (data[0] & 1)
			ref = 19000 + (long)(data[0] >> 1) * 37;
		if (data[0] & 0x80) {
			tagger_reset(tg);
			tagger_reset(tg2);
		}
		data++;
		size--;
	}
	buf_reset(&text);
	utf8_repair((const char *)data, size, &text);
	run(tg, &text, ref, &out);
	run(tg2, &text, ref, &out);
	check_keys(&d.names, text.p, text.len);
	check_keys(&d.titles, text.p, text.len);
	check_keys(&d2.names, text.p, text.len);
	return 0;
}
