/*
 * quotegrab's pieces: the word lexicon (cue verbs and function words),
 * quote-mark scanning, attribution and speaker memory per document.
 */
#ifndef QUOTEGRAB_H
#define QUOTEGRAB_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "json.h"


/* Word classes (bits); a word may have several. */
#define W_PRON		0x0001	/* he, she: a person pronoun */
#define W_PRONX		0x0002	/* they, it, we, I: other pronouns */
#define W_DET		0x0004	/* the, a, his, another */
#define W_AUX		0x0008	/* has, had, would, also: between subject and cue */
#define W_CONJ		0x0010	/* words that start a clause: and, but, while */
#define W_TIME		0x0020	/* monday, yesterday, week: time adverbials */
#define W_TITLE		0x0040	/* mr, president, sen: before a name */
#define W_ORG		0x0080	/* council, ministry: a name ending so is no person */
#define W_PREP		0x0100	/* in, on, at, during */
#define W_THAT		0x0200	/* that */
#define W_OBJ		0x0400	/* reporters, me, us: objects of tell */
#define W_REL		0x0800	/* who, which, when: relative or subordinate */
#define W_STOPNP	0x1000	/* never inside a subject: is, was, to, not */
#define W_ACCORD	0x2000	/* according: a cue with "to" */

/* Cue behaviour. */
#define CUE_BARE	0x01	/* content may follow without "that" (say) */
#define CUE_OBJ		0x02	/* takes a hearer before the content (tell) */
#define CUE_TAIL	0x04	/* only after a quote: continued, went on */
#define CUE_SAY		0x08	/* any word may start its bare content */
#define CUE_WIDE	0x10	/* its object is the content: urged X to ... */
#define CUE_PART	0x20	/* content only after a particle: spoke about */

struct lexicon;

struct lexicon	*lex_new(void);
void		 lex_free(struct lexicon *);
/* Add cue verbs from a file; -1 with a message in err on a bad line. */
int		 lex_load(struct lexicon *, const char *, char *, size_t);
/* Look up a word (any case); class bits, cue lemma index or -1. */
unsigned	 lex_word(const struct lexicon *, const char *, size_t, int *);
const char	*lex_lemma(const struct lexicon *, int);
unsigned	 lex_cueflags(const struct lexicon *, int);
/* Print the loaded cue lexicon (lemma and forms per line). */
void		 lex_dump(const struct lexicon *, struct buf *);

/* Token types and flags. */
enum tok_type { T_WORD = 1, T_PUNCT, T_MARK };

#define TF_CAP		0x01	/* word starting with a capital */
#define TF_OPEN		0x02	/* mark that opens a quote */
#define TF_CLOSE	0x04	/* mark that closes a quote */
#define TF_SINGLE	0x08	/* single quote mark */
#define TF_SENT		0x10	/* ends a sentence */
#define TF_ABBR		0x20	/* word followed by an abbreviation period */
#define TF_DIGIT	0x40	/* word starting with a digit */

struct tok {
	uint32_t	 s, e;		/* byte span in the text */
	uint16_t	 cls;		/* W_* bits for words */
	int16_t		 cue;		/* cue lemma index or -1 */
	uint8_t		 type;
	uint8_t		 flags;
	char		 ch;		/* punctuation character, or 0 */
	uint8_t		 inq;		/* inside a quote span */
	int32_t		 q;		/* quote span a mark belongs to, or -1 */
};

/* A quoted span found by the mark scanner. */
struct qspan {
	int		 open;		/* token of the opening mark, -1: continued */
	int		 close;		/* token of the closing mark, -1: runs on */
	uint32_t	 s, e;		/* content bytes, marks excluded */
	int		 words;
	int		 done;		/* claimed by an attribution */
};

struct scan {
	struct tok	*t;
	size_t		 n, cap;
	int32_t		*cand;		/* tokens that are cues or titles, cap long */
	size_t		 ncand;
	int32_t		*pt;		/* quote marks and . ? ! ;, cap long */
	size_t		 npt;
	int32_t		*se;		/* tokens with TF_SENT, in order */
	size_t		 nse, capse;
	struct qspan	*q;
	size_t		 nq, capq;
};

/* Tokenize text and pair its quote marks; cont: a quote runs in. */
void	scan_text(struct scan *, const struct lexicon *, const char *,
	    size_t, int);
void	scan_free(struct scan *);

/* Speakers remembered over one document. */
struct ent {
	size_t	 name, namelen;		/* offsets into the memory's arena */
	size_t	 key, keylen;		/* last name, to match later mentions */
	size_t	 id, idlen;
	size_t	 code, codelen;
	int	 person;
	long	 next_name, next_key;	/* earlier entries in the same bucket */
};

#define MEM_BUCKETS	512

/* A bucket's newest entry, valid while gen is the memory's. */
struct bucket {
	unsigned long	 gen;
	long		 head;
};

struct actor {
	uint32_t	 s, e;		/* bytes in the text */
	int		 person;
	const char	*id, *name, *code;
};

struct seen;

struct memory {
	struct buf	 arena;
	struct ent	*v;
	size_t		 n, cap;
	long		 last_person;	/* latest named person, speaker or subject */
	long		 last_speaker;	/* speaker of the latest quote */
	unsigned long	 speaker_para;	/* paragraph of that quote */
	unsigned long	 gen;		/* a new one per document */
	struct bucket	 byname[MEM_BUCKETS], bykey[MEM_BUCKETS];
	struct seen	*seen;		/* speaker.c: a paragraph's mentions */
	unsigned long	 seen_gen;	/* a new one per paragraph */
};

void	mem_reset(struct memory *);
void	mem_free(struct memory *);
/* Add or find a speaker; returns its index. */
long	mem_add(struct memory *, const char *, size_t, const char *, size_t,
	    const struct actor *, int);
/* A later mention by last name alone: the fuller earlier form, or -1. */
long	mem_find_key(const struct memory *, const char *, size_t);

enum qkind { Q_DIRECT, Q_PARTIAL, Q_INDIRECT, Q_OTHER };
enum qhow { HOW_NONE, HOW_LOCAL, HOW_PRONOUN, HOW_CONTEXT };

struct quote {
	uint32_t	 s, e;		/* content bytes */
	enum qkind	 kind;
	int		 cue;		/* lemma index, -1 none; -2 according to */
	uint32_t	 ss, se;	/* speaker mention bytes; ss == se: none */
	long		 who;		/* memory entry, -1 none */
	enum qhow	 how;
};

/* Per-run state of the extractor; one document at a time. */
struct grab {
	struct lexicon	*lex;
	int		 keep_all;	/* -a */
	struct scan	 sc;
	struct memory	 mem;
	struct quote	*qv;
	size_t		 nqv, capqv;
	struct actor	*av;
	size_t		 nav, capav;
	struct buf	 arena;		/* the strings av points to */
	struct json_fields elem;	/* members of one actors element */
	unsigned long	 para;		/* paragraph number in the document */
	int		 open_run;	/* a quote runs into the next paragraph */
	long		 run_who;	/* its speaker */
	int		 run_cue;
	struct buf	 tmp;
	struct buf	 cuejson;	/* ,"cue":"lemma" per cue, as written */
	uint32_t	*cueoff;	/* by cue + 2: offset + 1, 0 not yet */
	uint32_t	*cuelen;
	size_t		 capcue;
};

void	grab_init(struct grab *, struct lexicon *);
void	grab_free(struct grab *);
void	grab_doc(struct grab *);
/*
 * Quotes of one paragraph of the current document as a JSON array
 * appended to out; actors is the raw "actors" JSON or NULL.
 */
void	grab_para(struct grab *, const char *, size_t, const char *, size_t,
	    struct buf *);

/* attrib.c: find quotes in the scanned paragraph (fills g->qv). */
void	attribute(struct grab *, const char *, size_t);
/*
 * speaker.c: mentions are runs of the scanned tokens [a, b).
 * Resolve a subject mention to a memory entry.
 */
long	speaker_resolve(struct grab *, const char *, int, int, enum qhow *);
/* speaker.c: note sentence subjects that are named people. */
void	speaker_note_subject(struct grab *, const char *, int, int);
/* speaker.c: remember a titled or full name seen anywhere. */
void	speaker_note_name(struct grab *, const char *, int, int);
/* speaker.c: a new paragraph's tokens; mentions seen before are gone. */
void	speaker_para(struct grab *);

#endif
