/*
 * actortag: the actor dictionary (TSV entries, aliases, dated roles), the
 * byte trie that finds aliases on token boundaries, and the tagger core.
 */
#ifndef ACTORTAG_H
#define ACTORTAG_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"

#define DAY_NONE	LONG_MIN	/* no reference date: most recent role */

enum etype {
	T_PER, T_ORG, T_GPE, T_LOC,	/* written as is */
	T_CAP,		/* capital: GPE actor, LOC after "in", "at" ... */
	T_SEAT,		/* seat of power: ORG actor, LOC after "in" ... */
	T_ADJ,		/* nationality adjective of a GPE (same id) */
	T_DEM,		/* demonym: the people of a GPE (same id) */
	T_TITLE,	/* a person's title: president, negotiator */
	T_AGENT,	/* a group noun: troops, authorities */
	T_NTYPES
};

/* One TSV line. */
struct entry {
	const char	*id;
	const char	*name;
	const char	*code;
	const char	*role;		/* NULL when "-" */
	size_t		 lrole;		/* its length (dict_build) */
	size_t		 lcode;		/* code's length (dict_build) */
	int		 rclean;	/* it needs no JSON escapes */
	const char	*aliases;	/* as written, for -l; NULL when "-" */
	long		 from, to;	/* days; LONG_MIN / LONG_MAX when open */
	int		 actor;		/* index into dict actors */
	int		 dead;		/* overridden by a later -f file */
	enum etype	 type;
};

/* All live lines sharing an id and type: one actor with its roles. */
struct actor {
	const char	*id;
	const char	*name;
	size_t		 lid, lname;	/* lengths (dict_build) */
	int		 clean;		/* 1: id, 2: name need no escapes */
	enum etype	 type;
	int		 src;		/* which source defined it last */
	int		*ents;		/* entry indices, in file order */
	size_t		 nents;
};

/* What a trie match leads to: an alias of an actor. */
struct hit {
	const char	*alias;		/* original spelling, for case rules */
	char		*title;		/* with its words capitalized, or NULL
					   when that is the same */
	size_t		 len;
	int		 actor;
	int		 canonical;	/* the alias is the actor's name */
	int		 next;		/* next hit on the same trie node */
};

/* A node of the built trie: its edges (up to the next node's first) and
   first hit, side by side. */
struct tnode {
	uint32_t	 first;		/* first edge */
	int		 term;		/* first hit, -1 none */
};

/*
 * A folded alias, or a prefix of one that ends before a byte other than
 * an ASCII letter or digit, by its hash (see key_hash in dict.c): the
 * lookup walks the text a word at a time instead of a byte at a time.
 */
struct akey {
	uint64_t	 h;
	uint32_t	 node;		/* the trie node of the string */
	int		 term;		/* its first hit, -1 none (built) */
	uint32_t	 len;		/* 0: empty slot */
	int		 cont;		/* a longer alias goes on from here */
};

struct trie {
	struct akey	*akeys;
	size_t		 akmask, nakeys;
	unsigned	 akshift;	/* slot = h >> akshift */
	uint64_t	*keys;		/* (node << 8 | byte) + 1; 0 empty */
	uint32_t	*vals;
	size_t		 mask;
	size_t		 nnodes;
	int		*term;		/* first hit per node, -1 none */
	size_t		 termcap;
	struct hit	*hits;
	size_t		 nhits, hitcap;
	unsigned char	 start[256];	/* bytes that may begin an alias */
	uint32_t	 root[256];	/* children of the root node */
	uint32_t	*first;		/* built: node -> its first edge */
	uint32_t	*edge;		/* built: child << 8 | byte */
	struct tnode	*node;		/* built: edges and hits per node */
	uint32_t	*root2;		/* built: depth-2 nodes, by r2slot */
	uint16_t	 r2slot[256];	/* built: first byte -> row of root2 */
	uint64_t	 start2[256][4]; /* folded first two bytes, as bits */
	uint64_t	 pair[256][4];	/* built: the first two bytes as they
					   are, both tests in one */
	uint64_t	 tri[1024];	/* first three bytes | 0x20, hashed */
	uint64_t	 short2[256][4]; /* first two bytes | 0x20 of aliases
					   of one or two bytes */
	uint64_t	 lower2[26][4];	/* exact first two bytes of aliases
					   starting in lowercase, as bits */
};

struct dict {
	struct entry	*ents;
	size_t		 nents, entcap;
	struct actor	*actors;
	size_t		 nactors, actorcap;
	int		*amap;		/* open-addressed (id,type) -> actor */
	size_t		 amask;
	struct trie	 names;		/* PER ORG GPE LOC CAP SEAT ADJ DEM */
	struct trie	 titles;	/* TITLE AGENT */
	char		**strs;		/* owned copies */
	size_t		 nstrs, strcap;
	int		 nsrc;
};

void	 dict_init(struct dict *);
void	 dict_free(struct dict *);
/* Add TSV text; on error returns -1 with a message naming LINE in err. */
int	 dict_add_line(struct dict *, const char *, size_t, char *, size_t);
void	 dict_begin_source(struct dict *);
void	 dict_load_embedded(struct dict *);
void	 dict_build(struct dict *);
void	 dict_list(const struct dict *, FILE *);
const char *etype_name(enum etype);
long	 day_parse(const char *, size_t);

/* Trie walk: longest alias at s (case checked); returns its length. */
int	 alias_case_ok(const char *, const char *, size_t);
int	 hit_case_ok(const struct trie *, int, const char *, size_t);
int	 trie_case_hit(const struct trie *, int, const char *, size_t, size_t);
size_t	 trie_longest(const struct trie *, const char *, size_t, size_t,
	    int *);
size_t	 trie_longest_walk(const struct trie *, const char *, size_t, size_t,
	    int *);

/* An ASCII letter or digit (the bytes a folded key hashes in runs). */
extern const unsigned char alnum_byte[256];

static inline int
ascii_alnum(unsigned char c)
{
	return alnum_byte[c];
}

/*
 * Does byte i continue a word? ASCII letters and digits, and any other
 * byte of UTF-8 but the lead byte of a space, punctuation or symbol that
 * news text uses: U+0080..U+00BF but ª µ º (C2 ..), × and ÷, U+2000..U+2BFF
 * (E2 80..AF: dashes, curly quotes, currency, arrows, math) and the CJK
 * punctuation U+3000..U+303F (E3 80 ..). A continuation byte counts as a
 * word byte: callers step over a whole sequence (see utf8_next).
 */
static inline int
wordc(const char *s, size_t n, size_t i)
{
	unsigned char	 c = (unsigned char)s[i], d;

	if (c < 0x80)
		return ascii_alnum(c);
	if (i + 1 >= n)
		return 1;
	d = (unsigned char)s[i + 1];
	switch (c) {
	case 0xc2:
		return d == 0xaa || d == 0xb5 || d == 0xba;
	case 0xc3:
		return d != 0x97 && d != 0xb7;
	case 0xe2:
		return d >= 0xb0;
	case 0xe3:
		return d != 0x80;
	default:
		return 1;
	}
}

/* The start of the code point after the one at i. */
static inline size_t
utf8_next(const char *s, size_t n, size_t i)
{
	for (i++; i < n && ((unsigned char)s[i] & 0xc0) == 0x80; i++)
		;
	return i;
}

/* Is the code point that ends before byte i a word character? */
static inline int
wordc_before(const char *s, size_t n, size_t i)
{
	size_t	 k = i - 1;

	while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	return wordc(s, n, k);
}

/* The first byte at or after i that is not an ASCII letter or digit. */
static inline size_t
not_alnum(const char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	const __m128i	 bias = _mm_set1_epi8((char)0x80);
	const __m128i	 az = _mm_set1_epi8((char)(26 - 128));
	const __m128i	 dg = _mm_set1_epi8((char)(10 - 128));
	__m128i		 v, let, dig;
	unsigned	 m;

	for (; i + 16 <= n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		/* unsigned x - base < len as a signed compare after the bias */
		let = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(_mm_or_si128(v,
		    _mm_set1_epi8(0x20)), _mm_set1_epi8('a')), bias), az);
		dig = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(v,
		    _mm_set1_epi8('0')), bias), dg);
		m = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(let, dig)) &
		    0xffff;
		if (m != 0)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	while (i < n && ascii_alnum((unsigned char)s[i]))
		i++;
	return i;
}

/* A fixed list of short words as an open-addressed hash set. */
#define WORDSET_SLOTS	512
struct wordset {
	const char *const *words;
	uint16_t	 slot[WORDSET_SLOTS];	/* word index + 1; 0 empty */
	unsigned char	 len[WORDSET_SLOTS];
	int		 ci;			/* ASCII case folded */
	uint64_t	 lf[16][4];		/* (length, first byte) of a word
						   shorter than 16, as bits */
};

void	 wordset_init(struct wordset *, const char *const *, int);
int	 wordset_lookup(const struct wordset *, const char *, size_t);

/* Is s[0..n) a word of the set? Most words are not: length and first
   byte say so inline. */
static inline int
wordset_has(const struct wordset *ws, const char *s, size_t n)
{
	unsigned char	 c;

	if (n - 1 < 15) {
		c = (unsigned char)s[0];
		if (ws->ci && c >= 'A' && c <= 'Z')
			c += 32;
		if (!(ws->lf[n][c >> 6] & (1ULL << (c & 63))))
			return 0;
	}
	return wordset_lookup(ws, s, n);
}

/* JSON output: out_str needs room for OUT_BOUND(n) bytes (it may store
   a last group of sixteen whole). Dictionary strings may be read eight
   bytes past their end. */
#define OUT_BOUND(n)	(6 * (n) + 18)
char	*out_str(char *, const char *, size_t, size_t);

/*
 * out_str inline for a string of at most sixteen bytes that needs no
 * escapes, when sixteen bytes may be read from s (the usual mention and
 * code); anything else goes to out_str.
 */
static inline char *
out_str_short(char *p, const char *s, size_t n, size_t avail)
{
#ifdef __SSE2__
	__m128i		 v;
	unsigned	 m;

	if (n <= 16 && avail >= 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)s);
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
		    _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v))) &
		    ((1u << n) - 1);
		if (m == 0) {
			*p++ = '"';
			_mm_storeu_si128((__m128i *)(void *)p, v);
			p += n;
			*p++ = '"';
			return p;
		}
	}
#endif
	return out_str(p, s, n, avail);
}
char	*out_uint(char *, size_t);
extern const char out_pairs[201];	/* "00" "01" ... "99" */

/* out_uint inline for the usual offsets, below 10000. */
static inline char *
out_uint_small(char *p, size_t v)
{
	if (v < 10) {
		*p = (char)('0' + v);
		return p + 1;
	}
	if (v < 100) {
		memcpy(p, out_pairs + 2 * v, 2);
		return p + 2;
	}
	if (v < 1000) {
		*p = (char)('0' + v / 100);
		memcpy(p + 1, out_pairs + 2 * (v % 100), 2);
		return p + 3;
	}
	if (v < 10000) {
		memcpy(p, out_pairs + 2 * (v / 100), 2);
		memcpy(p + 2, out_pairs + 2 * (v % 100), 2);
		return p + 4;
	}
	return out_uint(p, v);
}

struct tagger;
struct tagger	*tagger_new(const struct dict *);
void		 tagger_free(struct tagger *);
/* Forget the document state (new people for coreference). */
void		 tagger_reset(struct tagger *);
/* Tag text; append the JSON array for "actors" to out. */
void		 tagger_run(struct tagger *, const char *, size_t, long,
		    struct buf *);


#endif
