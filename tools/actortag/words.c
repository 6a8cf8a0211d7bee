/*
 * Small fixed word lists (stop words, particles, locatives) as hash sets,
 * so the tagger asks "is this token one of them" in one probe.
 */
#include <string.h>

#include "actortag.h"

#define D1(c)	(((c) >= '0' && (c) <= '9') || (((c) | 0x20) >= 'a' && \
		    ((c) | 0x20) <= 'z'))
#define D4(c)	D1(c), D1(c + 1), D1(c + 2), D1(c + 3)
#define D16(c)	D4(c), D4(c + 4), D4(c + 8), D4(c + 12)
#define D64(c)	D16(c), D16(c + 16), D16(c + 32), D16(c + 48)

const unsigned char alnum_byte[256] = {
	D64(0), D64(64), D64(128), D64(192)
};

static inline unsigned char
afold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/*
 * A hash of the first and last eight bytes and the length, ASCII letters
 * folded roughly (| 0x20) when ci: the set checks the word itself after.
 */
static inline uint32_t
word_hash(const char *s, size_t n, int ci)
{
	uint64_t	 a = 0, b = 0;
	size_t		 i;

	if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
	} else
		for (i = 0; i < n; i++)
			a |= (uint64_t)(unsigned char)s[i] << (8 * i);
	if (ci) {
		a |= 0x2020202020202020ULL;
		b |= 0x2020202020202020ULL;
	}
	a ^= (b + n) * 0xC2B2AE3D27D4EB4FULL;
	return (uint32_t)((a * 0x9E3779B97F4A7C15ULL) >> 40);
}

static int
word_eq(const char *w, const char *s, size_t n, int ci)
{
	size_t	 i;

	if (!ci)
		return memcmp(w, s, n) == 0;
	for (i = 0; i < n; i++)
		if (afold((unsigned char)w[i]) != afold((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Note the length and first byte of a word (both cases when ci). */
static void
mark_lf(struct wordset *ws, const char *w, size_t n)
{
	unsigned char	 c = (unsigned char)w[0];

	if (n == 0 || n >= 16)
		return;
	if (ws->ci)
		c = afold(c);
	ws->lf[n][c >> 6] |= 1ULL << (c & 63);
}

/* Build the set of a NULL-ended list (at most WORDSET_SLOTS / 2 words). */
void
wordset_init(struct wordset *ws, const char *const *list, int ci)
{
	uint32_t	 j;
	int		 k;

	memset(ws, 0, sizeof(*ws));
	ws->words = list;
	ws->ci = ci;
	for (k = 0; list[k] != NULL && k < WORDSET_SLOTS / 2; k++) {
		j = word_hash(list[k], strlen(list[k]), ci) &
		    (WORDSET_SLOTS - 1);
		while (ws->slot[j] != 0)
			j = (j + 1) & (WORDSET_SLOTS - 1);
		ws->slot[j] = (uint16_t)(k + 1);
		ws->len[j] = (unsigned char)strlen(list[k]);
		mark_lf(ws, list[k], strlen(list[k]));
	}
}

/* Is s[0..n) a word of the set (ASCII case folded when the set says so)?
   Its index in the list + 1, or 0. wordset_has asks the length and first
   byte first. */
int
wordset_lookup(const struct wordset *ws, const char *s, size_t n)
{
	uint32_t	 j;

	if (n == 0 || n > 255)
		return 0;
	j = word_hash(s, n, ws->ci) & (WORDSET_SLOTS - 1);
	for (; ws->slot[j] != 0; j = (j + 1) & (WORDSET_SLOTS - 1))
		if (ws->len[j] == n &&
		    word_eq(ws->words[ws->slot[j] - 1], s, n, ws->ci))
			return ws->slot[j];
	return 0;
}
