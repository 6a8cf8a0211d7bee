/*
 * JSON scanning (validation plus top-level member spans), string decoding
 * and encoding. Strings are skipped a word at a time: text dominates records.
 */
#include <err.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

struct scan {
	const char	*s;
	size_t		 n;
	size_t		 i;
	size_t		 errpos;
	const char	*errmsg;
	int		 esc;		/* the last string held an escape */
};

static int	scan_value(struct scan *, int, enum json_kind *);

/* True when a word holds a quote, a backslash or a control byte. */
static inline int
string_special(uint64_t v)
{
	uint64_t q = v ^ (ONES * '"'), bs = v ^ (ONES * '\\');
	uint64_t ctl = v & (ONES * 0xe0);	/* zero bytes were below 0x20 */

	return (((q - ONES) & ~q) | ((bs - ONES) & ~bs) |
	    ((ctl - ONES) & ~ctl)) & HIGHS ? 1 : 0;
}

#ifdef __SSE2__
/*
 * The bytes of v that a JSON string cannot hold as they are (the quote,
 * the backslash, controls): where a scan stops, what a writer escapes.
 */
static inline unsigned
escape_mask(__m128i v)
{
	const __m128i	 ctl = _mm_set1_epi8(0x1f);

	/* max(v, 0x1f) == 0x1f exactly when v <= 0x1f, unsigned */
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(
	    _mm_max_epu8(v, ctl), ctl), _mm_or_si128(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')))));
}
#endif

/*
 * Length of the leading run of bytes that need no look inside a string
 * (all but the quote, the backslash and controls), 16 at a time where
 * SSE2 is available; *high is set when the run holds non-ASCII bytes,
 * which are validated afterwards in one pass over the whole string.
 */
static inline size_t
plain_run(const unsigned char *s, size_t n, unsigned *high)
{
	size_t		 i = 0;
	uint64_t	 w;
#ifdef __SSE2__
	__m128i		 v, hv = _mm_setzero_si128();
	unsigned	 mask, hi, tail, at, back;

	for (; i + 16 <= n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		if ((mask = escape_mask(v)) != 0) {
			/* land on the first special byte, not before it */
			at = (unsigned)__builtin_ctz(mask);
			*high |= (unsigned)_mm_movemask_epi8(hv) |
			    ((unsigned)_mm_movemask_epi8(v) & ((1u << at) - 1));
			return i + at;
		}
		hv = _mm_or_si128(hv, v);
	}
	hi = (unsigned)_mm_movemask_epi8(hv);
	if (i < n && n >= 16) {
		/* the last block again, overlapping bytes already seen */
		back = (unsigned)(16 - (n - i));
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
		mask = escape_mask(v) >> back;
		tail = (unsigned)_mm_movemask_epi8(v) >> back;
		if (mask != 0) {
			at = (unsigned)__builtin_ctz(mask);
			*high |= hi | (tail & ((1u << at) - 1));
			return i + at;
		}
		*high |= hi | tail;
		return n;
	}
	*high |= hi;
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (string_special(w))
			break;
		*high |= (w & HIGHS) != 0;
	}
	for (; i < n && s[i] != '"' && s[i] != '\\' && s[i] >= 0x20; i++)
		*high |= s[i] >= 0x80;
	return i;
}

static int
fail(struct scan *sc, size_t pos, const char *msg)
{
	sc->errpos = pos;
	sc->errmsg = msg;
	return -1;
}

/*
 * Records are mostly compact: one compare settles the common case. Locals,
 * because a char pointer may alias *sc and would force a reload per byte.
 */
static inline void
skip_ws(struct scan *sc)
{
	const char	*s = sc->s;
	size_t		 i = sc->i, n = sc->n;

	while (i < n && (unsigned char)s[i] <= ' ' &&
	    (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	sc->i = i;
}

/* skip_ws where a space may be: compact records, the most, get one look. */
#define WS(sc) do {							\
	if ((sc)->i < (sc)->n && (unsigned char)(sc)->s[(sc)->i] <= ' ')	\
		skip_ws(sc);						\
} while (0)

static int
is_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

static int
scan_escape(struct scan *sc)
{
	size_t	 k, at = sc->i;

	switch (sc->s[sc->i + 1]) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n':
	case 'r': case 't':
		sc->i += 2;
		return 0;
	case 'u':
		for (k = 2; k < 6; k++)
			if (at + k >= sc->n || !is_hex((unsigned char)sc->s[at + k]))
				return fail(sc, at, "invalid \\u escape");
		sc->i += 6;
		return 0;
	default:
		return fail(sc, at, "invalid escape");
	}
}

/*
 * A string with non-ASCII bytes is checked for UTF-8 once its scan has
 * stopped, and a bad sequence before the stop is the error to report, as
 * a byte-by-byte scan would have met it first.
 */
static int
check_utf8(struct scan *sc, size_t from, int rv)
{
	size_t	 stop = sc->i < sc->n ? sc->i : sc->n, bad;

	bad = from + utf8_find_bad(sc->s + from, stop - from);
	if (bad < stop)
		return fail(sc, bad, "invalid UTF-8");
	return rv;
}

/*
 * Ids, paths and dates run past the 16 bytes scan_string looks at: a
 * closing quote in the next 16, with nothing special or non-ASCII before
 * it, settles them with one more look.
 */
static inline int
scan_medium_string(struct scan *sc)
{
#ifdef __SSE2__
	const unsigned char *s = (const unsigned char *)sc->s + sc->i + 1;
	__m128i		 v, w;
	unsigned	 mask, at;

	if (sc->n - sc->i <= 32)
		return 0;
	v = _mm_loadu_si128((const __m128i *)(const void *)s);
	w = _mm_loadu_si128((const __m128i *)(const void *)(s + 16));
	/* nothing special and nothing non-ASCII in the first 16 */
	if ((escape_mask(v) | (unsigned)_mm_movemask_epi8(v)) != 0)
		return 0;
	if ((mask = escape_mask(w)) == 0)
		return 0;
	at = (unsigned)__builtin_ctz(mask);
	if (s[16 + at] != '"' ||
	    ((unsigned)_mm_movemask_epi8(w) & ((1u << at) - 1)) != 0)
		return 0;
	sc->esc = 0;
	sc->i += 16 + at + 2;
	return 1;
#else
	(void)sc;
	return 0;
#endif
}

static int
scan_long_string(struct scan *sc)
{
	const unsigned char	*s = (const unsigned char *)sc->s;
	size_t			 start = sc->i;
	unsigned		 high = 0;
	int			 rv;

	if (scan_medium_string(sc))
		return 0;
	sc->esc = 0;
	sc->i++;
	for (;;) {
		sc->i += plain_run(s + sc->i, sc->n - sc->i, &high);
		if (sc->i >= sc->n) {
			rv = fail(sc, start, "unterminated string");
			break;
		}
		if (s[sc->i] == '"') {
			sc->i++;
			rv = 0;
			break;
		}
		if (s[sc->i] != '\\') {
			rv = fail(sc, sc->i, "control character in string");
			break;
		}
		sc->esc = 1;
		if (sc->i + 1 >= sc->n) {
			rv = fail(sc, start, "unterminated string");
			break;
		}
		if ((rv = scan_escape(sc)) == -1)
			break;
	}
	return high ? check_utf8(sc, start + 1, rv) : rv;
}

/*
 * Keys and most values are short ASCII strings: when the closing quote
 * is among the next 16 bytes with nothing special before it, one look
 * settles the string (annotated records hold thousands of them).
 */
static inline int
scan_string(struct scan *sc)
{
#ifdef __SSE2__
	const unsigned char *s = (const unsigned char *)sc->s + sc->i + 1;

	if (sc->n - sc->i > 16) {
		__m128i	 v = _mm_loadu_si128((const __m128i *)(const void *)s);
		unsigned mask = escape_mask(v), at;

		if (mask != 0) {
			at = (unsigned)__builtin_ctz(mask);
			if (s[at] == '"' && ((unsigned)_mm_movemask_epi8(v) &
			    ((1u << at) - 1)) == 0) {
				sc->esc = 0;
				sc->i += at + 2;
				return 0;
			}
		}
	}
#endif
	return scan_long_string(sc);
}

static size_t
digits(struct scan *sc)
{
	const char	*s = sc->s;
	size_t		 i = sc->i, n = sc->n, start = i;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	sc->i = i;
	return i - start;
}

static int
scan_number(struct scan *sc)
{
	size_t	 start = sc->i;

	if (sc->s[sc->i] == '-')
		sc->i++;
	if (sc->i < sc->n && sc->s[sc->i] == '0')
		sc->i++;
	else if (digits(sc) == 0)
		return fail(sc, start, "invalid number");
	if (sc->i < sc->n && sc->s[sc->i] == '.') {
		sc->i++;
		if (digits(sc) == 0)
			return fail(sc, start, "invalid number");
	}
	if (sc->i < sc->n && (sc->s[sc->i] == 'e' || sc->s[sc->i] == 'E')) {
		sc->i++;
		if (sc->i < sc->n && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-'))
			sc->i++;
		if (digits(sc) == 0)
			return fail(sc, start, "invalid number");
	}
	return 0;
}

static int
scan_literal(struct scan *sc, const char *word)
{
	size_t	 len = strlen(word);

	if (sc->n - sc->i < len || memcmp(sc->s + sc->i, word, len) != 0)
		return fail(sc, sc->i, "unexpected character");
	sc->i += len;
	return 0;
}

/* Scan the members or elements after an opening bracket. */
static int
scan_container(struct scan *sc, int depth, int object)
{
	char		 close = object ? '}' : ']';
	enum json_kind	 t;

	if (depth > JSON_MAXDEPTH)
		return fail(sc, sc->i, "nesting too deep");
	sc->i++;
	skip_ws(sc);
	if (sc->i < sc->n && sc->s[sc->i] == close) {
		sc->i++;
		return 0;
	}
	for (;;) {
		WS(sc);
		if (object) {
			if (sc->i >= sc->n || sc->s[sc->i] != '"')
				return fail(sc, sc->i, sc->i >= sc->n ?
				    "unexpected end of record" : "expected key");
			if (scan_string(sc) == -1)
				return -1;
			/* compact: the colon right after the key */
			if (sc->i >= sc->n || sc->s[sc->i] != ':') {
				WS(sc);
				if (sc->i >= sc->n || sc->s[sc->i] != ':')
					return fail(sc, sc->i, "expected ':'");
			}
			sc->i++;
			WS(sc);
		}
		if (sc->i < sc->n && sc->s[sc->i] == '"') {
			if (scan_string(sc) == -1)
				return -1;
		} else if (sc->i < sc->n && ((sc->s[sc->i] >= '0' &&
		    sc->s[sc->i] <= '9') || sc->s[sc->i] == '-')) {
			if (scan_number(sc) == -1)
				return -1;
		} else if (scan_value(sc, depth, &t) == -1)
			return -1;
		if (sc->i < sc->n && sc->s[sc->i] == ',') {
			sc->i++;	/* compact: the comma right after */
			continue;
		}
		WS(sc);
		if (sc->i >= sc->n)
			return fail(sc, sc->i, "unexpected end of record");
		if (sc->s[sc->i] == close) {
			sc->i++;
			return 0;
		}
		if (sc->s[sc->i] != ',')
			return fail(sc, sc->i, object ? "expected ',' or '}'" :
			    "expected ',' or ']'");
		sc->i++;
	}
}

static int
scan_value(struct scan *sc, int depth, enum json_kind *t)
{
	WS(sc);
	if (sc->i >= sc->n)
		return fail(sc, sc->i, "unexpected end of record");
	switch (sc->s[sc->i]) {
	case '"':
		*t = JSON_STRING;
		return scan_string(sc);
	case '{':
		*t = JSON_OBJECT;
		return scan_container(sc, depth + 1, 1);
	case '[':
		*t = JSON_ARRAY;
		return scan_container(sc, depth + 1, 0);
	case 't':
		*t = JSON_TRUE;
		return scan_literal(sc, "true");
	case 'f':
		*t = JSON_FALSE;
		return scan_literal(sc, "false");
	case 'n':
		*t = JSON_NULL;
		return scan_literal(sc, "null");
	default:
		*t = JSON_NUMBER;
		if (sc->s[sc->i] == '-' ||
		    (sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9'))
			return scan_number(sc);
		return fail(sc, sc->i, "unexpected character");
	}
}

/*
 * The slot for the next member, filled in place and kept by obj->n++:
 * no copy of a member per member.
 */
static inline struct json_member *
member_slot(struct json_fields *obj)
{
	struct json_member	*p;
	size_t			 cap;

	if (obj->n == obj->cap) {
		cap = obj->cap == 0 ? 16 : obj->cap * 2;
		if ((p = reallocarray(obj->m, cap, sizeof(*p))) == NULL)
			err(2, "out of memory");
		obj->m = p;
		obj->cap = cap;
	}
	return &obj->m[obj->n];
}

/* The top level is scanned here rather than by scan_container to keep spans. */
int
json_scan_object(const char *s, size_t n, struct json_fields *obj,
    size_t *errpos, const char **errmsg)
{
	struct scan		 sc = { s, n, 0, 0, NULL, 0 };
	struct json_member	*m;

	obj->n = 0;
	skip_ws(&sc);
	if (sc.i >= n || s[sc.i] != '{') {
		fail(&sc, sc.i, "record is not a JSON object");
		goto bad;
	}
	sc.i++;
	skip_ws(&sc);
	if (sc.i < n && s[sc.i] == '}')
		goto close;
	for (;;) {
		WS(&sc);
		if (sc.i >= n || s[sc.i] != '"') {
			fail(&sc, sc.i, sc.i >= n ? "unexpected end of record" :
			    "expected key");
			goto bad;
		}
		m = member_slot(obj);
		m->kstart = sc.i;
		if (scan_string(&sc) == -1)
			goto bad;
		m->kend = sc.i;
		m->kesc = sc.esc;
		WS(&sc);
		if (sc.i >= n || s[sc.i] != ':') {
			fail(&sc, sc.i, "expected ':'");
			goto bad;
		}
		sc.i++;
		WS(&sc);
		m->vstart = sc.i;
		m->vesc = 0;
		/* most values are strings or numbers: no call, no second look */
		if (sc.i < n && s[sc.i] == '"') {
			m->type = JSON_STRING;
			if (scan_string(&sc) == -1)
				goto bad;
			m->vesc = sc.esc;
		} else if (sc.i < n && ((s[sc.i] >= '0' && s[sc.i] <= '9') ||
		    s[sc.i] == '-')) {
			m->type = JSON_NUMBER;
			if (scan_number(&sc) == -1)
				goto bad;
		} else if (scan_value(&sc, 1, &m->type) == -1)
			goto bad;
		m->vend = sc.i;
		obj->n++;
		WS(&sc);
		if (sc.i < n && s[sc.i] == '}')
			break;
		if (sc.i >= n || s[sc.i] != ',') {
			fail(&sc, sc.i, sc.i >= n ? "unexpected end of record" :
			    "expected ',' or '}'");
			goto bad;
		}
		sc.i++;
	}
close:
	obj->close = sc.i++;
	skip_ws(&sc);
	if (sc.i < n) {
		fail(&sc, sc.i, "trailing characters after record");
		goto bad;
	}
	return 0;
bad:
	*errpos = sc.errpos;
	*errmsg = sc.errmsg;
	return -1;
}

void
json_fields_free(struct json_fields *obj)
{
	free(obj->m);
	obj->m = NULL;
	obj->n = obj->cap = 0;
}

/* The kind of the value that starts with byte c. */
static enum json_kind
kind_of(char c)
{
	switch (c) {
	case '"':	return JSON_STRING;
	case '{':	return JSON_OBJECT;
	case '[':	return JSON_ARRAY;
	case 't':	return JSON_TRUE;
	case 'f':	return JSON_FALSE;
	case 'n':	return JSON_NULL;
	default:	return JSON_NUMBER;
	}
}

/*
 * One past the string literal whose opening quote is at s[i]: the first
 * quote that no backslash escapes, 16 bytes at a time where SSE2 is there.
 * On bytes that are not JSON it still ends, at n at the latest.
 */
static size_t
skip_long_string(const char *s, size_t n, size_t i)
{
	for (i++; i < n; i += 2) {
#ifdef __SSE2__
		const __m128i	 quote = _mm_set1_epi8('"');
		const __m128i	 bslash = _mm_set1_epi8('\\');

		for (; i + 16 <= n; i += 16) {
			__m128i	 v = _mm_loadu_si128((const __m128i *)(const void *)
			    (s + i));
			unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)));

			if (mask != 0) {
				i += (size_t)__builtin_ctz(mask);
				break;
			}
		}
#endif
		while (i < n && s[i] != '"' && s[i] != '\\')
			i++;
		if (i >= n)
			return n;
		if (s[i] == '"')
			return i + 1;
		/* a backslash: the byte after it is escaped */
	}
	return n;
}

/*
 * Most strings are short: when one 16-byte look finds the closing quote
 * with no backslash before it, one past the quote; else 0.
 */
static inline size_t
short_string_end(const char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	if (i + 17 <= n) {
		__m128i	 v = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i + 1));
		unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));

		if (mask != 0 && s[i + 1 + __builtin_ctz(mask)] == '"')
			return i + 2 + (size_t)__builtin_ctz(mask);
	}
#else
	(void)s;
	(void)n;
	(void)i;
#endif
	return 0;
}

static inline size_t
skip_string(const char *s, size_t n, size_t i)
{
	size_t	 end = short_string_end(s, n, i);

	return end != 0 ? end : skip_long_string(s, n, i);
}

/*
 * skip_string for a key that also tells whether the key holds an escape:
 * the look that finds its end sees any backslash first.
 */
static inline size_t
skip_key(const char *s, size_t n, size_t i, int *esc)
{
	size_t	 end;

	if ((end = short_string_end(s, n, i)) != 0) {
		*esc = 0;
		return end;
	}
	end = skip_long_string(s, n, i);
	*esc = memchr(s + i, '\\', end - i) != NULL;
	return end;
}

/* Bytes that matter while skipping a value: quotes and brackets. */
static const unsigned char structural[256] = {
	['"'] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1
};

/* One past the value starting at s[i] (validated JSON assumed). */
static size_t
skip_value(const char *s, size_t n, size_t i)
{
	size_t	 depth = 0, start;

	if (s[i] == '"')
		return skip_string(s, n, i);
	if (s[i] != '[' && s[i] != '{') {
		start = i;
		while (i < n && s[i] != ',' && s[i] != ']' && s[i] != '}' &&
		    s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			i++;
		/* on bytes that are not JSON, still move on */
		return i > start ? i : start + 1;
	}
	while (i < n) {
		while (i < n && !structural[(unsigned char)s[i]])
			i++;
		if (i >= n)
			break;
		if (s[i] == '"') {
			i = skip_string(s, n, i);
			continue;
		}
		depth += s[i] == '[' || s[i] == '{' ? 1 : (size_t)-1;
		i++;
		if (depth == 0)
			break;
	}
	return i;
}

int
json_array_next(const char *s, size_t n, size_t *pos, size_t *start,
    size_t *end)
{
	size_t	 i = *pos;

	if (i == 0) {
		while (i < n && s[i] != '[')
			i++;
		i++;
	}
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r' || s[i] == ','))
		i++;
	if (i >= n || s[i] == ']')
		return 0;
	*start = i;
	*end = *pos = skip_value(s, n, i);
	return 1;
}

/*
 * Members of an object already validated as part of a record: no checks,
 * so reading the elements of an annotation array costs a skim, not a
 * second validation.
 */
void
json_split_object(const char *s, size_t n, struct json_fields *obj)
{
	struct json_member	*m;
	size_t			 i = 1;

	obj->n = 0;
	obj->close = n > 0 ? n - 1 : 0;
	/* compact JSON, the common case, is settled with a look or two */
	for (;;) {
		if (i + 1 < n && s[i] == ',' && s[i + 1] == '"')
			i++;
		else {
			while (i < n && s[i] != '"' && s[i] != '}')
				i++;
			if (i >= n || s[i] == '}')
				break;
		}
		m = member_slot(obj);
		m->kstart = i;
		m->kend = i = skip_key(s, n, i, &m->kesc);
		if (i >= n || s[i] != ':')
			while (i < n && s[i] != ':')
				i++;
		for (i++; i < n && (unsigned char)s[i] <= ' ' && (s[i] == ' ' ||
		    s[i] == '\t' || s[i] == '\n' || s[i] == '\r'); i++)
			;
		if (i >= n)
			break;
		m->vstart = i;
		/* strings, most of an annotation, skipped without a call */
		if (s[i] == '"') {
			m->vend = i = skip_string(s, n, i);
			m->type = JSON_STRING;
			m->vesc = 1;	/* not looked for: maybe */
		} else {
			m->vend = i = skip_value(s, n, i);
			m->type = kind_of(s[m->vstart]);
			m->vesc = 0;
		}
		obj->n++;
	}
	if (i < n && s[i] == '}')
		obj->close = i;
}

/* Keys are compared raw; only an escaped key needs decoding first. */
long
json_find(const char *s, const struct json_fields *obj, const char *key)
{
	const struct json_member *m;
	size_t		 i, klen = strlen(key), len;
	struct buf	 tmp = { 0 };
	long		 found = -1;

	for (i = 0; i < obj->n && found < 0; i++) {
		m = &obj->m[i];
		len = m->kend - m->kstart - 2;
		if (!m->kesc) {
			if (len == klen && memcmp(s + m->kstart + 1, key, klen) == 0)
				found = (long)i;
			continue;
		}
		buf_reset(&tmp);
		json_decode_string(s + m->kstart, len + 2, &tmp);
		if (tmp.len == klen && memcmp(tmp.p, key, klen) == 0)
			found = (long)i;
	}
	buf_free(&tmp);
	return found;
}

static unsigned
hex4(const char *s)
{
	unsigned	 v = 0;
	int		 k, c;

	for (k = 0; k < 4; k++) {
		c = (unsigned char)s[k];
		v = v << 4 | (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
	}
	return v;
}

/* Decode \uXXXX (and a following low surrogate) at s; returns bytes used. */
static size_t
decode_u(const char *s, const char *end, uint32_t *cp)
{
	unsigned	 hi = hex4(s + 2), lo;

	if (hi >= 0xd800 && hi <= 0xdbff && end - s >= 12 && s[6] == '\\' &&
	    s[7] == 'u') {
		lo = hex4(s + 8);
		if (lo >= 0xdc00 && lo <= 0xdfff) {
			*cp = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
			return 12;
		}
	}
	*cp = hi;	/* a lone surrogate becomes U+FFFD in utf8_put */
	return 6;
}

void
json_decode_string(const char *s, size_t n, struct buf *out)
{
	const char	*p = s + 1, *end = s + n - 1, *bs;
	uint32_t	 cp;
	char		 c;

	buf_reserve(out, n);
	while (p < end) {
		if ((bs = memchr(p, '\\', (size_t)(end - p))) == NULL)
			bs = end;
		buf_add(out, p, (size_t)(bs - p));
		if ((p = bs) >= end)
			break;
		switch (p[1]) {
		case 'b': c = '\b'; break;
		case 'f': c = '\f'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'u':
			p += decode_u(p, end, &cp);
			utf8_put(out, cp);
			continue;
		default: c = p[1]; break;
		}
		buf_addc(out, c);
		p += 2;
	}
}

int
json_get_long(const char *s, size_t n, long long *v)
{
	long long	 r = 0;
	size_t		 i = 0;
	int		 neg = 0;

	if (n > 0 && s[0] == '-') {
		neg = 1;
		i++;
	}
	if (i == n || n - i > 18)
		return -1;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		r = r * 10 + (s[i] - '0');
	}
	*v = neg ? -r : r;
	return 0;
}

/*
 * Bytes that need escaping (quote, backslash, below 0x20) in a word, as
 * their high bits: exact up to the lowest one, which is all that is used.
 */
static inline uint64_t
escape_bits(uint64_t v)
{
	uint64_t q = v ^ (ONES * '"'), bs = v ^ (ONES * '\\');

	return (((q - ONES) & ~q) | ((bs - ONES) & ~bs) |
	    ((v - ONES * 0x20) & ~v)) & HIGHS;
}


/*
 * Copy s[0..n) to d up to the first byte that needs escaping and return
 * how many bytes that is. d has room for n bytes, and bytes past the
 * returned count may be written too (the caller writes over them): so
 * whole 16-byte blocks are stored, the last one overlapping the one
 * before, and the bytes under the overlap are the same both times.
 */
static inline size_t
copy_plain(char *d, const char *s, size_t n)
{
	size_t		 i = 0;
	uint64_t	 a, b, m;
#ifdef __SSE2__
	__m128i		 v;
	unsigned	 k;

	if (n >= 16) {
		for (; i + 16 <= n; i += 16) {
			v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			_mm_storeu_si128((__m128i *)(void *)(d + i), v);
			if ((k = escape_mask(v)) != 0)
				return i + (unsigned)__builtin_ctz(k);
		}
		if (i == n)
			return n;
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
		_mm_storeu_si128((__m128i *)(void *)(d + n - 16), v);
		k = escape_mask(v) >> (16 - (n - i));
		return k != 0 ? i + (unsigned)__builtin_ctz(k) : n;
	}
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* words, the last one overlapping the one before */
	if (n >= 8) {
		for (; i + 8 <= n; i += 8) {
			memcpy(&a, s + i, 8);
			memcpy(d + i, &a, 8);
			if ((m = escape_bits(a)) != 0)
				return i + (size_t)__builtin_ctzll(m) / 8;
		}
		if (i == n)
			return n;
		memcpy(&b, s + n - 8, 8);
		memcpy(d + n - 8, &b, 8);
		/* the bytes before i are plain: they set no bit */
		m = escape_bits(b);
		return m != 0 ? n - 8 + (size_t)__builtin_ctzll(m) / 8 : n;
	}
#else
	(void)a;
	(void)b;
	(void)m;
#endif
	for (; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == '"' || s[i] == '\\')
			break;
		d[i] = s[i];
	}
	return i;
}

void
json_put_string(struct buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t		 i = 0, run;
	unsigned char	 c;
	char		*e;

	/*
	 * Room for the rest of s, the closing quote and the NUL is kept all
	 * along: a plain byte takes one, an escape asks for its extra bytes.
	 */
	buf_reserve(out, n + 2);
	out->p[out->len++] = '"';
	for (;;) {
		run = copy_plain(out->p + out->len, s + i, n - i);
		out->len += run;
		i += run;
		if (i >= n)
			break;
		c = (unsigned char)s[i++];
		buf_reserve(out, 6 + (n - i) + 1);
		e = out->p + out->len;
		e[0] = '\\';
		out->len += 2;
		switch (c) {
		case '"': case '\\': e[1] = (char)c; break;
		case '\n': e[1] = 'n'; break;
		case '\t': e[1] = 't'; break;
		case '\r': e[1] = 'r'; break;
		case '\b': e[1] = 'b'; break;
		case '\f': e[1] = 'f'; break;
		default:
			e[1] = 'u';
			e[2] = '0';
			e[3] = '0';
			e[4] = hex[c >> 4];
			e[5] = hex[c & 15];
			out->len += 4;
			break;
		}
	}
	out->p[out->len++] = '"';
	out->p[out->len] = '\0';
}
