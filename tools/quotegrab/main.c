/*
 * quotegrab: quotations with speaker, cue and kind for parley records.
 * Options and the record loop live here; the logic beside it.
 */
#include <errno.h>
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

/* The members quotegrab reads or writes, found in one pass. */
struct members {
	long	 text, doc, actors, quotes;
};

/*
 * Plain keys compare as raw bytes; a key with an escape in it is left to
 * the record reader's lookup, which decodes it.
 */
static void
find_members(const struct rec *r, struct members *mb)
{
	const struct json_member *m;
	const char	*k;
	size_t		 i, len;
	int		 escaped = 0;

	mb->text = mb->doc = mb->actors = mb->quotes = -1;
	for (i = 0; i < r->obj.n; i++) {
		m = &r->obj.m[i];
		k = r->json + m->kstart + 1;
		len = m->kend - m->kstart - 2;
		if (m->kesc)
			escaped = 1;
		else if (len == 4 && memcmp(k, "text", 4) == 0 && mb->text < 0)
			mb->text = (long)i;
		else if (len == 3 && memcmp(k, "doc", 3) == 0 && mb->doc < 0)
			mb->doc = (long)i;
		else if (len == 6 && memcmp(k, "actors", 6) == 0 &&
		    mb->actors < 0)
			mb->actors = (long)i;
		else if (len == 6 && memcmp(k, "quotes", 6) == 0 &&
		    mb->quotes < 0)
			mb->quotes = (long)i;
	}
	if (escaped) {
		mb->text = json_find(r->json, &r->obj, "text");
		mb->doc = json_find(r->json, &r->obj, "doc");
		mb->actors = json_find(r->json, &r->obj, "actors");
		mb->quotes = json_find(r->json, &r->obj, "quotes");
	}
}

/* The raw JSON value of member i, or NULL. */
static const char *
member_raw(const struct rec *r, long i, size_t *len)
{
	if (i < 0)
		return NULL;
	*len = r->obj.m[i].vend - r->obj.m[i].vstart;
	return r->json + r->obj.m[i].vstart;
}

/*
 * The record up to where its "quotes" value goes: in place of the old
 * one, or after the last member.
 */
static void
line_head(struct buf *line, const struct rec *r, long quotes)
{
	if (quotes >= 0) {
		buf_add(line, r->json, r->obj.m[quotes].vstart);
		return;
	}
	buf_add(line, r->json, r->obj.close);
	if (r->obj.n > 0)
		buf_addc(line, ',');
	BUF_ADDLIT(line, "\"quotes\":");
}

/* The rest of the record after the value, and the newline. */
static void
line_tail(struct buf *line, const struct rec *r, long quotes)
{
	size_t	 from = quotes >= 0 ? r->obj.m[quotes].vend : r->obj.close;

	buf_add(line, r->json + from, r->len - from);
	buf_addc(line, '\n');
}

/*
 * As rec_write(c, r, "quotes", ...), the value built in place in the
 * line, which goes out in one write.
 */
static void
put_line(struct cli *c, const struct buf *line)
{
	errno = 0;
	if (fwrite_unlocked(line->p, 1, line->len, c->out) != line->len)
		cli_write_failed(c);
}

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
	struct members		 mb;
	struct grab		 g;
	struct lexicon		*lx;
	struct buf		 text = { 0 }, doc = { 0 }, prev = { 0 };
	struct buf		 line = { 0 }, prevraw = { 0 };
	const char		*actors, *raw, *tp;
	size_t			 alen = 0, rawlen = 0, tlen;
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
		find_members(&r, &mb);
		if (mb.text < 0 || r.obj.m[mb.text].type == JSON_NULL) {
			rec_write(&cli, &r, NULL, NULL, 0);
			cli_check_output(&cli);
			continue;
		}
		if (r.obj.m[mb.text].type != JSON_STRING) {
			rec_reject(&rr, &r, "\"text\" is not a string");
			continue;
		}
		raw = member_raw(&r, mb.text, &rawlen);
		/* most texts have no escape: read them where they are */
		if (!r.obj.m[mb.text].vesc) {
			tp = raw + 1;
			tlen = rawlen - 2;
		} else {
			buf_reset(&text);
			json_decode_string(raw, rawlen, &text);
			tp = text.p != NULL ? text.p : "";
			tlen = text.len;
		}
		/* the same raw JSON is the same document: no decoding */
		raw = member_raw(&r, mb.doc, &rawlen);
		if (!have_prev || raw == NULL || rawlen != prevraw.len ||
		    memcmp(raw, prevraw.p, rawlen) != 0) {
			buf_reset(&doc);
			if (raw != NULL && r.obj.m[mb.doc].type == JSON_STRING)
				json_decode_string(raw, rawlen, &doc);
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
		actors = member_raw(&r, mb.actors, &alen);
		buf_reset(&line);
		line_head(&line, &r, mb.quotes);
		grab_para(&g, tp, tlen, actors, alen, &line);
		line_tail(&line, &r, mb.quotes);
		put_line(&cli, &line);
		cli_check_output(&cli);
	}
	c = cli_finish(&cli);

	rec_reader_free(&rr);
	grab_free(&g);
	lex_free(lx);
	buf_free(&text);
	buf_free(&doc);
	buf_free(&prev);
	buf_free(&line);
	buf_free(&prevraw);
	return c;
}
