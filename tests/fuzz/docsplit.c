/*
 * libFuzzer target for docsplit's input handling: arbitrary bytes as one
 * document through repair, paragraphs, kinds, dates, sentences and output.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "docsplit.h"
#include "emit.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
add_lines(struct doc *d, const char *s, size_t n, struct buf *tmp)
{
	size_t		 i = 0, j;
	const char	*nl;

	while (i < n) {
		nl = memchr(s + i, '\n', n - i);
		j = nl != NULL ? (size_t)(nl - s) : n;
		buf_reset(tmp);
		utf8_repair(s + i, j - i, tmp);
		doc_add_line(d, tmp->p != NULL ? tmp->p : "", tmp->len,
		    (off_t)i, 1, i == 0);
		i = j + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cli		 cli;
	static struct stamper		*st;
	static struct classifier	*cl;
	static struct doc		 d;
	static struct buf		 tmp;
	struct dct_source		 src = { NULL, 1, 1, 1649168700 };
	struct emitter			 em;
	struct docmeta			 m = { "0123456789abcdef", "fuzz", "" };

	if (st == NULL) {
		cli_init(&cli, "fuzz", "", "");
		cli.out = fopen("/dev/null", "w");
		st = stamper_new();
		cl = classifier_new(st);
	}
	doc_reset(&d);
	add_lines(&d, (const char *)data, size, &tmp);
	if (d.nlines == 0)
		return 0;
	doc_paragraphs(&d);
	classify(cl, &d);
	doc_dct(st, &d, &src, m.dct);
	memset(&em, 0, sizeof(em));
	em.cli = &cli;
	em.keep_all = size > 0 && data[0] & 1;
	for (em.unit = UNIT_PARA; em.unit <= UNIT_DOC; em.unit++)
		emit(&em, &d, &m);
	buf_free(&em.line);
	buf_free(&em.id);
	buf_free(&em.rest);
	buf_free(&em.text);
	free(em.spans.v);
	return 0;
}
