/*
 * The lexicon's table, shared with the tokenizer so that the lookup of
 * every word inlines there: a call per word cost more than the lookup.
 */
#ifndef QUOTEGRAB_LEXICON_H
#define QUOTEGRAB_LEXICON_H

#include <stdint.h>
#include <string.h>

#define LEX_MAXWORD	32

/*
 * Words are keyed by their length and first eight bytes folded to lower
 * case. The open-addressed table holds a 16-bit tag of the hash and an
 * index into the dense entries, so a word that is not there (most are)
 * costs a multiply and one small load; the rest of a longer word is
 * compared byte by byte.
 */
struct entry {
	uint64_t key;
	uint8_t	 len;
	uint16_t cls;
	int16_t	 cue;
	char	 w[LEX_MAXWORD];
};

struct cue {
	char	*lemma;
	char	*forms;		/* for lex_dump */
	unsigned flags;
};

struct lexicon {
	uint32_t	*slots;	/* tag << 16 | entry index + 1; 0 empty */
	size_t		 size;	/* power of two */
	unsigned	 shift;	/* 64 - log2(size) */
	struct entry	*ents;
	size_t		 used, capents;
	struct cue	*cues;
	size_t		 ncues, capcues;
};

#define ONES	0x0101010101010101ULL
#define LEX_MAXENTS	65535

/* ASCII case folding only: words are looked up byte for byte. */
static inline unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* A-Z to a-z in all eight bytes at once, nothing else touched. */
static inline uint64_t
lower8(uint64_t v)
{
	uint64_t	 h = v & (0x7f * ONES);
	uint64_t	 up = ((h + (0x80 - 'A') * ONES) ^ (h + (0x7f - 'Z') *
	    ONES)) & ~v & (0x80 * ONES);

	return v | (up >> 2);
}

/* The first min(n, 8) bytes of s as loaded from memory, the rest zero. */
static inline uint64_t
head8(const char *s, size_t n, size_t room)
{
	uint64_t	 v = 0;

	if (room >= 8) {
		memcpy(&v, s, 8);
		if (n >= 8)
			return v;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		return v & ~(~0ULL >> (8 * n));
#else
		return v & ((1ULL << (8 * n)) - 1);
#endif
	}
	memcpy(&v, s, n < 8 ? n : 8);
	return v;
}

/* All ones in the bytes that hold the first min(n, 8) of a word. */
static inline uint64_t
bytemask(size_t n)
{
	if (n >= 8)
		return ~0ULL;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return ~(~0ULL >> (8 * n));
#else
	return (1ULL << (8 * n)) - 1;
#endif
}

static inline uint64_t
hashkey(uint64_t key, size_t n)
{
	return (key ^ n) * 0x9e3779b97f4a7c15ULL;
}

static int
sametail(const struct entry *e, const char *s, size_t n)
{
	size_t	 i;

	for (i = 8; i < n; i++)
		if ((unsigned char)e->w[i] != lower((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The slot holding the word, or the empty slot where it would go. */
static inline __attribute__((always_inline)) uint32_t *
slot(const struct lexicon *lx, uint64_t key, const char *s, size_t n)
{
	uint64_t		 h = hashkey(key, n);
	size_t			 i = (size_t)(h >> lx->shift);
	uint32_t		 tag = (uint32_t)(h & 0xffff) << 16;
	const struct entry	*e;

	for (;; i = (i + 1) & (lx->size - 1)) {
		if (lx->slots[i] == 0)
			return &lx->slots[i];
		if ((lx->slots[i] & 0xffff0000u) != tag)
			continue;
		e = &lx->ents[(lx->slots[i] & 0xffff) - 1];
		if (e->key == key && e->len == n &&
		    (n <= 8 || sametail(e, s, n)))
			return &lx->slots[i];
	}
}

/* The entry of a word with the given key, or NULL: slot() for lookups. */
static inline __attribute__((always_inline)) const struct entry *
find(const struct lexicon *lx, uint64_t key, const char *s, size_t n)
{
	uint64_t		 h = hashkey(key, n);
	size_t			 i = (size_t)(h >> lx->shift);
	uint32_t		 tag = (uint32_t)(h & 0xffff) << 16, v;
	const struct entry	*e;

	for (;; i = (i + 1) & (lx->size - 1)) {
		if ((v = lx->slots[i]) == 0)
			return NULL;
		if ((v & 0xffff0000u) != tag)
			continue;
		e = &lx->ents[(v & 0xffff) - 1];
		if (e->key == key && e->len == n &&
		    (n <= 8 || sametail(e, s, n)))
			return e;
	}
}

/* Class bits of a word (any case) and its cue index in *cue, or -1. */
static inline __attribute__((always_inline)) unsigned
lex_lookup(const struct lexicon *lx, const char *s, size_t n, size_t room,
    int *cue)
{
	const struct entry	*e;

	*cue = -1;
	if (n == 0 || n >= LEX_MAXWORD || (e = find(lx,
	    lower8(head8(s, n, room)), s, n)) == NULL)
		return 0;
	*cue = e->cue;
	return e->cls;
}

/*
 * The same for a word of ASCII letters and digits only: setting bit 5
 * lowers a letter and leaves a digit as it is, so the key needs no
 * range tests.
 */
static inline __attribute__((always_inline)) unsigned
lex_lookup_alnum(const struct lexicon *lx, const char *s, size_t n,
    size_t room, int *cue)
{
	const struct entry	*e;

	uint64_t		 v;

	*cue = -1;
	if (n >= LEX_MAXWORD)
		return 0;
	if (room >= 8) {
		memcpy(&v, s, 8);
		v = (v | 0x20 * ONES) & bytemask(n);
	} else
		v = head8(s, n, room) | (0x20 * ONES & bytemask(n));
	if ((e = find(lx, v, s, n)) == NULL)
		return 0;
	*cue = e->cue;
	return e->cls;
}

#endif
