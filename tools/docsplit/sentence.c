/*
 * Sentence boundaries in one paragraph: terminal punctuation followed by
 * space and a sentence start, minus abbreviations, initials, ellipses
 * inside a sentence, and list items (which split before their markers).
 */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <utf8proc.h>

#include "abbrev.h"
#include "docsplit.h"
#include "utf8.h"

/* Closed-class words that typically open a sentence. */
static const char *const starters[] = {
	"A", "After", "Also", "An", "And", "Are", "As", "At", "But", "Can",
	"Could", "Did", "Do", "Does", "Dr", "For", "Had", "Has", "Have", "He",
	"Her", "Here", "His", "How", "However", "I", "If", "In", "Is", "It",
	"Its", "Meanwhile", "Mr", "Mrs", "Ms", "My", "No", "Now", "On", "Our",
	"Please", "She", "Since", "So", "Still", "That", "The", "Their",
	"Then", "There", "These", "They", "This", "Those", "Was", "We",
	"Were", "What", "When", "Where", "Which", "While", "Who", "Why",
	"Will", "Would", "Yes", "Yet", "You", "Your"
};

#define IN_LIST(list, w, n) \
	sorted_has((list), sizeof(list) / sizeof((list)[0]), (w), (n))

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static utf8proc_int32_t
cp_at(const char *s, size_t n, size_t i, size_t *len)
{
	return (utf8proc_int32_t)utf8_decode((const unsigned char *)s + i,
	    n - i, len);
}

static int
is_closer(const char *s, size_t n, size_t i, size_t *len)
{
	utf8proc_int32_t c = cp_at(s, n, i, len);

	return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201d ||
	    c == 0x2019 || c == 0xbb;
}

static int
is_opener(utf8proc_int32_t c)
{
	return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201c ||
	    c == 0x2018 || c == 0xab;
}

static void
add_span(struct spans *out, const char *s, size_t a, size_t b)
{
	struct span	*v;
	size_t		 cap;

	while (a < b && is_space((unsigned char)s[a]))
		a++;
	while (b > a && is_space((unsigned char)s[b - 1]))
		b--;
	if (a == b)
		return;
	if (out->n == out->cap) {
		cap = out->cap == 0 ? 16 : out->cap * 2;
		if ((v = reallocarray(out->v, cap, sizeof(*v))) == NULL)
			err(2, "out of memory");
		out->v = v;
		out->cap = cap;
	}
	out->v[out->n].start = a;
	out->v[out->n].end = b;
	out->n++;
}

/* The terminal run at i: its end, and how many dots and ?/! it holds. */
struct run {
	size_t	 end;
	int	 dots;
	int	 marks;		/* ? and ! */
	int	 spaced;	/* a dot after a space: ". . ." */
};

static void
scan_run(const char *s, size_t n, size_t i, struct run *r)
{
	size_t	 len;

	memset(r, 0, sizeof(*r));
	while (i < n) {
		if (s[i] == '.') {
			r->dots++;
			i++;
		} else if (s[i] == '?' || s[i] == '!') {
			r->marks++;
			i++;
		} else if (n - i >= 3 && memcmp(s + i, "\xe2\x80\xa6", 3) == 0) {
			r->dots += 3;
			i += 3;
		} else if (s[i] == ' ' && i + 1 < n && s[i + 1] == '.' &&
		    r->dots > 0 && r->marks == 0) {
			r->spaced = 1;
			i++;
		} else
			break;
	}
	while (i < n && is_closer(s, n, i, &len))
		i += len;
	r->end = i;
}

/* Where the word before byte i starts (words end at white space). */
static size_t
word_start(const char *s, size_t i)
{
	while (i > 0 && !is_space((unsigned char)s[i - 1]))
		i--;
	return i;
}

static size_t
count_words(const char *s, size_t a, size_t b)
{
	size_t	 w = 0;
	int	 in = 0;

	for (; a < b; a++) {
		if (is_space((unsigned char)s[a]))
			in = 0;
		else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

static enum abbr
abbreviation(const char *w, size_t n)
{
	size_t		 k;
	int		 inner = 0;
	enum abbr	 kind;

	while (n > 0 && is_opener((unsigned char)w[0])) {
		w++;
		n--;
	}
	if (n == 0)
		return ABBR_NONE;
	if ((kind = abbr_known(w, n)) != ABBR_NONE)
		return kind;
	if (n == 1 && ((w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= 'a' &&
	    w[0] <= 'z')))
		return ABBR_OTHER;	/* an initial */
	/* U.S, a.m, e.g: single letters joined by dots */
	for (k = 0; k < n; k++) {
		if (w[k] == '.')
			inner++;
		else if (!((w[k] >= 'A' && w[k] <= 'Z') ||
		    (w[k] >= 'a' && w[k] <= 'z')) ||
		    (k + 1 < n && w[k + 1] != '.'))
			return ABBR_NONE;
	}
	return inner > 0 ? ABBR_OTHER : ABBR_NONE;
}

/* Is the abbreviation at [ws, i) followed by a new sentence at k? */
static int
ends_after_abbrev(const char *s, size_t n, size_t start, size_t ws, size_t i,
    size_t k)
{
	size_t	 e = k;

	if (abbreviation(s + ws, i - ws) == ABBR_TITLE)
		return 0;
	if (s[k] >= '0' && s[k] <= '9')
		return 0;
	while (e < n && !is_space((unsigned char)s[e]) && s[e] != '.' &&
	    s[e] != ',')
		e++;
	return IN_LIST(starters, s + k, e - k) &&
	    count_words(s, start, ws) >= 3;
}

/* List items: "1.", "2.)", "a)", "•", "⁃9." at the start of the text. */
struct marker {
	size_t	 len;
	long	 ord;		/* number, letter, or -1 for a bare bullet */
	int	 letter;
	char	 suffix[3];
	char	 bullet[4];
};

static int
parse_marker(const char *s, size_t n, size_t i, struct marker *m)
{
	size_t	 j = i, blen = 0, k;

	memset(m, 0, sizeof(*m));
	if (n - i >= 3 && (memcmp(s + i, "\xe2\x80\xa2", 3) == 0 ||
	    memcmp(s + i, "\xe2\x81\x83", 3) == 0))
		blen = 3;
	memcpy(m->bullet, s + i, blen);
	j += blen;
	while (blen > 0 && j < n && s[j] == ' ')
		j++;
	m->ord = -1;
	if (j < n && s[j] >= '0' && s[j] <= '9') {
		m->ord = 0;
		for (k = 0; j < n && k < 3 && s[j] >= '0' && s[j] <= '9'; k++)
			m->ord = m->ord * 10 + (s[j++] - '0');
	} else if (j + 1 < n && s[j] >= 'a' && s[j] <= 'z' &&
	    (s[j + 1] == '.' || s[j + 1] == ')')) {
		m->ord = s[j++];
		m->letter = 1;
	}
	if (m->ord >= 0) {
		k = 0;
		while (j < n && k < 2 && (s[j] == '.' || s[j] == ')'))
			m->suffix[k++] = s[j++];
		if (k == 0)
			return 0;
	} else if (blen == 0)
		return 0;
	if (j >= n || s[j] != ' ')
		return 0;
	m->len = j - i;
	return 1;
}

static int
next_marker(const struct marker *first, const struct marker *prev,
    const struct marker *m)
{
	if (strcmp(first->bullet, m->bullet) != 0 ||
	    strcmp(first->suffix, m->suffix) != 0 ||
	    first->letter != m->letter)
		return 0;
	return first->ord < 0 || m->ord == prev->ord + 1;
}

/* Find the list item markers of the text; returns how many. */
static size_t
find_markers(const char *s, size_t n, struct span *v, size_t max)
{
	struct marker	 first, prev, m;
	size_t		 i, nm = 0;

	if (!parse_marker(s, n, 0, &first))
		return 0;
	v[nm].start = 0;
	v[nm++].end = first.len;
	prev = first;
	for (i = first.len; i < n && nm < max; i++) {
		if (s[i - 1] != ' ' || !parse_marker(s, n, i, &m) ||
		    !next_marker(&first, &prev, &m))
			continue;
		v[nm].start = i;
		v[nm++].end = i + m.len;
		prev = m;
		i += m.len - 1;
	}
	return nm;
}

/*
 * Decide whether the run at i (ending at r->end) closes a sentence.
 * Returns the boundary position, or 0 for none.
 */
static size_t
boundary(const char *s, size_t n, size_t start, size_t i, const struct run *r)
{
	size_t			 k, ws, len;
	utf8proc_int32_t	 c;

	if (r->end < n && !is_space((unsigned char)s[r->end]))
		return 0;	/* 3.5, U.S.A, example.com, mean...see */
	for (k = r->end; k < n && is_space((unsigned char)s[k]); k++)
		;
	if (k >= n)
		return 0;	/* the text's end closes it anyway */
	if (i > 0 && s[i - 1] == '[')
		return 0;	/* an editorial omission: [...] */
	c = cp_at(s, n, k, &len);
	while (is_opener(c) && k + len < n) {
		k += len;
		c = cp_at(s, n, k, &len);
	}
	if (utf8proc_islower(c))
		return 0;
	if (r->marks > 0)
		return r->end;
	if (r->dots == 3)
		return 0;	/* an ellipsis inside a sentence */
	if (r->dots >= 4)
		/* "word. . . . Next": the sentence ended at the first dot */
		return r->spaced && i > 0 && !is_space((unsigned char)s[i - 1]) ?
		    i + 1 : r->end;
	ws = word_start(s, i);
	if (abbreviation(s + ws, i - ws) != ABBR_NONE)
		return ends_after_abbrev(s, n, start, ws, i, k) ? r->end : 0;
	return r->end;
}

/* Bytes that may start a terminal: . ? ! and the lead byte of … */
static const unsigned char maybe_terminal[256] = {
	['.'] = 1, ['?'] = 1, ['!'] = 1, [0xe2] = 1
};

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL
#define HAS_BYTE(v, c)	((((v) ^ (ONES * (c))) - ONES) & ~((v) ^ (ONES * (c))))

/* How many bytes from s on (up to n) surely hold no terminal. */
static inline size_t
skip_plain(const char *s, size_t n)
{
	size_t		 i = 0;
	uint64_t	 v;
#ifdef __SSE2__
	const __m128i	 dot = _mm_set1_epi8('.'), q = _mm_set1_epi8('?');
	const __m128i	 ex = _mm_set1_epi8('!'), e2 = _mm_set1_epi8((char)0xe2);

	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, dot),
		    _mm_cmpeq_epi8(x, q)), _mm_or_si128(_mm_cmpeq_epi8(x, ex),
		    _mm_cmpeq_epi8(x, e2)));
		if (_mm_movemask_epi8(hit) != 0)
			break;
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&v, s + i, 8);
		if (((HAS_BYTE(v, '.') | HAS_BYTE(v, '?') | HAS_BYTE(v, '!') |
		    HAS_BYTE(v, 0xe2)) & HIGHS) != 0)
			break;
	}
	return i;
}

void
sentence_split(const char *s, size_t n, struct spans *out)
{
	struct span	 marks[64];
	struct run	 r;
	size_t		 nm, mi = 0, i = 0, start = 0, b, limit;

	out->n = 0;
	nm = find_markers(s, n, marks, 64);
	while (i < n) {
		if (mi < nm && i == marks[mi].start) {
			if (mi > 0) {
				add_span(out, s, start, i);
				start = i;
			}
			i = marks[mi++].end;
			continue;
		}
		limit = mi < nm ? marks[mi].start : n;
		i += skip_plain(s + i, limit - i);
		while (i < limit && !maybe_terminal[(unsigned char)s[i]])
			i++;
		if (i >= limit)
			continue;
		if ((unsigned char)s[i] == 0xe2 && (n - i < 3 ||
		    memcmp(s + i, "\xe2\x80\xa6", 3) != 0)) {
			i++;
			continue;
		}
		scan_run(s, n, i, &r);
		if ((b = boundary(s, n, start, i, &r)) != 0) {
			add_span(out, s, start, b);
			/* a run split at its first dot resumes right after it */
			start = i = b;
			continue;
		}
		i = r.end > i ? r.end : i + 1;
	}
	add_span(out, s, start, n);
}
