/*
 * Tokens and quote marks of one paragraph: words, punctuation, and the
 * curly, straight, single and guillemet marks paired into quoted spans.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <bsd/stdlib.h>
#include <err.h>

#include "quotegrab.h"
#include "lexicon.h"

/* Kinds of mark before pairing. */
enum { M_DOPEN = 1, M_DCLOSE, M_DSTRAIGHT, M_SOPEN, M_SCLOSE, M_SSTRAIGHT };

/* ASCII letters and digits: the bytes a word mostly runs on. */
static const unsigned char alnum_byte[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Bytes after a run of letters that may carry the word on: - ' UTF-8. */
static const unsigned char word_goes_on[256] = {
	['-'] = 1, ['\''] = 1,
	[0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Flags of a word by its first (ASCII letter or digit) byte. */
static const unsigned char first_flags[256] = {
	['0'] = TF_DIGIT, TF_DIGIT, TF_DIGIT, TF_DIGIT, TF_DIGIT, TF_DIGIT,
	TF_DIGIT, TF_DIGIT, TF_DIGIT, TF_DIGIT,
	['A'] = TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP,
	TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP,
	TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP, TF_CAP,
	TF_CAP, TF_CAP, TF_CAP,
};

static inline int
is_alnum(unsigned char c)
{
	return alnum_byte[c];
}

/*
 * 64 bytes of the text from base as bits, bit j for s[base + j]: which
 * are ASCII letters or digits, and which start a token (not a blank and
 * not inside a run of letters). The tokenizer visits the starts in turn
 * and finds where a word ends by a shift and a count of zeros, so it
 * neither looks at each byte nor branches on it.
 */
struct block {
	size_t		 base;
	uint64_t	 alnum;
	uint64_t	 starts;	/* not yet visited */
	uint64_t	 carry;		/* the last byte before base is alnum */
};

#ifdef __SSE2__
/* Bits of the sixteen bytes at p: letters or digits, and blanks. */
static inline void
classify16(const unsigned char *p, uint64_t *alnum, uint64_t *blank)
{
	/*
	 * Adding moves a-z (folded) and 0-9 to the bottom of the signed
	 * range, where one compare each picks them out; no other byte
	 * lands there.
	 */
	const __m128i	 fold = _mm_set1_epi8(0x20);
	const __m128i	 to_a = _mm_set1_epi8((char)(0x80 - 'a'));
	const __m128i	 to_0 = _mm_set1_epi8((char)(0x80 - '0'));
	const __m128i	 lim_a = _mm_set1_epi8((char)(0x80 + 26));
	const __m128i	 lim_0 = _mm_set1_epi8((char)(0x80 + 10));
	__m128i		 v, a, d;

	v = _mm_loadu_si128((const __m128i *)(const void *)p);
	a = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, fold), to_a), lim_a);
	d = _mm_cmplt_epi8(_mm_add_epi8(v, to_0), lim_0);
	*alnum = (unsigned)_mm_movemask_epi8(_mm_or_si128(a, d));
	*blank = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, fold));
}
#endif

/* The next 64 bytes; past the end of the text they are blanks. */
static void
block_next(struct block *b, const unsigned char *s, size_t n)
{
	unsigned char	 pad[64];
	const unsigned char *p;
	uint64_t	 a = 0, w = 0, x, y;
	size_t		 j;

	b->base += 64;
	p = s + b->base;
	if (n - b->base < 64) {
		memset(pad, ' ', sizeof(pad));
		memcpy(pad, p, n - b->base);
		p = pad;
	}
#ifdef __SSE2__
	for (j = 0; j < 64; j += 16) {
		classify16(p + j, &x, &y);
		a |= x << j;
		w |= y << j;
	}
#else
	for (j = 0; j < 64; j++) {
		x = alnum_byte[p[j]];
		y = p[j] == ' ';
		a |= x << j;
		w |= y << j;
	}
#endif
	b->starts = ~w & ~(a & (a << 1 | b->carry));
	b->alnum = a;
	b->carry = a >> 63;
}

/* The end of a run of letters and digits that starts at i in the block. */
static inline size_t
alnum_end(struct block *b, const unsigned char *s, size_t n, size_t i)
{
	uint64_t	 stop = ~b->alnum >> (i - b->base);

	while (stop == 0) {
		/* the run goes on into the next block, starts none there */
		if (b->base + 64 >= n)
			return n;
		block_next(b, s, n);
		stop = ~b->alnum;
		i = b->base;
	}
	return i + (size_t)__builtin_ctzll(stop);
}

/*
 * Byte length of a punctuation sequence at s that is not part of a word
 * (marks, dashes, ellipsis, no-break space), with its mark kind; 0 when
 * s starts a word character.
 */
static size_t
special(const unsigned char *s, size_t n, int *mark, char *ch)
{
	*mark = 0;
	*ch = 0;
	if (s[0] == 0xe2 && n >= 3 && s[1] == 0x80) {
		switch (s[2]) {
		case 0x9c: case 0x9e: case 0x9f:
			*mark = M_DOPEN;
			return 3;
		case 0x9d:
			*mark = M_DCLOSE;
			return 3;
		case 0x98: case 0x9b: case 0xb9:
			*mark = M_SOPEN;
			return 3;
		case 0x99: case 0xba:
			*mark = M_SCLOSE;
			return 3;
		case 0x93: case 0x94: case 0x95:
			*ch = '-';
			return 3;
		case 0xa6:
			*ch = '.';
			return 3;
		case 0x8b: case 0xaf:
			*ch = ' ';
			return 3;
		default:
			return 0;
		}
	}
	if (s[0] == 0xc2 && n >= 2) {
		if (s[1] == 0xab) {
			*mark = M_DOPEN;
			return 2;
		}
		if (s[1] == 0xbb) {
			*mark = M_DCLOSE;
			return 2;
		}
		if (s[1] == 0xa0) {
			*ch = ' ';
			return 2;
		}
	}
	return 0;
}

static void
grow_toks(struct scan *sc)
{
	sc->cap = sc->cap ? sc->cap * 2 : 256;
	/* lists of some of the tokens grow with them */
	if ((sc->t = reallocarray(sc->t, sc->cap, sizeof(*sc->t))) == NULL ||
	    (sc->cand = reallocarray(sc->cand, sc->cap,
	    sizeof(*sc->cand))) == NULL || (sc->pt = reallocarray(sc->pt,
	    sc->cap, sizeof(*sc->pt))) == NULL)
		err(2, "out of memory");
}

static inline struct tok *
push(struct scan *sc)
{
	static const struct tok	 blank = { .cue = -1, .q = -1 };
	struct tok		*t;

	if (sc->n == sc->cap)
		grow_toks(sc);
	t = &sc->t[sc->n++];
	*t = blank;
	return t;
}

/*
 * The attribution looks at cues and titles only: note the last token
 * when it is one. The index is written either way and kept or not by
 * the count, with no branch on a test that goes one way or the other.
 */
static inline void
note_cand(struct scan *sc, int is)
{
	sc->cand[sc->ncand] = (int32_t)(sc->n - 1);
	sc->ncand += is != 0;
}

/* An apostrophe (’ or ') at i sits inside a word: letters on both sides. */
static int
inner_apostrophe(const unsigned char *s, size_t n, size_t i, size_t len)
{
	return i > 0 && i + len < n && (is_alnum(s[i - 1]) || s[i - 1] >= 0x80)
	    && (is_alnum(s[i + len]) || (s[i + len] >= 0x80 &&
	    s[i + len] != 0xe2));
}

static size_t
word_end(const unsigned char *s, size_t n, size_t i)
{
	size_t	 k;
	int	 m;
	char	 ch;

	while (i < n) {
		while (i < n && alnum_byte[s[i]])
			i++;
		if (i >= n)
			break;
		if (s[i] == '-' && i + 1 < n && alnum_byte[s[i + 1]]) {
			i += 2;
			continue;
		}
		if (s[i] == '\'' && inner_apostrophe(s, n, i, 1)) {
			i++;
			continue;
		}
		if (s[i] == 0xe2 && i + 2 < n && s[i + 1] == 0x80 &&
		    s[i + 2] == 0x99 && inner_apostrophe(s, n, i, 3)) {
			i += 3;
			continue;
		}
		if (s[i] >= 0x80) {
			if (special(s + i, n - i, &m, &ch) > 0)
				break;
			for (k = i + 1; k < n && (s[k] & 0xc0) == 0x80; k++)
				;
			i = k;
			continue;
		}
		break;
	}
	return i;
}

/* A straight mark: which way it faces from its neighbours. */
static int
straight(const unsigned char *s, size_t n, size_t i, size_t len, int dbl)
{
	int	 before = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' ||
	    s[i - 1] == '[' || s[i - 1] == '-' || s[i - 1] == '/' ||
	    s[i - 1] == '\t' || (s[i - 1] & 0x80);
	int	 after = i + len >= n || s[i + len] == ' ' ||
	    s[i + len] == ',' || s[i + len] == '.' || s[i + len] == ';' ||
	    s[i + len] == ':' || s[i + len] == ')' || s[i + len] == '?' ||
	    s[i + len] == '!';

	if (dbl)
		return M_DSTRAIGHT;
	if (before && !after)
		return M_SOPEN;
	if (!before && after)
		return M_SCLOSE;
	return 0;
}

/*
 * A word's class and cue from the lexicon's value (class | (cue + 1) <<
 * 16): on a little-endian machine one store of value - 1 << 16, the two
 * fields being next to each other.
 */
_Static_assert(offsetof(struct tok, cue) == offsetof(struct tok, cls) + 2,
    "cue follows cls");

static inline void
set_word_class(struct tok *t, uint32_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint32_t	 both = v - 0x10000u;

	memcpy((char *)t + offsetof(struct tok, cls), &both, sizeof(both));
#else
	t->cls = (uint16_t)(v & 0xffff);
	t->cue = (int16_t)((int)(v >> 16) - 1);
#endif
}

/* A word of ASCII letters and digits at i; the end of the token. */
static inline size_t
word_token(struct scan *sc, const struct lexicon *lx, struct block *b,
    const char *text, size_t n, size_t i)
{
	const unsigned char	*s = (const unsigned char *)text;
	size_t			 k, len;
	struct tok		*t;
	uint32_t		 v;
	int			 alnum = 1;

	k = alnum_end(b, s, n, i);
	if (k < n && word_goes_on[s[k]]) {
		len = k;
		k = word_end(s, n, k);
		alnum = k == len;
	}
	if (sc->n == sc->cap)
		grow_toks(sc);
	/* every field set here: no blank token copied first */
	t = &sc->t[sc->n++];
	t->s = (uint32_t)i;
	t->e = (uint32_t)k;
	t->type = T_WORD;
	t->flags = first_flags[s[i]];
	t->ch = 0;
	t->inq = 0;
	t->q = -1;
	v = alnum ? lex_value_alnum(lx, text + i, k - i, n - i) :
	    lex_value(lx, text + i, k - i, n - i);
	set_word_class(t, v);
	/* a cue, a title or "according" */
	note_cand(sc, v & (0xffff0000u | W_ACCORD | W_TITLE));
	return k;
}

/*
 * A token that does not start with an ASCII letter or digit at i:
 * punctuation, a quote mark, a word in another script, or nothing (a
 * no-break space). The end of what it took.
 */
static size_t
other_token(struct scan *sc, const struct lexicon *lx, const char *text,
    size_t n, size_t i)
{
	const unsigned char	*s = (const unsigned char *)text;
	size_t			 k, len;
	struct tok		*t;
	int			 mark = 0, cue;
	char			 ch = 0;

	len = s[i] >= 0x80 ? special(s + i, n - i, &mark, &ch) : 0;
	if (len == 0 && s[i] == '"') {
		len = 1;
		mark = M_DSTRAIGHT;
	} else if (len == 0 && s[i] == '\'' && i + 1 < n &&
	    s[i + 1] == '\'') {
		len = 2;
		mark = M_DSTRAIGHT;
	} else if (len == 0 && s[i] == '`' && i + 1 < n &&
	    s[i + 1] == '`') {
		len = 2;
		mark = M_DOPEN;
	} else if (len == 0 && s[i] == '\'') {
		len = 1;
		mark = straight(s, n, i, 1, 0);
		if (mark == 0)
			ch = '\'';
	} else if (len == 0 && !is_alnum(s[i]) && s[i] < 0x80) {
		len = 1;
		mark = 0;
		ch = (char)s[i];
	}
	if (len > 0 && ch == ' ')
		return i + len;
	t = push(sc);
	t->s = (uint32_t)i;
	if (len > 0) {
		if (mark == M_SCLOSE && i + len < n &&
		    is_alnum(s[i + len]) && i > 0 && s[i - 1] == ' ') {
			/* ’90s, ’em: an elided word, not a mark */
			k = word_end(s, n, i + len);
			t->type = T_WORD;
			t->e = (uint32_t)k;
			return k;
		}
		t->e = (uint32_t)(i + len);
		t->type = mark ? T_MARK : T_PUNCT;
		t->ch = mark ? (char)mark : ch;
		/* pairing and sentence ends look at these only */
		sc->pt[sc->npt] = (int32_t)(sc->n - 1);
		sc->npt += (mark != 0) | (ch == '.') | (ch == '?') |
		    (ch == '!') | (ch == ';');
		return i + len;
	}
	k = word_end(s, n, i);
	if (k == i)
		k = i + 1;
	t->type = T_WORD;
	t->e = (uint32_t)k;
	if (s[i] >= 'A' && s[i] <= 'Z')
		t->flags |= TF_CAP;
	else if (s[i] >= '0' && s[i] <= '9')
		t->flags |= TF_DIGIT;
	if (s[i] < 0x80) {
		t->cls = (uint16_t)lex_lookup(lx, text + i, k - i, n - i,
		    &cue);
		t->cue = (int16_t)cue;
		note_cand(sc, cue >= 0 || (t->cls & (W_ACCORD | W_TITLE)));
	} else if (s[i] == 0xc3 || s[i] == 0xc5)
		t->flags |= TF_CAP * (i + 1 < n && s[i + 1] < 0xa0);
	return k;
}

/*
 * Tokens in text order: each start bit of the blocks in turn, those a
 * longer token took in passing skipped.
 */
static void
tokenize(struct scan *sc, const struct lexicon *lx, const char *text,
    size_t n)
{
	const unsigned char	*s = (const unsigned char *)text;
	struct block		 b = { .base = (size_t)0 - 64 };
	size_t			 i = 0, p;

	sc->n = 0;
	sc->ncand = sc->npt = 0;
	if (n == 0)
		return;
	block_next(&b, s, n);
	for (;;) {
		while (b.starts == 0) {
			if (b.base + 64 >= n)
				return;
			block_next(&b, s, n);
		}
		p = b.base + (size_t)__builtin_ctzll(b.starts);
		b.starts &= b.starts - 1;
		if (p < i)
			continue;
		if (b.alnum >> (p - b.base) & 1)
			i = word_token(sc, lx, &b, text, n, p);
		else
			i = other_token(sc, lx, text, n, p);
	}
}

static struct qspan *
push_q(struct scan *sc)
{
	struct qspan	*q;

	if (sc->nq == sc->capq) {
		sc->capq = sc->capq ? sc->capq * 2 : 16;
		if ((sc->q = reallocarray(sc->q, sc->capq, sizeof(*sc->q))) ==
		    NULL)
			err(2, "out of memory");
	}
	q = &sc->q[sc->nq++];
	memset(q, 0, sizeof(*q));
	return q;
}

static void
add_span(struct scan *sc, int open, int close, uint32_t s, uint32_t e)
{
	struct qspan	*q;
	int		 i, from = open < 0 ? 0 : open + 1;
	int		 to = close < 0 ? (int)sc->n : close;

	q = push_q(sc);
	q->open = open;
	q->close = close;
	q->s = s;
	q->e = e;
	for (i = from; i < to; i++) {
		sc->t[i].inq = 1;
		if (sc->t[i].type == T_WORD)
			q->words++;
	}
	if (open >= 0) {
		sc->t[open].flags |= TF_OPEN;
		sc->t[open].q = (int32_t)(sc->nq - 1);
	}
	if (close >= 0) {
		sc->t[close].flags |= TF_CLOSE;
		sc->t[close].q = (int32_t)(sc->nq - 1);
	}
}

static int
opens(const struct tok *t, int dbl)
{
	if (t->type != T_MARK)
		return 0;
	if (dbl)
		return t->ch == M_DOPEN || t->ch == M_DSTRAIGHT;
	return t->ch == M_SOPEN || t->ch == M_SSTRAIGHT;
}

static int
closes(const struct tok *t, int dbl)
{
	if (t->type != T_MARK)
		return 0;
	if (dbl)
		return t->ch == M_DCLOSE || t->ch == M_DSTRAIGHT;
	return t->ch == M_SCLOSE || t->ch == M_SSTRAIGHT;
}

/* A mark facing the wrong way at top level: a stray closer. */
static int
looks_closing(const struct scan *sc, int i, const char *text)
{
	const struct tok *t = &sc->t[i];

	if (t->ch != M_DSTRAIGHT)
		return t->ch == M_DCLOSE;
	return t->s > 0 && text[t->s - 1] != ' ' && (i + 1 >= (int)sc->n ||
	    sc->t[i + 1].s > t->e || sc->t[i + 1].type == T_PUNCT);
}

/*
 * Pair marks: double quotes at top level hold everything to their close
 * (nested singles included); a single quote only counts when its closer
 * turns up in the paragraph, otherwise it was an apostrophe.
 */
static void
pair(struct scan *sc, const char *text, size_t n, int cont)
{
	const int32_t	*m = sc->pt;
	const struct tok *t = sc->t;
	int		 nm = (int)sc->npt, x = 0, y, i;

	sc->nq = 0;
	if (cont && nm > 0 && m[0] == 0 && opens(&t[0], 1) &&
	    !closes(&t[0], 0)) {
		/* a quote that runs in reopens the paragraph with a mark */
		for (y = 1; y < nm && !closes(&t[m[y]], 1); y++)
			;
		add_span(sc, 0, y < nm ? m[y] : -1, t[0].e,
		    y < nm ? t[m[y]].s : (uint32_t)n);
		sc->q[0].open = -1;
		sc->t[0].flags |= TF_OPEN;
		x = y + 1;
	}
	for (; x < nm; x++) {
		i = m[x];
		if (opens(&t[i], 1)) {
			if (looks_closing(sc, i, text))
				continue;
			for (y = x + 1; y < nm; y++) {
				if (t[m[y]].ch == M_DOPEN &&
				    t[m[y]].type == T_MARK)
					break;
				if (closes(&t[m[y]], 1))
					break;
			}
			if (y < nm && t[m[y]].ch == M_DOPEN &&
			    t[m[y]].type == T_MARK) {
				/* a curly opener again: the first never closed */
				continue;
			}
			add_span(sc, i, y < nm ? m[y] : -1, t[i].e,
			    y < nm ? t[m[y]].s : (uint32_t)n);
			x = y;
		} else if (opens(&t[i], 0)) {
			for (y = x + 1; y < nm && m[y] < i + 60; y++)
				if (closes(&t[m[y]], 0) || opens(&t[m[y]], 1))
					break;
			if (y < nm && m[y] < i + 60 && closes(&t[m[y]], 0)) {
				add_span(sc, i, m[y], t[i].e, t[m[y]].s);
				x = y;
			}
		}
	}
}

/*
 * Sentence ends: . ! ? outside quotes, not after an abbreviation, and
 * before a capital, a mark or the end; a quote that ends a sentence
 * inside its marks ends it after them when a new sentence follows.
 */
/* Note a sentence end; they come in text order, each once. */
static void
push_sent(struct scan *sc, size_t i)
{
	if (sc->nse > 0 && sc->se[sc->nse - 1] == (int32_t)i)
		return;
	if (sc->nse == sc->capse) {
		sc->capse = sc->capse ? sc->capse * 2 : 16;
		if ((sc->se = reallocarray(sc->se, sc->capse,
		    sizeof(*sc->se))) == NULL)
			err(2, "out of memory");
	}
	sc->se[sc->nse++] = (int32_t)i;
}

static void
sentences(struct scan *sc, const char *text)
{
	struct tok	*t, *p, *nx;
	size_t		 x, i, len;

	sc->nse = 0;
	for (x = 0; x < sc->npt; x++) {
		i = (size_t)sc->pt[x];
		t = &sc->t[i];
		if (t->type != T_PUNCT || (t->ch != '.' && t->ch != '?' &&
		    t->ch != '!' && t->ch != ';'))
			continue;
		nx = i + 1 < sc->n ? &sc->t[i + 1] : NULL;
		if (t->ch == '.' && i > 0) {
			p = &sc->t[i - 1];
			len = p->e - p->s;
			if (p->type == T_WORD && p->e == t->s &&
			    ((len == 1 && (p->flags & TF_CAP)) ||
			    ((p->cls & W_TITLE) && (p->flags & TF_CAP) &&
			    len <= 4) || (nx != NULL && nx->type == T_WORD &&
			    nx->s == t->e))) {
				p->flags |= TF_ABBR;
				continue;
			}
			if (nx != NULL && ((nx->type == T_WORD &&
			    !(nx->flags & (TF_CAP | TF_DIGIT))) ||
			    (nx->type == T_PUNCT && nx->ch != '-' &&
			    nx->ch != '('))) {
				if (p->type == T_WORD && p->e == t->s)
					p->flags |= TF_ABBR;
				continue;
			}
		}
		if (t->inq) {
			/* inside a quote: ends it only with its closer */
			if (nx != NULL && nx->type == T_MARK &&
			    (nx->flags & TF_CLOSE) && i + 2 < sc->n &&
			    (sc->t[i + 2].type == T_MARK ||
			    (sc->t[i + 2].flags & TF_CAP))) {
				nx->flags |= TF_SENT;
				push_sent(sc, i + 1);
			}
			continue;
		}
		t->flags |= TF_SENT;
		push_sent(sc, i);
	}
	(void)text;
}

void
scan_text(struct scan *sc, const struct lexicon *lx, const char *text,
    size_t n, int cont)
{
	tokenize(sc, lx, text, n);
	pair(sc, text, n, cont);
	sentences(sc, text);
}

void
scan_free(struct scan *sc)
{
	free(sc->t);
	free(sc->q);
	free(sc->cand);
	free(sc->pt);
	free(sc->se);
	memset(sc, 0, sizeof(*sc));
}
