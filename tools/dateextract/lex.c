/*
 * Tokens for the date grammar: words looked up in a small lexicon,
 * numbers with their values, and punctuation, all with byte offsets.
 */
#include <stdlib.h>
#include <bsd/stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
 * a lookup is a multiply and two compares instead of a byte loop. A word
 * is letters only, so its packed bytes end in zeros and say its length;
 * an empty slot (w0 == 0) matches no word.
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

/* The first slot to look in: from the first eight letters only. */
static unsigned
slotof(uint64_t w0)
{
	return (unsigned)((w0 * 0x9e3779b97f4a7c15ULL) >> (64 - LEX_BITS));
}

/*
 * The lower-case word w0, w1 as its id in the low 16 bits and its token
 * flags above them; 0 if it is not in the lexicon.
 */
static unsigned
lookup(const struct lexicon *lx, uint64_t w0, uint64_t w1)
{
	const struct lexslot *sl;
	unsigned	 k;

	for (k = slotof(w0);; k = (k + 1) & (LEX_SLOTS - 1)) {
		sl = &lx->slot[k];
		if (sl->w0 == w0 && sl->w1 == w1)
			return sl->idfl;
		if (sl->w0 == 0)
			return 0;
	}
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
		for (k = slotof(w0); lx->slot[k].w0 != 0;
		    k = (k + 1) & (LEX_SLOTS - 1))
			continue;
		lx->slot[k].w0 = w0;
		lx->slot[k].w1 = w1;
		lx->slot[k].idfl = id | (unsigned)((lex_table[id].cat !=
		    C_NONE ? TF_CAT : 0) | (lex_table[id].tense < 0 ? TF_PAST :
		    lex_table[id].tense > 0 ? TF_FUT : 0) |
		    (grammar_starter(id) ? TF_START : 0)) << 16;
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
	unsigned	 id, fl, upper = 0;
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
	fl = lookup(lx, w0, w1);
	id = fl & 0xffff;
	t->fl |= (uint8_t)(fl >> 16);
	t->id = (uint16_t)id;
	if (id == 0 && (t->fl & TF_LOWER) && n >= 4 && u[n - 2] == 'e' &&
	    u[n - 1] == 'd' && (u[n - 3] != 'e' || eed_past(u, n)))
		t->fl |= TF_ED | TF_PAST;
}

/*
 * The token at u[i], not white space, into t (its s and fl set by the
 * caller): any kind, any length. Returns where it ends.
 */
static size_t
token(const struct lexicon *lx, const char *s, size_t n, size_t i,
    struct tok *t, int *anyhigh)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned	 cls = lx->cls[u[i]];
	size_t		 j;
	char		 hp;
	int		 high = 0;

	if (cls == B_DIGIT) {
		for (j = i; j < n && lx->cls[u[j]] == B_DIGIT; j++)
			if (t->num < 100000000)
				t->num = t->num * 10 + (u[j] - '0');
		t->kind = T_NUM;
		t->ndig = (uint8_t)(j - i > 255 ? 255 : j - i);
		t->e = (uint32_t)j;
		return j;
	}
	if (cls == B_HIGH && (*anyhigh = 1) &&
	    (hp = highpunct(u + i, n - i)) != 0) {
		t->kind = T_PUNCT;
		t->ch = hp;
		t->e = (uint32_t)(i + 3);
		return i + 3;
	}
	if (cls == B_PUNCT) {
		t->kind = T_PUNCT;
		t->ch = (char)u[i];
		t->e = (uint32_t)(i + 1);
		return i + 1;
	}
	/* a word: letters, and bytes beyond ASCII that are not punctuation */
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
	*anyhigh |= high;
	word(lx, s, n, t, high);
	return j;
}

#ifdef __SSE2__
/* Byte masks of the first k bytes, k < 16. */
static const uint8_t headmask[16][16] = {
#define HM(k)	{ 0 < k ? 0xff : 0, 1 < k ? 0xff : 0, 2 < k ? 0xff : 0, \
	3 < k ? 0xff : 0, 4 < k ? 0xff : 0, 5 < k ? 0xff : 0, \
	6 < k ? 0xff : 0, 7 < k ? 0xff : 0, 8 < k ? 0xff : 0, \
	9 < k ? 0xff : 0, 10 < k ? 0xff : 0, 11 < k ? 0xff : 0, \
	12 < k ? 0xff : 0, 13 < k ? 0xff : 0, 14 < k ? 0xff : 0, 0 }
	HM(0), HM(1), HM(2), HM(3), HM(4), HM(5), HM(6), HM(7), HM(8),
	HM(9), HM(10), HM(11), HM(12), HM(13), HM(14), HM(15)
#undef HM
};

/*
 * The common token, an ASCII word of up to 15 letters, from 16 bytes
 * at u[i] at once: its length, case and packed lower-case form come from
 * byte masks, with no loop over its letters. Returns 0 for any other
 * token, which token() then reads.
 */
static size_t
fastword(const struct lexicon *lx, const unsigned char *u, size_t i,
    unsigned space, struct tok *t)
{
	__m128i		 v = _mm_loadu_si128((const __m128i *)(u + i));
	__m128i		 lv = _mm_or_si128(v, _mm_set1_epi8(0x20));
	__m128i		 key;
	unsigned	 lm, len, upper, fl, idfl;
	uint64_t	 w0, w1;

	/* letters: (c | 0x20) - 'a' < 26, as a signed compare */
	lm = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(lv,
	    _mm_set1_epi8(0x80 - 'a')), _mm_set1_epi8(-128 + 26)));
	len = (unsigned)__builtin_ctz(~lm);
	if (len == 0 || len == 16 || u[i + len] >= 0x80)
		return 0;
	/* upper case letters lack the 0x20 bit; all-ones stops the count */
	upper = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, lv));
	fl = space | (upper & 1) * TF_CAP |
	    ((unsigned)__builtin_ctz(upper) >= len) * TF_LOWER;
	key = _mm_and_si128(lv, _mm_loadu_si128((const __m128i *)
	    headmask[len]));
	w0 = (uint64_t)_mm_cvtsi128_si64(key);
	w1 = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(key, key));
	idfl = lookup(lx, w0, w1);
	fl |= idfl >> 16;
	u += i;
	if (idfl == 0 && (fl & TF_LOWER) && len >= 4 && u[len - 2] == 'e' &&
	    u[len - 1] == 'd' && (u[len - 3] != 'e' || eed_past(u, len)))
		fl |= TF_ED | TF_PAST;
	*t = (struct tok){ .s = (uint32_t)i, .e = (uint32_t)(i + len),
	    .id = (uint16_t)idfl, .kind = T_WORD, .fl = (uint8_t)fl };
	return i + len;
}
#endif

size_t
lex_tokens(const struct lexicon *lx, const char *s, size_t n,
    struct tok **tokp, size_t *cap, int *anyhigh)
{
	const unsigned char *u = (const unsigned char *)s;
	struct tok	*tk = *tokp, *t;
	size_t		 i = 0, nt = 0, tcap = *cap;
	unsigned	 cls, space = TF_SPACE;
	int		 high = 0;

	while (i < n) {
		if (nt == tcap) {
			tcap = tcap ? tcap * 2 : 256;
			if ((tk = reallocarray(tk, tcap, sizeof(*tk))) == NULL)
				abort();
			*tokp = tk;
			*cap = tcap;
		}
#ifdef __SSE2__
		/* runs of ASCII words and single spaces, the bulk of text */
		{
			struct tok	*lim = tk + tcap;
			size_t		 j;

			for (t = tk + nt; t < lim && i + 16 <= n &&
			    (j = fastword(lx, u, i, space, t)) != 0; t++) {
				i = j;
				space = 0;
				if (u[i] == ' ') {
					space = TF_SPACE;
					i++;
				}
			}
			nt = (size_t)(t - tk);
			if (i >= n || nt == tcap)
				continue;
		}
#endif
		cls = lx->cls[u[i]];
		if (cls == B_SPACE) {
			space = TF_SPACE;
			while (++i < n && lx->cls[u[i]] == B_SPACE)
				continue;
			continue;
		}
		t = &tk[nt++];
		*t = (struct tok){ .s = (uint32_t)i, .fl = (uint8_t)space };
		space = 0;
		if (cls == B_PUNCT) {
			t->kind = T_PUNCT;
			t->ch = (char)u[i];
			t->e = (uint32_t)++i;
		} else
			i = token(lx, s, n, i, t, &high);
	}
	*anyhigh = high;
	return nt;
}
