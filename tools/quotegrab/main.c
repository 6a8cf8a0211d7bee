/*
 * quotegrab: quotations with speaker, cue and kind for parley records.
 * Options and the record loop live here; the logic beside it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "quotegrab.h"
#include "rec.h"

static const char synopsis[] = "[-aP] [-f file] [-o file] [file ...]";

static const char optionhelp[] =
    "  -a                  keep quoted words that are not speech (scare\n"
    "                      quotes, titles) as kind \"other\"\n"
    "  -f FILE             add the cue verbs in FILE (one lemma and its\n"
    "                      forms per line)\n";

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	static struct cli	 cli;
	struct rec_reader	 rr;
	struct rec		 r;
	struct grab		 g;
	struct lexicon		*lx;
	struct buf		 text = { 0 }, doc = { 0 }, prev = { 0 };
	struct buf		 val = { 0 }, prevraw = { 0 };
	const char		*actors, *raw;
	size_t			 alen, rawlen;
	char			 msg[512];
	int			 c, keep_all = 0, have_prev = 0;

	cli_init(&cli, "quotegrab", synopsis, optionhelp);
	lx = lex_new();
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS "af:", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'a':
			keep_all = 1;
			break;
		case 'f':
			if (lex_load(lx, optarg, msg, sizeof(msg)) == -1) {
				fprintf(stderr, "quotegrab: -f %s\n", msg);
				exit(CLI_FATAL);
			}
			break;
		default:
			if (!cli_option(&cli, c, optarg))
				cli_usage(&cli, CLI_FATAL);
			break;
		}
	}
	argc -= optind;
	argv += optind;

	cli_start(&cli);
	grab_init(&g, lx);
	g.keep_all = keep_all;
	rec_reader_init(&rr, &cli, argv, argc);
	while (rec_next(&rr, &r)) {
		buf_reset(&text);
		switch (rec_get_string(&r, "text", &text)) {
		case -1:
			rec_reject(&rr, &r, "\"text\" is not a string");
			continue;
		case 0:
			rec_write(&cli, &r, NULL, NULL, 0);
			cli_check_output(&cli);
			continue;
		}
		/* the same raw JSON is the same document: no decoding */
		raw = rec_get_raw(&r, "doc", &rawlen);
		if (!have_prev || raw == NULL || rawlen != prevraw.len ||
		    memcmp(raw, prevraw.p, rawlen) != 0) {
			buf_reset(&doc);
			if (rec_get_string(&r, "doc", &doc) != 1)
				BUF_ADDLIT(&doc, "");
			if (!have_prev || doc.len != prev.len ||
			    memcmp(doc.p, prev.p, doc.len) != 0) {
				grab_doc(&g);
				buf_reset(&prev);
				buf_add(&prev, doc.p, doc.len);
				have_prev = 1;
			}
			buf_reset(&prevraw);
			if (raw != NULL)
				buf_add(&prevraw, raw, rawlen);
		}
		actors = rec_get_raw(&r, "actors", &alen);
		buf_reset(&val);
		grab_para(&g, text.p != NULL ? text.p : "", text.len, actors,
		    alen, &val);
		rec_write(&cli, &r, "quotes", val.p, val.len);
		cli_check_output(&cli);
	}
	c = cli_finish(&cli);

	rec_reader_free(&rr);
	grab_free(&g);
	lex_free(lx);
	buf_free(&text);
	buf_free(&doc);
	buf_free(&prev);
	buf_free(&val);
	buf_free(&prevraw);
	return c;
}
