/*
 * dateextract: adds to each record the temporal expressions of its text,
 * normalized to TIMEX3. Options and the record loop live here.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "dateextract.h"
#include "date.h"
#include "rec.h"

static const char synopsis[] = "[-P] [-d date] [-o file] [file ...]";

static const char optionhelp[] =
    "  -d DATE             reference date (ISO 8601), overriding each "
    "record's dct\n";

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

struct state {
	struct cli		 cli;
	struct rec_reader	 rr;
	struct dx		 dx;
	struct date_time	 fixed;
	int			 use_fixed;
	struct buf		 text, doc, lastdoc, dct, val;
	int			 havedoc;
};

/* The reference date of a record: -d, else its dct, else none. */
static const struct date_time *
reference(struct state *st, const struct rec *r, struct date_time *dt)
{
	int	 got;

	if (st->use_fixed)
		return &st->fixed;
	buf_reset(&st->dct);
	got = rec_get_string(r, "dct", &st->dct);
	if (got == 0)
		return NULL;
	if (got < 0 || date_parse_iso(st->dct.p, dt) == -1) {
		cli_warn_at(&st->cli, r->file, r->lineno, 0,
		    "\"dct\" is not an ISO 8601 date; dates left unresolved");
		return NULL;
	}
	return dt;
}

/* DESIGN §2 rule 2: narrative state ends with its document. */
static void
check_doc(struct state *st, const struct rec *r)
{
	buf_reset(&st->doc);
	if (rec_get_string(r, "doc", &st->doc) != 1)
		buf_reset(&st->doc);
	if (!st->havedoc || st->doc.len != st->lastdoc.len ||
	    memcmp(st->doc.p, st->lastdoc.p, st->doc.len) != 0) {
		dx_reset(&st->dx);
		buf_reset(&st->lastdoc);
		buf_add(&st->lastdoc, st->doc.p ? st->doc.p : "", st->doc.len);
		st->havedoc = 1;
	}
}

static void
run(struct state *st)
{
	struct rec		 r;
	struct date_time	 dt;
	const struct date_time	*ref;
	int			 got;

	while (rec_next(&st->rr, &r)) {
		buf_reset(&st->text);
		if ((got = rec_get_string(&r, "text", &st->text)) < 0) {
			rec_reject(&st->rr, &r, "\"text\" is not a string");
			continue;
		}
		check_doc(st, &r);
		if (got == 0) {
			rec_write(&st->cli, &r, NULL, NULL, 0);
		} else {
			ref = reference(st, &r, &dt);
			buf_reset(&st->val);
			dx_annotate(&st->dx, st->text.p, st->text.len, ref,
			    &st->val);
			rec_write(&st->cli, &r, "dates", st->val.p,
			    st->val.len);
		}
		cli_check_output(&st->cli);
	}
}

int
main(int argc, char *argv[])
{
	static struct state	 st;
	int			 c, status;

	cli_init(&st.cli, "dateextract", synopsis, optionhelp);
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS "d:", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'd':
			cli_date_option(&st.cli, optarg, &st.fixed);
			st.use_fixed = 1;
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
	dx_init(&st.dx);
	rec_reader_init(&st.rr, &st.cli, argv, argc);
	run(&st);
	status = cli_finish(&st.cli);

	rec_reader_free(&st.rr);
	dx_free(&st.dx);
	buf_free(&st.text);
	buf_free(&st.doc);
	buf_free(&st.lastdoc);
	buf_free(&st.dct);
	buf_free(&st.val);
	return status;
}
