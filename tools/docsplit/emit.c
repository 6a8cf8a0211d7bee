/*
 * Writing a classified document as records: one per paragraph, sentence
 * or document, with ids that do not change when boilerplate is kept.
 */
#include <string.h>

#include "docsplit.h"
#include "emit.h"
#include "json.h"

static void
head(struct emitter *e, const struct docmeta *m, const char *unit,
    size_t seq)
{
	struct buf	*b = &e->line;

	buf_reset(b);
	BUF_ADDLIT(b, "{\"id\":");
	buf_reset(&e->id);
	buf_addcstr(&e->id, m->id);
	buf_addc(&e->id, ':');
	buf_addu(&e->id, seq);
	json_put_string(b, e->id.p, e->id.len);
	BUF_ADDLIT(b, ",\"doc\":");
	json_put_string(b, m->id, strlen(m->id));
	BUF_ADDLIT(b, ",\"src\":");
	json_put_string(b, m->src, strlen(m->src));
	BUF_ADDLIT(b, ",\"unit\":\"");
	buf_addcstr(b, unit);
	BUF_ADDLIT(b, "\",\"seq\":");
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
	if (fwrite(b->p, 1, b->len, e->cli->out) != b->len)
		cli_write_failed(e->cli);
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
		head(e, m, "para", i);
		BUF_ADDLIT(&e->line, ",\"para\":");
		buf_addu(&e->line, i);
		tail(e, m, doc_offset(d, p, 0), kind_name(p->kind),
		    d->ptext.p + p->start, p->len);
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
		t = d->ptext.p + p->start;
		sentence_split(t, p->len, &e->spans);
		for (k = 0; k < e->spans.n; k++, seq++) {
			if (!kept(e, p))
				continue;
			head(e, m, "sent", seq);
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
		buf_add(&e->text, d->ptext.p + d->paras[i].start,
		    d->paras[i].len);
	}
	if (off < 0)
		return;
	head(e, m, "doc", 0);
	tail(e, m, off, NULL, e->text.p, e->text.len);
}

void
emit(struct emitter *e, const struct doc *d, const struct docmeta *m)
{
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
	cli_check_output(e->cli);
}
