/*
 * Writing a classified document as records: one per paragraph, sentence
 * or document, with ids that do not change when boilerplate is kept.
 */
#include <string.h>

#include "docsplit.h"
#include "emit.h"
#include "json.h"

/*
 * The parts of a record's head that are the same for the whole document,
 * built once per document: `{"id":"<doc>:` and the doc, src and unit keys.
 */
static void
prepare(struct emitter *e, const struct docmeta *m, const char *unit)
{
	buf_reset(&e->id);
	BUF_ADDLIT(&e->id, "{\"id\":");
	json_put_string(&e->id, m->id, strlen(m->id));
	e->id.p[e->id.len - 1] = ':';	/* ":" and digits need no escape */
	buf_reset(&e->rest);
	BUF_ADDLIT(&e->rest, "\",\"doc\":");
	json_put_string(&e->rest, m->id, strlen(m->id));
	BUF_ADDLIT(&e->rest, ",\"src\":");
	json_put_string(&e->rest, m->src, strlen(m->src));
	BUF_ADDLIT(&e->rest, ",\"unit\":\"");
	buf_addcstr(&e->rest, unit);
	BUF_ADDLIT(&e->rest, "\",\"seq\":");
}

static void
head(struct emitter *e, size_t seq)
{
	struct buf	*b = &e->line;

	buf_add(b, e->id.p, e->id.len);
	buf_addu(b, seq);
	buf_add(b, e->rest.p, e->rest.len);
	buf_addu(b, seq);
}

static void
tail(struct emitter *e, const struct docmeta *m, off_t off, const char *kind,
    const char *text, size_t len)
{
	struct buf	*b = &e->line;

	BUF_ADDLIT(b, ",\"off\":");
	buf_addu(b, (unsigned long long)off);
	if (kind != NULL) {
		BUF_ADDLIT(b, ",\"kind\":\"");
		buf_addcstr(b, kind);
		buf_addc(b, '"');
	}
	if (m->dct[0] != '\0') {
		BUF_ADDLIT(b, ",\"dct\":\"");
		buf_addcstr(b, m->dct);
		buf_addc(b, '"');
	}
	BUF_ADDLIT(b, ",\"text\":");
	json_put_string(b, text, len);
	BUF_ADDLIT(b, "}\n");
}

static int
kept(const struct emitter *e, const struct para *p)
{
	return e->keep_all || p->kind != KIND_BOILERPLATE;
}

static void
emit_paras(struct emitter *e, const struct doc *d, const struct docmeta *m)
{
	size_t			 i;
	const struct para	*p;

	for (i = 0; i < d->npara; i++) {
		p = &d->paras[i];
		if (!kept(e, p))
			continue;
		head(e, i);
		BUF_ADDLIT(&e->line, ",\"para\":");
		buf_addu(&e->line, i);
		tail(e, m, doc_offset(d, p, 0), kind_name(p->kind),
		    para_text(d, p), p->len);
	}
}

/* Sentence numbers count dropped paragraphs too, so ids stay put. */
static void
emit_sentences(struct emitter *e, const struct doc *d,
    const struct docmeta *m)
{
	size_t			 i, k, seq = 0;
	const struct para	*p;
	const char		*t;

	for (i = 0; i < d->npara; i++) {
		p = &d->paras[i];
		t = para_text(d, p);
		sentence_split(t, p->len, &e->spans);
		for (k = 0; k < e->spans.n; k++, seq++) {
			if (!kept(e, p))
				continue;
			head(e, seq);
			BUF_ADDLIT(&e->line, ",\"para\":");
			buf_addu(&e->line, i);
			tail(e, m, doc_offset(d, p, e->spans.v[k].start),
			    kind_name(p->kind), t + e->spans.v[k].start,
			    e->spans.v[k].end - e->spans.v[k].start);
		}
	}
}

static void
emit_doc(struct emitter *e, const struct doc *d, const struct docmeta *m)
{
	size_t	 i;
	off_t	 off = -1;

	buf_reset(&e->text);
	for (i = 0; i < d->npara; i++) {
		if (!kept(e, &d->paras[i]))
			continue;
		if (off < 0)
			off = doc_offset(d, &d->paras[i], 0);
		else
			buf_add(&e->text, "\n\n", 2);
		buf_add(&e->text, para_text(d, &d->paras[i]),
		    d->paras[i].len);
	}
	if (off < 0)
		return;
	head(e, 0);
	tail(e, m, off, NULL, e->text.p, e->text.len);
}

void
emit(struct emitter *e, const struct doc *d, const struct docmeta *m)
{
	static const char *const units[] = { "para", "sent", "doc" };

	buf_reset(&e->line);
	prepare(e, m, units[e->unit]);
	switch (e->unit) {
	case UNIT_PARA:
		emit_paras(e, d, m);
		break;
	case UNIT_SENT:
		emit_sentences(e, d, m);
		break;
	case UNIT_DOC:
		emit_doc(e, d, m);
		break;
	}
	/* One write per document: stdio need not copy the records again. */
	if (e->line.len > 0 &&
	    fwrite(e->line.p, 1, e->line.len, e->cli->out) != e->line.len)
		cli_write_failed(e->cli);
	buf_reset(&e->line);
	cli_check_output(e->cli);
}
