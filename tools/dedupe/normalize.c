/*
 * Word folding for dedupe: a table-driven ASCII fast path for the common
 * case and utf8proc for the rest, so "Zelenskyy's" and "ZELENSKYY’S" fold
 * alike.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "normalize.h"
#include "utf8.h"

#define FOLD_MAX	18	/* code points one character may fold to */

/*
 * ASCII bytes: the folded letter or digit, 0 for a separator; 1 for the
 * lead or continuation bytes of other characters.
 */
static const uint8_t ascii_fold[256] = {
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	48, 49, 50, 51, 52, 53, 54, 55,
	56, 57, 0, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103,
	104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119,
	120, 121, 122, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103,
	104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119,
	120, 121, 122, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1,
};

enum cls { SEP, WORD, MARK };

static enum cls
class_of(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return WORD;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_CF:
		/* accents and soft hyphens do not split a word */
		return MARK;
	default:
		return SEP;
	}
}

static void
words_add(struct words *w, uint64_t h)
{
	if (w->n == w->cap) {
		size_t	 cap = w->cap < 256 ? 256 : w->cap * 2;
		uint64_t *v = realloc(w->h, cap * sizeof(*v));

		if (v == NULL) {
			fputs("dedupe: out of memory\n", stderr);
			exit(2);
		}
		w->h = v;
		w->cap = cap;
	}
	w->h[w->n++] = h;
}

static inline uint64_t
word_hash(const char *p, size_t len)
{
	uint64_t	 h = 0x9e3779b97f4a7c15ULL ^ len, v;

	/* little-endian loads; sketches are not portable to big endian */
	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&v, p, 8);
		h = (h ^ v) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	if (len > 0) {
		v = 0;
		memcpy(&v, p, len);
		h = (h ^ v) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

uint64_t
norm_word_hash(const char *p, size_t len)
{
	return word_hash(p, len);
}

/*
 * The folding loop keeps "last", the previous character's class: 0 after
 * a separator (a space already ends the output, or it is empty), else in
 * a word.  A separator after a word writes one space; ASCII words are
 * copied a word at a time, other characters go through utf8proc.
 */
struct folder {
	struct buf	*out;
	unsigned	 last;
};

static void
fold_cp(struct folder *f, utf8proc_int32_t cp)
{
	switch (class_of(cp)) {
	case WORD:
		utf8_put(f->out, (uint32_t)cp);
		f->last = 1;
		break;
	case MARK:
		break;
	case SEP:
		if (f->last != 0)
			buf_addc(f->out, ' ');
		f->last = 0;
		break;
	}
}

/* One non-ASCII character; returns the bytes it took. */
static size_t
fold_other(struct folder *f, const unsigned char *s, size_t n)
{
	utf8proc_int32_t	 dst[FOLD_MAX];
	utf8proc_ssize_t	 k, i;
	size_t			 len;
	int			 bound = 0;
	uint32_t		 cp;

	cp = utf8_decode(s, n, &len);
	k = utf8proc_decompose_char((utf8proc_int32_t)cp, dst, FOLD_MAX,
	    UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
	    UTF8PROC_STRIPMARK | UTF8PROC_IGNORE, &bound);
	if (k < 0 || k > FOLD_MAX)
		fold_cp(f, ' ');
	else
		for (i = 0; i < k; i++)
			fold_cp(f, dst[i]);
	return len;
}

static void
hash_words(const char *p, const char *end, struct words *w)
{
	const char	*sp;

	while (p < end) {
		if ((sp = memchr(p, ' ', (size_t)(end - p))) == NULL)
			sp = end;
		if (sp > p)
			words_add(w, word_hash(p, (size_t)(sp - p)));
		p = sp + 1;
	}
}

void
norm_words(const char *text, size_t n, struct buf *out, struct words *w)
{
	const unsigned char	*s = (const unsigned char *)text;
	struct folder		 f = { out, 0 };
	size_t			 i = 0, len, start = out->len;
	unsigned		 t, last = 0;
	char			*p;

	/* ASCII never grows: n bytes and one joining space suffice */
	buf_reserve(out, n + 1);
	if (out->len > 0)
		out->p[out->len++] = ' ';
	for (;;) {
		/* locals: stores through p could alias out->len */
		p = out->p;
		len = out->len;
		/* a word at a time: copy its letters, then one space */
		for (;;) {
			while (i < n && (t = ascii_fold[s[i]]) > 1) {
				p[len++] = (char)t;
				i++;
			}
			if (i >= n || t == 1)
				break;
			if (len > 0 && p[len - 1] != ' ')
				p[len++] = ' ';
			i++;
		}
		last = len > 0 && p[len - 1] != ' ';
		out->len = len;
		if (i == n)
			break;
		f.last = last;
		i += fold_other(&f, s + i, n - i);
		last = f.last;
		buf_reserve(out, n - i + 1);
	}
	if (out->len > start && out->p[out->len - 1] == ' ')
		out->len--;
	out->p[out->len] = '\0';
	if (w != NULL)
		hash_words(out->p + start, out->p + out->len, w);
}
