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
#include "json.h"
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

enum { F_TEXT, F_DOC, F_DCT, F_ACTORS, F_N };

/*
 * The members text, doc, dct and actors of a record in one pass over its
 * keys (json_find per key would pass over the others each time). A key
 * the scanner saw an escape in is left to json_find; only one longer than
 * "text" can hold one that decodes to ours (\u0074), as the other escapes
 * give no letters.
 */
static void
find_fields(const struct rec *r, const struct json_member *m[F_N])
{
	static const char *const keys[F_N] = { "text", "doc", "dct",
	    "actors" };
	const char		*k;
	size_t			 i, len;
	long			 x;
	int			 f, left = F_N;

	for (f = 0; f < F_N; f++)
		m[f] = NULL;
	for (i = 0; i < r->obj.n && left > 0; i++) {
		k = r->json + r->obj.m[i].kstart + 1;
		len = r->obj.m[i].kend - r->obj.m[i].kstart - 2;
		if (r->obj.m[i].kesc && len > 4) {
			for (f = 0; f < F_N; f++)
				if ((x = json_find(r->json, &r->obj,
				    keys[f])) >= 0)
					m[f] = &r->obj.m[x];
			return;
		}
		if (len == 4 && memcmp(k, "text", 4) == 0)
			f = F_TEXT;
		else if (len == 3 && k[0] == 'd' && k[1] == 'o' && k[2] == 'c')
			f = F_DOC;
		else if (len == 3 && k[0] == 'd' && k[1] == 'c' && k[2] == 't')
			f = F_DCT;
		else if (len == 6 && memcmp(k, "actors", 6) == 0)
			f = F_ACTORS;
		else
			continue;
		if (m[f] == NULL) {
			m[f] = &r->obj.m[i];
			left--;
		}
	}
}

/* As rec_get_string: 1 with the decoded value in out (reset first), 0
   when absent or null, -1 when another type. */
static int
field_string(const struct rec *r, const struct json_member *m,
    struct buf *out)
{
	buf_reset(out);
	if (m == NULL || m->type == JSON_NULL)
		return 0;
	if (m->type != JSON_STRING)
		return -1;
	json_decode_string(r->json + m->vstart, m->vend - m->vstart, out);
	return 1;
}

static void
put(struct cli *c, const char *s, size_t n)
{
	if (n > 0 && fwrite_unlocked(s, 1, n, c->out) != n)
		cli_write_failed(c);
}

/*
 * As rec_write(c, r, "actors", val, vlen), the member found already: in
 * its place, or added at the end.
 */
static void
write_record(struct cli *c, const struct rec *r, const struct json_member *m,
    const char *val, size_t vlen)
{
	const struct json_fields *o = &r->obj;

	errno = 0;
	if (m != NULL) {
		put(c, r->json, m->vstart);
		put(c, val, vlen);
		put(c, r->json + m->vend, r->len - m->vend);
	} else {
		put(c, r->json, o->close);
		if (o->n > 0)
			put(c, ",", 1);
		put(c, "\"actors\":", 9);
		put(c, val, vlen);
		put(c, r->json + o->close, r->len - o->close);
	}
	if (putc_unlocked('\n', c->out) == EOF)
		cli_write_failed(c);
}

/* Days of a record's dct ("2022-04-05" or with a time), or DAY_NONE. */
static long
record_day(const struct rec *r, const struct json_member *m,
    struct buf *tmp)
{
	static char	 last[10];	/* NULs: no date has them */
	static long	 lastday = DAY_NONE;
	const char	*v;
	size_t		 n;
	long		 day;

	if (m == NULL || m->type != JSON_STRING)
		return DAY_NONE;
	v = r->json + m->vstart + 1;
	n = m->vend - m->vstart - 2;
	if (memchr(v, '\\', n) != NULL) {	/* escaped: decode it */
		field_string(r, m, tmp);
		v = tmp->p;
		n = tmp->len;
	}
	if (n < 10)
		return DAY_NONE;
	/* a document's records share their dct: parse a new one only */
	if (memcmp(v, last, 10) != 0) {
		memcpy(last, v, 10);
		day = day_parse(v, 10);
		lastday = day == LONG_MIN ? DAY_NONE : day;
	}
	return lastday;
}

/*
 * Is the record's doc the document before? The raw JSON compared first;
 * only a different spelling is decoded. A doc that is absent, null or
 * not a string counts as "".
 */
static int
same_doc(const struct rec *r, const struct json_member *m, struct buf *doc,
    struct buf *raw, struct buf *tmp)
{
	const char	*v = "";
	size_t		 n = 0;

	if (m != NULL && m->type == JSON_STRING) {
		v = r->json + m->vstart;
		n = m->vend - m->vstart;
	}
	if (doc->p != NULL && raw->p != NULL && n == raw->len &&
	    memcmp(v, raw->p, n) == 0)
		return 1;
	buf_reset(raw);
	buf_add(raw, v, n);
	buf_reset(tmp);
	if (n > 0)
		json_decode_string(v, n, tmp);
	if (doc->p != NULL && tmp->len == doc->len &&
	    memcmp(tmp->p != NULL ? tmp->p : "", doc->p, doc->len) == 0)
		return 1;
	buf_reset(doc);
	buf_add(doc, tmp->p != NULL ? tmp->p : "", tmp->len);
	return 0;
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
	struct buf		 doc = { 0 }, rawdoc = { 0 };
	const struct json_member *fm[F_N];
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
		find_fields(&r, fm);
		if ((got = field_string(&r, fm[F_TEXT], &text)) == -1) {
			rec_reject(&rr, &r, "\"text\" is not a string");
			continue;
		}
		if (!same_doc(&r, fm[F_DOC], &doc, &rawdoc, &tmp))
			tagger_reset(tg);
		day = fixed != DAY_NONE ? fixed : record_day(&r, fm[F_DCT],
		    &tmp);
		buf_reset(&val);
		tagger_run(tg, got == 1 && text.p != NULL ? text.p : "",
		    got == 1 ? text.len : 0, day, &val);
		write_record(&cli, &r, fm[F_ACTORS], val.p, val.len);
		cli_check_output(&cli);
	}
	rec_reader_free(&rr);
	tagger_free(tg);
	buf_free(&text);
	buf_free(&val);
	buf_free(&tmp);
	buf_free(&doc);
	buf_free(&rawdoc);
	c = cli_finish(&cli);
	dict_free(&dict);
	return c;
}
