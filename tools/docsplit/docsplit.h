/*
 * docsplit's internal interfaces: a document as lines and paragraphs,
 * and the passes that build, classify, date and split it.
 */
#ifndef DOCSPLIT_H
#define DOCSPLIT_H

#include <sys/types.h>

#include <stddef.h>

#include "buf.h"
#include "date.h"

enum kind {
	KIND_BODY, KIND_TITLE, KIND_BYLINE, KIND_DATELINE, KIND_HEADING,
	KIND_BOILERPLATE
};

/* One source line of the current document. */
struct dline {
	size_t		 start;		/* offset of its text in doc.text */
	size_t		 len;
	off_t		 off;		/* offset of its first byte in the file */
	int		 repaired;	/* text differs from the source bytes */
	int		 alone;		/* a -b boundary line: its own paragraph */
};

/* Features the classifier looks at, computed once per paragraph. */
struct pfeat {
	int		 words;
	int		 capwords;	/* capitalized words of 4+ letters */
	int		 longwords;	/* words of 4+ letters */
	int		 ends_sentence;	/* 1 . ! ?, 2 : ; , */
	int		 item;		/* a list item */
	int		 trigger;	/* has a call-to-action word */
	int		 repeated;	/* the same text occurs again in the doc */
	int		 boiler;	/* matches a boilerplate shape */
	int		 byline;
	int		 stamp;		/* a publication stamp line */
	size_t		 dateline;	/* length of a wire dateline prefix */
};

struct para {
	size_t		 start;		/* offset of its text in doc.ptext */
	size_t		 len;
	size_t		 line;		/* first line in doc.lines */
	size_t		 nlines;
	enum kind	 kind;
	struct pfeat	 f;
};

struct doc {
	struct buf	 text;		/* the lines, repaired, back to back */
	struct dline	*lines;
	size_t		 nlines;
	size_t		 linecap;
	struct buf	 ptext;		/* paragraph texts, when joined */
	int		 joined;	/* else each paragraph is a line of text */
	struct para	*paras;
	size_t		 npara;
	size_t		 paracap;
	/* per-line text position inside its paragraph, for sentence offsets */
	size_t		*linepos;
	size_t		*linelead;
	size_t		 lineposcap;
	size_t		 lineleadcap;
};

struct span {
	size_t		 start;
	size_t		 end;
};

struct spans {
	struct span	*v;
	size_t		 n;
	size_t		 cap;
};

/* A paragraph's text: in ptext when lines were joined, else in text. */
static inline const char *
para_text(const struct doc *d, const struct para *p)
{
	return (d->joined ? d->ptext.p : d->text.p) + p->start;
}

/* paragraph.c */
void	doc_reset(struct doc *);
void	doc_free(struct doc *);
void	doc_add_line(struct doc *, const char *, size_t, off_t, int, int);
void	doc_paragraphs(struct doc *);
off_t	doc_offset(const struct doc *, const struct para *, size_t);

/* classify.c */
struct classifier;
struct stamper;
struct classifier *classifier_new(struct stamper *);
void	classifier_free(struct classifier *);
void	classify(struct classifier *, struct doc *);
const char *kind_name(enum kind);

/* stamp.c */
struct stamper *stamper_new(void);
void	stamper_free(struct stamper *);
size_t	stamp_dateline(struct stamper *, const char *, size_t,
	    struct date_time *);
int	stamp_is_stamp(struct stamper *, const char *, size_t, int);
int	stamp_find_date(struct stamper *, const char *, size_t,
	    struct date_time *, int *);

/* dct.c */
struct dct_source {
	const struct date_time *fixed;	/* -d DATE */
	int		 use_mtime;	/* -d mtime */
	int		 has_mtime;	/* the current file has one */
	long long	 mtime;
};
void	doc_dct(struct stamper *, const struct doc *,
	    const struct dct_source *, char *);

/* sentence.c */
void	sentence_split(const char *, size_t, struct spans *);

#endif
