/*
 * actortag: tag political actors in parley records with CAMEO-style codes.
 * Options, dictionary loading and the record loop live here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actortag.h"
#include "cli.h"
#include "date.h"
#include "rec.h"

static const char synopsis[] =
    "[-lNP] [-d date] [-f file] [-o file] [file ...]";

static const char optionhelp[] =
    "  -d DATE             reference date for dated roles (ISO 8601),\n"
    "                      overriding each record's dct\n"
    "  -f FILE             add dictionary entries (TSV); repeatable\n"
    "  -l                  list the loaded dictionary as TSV and exit\n"
    "  -N                  leave out the embedded dictionary\n";

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static void
load_file(struct cli *cli, struct dict *d, const char *path)
{
	FILE		*fp;
	char		*line = NULL, err[256];
	size_t		 cap = 0;
	ssize_t		 len;
	unsigned long	 lineno = 0;

	if ((fp = fopen(path, "r")) == NULL)
		cli_fatal(cli, "%s: %s", path, strerror(errno));
	dict_begin_source(d);
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (dict_add_line(d, line, (size_t)len, err, sizeof(err)) == -1)
			cli_fatal(cli, "%s:%lu: %s", path, lineno, err);
	}
	if (ferror(fp))
		cli_fatal(cli, "%s: %s", path, strerror(errno));
	free(line);
	fclose(fp);
}

/* Days of a record's dct ("2022-04-05" or with a time), or DAY_NONE. */
static long
record_day(const struct rec *r, struct buf *tmp)
{
	long	 day;

	buf_reset(tmp);
	if (rec_get_string(r, "dct", tmp) != 1 || tmp->len < 10)
		return DAY_NONE;
	day = day_parse(tmp->p, 10);
	return day == LONG_MIN ? DAY_NONE : day;
}

int
main(int argc, char *argv[])
{
	static struct dict	 dict;
	struct cli		 cli;
	struct rec_reader	 rr;
	struct rec		 r;
	struct tagger		*tg;
	struct buf		 text = { 0 }, val = { 0 }, tmp = { 0 };
	struct buf		 doc = { 0 };
	const char		*files[64];
	struct date_time	 dt;
	long			 fixed = DAY_NONE, day;
	int			 c, nfiles = 0, list = 0, noembed = 0, i, got;

	cli_init(&cli, "actortag", synopsis, optionhelp);
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS "d:f:lN", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'd':
			cli_date_option(&cli, optarg, &dt);
			fixed = date_to_days(dt.y, dt.m, dt.d);
			break;
		case 'f':
			if (nfiles == (int)(sizeof(files) / sizeof(files[0]))) {
				fprintf(stderr, "actortag: -f: too many "
				    "files\n");
				cli_usage(&cli, CLI_FATAL);
			}
			files[nfiles++] = optarg;
			break;
		case 'l':
			list = 1;
			break;
		case 'N':
			noembed = 1;
			break;
		default:
			if (!cli_option(&cli, c, optarg))
				cli_usage(&cli, CLI_FATAL);
			break;
		}
	}
	argc -= optind;
	argv += optind;

	dict_init(&dict);
	if (!noembed)
		dict_load_embedded(&dict);
	for (i = 0; i < nfiles; i++)
		load_file(&cli, &dict, files[i]);
	cli_start(&cli);
	if (list) {
		dict_list(&dict, cli.out);
		return cli_finish(&cli);
	}
	dict_build(&dict);
	tg = tagger_new(&dict);

	rec_reader_init(&rr, &cli, argv, argc);
	while (rec_next(&rr, &r)) {
		buf_reset(&text);
		if ((got = rec_get_string(&r, "text", &text)) == -1) {
			rec_reject(&rr, &r, "\"text\" is not a string");
			continue;
		}
		buf_reset(&tmp);
		if (rec_get_string(&r, "doc", &tmp) == -1)
			buf_reset(&tmp);
		if (doc.p == NULL || tmp.len != doc.len ||
		    memcmp(tmp.p != NULL ? tmp.p : "", doc.p, doc.len) != 0) {
			tagger_reset(tg);
			buf_reset(&doc);
			buf_add(&doc, tmp.p != NULL ? tmp.p : "", tmp.len);
		}
		day = fixed != DAY_NONE ? fixed : record_day(&r, &tmp);
		buf_reset(&val);
		tagger_run(tg, got == 1 && text.p != NULL ? text.p : "",
		    got == 1 ? text.len : 0, day, &val);
		rec_write(&cli, &r, "actors", val.p, val.len);
		cli_check_output(&cli);
	}
	rec_reader_free(&rr);
	tagger_free(tg);
	buf_free(&text);
	buf_free(&val);
	buf_free(&tmp);
	buf_free(&doc);
	c = cli_finish(&cli);
	dict_free(&dict);
	return c;
}
