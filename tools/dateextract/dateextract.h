/*
 * dateextract's core: a tokenizer, a rule grammar over tokens and a
 * resolver that turns temporal expressions into TIMEX3 values.
 */
#ifndef DATEEXTRACT_H
#define DATEEXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "date.h"

/* Token kinds and flags (lex.c). */
enum { T_WORD, T_NUM, T_PUNCT };

#define TF_SPACE	0x01	/* white space before the token */
#define TF_CAP		0x02	/* first letter upper case */
#define TF_LOWER	0x04	/* all letters lower case */
#define TF_PAST		0x08	/* a past-tense cue */
#define TF_FUT		0x10	/* a future-tense cue */
#define TF_ED		0x20	/* lower-case word ending in -ed */
#define TF_CAT		0x40	/* a lexicon word with a category */
#define TF_START	0x80	/* a lexicon word that may begin an expression */

struct tok {
	uint32_t	 s, e;		/* byte offsets into the text */
	uint32_t	 num;		/* T_NUM: value (capped) */
	uint16_t	 id;		/* lexicon entry, 0 if none */
	uint8_t		 kind;
	uint8_t		 fl;
	uint8_t		 ndig;		/* T_NUM: digits */
	char		 ch;		/* T_PUNCT: the character (ASCII) */
};

/* Lexicon categories. */
enum {
	C_NONE, C_MONTH, C_MONABBR, C_WDAY, C_NUMW, C_ORD, C_UNIT, C_SEASON,
	C_PART, C_SETADV, C_REF, C_APPROX, C_HOLI
};

/* Units, finest first; also granularities of resolved points. */
enum {
	U_NONE, U_SEC, U_MIN, U_HOUR, U_PART, U_DAY, U_WEEKEND, U_WEEK,
	U_MONTH, U_SEASON, U_QUARTER, U_HALF, U_YEAR, U_DECADE, U_CENTURY
};

struct lexent {
	const char	*w;
	uint8_t		 cat;
	uint8_t		 plural;
	int16_t		 val;
	int8_t		 tense;		/* -1 past cue, 1 future cue */
};

#define LEX_MAXWORD	15
#define LEX_BITS	11
#define LEX_SLOTS	(1 << LEX_BITS)	/* open addressing, mostly empty */

/* A word of up to 16 bytes packed lower case into two integers. */
struct lexslot {
	uint64_t	 w0, w1;
	unsigned	 idfl;		/* id, and TF_CAT, TF_PAST, TF_FUT << 16 */
};

struct lexicon {
	struct lexslot	 slot[LEX_SLOTS];
	uint8_t		 cls[256];	/* byte classes */
};

void	lex_init(struct lexicon *);
/* The table of known words, by id; inline, as the grammar asks often. */
extern const struct lexent lex_table[];
extern const unsigned lex_count;

static inline const struct lexent *
lex_entry(unsigned id)
{
	return &lex_table[id < lex_count ? id : 0];
}
/*
 * Tokenize text into *tok (grown as needed); returns the token count and
 * sets *high when the text has bytes beyond ASCII.
 */
size_t	lex_tokens(const struct lexicon *, const char *, size_t,
	    struct tok **, size_t *, int *);

/* A point or period on the calendar, at granularity gran. */
struct pt {
	int	 gran;		/* U_* */
	int	 y, m, d;	/* y may be unknown: PT_NOYEAR */
	int	 q, half, season;
	int	 part;		/* part of day: 1 MO 2 AF 3 EV 4 NI, 0 none */
	int	 hh, mm;
	int	 tzset, tz;	/* a zone given: minutes east of UTC */
};

#define PT_NOYEAR	(-99999)

/* How an expression is to be resolved. */
enum {
	H_LIT,		/* value is lit */
	H_ABS,		/* p is complete */
	H_NOYEAR,	/* p lacks the year: by tense around the reference */
	H_WDAY,		/* weekday wd, direction dir */
	H_SHIFT,	/* n units from the reference (or the text anchor) */
	H_MONTHREL,	/* month/season/holiday with last/this/next */
	H_PRESENT,	/* today-like: the reference at p's granularity */
	H_YEARREL,	/* p lacks the year: the reference's year plus n */
	H_PERIODOF	/* year p.y, in the quarter last mentioned */
};

enum { B_DCT, B_TEXT };

enum { TYPE_DATE, TYPE_TIME, TYPE_DURATION, TYPE_SET };

enum {
	M_NONE, M_START, M_MID, M_END, M_APPROX, M_BEFORE, M_AFTER,
	M_LESS_THAN, M_MORE_THAN, M_EQUAL_OR_LESS, M_EQUAL_OR_MORE,
	M_ON_OR_BEFORE, M_ON_OR_AFTER
};

/* Small fields, since the grammar copies a blank one per rule tried. */
struct tx {
	size_t		 ts, te;	/* token range, end exclusive */
	struct pt	 p;		/* fields given by the text */
	int		 n;		/* H_SHIFT, H_PRESENT */
	int8_t		 type;
	int8_t		 how;
	int8_t		 mod;
	int8_t		 unit;		/* H_SHIFT, H_PRESENT */
	int8_t		 base;		/* H_SHIFT: B_DCT or B_TEXT */
	int8_t		 wd;		/* H_WDAY: 1..7 */
	int8_t		 dir;		/* -1 last, 1 next, 0 tense, 2 this */
	int8_t		 holiday;	/* in the holiday table, or -1 */
	int8_t		 tense;		/* of the sentence: -1, 0, 1 */
	int8_t		 timeadd;	/* p.part/hh/mm added to a day */
	int8_t		 ago;		/* H_SHIFT: "N units ago" */
	char		 lit[16];	/* "PRESENT_REF", "PT99999M30S" */
};

/* grammar.c */
size_t	grammar_match(const char *, const struct tok *, size_t, size_t,
	    struct tx *, size_t);
int	grammar_starter(unsigned);
int	grammar_tense(const char *, const struct tok *, size_t, size_t,
	    size_t);

/* resolve.c */
struct anchor {
	int		 set;
	struct pt	 p;		/* the last date mentioned */
	int		 pset;
	struct pt	 period;	/* the last month, quarter or half */
	int		 tset;
	struct pt	 topic;		/* the first quarter mentioned */
	unsigned	 rec, prec;	/* this record; the one p is from */
};

int	resolve(const struct tx *, const struct date_time *,
	    struct anchor *, char *, size_t, const char **);
int	holiday_date(int, int, int *, int *);
int	holiday_find(const char *, const struct tok *, size_t, size_t,
	    size_t *);
int	iso_week(int, int, int, int *);

/* annotate.c: the core, callable without main. */
struct dx {
	struct lexicon	 lex;
	struct tok	*tok;
	size_t		 ntok, captok;
	int		 high;		/* the text is not all ASCII */
	struct anchor	 anchor;	/* narrative state of the document */
};

void	dx_init(struct dx *);
void	dx_free(struct dx *);
void	dx_reset(struct dx *);		/* a new document begins */
size_t	dx_annotate(struct dx *, const char *, size_t,
	    const struct date_time *, struct buf *);

#endif
