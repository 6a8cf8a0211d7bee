/*
 * Paragraph kinds. Shapes first (boilerplate phrases, bylines, stamps,
 * datelines, sentences), then position: short lines before the body are
 * the headline and site furniture, between body paragraphs headings,
 * after the body more furniture.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <utf8proc.h>

#include "docsplit.h"
#include "hash.h"
#include "regex.h"
#include "utf8.h"

#define SHORT_WORDS	 20	/* longer paragraphs are body whatever they end with */
#define BOILER_WORDS	 12	/* phrase matches count on lines this short */
#define HEADING_WORDS	 15

/* Whole lines that are navigation, labels or prompts. */
#define NAV \
    "^(?i:home|menu|search|close|skip to (?:main )?content|back to top|" \
    "advertisement|advertising|sponsored(?: content)?|" \
    "(?:previous|next|older|newer) (?:article|post|story|page|posts)|" \
    "previous|next|read (?:more|next|also)|see also|more|" \
    "related(?: articles| stories| posts| news| coverage| topics)?|" \
    "more (?:from|on|in) .{1,40}|recommended(?: for you)?|trending(?: now)?|" \
    "most (?:read|popular|viewed|shared)|top stories|latest(?: news)?|" \
    "you (?:may|might) also like|(?:tags?|topics?|categor(?:y|ies)|" \
    "filed under|keywords?|source|credit|photo|image|video|watch|listen|" \
    "audio)\\s*:.*|print|e-?mail|share|tweet|comments?|reply|log ?in|" \
    "sign ?in|sign ?up|register|subscribe(?: now)?|" \
    "cookies?(?: settings| policy)?|accept(?: all)?(?: cookies)?|" \
    "privacy(?: policy)?|terms of (?:use|service)|contact us|about us|" \
    "(?:all rights reserved|copyright|©).*|https?://\\S+|www\\.\\S+|" \
    "(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|" \
    "pinterest|email|print|copy link)\\W*){2,})\\W*$"

/* Calls to action and counters anywhere in a short line. */
#define CTA \
    "(?i:\\b(?:subscribe\\b|sign up (?:for|to)|mailing list|newsletter|" \
    "donat(?:e|ion)s?\\b|support (?:our|independent) journalism|" \
    "click here|follow us|like us on|share (?:this|on)\\b|" \
    "(?:leave|write|post|add) a (?:comment|reply)|comments? \\(\\d+\\)|" \
    "\\d[\\d,.]*[km]?\\s+(?:views|comments|shares|likes|reads)\\b|" \
    "all rights reserved|cookie policy|privacy policy|" \
    "download (?:our|the) app|get the app|continue reading|" \
    "read (?:the )?(?:full|more)\\b))"

/* Phrases that mark site furniture even in a longer line. */
#define STRONG \
    "(?i:\\b(?:tips? line|send us (?:your )?tips|mailing list|" \
    "sign up for our|subscribe to our|this (?:story|article|report) " \
    "(?:was|has been|is) (?:distributed|syndicated|provided|auto-generated|" \
    "published from)|has not been edited by|all rights reserved))"

/* Calls to action count on the shortest lines only. */
static const char nav_pat[] = NAV;
static const char cta_pat[] = CTA;
static const char strong_pat[] = STRONG;

/* Breadcrumbs: Home > World > Europe. */
static const char crumb_pat[] =
    "^(?:[^>»|]{1,30}\\s[>»|]\\s){2,}[^>»|]{1,40}$";

static const char byline_pat[] =
    "^(?i:by|written by|words by|reporting by|story by|text by)\\s+"
    "\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*|and|&|"
    "de|del|der|van|von|al|bin|la|le))*"
    "(?:\\s*[,|;·•–—-]\\s*.*|\\s+[\\d,.]+[km]?\\s+(?i:views|comments))?$";

/*
 * First four letters (lower case) of the words that the call-to-action
 * patterns need; a short line with none of them skips those patterns.
 */
static const char triggers[][5] = {
	"add ", "all ", "app ", "auto", "clic", "comm", "cont", "cook", "dist",
	"dona", "down", "edit", "foll", "get ", "jour", "leav", "like", "mail",
	"news", "post", "priv", "prov", "publ", "read", "repl", "rese", "righ",
	"send", "shar", "sign", "subs", "supp", "synd", "tip ", "tips", "view",
	"writ"
};
#define NTRIGGERS	(sizeof(triggers) / sizeof(triggers[0]))

static uint32_t
word_key(const char *p, size_t len)
{
	uint32_t	 key = 0;
	size_t		 i;
	int		 c;

	for (i = 0; i < 4; i++) {
		c = i < len ? (unsigned char)p[i] : ' ';
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		key = key << 8 | (uint32_t)c;
	}
	return key;
}

struct classifier {
	struct regex	 nav;
	struct regex	 cta;
	struct regex	 strong;
	struct regex	 crumb;
	struct regex	 byline;
	struct stamper	*stamper;
	void		*seen;		/* struct keyed, for mark_repeats */
	uint32_t	 trigger_keys[NTRIGGERS];
	size_t		 seencap;
};

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

struct classifier *
classifier_new(struct stamper *st)
{
	struct classifier *c;
	size_t		 i;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		err(2, "out of memory");
	for (i = 0; i < NTRIGGERS; i++)
		c->trigger_keys[i] = word_key(triggers[i], 4);
	qsort(c->trigger_keys, NTRIGGERS, sizeof(uint32_t), cmp_u32);
	regex_builtin(&c->nav, nav_pat, 0);
	regex_builtin(&c->cta, cta_pat, 0);
	regex_builtin(&c->strong, strong_pat, 0);
	regex_builtin(&c->crumb, crumb_pat, 0);
	regex_builtin(&c->byline, byline_pat, 0);
	c->stamper = st;
	return c;
}

void
classifier_free(struct classifier *c)
{
	if (c == NULL)
		return;
	regex_free(&c->nav);
	regex_free(&c->cta);
	regex_free(&c->strong);
	regex_free(&c->crumb);
	regex_free(&c->byline);
	free(c->seen);
	free(c);
}

const char *
kind_name(enum kind k)
{
	static const char *const names[] = {
		"body", "title", "byline", "dateline", "heading", "boilerplate"
	};

	return names[k];
}

static int
is_upper_at(const char *s, size_t n)
{
	size_t	 len;

	if ((unsigned char)s[0] < 0x80)
		return s[0] >= 'A' && s[0] <= 'Z';
	return utf8proc_isupper((utf8proc_int32_t)utf8_decode(
	    (const unsigned char *)s, n, &len));
}

/* Counting words and capitals is what tells a headline from a sentence. */
/* Does a short line hold a trigger word? Only short lines get asked. */
static int
has_trigger(const struct classifier *c, const char *s, size_t n)
{
	const char	*p = s, *end = s + n, *sp;
	uint32_t	 key;

	while (p < end) {
		while (p < end && *p == ' ')
			p++;
		if ((sp = memchr(p, ' ', (size_t)(end - p))) == NULL)
			sp = end;
		key = word_key(p, (size_t)(sp - p));
		if (p < sp && bsearch(&key, c->trigger_keys, NTRIGGERS,
		    sizeof(key), cmp_u32) != NULL)
			return 1;
		p = sp;
	}
	return 0;
}

/*
 * Words in s, counting no further than max + 1: most paragraphs are long
 * and only need telling apart from short ones, 16 bytes at a time.
 */
static int
word_count(const char *s, size_t n, int max)
{
	size_t		 i = 0;
	int		 words = 0, prev_space = 1;
#ifdef __SSE2__
	const __m128i	 sp = _mm_set1_epi8(' ');
	unsigned	 space, starts;

	for (; i + 16 <= n && words <= max; i += 16) {
		space = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(const void *)(s + i)), sp));
		/* a word starts where a non-space follows a space */
		starts = ~space & ((space << 1) | (unsigned)prev_space) & 0xffff;
		words += __builtin_popcount(starts);
		prev_space = (space >> 15) & 1;
	}
#endif
	for (; i < n && words <= max; i++) {
		if (s[i] != ' ' && prev_space)
			words++;
		prev_space = s[i] == ' ';
	}
	return words;
}

static void
count_words(const char *s, size_t n, struct pfeat *f)
{
	const char	*p = s, *end = s + n, *sp;

	if (word_count(s, n, SHORT_WORDS) > SHORT_WORDS) {
		f->words = SHORT_WORDS + 1;
		return;
	}

	while (p < end) {
		while (p < end && *p == ' ')
			p++;
		if (p >= end)
			break;
		/* Past this many words the paragraph is body; stop counting. */
		if (++f->words > SHORT_WORDS)
			break;
		/* words are short: a plain loop beats a call to memchr */
		for (sp = p; sp < end && *sp != ' '; sp++)
			;
		if (sp - p >= 4) {	/* bytes, near enough to letters */
			f->longwords++;
			f->capwords += is_upper_at(p, (size_t)(end - p));
		}
		p = sp;
	}
}

/*
 * Ends like a sentence: . ! ? or … before any closing quotes; 2 for
 * : ; , which end a clause that the next paragraph continues.
 */
static int
ends_sentence(const char *s, size_t n)
{
	while (n > 0) {
		unsigned char c = (unsigned char)s[n - 1];

		if (c == '"' || c == '\'' || c == ')')
			n--;
		else if (n >= 3 && ((unsigned char)s[n - 3] == 0xe2 &&
		    (unsigned char)s[n - 2] == 0x80 &&
		    ((unsigned char)s[n - 1] == 0x9d ||
		    (unsigned char)s[n - 1] == 0x99)))
			n -= 3;		/* ” ’ */
		else
			break;
	}
	if (n == 0)
		return 0;
	if (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?')
		return 1;
	if (s[n - 1] == ':' || s[n - 1] == ';' || s[n - 1] == ',')
		return 2;
	return n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0;
}

/* "- item", "* item", "• item": list items belong to the body. */
static int
is_item(const char *s, size_t n)
{
	return n > 2 && ((s[0] == '-' || s[0] == '*') && s[1] == ' ') ?
	    1 : n > 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0;
}

/* Byte classes for the cheap tests before a regular expression runs. */
enum { B_CRUMB = 1, B_DIGIT = 2 };

static const unsigned char byte_class[256] = {
	['>'] = B_CRUMB, ['|'] = B_CRUMB, [0xc2] = B_CRUMB,	/* » */
	['0'] = B_DIGIT, ['1'] = B_DIGIT, ['2'] = B_DIGIT, ['3'] = B_DIGIT,
	['4'] = B_DIGIT, ['5'] = B_DIGIT, ['6'] = B_DIGIT, ['7'] = B_DIGIT,
	['8'] = B_DIGIT, ['9'] = B_DIGIT
};

static int
classes_in(const char *s, size_t n)
{
	size_t	 i;
	int	 found = 0;

	for (i = 0; i < n; i++)
		found |= byte_class[(unsigned char)s[i]];
	return found;
}

static void
features(struct classifier *c, const char *s, size_t n, struct pfeat *f)
{
	struct date_time dl;
	int		 classes;

	memset(f, 0, sizeof(*f));
	count_words(s, n, f);
	f->ends_sentence = ends_sentence(s, n);
	f->item = is_item(s, n);
	/* Datelines open with a capitalized place name: test that first. */
	if (n > 8 && ((s[0] >= 'A' && s[0] <= 'Z') || (unsigned char)s[0] >= 0x80) &&
	    ((s[1] >= 'A' && s[1] <= 'Z') || (unsigned char)s[1] >= 0x80))
		f->dateline = stamp_dateline(c->stamper, s, n, &dl);
	if (f->words > SHORT_WORDS)
		return;
	/* Cheap tests on bytes first: most short lines are plain headings. */
	classes = classes_in(s, n);
	f->trigger = has_trigger(c, s, n);
	f->boiler = regex_match(&c->nav, s, n, 0) ||
	    (f->trigger && f->words <= BOILER_WORDS &&
	    regex_match(&c->cta, s, n, 0)) ||
	    (f->trigger && regex_match(&c->strong, s, n, 0)) ||
	    ((classes & B_CRUMB) && regex_match(&c->crumb, s, n, 0));
	f->byline = f->words <= 15 && strchr("BbWwRrSsTt", s[0]) != NULL &&
	    regex_match(&c->byline, s, n, 0);
	f->stamp = (classes & B_DIGIT) &&
	    stamp_is_stamp(c->stamper, s, n, f->words);
}

struct keyed {
	uint64_t	 hash;
	size_t		 para;
};

static int
cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/*
 * Mark short paragraphs whose text occurs more than once in the document
 * (a site name above and below the headline); sorting keeps it O(n log n)
 * for dumps read as one document.
 */
static void
mark_repeats(struct classifier *c, struct doc *d)
{
	struct keyed	*k;
	size_t		 i, j, n = 0;

	if (d->npara > c->seencap) {
		free(c->seen);
		c->seencap = d->npara;
		if ((c->seen = reallocarray(NULL, c->seencap,
		    sizeof(struct keyed))) == NULL)
			err(2, "out of memory");
	}
	k = c->seen;
	for (i = 0; i < d->npara; i++)
		if (d->paras[i].f.words <= BOILER_WORDS) {
			k[n].hash = hash64(para_text(d, &d->paras[i]),
			    d->paras[i].len);
			k[n++].para = i;
		}
	if (n < 2)
		return;
	qsort(k, n, sizeof(*k), cmp_keyed);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && k[j].hash == k[i].hash; j++)
			;
		if (j - i > 1)
			for (; i < j; i++)
				d->paras[k[i].para].f.repeated = 1;
	}
}

/* A sentence: ends like one (and is not a capitalized headline) or is long. */
static int
sentence_like(const struct pfeat *f)
{
	int	 titlecase = f->longwords >= 2 &&
	    f->capwords * 4 >= f->longwords * 3;

	if (f->ends_sentence == 2)	/* a clause running on: "includes:" */
		return f->words >= 5;
	return f->words > SHORT_WORDS || (f->item && f->words >= 3) ||
	    (f->ends_sentence && f->words >= 4 && !titlecase) ||
	    (f->ends_sentence && f->words >= 10);
}

/* First pass: kinds that the paragraph's own shape decides. */
static enum kind
shape_kind(const struct para *p, int *decided)
{
	*decided = 1;
	if (p->f.byline)
		return KIND_BYLINE;
	if (p->f.stamp)
		return KIND_DATELINE;
	if (p->f.boiler || p->f.repeated)
		return KIND_BOILERPLATE;
	if (p->f.dateline > 0)
		return KIND_DATELINE;
	if (sentence_like(&p->f))
		return KIND_BODY;
	*decided = 0;
	return KIND_BODY;
}

void
classify(struct classifier *c, struct doc *d)
{
	size_t	 i, first = d->npara, last = 0, title = d->npara;
	int	*decided, any_body = 0;

	if ((decided = calloc(d->npara + 1, sizeof(*decided))) == NULL)
		err(2, "out of memory");
	for (i = 0; i < d->npara; i++)
		features(c, para_text(d, &d->paras[i]), d->paras[i].len,
		    &d->paras[i].f);
	mark_repeats(c, d);
	for (i = 0; i < d->npara; i++) {
		d->paras[i].kind = shape_kind(&d->paras[i], &decided[i]);
		if (decided[i] && (d->paras[i].kind == KIND_BODY ||
		    (d->paras[i].kind == KIND_DATELINE &&
		    d->paras[i].f.dateline > 0))) {
			if (!any_body)
				first = i;
			last = i;
			any_body = 1;
		}
	}
	/* The headline is the short line nearest the body's start. */
	for (i = 0; i < first && i < d->npara; i++)
		if (!decided[i] && d->paras[i].f.words >= 2)
			title = i;
	for (i = 0; i < d->npara; i++) {
		if (decided[i])
			continue;
		if (!any_body)
			d->paras[i].kind = KIND_BODY;
		else if (i == title)
			d->paras[i].kind = KIND_TITLE;
		else if (i > first && i < last &&
		    d->paras[i].f.words <= HEADING_WORDS)
			d->paras[i].kind = KIND_HEADING;
		else if (i > first && i < last)
			d->paras[i].kind = KIND_BODY;
		else
			d->paras[i].kind = KIND_BOILERPLATE;
	}
	free(decided);
}
