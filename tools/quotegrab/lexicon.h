/*
 * The lexicon's table, shared with the tokenizer so that the lookup of
 * every word inlines there: a call per word cost more than the lookup.
 */
#ifndef QUOTEGRAB_LEXICON_H
#define QUOTEGRAB_LEXICON_H

#include <stdint.h>
#include <string.h>

#define LEX_MAXWORD	32
#define LEX_FAST	16	/* words up to this long: no branch on them */

/*
 * An entry holds the first sixteen bytes of its word folded to lower
 * case and zero padded, and the length; the rest of a longer word is
 * in the lexicon's words. Entry 0 matches no word: an empty slot leads
 * there, and so does a lookup that finds nothing.
 */
struct entry {
	uint64_t	 k1, k2;
	uint32_t	 len;
	uint32_t	 val;	/* cls | (cue + 1) << 16 */
};

struct cue {
	char	*lemma;
	char	*forms;		/* for lex_dump */
	unsigned flags;
};

/*
 * A cuckoo table: a word lives in one of two slots. A lookup reads the
 * first, and picks the entry there or none by masks, as half the words
 * of news are in the lexicon and half are not, a branch no predictor
 * gets right. Only a first slot marked far, where some word is in its
 * second slot instead, sends a lookup that found nothing on to the
 * second; the table is kept sparse enough that few are marked.
 */
#define SLOT_FAR	0x8000u		/* a word of this first slot is away */
#define SLOT_ENTRY	0x7fffu

struct lexicon {
	uint16_t	*slots;		/* entry index | SLOT_FAR; 0 empty */
	size_t		 size;		/* power of two */
	unsigned	 lg;		/* log2(size) */
	unsigned	 sh1, sh2;	/* 64 - lg, 64 - 2 * lg */
	uint64_t	 mul;		/* the hash's multiplier */
	struct entry	*ents;
	char		(*words)[LEX_MAXWORD];	/* folded, zero padded */
	size_t		 used, capents;	/* entry 0 included */
	int		 full;		/* a word was refused: LEX_MAXENTS */
	struct cue	*cues;
	size_t		 ncues, capcues;
	uint64_t	 masks[LEX_FAST + 1][2];	/* of a word's 16 bytes, by length */
};

#define ONES	0x0101010101010101ULL
#define LEX_MAXENTS	SLOT_ENTRY

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

/* All ones in the bytes that hold the first min(n, 8) of a word. */
static inline uint64_t
bytemask(size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	static const uint64_t	 m[9] = { 0, 0xffULL << 56, 0xffffULL << 48,
	    0xffffffULL << 40, 0xffffffffULL << 32, 0xffffffffffULL << 24,
	    0xffffffffffffULL << 16, 0xffffffffffffffULL << 8, ~0ULL };
#else
	static const uint64_t	 m[9] = { 0, 0xff, 0xffff, 0xffffff,
	    0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff,
	    ~0ULL };
#endif

	return m[n < 8 ? n : 8];
}

static inline uint64_t
rotl64(uint64_t v, unsigned r)
{
	return v << r | v >> (64 - r);
}

/* The hash of a word by its folded head, length and the mix of the rest. */
static inline uint64_t
lex_hash(const struct lexicon *lx, uint64_t k1, uint64_t k2, size_t n,
    uint64_t rest)
{
	return (k1 ^ n ^ rotl64(k2 ^ rest, 31)) * lx->mul;
}

/* Its two slots: the top bits of the hash and the bits below them. */
static inline size_t
lex_slot1(const struct lexicon *lx, uint64_t h)
{
	return (size_t)(h >> lx->sh1);
}

static inline size_t
lex_slot2(const struct lexicon *lx, uint64_t h)
{
	return (size_t)(h >> lx->sh2) & (lx->size - 1);
}

/*
 * The value of the entry a head of up to sixteen bytes names, 0 none:
 * the first slot's entry by a mask, the second only past a far mark.
 */
static inline __attribute__((always_inline)) uint32_t
lex_pick(const struct lexicon *lx, uint64_t k1, uint64_t k2, size_t n)
{
	uint64_t		 h = lex_hash(lx, k1, k2, n, 0);
	uint32_t		 v = lx->slots[lex_slot1(lx, h)], m;
	const struct entry	*e = &lx->ents[v & SLOT_ENTRY];

	m = ((e->k1 ^ k1) | (e->k2 ^ k2) | (e->len ^ n)) == 0;
	if (__builtin_expect((v & SLOT_FAR) && !m, 0)) {
		e = &lx->ents[lx->slots[lex_slot2(lx, h)] & SLOT_ENTRY];
		m = ((e->k1 ^ k1) | (e->k2 ^ k2) | (e->len ^ n)) == 0;
	}
	return e->val & -m;
}

/* A word longer than sixteen bytes. */
const struct entry *lex_find_slow(const struct lexicon *, const char *,
		    size_t);

/*
 * The sixteen bytes from s, of which room may be read: at the end of
 * a text the word is copied out first.
 */
static inline __attribute__((always_inline)) void
head16(const char *s, size_t n, size_t room, uint64_t *a, uint64_t *b)
{
	char	 w[LEX_FAST];

	if (room < LEX_FAST) {
		memset(w, 0, sizeof(w));
		memcpy(w, s, n);
		s = w;
	}
	memcpy(a, s, 8);
	memcpy(b, s + 8, 8);
}

/*
 * The value of a word (any case): class bits | (cue index + 1) << 16;
 * room bytes may be read from s (room >= n).
 */
static inline __attribute__((always_inline)) uint32_t
lex_value(const struct lexicon *lx, const char *s, size_t n, size_t room)
{
	uint64_t	 a, b;

	if (n > LEX_FAST)
		return lex_find_slow(lx, s, n)->val;
	head16(s, n, room, &a, &b);
	return lex_pick(lx, lower8(a) & lx->masks[n][0], lower8(b) &
	    lx->masks[n][1], n);
}

/*
 * The same for a word of ASCII letters and digits only: setting bit 5
 * lowers a letter and leaves a digit as it is.
 */
static inline __attribute__((always_inline)) uint32_t
lex_value_alnum(const struct lexicon *lx, const char *s, size_t n,
    size_t room)
{
	uint64_t	 a, b;

	if (n > LEX_FAST)
		return lex_find_slow(lx, s, n)->val;
	head16(s, n, room, &a, &b);
	return lex_pick(lx, (a | 0x20 * ONES) & lx->masks[n][0], (b | 0x20 *
	    ONES) & lx->masks[n][1], n);
}

/* Class bits of a word and its cue index in *cue, or -1. */
static inline __attribute__((always_inline)) unsigned
lex_lookup(const struct lexicon *lx, const char *s, size_t n, size_t room,
    int *cue)
{
	uint32_t	 v = lex_value(lx, s, n, room);

	*cue = (int)(v >> 16) - 1;
	return v & 0xffff;
}

#endif
