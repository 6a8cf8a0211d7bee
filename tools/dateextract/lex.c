/*
 * Tokens for the date grammar: words looked up in a small lexicon,
 * numbers with their values, and punctuation, all with byte offsets.
 */
#include <stdlib.h>
#include <bsd/stdlib.h>
#include <string.h>

#include "dateextract.h"
#include "words.h"

#define DX_ENTRY(id, w, c, p, v, t)	{ w, c, p, v, t },
const struct lexent lex_table[W_COUNT] = {
	{ "", C_NONE, 0, 0, 0 },
	DX_WORDS(DX_ENTRY)
};
#undef DX_ENTRY

const unsigned lex_count = W_COUNT;

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

/*
 * Words are looked up by their bytes packed into two 64-bit integers, so
 * a lookup is a multiply and two compares instead of a byte loop.
 */
static void
pack(const unsigned char *u, size_t n, uint64_t *w0, uint64_t *w1)
{
	uint64_t	 a = 0, b = 0;
	size_t		 k;

	for (k = 0; k < n && k < 8; k++)
		a |= (uint64_t)u[k] << (8 * k);
	for (; k < n; k++)
		b |= (uint64_t)u[k] << (8 * (k - 8));
	*w0 = a;
	*w1 = b;
}

static unsigned
slotof(uint64_t w0, uint64_t w1, size_t n)
{
	uint64_t	 h = w0 * 0x9e3779b97f4a7c15ULL ^
	    (w1 + n) * 0xc2b2ae3d27d4eb4fULL;

	return (unsigned)(h >> 54) & (LEX_SLOTS - 1);
}

void
lex_init(struct lexicon *lx)
{
	unsigned	 id, c, k;
	uint64_t	 w0, w1;
	size_t		 n;

	memset(lx, 0, sizeof(*lx));
	for (c = 0; c < 256; c++)
		lx->cls[c] = bclass((unsigned char)c);
	for (id = 1; id < W_COUNT; id++) {
		n = strlen(lex_table[id].w);
		pack((const unsigned char *)lex_table[id].w, n, &w0, &w1);
		for (k = slotof(w0, w1, n); lx->slot[k].id != 0;
		    k = (k + 1) & (LEX_SLOTS - 1))
			continue;
		lx->slot[k].w0 = w0;
		lx->slot[k].w1 = w1;
		lx->slot[k].len = (uint8_t)n;
		lx->slot[k].id = (uint16_t)id;
	}
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

#define LOWERBITS	0x2020202020202020ULL

static uint64_t
bytemask(size_t n)
{
	return n >= 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
}

/* Load 8 bytes as a little-endian integer, whatever the host order. */
static uint64_t
load8(const unsigned char *u)
{
	uint64_t	 v;

	memcpy(&v, u, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

/*
 * The number of ASCII letters at the start of the 8 bytes v, computed on
 * all of them at once (bytes >= 0x80 count as non-letters).
 */
static unsigned
letters8(uint64_t v)
{
	const uint64_t	 hi = 0x8080808080808080ULL;
	uint64_t	 y = v | 0x2020202020202020ULL;
	uint64_t	 ge = ((y | hi) - 0x6161616161616161ULL) & hi;
	uint64_t	 le = ((0x7a7a7a7a7a7a7a7aULL | hi) - (y & ~hi)) & hi;
	uint64_t	 bad = ~(ge & le & ~v) & hi;

	return bad == 0 ? 8 : (unsigned)__builtin_ctzll(bad) / 8;
}

/*
 * Of the words in -eed only agreed, freed, decreed and guaranteed are
 * past forms; need, succeed, proceed and indeed are not.
 */
static int
eed_past(const unsigned char *u, size_t n)
{
	if (n < 5)
		return 0;
	return (u[n - 4] == 'r' && (n == 5 || u[n - 5] == 'g' ||
	    u[n - 5] == 'c') && !(n == 5 && u[0] == 'b')) || u[n - 4] == 't';
}

static void
word(const struct lexicon *lx, const char *s, size_t len, struct tok *t,
    int high)
{
	const unsigned char *u = (const unsigned char *)s + t->s;
	size_t		 n = t->e - t->s, i;
	unsigned	 id = 0, k, upper = 0;
	uint64_t	 w0, w1, m0, m1;

	t->kind = T_WORD;
	if (u[0] >= 'A' && u[0] <= 'Z')
		t->fl |= TF_CAP;
	if (high || n > LEX_MAXWORD) {
		for (i = 0; i < n; i++)
			upper |= u[i] >= 'A' && u[i] <= 'Z';
		if (!upper)
			t->fl |= TF_LOWER;
		return;
	}
	m0 = bytemask(n);
	m1 = n > 8 ? bytemask(n - 8) : 0;
	if (t->s + 16 <= len) {
		w0 = load8(u) & m0;
		w1 = load8(u + 8) & m1;
	} else
		pack(u, n, &w0, &w1);
	m0 &= LOWERBITS;
	m1 &= LOWERBITS;
	/* ASCII letters: upper case lacks the 0x20 bit */
	if (((~w0 & m0) | (~w1 & m1)) == 0)
		t->fl |= TF_LOWER;
	w0 |= m0;
	w1 |= m1;
	for (k = slotof(w0, w1, n); lx->slot[k].id != 0;
	    k = (k + 1) & (LEX_SLOTS - 1))
		if (lx->slot[k].w0 == w0 && lx->slot[k].w1 == w1 &&
		    lx->slot[k].len == n) {
			id = lx->slot[k].id;
			break;
		}
	t->id = (uint16_t)id;
	if (id != 0) {
		if (lex_table[id].cat != C_NONE)
			t->fl |= TF_CAT;
		if (lex_table[id].tense < 0)
			t->fl |= TF_PAST;
		else if (lex_table[id].tense > 0)
			t->fl |= TF_FUT;
	} else if ((t->fl & TF_LOWER) && n >= 4 && u[n - 2] == 'e' &&
	    u[n - 1] == 'd' && (u[n - 3] != 'e' || eed_past(u, n)))
		t->fl |= TF_ED | TF_PAST;
}

size_t
lex_tokens(const struct lexicon *lx, const char *s, size_t n,
    struct tok **tokp, size_t *cap, int *anyhigh)
{
	const unsigned char *u = (const unsigned char *)s;
	struct tok	*t;
	size_t		 i = 0, nt = 0, j;
	unsigned	 cls;
	int		 space = 1;
	char		 hp;

	*anyhigh = 0;
	while (i < n) {
		cls = lx->cls[u[i]];
		if (cls == B_SPACE) {
			space = 1;
			while (++i < n && lx->cls[u[i]] == B_SPACE)
				continue;
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
		} else if (cls == B_HIGH && (*anyhigh = 1) &&
		    (hp = highpunct(u + i, n - i)) != 0) {
			t->kind = T_PUNCT;
			t->ch = hp;
			i += 3;
			t->e = (uint32_t)i;
		} else if (cls == B_PUNCT) {
			t->kind = T_PUNCT;
			t->ch = (char)u[i];
			t->e = (uint32_t)++i;
		} else {
			int	 high = 0;

			for (j = i;;) {
				unsigned	 l = 8;

				while (j + 8 <= n && l == 8) {
					l = letters8(load8(u + j));
					j += l;
				}
				while (j < n && lx->cls[u[j]] == B_ALPHA)
					j++;
				if (j < n && lx->cls[u[j]] == B_HIGH &&
				    !highpunct(u + j, n - j)) {
					high = 1;
					j++;
					continue;
				}
				break;
			}
			t->e = (uint32_t)j;
			i = j;
			*anyhigh |= high;
			word(lx, s, n, t, high);
		}
	}
	return nt;
}
