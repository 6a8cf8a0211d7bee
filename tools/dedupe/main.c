/*
 * dedupe: drop repeated records or documents, exactly or by near-duplicate
 * similarity, optionally against the state of earlier runs.  Options and
 * the record loop live here; the verdicts come from dedupe.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <bsd/stdlib.h>

#include "cli.h"
#include "date.h"
#include "dedupe.h"
#include "rec.h"

static const char synopsis[] =
    "[-DmP] [-k doc|field] [-o file] [-s state] [-t threshold] "
    "[--batch n] [--expire days] [file ...]";

static const char optionhelp[] =
    "  -D                  print only the duplicates\n"
    "  -k doc|FIELD        compare whole documents, or FIELD of each "
    "record\n"
    "                      (default text)\n"
    "  -m                  keep duplicates, marked with \"dup\"\n"
    "  -s FILE             SQLite state: drop what earlier runs kept\n"
    "  -t T                near duplicates: similarity at least T "
    "(0 < T <= 1)\n"
    "      --expire DAYS   with -s, forget items older than DAYS\n"
    "      --batch N       with -s, commit every N new items "
    "(default 10000)\n";

enum { OPT_EXPIRE = 0x200, OPT_BATCH };

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ "expire",	required_argument,	NULL, OPT_EXPIRE },
	{ "batch",	required_argument,	NULL, OPT_BATCH },
	{ NULL, 0, NULL, 0 }
};

struct state {
	struct cli		 cli;
	struct rec_reader	 rr;
	struct dedupe		 dd;
	const char		*field;		/* NULL with -k doc */
	const char		*statepath;
	double			 threshold;
	int			 mark;
	int			 only_dups;
	long long		 expire;	/* seconds, 0 = never */
	long long		 batch;
	long long		 now;
	/* the current document, with -k doc */
	struct buf		 doc;		/* its doc id */
	int			 indoc;
	struct buf		 lines;		/* its records, '\n' after each */
	long long		 doctime;
	/* scratch */
	struct buf		 text;
	struct buf		 id;
	struct buf		 val;
	struct json_fields	 obj;
};

/* Item time for --expire: the record's dct, else now. */
static long long
item_time(struct state *st, const struct rec *r)
{
	struct date_time	 dt;

	buf_reset(&st->text);
	if (rec_get_string(r, "dct", &st->text) != 1 ||
	    date_parse_iso(st->text.p, &dt) == -1)
		return st->now;
	return (long long)date_to_days(dt.y, dt.m, dt.d) * 86400 +
	    (dt.has_time ? dt.hh * 3600 + dt.mm * 60 : 0);
}

/*
 * The text of a string member, 1/0/-1 as rec_get_string.  A literal whose
 * only escapes are \" \\ and \/ is used in place: those decode to
 * punctuation, which folds to the same separators as the escapes
 * themselves, so the copy is saved for nearly every record.
 */
static int
get_text(struct state *st, const struct rec *r, const char *key,
    const char **p, size_t *n)
{
	const char	*s, *end, *bs;
	size_t		 len;

	if ((s = rec_get_raw(r, key, &len)) == NULL || *s != '"')
		goto decode;
	end = s + len - 1;
	for (bs = s + 1; (bs = memchr(bs, '\\', (size_t)(end - bs))) != NULL;
	    bs += 2)
		if (bs[1] != '"' && bs[1] != '\\' && bs[1] != '/')
			goto decode;
	*p = s + 1;
	*n = len - 2;
	return 1;
decode:
	buf_reset(&st->text);
	*p = NULL;
	*n = 0;
	switch (rec_get_string(r, key, &st->text)) {
	case -1:
		return -1;
	case 0:
		return 0;
	}
	*p = st->text.p;
	*n = st->text.len;
	return 1;
}

/* The dup value: {"of":"<id>","sim":0.93}. */
static void
make_dup(struct state *st, uint32_t of, double sim)
{
	char	 num[16];

	buf_reset(&st->id);
	if (index_id(&st->dd.ix, of, &st->id) == -1)
		cli_fatal(&st->cli, "temporary file: cannot read ids back");
	buf_reset(&st->val);
	BUF_ADDLIT(&st->val, "{\"of\":");
	json_put_string(&st->val, st->id.p, st->id.len);
	snprintf(num, sizeof(num), "%.2f", sim);
	BUF_ADDLIT(&st->val, ",\"sim\":");
	buf_addcstr(&st->val, num);
	buf_addc(&st->val, '}');
}

static void
commit(struct state *st)
{
	if (dd_commit(&st->dd) == -1)
		cli_fatal(&st->cli, "%s: %s", st->statepath,
		    store_error(st->dd.store));
}

/* After an item is judged: commit a full batch once its output is out. */
static void
maybe_commit(struct state *st)
{
	if (st->dd.store == NULL || st->cli.outpath != NULL ||
	    (long long)store_pending(st->dd.store) < st->batch)
		return;
	if (fflush(st->cli.out) == EOF)
		cli_write_failed(&st->cli);
	commit(st);
}

static enum verdict
judge(struct state *st, const char *id, size_t idlen, long long t,
    uint32_t *of, double *sim)
{
	enum verdict	 v;
	int		 err;

	v = dd_judge(&st->dd, id, idlen, t, of, sim, &err);
	if (err)
		cli_fatal(&st->cli, "%s: %s", st->statepath,
		    store_error(st->dd.store));
	return v;
}

/* -k FIELD: one record, one item. */
static void
do_record(struct state *st, const struct rec *r)
{
	enum verdict	 v;
	const char	*text;
	size_t		 textlen;
	uint32_t	 of = 0;
	double		 sim = 0;
	int		 got;

	got = get_text(st, r, st->field, &text, &textlen);
	if (got == -1) {
		buf_reset(&st->val);
		buf_addc(&st->val, '"');
		buf_addcstr(&st->val, st->field);
		BUF_ADDLIT(&st->val, "\" is not a string");
		rec_reject(&st->rr, r, st->val.p);
		return;
	}
	v = DD_EMPTY;
	if (got == 1) {
		dd_begin(&st->dd);
		dd_text(&st->dd, text, textlen);
		buf_reset(&st->id);
		/* ids and times are kept only for -m and -s */
		if ((st->mark || st->dd.store != NULL) &&
		    rec_get_string(r, "id", &st->id) != 1) {
			buf_reset(&st->id);
			buf_addcstr(&st->id, r->file);
			buf_addc(&st->id, ':');
			buf_addu(&st->id, r->lineno);
		}
		v = judge(st, st->id.p, st->id.len, st->dd.store != NULL ?
		    item_time(st, r) : 0, &of, &sim);
	}
	if (v == DD_DUP) {
		if (st->mark) {
			make_dup(st, of, sim);
			rec_write(&st->cli, r, "dup", st->val.p, st->val.len);
		} else if (st->only_dups)
			rec_write(&st->cli, r, NULL, NULL, 0);
	} else if (!st->only_dups)
		rec_write(&st->cli, r, NULL, NULL, 0);
	cli_check_output(&st->cli);
	maybe_commit(st);
}

/* Write one buffered record of a duplicate document, marked. */
static void
write_marked(struct state *st, const char *s, size_t n)
{
	struct rec	 r;
	size_t		 errpos;
	const char	*msg;

	memset(&r, 0, sizeof(r));
	if (json_scan_object(s, n, &st->obj, &errpos, &msg) == -1)
		cli_fatal(&st->cli, "internal error: %s", msg);
	r.json = s;
	r.len = n;
	r.obj = st->obj;
	rec_write(&st->cli, &r, "dup", st->val.p, st->val.len);
}

/* -k doc: judge the buffered document, then write or drop all of it. */
static void
flush_doc(struct state *st)
{
	enum verdict	 v;
	uint32_t	 of = 0;
	double		 sim = 0;
	size_t		 i, start;
	const char	*nl;
	int		 dup;

	if (!st->indoc)
		return;
	v = judge(st, st->doc.p, st->doc.len, st->doctime, &of, &sim);
	dup = v == DD_DUP;
	if (dup && st->mark)
		make_dup(st, of, sim);
	if (dup && st->mark)
		for (start = 0; start < st->lines.len; start = i + 1) {
			nl = memchr(st->lines.p + start, '\n',
			    st->lines.len - start);
			i = (size_t)(nl - st->lines.p);
			write_marked(st, st->lines.p + start, i - start);
		}
	else if (dup ? st->only_dups : !st->only_dups) {
		/* unmarked, the records go out as they came in */
		if (fwrite(st->lines.p, 1, st->lines.len, st->cli.out) !=
		    st->lines.len)
			cli_write_failed(&st->cli);
	}
	cli_check_output(&st->cli);
	buf_reset(&st->lines);
	st->indoc = 0;
	maybe_commit(st);
}

static void
do_doc_record(struct state *st, const struct rec *r)
{
	const char	*text;
	size_t		 textlen;
	int		 got;

	buf_reset(&st->id);
	got = rec_get_string(r, "doc", &st->id);
	if (got == -1) {
		rec_reject(&st->rr, r, "\"doc\" is not a string");
		return;
	}
	if (get_text(st, r, "text", &text, &textlen) == -1) {
		rec_reject(&st->rr, r, "\"text\" is not a string");
		return;
	}
	/* a record without a doc is a document of its own */
	if (got == 0 || !st->indoc || st->id.len != st->doc.len ||
	    memcmp(st->id.p, st->doc.p, st->id.len) != 0) {
		flush_doc(st);
		buf_reset(&st->doc);
		if (got == 0) {
			buf_addcstr(&st->doc, r->file);
			buf_addc(&st->doc, ':');
			buf_addu(&st->doc, r->lineno);
		} else
			buf_add(&st->doc, st->id.p, st->id.len);
		st->indoc = 1;
		dd_begin(&st->dd);
		if (st->dd.store != NULL) {
			st->doctime = item_time(st, r);
			(void)get_text(st, r, "text", &text, &textlen);
		}
	}
	if (textlen > 0)
		dd_text(&st->dd, text, textlen);
	buf_add(&st->lines, r->json, r->len);
	buf_addc(&st->lines, '\n');
}

static void
run(struct state *st)
{
	struct rec	 r;

	while (rec_next(&st->rr, &r)) {
		if (st->field != NULL)
			do_record(st, &r);
		else
			do_doc_record(st, &r);
	}
	flush_doc(st);
}

static void
set_threshold(struct state *st, const char *arg)
{
	char	*end;

	st->threshold = strtod(arg, &end);
	if (end == arg || *end != '\0' || !(st->threshold > 0) ||
	    st->threshold > 1) {
		fprintf(stderr, "dedupe: -t: threshold must be a number in "
		    "(0, 1]: %s\n", arg);
		cli_usage(&st->cli, CLI_FATAL);
	}
}

static long long
number(struct state *st, const char *opt, const char *arg, long long max)
{
	const char	*errstr;
	long long	 n;

	n = strtonum(arg, 1, max, &errstr);
	if (errstr != NULL) {
		fprintf(stderr, "dedupe: %s: %s: %s\n", opt, errstr, arg);
		cli_usage(&st->cli, CLI_FATAL);
	}
	return n;
}

static void
open_state(struct state *st)
{
	char	 err[300];

	st->dd.store = store_open(st->statepath, st->expire, st->now, err,
	    sizeof(err));
	if (st->dd.store == NULL)
		cli_fatal(&st->cli, "%s: %s", st->statepath, err);
	if (dd_load(&st->dd) == -1)
		cli_fatal(&st->cli, "%s: %s", st->statepath,
		    store_error(st->dd.store));
}

int
main(int argc, char *argv[])
{
	static struct state	 st;
	int			 c, status;

	cli_init(&st.cli, "dedupe", synopsis, optionhelp);
	st.field = "text";
	st.batch = 10000;
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS "Dk:ms:t:",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'D':
			st.only_dups = 1;
			break;
		case 'k':
			st.field = strcmp(optarg, "doc") == 0 ? NULL : optarg;
			break;
		case 'm':
			st.mark = 1;
			break;
		case 's':
			st.statepath = optarg;
			break;
		case 't':
			set_threshold(&st, optarg);
			break;
		case OPT_EXPIRE:
			st.expire = number(&st, "--expire", optarg,
			    1000000) * 86400;
			break;
		case OPT_BATCH:
			st.batch = number(&st, "--batch", optarg, 1000000000);
			break;
		default:
			if (!cli_option(&st.cli, c, optarg))
				cli_usage(&st.cli, CLI_FATAL);
			break;
		}
	}
	argc -= optind;
	argv += optind;
	if (st.expire > 0 && st.statepath == NULL) {
		fprintf(stderr, "dedupe: --expire needs -s\n");
		cli_usage(&st.cli, CLI_FATAL);
	}

	st.now = (long long)time(NULL);
	if (dd_init(&st.dd, st.threshold, st.mark) == -1)
		cli_fatal(&st.cli, "temporary file: %s", strerror(errno));
	cli_start(&st.cli);
	if (st.statepath != NULL)
		open_state(&st);
	rec_reader_init(&st.rr, &st.cli, argv, argc);
	run(&st);
	if (st.dd.store != NULL && st.cli.outpath == NULL) {
		if (fflush(st.cli.out) == EOF)
			cli_write_failed(&st.cli);
		commit(&st);
	}
	status = cli_finish(&st.cli);
	/* with -o the state is written once the output is in place */
	if (st.dd.store != NULL && st.cli.outpath != NULL)
		commit(&st);

	rec_reader_free(&st.rr);
	dd_free(&st.dd);
	buf_free(&st.doc);
	buf_free(&st.lines);
	buf_free(&st.text);
	buf_free(&st.id);
	buf_free(&st.val);
	json_fields_free(&st.obj);
	return status;
}
