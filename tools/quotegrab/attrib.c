/*
 * Attribution: which quoted spans are speech, and whose; indirect speech
 * from cue verbs and "according to", with the reported clause's extent.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <bsd/stdlib.h>
#include <err.h>

#include "quotegrab.h"

#define NP_MAX		16	/* tokens in a subject */
#define HEAD_GAP	7	/* tokens between a cue and the mark it opens */
#define TAIL_GAP	20	/* tokens after a close mark to find the cue */
#define SCARE_WORDS	4	/* quotes this short without a cue are not speech */

/*
 * What became of a quoted span (struct qspan's done): a direct quote, one
 * taken into a reported clause, a fragment after a cue that the cue's
 * clause may take, or a quote attributed only from context, which a
 * clause around it may take too.
 */
enum { QS_FREE, QS_DIRECT, QS_TAKEN, QS_FRAG, QS_WEAK };

struct ctx {
	struct grab	*g;
	const char	*text;
	size_t		 len;
	struct tok	*t;
	int		 n;
	unsigned char	*used;		/* cue tokens already attributed */
	const int32_t	*se;		/* sentence ends (TF_SENT tokens) */
	int		 nse;
	long		 para_who;	/* speaker of this paragraph's last quote */
	uint32_t	 para_ss, para_se;
	enum qhow	 para_how;
	int		 para_cue;
	int		 present;	/* the cue whose clause is read: says, say */
};

static int
is_p(const struct tok *t, char c)
{
	return t->type == T_PUNCT && t->ch == c;
}

static int
is_word(const struct tok *t)
{
	return t->type == T_WORD;
}

static int
lower_word(const struct tok *t)
{
	return t->type == T_WORD && !(t->flags & (TF_CAP | TF_DIGIT));
}

/* Both take string literals: their lengths are known at compile time. */
#define word_is(c, i, w)	word_isn((c), (i), (w), sizeof(w) - 1)
#define ends_with(c, i, suf)	ends_withn((c), (i), (suf), sizeof(suf) - 1)

/*
 * The n bytes at s are w (lowercase letters) in any case: setting bit
 * 0x20 folds exactly the capitals A-Z onto a-z, as strncasecmp does in
 * the C locale; inlined, the loop unrolls for a literal's length.
 */
static inline int
same_lower(const char *s, const char *w, size_t n)
{
	size_t	 k;

	for (k = 0; k < n; k++)
		if ((s[k] | 0x20) != w[k])
			return 0;
	return 1;
}

static inline int
word_isn(const struct ctx *c, int i, const char *w, size_t n)
{
	const struct tok *t;

	if (i < 0 || i >= c->n)
		return 0;
	t = &c->t[i];
	return t->e - t->s == n && is_word(t) &&
	    same_lower(c->text + t->s, w, n);
}

static inline int
ends_withn(const struct ctx *c, int i, const char *suf, size_t n)
{
	size_t	 len = c->t[i].e - c->t[i].s;

	return len > n + 1 && memcmp(c->text + c->t[i].e - n, suf, n) == 0;
}

/* Index into the sentence ends of the first one at or after token i. */
static inline int
next_end(const struct ctx *c, int i)
{
	int	 lo = 0, hi = c->nse, mid;

	/* most paragraphs have a few sentences: a walk beats halving */
	if (hi <= 8) {
		while (lo < hi && c->se[lo] < i)
			lo++;
		return lo;
	}
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c->se[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
sent_start(const struct ctx *c, int i)
{
	int	 x;

	if (i <= 0)
		return i;
	/* the ends before those at or after i: the last is just before */
	x = next_end(c, i);
	return x > 0 ? c->se[x - 1] + 1 : 0;
}

/* Index of the token that ends i's sentence (exclusive bound). */
static int
sent_end(const struct ctx *c, int i)
{
	int	 x;

	if (i >= c->n)
		return i;
	x = next_end(c, i);
	return x < c->nse ? c->se[x] : c->n;
}

/* Both of the above for a token 0 <= i < n, from one search. */
static void
sent_bounds(const struct ctx *c, int i, int *lo, int *hi)
{
	int	 x = next_end(c, i);

	*lo = x > 0 ? c->se[x - 1] + 1 : 0;
	*hi = x < c->nse ? c->se[x] : c->n;
}

static int	skip_adjuncts(const struct ctx *, int, int);

static struct quote *
new_quote(struct ctx *c)
{
	struct grab	*g = c->g;
	struct quote	*q;

	if (g->nqv == g->capqv) {
		g->capqv = g->capqv ? g->capqv * 2 : 16;
		if ((g->qv = reallocarray(g->qv, g->capqv, sizeof(*g->qv))) ==
		    NULL)
			err(2, "out of memory");
	}
	q = &g->qv[g->nqv++];
	memset(q, 0, sizeof(*q));
	q->who = -1;
	q->cue = -1;
	return q;
}

static int	negated_be(const struct ctx *, int);

/* Words that may stand between a subject and its cue: has, also, -ly. */
static int
aux_like(const struct ctx *c, int i)
{
	const struct tok *t = &c->t[i];

	if (!lower_word(t))
		return 0;
	/* is, was: auxiliaries too; "not" and "isn't" end in t */
	return (t->cls & W_AUX) || ends_with(c, i, "ly") ||
	    (c->text[t->e - 1] == 't' && (word_is(c, i, "not") ||
	    negated_be(c, i))) || word_is(c, i, "been") || word_is(c, i, "be");
}

/* A token that can be part of a subject noun phrase. */
static inline int
np_token(const struct ctx *c, int i)
{
	const struct tok *t = &c->t[i];

	if (t->type == T_WORD) {
		if (t->inq)
			return 0;
		/* capitalized words and numbers always may */
		if (t->flags & (TF_CAP | TF_DIGIT))
			return 1;
		return t->cue < 0 && !(t->cls & (W_STOPNP | W_REL | W_THAT)) &&
		    (t->cls & (W_CONJ | W_PREP)) != W_CONJ;
	}
	if (t->type == T_PUNCT)
		return t->ch == '.' ? (i > 0 && (c->t[i - 1].flags & TF_ABBR))
		    : t->ch == '-' || t->ch == '&' || t->ch == '(' ||
		    t->ch == ')';
	return 0;
}

/*
 * The subject of the cue at i, looking no further back than lo: skip
 * auxiliaries and adverbs, then an appositive set off by commas, then the
 * noun phrase back to the clause start. Token range in *a, *b.
 */
static int
subject_before(const struct ctx *c, int i, int lo, int *a, int *b)
{
	int	 j = i - 1, k, end;

	while (j >= lo && aux_like(c, j))
		j--;
	if (j < lo)
		return 0;
	if (is_p(&c->t[j], ',')) {
		/* Name, appositive, said */
		for (k = j - 1; k >= lo && j - k < 30; k--) {
			if (is_p(&c->t[k], ',') || c->t[k].type == T_MARK ||
			    (c->t[k].flags & TF_SENT))
				break;
			if (lower_word(&c->t[k]) && (c->t[k].cls & W_REL) &&
			    k < j - 1)
				continue;
		}
		if (k < lo || !is_p(&c->t[k], ','))
			return 0;
		end = k;
	} else
		end = j + 1;
	for (k = end - 1; k >= lo && end - k <= NP_MAX && np_token(c, k); k--)
		;
	if (end - k > NP_MAX)
		return 0;
	k++;
	/* "shortly after Trump said": a clause opens after the subordinator */
	for (j = end - 1; j > k; j--)
		if (lower_word(&c->t[j - 1]) && (c->t[j - 1].cls &
		    (W_CONJ | W_PREP)) == (W_CONJ | W_PREP)) {
			k = j;
			break;
		}
	/* leading sentence adverbs and conjunctions are not the subject */
	while (k < end && is_word(&c->t[k]) && (c->t[k].cls & W_CONJ) &&
	    !(c->t[k].cls & (W_DET | W_PRON | W_PRONX)))
		k++;
	if (k >= end || !is_word(&c->t[k]))
		return 0;
	/* one lowercase word that is no pronoun or plural: a verb, likely */
	if (end - k == 1 && lower_word(&c->t[k]) &&
	    !(c->t[k].cls & (W_PRON | W_PRONX)) && !ends_with(c, k, "s"))
		return 0;
	*a = k;
	*b = end;
	return 1;
}

/*
 * The speaker after an inverted cue: said the Rev. Peter Wherry, ...:
 * a run of capitalized words, or a determiner and a few nouns.
 */
static int
subject_after(const struct ctx *c, int i, int hi, int *a, int *b)
{
	int	 k = i + 1, start;

	if (k >= hi || !is_word(&c->t[k]))
		return 0;
	start = k;
	if (c->t[k].flags & TF_CAP && !(c->t[k].cls & W_DET)) {
		while (k < hi && ((c->t[k].flags & TF_CAP) ||
		    (is_p(&c->t[k], '.') && (c->t[k - 1].flags & TF_ABBR))))
			k++;
	} else if ((c->t[k].cls & (W_DET | W_PRON)) &&
	    !(c->t[k].cls & W_THAT)) {
		for (k++; k < hi && k - start < 6; k++) {
			if (!np_token(c, k) || is_p(&c->t[k], '(') ||
			    (lower_word(&c->t[k]) &&
			    (c->t[k].cls & (W_PREP | W_TIME))))
				break;
		}
	} else
		return 0;
	if (k == start)
		return 0;
	*a = start;
	*b = k;
	return 1;
}

/*
 * After a postposed speaker only adjuncts or an appositive may follow:
 * where they end (the sentence end or a comma), or -1.
 */
static int
speaker_rest(const struct ctx *c, int k, int hi)
{
	int	 j;

	if (k >= hi || is_p(&c->t[k], ',') || is_p(&c->t[k], '('))
		return k;
	if (!lower_word(&c->t[k]) || !(c->t[k].cls & (W_PREP | W_TIME)))
		return -1;
	for (j = k; j < hi && !is_p(&c->t[j], ','); j++)
		if (c->t[j].cue >= 0 || c->t[j].type == T_MARK ||
		    word_is(c, j, "that"))
			return -1;
	return j - k <= 10 ? j : -1;
}

/*
 * The subject of the sentence starting at s and holding i: its first
 * noun phrase.
 */
static int
subject_from(const struct ctx *c, int s, int i, int lim, int *a, int *b)
{
	int	 k;

	while (s < lim && ((is_word(&c->t[s]) && (c->t[s].cls & W_CONJ)) ||
	    is_p(&c->t[s], ',') || c->t[s].type == T_MARK))
		s++;
	for (k = s; k < lim && lim <= i; k++)
		if (c->t[k].cue >= 0 && lower_word(&c->t[k]) && k > 0 &&
		    !is_p(&c->t[k - 1], ','))
			return subject_before(c, k, s, a, b);
	if (s >= lim || !is_word(&c->t[s]))
		return 0;
	if (c->t[s].cls & W_PRON) {
		*a = s;
		*b = s + 1;
		return 1;
	}
	for (k = s; k < lim && (c->t[k].flags & TF_CAP ||
	    (is_p(&c->t[k], '.') && (c->t[k - 1].flags & TF_ABBR)) ||
	    (k == s && (c->t[k].cls & W_DET))); k++)
		;
	if (k == s || (k == s + 1 && (c->t[s].cls & W_DET)))
		return 0;
	*a = s;
	*b = k;
	return 1;
}

static void
set_speaker(struct ctx *c, struct quote *q, int a, int b)
{
	q->ss = c->t[a].s;
	q->se = c->t[b - 1].e;
	q->who = speaker_resolve(c->g, c->text, a, b, &q->how);
}

static uint32_t
trim_start(const struct ctx *c, uint32_t s, uint32_t e)
{
	while (s < e && c->text[s] == ' ')
		s++;
	return s;
}

static uint32_t
trim_end(const struct ctx *c, uint32_t s, uint32_t e)
{
	while (e > s && (c->text[e - 1] == ' ' || c->text[e - 1] == ','))
		e--;
	return e;
}

/* A cue used as a participle after a comma: ..., saying that ... */
static int
participle(const struct ctx *c, int i)
{
	const struct tok *p;

	if (i < 1 || !ends_with(c, i, "ing"))
		return 0;
	p = &c->t[i - 1];
	if (p->type == T_MARK && (p->flags & TF_CLOSE) && i >= 2)
		p = &c->t[i - 2];
	/* "by telling them that", "while saying": the subject's too */
	if (lower_word(p) && (word_is(c, i - 1, "by") ||
	    word_is(c, i - 1, "while") || word_is(c, i - 1, "after") ||
	    word_is(c, i - 1, "before") || word_is(c, i - 1, "when")))
		return 1;
	return is_p(p, ',');
}

/* A form of "be" (not "being"): before -ing it makes a progressive. */
/* isn't, wasn't, aren't, weren't, the apostrophe straight or curly. */
static int
negated_be(const struct ctx *c, int i)
{
	const struct tok *t;
	size_t		 n, stem;

	if (i < 0 || i >= c->n || !is_word(&c->t[i]))
		return 0;
	t = &c->t[i];
	n = t->e - t->s;
	if (n >= 5 && memcmp(c->text + t->e - 3, "n't", 3) == 0)
		stem = n - 3;
	else if (n >= 7 && memcmp(c->text + t->e - 5, "n\xe2\x80\x99t", 5) == 0)
		stem = n - 5;
	else
		return 0;
	return (stem == 2 && same_lower(c->text + t->s, "is", 2)) ||
	    (stem == 3 && (same_lower(c->text + t->s, "was", 3) ||
	    same_lower(c->text + t->s, "are", 3))) || (stem == 4 &&
	    same_lower(c->text + t->s, "were", 4));
}

static int
be_word(const struct ctx *c, int i)
{
	return word_is(c, i, "is") || word_is(c, i, "are") ||
	    word_is(c, i, "was") || word_is(c, i, "were") ||
	    word_is(c, i, "be") || word_is(c, i, "been") || negated_be(c, i);
}

/* "is telling", "was also calling": a finite verb, not a participle. */
static int
progressive(const struct ctx *c, int i)
{
	int	 j = i - 1;

	if (!ends_with(c, i, "ing"))
		return 0;
	while (j > 0 && lower_word(&c->t[j]) && ends_with(c, j, "ly"))
		j--;
	if (j > 0 && (word_is(c, j, "also") || word_is(c, j, "now") ||
	    word_is(c, j, "still") || word_is(c, j, "not")))
		j--;
	return be_word(c, j);
}

/* Speaker for the cue at i, local to its sentence, which starts at lo. */
static int
cue_subject(const struct ctx *c, int i, int lo, int *a, int *b)
{
	int	 j = i - 1;

	if (participle(c, i) || (ends_with(c, i, "ing") &&
	    !progressive(c, i)))
		return subject_from(c, lo, i, i, a, b);
	if (subject_before(c, i, lo, a, b))
		return 1;
	/* X did this and said that: the sentence's subject */
	while (j > 0 && aux_like(c, j))
		j--;
	/* listeners who said ...: the noun the relative pronoun stands for */
	if (j > 0 && (word_is(c, j, "who") || word_is(c, j, "which"))) {
		if (!subject_before(c, is_p(&c->t[j - 1], ',') ? j - 1 : j,
		    lo, a, b))
			return 0;
		/* "spoke with villagers who": the noun after the preposition */
		for (j = *b - 1; j > *a; j--)
			if (lower_word(&c->t[j - 1]) &&
			    (c->t[j - 1].cls & W_PREP)) {
				*a = j;
				break;
			}
		return 1;
	}
	if (j > 0 && word_is(c, j, "and"))
		return subject_from(c, lo, i, j, a, b);
	return 0;
}

/* "..., X said." after a close mark: the cue and subject, or 0. */
static int
tail_attribution(struct ctx *c, struct qspan *qs, struct quote *q)
{
	int	 i = qs->close + 1, j, k, hi, a, b;

	if (i < c->n && is_p(&c->t[i], ','))
		i++;
	if (i + 1 < c->n && is_p(&c->t[i], '-') &&
	    (c->t[i + 1].flags & TF_CAP)) {
		/* "..." -- Jorge Falcon */
		for (k = i + 1; k < c->n && ((c->t[k].flags & TF_CAP) ||
		    is_p(&c->t[k], '.')) && c->t[k].type != T_MARK; k++)
			;
		if (k == c->n || is_p(&c->t[k], ',') || c->t[k].type ==
		    T_MARK) {
			set_speaker(c, q, i + 1, k);
			return 1;
		}
	}
	if (i >= c->n || !is_word(&c->t[i]))
		return 0;
	hi = sent_end(c, i);
	if (word_is(c, i, "according") && word_is(c, i + 1, "to") &&
	    subject_after(c, i + 1, hi + 1 > c->n ? c->n : hi + 1, &a, &b)) {
		q->cue = -2;
		c->used[i] = 1;
		set_speaker(c, q, a, b);
		return 1;
	}
	if (c->t[i].cue >= 0) {
		if (ends_with(c, i, "ing") ||
		    !subject_after(c, i, c->n, &a, &b))
			return 0;
		q->cue = c->t[i].cue;
		c->used[i] = 1;
		set_speaker(c, q, a, b);
		return 1;
	}
	for (k = i + 1; k < c->n && k - i < TAIL_GAP; k++) {
		if (c->t[k].type == T_MARK || c->t[k].inq)
			return 0;
		if (c->t[k].cue >= 0 && lower_word(&c->t[k]))
			break;
		if (c->t[k].flags & TF_SENT)
			return 0;
	}
	if (k >= c->n || k - i >= TAIL_GAP || c->t[k].cue < 0)
		return 0;
	if (!subject_before(c, k, i, &a, &b) || a != i)
		return 0;
	if (lower_word(&c->t[a]) && !(c->t[a].cls & (W_DET | W_PRON |
	    W_PRONX))) {
		for (j = a; j < b && !(c->t[j].flags & TF_CAP); j++)
			;
		if (j == b)
			return 0;
	}
	/* after "...." a new sentence may start with its own speech */
	if (qs->e > qs->s && c->text[qs->e - 1] == '.' &&
	    skip_adjuncts(c, k + 1, c->n) < sent_end(c, k))
		return 0;
	q->cue = c->t[k].cue;
	c->used[k] = 1;
	set_speaker(c, q, a, b);
	return 1;
}

/* X said: "..." and X said, "..." before an open mark. */
static int
head_attribution(struct ctx *c, struct qspan *qs, struct quote *q,
    int *that, int *cue)
{
	int	 o = qs->open, j = o - 1, k, lo, a, b, split;

	*that = 0;
	*cue = -1;
	if (j < 0)
		return 0;
	if (is_p(&c->t[j], ':') || is_p(&c->t[j], ','))
		j--;
	else if (word_is(c, j, "that")) {
		*that = 1;
		j--;
	} else if (!(c->t[j].cue >= 0 && lower_word(&c->t[j])) &&
	    !word_is(c, j, "as"))
		return 0;
	lo = sent_start(c, o);
	for (k = j; k >= lo && j - k < HEAD_GAP; k--) {
		if (c->t[k].type == T_MARK || c->t[k].inq)
			return 0;
		if (c->t[k].cue >= 0 && lower_word(&c->t[k]))
			break;
		if (word_is(c, k, "according"))
			return 0;
	}
	if (k < lo || j - k >= HEAD_GAP)
		return 0;
	/* no sentence ends between lo and o: k's sentence starts at lo */
	if (!cue_subject(c, k, lo, &a, &b)) {
		/* "...," he said. "..." with the cue inverted */
		if (!subject_after(c, k, j + 1, &a, &b))
			return 0;
	}
	q->cue = c->t[k].cue;
	split = c->used[k];
	c->used[k] = 1;
	*cue = k;
	set_speaker(c, q, a, b);
	return split ? 2 : 1;
}

/* The quote starts a sentence: paragraph start, after an end or a mark. */
static int
sentence_quote(const struct ctx *c, const struct qspan *qs)
{
	int	 o = qs->open;
	const struct tok *p;

	if (o <= 0)
		return 1;
	p = &c->t[o - 1];
	return (p->flags & TF_SENT) || p->type == T_MARK || is_p(p, ':') ||
	    is_p(p, '-') || is_p(p, '(');
}

/* "The Steve Harvey Morning Show": every word capitalized, no clause. */
static int
title_quote(const struct ctx *c, const struct qspan *qs)
{
	int	 i, to = qs->close < 0 ? c->n : qs->close, words = 0;

	if (qs->open < 0)
		return 0;
	for (i = qs->open + 1; i < to; i++) {
		if (is_word(&c->t[i])) {
			words++;
			if (!(c->t[i].flags & (TF_CAP | TF_DIGIT)) &&
			    (c->t[i].e - c->t[i].s > 3 ||
			    !(c->t[i].cls & (W_DET | W_PREP | W_CONJ))))
				return 0;
		} else if (c->t[i].flags & TF_SENT)
			return 0;
	}
	return words >= 2 && words <= 10;
}

static void
direct_quotes(struct ctx *c)
{
	struct grab	*g = c->g;
	struct scan	*sc = &g->sc;
	struct qspan	*qs;
	struct quote	*q;
	size_t		 i;
	int		 that, head, cue, weak;

	for (i = 0; i < sc->nq; i++) {
		qs = &sc->q[i];
		q = new_quote(c);
		q->s = trim_start(c, qs->s, qs->e);
		q->e = qs->e;
		while (q->e > q->s && c->text[q->e - 1] == ' ')
			q->e--;
		q->kind = Q_DIRECT;
		if (title_quote(c, qs)) {
			q->kind = Q_OTHER;
			continue;
		}
		weak = QS_DIRECT;
		if (qs->close >= 0 && tail_attribution(c, qs, q))
			;
		else if (qs->open >= 0 &&
		    (head = head_attribution(c, qs, q, &that, &cue)) != 0) {
			/* "...," he said, "...": a split quote stays direct */
			if (that || (head == 1 && (!sentence_quote(c, qs) ||
			    qs->words < SCARE_WORDS) &&
			    !(c->t[qs->open + 1].flags & TF_CAP))) {
				/* the cue's whole clause is the quote */
				q->kind = Q_PARTIAL;
				weak = QS_FRAG;
				c->used[cue] = head == 2;
			}
		} else if (qs->open < 0 && g->run_who >= 0) {
			q->who = g->run_who;
			q->cue = g->run_cue;
			q->how = HOW_CONTEXT;
		} else if (qs->words >= SCARE_WORDS && sentence_quote(c, qs)) {
			weak = QS_WEAK;
			if (c->para_who >= 0 || c->para_ss != c->para_se) {
				q->who = c->para_who;
				q->how = c->para_how;
				q->cue = c->para_cue;
				q->ss = c->para_ss;
				q->se = c->para_se;
			} else if (g->mem.last_speaker >= 0) {
				q->who = g->mem.last_speaker;
				q->how = HOW_CONTEXT;
			}
		} else {
			q->kind = Q_OTHER;
			continue;
		}
		qs->done = weak;
		if (q->who >= 0 || q->ss != q->se) {
			c->para_who = q->who;
			c->para_how = q->how;
			c->para_cue = q->cue;
			c->para_ss = q->ss;
			c->para_se = q->se;
		}
		if (qs->close < 0) {
			g->open_run = 1;
			g->run_who = q->who;
			g->run_cue = q->cue;
		}
	}
}

/* Time words and "in a statement" between a cue and its content. */
static int
skip_adjuncts(const struct ctx *c, int k, int hi)
{
	int	 j;

	for (;;) {
		if (k < hi && lower_word(&c->t[k]) && (((c->t[k].cls & W_TIME) &&
		    !(c->t[k].cls & W_DET)) || ends_with(c, k, "ly")))
			k++;
		else if (k < hi && (c->t[k].flags & TF_CAP) &&
		    (c->t[k].cls & W_TIME))
			k++;
		else if (k + 1 < hi && lower_word(&c->t[k]) &&
		    (c->t[k].cls & W_TIME) && (c->t[k + 1].cls & W_TIME))
			k += 2;
		else if (k < hi && lower_word(&c->t[k]) &&
		    (c->t[k].cls & W_PREP) && !word_is(c, k, "to") &&
		    !word_is(c, k, "of")) {
			/* a short prepositional phrase, when "that" follows */
			for (j = k + 1; j < hi && j - k < 9; j++)
				if (word_is(c, j, "that") || is_p(&c->t[j], ','))
					break;
			if (j < hi && j - k < 9)
				k = j + is_p(&c->t[j], ',');
			else
				return k;
		} else if (k < hi && is_p(&c->t[k], ','))
			k++;
		else
			return k;
	}
}

/* A token that can open a reported clause. */
static int
clause_start(const struct ctx *c, int k, unsigned fl)
{
	const struct tok *t = &c->t[k];

	if ((fl & CUE_SAY) && t->type == T_WORD &&
	    (!(t->cls & (W_PREP | W_STOPNP | W_REL | W_CONJ)) ||
	    word_is(c, k, "there")))
		return 1;
	if (t->type == T_MARK)
		return (t->flags & TF_OPEN) != 0;
	if (!is_word(t))
		return 0;
	if (t->flags & (TF_CAP | TF_DIGIT))
		return 1;
	return (t->cls & (W_DET | W_PRON | W_PRONX)) &&
	    !(t->cls & W_PREP);
}

/* The cue at i is its bare lemma: "state", "report", "call". */
static int
is_lemma(const struct ctx *c, int i)
{
	const char	*l = lex_lemma(c->g->lex, c->t[i].cue);
	size_t		 n = c->t[i].e - c->t[i].s;

	return strlen(l) == n && strncasecmp(l, c->text + c->t[i].s, n) == 0;
}

/* A lowercase verb form: a cue, or a past tense ending in -ed. */
static int
verb_like(const struct ctx *c, int i)
{
	if (i >= c->n || !lower_word(&c->t[i]) || (c->t[i].cls & (W_DET |
	    W_PREP | W_PRON | W_PRONX)))
		return 0;
	return c->t[i].cue >= 0 || ends_with(c, i, "ed");
}

/*
 * The reporting subject goes on with a verb of its own: "and warned",
 * ", and has called for": the reported clause ends before the "and".
 */
static int
coordinate_verb(const struct ctx *c, int i)
{
	int	 j;

	if (!word_is(c, i, "and") && !word_is(c, i, "but"))
		return 0;
	for (j = i + 1; j < c->n && j - i < 4 && lower_word(&c->t[j]) &&
	    (c->t[j].cls & W_AUX) && !verb_like(c, j); j++)
		;
	if (!verb_like(c, j))
		return 0;
	/* "Police say he posed a threat and refused": a past verb goes on
	 * with the reported clause after a cue in the present */
	if (c->present && ends_with(c, j, "ed"))
		return 0;
	/* "and state law": a bare cue lemma after "and" is a noun */
	if (j == i + 1 && c->t[j].cue >= 0 && is_lemma(c, j))
		return 0;
	return 1;
}

/*
 * After a comma, a contrast or a concession starts a clause of the
 * writer's, not more of the reported one: ", but", ", although".
 */
static int
comma_stop(const struct ctx *c, int i)
{
	static const char *const stop[] = {
		"but", "yet", "although", "though", "even", "as"
	};
	size_t	 j;

	if (i >= c->n || !lower_word(&c->t[i]))
		return 0;
	for (j = 0; j < sizeof(stop) / sizeof(stop[0]); j++)
		if (word_isn(c, i, stop[j], strlen(stop[j])))
			break;
	if (j == sizeof(stop) / sizeof(stop[0]))
		return 0;
	/* ", as well as" goes on with the same clause */
	if (j == 5 && word_is(c, i + 1, "well"))
		return 0;
	if (j >= 2)
		return 1;
	/* ", but he said ...": a contrast that brings its own report */
	for (j = i + 1; j < (size_t)c->n && !(c->t[j].flags & TF_SENT); j++)
		if (c->t[j].cue >= 0 && lower_word(&c->t[j]))
			return 1;
	return 0;
}

/* A subject starts at i: a pronoun, a name, or a determiner's noun. */
static int
new_subject(const struct ctx *c, int i)
{
	const struct tok *t = &c->t[i];

	if (!is_word(t))
		return 0;
	if (t->cls & (W_PRON | W_PRONX))
		return 1;
	return (t->cls & W_DET) || (t->flags & TF_CAP);
}

/*
 * Capitalized words from i, then a finite verb: "Clinton restricted",
 * "The Pentagon has".
 */
static int
subject_verb(const struct ctx *c, int i)
{
	int	 j;

	for (j = i; j < c->n && j - i < 4 && (c->t[j].flags & TF_CAP); j++)
		;
	if (j == i || j >= c->n || !lower_word(&c->t[j]))
		return 0;
	return ends_with(c, j, "ed") || word_is(c, j, "has") ||
	    word_is(c, j, "have") || word_is(c, j, "had") ||
	    word_is(c, j, "is") || word_is(c, j, "was") ||
	    word_is(c, j, "will") || word_is(c, j, "would");
}

/*
 * Where a reported clause starting at k ends: the sentence end, a
 * semicolon, a coordinated verb of the reporting subject ("and
 * warned"), a comma before but, yet, although, though, even, as, while,
 * whereas, according to or another participle cue.
 */
static int
clause_end(const struct ctx *c, int k)
{
	const struct tok *t;
	int	 i, j;

	for (i = k; i < c->n; i++) {
		t = &c->t[i];
		if (t->type == T_WORD) {
			/* and, but: three letters, so most words are passed
			 * over at once */
			if (t->e - t->s == 3 && i > k + 1 &&
			    coordinate_verb(c, i))
				return i - (is_p(&c->t[i - 1], ',') ? 1 : 0);
			if (t->flags & TF_SENT)
				return i;
			/* the other stops are at marks and punctuation */
			continue;
		}
		if (t->flags & TF_SENT)
			return i + ((t->type == T_MARK) ? 1 : 0);
		if (c->t[i].type == T_MARK && (c->t[i].flags & TF_OPEN) &&
		    c->t[i].q >= 0) {
			const struct qspan *qs = &c->g->sc.q[c->t[i].q];

			if (qs->done == QS_DIRECT) {
				/* a direct quote of its own: end before it */
				for (j = i; j > k && !is_p(&c->t[j - 1], ',');
				    j--)
					;
				return j > k ? j - 1 : i;
			}
			if (qs->close < 0)
				return c->n;
			if (c->t[qs->close].flags & TF_SENT)
				return qs->close + 1;
			i = qs->close;
			/* "...," adding that: the comma sits inside the marks */
			if (i + 1 < c->n && c->t[i + 1].cue >= 0 &&
			    participle(c, i + 1))
				return i + 1;
			/* "...," but he said: so may a comma before "but" */
			if (qs->e > qs->s && c->text[qs->e - 1] == ',' &&
			    i > k + 1 && comma_stop(c, i + 1))
				return i + 1;
			continue;
		}
		if (is_p(&c->t[i], ',') && i > k + 1 && comma_stop(c, i + 1))
			return i;
		if (is_p(&c->t[i], ',') && i + 1 < c->n &&
		    (word_is(c, i + 1, "while") || word_is(c, i + 1, "whereas")
		    || word_is(c, i + 1, "according") || (c->t[i + 1].cue >= 0
		    && participle(c, i + 1))))
			return i;
		if (is_p(&c->t[i], '(') || is_p(&c->t[i], ':'))
			return i;
		/* ", and the downgrade is ...": a clause of the writer's */
		if ((is_p(&c->t[i], ',') || is_p(&c->t[i], '-')) && i > k + 1 &&
		    i + 2 < c->n && word_is(c, i + 1, "and") &&
		    new_subject(c, i + 2))
			return i;
		/* ", Clinton restricted ...": a new subject and its verb */
		if (is_p(&c->t[i], ',') && i > k + 1 && i + 2 < c->n &&
		    (c->t[i + 1].flags & TF_CAP) && !(c->t[i + 1].cls &
		    (W_CONJ | W_PREP | W_TIME)) && subject_verb(c, i + 1))
			return i;
		/* ", engaging in ...": a participle of the writer's */
		if (is_p(&c->t[i], ',') && i > k + 1 && i + 1 < c->n &&
		    lower_word(&c->t[i + 1]) && ends_with(c, i + 1, "ing") &&
		    !word_is(c, i + 1, "including") &&
		    !word_is(c, i + 1, "according"))
			return i;
		/* ", which he said ...": a report of its own */
		if (is_p(&c->t[i], ',') && i + 3 < c->n &&
		    (word_is(c, i + 1, "which") || word_is(c, i + 1, "who")))
			for (j = i + 2; j < i + 5 && j < c->n &&
			    !(c->t[j].flags & TF_SENT); j++)
				if (c->t[j].cue >= 0 && lower_word(&c->t[j]))
					return i;
	}
	return c->n;
}

static void
emit_indirect(struct ctx *c, int cue, int from, int to, int a, int b,
    int partic, int minwords)
{
	struct grab	*g = c->g;
	struct quote	*q;
	uint32_t	 s, e;
	int		 i, words = 0, partial = 0;
	size_t		 j;

	if (from >= to)
		return;
	/* only whether there are minwords words matters: stop there */
	for (i = from; i < to && words < minwords; i++)
		if (is_word(&c->t[i]))
			words++;
	if (words < minwords)
		return;
	s = c->t[from].s;
	e = c->t[to - 1].e;
	/* quotes inside make it partial; a quote that is all of it stays */
	for (j = 0; j < g->sc.nq; j++) {
		struct qspan *qs = &g->sc.q[j];

		if (qs->open < from || qs->open >= to)
			continue;
		if (qs->done == QS_DIRECT && qs->open == from)
			return;
		if (qs->done == QS_DIRECT || qs->done == QS_TAKEN)
			continue;
		partial = 1;
		qs->done = QS_TAKEN;
	}
	if (c->t[from].type == T_MARK)
		s = c->t[from].e;
	/* a closing mark stays when its opening one is in the clause */
	if (c->t[to - 1].type == T_MARK && !(c->t[to - 1].q >= 0 &&
	    g->sc.q[c->t[to - 1].q].open >= from &&
	    g->sc.q[c->t[to - 1].q].close == to - 1))
		e = c->t[to - 1].s;
	s = trim_start(c, s, e);
	e = trim_end(c, s, e);
	q = new_quote(c);
	q->s = s;
	q->e = e;
	q->kind = partial ? Q_PARTIAL : Q_INDIRECT;
	q->cue = cue;
	if (a < b)
		set_speaker(c, q, a, b);
	else if (partic && c->para_who >= 0) {
		q->who = c->para_who;
		q->how = HOW_LOCAL;
	}
	if (q->who >= 0)
		c->para_who = q->who;
}

/* "his tax plan", "Editor's note": a cue word used as a noun. */
static int
noun_cue(const struct ctx *c, int i, int a, int b)
{
	const struct tok *p;
	const char	*e;

	if (b != i || b <= a)
		return 0;
	p = &c->t[b - 1];
	e = c->text + p->e;
	if (p->e - p->s > 2 && (memcmp(e - 2, "'s", 2) == 0 ||
	    (p->e - p->s > 4 && memcmp(e - 4, "\xe2\x80\x99s", 4) == 0)))
		return 1;
	return lower_word(p) && (p->cls & (W_DET | W_PREP)) &&
	    !(p->cls & (W_PRON | W_PRONX));
}

/* This, that, these, those: they may stand for a whole subject. */
static int
demonstrative(const struct ctx *c, int i)
{
	return word_is(c, i, "this") || word_is(c, i, "that") ||
	    word_is(c, i, "these") || word_is(c, i, "those");
}

/* Only auxiliaries and adverbs between b and the cue at i: X is urging. */
static int
adjacent(const struct ctx *c, int b, int i)
{
	for (; b < i; b++)
		if (!aux_like(c, b))
			return 0;
	return 1;
}

/* called for, pointed out, spoke of, talked about: the verb's particle */
static int
particle(const struct ctx *c, int k)
{
	return word_is(c, k, "for") || word_is(c, k, "on") ||
	    word_is(c, k, "out") || word_is(c, k, "up") ||
	    word_is(c, k, "about") || word_is(c, k, "of") ||
	    word_is(c, k, "against");
}

/* Tokens [s, e) are a short phrase of time or place: "In the end". */
static int
adjunct_only(const struct ctx *c, int s, int e)
{
	int	 j;

	if (e - s > 8 || !is_word(&c->t[s]) || !(c->t[s].cls & W_PREP))
		return 0;
	for (j = s + 1; j < e; j++)
		if (c->t[j].type == T_MARK || (lower_word(&c->t[j]) &&
		    (c->t[j].cue >= 0 || (c->t[j].cls & (W_STOPNP | W_AUX)) ||
		    ends_with(c, j, "ed"))))
			return 0;
	return 1;
}

/* Time words and auxiliaries after a postposed cue: said on Monday. */
static int
skip_time(const struct ctx *c, int k, int hi)
{
	while (k < hi && is_word(&c->t[k]) &&
	    (c->t[k].cls & (W_TIME | W_AUX)) &&
	    (lower_word(&c->t[k]) || (c->t[k].cls & W_TIME)))
		k++;
	return k;
}

/* One to three words in capitals, not one letter. */
static int
all_caps(const struct ctx *c, int i)
{
	const struct tok *t = &c->t[i];
	uint32_t	 j;

	if (!is_word(t) || t->e - t->s < 2)
		return 0;
	for (j = t->s; j < t->e; j++)
		if (c->text[j] >= 'a' && c->text[j] <= 'z')
			return 0;
	return 1;
}

/*
 * "WASHINGTON -- ...", "KYIV, Ukraine — ...": a paragraph that opens
 * with a dateline; the token after its dash, or 0.
 */
static int
dateline_end(const struct ctx *c)
{
	int	 i;

	for (i = 0; i < 3 && i < c->n && all_caps(c, i); i++)
		;
	if (i == 0)
		return 0;
	/* ", Ukraine" after the city */
	if (i + 1 < c->n && is_p(&c->t[i], ',') && (c->t[i + 1].flags &
	    TF_CAP))
		i += 2;
	while (i < c->n && is_p(&c->t[i], '-'))
		i++;
	return i > 0 && i < c->n && is_p(&c->t[i - 1], '-') ? i : 0;
}

/*
 * CONTENT, X said. and CONTENT, said X. and the parenthetical
 * START, X said, REST. fl: the cue's CUE_* flags; its sentence is the
 * tokens [lo, hi).
 */
static int
postposed(struct ctx *c, int i, unsigned fl, int lo, int hi)
{
	int	 a, b, j, k, s, end, as = 0, lead = 0;
	int	 inverted = is_p(&c->t[i - 1], ',');

	if ((fl & CUE_WIDE) &&
	    !ends_with(c, i, "ed"))
		return 0;
	if (inverted) {
		/* "..., said the envoy": verbs of saying invert, not "stated" */
		if (!(fl & CUE_BARE) ||
		    !subject_after(c, i, hi, &a, &b))
			return 0;
		/* said Jeffrey N. Trimble, a senior official with ... */
		k = skip_adjuncts(c, b, hi);
		if (!(b < hi && is_p(&c->t[b], ',')) &&
		    speaker_rest(c, k, hi) < 0)
			return 0;
		end = i - 1;
		k = hi;
	} else {
		if (!subject_before(c, i, lo, &a, &b) ||
		    a == 0 || noun_cue(c, i, a, b))
			return 0;
		/* CONTENT, as police have said; As X noted, CONTENT */
		as = word_is(c, a - 1, "as");
		lead = as && a - 1 == lo;
		if (!lead && (a - 1 - as < 0 || !is_p(&c->t[a - 1 - as], ',')))
			return 0;
		for (j = a; j < b && !(c->t[j].flags & TF_CAP) &&
		    !(c->t[j].cls & (W_DET | W_PRON | W_PRONX)); j++)
			;
		/* officials said, top black lawmakers said: a bare plural */
		if (j == b && !(b - a <= 4 && ends_with(c, b - 1, "s")))
			return 0;
		end = a - 1 - as;
		k = skip_time(c, i + 1, hi);
		if (as && k < hi && particle(c, k))
			k = skip_time(c, k + 1, hi);
		/* ..., he told me on Friday, ...: the hearer first */
		if (fl & CUE_OBJ) {
			if (k < hi && lower_word(&c->t[k]) &&
			    (c->t[k].cls & W_OBJ))
				k++;
			else
				while (k < hi && (c->t[k].flags & TF_CAP))
					k++;
			k = skip_time(c, k, hi);
		}
		if ((k = speaker_rest(c, k, hi)) < 0)
			return 0;
		/* "In July, the NAACP called for ...": its object follows */
		if ((fl & CUE_WIDE) &&
		    k < hi && k > i + 1 && word_is(c, i + 1, "for"))
			return 0;
	}
	/* the whole sentence before: "A, but B, X said" reports both */
	s = lo == 0 ? dateline_end(c) : lo;
	while (s < end && (c->t[s].type == T_MARK || (is_word(&c->t[s]) &&
	    (c->t[s].cls & W_CONJ) && (c->t[s].flags & TF_CAP))))
		s++;
	if (c->t[s].type == T_MARK && c->t[s].q >= 0 &&
	    (c->g->sc.q[c->t[s].q].done == QS_DIRECT ||
	    c->g->sc.q[c->t[s].q].close + 1 >= end))
		return 0;
	if (s >= end && !lead)
		return 0;
	/* "In July, X said ...": a fronted adjunct is not what was said */
	if (!lead && adjunct_only(c, s, end))
		return 0;
	c->used[i] = 1;
	if (!lead)
		emit_indirect(c, c->t[i].cue, s, end, a, b, 0, 1);
	if (!inverted && k < hi && is_p(&c->t[k], ',') && k + 1 < hi &&
	    !word_is(c, k + 1, "according") && c->t[k + 1].cue < 0 &&
	    !(c->t[k + 1].cls & (W_CONJ | W_REL | W_PREP)))
		emit_indirect(c, c->t[i].cue, k + 1, clause_end(c, k + 1), a,
		    b, 0, 1);
	return 1;
}

/*
 * A cue inside reported content already taken ("X said he plans to
 * ..."): the nested report is part of it, not a quote of its own.
 */
static int
inside_indirect(const struct ctx *c, int i)
{
	const struct grab *g = c->g;
	size_t		 j;

	for (j = g->sc.nq; j < g->nqv; j++)
		if (g->qv[j].kind != Q_DIRECT && g->qv[j].s <= c->t[i].s &&
		    c->t[i].e <= g->qv[j].e)
			return 1;
	return 0;
}

/* Whether, if, how, why, what, when: a question reported after a cue. */
static int
embedded_question(const struct ctx *c, int k)
{
	return lower_word(&c->t[k]) && (word_is(c, k, "whether") ||
	    word_is(c, k, "if") || word_is(c, k, "how") || word_is(c, k,
	    "why") || word_is(c, k, "what") || word_is(c, k, "when")) &&
	    is_word(&c->t[k + 1]);
}

/*
 * "told the forum he was ...": a determiner and a few nouns, then a
 * pronoun that starts the content; where the content starts, or k.
 */
static int
det_hearer(const struct ctx *c, int k, int hi)
{
	int	 j;

	if (k >= hi || !lower_word(&c->t[k]) || !(c->t[k].cls & W_DET) ||
	    (c->t[k].cls & W_THAT))
		return k;
	for (j = k + 1; j < hi && j - k <= 4 && lower_word(&c->t[j]) &&
	    !(c->t[j].cls & (W_PRON | W_PRONX | W_STOPNP | W_REL | W_PREP |
	    W_CONJ | W_DET)); j++)
		;
	if (j > k + 1 && j < hi && (c->t[j].cls & (W_PRON | W_PRONX)))
		return j;
	return k;
}

static void
indirect_cue(struct ctx *c, int i)
{
	const struct lexicon *lx = c->g->lex;
	unsigned	 fl = lex_cueflags(lx, c->t[i].cue);
	int		 a = 0, b = 0, k, lo, hi, j, partic, prog;

	if (fl & CUE_TAIL)
		return;
	/* "Peace Talks:", "talks resumed": the noun, not the verb */
	if ((fl & CUE_PART) && !particle(c, i + 1))
		return;
	/* "wants to", "vowed to": the infinitive is a stance's content */
	if (i + 1 < c->n && word_is(c, i + 1, "to") && !(fl & CUE_WIDE))
		return;
	if (inside_indirect(c, i))
		return;
	/*
	 * "did not respond to requests for comment": a stance denied says
	 * nothing; "have not said when ..." still reports
	 */
	if (!(fl & (CUE_BARE | CUE_SAY | CUE_OBJ)) && i > 0 &&
	    (word_is(c, i - 1, "not") || ends_with(c, i - 1, "n't") ||
	    ends_with(c, i - 1, "n\xe2\x80\x99t")))
		return;
	prog = progressive(c, i);
	/* say, says (not said, saying): the clause may go on in the past */
	c->present = !prog && !ends_with(c, i, "ed") && (is_lemma(c, i) ||
	    (ends_with(c, i, "s") && !ends_with(c, i, "ss")));
	/* "was told", "being asked": passives */
	if (!prog && i > 0 && (be_word(c, i - 1) || word_is(c, i - 1,
	    "being")))
		return;
	partic = participle(c, i);
	if (!partic && !prog && ends_with(c, i, "ing"))
		return;
	sent_bounds(c, i, &lo, &hi);
	if (!partic && i > 0 && postposed(c, i, fl, lo, hi))
		return;
	if (!cue_subject(c, i, lo, &a, &b)) {
		if (!partic)
			return;
		a = b = 0;
	}
	if (!partic && noun_cue(c, i, a, b))
		return;
	/* "what they call the 'X'": naming in a free relative reports nothing */
	if (b > a && a > 0 && word_is(c, a - 1, "what") &&
	    strcmp(lex_lemma(lx, c->t[i].cue), "call") == 0)
		return;
	/* "called for X that ...": the particle is no adjunct's start */
	if ((fl & CUE_WIDE) && particle(c, i + 1) && !word_is(c, i + 1, "on"))
		k = i + 1;
	else
		k = skip_adjuncts(c, i + 1, hi);
	if (fl & CUE_OBJ) {
		/* tell someone (that) ...: the hearer first */
		for (j = k; j < hi && j - k < 8 && !word_is(c, j, "that") &&
		    !is_p(&c->t[j], ','); j++)
			;
		if (j < hi && word_is(c, j, "that"))
			k = j;
		else if (k < hi && (c->t[k].cls & W_OBJ))
			k++;
		else if (k < hi && (c->t[k].flags & TF_CAP)) {
			while (k < hi && (c->t[k].flags & TF_CAP))
				k++;
		} else if ((j = det_hearer(c, k, hi)) > k)
			k = j;
		else if (!(fl & CUE_WIDE))
			return;
		k = skip_adjuncts(c, k, hi);
	}
	if (k < hi && word_is(c, k, "that"))
		k++;
	else if (k < hi && is_p(&c->t[k], ':'))
		k++;
	else if (k + 1 < hi && (k == i + 1 || (fl & CUE_OBJ)) &&
	    embedded_question(c, k)) {
		/* "not saying if ...", "told them how ...": the question is
		 * what is reported */
		emit_indirect(c, c->t[i].cue, k, clause_end(c, k), a, b,
		    partic, 3);
		return;
	} else if (fl & CUE_WIDE) {
		/* nouns like "questions", "attack": want a clear subject */
		if (!ends_with(c, i, "ed") && !partic && (!adjacent(c, b, i) ||
		    !(c->t[b - 1].flags & TF_CAP || c->t[b - 1].cls &
		    (W_PRON | W_PRONX))))
			return;
		/* "The demand for ...": a determiner alone is no subject */
		if (b > a && is_word(&c->t[b - 1]) &&
		    (c->t[b - 1].cls & W_DET) && (lower_word(&c->t[b - 1]) ||
		    b - a == 1) && !demonstrative(c, b - 1))
			return;
		/* called for, pointed out: the particle is the verb's */
		if (k < hi && particle(c, k))
			k++;
		else if (fl & CUE_PART)
			return;
		if (k >= hi || !is_word(&c->t[k]) || (lower_word(&c->t[k]) &&
		    (c->t[k].cls & (W_STOPNP | W_REL | W_PREP | W_CONJ)) &&
		    !word_is(c, k, "to")))
			return;
		emit_indirect(c, c->t[i].cue, k, clause_end(c, k), a, b,
		    partic, 2);
		return;
	}
	else if (!(fl & CUE_BARE) || k >= hi || !clause_start(c, k, fl))
		return;
	if (k >= hi)
		return;
	emit_indirect(c, c->t[i].cue, k, clause_end(c, k), a, b, partic, 3);
}

/* according to X, CONTENT and CONTENT, according to X. */
static void
according(struct ctx *c, int i)
{
	int	 a = i + 2, b, s, e, hi = sent_end(c, i);

	for (b = a; b < hi && b - a < 14 && (np_token(c, b) ||
	    (is_word(&c->t[b]) && !c->t[b].inq)); b++)
		if (is_p(&c->t[b], '('))
			break;
	if (b == a)
		return;
	c->used[i] = 1;
	s = sent_start(c, i);
	while (s < i && (c->t[s].type == T_MARK || (is_word(&c->t[s]) &&
	    (c->t[s].cls & W_CONJ))))
		s++;
	/* CONTENT, according to X, and ...: the content came first */
	if (b < hi && is_p(&c->t[b], ',') && b + 1 < hi && s == i) {
		emit_indirect(c, -2, b + 1, clause_end(c, b + 1), a, b, 0, 2);
		return;
	}
	e = i;
	if (e > s && is_p(&c->t[e - 1], ','))
		e--;
	while (s < e && c->t[s].type == T_MARK)
		s++;
	emit_indirect(c, -2, s, e, a, b, 0, 2);
}

/*
 * A headline in the "Name: what they said" shape: a paragraph that opens
 * with one to four capitalized words and a colon, then a clause of five
 * words or more. Labels such as "Update:" or "Editor's note:" are not
 * speakers.
 */
static void
headline(struct ctx *c)
{
	static const char *const labels[] = {
		"update", "updated", "abstract", "note", "photo", "video",
		"related", "read", "watch", "see", "correction", "source",
		"sources", "credit", "caption", "advertisement", "file", "q",
		"a", "summary", "transcript", "breaking", "exclusive",
		"opinion", "editorial", "analysis", "live", "listen", "more"
	};
	int	 i, k, end;
	size_t	 j;

	for (k = 0; k < c->n && k < 5 && is_word(&c->t[k]) &&
	    (c->t[k].flags & TF_CAP); k++)
		;
	if (k == 0 || k > 4 || k + 1 >= c->n || !is_p(&c->t[k], ':') ||
	    c->t[k + 1].inq || c->t[k].s != c->t[k - 1].e ||
	    !clause_start(c, k + 1, 0))
		return;
	/* "Update:", "Photo:" label the paragraph, they do not speak */
	for (i = 0; i < k; i++)
		for (j = 0; j < sizeof(labels) / sizeof(labels[0]); j++)
			if (word_isn(c, i, labels[j], strlen(labels[j])))
				return;
	end = clause_end(c, k + 1);
	if (end < c->n && !(c->t[end].flags & TF_SENT))
		return;
	c->used[k] = 1;
	emit_indirect(c, -1, k + 1, end, 0, k, 0, 5);
}

static void
indirect(struct ctx *c)
{
	const struct scan *sc = &c->g->sc;
	size_t	 k;
	int	 i;

	headline(c);
	/* the lexicon marked the only words that can start one */
	for (k = 0; k < sc->ncand; k++) {
		i = sc->cand[k];
		if (c->t[i].cue < 0 && !(c->t[i].cls & W_ACCORD))
			continue;
		if (c->used[i] || c->t[i].inq || !is_word(&c->t[i]))
			continue;
		if (word_is(c, i, "according") && word_is(c, i + 1, "to"))
			according(c, i);
		else if (c->t[i].cue >= 0 && lower_word(&c->t[i])) {
			indirect_cue(c, i);
			c->present = 0;
		}
	}
}

/* "Secretary of State Antony Blinken": a titled name to remember. */
static void
titled_run(struct ctx *c, int i)
{
	int	 b;

	for (b = i + 1; b < c->n && ((c->t[b].flags & TF_CAP) ||
	    (is_p(&c->t[b], '.') && b == i + 1)); b++)
		;
	if (b > i + 2)
		speaker_note_name(c->g, c->text, i, b);
}

/* Most candidates are cues, not titles: the test is made inline. */
static inline void
titled_name(struct ctx *c, int i)
{
	if ((c->t[i].cls & W_TITLE) && (c->t[i].flags & TF_CAP))
		titled_run(c, i);
}

/*
 * Note named sentence subjects, so "he" can find them later, and titled
 * names, in text order; titles come from the tokenizer's list.
 */
static void
subjects(struct ctx *c)
{
	const struct scan *sc = &c->g->sc;
	size_t	 k = 0;
	int	 i, x, a, b, end;

	/* sentence by sentence: each starts after the end before it */
	for (i = x = 0; i < c->n; i = end + 1, x++) {
		end = x < c->nse ? c->se[x] : c->n;
		if (k < sc->ncand && sc->cand[k] == i)
			titled_name(c, sc->cand[k++]);
		if (subject_from(c, i, i, end, &a, &b) && b > a &&
		    (c->t[a].flags & TF_CAP) && !(c->t[a].cls & W_PRON))
			speaker_note_subject(c->g, c->text, a, b);
		for (; k < sc->ncand && sc->cand[k] <= end; k++)
			titled_name(c, sc->cand[k]);
	}
}

/*
 * A headline in title case ("Obama Says Museum Will Tell of ..."): its
 * capitalized cues are verbs all the same, so they lose the capital.
 */
static void
title_case(struct ctx *c)
{
	const struct scan *sc = &c->g->sc;
	int	 i, words = 0, caps = 0;
	size_t	 k;

	/* the cues are in the candidate list: without a capitalized one
	 * inside a sentence there is nothing to change, so no need to count */
	for (k = 0; k < sc->ncand; k++) {
		i = sc->cand[k];
		if (i > 0 && c->t[i].cue >= 0 && (c->t[i].flags & TF_CAP) &&
		    !(c->t[i - 1].flags & TF_SENT))
			break;
	}
	if (k == sc->ncand)
		return;
	for (i = 0; i < c->n; i++) {
		if (!is_word(&c->t[i]) || c->t[i].e - c->t[i].s < 4)
			continue;
		words++;
		caps += (c->t[i].flags & TF_CAP) != 0;
		/* more than a quarter of the most a title may have */
		if (words - caps > 6)
			return;
	}
	if (words < 3 || words > 25 || caps * 4 < words * 3)
		return;
	for (i = 1; i < c->n; i++)
		if (c->t[i].cue >= 0 && (c->t[i].flags & TF_CAP) &&
		    !(c->t[i - 1].flags & TF_SENT))
			c->t[i].flags &= ~TF_CAP;
}

static int
before(const struct quote *a, const struct quote *b)
{
	return a->s < b->s || (a->s == b->s && a->e < b->e);
}

/*
 * Quotes by start, then end; a paragraph has a few, mostly in order, so
 * an insertion sort beats qsort. It is stable, as glibc's merge sort
 * was, so quotes with the same bytes keep the order they were found in.
 */
static void
sort_quotes(struct quote *v, size_t n)
{
	struct quote	 x;
	size_t		 i, j;

	for (i = 1; i < n; i++) {
		if (!before(&v[i], &v[i - 1]))
			continue;
		x = v[i];
		for (j = i; j > 0 && before(&x, &v[j - 1]); j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

void
attribute(struct grab *g, const char *text, size_t len)
{
	struct ctx	 c;
	size_t		 i, out;

	memset(&c, 0, sizeof(c));
	c.g = g;
	c.text = text;
	c.len = len;
	c.t = g->sc.t;
	c.n = (int)g->sc.n;
	c.se = g->sc.se;
	c.nse = (int)g->sc.nse;
	c.para_who = -1;
	speaker_para(g);
	buf_reset(&g->tmp);
	buf_reserve(&g->tmp, g->sc.n + 1);
	c.used = (unsigned char *)g->tmp.p;
	memset(c.used, 0, g->sc.n + 1);
	g->nqv = 0;
	g->open_run = 0;
	title_case(&c);
	direct_quotes(&c);
	g->run_who = g->open_run ? g->run_who : -1;
	indirect(&c);
	subjects(&c);
	/* quotes taken into an indirect one, and non-speech unless -a */
	for (i = out = 0; i < g->nqv; i++) {
		if (g->qv[i].kind == Q_OTHER && !g->keep_all)
			continue;
		if (i < g->sc.nq && g->sc.q[i].done == QS_TAKEN &&
		    g->qv[i].kind != Q_OTHER)
			continue;
		if (g->qv[i].e <= g->qv[i].s)
			continue;
		g->qv[out++] = g->qv[i];
	}
	g->nqv = out;
	sort_quotes(g->qv, g->nqv);
	for (i = 0; i < g->nqv; i++)
		if (g->qv[i].who >= 0 && g->qv[i].kind != Q_OTHER)
			g->mem.last_speaker = g->qv[i].who;
}
