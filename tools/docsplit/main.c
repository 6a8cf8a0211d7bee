/*
 * docsplit: news articles (text files) to parley records of documents,
 * paragraphs or sentences. Options and the line loop live here.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "docsplit.h"
#include "emit.h"
#include "hash.h"
#include "lines.h"
#include "regex.h"
#include "utf8.h"

static const char synopsis[] =
    "[-aP] [-b regex] [-d date|mtime] [-i hash|path] [-o file] "
    "[-u doc|para|sent] [file ...]";

static const char optionhelp[] =
    "  -a                  keep boilerplate (kind \"boilerplate\")\n"
    "  -b REGEX            a line matching REGEX begins a new document\n"
    "  -d DATE|mtime       document date (ISO 8601), or the file's mtime\n"
    "                      when the article gives none\n"
    "  -i hash|path        document ids: hash of the bytes (default) or\n"
    "                      the source path\n"
    "  -u doc|para|sent    unit of output records (default para)\n";

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

struct state {
	struct cli		 cli;
	struct lines		 lines;
	struct doc		 doc;
	struct emitter		 em;
	struct classifier	*classifier;
	struct stamper		*stamper;
	struct hash_state	*hash;
	struct regex		 boundary;
	int			 use_boundary;
	int			 path_ids;
	struct date_time	 fixed;
	struct dct_source	 dct;
	struct buf		 repair;
	struct buf		 idbuf;
	unsigned		 fileseq;
	unsigned long		 docno;		/* document number in its file */
	int			 warned_utf8;	/* once per file */
	char			*src;
};

static void
flush_doc(struct state *st)
{
	struct docmeta	 m;
	char		 hex[HASH_HEXLEN + 1];

	if (st->doc.nlines == 0)
		return;
	doc_paragraphs(&st->doc);
	classify(st->classifier, &st->doc);
	if (st->path_ids) {
		buf_reset(&st->idbuf);
		buf_addcstr(&st->idbuf, st->src);
		if (st->use_boundary) {
			buf_addc(&st->idbuf, '#');
			buf_addu(&st->idbuf, st->docno);
		}
		m.id = st->idbuf.p;
	} else {
		hash_hex(st->hash, hex);
		m.id = hex;
	}
	m.src = st->src;
	doc_dct(st->stamper, &st->doc, &st->dct, m.dct);
	emit(&st->em, &st->doc, &m);
	doc_reset(&st->doc);
	hash_reset(st->hash);
	st->docno++;
}

static void
new_file(struct state *st)
{
	struct stat	 sb;
	struct lines	*l = &st->lines;

	flush_doc(st);
	st->fileseq = l->fileseq;
	st->docno = 0;
	st->warned_utf8 = 0;
	free(st->src);
	if ((st->src = strdup(l->src)) == NULL)
		cli_fatal(&st->cli, "out of memory");
	st->dct.mtime = 0;
	/* A pipe's times say nothing about the article: only regular files. */
	st->dct.has_mtime = st->dct.use_mtime &&
	    fstat(lines_file_fd(l), &sb) == 0 && S_ISREG(sb.st_mode);
	if (st->dct.has_mtime)
		st->dct.mtime = (long long)sb.st_mtime;
}

/* Bytes a line had in the file, newline included, for the document hash. */
static void
hash_line(struct state *st)
{
	struct lines	*l = &st->lines;
	size_t		 raw = (size_t)(l->nextoff - l->off);

	/* the newline, when there is one, follows the line in the buffer */
	hash_update(st->hash, l->line, raw > l->len ? l->len + 1 : l->len);
}

static void
add_line(struct state *st, int alone)
{
	struct lines	*l = &st->lines;
	const char	*s = l->line;
	size_t		 n = l->len, skip = 0, bad;
	int		 repaired = 0;

	hash_line(st);
	if (l->lineno == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		skip = 3;	/* BOM */
	s += skip;
	n -= skip;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if ((bad = utf8_find_bad(s, n)) < n) {
		if (!st->warned_utf8 || st->cli.strict) {
			cli_warn_at(&st->cli, l->name, l->lineno,
			    bad + skip + 1, "invalid UTF-8 replaced by U+FFFD");
			st->warned_utf8 = 1;
		}
		if (st->cli.strict)
			cli_fatal(&st->cli, "%s:%lu: stopped (--strict)",
			    l->name, l->lineno);
		buf_reset(&st->repair);
		utf8_repair(s, n, &st->repair);
		s = st->repair.p;
		n = st->repair.len;
		repaired = 1;
	}
	doc_add_line(&st->doc, s, n, l->off + (off_t)skip, repaired, alone);
}

static void
run(struct state *st)
{
	struct lines	*l = &st->lines;
	int		 boundary;

	while (lines_next(l)) {
		if (l->fileseq != st->fileseq)
			new_file(st);
		boundary = st->use_boundary &&
		    regex_match(&st->boundary, l->line, l->len, 0);
		if (boundary && st->doc.nlines > 0)
			flush_doc(st);
		add_line(st, boundary);
		cli_progress(&st->cli, l->len + 1);
	}
	flush_doc(st);
}

static void
set_date(struct state *st, const char *arg)
{
	if (strcmp(arg, "mtime") == 0) {
		st->dct.use_mtime = 1;
		return;
	}
	cli_date_option(&st->cli, arg, &st->fixed);
	st->dct.fixed = &st->fixed;
}

static void
set_unit(struct state *st, const char *arg)
{
	if (strcmp(arg, "para") == 0)
		st->em.unit = UNIT_PARA;
	else if (strcmp(arg, "sent") == 0)
		st->em.unit = UNIT_SENT;
	else if (strcmp(arg, "doc") == 0)
		st->em.unit = UNIT_DOC;
	else {
		fprintf(stderr, "docsplit: -u: unit must be doc, para or "
		    "sent: %s\n", arg);
		cli_usage(&st->cli, CLI_FATAL);
	}
}

static void
set_ids(struct state *st, const char *arg)
{
	if (strcmp(arg, "path") == 0)
		st->path_ids = 1;
	else if (strcmp(arg, "hash") == 0)
		st->path_ids = 0;
	else {
		fprintf(stderr, "docsplit: -i: ids must be hash or path: %s\n",
		    arg);
		cli_usage(&st->cli, CLI_FATAL);
	}
}

static void
set_boundary(struct state *st, const char *arg)
{
	char	 msg[300];

	if (regex_compile(&st->boundary, arg, 0, msg, sizeof(msg)) == -1) {
		fprintf(stderr, "docsplit: -b: %s\n", msg);
		cli_usage(&st->cli, CLI_FATAL);
	}
	st->use_boundary = 1;
}

int
main(int argc, char *argv[])
{
	static struct state	 st;
	int			 c, status;

	cli_init(&st.cli, "docsplit", synopsis, optionhelp);
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS "ab:d:i:u:", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'a':
			st.em.keep_all = 1;
			break;
		case 'b':
			set_boundary(&st, optarg);
			break;
		case 'd':
			set_date(&st, optarg);
			break;
		case 'i':
			set_ids(&st, optarg);
			break;
		case 'u':
			set_unit(&st, optarg);
			break;
		default:
			if (!cli_option(&st.cli, c, optarg))
				cli_usage(&st.cli, CLI_FATAL);
			break;
		}
	}
	argc -= optind;
	argv += optind;

	cli_start(&st.cli);
	st.em.cli = &st.cli;
	st.stamper = stamper_new();
	st.classifier = classifier_new(st.stamper);
	st.hash = hash_new();
	lines_init(&st.lines, &st.cli, argv, argc);
	run(&st);
	status = cli_finish(&st.cli);

	lines_free(&st.lines);
	doc_free(&st.doc);
	classifier_free(st.classifier);
	stamper_free(st.stamper);
	hash_free(st.hash);
	if (st.use_boundary)
		regex_free(&st.boundary);
	buf_free(&st.repair);
	buf_free(&st.idbuf);
	buf_free(&st.em.line);
	buf_free(&st.em.id);
	buf_free(&st.em.rest);
	buf_free(&st.em.text);
	free(st.em.spans.v);
	free(st.src);
	return status;
}
