/*
 * The tagger core: one pass over a record's text finding dictionary
 * aliases, nationality adjectives with agents and titles, new people by
 * title or apposition, and later surname mentions of them in the document.
 */
#include <bsd/stdlib.h>
#include <bsd/string.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "actortag.h"
#include "keys.h"
#include "json.h"
#include "utf8.h"

#define MAXPEOPLE	256
#define MAXROLE		512

#define MAXNAME		128

/*
 * An actor found. Its id, name and role point at the dictionary, the
 * text or a person of the document (nothing is copied); a slug or a
 * "former" role is made in the element's own buffers (EL_OWNID,
 * EL_OWNROLE: the array may move, so no pointer into it is kept).
 */
struct elem {
	size_t		 s, e;		/* byte span in the text */
	const char	*id, *name, *role;
	size_t		 lid, lname, lrole;	/* lrole 0: none */
	const char	*type;
	const char	*how;
	int		 own;
	char		 code[32];
	char		 idbuf[MAXNAME];
	char		 rolebuf[MAXROLE];
};

#define EL_OWNID	1
#define EL_OWNROLE	2
#define EL_PLAINID	4	/* a dictionary string without escapes */
#define EL_PLAINNAME	8
#define EL_PLAINROLE	16

struct person {			/* a new person of the current document */
	char		 name[MAXNAME];
	char		 sur[64];
	char		 id[MAXNAME];
	char		 code[32];
	size_t		 lname, lsur, lid;
};

struct tagger {
	const struct dict	*d;
	struct elem		*el;
	size_t			 nel, elcap;
	int			*ord;	/* elements in output order */
	size_t			 ordcap;
	struct person		*people;
	size_t			 npeople;
	const char		*t;	/* the text being tagged */
	size_t			 n;
	long			 ref;	/* reference day or DAY_NONE */
	int			*gpe;	/* actor -> its GPE actor (same id) */
	int			**holders; /* title actor -> PER entries, -1 ended */
	size_t			 ahead_s, ahead_e; /* a span tagged ahead */
	struct wordset		 stop, part, loc, func, inof, mods, heads;
	uint64_t		 agentend[256];	/* last runs of agents */
};

/* Words that start a capitalized run but never a name. */
static const char *const stopcaps[] = {
	"A", "About", "According", "After", "Against", "Also", "Although",
	"An", "And", "Another", "Any", "April", "As", "At", "August", "But",
	"By", "December", "Despite", "During", "Each", "Earlier", "February",
	"For", "Friday", "From", "Further", "Furthermore", "He", "Her", "His",
	"However", "I", "If", "In", "Instead", "It", "Its", "January", "July",
	"June", "Key", "Last", "Later", "March", "May", "Meanwhile", "Monday",
	"Moreover", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "New", "Next",
	"No", "Not", "November", "Now", "October", "Of", "On", "One", "Or",
	"Our", "Saturday", "September", "She", "Since", "So", "Some", "Sunday",
	"That", "The", "Their", "There", "These", "They", "This", "Those",
	"Thursday", "To", "Today", "Tuesday", "Under", "Until", "We",
	"Wednesday", "What", "When", "Where", "While", "Who", "With", "Yet",
	"Dr", "Dr.", "Gen.", "Sen.", "Rep.", "Lt.", "Col.", "St.", "Sheikh",
	"Prince", "King", "Queen", "Emir", "Ayatollah", "Western", "Eastern",
	"Northern", "Southern", "Central", "Christmas", "Easter", "God",
	"Islamic", "Christian", "Muslim", "Jewish", "Catholic", "Orthodox",
	NULL
};

static const char *const particles[] = {
	"al", "bin", "ibn", "de", "da", "van", "von", "der", "el", "le", "la",
	"du", "dos", "di", "del", "ter", "ben", "abu", NULL
};

static const char *const locatives[] = {
	"in", "at", "near", "from", "outside", "inside", "into",
	"around", "across", "via", "toward", "towards", "visit", "visited",
	"visiting", "visits", "reached", "arrived", "throughout", "within",
	NULL
};

/* Prepositions before a place that give an agent its country. */
static const char *const inoffrom[] = { "in", "of", "from", NULL };

/* Lowercase words that never sit between an adjective and its agent. */
static const char *const funcwords[] = {
	"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "had",
	"has", "have", "he", "her", "his", "in", "is", "it", "its", "not",
	"of", "on", "or", "said", "says", "that", "the", "their", "this",
	"to", "was", "were", "which", "who", "will", "with", "would", "but",
	"also", "could", "may", "might", "should", "can", "did", "does",
	"than", "then", "there", "they", "we", "been", "being", NULL
};

/*
 * The lowercase words that may stand between a place named as a noun and
 * its agent or title ("the US special envoy"); after an adjective or a
 * possessive any two words may ("Romania's new government"), but after
 * a bare name most are verbs ("Baku must withdraw troops").
 */
static const char *const nounmods[] = {
	"special", "new", "interim", "top", "chief", "senior", "former",
	"acting", "deputy", "foreign", "elite", "main", "leading", "lead",
	"regional", "national", "federal", "local", "military", "civilian",
	"transitional", "provisional", "current", "outgoing", "incoming",
	"first", "armed", "peacekeeping", "defence", "defense", "border",
	"security", "government", "opposition", "rebel", "state", NULL
};

/* Heads of an organisation's name, and the role each gives. */
static const char *const orgheads[] = {
	"Ministry", "Agency", "Service", "Office", "Administration",
	"Department", "Government", "Commission", "Committee", "Party",
	"Movement", "Front", "Bank", "Company", "Corporation", "Group",
	"University", "Academy", "School", "College", "Court", "Army",
	"Forces", "Brigade", "Union", "Council", "Institute", "Center",
	"Centre", "Foundation", "Fund", "Club", "Society", "Forum",
	"Association", "Network", "Initiative", "Project", "Watch",
	NULL
};

/* in the order of orgheads */
static const char *const orghead_roles[] = {
	"GOV", "GOV", "GOV", "GOV", "GOV", "GOV", "GOV", "GOV", "GOV", "OPP",
	"OPP", "OPP", "BUS", "BUS", "BUS", "BUS", "EDU", "EDU", "EDU", "EDU",
	"JUD", "MIL", "MIL", "MIL", "LAB", "NGO", "NGO", "NGO", "NGO", "NGO",
	"NGO", "NGO", "NGO", "NGO", "NGO", "NGO", "NGO", "NGO", "NGO",
};
_Static_assert(sizeof(orgheads) / sizeof(orgheads[0]) ==
    sizeof(orghead_roles) / sizeof(orghead_roles[0]) + 1,
    "a role for each head");

static void *
xrealloc(void *p, size_t n, size_t size)
{
	if ((p = reallocarray(p, n, size)) == NULL) {
		fputs("actortag: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

/* The GPE actor each adjective or demonym stands for (same id). */
static void
link_gpes(struct tagger *tg)
{
	const struct dict	*d = tg->d;
	size_t			 i, j;

	for (i = 0; i < d->nactors; i++) {
		tg->gpe[i] = (int)i;
		if (d->actors[i].type != T_ADJ && d->actors[i].type != T_DEM)
			continue;
		for (j = 0; j < d->nactors; j++)
			if (d->actors[j].type == T_GPE &&
			    d->actors[j].nents > 0 &&
			    strcmp(d->actors[j].id, d->actors[i].id) == 0) {
				tg->gpe[i] = (int)j;
				break;
			}
	}
}

static int	role_matches(const struct dict *, int, const char *);

/* The person entries whose role is this title, found once. */
static const int *
title_holders(struct tagger *tg, int title)
{
	const struct dict	*d = tg->d;
	size_t			 i, n = 0;
	int			*v = NULL;

	if (tg->holders[title] != NULL)
		return tg->holders[title];
	for (i = 0; i < d->nents; i++) {
		const struct entry *e = &d->ents[i];

		if (e->dead || e->type != T_PER || e->role == NULL ||
		    !role_matches(d, title, e->role))
			continue;
		v = xrealloc(v, n + 2, sizeof(int));
		v[n++] = (int)i;
	}
	v = xrealloc(v, n + 1, sizeof(int));
	v[n] = -1;
	return tg->holders[title] = v;
}

/* The bit of agentend for a run of letters and digits (folded). */
static inline unsigned
run_bit(const char *s, size_t n)
{
	return (unsigned)(hash_run(KSEED, s, n, n) >> 50);
}

/*
 * Note the last run of letters and digits of each agent's alias: an agent
 * before "in", "of" or "from" ends with the run there (agent_before).
 */
static void
agent_ends(struct tagger *tg)
{
	const struct trie	*t = &tg->d->titles;
	const struct hit	*h;
	size_t			 i, q;
	unsigned		 b;

	for (i = 0; i < t->nhits; i++) {
		h = &t->hits[i];
		if (h->actor < 0 || tg->d->actors[h->actor].type != T_AGENT ||
		    h->len == 0 || !ascii_alnum((unsigned char)
		    h->alias[h->len - 1]))
			continue;
		for (q = h->len - 1; q > 0 && ascii_alnum((unsigned char)
		    h->alias[q - 1]); q--)
			;
		b = run_bit(h->alias + q, h->len - q);
		tg->agentend[b >> 6] |= 1ULL << (b & 63);
	}
}

struct tagger *
tagger_new(const struct dict *d)
{
	struct tagger	*tg;

	tg = xrealloc(NULL, 1, sizeof(*tg));
	memset(tg, 0, sizeof(*tg));
	tg->d = d;
	tg->people = xrealloc(NULL, MAXPEOPLE, sizeof(*tg->people));
	tg->gpe = xrealloc(NULL, d->nactors + 1, sizeof(int));
	tg->holders = xrealloc(NULL, d->nactors + 1, sizeof(int *));
	memset(tg->holders, 0, (d->nactors + 1) * sizeof(int *));
	link_gpes(tg);
	wordset_init(&tg->stop, stopcaps, 0);
	wordset_init(&tg->part, particles, 0);
	wordset_init(&tg->loc, locatives, 1);
	wordset_init(&tg->func, funcwords, 1);
	wordset_init(&tg->inof, inoffrom, 1);
	wordset_init(&tg->mods, nounmods, 1);
	wordset_init(&tg->heads, orgheads, 0);
	agent_ends(tg);
	return tg;
}

void
tagger_free(struct tagger *tg)
{
	size_t	 i;

	for (i = 0; i < tg->d->nactors; i++)
		free(tg->holders[i]);
	free(tg->holders);
	free(tg->gpe);
	free(tg->el);
	free(tg->ord);
	free(tg->people);
	free(tg);
}

void
tagger_reset(struct tagger *tg)
{
	tg->npeople = 0;
}

/* --- characters and tokens ------------------------------------------ */

/* Byte classes: ASCII separator, lower, upper, digit; non-ASCII. */
enum { B_SEP, B_LOW, B_UPP, B_DIG, B_HIG };
static const unsigned char bytecls[256] = {
	B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP,
	B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP,
	B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP,
	B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP,
	B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP,
	B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP,
	B_DIG, B_DIG, B_DIG, B_DIG, B_DIG, B_DIG, B_DIG, B_DIG,
	B_DIG, B_DIG, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP,
	B_SEP, B_UPP, B_UPP, B_UPP, B_UPP, B_UPP, B_UPP, B_UPP,
	B_UPP, B_UPP, B_UPP, B_UPP, B_UPP, B_UPP, B_UPP, B_UPP,
	B_UPP, B_UPP, B_UPP, B_UPP, B_UPP, B_UPP, B_UPP, B_UPP,
	B_UPP, B_UPP, B_UPP, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP,
	B_SEP, B_LOW, B_LOW, B_LOW, B_LOW, B_LOW, B_LOW, B_LOW,
	B_LOW, B_LOW, B_LOW, B_LOW, B_LOW, B_LOW, B_LOW, B_LOW,
	B_LOW, B_LOW, B_LOW, B_LOW, B_LOW, B_LOW, B_LOW, B_LOW,
	B_LOW, B_LOW, B_LOW, B_SEP, B_SEP, B_SEP, B_SEP, B_SEP,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
	B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG, B_HIG,
};



static int
upper_at(const char *s, size_t n, size_t i)
{
	unsigned char	 c = (unsigned char)s[i];
	utf8proc_int32_t cp;

	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	/* not a symbol that has case, as \u211D or \u24B6: a capital must
	   begin a word, or the scan would stand still */
	if (!wordc(s, n, i))
		return 0;
	if (utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i), &cp) <= 0)
		return 0;
	return utf8proc_isupper(cp);
}


/* Past the run of word bytes at i. */
static size_t
skip_word(const char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	while ((i = not_alnum(s, n, i)) < n &&
	    bytecls[(unsigned char)s[i]] == B_HIG && wordc(s, n, i))
		i++;
#else
	for (; i < n; i++)
		if (bytecls[(unsigned char)s[i]] == B_SEP ||
		    (bytecls[(unsigned char)s[i]] == B_HIG && !wordc(s, n, i)))
			break;
#endif
	return i;
}

/* End of the word at i (letters, digits, inner ' . - joining letters). */
static size_t
word_end(const char *s, size_t n, size_t i)
{
	for (;;) {
		if ((i = not_alnum(s, n, i)) >= n)
			return i;
		if ((unsigned char)s[i] >= 0x80 ? wordc(s, n, i) :
		    (s[i] == '-' || s[i] == '\'') && i + 1 < n &&
		    wordc(s, n, i + 1))
			i++;
		else
			return i;
	}
}

/* After a possessive 's or ’s at i, or i itself. */
static size_t
skip_possessive(const char *s, size_t n, size_t i, int *poss)
{
	*poss = 0;
	if (i + 1 < n && s[i] == '\'' && s[i + 1] == 's' &&
	    (i + 2 >= n || !wordc(s, n, i + 2))) {
		*poss = 1;
		return i + 2;
	}
	if (i + 3 < n && memcmp(s + i, "\xe2\x80\x99s", 4) == 0 &&
	    (i + 4 >= n || !wordc(s, n, i + 4))) {
		*poss = 1;
		return i + 4;
	}
	return i;
}

/* The word before byte i (skipping one "the"); returns its length. */
static size_t
word_before(const char *s, size_t n, size_t i, size_t *start, int skipthe)
{
	size_t	 e, b;

	for (;;) {
		e = i;
		while (e > 0 && s[e - 1] == ' ')
			e--;
		b = e;
		while (b > 0 && wordc_before(s, n, b))
			b--;
		if (skipthe && e - b == 3 && strncasecmp(s + b, "the", 3) == 0) {
			skipthe = 0;
			i = b;
			continue;
		}
		*start = b;
		return e - b;
	}
}


/* --- elements -------------------------------------------------------- */

static inline struct elem *
add_elem(struct tagger *tg, size_t s, size_t e, const char *how)
{
	struct elem	*x;

	if (tg->nel == tg->elcap) {
		tg->elcap = tg->elcap ? tg->elcap * 2 : 32;
		tg->el = xrealloc(tg->el, tg->elcap, sizeof(*tg->el));
	}
	x = &tg->el[tg->nel++];
	x->s = s;
	x->e = e;
	x->id = x->name = x->role = "";
	x->lid = x->lname = x->lrole = 0;
	x->own = 0;
	x->code[0] = '\0';
	x->how = how;
	return x;
}

/* At most max - 1 bytes of the string s of length n (as a copy into a
   buffer of max bytes would keep). */
static inline size_t
cut(size_t n, size_t max)
{
	return n >= max ? max - 1 : n;
}

/* The same for bytes of the text, which may hold a NUL. */
static inline size_t
cut_text(const char *s, size_t n, size_t max)
{
	const char	*z;

	n = cut(n, max);
	if ((z = memchr(s, '\0', n)) != NULL)
		n = (size_t)(z - s);
	return n;
}

static inline const char *
el_id(const struct elem *x)
{
	return x->own & EL_OWNID ? x->idbuf : x->id;
}

static inline const char *
el_role(const struct elem *x)
{
	return x->own & EL_OWNROLE ? x->rolebuf : x->role;
}

/* plain: the role is a dictionary string that needs no escapes. */
static void
set_role(struct elem *x, const char *r, size_t n, int plain)
{
	x->own &= ~(EL_OWNROLE | EL_PLAINROLE);
	if (plain)
		x->own |= EL_PLAINROLE;
	x->role = r;
	x->lrole = cut(n, MAXROLE);
}

/* plain: EL_PLAINID and EL_PLAINNAME as they hold for id and name. */
static void
set_idname(struct elem *x, const char *id, size_t lid, const char *name,
    size_t lname, int plain)
{
	x->own = (x->own & ~(EL_OWNID | EL_PLAINID | EL_PLAINNAME)) | plain;
	x->id = id;
	x->lid = cut(lid, MAXNAME);
	x->name = name;
	x->lname = cut(lname, MAXNAME);
}

static void
set_code(struct elem *x, const char *prefix, size_t plen, const char *suf)
{
	if (plen >= sizeof(x->code))
		plen = sizeof(x->code) - 1;
	memcpy(x->code, prefix, plen);
	x->code[plen] = '\0';
	if (suf != NULL && strcmp(suf, "-") != 0)
		strlcat(x->code, suf, sizeof(x->code));
}

static const char *
out_type(enum etype t)
{
	switch (t) {
	case T_PER:
		return "PER";
	case T_ORG:
	case T_SEAT:
		return "ORG";
	case T_LOC:
		return "LOC";
	default:
		return "GPE";
	}
}

/*
 * The element's code from a dictionary entry (as copy_str would): a
 * short one as one word, the NULs kept after it included.
 */
static inline void
ent_code(struct elem *x, const struct entry *e)
{
	size_t	 l = e->lcode < sizeof(x->code) ? e->lcode :
		    sizeof(x->code) - 1;

	if (l < 8)
		memcpy(x->code, e->code, 8);
	else {
		memcpy(x->code, e->code, l);
		x->code[l] = '\0';
	}
}

static const struct entry *
first_entry(const struct dict *d, int actor)
{
	return &d->ents[d->actors[actor].ents[0]];
}

/* Country (or IGO) prefix of a code of length l: 3 letters, all of an
   IGO's code. */
static size_t
prefix_len(const char *code, size_t l, enum etype t)
{
	if (t == T_ORG && strncmp(code, "IGO", 3) == 0)
		return l;
	return l < 3 ? l : 3;
}

/*
 * A person's entry at the reference day: the role holding then; after
 * all roles the last, as a former one (ELI); before all, ELI without role.
 * Without a day, the most recent role.
 */
static void
person_role(const struct tagger *tg, int actor, struct elem *x)
{
	const struct dict	*d = tg->d;
	const struct actor	*a = &d->actors[actor];
	const struct entry	*e, *best = NULL, *past = NULL;
	size_t			 i;

	for (i = 0; i < a->nents; i++) {
		e = &d->ents[a->ents[i]];
		if (tg->ref == DAY_NONE) {
			if (best == NULL || e->from >= best->from)
				best = e;
		} else if (e->from <= tg->ref && tg->ref <= e->to) {
			if (best == NULL || e->from >= best->from)
				best = e;
		} else if (e->to < tg->ref) {
			if (past == NULL || e->to >= past->to)
				past = e;
		}
	}
	if (best != NULL) {
		ent_code(x, best);
		if (best->role != NULL)
			set_role(x, best->role, best->lrole, best->rclean);
		return;
	}
	e = past != NULL ? past : &d->ents[a->ents[0]];
	set_code(x, e->code, 3, "ELI");
	if (past != NULL && e->role != NULL) {
		strlcpy(x->rolebuf, "former ", sizeof(x->rolebuf));
		strlcat(x->rolebuf, e->role, sizeof(x->rolebuf));
		x->own |= EL_OWNROLE;
		x->lrole = strlen(x->rolebuf);
	}
}

/* Does the person hold a role at the reference day (or now)? */
static int
person_active(const struct tagger *tg, int actor, long *recent)
{
	const struct actor	*a = &tg->d->actors[actor];
	const struct entry	*e;
	size_t			 i;
	int			 on = 0;

	*recent = LONG_MIN;
	for (i = 0; i < a->nents; i++) {
		e = &tg->d->ents[a->ents[i]];
		if (e->to > *recent && (tg->ref == DAY_NONE || e->from <=
		    tg->ref))
			*recent = e->to;
		if (tg->ref == DAY_NONE ? e->to == LONG_MAX :
		    e->from <= tg->ref && tg->ref <= e->to)
			on = 1;
	}
	return on;
}

/* Among the hits sharing an alias, the actor that fits best (hit and
   len as trie_longest found them at at). */
static inline int
pick(const struct tagger *tg, const struct trie *t, int hit, size_t at,
    size_t len, int *canonical)
{
	const struct hit	*h;
	int			 best = -1, score, bscore = -1, x;
	long			 rec, brec = LONG_MIN;

	if (hit >= 0 && t->hits[hit].next == -1) {	/* one: no scores */
		h = &t->hits[hit];
		if (h->actor < 0 || h->len != len ||
		    tg->d->actors[h->actor].nents == 0)
			return -1;
		*canonical = h->canonical;
		return h->actor;
	}
	for (x = hit; x != -1; x = t->hits[x].next) {
		h = &t->hits[x];
		/* hit itself came from trie_longest: its case is right */
		if (h->actor < 0 || h->len != len || (x != hit &&
		    !hit_case_ok(t, x, tg->t + at, len)) ||
		    tg->d->actors[h->actor].nents == 0)
			continue;
		rec = LONG_MIN;
		if (tg->d->actors[h->actor].type == T_PER)
			score = person_active(tg, h->actor, &rec) ? 3 : 1;
		else
			score = 2;
		if (score > bscore || (score == bscore && rec > brec)) {
			best = h->actor;
			bscore = score;
			brec = rec;
			*canonical = h->canonical;
		}
	}
	return best;
}

static inline void
fill_actor(struct tagger *tg, struct elem *x, int actor)
{
	const struct actor	*a = &tg->d->actors[actor];
	const struct entry	*e = first_entry(tg->d, actor);

	set_idname(x, a->id, a->lid, a->name, a->lname,
	    (a->clean & 1 ? EL_PLAINID : 0) | (a->clean & 2 ? EL_PLAINNAME : 0));
	x->type = out_type(a->type);
	if (a->type == T_PER)
		person_role(tg, actor, x);
	else {
		ent_code(x, e);
		if (e->role != NULL)
			set_role(x, e->role, e->lrole, e->rclean);
	}
}

/* --- names ----------------------------------------------------------- */

/* A capitalized token at i (or a particle-led one like al-Sharaa). */
static size_t
cap_token(const char *s, size_t n, size_t i)
{
	size_t	 e;

	if (i >= n)
		return 0;
	if (!upper_at(s, n, i)) {
		/* al-Assad, el-Sisi */
		if (i + 3 < n && (s[i + 2] == '-') && upper_at(s, n, i + 3) &&
		    (strncmp(s + i, "al", 2) == 0 || strncmp(s + i, "el", 2) ==
		    0))
			return word_end(s, n, i) - i;
		return 0;
	}
	e = word_end(s, n, i);
	/* initials: "F.W." "J." */
	while (e < n && s[e] == '.' && e - i <= 3 &&
	    (e + 1 >= n || s[e + 1] == ' ' || upper_at(s, n, e + 1)))
		e = e + 1 < n && upper_at(s, n, e + 1) ? word_end(s, n, e + 1) :
		    e + 1;
	return e - i;
}

/* What the caller found at a name's first token already. */
struct first {
	size_t		 nl;		/* names: length and hit */
	int		 nhit;
	int		 tknown;	/* titles too: */
	size_t		 tl;
};

/*
 * A personal name at i: 1 to 4 capitalized tokens joined by single spaces,
 * lowercase particles allowed inside. Returns its end (i when none) and
 * sets *ntok. Stops before a token the dictionary knows as a non-person.
 */
static size_t
name_at(struct tagger *tg, size_t i, int *ntok, size_t *lastb,
    const struct first *f)
{
	const char	*s = tg->t;
	size_t		 n = tg->n, end = i, j = i, l, pe, nl, tl;
	int		 k = 0, hit;

	*ntok = 0;
	while (k < 4 && j < n) {
		l = cap_token(s, n, j);
		if (l == 0 && k > 0) {
			pe = word_end(s, n, j);
			if (wordset_has(&tg->part, s + j, pe - j) && pe < n &&
			    s[pe] == ' ' && cap_token(s, n, pe + 1) > 0) {
				j = pe + 1;
				continue;
			}
			break;
		}
		if (l == 0 || wordset_has(&tg->stop, s + j, l))
			break;
		if (j == i && f != NULL) {	/* looked up already */
			nl = f->nl;
			hit = f->nhit;
		} else
			nl = trie_find(&tg->d->names, s, n, j, &hit);
		/* the placeholder of an empty names trie (dict_build) has
		   no actor */
		if (nl > 0 && hit >= 0 && tg->d->names.hits[hit].actor >= 0 &&
		    tg->d->actors[tg->d->names.hits[hit].actor].type != T_PER)
			break;
		if (j == i && f != NULL && f->tknown)
			tl = f->tl;
		else
			tl = trie_find(&tg->d->titles, s, n, j, &hit);
		if (tl > 0)
			break;
		*lastb = j;
		end = j + l;
		k++;
		if (end < n && s[end] == ' ')
			j = end + 1;
		else
			break;
	}
	*ntok = k;
	return end;
}

static void
slugify(const char *s, size_t n, char *out, size_t outlen)
{
	utf8proc_uint8_t	*plain = NULL;
	char			*tmp;
	size_t			 i, o = 0;
	int			 dash = 0;

	tmp = xrealloc(NULL, n + 1, 1);
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (utf8proc_map((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)n,
	    &plain, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	    UTF8PROC_COMPOSE) >= 0) {
		free(tmp);
		tmp = (char *)plain;
	}
	for (i = 0; tmp[i] != '\0' && o + 2 < outlen; i++) {
		unsigned char c = (unsigned char)tmp[i];

		if (isalnum(c)) {
			if (dash && o > 0)
				out[o++] = '-';
			out[o++] = (char)tolower(c);
			dash = 0;
		} else
			dash = 1;
	}
	out[o] = '\0';
	free(tmp);
}

static void
remember(struct tagger *tg, const struct elem *x, size_t lastb)
{
	struct person	*p;
	size_t		 l;

	if (tg->npeople == MAXPEOPLE)
		return;
	p = &tg->people[tg->npeople++];
	memcpy(p->name, x->name, x->lname);
	p->name[x->lname] = '\0';
	p->lname = x->lname;
	memcpy(p->id, el_id(x), x->lid);
	p->id[x->lid] = '\0';
	p->lid = x->lid;
	strlcpy(p->code, x->code, sizeof(p->code));
	l = x->e - lastb;
	if (l >= sizeof(p->sur))
		l = sizeof(p->sur) - 1;
	memcpy(p->sur, tg->t + lastb, l);
	p->sur[l] = '\0';
	p->lsur = strlen(p->sur);
}

static struct elem *
new_person(struct tagger *tg, size_t s, size_t e, size_t lastb,
    const char *code, const char *role, size_t lrole)
{
	struct elem	*x = add_elem(tg, s, e, "new");

	x->name = tg->t + s;
	x->lname = cut_text(x->name, e - s, MAXNAME);
	slugify(tg->t + s, e - s, x->idbuf, sizeof(x->idbuf));
	x->own |= EL_OWNID;
	x->lid = strlen(x->idbuf);
	x->type = "PER";
	strlcpy(x->code, code, sizeof(x->code));
	set_role(x, role, lrole, 0);
	x->lrole = cut_text(role, x->lrole, MAXROLE);
	remember(tg, x, lastb);
	return x;
}

/* --- agents, titles and places ----------------------------------------- */

/* The role suffix of a title or agent actor ("" when it inherits). */
static const char *
suffix_of(const struct dict *d, int actor)
{
	const char	*c = first_entry(d, actor)->code;

	return strcmp(c, "-") == 0 ? "" : c;
}

static int
role_matches(const struct dict *d, int title, const char *role)
{
	const struct entry	*e = first_entry(d, title);
	const char		*p, *q;
	size_t			 lrole = strlen(role);

	if (strcasecmp(e->name, role) == 0)
		return 1;
	for (p = e->aliases; p != NULL && *p != '\0'; p = q) {
		if ((q = strchr(p, '|')) == NULL)
			q = p + strlen(p);
		if (lrole == (size_t)(q - p) &&
		    strncasecmp(p, role, (size_t)(q - p)) == 0)
			return 1;
		if (*q == '|')
			q++;
	}
	return 0;
}

/* Who holds the title for the country prefix at the reference day. */
static const struct entry *
holder(struct tagger *tg, const char *prefix, size_t plen, int title)
{
	const struct dict	*d = tg->d;
	const struct entry	*e, *best = NULL;
	const int		*v;

	for (v = title_holders(tg, title); *v != -1; v++) {
		e = &d->ents[*v];
		if (strncmp(e->code, prefix, plen) != 0)
			continue;
		if (tg->ref == DAY_NONE ? e->to != LONG_MAX :
		    !(e->from <= tg->ref && tg->ref <= e->to))
			continue;
		if (best != NULL && best->actor != e->actor)
			return NULL;	/* several hold it: no one in particular */
		if (best == NULL || e->from > best->from)
			best = e;
	}
	return best;
}

/* "MOSCOW, April 5 (Xinhua) --": a capital in capitals opening a text. */
static int
dateline(const struct tagger *tg, size_t s, size_t e)
{
	size_t	 k;

	if (s != 0 || e >= tg->n || tg->t[e] != ',')
		return 0;
	for (k = s; k < e; k++)
		if (islower((unsigned char)tg->t[k]))
			return 0;
	return 1;
}

static int
locative_before(const struct tagger *tg, size_t at)
{
	size_t	 b, l;

	l = word_before(tg->t, tg->n, at, &b, 1);
	return l > 0 && wordset_has(&tg->loc, tg->t + b, l);
}

/* Next word start after spaces at i, or n. */
static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/*
 * After an adjective, country or organisation ending at i: an agent or
 * title, possibly after up to two modifiers ("Romania's new government");
 * after a bare noun (noun set) only those of nounmods.
 * Returns the title actor (or -1) with its span.
 */
static int
agent_after(struct tagger *tg, size_t i, int noun, size_t *as, size_t *ae)
{
	const char	*s = tg->t;
	size_t		 n = tg->n, j = i, l, we;
	int		 hit, skips = 0, canon, a;

	while (skips <= 2) {
		if (j >= n || s[j] != ' ')
			return -1;
		j++;
		if (j >= n || !wordc(s, n, j))
			return -1;
		if ((l = trie_find(&tg->d->titles, s, n, j, &hit)) > 0 &&
		    (a = pick(tg, &tg->d->titles, hit, j, l, &canon)) >= 0) {
			*as = j;
			*ae = j + l;
			return a;
		}
		we = word_end(s, n, j);
		if (wordset_has(&tg->func, s + j, we - j) || we == j)
			return -1;
		if (noun && !wordset_has(&tg->mods, s + j, we - j) &&
		    !(s[j] >= 'A' && s[j] <= 'Z'))
			return -1;
		if (trie_find(&tg->d->names, s, n, j, &hit) > 0)
			return -1;
		j = we;
		skips++;
	}
	return -1;
}

/* The role suffix of an organisation's head word at [j, e), or NULL. */
static const char *
orghead_suffix(const struct tagger *tg, size_t j, size_t e)
{
	int	 k = wordset_lookup(&tg->heads, tg->t + j, e - j);

	return k > 0 ? orghead_roles[k - 1] : NULL;
}

/*
 * After an adjective or a possessive ending at i: a capitalized name
 * headed by an organisation word, first or last ("the Armenian Foreign
 * Ministry", "the Turkish Ministry of Foreign Affairs"). Its end, with
 * the head's role suffix in *suf; 0 when there is none.
 */
static size_t
org_after(struct tagger *tg, size_t i, const char **suf)
{
	const char	*s = tg->t;
	size_t		 n = tg->n, j = i, we, oe = 0, last = 0, words;
	const char	*first = NULL;

	for (words = 0; words < 6 && j < n && s[j] == ' '; words++) {
		j++;
		if (j >= n || !upper_at(s, n, j)) {
			/* "of", "for", "and" join capitalized words */
			we = word_end(s, n, j);
			if (oe == 0 || we - j > 3 || (strncmp(s + j, "of", 2) != 0
			    && strncmp(s + j, "for", 3) != 0 &&
			    strncmp(s + j, "and", 3) != 0))
				break;
			j = we;
			continue;
		}
		we = word_end(s, n, j);
		if (oe == 0)
			first = orghead_suffix(tg, j, we);
		last = j;
		oe = j = we;
	}
	if (oe == 0)
		return 0;
	/* the head: first with what follows, or last */
	if ((*suf = orghead_suffix(tg, last, oe)) == NULL)
		*suf = first;
	return *suf != NULL ? oe : 0;
}

/* "foreign ministers": a plural title names no one holder. */
static int
plural(const struct tagger *tg, size_t ts, size_t te, int title)
{
	const char	*name = tg->d->actors[title].name;
	size_t		 l = strlen(name);

	return te > ts && (tg->t[te - 1] == 's' || tg->t[te - 1] == 'S') &&
	    l > 0 && name[l - 1] != 's';
}

/*
 * "opposition groups in Zimbabwe", "government of Sindh province": an
 * agent just before "in", "of" or "from" and a place takes the place's
 * country. Returns the agent's start, or (size_t)-1.
 */
static size_t
agent_before(struct tagger *tg, size_t at, int *agent)
{
	const char	*s = tg->t;
	size_t		 b, l, ws, k, p;
	int		 hit, canon, a;

	l = word_before(s, tg->n, at, &b, 1);
	if (l == 0 || !wordset_has(&tg->inof, s + b, l))
		return (size_t)-1;
	p = b;
	while (p > 0 && s[p - 1] == ' ')
		p--;
	if (p > 0 && ascii_alnum((unsigned char)s[p - 1])) {
		/* an agent ending here ends with this run */
		for (ws = p - 1; ws > 0 && ascii_alnum((unsigned char)
		    s[ws - 1]); ws--)
			;
		k = run_bit(s + ws, p - ws);
		if (!(tg->agentend[k >> 6] & (1ULL << (k & 63))))
			return (size_t)-1;
	}
	ws = p;
	for (k = 0; k < 3 && ws > 0; k++) {
		word_before(s, tg->n, ws, &ws, 0);
		if ((l = trie_find(&tg->d->titles, s, tg->n, ws, &hit)) ==
		    p - ws && (a = pick(tg, &tg->d->titles, hit, ws, l,
		    &canon)) >= 0 && tg->d->actors[a].type == T_AGENT) {
			if (tg->nel > 0 && tg->el[tg->nel - 1].e > ws)
				return (size_t)-1;
			*agent = a;
			return ws;
		}
		if (ws == 0 || s[ws - 1] != ' ')
			break;
	}
	return (size_t)-1;
}

/* --- the pass -------------------------------------------------------- */

static size_t	apposition(struct tagger *, size_t, size_t, size_t, int);

/*
 * A title (with country prefix, possibly empty) at [ts, te): a name after
 * it makes a person (known or new); else the title's holder at the
 * reference day. Returns the end of what was consumed, or 0.
 */
static size_t
title_then(struct tagger *tg, size_t from, size_t ts, size_t te, int title,
    const char *prefix, size_t plen, int need_prefix)
{
	const struct dict	*d = tg->d;
	const char		*suf = suffix_of(d, title);
	struct elem		*x;
	const struct entry	*h;
	struct first		 f;
	size_t			 ne, lastb = 0, l;
	int			 ntok, hit, a, canon;
	char			 code[32];

	/* a name after the title needs a byte after the space */
	if (te + 1 < tg->n && tg->t[te] == ' ' &&
	    d->actors[title].type == T_TITLE) {
		l = trie_find(&d->names, tg->t, tg->n, te + 1, &hit);
		if (l > 0 && (a = pick(tg, &d->names, hit, te + 1, l,
		    &canon)) >= 0 && d->actors[a].type == T_PER) {
			x = add_elem(tg, te + 1, te + 1 + l, canon ? "dict" :
			    "alias");
			fill_actor(tg, x, a);
			return te + 1 + l;
		}
		f.nl = l;
		f.nhit = hit;
		f.tknown = 0;
		ne = name_at(tg, te + 1, &ntok, &lastb, &f);
		if (ntok >= 2 || (ntok == 1 && upper_at(tg->t, tg->n, ts))) {
			strlcpy(code, prefix, plen + 1 < sizeof(code) ?
			    plen + 1 : sizeof(code));
			strlcat(code, *suf ? suf : "GOV", sizeof(code));
			new_person(tg, te + 1, ne, lastb, code,
			    d->actors[title].name, d->actors[title].lname);
			return ne;
		}
	}
	(void)need_prefix;
	if (plen == 0)
		return 0;
	if (d->actors[title].type == T_TITLE && !plural(tg, ts, te, title) &&
	    (h = holder(tg, prefix, plen, title)) != NULL) {
		x = add_elem(tg, from, te, "title");
		fill_actor(tg, x, h->actor);
		return te;
	}
	if (*suf == '\0' || strcmp(suf, "GOV") == 0)
		return 0;	/* the adjective alone says as much */
	return te | ((size_t)1 << (sizeof(size_t) * 8 - 1));
}

/* A new organisation named by the text at [s, e), of the given code. */
static size_t
new_org(struct tagger *tg, size_t s, size_t e, const char *prefix,
    size_t plen, const char *suf)
{
	struct elem	*x = add_elem(tg, s, e, "new");

	x->name = tg->t + s;
	x->lname = cut_text(x->name, e - s, MAXNAME);
	slugify(x->name, e - s, x->idbuf, sizeof(x->idbuf));
	x->own |= EL_OWNID;
	x->lid = strlen(x->idbuf);
	x->type = "ORG";
	set_code(x, prefix, plen, suf);
	return e;
}

/* Handle a dictionary alias at [i, i+len). Returns where to go on. */
static size_t
on_alias(struct tagger *tg, size_t i, size_t len, int actor, int canon)
{
	const struct dict	*d = tg->d;
	const struct actor	*a = &d->actors[actor];
	const struct entry	*fe;
	struct elem		*x;
	size_t			 e = i + len, after, as, ae, plen, r;
	size_t			 flag = (size_t)1 << (sizeof(size_t) * 8 - 1);
	int			 poss, title, gactor = actor;
	const char		*how = canon ? "dict" : "alias", *osuf;
	char			 prefix[32];

	if (a->type == T_ADJ || a->type == T_DEM)
		gactor = tg->gpe[actor];
	if ((a->type == T_GPE || a->type == T_LOC || a->type == T_CAP) &&
	    (as = agent_before(tg, i, &title)) != (size_t)-1) {
		x = add_elem(tg, as, e, "title");
		fill_actor(tg, x, actor);
		x->type = "ORG";
		set_code(x, x->code, 3, suffix_of(d, title));
		set_role(x, d->actors[title].name, d->actors[title].lname,
		    d->actors[title].clean & 2);
		return e;
	}
	if ((a->type == T_CAP || a->type == T_SEAT) && (locative_before(tg, i)
	    || dateline(tg, i, e))) {
		x = add_elem(tg, i, e, how);
		fill_actor(tg, x, actor);
		x->type = "LOC";
		x->code[3] = '\0';
		return e;
	}
	if (a->type == T_PER || (a->type == T_ORG &&
	    strncmp(first_entry(d, actor)->code, "IGO", 3) != 0)) {
		x = add_elem(tg, i, e, how);
		fill_actor(tg, x, actor);
		after = skip_possessive(tg->t, tg->n, e, &poss);
		if (a->type == T_PER && poss &&
		    (title = agent_after(tg, after, 0, &as, &ae)) >= 0 &&
		    d->actors[title].type == T_AGENT) {
			/* "Djindjic's opposition coalition" */
			strlcpy(prefix, x->code, 4);
			x = add_elem(tg, as, ae, "title");
			/* the person's actor: its id and name are the
			   dictionary's, never the element's own */
			set_idname(x, tg->el[tg->nel - 2].id,
			    tg->el[tg->nel - 2].lid, tg->el[tg->nel - 2].name,
			    tg->el[tg->nel - 2].lname, tg->el[tg->nel - 2].own &
			    (EL_PLAINID | EL_PLAINNAME));
			x->type = "ORG";
			set_code(x, prefix, 3, suffix_of(d, title));
			set_role(x, d->actors[title].name,
			    d->actors[title].lname,
			    d->actors[title].clean & 2);
			return ae;
		}
		return a->type == T_PER ? e : after;
	}
	fe = first_entry(d, actor);
	plen = fe->lcode < sizeof(prefix) ? fe->lcode : sizeof(prefix) - 1;
	if (plen < 8)		/* the code has eight NULs after it */
		memcpy(prefix, fe->code, 8);
	else
		memcpy(prefix, fe->code, plen);
	prefix[plen] = '\0';
	plen = prefix_len(prefix, plen, a->type);
	prefix[plen] = '\0';
	after = skip_possessive(tg->t, tg->n, e, &poss);
	title = agent_after(tg, after, !poss && a->type != T_ADJ &&
	    a->type != T_DEM, &as, &ae);
	/*
	 * A capitalized name headed by Ministry, Agency, Party ... is an
	 * organisation of the country, though "foreign ministry" is also
	 * an official's title; a group ("Defence Ministry": the military)
	 * says more.
	 */
	if ((title < 0 || d->actors[title].type != T_AGENT) &&
	    (a->type == T_ADJ || poss) && (r = org_after(tg, after,
	    &osuf)) != 0)
		return new_org(tg, i, r, prefix, plen, osuf);
	if (title >= 0) {
		size_t	 mark = tg->nel;

		x = add_elem(tg, i, e, how);	/* the country itself */
		fill_actor(tg, x, gactor);
		if (a->type == T_DEM)
			set_code(x, prefix, plen, "CVL");
		r = title_then(tg, i, as, ae, title, prefix, plen, 1);
		if (r != 0 && !(r & flag) && tg->el[tg->nel - 1].s == i) {
			/* "the Russian president": the holder spans both */
			memmove(&tg->el[mark], &tg->el[mark + 1],
			    sizeof(*tg->el));
			tg->nel--;
			return r;
		}
		if (r & flag) {		/* a group: "Russian peacekeepers" */
			x = &tg->el[mark];
			x->e = ae;
			x->type = "ORG";
			set_code(x, prefix, plen, suffix_of(d, title));
			set_role(x, d->actors[title].name,
			    d->actors[title].lname,
			    d->actors[title].clean & 2);
			x->how = "title";
			return ae;
		}
		if (r != 0)
			return r;
		return e;
	}
	x = add_elem(tg, i, e, how);
	fill_actor(tg, x, gactor);
	if (a->type == T_DEM)
		set_code(x, prefix, plen, "CVL");
	return e;
}

/*
 * A capitalized word no alias starts: title + name, apposition, coref.
 * nl and nhit: the names lookup at i.
 */
static size_t
on_capital(struct tagger *tg, size_t i, size_t nl, int nhit)
{
	const struct dict	*d = tg->d;
	struct elem		*x;
	struct first		 f;
	size_t			 l, r, ne, lastb = 0, k, we;
	int			 hit, title, canon, ntok;

	if ((l = trie_find(&d->titles, tg->t, tg->n, i, &hit)) > 0 &&
	    (title = pick(tg, &d->titles, hit, i, l, &canon)) >= 0) {
		r = title_then(tg, i, i, i + l, title, "", 0, 0);
		return r != 0 && !(r & ((size_t)1 << (sizeof(size_t) * 8 - 1)))
		    ? r : i + l;
	}
	we = word_end(tg->t, tg->n, i);
	if (wordset_has(&tg->stop, tg->t + i, we - i))
		return we;
	for (k = 0; k < tg->npeople; k++) {
		size_t sl = tg->people[k].lsur;

		if (sl == we - i && memcmp(tg->t + i, tg->people[k].sur, sl) ==
		    0) {
			x = add_elem(tg, i, we, "coref");
			set_idname(x, tg->people[k].id,
			    tg->people[k].lid, tg->people[k].name,
			    tg->people[k].lname, 0);
			strlcpy(x->code, tg->people[k].code, sizeof(x->code));
			x->type = "PER";
			return we;
		}
	}
	f.nl = nl;
	f.nhit = nhit;
	f.tknown = 1;
	f.tl = l;
	ne = name_at(tg, i, &ntok, &lastb, &f);
	if (ntok >= 2) {
		for (k = 0; k < tg->npeople; k++)
			if (tg->people[k].lname == ne - i &&
			    memcmp(tg->t + i, tg->people[k].name, ne - i) == 0) {
				x = add_elem(tg, i, ne, "coref");
				set_idname(x, tg->people[k].id,
				    tg->people[k].lid,
				    tg->people[k].name,
				    tg->people[k].lname, 0);
				strlcpy(x->code, tg->people[k].code,
				    sizeof(x->code));
				x->type = "PER";
				return ne;
			}
		if ((r = apposition(tg, i, ne, lastb, ntok)) != 0)
			return r;
	}
	return we;
}

/*
 * "Ivan Timofeev, director of programs at the Russian International
 * Affairs Council, said": the name, a comma, a title-led phrase up to the
 * next comma. The phrase gives the role; an organisation in it (known or
 * new) or a nationality gives the code.
 */
static size_t
apposition(struct tagger *tg, size_t ns, size_t ne, size_t lastb, int ntok)
{
	const struct dict	*d = tg->d;
	const char		*s = tg->t;
	size_t			 n = tg->n, rs, re, j, l, os = 0, oe = 0, we;
	size_t			 lastw = 0, plen = 0;
	int			 hit, title, canon, a, known = -1;
	struct elem		*x, *o = NULL;
	char			 code[32] = "", prefix[32] = "";
	const char		*suf;

	(void)ntok;
	if (ne + 2 >= n || s[ne] != ',' || s[ne + 1] != ' ')
		return 0;
	rs = ne + 2;
	j = rs;
	we = word_end(s, n, j);
	if (we - j == 1 && (s[j] == 'a' || s[j] == 'A'))
		j = we + 1;
	else if (we - j == 2 && strncmp(s + j, "an", 2) == 0)
		j = we + 1;
	else if (we - j == 3 && strncmp(s + j, "the", 3) == 0)
		j = we + 1;
	if (j >= n || (l = trie_find(&d->titles, s, n, j, &hit)) == 0 ||
	    (title = pick(tg, &d->titles, hit, j, l, &canon)) < 0 ||
	    d->actors[title].type != T_TITLE || upper_at(s, n, j))
		return 0;
	for (re = j; re < n && s[re] != ',' && s[re] != ';' && s[re] != '(' &&
	    s[re] != ')' && !(s[re] == '.' && (re + 1 >= n || s[re + 1] ==
	    ' ')) && s[re] != '"'; re++)
		;
	if (re - rs >= MAXROLE || re - rs > 160)
		return 0;
	suf = suffix_of(d, title);
	/* an organisation: a capitalized run inside the phrase */
	for (j = rs; j < re; j = skip_spaces(s, re, we)) {
		we = word_end(s, re, j);
		if (we == j)
			we = j + 1;
		if (os == 0 && upper_at(s, n, j))
			os = j;
		if (os != 0) {
			if (upper_at(s, n, j))
				oe = lastw = we;
			else if (!(we - j <= 3 && (strncmp(s + j, "of", 2) == 0 ||
			    strncmp(s + j, "for", 3) == 0 || strncmp(s + j,
			    "and", 3) == 0 || strncmp(s + j, "on", 2) == 0 ||
			    strncmp(s + j, "the", 3) == 0)))
				break;
		}
	}
	(void)lastw;
	if (os != 0) {
		l = trie_find(&d->names, s, n, os, &hit);
		if (l > 0 && (a = pick(tg, &d->names, hit, os, l, &canon)) >= 0)
			known = a;
		if (known >= 0 && os + l == oe) {
			/* a known organisation or country */
			const struct entry *e = first_entry(d, known);

			strlcpy(prefix, e->code, sizeof(prefix));
			plen = prefix_len(prefix, strlen(prefix),
			    d->actors[known].type);
			prefix[plen] = '\0';
			if (d->actors[known].type == T_ORG)
				strlcpy(code, e->code, sizeof(code));
			else {
				strlcpy(code, prefix, sizeof(code));
				strlcat(code, *suf ? suf : "GOV", sizeof(code));
			}
		} else if (oe > os) {
			size_t		 hb;
			const char	*head;

			for (hb = oe; hb > os && s[hb - 1] != ' '; hb--)
				;
			o = NULL;
			if (known >= 0 && (d->actors[known].type == T_ADJ ||
			    d->actors[known].type == T_GPE)) {
				strlcpy(prefix, first_entry(d, known)->code,
				    sizeof(prefix));
				prefix[plen = 3] = '\0';
			}
			strlcpy(code, prefix, sizeof(code));
			if ((head = orghead_suffix(tg, hb, oe)) == NULL)
				code[0] = '\0';
			else
				strlcat(code, head, sizeof(code));
		}
	}
	if (code[0] == '\0') {
		strlcpy(code, "", sizeof(code));
		strlcat(code, *suf ? suf : "GOV", sizeof(code));
		os = oe = 0;
	}
	x = new_person(tg, ns, ne, lastb, code, s + rs, re - rs);
	(void)x;
	if (os != 0 && oe > os && !(known >= 0 && os + trie_find(&d->names,
	    s, n, os, &hit) == oe)) {
		o = add_elem(tg, os, oe, "new");
		o->name = s + os;
		o->lname = cut_text(o->name, oe - os, MAXNAME);
		slugify(s + os, oe - os, o->idbuf, sizeof(o->idbuf));
		o->own |= EL_OWNID;
		o->lid = strlen(o->idbuf);
		o->type = "ORG";
		strlcpy(o->code, code, sizeof(o->code));
		tg->ahead_s = os;
		tg->ahead_e = oe;
	}
	/* tag the phrase before the organisation as usual */
	return rs;
}

#define LITMAX	8	/* a type or how is at most this long ("alias") */

#define PUT_LIT(p, lit)	(memcpy((p), (lit), sizeof(lit) - 1), \
			    (p) + sizeof(lit) - 1)

/* A type or how: program literals that need no escapes. */
static inline char *
put_plain(char *p, const char *lit)
{
	/* the types and "new" are three bytes, "dict" four */
	if (lit[0] != '\0' && lit[1] != '\0' && lit[2] != '\0') {
		if (lit[3] == '\0') {
			memcpy(p, lit, 3);
			return p + 3;
		}
		if (lit[4] == '\0') {
			memcpy(p, lit, 4);
			return p + 4;
		}
	}
	while (*lit != '\0')
		*p++ = *lit++;
	return p;
}

/* strlen(x->code), the array read whole. */
static inline size_t
code_len(const struct elem *x)
{
#ifdef __SSE2__
	const __m128i	 z = _mm_setzero_si128();
	unsigned	 m;

	m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(
	    (const __m128i *)(const void *)x->code), z)) |
	    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(
	    (const __m128i *)(const void *)(x->code + 16)), z)) << 16;
	return (size_t)__builtin_ctz(m);	/* code[31] or before is NUL */
#else
	return strlen(x->code);
#endif
}

/*
 * A dictionary string that needs no escapes, quoted, copied eight bytes
 * at a time (it may be read past its end; the room reserved for its
 * escaped form, OUT_BOUND, takes the bytes copied past it).
 */
static inline char *
put_dict(char *p, const char *s, size_t n)
{
	size_t	 i;

	*p++ = '"';
	for (i = 0; i < n; i += 8)
		memcpy(p + i, s + i, 8);
	p += n;
	*p++ = '"';
	return p;
}

/* One element as a JSON object, start and end given in code points. */
static void
write_elem(const struct tagger *tg, const struct elem *x, size_t cs,
    size_t ce, struct buf *out)
{
	size_t	 lid = x->lid, lname = x->lname;
	size_t	 lcode = code_len(x), lrole = x->lrole;
	char	*p;

	buf_reserve(out, OUT_BOUND(x->e - x->s) + OUT_BOUND(lid) +
	    OUT_BOUND(lname) + OUT_BOUND(lcode) + OUT_BOUND(lrole) +
	    2 * LITMAX + 160);
	p = out->p + out->len;
	p = PUT_LIT(p, "{\"start\":");
	p = out_uint_small(p, cs);
	p = PUT_LIT(p, ",\"end\":");
	p = out_uint_small(p, ce);
	p = PUT_LIT(p, ",\"text\":");
	p = out_str_short(p, tg->t + x->s, x->e - x->s, tg->n - x->s);
	p = PUT_LIT(p, ",\"id\":");
	p = x->own & EL_PLAINID ? put_dict(p, x->id, lid) :
	    out_str(p, el_id(x), lid, lid);
	p = PUT_LIT(p, ",\"name\":");
	p = x->own & EL_PLAINNAME ? put_dict(p, x->name, lname) :
	    out_str(p, x->name, lname, lname);
	p = PUT_LIT(p, ",\"type\":\"");
	p = put_plain(p, x->type);
	p = PUT_LIT(p, "\",\"code\":");
	p = out_str_short(p, x->code, lcode, sizeof(x->code));
	if (lrole > 0) {
		p = PUT_LIT(p, ",\"role\":");
		p = x->own & EL_PLAINROLE ? put_dict(p, x->role, lrole) :
		    out_str(p, el_role(x), lrole, lrole);
	}
	p = PUT_LIT(p, ",\"how\":\"");
	p = put_plain(p, x->how);
	*p++ = '"';
	*p++ = '}';
	out->len = (size_t)(p - out->p);
	out->p[out->len] = '\0';
}

/* Element order by start, stable (elements mostly arrive in order). */
static void
sort_elems(struct tagger *tg)
{
	size_t	 i, j;
	int	 k;

	if (tg->ordcap < tg->nel) {
		tg->ordcap = tg->elcap;
		tg->ord = xrealloc(tg->ord, tg->ordcap, sizeof(int));
	}
	for (i = 0; i < tg->nel; i++) {
		k = (int)i;
		for (j = i; j > 0 && tg->el[tg->ord[j - 1]].s > tg->el[k].s; j--)
			tg->ord[j] = tg->ord[j - 1];
		tg->ord[j] = k;
	}
}

static void
write_json(struct tagger *tg, struct buf *out)
{
	struct utf8_cursor	 cur;
	const struct elem	*x;
	size_t			 k, last = 0, cs, ce;
	int			 ascii;

	buf_addc(out, '[');
	if (tg->nel == 0) {
		buf_addc(out, ']');
		return;
	}
	sort_elems(tg);
	utf8_cursor_init(&cur, tg->t, tg->n);
	ascii = utf8_is_ascii(tg->t, tg->n);
	for (k = 0; k < tg->nel; k++) {
		x = &tg->el[tg->ord[k]];
		if (x->s < last)	/* overlapping: keep the first */
			continue;
		last = x->e;
		if (out->p[out->len - 1] != '[')
			buf_addc(out, ',');
		cs = ascii ? x->s : utf8_cursor_cp(&cur, x->s);
		ce = ascii ? x->e : utf8_cursor_cp(&cur, x->e);
		write_elem(tg, x, cs, ce, out);
	}
	buf_addc(out, ']');
}

/* Past an organisation the apposition tagged ahead of the scan. */
static size_t
skip_inside(const struct tagger *tg, size_t i)
{
	return i < tg->ahead_e && tg->ahead_s <= i ? tg->ahead_e : i;
}

/*
 * A lowercase word at i that no alias can start (an alias starting in
 * lowercase begins with the same two bytes, see alias_case_ok).
 */
static inline int
no_alias_here(const struct trie *names, const char *t, size_t n, size_t i)
{
	unsigned char	 c = (unsigned char)t[i], c2;

	if (bytecls[c] != B_LOW)
		return 0;
	if (!names->start[c])
		return 1;
	if (i + 1 >= n)
		return 0;
	c2 = (unsigned char)t[i + 1];
	return !(names->lower2[c - 'a'][c2 >> 6] & (1ULL << (c2 & 63)));
}

void
tagger_run(struct tagger *tg, const char *t, size_t n, long ref,
    struct buf *out)
{
	const struct trie	*names = &tg->d->names;
	size_t			 i = 0, l, j;
	int			 hit, a, canon;
	unsigned char		 c;

	tg->t = t;
	tg->n = n;
	tg->ref = ref;
	tg->nel = 0;
	tg->ahead_s = tg->ahead_e = 0;
	while (i < n) {
		c = (unsigned char)t[i];
		if (bytecls[c] == B_SEP) {
			i++;
			continue;
		}
		if (no_alias_here(names, t, n, i)) {
			/* a run of such words, one space apart */
			do
				i = skip_word(t, n, i);
			while (i + 1 < n && t[i] == ' ' &&
			    no_alias_here(names, t, n, ++i));
			continue;
		}
		if ((j = skip_inside(tg, i)) != i) {
			i = j;
			continue;
		}
		if ((l = trie_find(names, t, n, i, &hit)) > 0 &&
		    (a = pick(tg, names, hit, i, l, &canon)) >= 0) {
			i = on_alias(tg, i, l, a, canon);
			continue;
		}
		if (upper_at(t, n, i)) {
			i = on_capital(tg, i, l, hit);
			continue;
		}
		j = i;
		while (i < n && wordc(t, n, i))
			i++;
		if (i == j)	/* past all of a quote or dash: a name may
				   follow it at once */
			i = utf8_next(t, n, i);
	}
	write_json(tg, out);
}
