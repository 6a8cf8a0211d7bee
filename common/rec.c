/*
 * The record loop's input and output halves. Reading validates each line
 * once; writing copies the line around the one member the tool owns.
 */
#include <errno.h>
#include <string.h>

#include "rec.h"
#include "utf8.h"

void
rec_reader_init(struct rec_reader *r, struct cli *c, char **files, int n)
{
	memset(r, 0, sizeof(*r));
	r->cli = c;
	lines_init(&r->lines, c, files, n);
}

void
rec_reader_free(struct rec_reader *r)
{
	lines_free(&r->lines);
	buf_free(&r->wrap);
	buf_free(&r->repair);
	json_fields_free(&r->obj);
}

static void
report(struct rec_reader *r, const char *line, size_t len, size_t col,
    const char *msg)
{
	struct lines	*l = &r->lines;

	cli_warn_at(r->cli, l->name, l->lineno, col, "%s", msg);
	cli_reject_line(r->cli, line, len);
	if (r->cli->strict)
		cli_fatal(r->cli, "%s:%lu: stopped (--strict)", l->name,
		    l->lineno);
}

void
rec_reject(struct rec_reader *r, const struct rec *rec, const char *msg)
{
	report(r, r->lines.line, r->lines.len, 0, msg);
	(void)rec;
}

/* DESIGN §2 rule 4: a line that is not an object is text to annotate. */
static void
wrap_raw(struct rec_reader *r, const char *s, size_t n)
{
	struct lines	*l = &r->lines;
	size_t		 bad;

	bad = utf8_find_bad(s, n);
	if (bad < n) {
		cli_warn_at(r->cli, l->name, l->lineno, bad + 1,
		    "invalid UTF-8 replaced by U+FFFD");
		buf_reset(&r->repair);
		utf8_repair(s, n, &r->repair);
		s = r->repair.p;
		n = r->repair.len;
	}
	buf_reset(&r->wrap);
	buf_addcstr(&r->wrap, "{\"id\":\"-:");
	buf_addu(&r->wrap, l->lineno);
	buf_addcstr(&r->wrap, "\",\"doc\":\"-\",\"unit\":\"para\",\"seq\":");
	buf_addu(&r->wrap, l->lineno);
	buf_addcstr(&r->wrap, ",\"text\":");
	json_put_string(&r->wrap, s, n);
	buf_addc(&r->wrap, '}');
}

int
rec_next(struct rec_reader *r, struct rec *rec)
{
	struct lines	*l = &r->lines;
	const char	*msg, *s;
	size_t		 n, i, errpos;

	while (lines_next(l)) {
		s = l->line;
		n = l->len;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		for (i = 0; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
			;
		rec->file = l->name;
		rec->lineno = l->lineno;
		cli_progress(r->cli, l->len + 1);
		if (i == n)
			continue;	/* blank lines carry nothing */
		rec->raw = s[i] != '{';
		if (rec->raw) {
			wrap_raw(r, s, n);
			s = r->wrap.p;
			n = r->wrap.len;
		}
		if (json_scan_object(s, n, &r->obj, &errpos, &msg) == -1) {
			report(r, l->line, l->len, errpos + 1, msg);
			continue;
		}
		rec->json = s;
		rec->len = n;
		rec->obj = r->obj;	/* shares the reader's member array */
		return 1;
	}
	return 0;
}

int
rec_get_string(const struct rec *rec, const char *key, struct buf *out)
{
	long			 i = json_find(rec->json, &rec->obj, key);
	const struct json_member *m;

	if (i < 0)
		return 0;
	m = &rec->obj.m[i];
	if (m->type == JSON_NULL)
		return 0;
	if (m->type != JSON_STRING)
		return -1;
	json_decode_string(rec->json + m->vstart, m->vend - m->vstart, out);
	return 1;
}

const char *
rec_get_raw(const struct rec *rec, const char *key, size_t *len)
{
	long	 i = json_find(rec->json, &rec->obj, key);

	if (i < 0)
		return NULL;
	*len = rec->obj.m[i].vend - rec->obj.m[i].vstart;
	return rec->json + rec->obj.m[i].vstart;
}

/* The tools are single-threaded: stdio's per-call locking buys nothing. */
static void
put(struct cli *c, const char *s, size_t n)
{
	if (n > 0 && fwrite_unlocked(s, 1, n, c->out) != n)
		cli_write_failed(c);
}

/*
 * A spliced record is put together first and written in one call: a
 * copy of the line costs less than three more passes through stdio.
 */
static struct buf	 line;

/* Remove member i together with the comma that joins it to a neighbour. */
static void
line_without(const struct rec *rec, size_t i)
{
	const struct json_fields *o = &rec->obj;
	size_t	 from, to;

	if (o->n == 1) {
		from = o->m[0].kstart;
		to = o->m[0].vend;
	} else if (i > 0) {
		from = o->m[i - 1].vend;
		to = o->m[i].vend;
	} else {
		from = o->m[0].kstart;
		to = o->m[1].kstart;
	}
	buf_reset(&line);
	buf_add(&line, rec->json, from);
	buf_add(&line, rec->json + to, rec->len - to);
}

void
rec_write(struct cli *c, const struct rec *rec, const char *key,
    const char *val, size_t vlen)
{
	const struct json_fields *o = &rec->obj;
	long	 i = key != NULL ? json_find(rec->json, o, key) : -1;

	errno = 0;
	if (key == NULL || (i < 0 && val == NULL)) {
		put(c, rec->json, rec->len);
		if (putc_unlocked('\n', c->out) == EOF)
			cli_write_failed(c);
		return;
	}
	if (i >= 0 && val == NULL)
		line_without(rec, (size_t)i);
	else if (i >= 0) {
		buf_reset(&line);
		buf_add(&line, rec->json, o->m[i].vstart);
		buf_add(&line, val, vlen);
		buf_add(&line, rec->json + o->m[i].vend,
		    rec->len - o->m[i].vend);
	} else {
		buf_reset(&line);
		buf_add(&line, rec->json, o->close);
		if (o->n > 0)
			buf_addc(&line, ',');
		buf_addc(&line, '"');
		buf_addcstr(&line, key);
		buf_add(&line, "\":", 2);
		buf_add(&line, val, vlen);
		buf_add(&line, rec->json + o->close, rec->len - o->close);
	}
	buf_addc(&line, '\n');
	put(c, line.p, line.len);
}
