/*
 * Tokens for the date grammar: words looked up in a small lexicon,
 * numbers with their values, and punctuation, all with byte offsets.
 */
#include <stdlib.h>
#include <bsd/stdlib.h>
#include <string.h>
#include <strings.h>

#include "dateextract.h"
#include "words.h"

#define DX_ENTRY(id, w, c, p, v, t)	{ w, c, p, v, t },
static const struct lexent lexicon[W_COUNT] = {
	{ "", C_NONE, 0, 0, 0 },
	DX_WORDS(DX_ENTRY)
};
#undef DX_ENTRY

/* Byte classes: 0 space, 1 letter, 2 digit, 3 punctuation, 4 non-ASCII. */
enum { B_SPACE, B_ALPHA, B_DIGIT, B_PUNCT, B_HIGH };

static unsigned char
bclass(unsigned char c)
{
	if (c >= 0x80)
		return B_HIGH;
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		return B_ALPHA;
	if (c >= '0' && c <= '9')
		return B_DIGIT;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v')
		return B_SPACE;
	return B_PUNCT;
}

static unsigned
hashword(const char *s, size_t n)
{
	unsigned	 h = 2166136261u;
	size_t		 i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

void
lex_init(struct lexicon *lx)
{
	unsigned	 id, h, c, k;

	memset(lx, 0, sizeof(*lx));
	for (c = 0; c < 256; c++)
		lx->cls[c] = bclass((unsigned char)c);
	for (id = 1; id < W_COUNT; id++) {
		h = hashword(lexicon[id].w, strlen(lexicon[id].w));
		for (k = h; lx->slot[k & (LEX_SLOTS - 1)] != 0; k++)
			continue;
		lx->slot[k & (LEX_SLOTS - 1)] = (uint16_t)id;
		lx->hash[k & (LEX_SLOTS - 1)] = h;
	}
}

const struct lexent *
lex_entry(unsigned id)
{
	return &lexicon[id < W_COUNT ? id : 0];
}

/* Typographic punctuation that matters to the grammar, as ASCII. */
static char
highpunct(const unsigned char *p, size_t left)
{
	if (left < 3 || p[0] != 0xe2 || p[1] != 0x80)
		return 0;
	switch (p[2]) {
	case 0x98: case 0x99:
		return '\'';
	case 0x93: case 0x94:
		return '-';
	case 0x9c: case 0x9d:
		return '"';
	}
	return 0;
}

static void
word(const struct lexicon *lx, const char *s, struct tok *t)
{
	const unsigned char *u = (const unsigned char *)s + t->s;
	size_t		 n = t->e - t->s, i;
	unsigned	 h = 2166136261u, id, k, upper = 0, high = 0;
	unsigned char	 c;

	t->kind = T_WORD;
	if (u[0] >= 'A' && u[0] <= 'Z')
		t->fl |= TF_CAP;
	for (i = 0; i < n; i++) {
		c = u[i];
		high |= c & 0x80;
		upper |= c >= 'A' && c <= 'Z';
		h = (h ^ (c | 0x20u)) * 16777619u;
	}
	if (!upper)
		t->fl |= TF_LOWER;
	if (high || n > LEX_MAXWORD)
		return;
	for (k = h; (id = lx->slot[k & (LEX_SLOTS - 1)]) != 0; k++)
		if (lx->hash[k & (LEX_SLOTS - 1)] == h &&
		    strncasecmp(lexicon[id].w, s + t->s, n) == 0 &&
		    lexicon[id].w[n] == '\0')
			break;
	t->id = (uint16_t)id;
	if (id != 0) {
		if (lexicon[id].tense < 0)
			t->fl |= TF_PAST;
		else if (lexicon[id].tense > 0)
			t->fl |= TF_FUT;
	} else if (!upper && n >= 4 && u[n - 2] == 'e' && u[n - 1] == 'd')
		t->fl |= TF_ED | TF_PAST;
}

size_t
lex_tokens(const struct lexicon *lx, const char *s, size_t n,
    struct tok **tokp, size_t *cap)
{
	const unsigned char *u = (const unsigned char *)s;
	struct tok	*t;
	size_t		 i = 0, nt = 0, j;
	unsigned	 cls;
	int		 space = 1;
	char		 hp;

	while (i < n) {
		cls = lx->cls[u[i]];
		if (cls == B_SPACE) {
			space = 1;
			i++;
			continue;
		}
		if (nt == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			if ((t = reallocarray(*tokp, *cap, sizeof(**tokp))) ==
			    NULL)
				abort();
			*tokp = t;
		}
		t = &(*tokp)[nt++];
		memset(t, 0, sizeof(*t));
		t->s = (uint32_t)i;
		t->fl = space ? TF_SPACE : 0;
		space = 0;
		if (cls == B_DIGIT) {
			for (j = i; j < n && lx->cls[u[j]] == B_DIGIT; j++)
				if (t->num < 100000000)
					t->num = t->num * 10 + (u[j] - '0');
			t->kind = T_NUM;
			t->ndig = (uint8_t)(j - i > 255 ? 255 : j - i);
			t->e = (uint32_t)j;
			i = j;
		} else if (cls == B_PUNCT ||
		    (cls == B_HIGH && (hp = highpunct(u + i, n - i)) != 0)) {
			t->kind = T_PUNCT;
			if (cls == B_PUNCT) {
				t->ch = (char)u[i];
				i++;
			} else {
				t->ch = hp;
				i += 3;
			}
			t->e = (uint32_t)i;
		} else {
			for (j = i; j < n; j++) {
				cls = lx->cls[u[j]];
				if (cls == B_ALPHA)
					continue;
				if (cls != B_HIGH || highpunct(u + j, n - j))
					break;
			}
			t->e = (uint32_t)j;
			i = j;
			word(lx, s, t);
		}
	}
	return nt;
}
