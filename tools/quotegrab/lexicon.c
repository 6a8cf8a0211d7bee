/*
 * The words quotegrab knows: cue verbs (lemma and inflections, embedded
 * and from -f files) and the function words that shape an attribution.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bsd/stdlib.h>
#include <bsd/string.h>
#include <err.h>

#include "quotegrab.h"
#include "lexicon.h"


/*
 * The embedded cue verbs, one lemma per line followed by its inflected
 * forms; the flags say how the verb carries its content.
 */
static const struct {
	const char	*forms;
	unsigned	 flags;
} builtin_cues[] = {
	{ "say says said saying", CUE_BARE | CUE_SAY },
	{ "tell tells told telling", CUE_BARE | CUE_OBJ },
	{ "add adds added adding", CUE_BARE },
	{ "note notes noted noting", CUE_WIDE },
	{ "state states stated stating", 0 },
	{ "stress stresses stressed stressing", CUE_WIDE },
	{ "insist insists insisted insisting", CUE_BARE },
	{ "warn warns warned warning", CUE_OBJ | CUE_WIDE },
	{ "argue argues argued arguing", CUE_BARE },
	{ "claim claims claimed claiming", CUE_BARE },
	{ "explain explains explained explaining", CUE_WIDE },
	{ "confirm confirms confirmed confirming", CUE_WIDE },
	{ "deny denies denied denying", CUE_WIDE },
	{ "announce announces announced announcing", CUE_WIDE },
	{ "declare declares declared declaring", CUE_WIDE },
	{ "remark remarks remarked remarking", 0 },
	{ "acknowledge acknowledges acknowledged acknowledging", CUE_WIDE },
	{ "admit admits admitted admitting", CUE_WIDE },
	{ "write writes wrote written writing", CUE_BARE },
	{ "report reports reported reporting", 0 },
	{ "suggest suggests suggested suggesting", CUE_BARE },
	{ "emphasize emphasizes emphasized emphasizing emphasise "
	    "emphasises emphasised emphasising", CUE_WIDE },
	{ "recall recalls recalled recalling", CUE_WIDE },
	{ "ask asks asked asking", CUE_OBJ | CUE_WIDE },
	{ "reply replies replied replying", 0 },
	{ "respond responds responded responding", CUE_WIDE },
	{ "assert asserts asserted asserting", 0 },
	{ "contend contends contended contending", 0 },
	{ "maintain maintains maintained maintaining", 0 },
	{ "observe observes observed observing", 0 },
	{ "concede concedes conceded conceding", 0 },
	{ "caution cautions cautioned cautioning", 0 },
	{ "predict predicts predicted predicting", CUE_WIDE },
	{ "reiterate reiterates reiterated reiterating", CUE_WIDE },
	{ "complain complains complained complaining", 0 },
	{ "promise promises promised promising", CUE_WIDE },
	{ "vow vows vowed vowing", CUE_WIDE },
	{ "pledge pledges pledged pledging", CUE_WIDE },
	{ "allege alleges alleged alleging", 0 },
	{ "reveal reveals revealed revealing", CUE_WIDE },
	{ "indicate indicates indicated indicating", 0 },
	{ "signal signals signaled signalled signaling signalling", 0 },
	{ "hint hints hinted hinting", 0 },
	{ "tweet tweets tweeted tweeting", 0 },
	{ "testify testifies testified testifying", 0 },
	{ "conclude concludes concluded concluding", 0 },
	{ "comment comments commented commenting", 0 },
	{ "agree agrees agreed agreeing", CUE_WIDE },
	{ "estimate estimates estimated estimating", CUE_WIDE },
	{ "believe believes believed believing", CUE_BARE },
	{ "think thinks thought thinking", CUE_BARE },
	{ "inform informs informed informing", CUE_OBJ },
	{ "assure assures assured assuring", CUE_OBJ },
	{ "remind reminds reminded reminding", CUE_OBJ },
	{ "announce announces announced announcing", 0 },
	/* stance and demand verbs: their object is the content */
	{ "call calls called calling", CUE_WIDE },
	{ "show shows showed shown showing", CUE_WIDE | CUE_BARE },
	{ "cite cites cited citing", CUE_WIDE },
	{ "expect expects expected expecting", CUE_WIDE },
	{ "want wants wanted wanting", CUE_WIDE },
	{ "propose proposes proposed proposing", CUE_WIDE },
	{ "find finds found finding", CUE_WIDE | CUE_BARE },
	{ "question questions questioned questioning", CUE_WIDE },
	{ "attack attacks attacked attacking", CUE_WIDE },
	{ "support supports supported supporting", CUE_WIDE },
	{ "demand demands demanded demanding", CUE_WIDE },
	{ "know knows knew known knowing", CUE_WIDE | CUE_BARE },
	{ "urge urges urged urging", CUE_WIDE },
	{ "accuse accuses accused accusing", CUE_WIDE },
	{ "endorse endorses endorsed endorsing", CUE_WIDE },
	{ "offer offers offered offering", CUE_WIDE },
	{ "charge charges charged charging", CUE_WIDE },
	{ "discuss discusses discussed discussing", CUE_WIDE },
	{ "refuse refuses refused refusing", CUE_WIDE },
	{ "decline declines declined declining", CUE_WIDE },
	{ "reject rejects rejected rejecting", CUE_WIDE },
	{ "point points pointed pointing", CUE_WIDE },
	{ "mention mentions mentioned mentioning", CUE_WIDE },
	{ "describe describes described describing", CUE_WIDE },
	{ "criticize criticizes criticized criticizing criticise "
	    "criticises criticised criticising", CUE_WIDE },
	{ "blast blasts blasted blasting", CUE_WIDE },
	{ "condemn condemns condemned condemning", CUE_WIDE },
	{ "praise praises praised praising", CUE_WIDE },
	{ "dismiss dismisses dismissed dismissing", CUE_WIDE },
	{ "defend defends defended defending", CUE_WIDE },
	{ "recommend recommends recommended recommending", CUE_WIDE },
	{ "threaten threatens threatened threatening", CUE_WIDE },
	{ "hope hopes hoped hoping", CUE_WIDE | CUE_BARE },
	{ "fear fears feared fearing", CUE_WIDE | CUE_BARE },
	{ "worry worries worried worrying", CUE_WIDE },
	{ "doubt doubts doubted doubting", CUE_WIDE },
	{ "seek seeks sought seeking", CUE_WIDE },
	{ "intend intends intended intending", CUE_WIDE },
	{ "aim aims aimed aiming", CUE_WIDE },
	{ "decide decides decided deciding", CUE_WIDE },
	{ "speak speaks spoke spoken speaking", CUE_WIDE | CUE_PART },
	{ "talk talks talked talking", CUE_WIDE | CUE_PART },
	{ "wonder wonders wondered wondering", CUE_WIDE },
	{ "blame blames blamed blaming", CUE_WIDE },
	{ "brand brands branded branding", CUE_WIDE },
	{ "label labels labeled labelled labeling labelling", CUE_WIDE },
	{ "encourage encourages encouraged encouraging", CUE_WIDE },
	{ "exhort exhorts exhorted exhorting", CUE_WIDE },
	{ "tout touts touted touting", CUE_WIDE },
	{ "highlight highlights highlighted highlighting", CUE_WIDE },
	{ "express expresses expressed expressing", CUE_WIDE },
	{ "voice voices voiced voicing", CUE_WIDE },
	{ "forecast forecasts forecasted forecasting", CUE_WIDE },
	{ "continue continues continued continuing", CUE_TAIL },
	{ "exclaim exclaims exclaimed exclaiming", CUE_TAIL },
	{ "quip quips quipped quipping", CUE_TAIL },
	{ "read reads", CUE_TAIL },
	{ "joke jokes joked joking", CUE_TAIL },
	{ "shout shouts shouted shouting", CUE_TAIL },
	{ "whisper whispers whispered whispering", CUE_TAIL },
	{ "recount recounts recounted recounting", CUE_TAIL },
	{ "tell tells told telling", CUE_BARE | CUE_OBJ },
};

/* Function words: "word word ...", class bits. */
static const struct {
	const char	*words;
	unsigned	 cls;
} builtin_words[] = {
	{ "he she", W_PRON },
	{ "they it we i you", W_PRONX },
	{ "the a an his her their its our this that these those another one "
	    "some many several two three other both each every no", W_DET },
	{ "has have had also would will could did does do is was were are "
	    "later earlier previously repeatedly recently then again once "
	    "further reportedly publicly privately only never just already "
	    "often frequently subsequently initially first last still even "
	    "separately simply flatly openly bluntly repeatedly", W_AUX },
	{ "and but while whereas or so yet although though because as if "
	    "when after before since however meanwhile", W_CONJ },
	{ "monday tuesday wednesday thursday friday saturday sunday "
	    "yesterday today tonight morning afternoon evening night week "
	    "weekend month year day days weeks months last this next earlier "
	    "late", W_TIME },
	{ "mr mrs ms dr president sen senator rep representative gov governor "
	    "minister secretary spokesman spokeswoman spokesperson chancellor "
	    "premier prime general gen col lt capt sgt adm ambassador "
	    "director chairman chairwoman chief judge justice mayor rev "
	    "prof professor king queen prince pope envoy negotiator aide "
	    "leader commander deputy candidate nominee speaker sir lord "
	    "dame st", W_TITLE },
	{ "council ministry service post times news journal party union "
	    "nations states department house committee organization "
	    "organisation agency office institute university court commission "
	    "bank fund association foundation center centre group company "
	    "corporation press network magazine tribune herald review campaign "
	    "administration government senate congress parliament assembly "
	    "kremlin pentagon bureau board federation alliance forces army "
	    "police army navy reuters xinhua tass ria interfax cnn bbc fox "
	    "msnbc nbc abc cbs npr politifact street square", W_ORG },
	{ "in on at during after before since for with from by about over "
	    "of into to under through via", W_PREP },
	{ "that", W_THAT },
	{ "reporters journalists me us him her them you lawmakers "
	    "congress parliament supporters listeners viewers audience "
	    "colleagues", W_OBJ },
	{ "who which whom whose where when what why how", W_REL },
	{ "is was are were be been being to not n't there here", W_STOPNP },
	{ "according", W_ACCORD },
};

/* The folded word w, zero padded to LEX_MAXWORD: the mix of its tail. */
static uint64_t
rest_mix(const char *w, size_t n)
{
	uint64_t	 v = 0, x;
	size_t		 i;

	for (i = LEX_FAST; i < n; i += 8) {
		memcpy(&x, w + i, 8);
		v = (v ^ x) * 0xff51afd7ed558ccdULL;
	}
	return v;
}

static uint64_t
entry_hash(const struct lexicon *lx, size_t x)
{
	const struct entry *e = &lx->ents[x];

	return lex_hash(lx, e->k1, e->k2, e->len, rest_mix(lx->words[x],
	    e->len));
}

/*
 * Put entry x in one of its slots, moving those in the way to their
 * other slot; 0 when that goes round in circles.
 */
static int
place(struct lexicon *lx, uint16_t x)
{
	uint64_t	 h = entry_hash(lx, x);
	size_t		 p = lex_slot1(lx, h), q = lex_slot2(lx, h), kick;
	uint16_t	 out;

	if ((lx->slots[p] & SLOT_ENTRY) != 0 && (lx->slots[q] & SLOT_ENTRY)
	    == 0)
		p = q;
	for (kick = 0; kick < 4 * lx->size; kick++) {
		out = lx->slots[p] & SLOT_ENTRY;
		lx->slots[p] = (lx->slots[p] & SLOT_FAR) | x;
		/* a lookup of x must look past its first slot; a mark left
		 * when x moves on costs a look, no answer */
		if (p != lex_slot1(lx, h))
			lx->slots[lex_slot1(lx, h)] |= SLOT_FAR;
		if (out == 0)
			return 1;
		x = out;
		h = entry_hash(lx, x);
		p = lex_slot1(lx, h) == p ? lex_slot2(lx, h) : lex_slot1(lx, h);
	}
	/* x is out of the table now: the caller builds it anew */
	return 0;
}

/*
 * A table of the given size with every entry in it; twice the size, or
 * another multiplier, until the entries fit.
 */
static void
rebuild(struct lexicon *lx, size_t size)
{
	size_t	 x, tries;

	for (tries = 0;; tries++) {
		/*
		 * Words whose hashes collide in all 64 bits share their two
		 * slots whatever the multiplier; three of them never fit.
		 * Made-up words could do that, news words do not.
		 */
		if (tries == 64)
			errx(2, "cannot fit %zu cue words in the lexicon's table",
			    lx->used - 1);
		free(lx->slots);
		lx->size = size;
		for (lx->lg = 0; ((size_t)1 << lx->lg) < size; lx->lg++)
			;
		lx->sh1 = 64 - lx->lg;
		lx->sh2 = 64 - 2 * lx->lg;
		if ((lx->slots = calloc(size, sizeof(*lx->slots))) == NULL)
			err(2, "out of memory");
		for (x = 1; x < lx->used; x++)
			if (!place(lx, (uint16_t)x))
				break;
		if (x == lx->used)
			return;
		lx->mul = lx->mul * 0x5851f42d4c957f2dULL + 0x14057b7ef767814fULL;
		lx->mul |= 1;
		if (lx->used * 16 > size)
			size *= 2;
	}
}

/* Fold s into w (LEX_MAXWORD bytes, zero padded); 0 if it is no word. */
static int
fold(char *w, const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || n >= LEX_MAXWORD)
		return 0;
	memset(w, 0, LEX_MAXWORD);
	for (i = 0; i < n; i++)
		w[i] = (char)lower((unsigned char)s[i]);
	return 1;
}

/* The entry of folded word w in slot p, if it is there. */
static int
holds(const struct lexicon *lx, size_t p, const char *w, size_t n,
    uint64_t k1, uint64_t k2)
{
	size_t		 x = lx->slots[p] & SLOT_ENTRY;
	const struct entry *e = &lx->ents[x];

	return e->k1 == k1 && e->k2 == k2 && e->len == n && (n <= LEX_FAST ||
	    memcmp(lx->words[x] + LEX_FAST, w + LEX_FAST, n - LEX_FAST) == 0);
}

/* The slot of folded word w, or (size_t)-1. */
static size_t
find_folded(const struct lexicon *lx, const char *w, size_t n)
{
	uint64_t	 k1, k2, h;

	memcpy(&k1, w, 8);
	memcpy(&k2, w + 8, 8);
	h = lex_hash(lx, k1, k2, n, rest_mix(w, n));
	if (holds(lx, lex_slot1(lx, h), w, n, k1, k2))
		return lex_slot1(lx, h);
	if (holds(lx, lex_slot2(lx, h), w, n, k1, k2))
		return lex_slot2(lx, h);
	return (size_t)-1;
}

const struct entry *
lex_find_slow(const struct lexicon *lx, const char *s, size_t n)
{
	char	 w[LEX_MAXWORD];
	size_t	 p;

	if (!fold(w, s, n) || (p = find_folded(lx, w, n)) == (size_t)-1)
		return lx->ents;
	return &lx->ents[lx->slots[p] & SLOT_ENTRY];
}

static struct entry *
enter(struct lexicon *lx, const char *s, size_t n)
{
	struct entry	*e;
	char		 w[LEX_MAXWORD];
	size_t		 p;

	if (!fold(w, s, n))
		return NULL;
	if ((p = find_folded(lx, w, n)) != (size_t)-1)
		return &lx->ents[lx->slots[p] & SLOT_ENTRY];
	if (lx->used >= LEX_MAXENTS) {
		lx->full = 1;
		return NULL;
	}
	if (lx->used == lx->capents) {
		lx->capents *= 2;
		if ((lx->ents = reallocarray(lx->ents, lx->capents,
		    sizeof(*lx->ents))) == NULL || (lx->words =
		    reallocarray(lx->words, lx->capents,
		    sizeof(*lx->words))) == NULL)
			err(2, "out of memory");
	}
	e = &lx->ents[lx->used];
	memcpy(lx->words[lx->used], w, LEX_MAXWORD);
	memcpy(&e->k1, w, 8);
	memcpy(&e->k2, w + 8, 8);
	e->len = (uint32_t)n;
	e->val = 0;
	lx->used++;
	/* a sparse table: few first slots are marked far */
	if (lx->used * 8 > lx->size || !place(lx, (uint16_t)(lx->used - 1)))
		rebuild(lx, lx->used * 8 > lx->size ? lx->size * 2 :
		    lx->size);
	return &lx->ents[lx->used - 1];
}

/* An empty table, with entry 0 that matches no word. */
static void
lex_init(struct lexicon *lx)
{
	size_t	 n;

	lx->capents = 1024;
	if ((lx->ents = calloc(lx->capents, sizeof(*lx->ents))) == NULL ||
	    (lx->words = calloc(lx->capents, sizeof(*lx->words))) == NULL)
		err(2, "out of memory");
	lx->ents[0].len = 0xff;
	for (n = 0; n <= LEX_FAST; n++) {
		lx->masks[n][0] = bytemask(n);
		lx->masks[n][1] = bytemask(n > 8 ? n - 8 : 0);
	}
	lx->used = 1;
	lx->mul = 0x9e3779b97f4a7c15ULL;
	rebuild(lx, 8192);
}

/* Enter every blank-separated word of list, calling back per word. */
static void
add_words(struct lexicon *lx, const char *list, unsigned cls, int cue)
{
	const char	*p = list, *q;
	struct entry	*e;

	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		for (q = p; *q != '\0' && *q != ' ' && *q != '\t'; q++)
			;
		if (q > p && (e = enter(lx, p, (size_t)(q - p))) != NULL) {
			e->val |= cls;
			if (cue >= 0)
				e->val = (e->val & 0xffff) | (uint32_t)(cue + 1) << 16;
		}
		p = q;
	}
}

static int
find_lemma(const struct lexicon *lx, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < lx->ncues; i++)
		if (strlen(lx->cues[i].lemma) == n &&
		    strncasecmp(lx->cues[i].lemma, s, n) == 0)
			return (int)i;
	return -1;
}

/* A lemma and its forms; a known lemma gains the new forms. */
static void
add_cue(struct lexicon *lx, const char *forms, unsigned flags)
{
	const char	*p = forms;
	size_t		 n;
	int		 i;
	char		*joined;

	n = strcspn(p, " \t");
	if (n == 0)
		return;
	if ((i = find_lemma(lx, p, n)) < 0) {
		if (lx->ncues == lx->capcues) {
			lx->capcues = lx->capcues ? lx->capcues * 2 : 64;
			lx->cues = reallocarray(lx->cues, lx->capcues,
			    sizeof(*lx->cues));
			if (lx->cues == NULL)
				err(2, "out of memory");
		}
		i = (int)lx->ncues++;
		if ((lx->cues[i].lemma = strndup(p, n)) == NULL ||
		    (lx->cues[i].forms = strdup(forms)) == NULL)
			err(2, "out of memory");
		lx->cues[i].flags = flags;
	} else {
		if (asprintf(&joined, "%s %s", lx->cues[i].forms,
		    forms + n + strspn(forms + n, " \t")) == -1)
			err(2, "out of memory");
		free(lx->cues[i].forms);
		lx->cues[i].forms = joined;
		lx->cues[i].flags |= flags;
	}
	add_words(lx, forms, 0, i);
}

struct lexicon *
lex_new(void)
{
	struct lexicon	*lx;
	size_t		 i;

	if ((lx = calloc(1, sizeof(*lx))) == NULL)
		err(2, "out of memory");
	lex_init(lx);
	for (i = 0; i < sizeof(builtin_words) / sizeof(builtin_words[0]); i++)
		add_words(lx, builtin_words[i].words, builtin_words[i].cls, -1);
	for (i = 0; i < sizeof(builtin_cues) / sizeof(builtin_cues[0]); i++)
		if (find_lemma(lx, builtin_cues[i].forms,
		    strcspn(builtin_cues[i].forms, " ")) < 0)
			add_cue(lx, builtin_cues[i].forms,
			    builtin_cues[i].flags);
	return lx;
}

void
lex_free(struct lexicon *lx)
{
	size_t	 i;

	if (lx == NULL)
		return;
	for (i = 0; i < lx->ncues; i++) {
		free(lx->cues[i].lemma);
		free(lx->cues[i].forms);
	}
	free(lx->cues);
	free(lx->slots);
	free(lx->ents);
	free(lx->words);
	free(lx);
}

/* Regular inflections of a lemma given alone: -s, -ed, -ing. */
static void
inflect(const char *lemma, size_t n, struct buf *out)
{
	char	 last = n > 0 ? lemma[n - 1] : 0;
	char	 before = n > 1 ? lemma[n - 2] : 0;
	int	 y = last == 'y' && before != 0 && strchr("aeiou", before) ==
	    NULL;

	buf_add(out, lemma, n);
	buf_addc(out, ' ');
	if (y) {
		buf_add(out, lemma, n - 1);
		BUF_ADDLIT(out, "ies ");
		buf_add(out, lemma, n - 1);
		BUF_ADDLIT(out, "ied ");
	} else {
		buf_add(out, lemma, n);
		if (last == 's' || last == 'x' || last == 'z' ||
		    last == 'h')
			buf_addc(out, 'e');
		BUF_ADDLIT(out, "s ");
		buf_add(out, lemma, n);
		if (last != 'e')
			buf_addc(out, 'e');
		BUF_ADDLIT(out, "d ");
	}
	buf_add(out, lemma, last == 'e' && n > 2 ? n - 1 : n);
	BUF_ADDLIT(out, "ing");
}

static int
valid_word(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || n >= LEX_MAXWORD)
		return 0;
	for (i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]) && s[i] != '-')
			return 0;
	return 1;
}

/*
 * One cue per line: the lemma, then its forms separated by blanks; a
 * lemma alone gets the regular -s, -ed and -ing forms. '#' starts a
 * comment. Words are ASCII letters and hyphens.
 */
int
lex_load(struct lexicon *lx, const char *path, char *errbuf, size_t errlen)
{
	FILE		*f;
	char		*line = NULL, *p, *q;
	size_t		 cap = 0, n, words;
	ssize_t		 len;
	unsigned long	 lineno = 0;
	struct buf	 forms = { 0 };
	int		 rv = 0;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, f)) != -1) {
		lineno++;
		if ((p = strchr(line, '#')) != NULL)
			*p = '\0';
		buf_reset(&forms);
		words = 0;
		for (p = line; *p != '\0'; p = q) {
			p += strspn(p, " \t\r\n");
			n = strcspn(p, " \t\r\n");
			q = p + n;
			if (n == 0)
				break;
			if (!valid_word(p, n)) {
				snprintf(errbuf, errlen, "%s:%lu: not a word: "
				    "%.*s", path, lineno, (int)(n > 40 ? 40 :
				    n), p);
				rv = -1;
				goto done;
			}
			if (words++ > 0)
				buf_addc(&forms, ' ');
			buf_add(&forms, p, n);
		}
		if (words == 1) {
			n = forms.len;
			buf_reset(&forms);
			inflect(line + strspn(line, " \t"), n, &forms);
		}
		if (words > 0)
			add_cue(lx, forms.p, 0);
		if (lx->full) {
			snprintf(errbuf, errlen, "%s:%lu: more than %u words "
			    "in the lexicon", path, lineno, LEX_MAXENTS - 1);
			rv = -1;
			goto done;
		}
	}
	if (ferror(f)) {
		snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
		rv = -1;
	}
done:
	free(line);
	buf_free(&forms);
	fclose(f);
	return rv;
}

unsigned
lex_word(const struct lexicon *lx, const char *s, size_t n, int *cue)
{
	return lex_lookup(lx, s, n, n, cue);
}

const char *
lex_lemma(const struct lexicon *lx, int cue)
{
	if (cue == -2)
		return "according to";
	return cue >= 0 && (size_t)cue < lx->ncues ? lx->cues[cue].lemma : "";
}

unsigned
lex_cueflags(const struct lexicon *lx, int cue)
{
	return cue >= 0 && (size_t)cue < lx->ncues ? lx->cues[cue].flags : 0;
}

void
lex_dump(const struct lexicon *lx, struct buf *out)
{
	size_t	 i;

	for (i = 0; i < lx->ncues; i++) {
		buf_addcstr(out, lx->cues[i].forms);
		buf_addc(out, '\n');
	}
}
