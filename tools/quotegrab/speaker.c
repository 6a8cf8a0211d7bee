/*
 * Speakers: from a subject mention to who it is, as fully as the document
 * names them; pronouns and bare last names resolved over the document.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <bsd/stdlib.h>
#include <err.h>

#include "quotegrab.h"

/*
 * Word classes of a one-word mention that names no one: a pronoun, a
 * title, or a function word at a sentence start ("Some believe",
 * "Yesterday", "Both said").
 */
#define LONE_NOT_NAME	(W_PRON | W_PRONX | W_TITLE | W_DET | W_CONJ | \
			    W_PREP | W_TIME | W_REL)

#define MEM_MAX		1024	/* speakers remembered per document */
#define RUN_MAX		16	/* words of a mention looked at */

struct word {
	uint32_t	 s, e;
	uint16_t	 cls;
	uint8_t		 cap;
};

void
mem_reset(struct memory *m)
{
	buf_reset(&m->arena);
	m->n = 0;
	m->gen++;
	m->last_person = m->last_speaker = -1;
	m->speaker_para = 0;
}

void
mem_free(struct memory *m)
{
	buf_free(&m->arena);
	free(m->v);
	free(m->seen);
	memset(m, 0, sizeof(*m));
}

static size_t
keep(struct memory *m, const char *s, size_t n)
{
	size_t	 off = m->arena.len;

	if (n > 0)
		buf_add(&m->arena, s, n);
	return off;
}

static int
same(const struct memory *m, size_t off, size_t len, const char *s, size_t n)
{
	return len == n && memcmp(m->arena.p + off, s, n) == 0;
}

/*
 * A name's bucket, from its length and its first and last eight bytes:
 * names are compared in full, so any spread of them over the buckets
 * gives the same answers, and a document's few dozen names rarely share
 * all three.
 */
static size_t
bucket_of(const char *s, size_t n)
{
	uint64_t	 a = 0, b = 0;
	uint32_t	 x, y;
	size_t		 i;

	if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		a = x;
		b = y;
	} else
		for (i = 0; i < n; i++)
			a = a << 8 | (unsigned char)s[i];
	a = (a ^ (b << 29 | b >> 35) ^ n) * 0x9e3779b97f4a7c15ULL;
	return (size_t)(a >> 40) & (MEM_BUCKETS - 1);
}

static long
head(const struct memory *m, const struct bucket *b)
{
	return b->gen == m->gen ? b->head : -1;
}

long
mem_find_key(const struct memory *m, const char *s, size_t n)
{
	long	 i;

	for (i = head(m, &m->bykey[bucket_of(s, n)]); i >= 0;
	    i = m->v[i].next_key)
		if (m->v[i].person && same(m, m->v[i].key, m->v[i].keylen, s,
		    n))
			return i;
	return -1;
}

long
mem_add(struct memory *m, const char *name, size_t nlen, const char *key,
    size_t klen, const struct actor *a, int person)
{
	struct ent	*e;
	struct bucket	*bn = &m->byname[bucket_of(name, nlen)], *bk;
	long		 i;

	for (i = head(m, bn); i >= 0; i = m->v[i].next_name)
		if (same(m, m->v[i].name, m->v[i].namelen, name, nlen))
			break;
	if (i < 0) {
		if (m->n >= MEM_MAX)
			return -1;
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 32;
			if ((m->v = reallocarray(m->v, m->cap,
			    sizeof(*m->v))) == NULL)
				err(2, "out of memory");
		}
		i = (long)m->n++;
		e = &m->v[i];
		memset(e, 0, sizeof(*e));
		e->name = keep(m, name, nlen);
		e->namelen = nlen;
		/* the key is mostly the name's last word: no second copy */
		if (klen <= nlen && key == name + nlen - klen)
			e->key = e->name + nlen - klen;
		else
			e->key = keep(m, key, klen);
		e->keylen = klen;
		bk = &m->bykey[bucket_of(key, klen)];
		e->next_name = head(m, bn);
		e->next_key = head(m, bk);
		bn->gen = bk->gen = m->gen;
		bn->head = bk->head = i;
	}
	e = &m->v[i];
	e->person |= person;
	if (a != NULL && a->id != NULL && e->idlen == 0) {
		e->idlen = strlen(a->id);
		e->id = keep(m, a->id, e->idlen);
		if (a->code != NULL) {
			e->codelen = strlen(a->code);
			e->code = keep(m, a->code, e->codelen);
		}
	}
	return i;
}

/*
 * Nothing but bytes other than blanks, commas and "(" between a and b;
 * tokens are mostly next to each other or one blank apart.
 */
static inline int
joined(const char *text, uint32_t a, uint32_t b)
{
	if (a == b)
		return 1;
	if (b - a == 1 || text[a] == ' ')
		return text[a] != ' ' && text[a] != ',' && text[a] != '(';
	for (; a < b; a++)
		if (text[a] == ' ' || text[a] == ',' || text[a] == '(')
			return 0;
	return 1;
}

static const struct actor *
actor_at(const struct grab *g, uint32_t s, uint32_t e)
{
	const struct actor	*best = NULL;
	size_t			 i;

	for (i = 0; i < g->nav; i++) {
		const struct actor *a = &g->av[i];

		if (a->s >= e || a->e <= s || a->name == NULL)
			continue;
		if (best == NULL || (a->person && !best->person) ||
		    (a->person == best->person && a->s > best->s))
			best = a;
	}
	return best;
}

struct name {
	uint32_t	 s, e;		/* the name, titles stripped */
	uint32_t	 ks, ke;	/* its last word */
	int		 words;
	int		 person;
};

/* A capital letter, or the lead byte of a Latin-1 or Latin Extended-A one. */
static int
cap_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xc3 && c <= 0xc5);
}

/*
 * Where the word starting at token i ends: the first token from i + 1
 * that is set off by a blank, comma or "(", or starts with "(" or ",".
 */
static size_t
word_end(const char *text, const struct tok *t, size_t i, size_t lim)
{
	size_t		 j;
	unsigned char	 c;

	for (j = i + 1; j < lim && joined(text, t[j - 1].e, t[j].s); j++) {
		c = (unsigned char)text[t[j].s];
		if (c == '(' || c == ',')
			break;
	}
	return j;
}

/* Word w (tokens i..j-1): its end and class, without trailing . and ). */
static void
word_tail(const struct lexicon *lx, const char *text, const struct tok *t,
    size_t i, size_t j, struct word *w)
{
	size_t		 k;
	int		 cue;

	for (k = j; k > i && t[k - 1].e - t[k - 1].s == 1 &&
	    (text[t[k - 1].s] == '.' || text[t[k - 1].s] == ')'); k--)
		;
	if (k == i)
		k = j;
	w->e = t[k - 1].e;
	if (k == i + 1 && t[i].type == T_WORD)
		w->cls = t[i].cls;
	else
		w->cls = (uint16_t)lex_word(lx, text + w->s, w->e - w->s,
		    &cue);
}

/*
 * A mention of one word token, the commonest: the name is the word when
 * it is capitalized and no pronoun or bare title, as name_of_run would
 * find.
 */
static int
one_word_name(const struct tok *t, const char *text, struct name *nm)
{
	unsigned char	 c0 = (unsigned char)text[t->s];

	if (!cap_byte(c0) || (t->cls & LONE_NOT_NAME))
		return 0;
	nm->s = nm->ks = t->s;
	nm->e = nm->ke = t->e;
	nm->words = 1;
	nm->person = !(t->cls & W_ORG);
	return 1;
}

/*
 * The mention's words: blank-separated runs of tokens from..to-1,
 * stopping at "(" or ",", each without its trailing periods and
 * parentheses; they reuse the tokens' word classes. At most RUN_MAX.
 */
static size_t
split_words(const struct grab *g, const char *text, size_t i, size_t lim,
    struct word *w)
{
	const struct tok *t = g->sc.t, *ti;
	size_t		 n, j;
	unsigned char	 c0;

	for (n = 0; i < lim && n < RUN_MAX; n++, i = j) {
		ti = &t[i];
		c0 = (unsigned char)text[ti->s];
		if (c0 == '(' || c0 == ',')
			break;
		w[n].s = ti->s;
		w[n].cap = cap_byte(c0);
		/* most words are one token, the last or one blank before
		 * the next */
		if (ti->type == T_WORD && (i + 1 == lim ||
		    (t[i + 1].s == ti->e + 1 && text[ti->e] == ' '))) {
			j = i + 1;
			w[n].e = ti->e;
			w[n].cls = ti->cls;
			continue;
		}
		j = word_end(text, t, i, lim);
		word_tail(g->lex, text, t, i, j, &w[n]);
	}
	return n;
}

/*
 * The proper name heading a mention: its last run of capitalized words,
 * when nothing lowercase follows it and no preposition precedes it;
 * titles in the run (not its last word) and a leading "The" are no part
 * of it. Out of line: the quick paths of its callers should not pay for
 * setting up its frame.
 */
static __attribute__((noinline)) int
name_of_run(const struct grab *g, const char *text, int from, int to,
    struct name *nm)
{
	struct word	 w[RUN_MAX];
	size_t		 n, k, a, b, run, title = 0, title2 = 0;

	n = split_words(g, text, (size_t)from, (size_t)to, w);
	if (n == 0 || !w[n - 1].cap)
		return 0;
	/* the run and its last two titles, from the end */
	for (run = n; run > 0 && w[run - 1].cap; run--)
		if (w[run - 1].cls & W_TITLE) {
			if (title == 0)
				title = run;
			else if (title2 == 0)
				title2 = run;
		}
	for (k = 0; k < run; k++)
		if (!w[k].cap && (w[k].cls & W_PREP))
			return 0;
	b = n;
	a = run;
	if (title == b)
		title = title2;
	if (title != 0)
		a = title;
	while (a < b && (w[a].cls & W_DET) && b - a > 1)
		a++;
	if (a >= b)
		return 0;
	nm->s = w[a].s;
	nm->e = w[b - 1].e;
	nm->ks = w[b - 1].s;
	nm->ke = w[b - 1].e;
	nm->words = (int)(b - a);
	nm->person = !(w[b - 1].cls & W_ORG) && !(w[a].cls & W_ORG) &&
	    (title != 0 || nm->words >= 2 || !(w[b - 1].cls & W_TITLE));
	if (nm->words == 1 && (w[a].cls & LONE_NOT_NAME))
		return 0;
	return 1;
}

/* He or she in any case; setting bit 0x20 folds just the capitals. */
static int
pronoun(const char *text, uint32_t s, uint32_t e)
{
	const char	*p = text + s;

	if (e - s == 3 && (*p | 0x20) == 's')
		p++;
	else if (e - s != 2)
		return 0;
	return (p[0] | 0x20) == 'h' && (p[1] | 0x20) == 'e';
}

/*
 * A mention of this paragraph and what it names: speakers are often
 * named twice, as a cue's subject and as their sentence's, so the name
 * found and the memory entry it went to are kept for the paragraph, in
 * slots by first token. Mentions of one token are quick to look at
 * again, and go to one (tmp) that is not kept.
 */
struct seen {
	unsigned long	 gen;		/* the paragraph's, or an old one */
	int		 from, to;	/* tokens */
	int		 found;		/* it names someone: nm is set */
	struct name	 nm;
	long		 who;		/* what mem_add gave, -2: not yet */
};

#define SEEN_SLOTS	32

void
speaker_para(struct grab *g)
{
	g->mem.seen_gen++;
}

/* A mention of several tokens: its slot, filled if it was another's. */
static struct seen *
seen_run(struct grab *g, const char *text, int from, int to)
{
	struct memory	*m = &g->mem;
	struct seen	*v;

	if (m->seen == NULL && (m->seen = calloc(SEEN_SLOTS,
	    sizeof(*m->seen))) == NULL)
		err(2, "out of memory");
	v = &m->seen[(unsigned)from % SEEN_SLOTS];
	if (v->gen == m->seen_gen && v->from == from && v->to == to)
		return v;
	v->gen = m->seen_gen;
	v->from = from;
	v->to = to;
	v->found = name_of_run(g, text, from, to, &v->nm);
	v->who = -2;
	return v;
}

static inline struct seen *
mention(struct grab *g, const char *text, int from, int to,
    struct seen *tmp)
{
	const struct tok *t = &g->sc.t[from];

	if (to == from + 1 && t->type == T_WORD) {
		tmp->found = one_word_name(t, text, &tmp->nm);
		tmp->who = -2;
		return tmp;
	}
	return seen_run(g, text, from, to);
}

/*
 * mem_add for the mention's name (or its whole text when it names no
 * one): a name added before is found again at the same entry, and
 * refused again once the memory is full, so only person need be added.
 */
static long
add_seen(struct memory *m, struct seen *v, const char *name, size_t nlen,
    const char *key, size_t klen, int person)
{
	if (v->who == -2)
		v->who = mem_add(m, name, nlen, key, klen, NULL, person);
	else if (v->who >= 0)
		m->v[v->who].person |= person;
	return v->who;
}

/* The mention's name, as mem_add wants it. */
static long
add_name(struct memory *m, const char *text, struct seen *v, int person)
{
	const struct name *nm = &v->nm;

	return add_seen(m, v, text + nm->s, nm->e - nm->s, text + nm->ks,
	    nm->ke - nm->ks, person);
}

long
speaker_resolve(struct grab *g, const char *text, int ta, int tb,
    enum qhow *how)
{
	struct memory		*m = &g->mem;
	const struct actor	*a;
	struct seen		 tmp, *v;
	long			 i;
	const char		*key;
	uint32_t		 s = g->sc.t[ta].s, e = g->sc.t[tb - 1].e;

	*how = HOW_LOCAL;
	if (pronoun(text, s, e)) {
		*how = HOW_PRONOUN;
		return m->last_person;
	}
	if ((a = actor_at(g, s, e)) != NULL) {
		key = strrchr(a->name, ' ');
		key = key != NULL ? key + 1 : a->name;
		i = mem_add(m, a->name, strlen(a->name), key, strlen(key), a,
		    a->person);
		if (a->person && i >= 0)
			m->last_person = i;
		return i;
	}
	v = mention(g, text, ta, tb, &tmp);
	if (v->found) {
		if (v->nm.words == 1 && (i = mem_find_key(m, text + v->nm.s,
		    v->nm.e - v->nm.s)) >= 0) {
			m->last_person = i;
			return i;
		}
		i = add_name(m, text, v, v->nm.person);
		if (v->nm.person && i >= 0)
			m->last_person = i;
		return i;
	}
	/* a description: the source, a person close to the Kremlin */
	return add_seen(m, v, text + s, e - s, "", 0, 0);
}

void
speaker_note_subject(struct grab *g, const char *text, int ta, int tb)
{
	struct memory		*m = &g->mem;
	const struct actor	*a;
	struct seen		 tmp, *v;
	long			 i;
	uint32_t		 s = g->sc.t[ta].s, e = g->sc.t[tb - 1].e;

	if ((a = actor_at(g, s, e)) != NULL) {
		if (a->person) {
			const char *key = strrchr(a->name, ' ');

			key = key != NULL ? key + 1 : a->name;
			i = mem_add(m, a->name, strlen(a->name), key,
			    strlen(key), a, 1);
			if (i >= 0)
				m->last_person = i;
		}
		return;
	}
	v = mention(g, text, ta, tb, &tmp);
	if (!v->found || !v->nm.person)
		return;
	if (v->nm.words == 1) {
		if ((i = mem_find_key(m, text + v->nm.s,
		    v->nm.e - v->nm.s)) >= 0)
			m->last_person = i;
		return;
	}
	if ((i = add_name(m, text, v, 1)) >= 0)
		m->last_person = i;
}

void
speaker_note_name(struct grab *g, const char *text, int ta, int tb)
{
	struct seen	 tmp, *v = mention(g, text, ta, tb, &tmp);

	if (v->found && v->nm.person)
		(void)add_name(&g->mem, text, v, 1);
}
