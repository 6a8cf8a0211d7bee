/*
 * Unit tests for the input and output halves of a tool: size parsing,
 * line reading with limits, record reading, rejection and splicing.
 */
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "lines.h"
#include "rec.h"
#include "unit.h"

static char	 dir[] = "/tmp/parley-unit.XXXXXX";

static const char *
write_file(const char *name, const char *data, size_t n)
{
	static char	 path[256];
	FILE		*fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL || fwrite(data, 1, n, fp) != n ||
	    fclose(fp) != 0) {
		perror(path);
		exit(2);
	}
	return path;
}

/* Read a whole small file into a static buffer. */
static const char *
slurp(FILE *fp)
{
	static char	 text[8192];
	size_t		 n;

	fflush(fp);
	rewind(fp);
	n = fread(text, 1, sizeof(text) - 1, fp);
	text[n] = '\0';
	return text;
}

static void
new_cli(struct cli *c, FILE *out)
{
	cli_init(c, "unit", "", "");
	c->out = out;
}

void
test_cli(void)
{
	size_t	 v;

	CHECK(cli_parse_size("64M", &v) == 0 && v == (size_t)64 << 20);
	CHECK(cli_parse_size("1k", &v) == 0 && v == 1024);
	CHECK(cli_parse_size("100", &v) == 0 && v == 100);
	CHECK(cli_parse_size("0", &v) == -1);
	CHECK(cli_parse_size("-5", &v) == -1);
	CHECK(cli_parse_size("12X", &v) == -1);
	CHECK(cli_parse_size("", &v) == -1);
}

void
test_lines(void)
{
	struct cli	 c;
	struct lines	 l;
	char		*files[3];
	FILE		*err = tmpfile();
	int		 saved = dup(2);

	if (mkdtemp(dir) == NULL) {
		perror(dir);
		exit(2);
	}
	files[0] = strdup(write_file("a", "one\ntwo\r\nthree", 14));
	files[1] = strdup(write_file("missing", "", 0));
	unlink(files[1]);
	files[2] = strdup(write_file("b", "0123456789abcdef\nok\n", 20));
	new_cli(&c, stdout);
	c.max_line = 8;
	dup2(fileno(err), 2);
	lines_init(&l, &c, files, 3);
	CHECK(lines_next(&l) && l.len == 3 && l.lineno == 1 && l.off == 0);
	CHECK(lines_next(&l) && l.len == 4 && l.line[3] == '\r' && l.off == 4);
	CHECK(lines_next(&l) && l.len == 5 && memcmp(l.line, "three", 5) == 0);
	CHECK(lines_next(&l) && l.len == 2 && l.lineno == 2 && l.off == 17);
	CHECK(!lines_next(&l));
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	CHECK(strstr(slurp(err), "missing: No such file or directory") !=
	    NULL);
	CHECK(strstr(slurp(err), "b:1: line longer than 8 bytes") != NULL);
	CHECK(c.status == CLI_DATA);
	lines_free(&l);
	fclose(err);
	free(files[0]);
	free(files[1]);
	free(files[2]);
}

static void
write_with(struct cli *c, const char *json, const char *key,
    const char *val)
{
	struct rec	 r;
	size_t		 pos;
	const char	*msg;

	memset(&r, 0, sizeof(r));
	r.json = json;
	r.len = strlen(json);
	if (json_scan_object(r.json, r.len, &r.obj, &pos, &msg) == -1) {
		printf("FAIL - bad test record %s\n", json);
		exit(2);
	}
	rec_write(c, &r, key, val, val != NULL ? strlen(val) : 0);
	json_fields_free(&r.obj);
}

static void
test_splice(void)
{
	struct cli	 c;
	FILE		*out = tmpfile();

	new_cli(&c, out);
	write_with(&c, "{\"id\":\"a\",\"dates\":[1],\"z\":0}", "dates", "[]");
	write_with(&c, "{\"id\":\"a\",\"z\":0}", "dates", "[2]");
	write_with(&c, "{}", "dates", "[3]");
	write_with(&c, "{\"id\":\"a\",\"dup\":{},\"z\":0}", "dup", NULL);
	write_with(&c, "{\"dup\":1,\"z\":0}", "dup", NULL);
	write_with(&c, "{\"z\":0,\"dup\":1}", "dup", NULL);
	write_with(&c, "{\"dup\":1}", "dup", NULL);
	write_with(&c, "{ \"a\" : 1 }", NULL, NULL);
	CHECK_STR(slurp(out),
	    "{\"id\":\"a\",\"dates\":[],\"z\":0}\n"
	    "{\"id\":\"a\",\"z\":0,\"dates\":[2]}\n"
	    "{\"dates\":[3]}\n"
	    "{\"id\":\"a\",\"z\":0}\n"
	    "{\"z\":0}\n"
	    "{\"z\":0}\n"
	    "{}\n"
	    "{ \"a\" : 1 }\n");
	fclose(out);
}

void
test_rec(void)
{
	struct cli		 c;
	struct rec_reader	 rr;
	struct rec		 r;
	struct buf		 b = { 0 };
	char			*files[1];
	FILE			*err = tmpfile(), *rej = tmpfile();
	int			 saved = dup(2);
	static const char	 recs[] =
	    "{\"id\":\"x\",\"text\":\"T\\u00e9\"}\r\n"
	    "\n"
	    "Talks resumed \xff on Friday\n"
	    "{\"id\":1\n"
	    "{\"text\":42}\n";

	files[0] = strdup(write_file("r.jsonl", recs, sizeof(recs) - 1));
	new_cli(&c, stdout);
	c.reject = rej;
	dup2(fileno(err), 2);
	rec_reader_init(&rr, &c, files, 1);
	CHECK(rec_next(&rr, &r) && !r.raw && r.lineno == 1);
	CHECK(rec_get_string(&r, "text", &b) == 1);
	CHECK_STR(b.p, "T\xc3\xa9");
	CHECK(rec_get_string(&r, "nope", &b) == 0);
	CHECK(rec_next(&rr, &r) && r.raw && r.lineno == 3);
	CHECK(strncmp(r.json, "{\"id\":\"-:3\",\"doc\":\"-\",\"unit\":\"para\","
	    "\"seq\":3,\"text\":\"Talks resumed \xef\xbf\xbd on", 68) == 0);
	CHECK(rec_next(&rr, &r) && r.lineno == 5);
	buf_reset(&b);
	CHECK(rec_get_string(&r, "text", &b) == -1);
	CHECK(!rec_next(&rr, &r));
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	CHECK(strstr(slurp(err), "r.jsonl:3:15: invalid UTF-8 replaced by "
	    "U+FFFD") != NULL);
	CHECK(strstr(slurp(err), "r.jsonl:4:8: unexpected end of record") !=
	    NULL);
	CHECK_STR(slurp(rej), "{\"id\":1\n");
	CHECK(c.status == CLI_DATA);
	rec_reader_free(&rr);
	buf_free(&b);
	fclose(err);
	fclose(rej);
	free(files[0]);
	test_splice();
	unlink(write_file("a", "", 0));
	unlink(write_file("b", "", 0));
	unlink(write_file("r.jsonl", "", 0));
	rmdir(dir);
}
