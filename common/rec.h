/*
 * Records: reading JSON Lines (raw text lines wrapped as records) with
 * every bad line reported and set aside, and writing them back with one
 * key spliced in place so that foreign keys pass through untouched.
 */
#ifndef PARLEY_REC_H
#define PARLEY_REC_H

#include <stddef.h>

#include "buf.h"
#include "cli.h"
#include "json.h"
#include "lines.h"

/* Valid until the next rec_next; the reader owns its memory. */
struct rec {
	const char		*json;	/* the record's JSON text */
	size_t			 len;
	struct json_fields	 obj;
	const char		*file;	/* for messages */
	unsigned long		 lineno;
	int			 raw;	/* wrapped from a raw text line */
};

struct rec_reader {
	struct cli	*cli;
	struct lines	 lines;
	struct buf	 wrap;		/* JSON made for raw text lines */
	struct buf	 repair;
	struct json_fields obj;		/* members of the current record */
};

void	rec_reader_init(struct rec_reader *, struct cli *, char **, int);
void	rec_reader_free(struct rec_reader *);
int	rec_next(struct rec_reader *, struct rec *);

/* Report the current record as bad (message after FILE:LINE:), reject it. */
void	rec_reject(struct rec_reader *, const struct rec *, const char *);

/*
 * Look up a string member: 1 with its decoded value appended to out,
 * 0 when absent or null, -1 when it has another type.
 */
int	rec_get_string(const struct rec *, const char *, struct buf *);

/* The member's raw JSON span, or NULL when absent. */
const char *rec_get_raw(const struct rec *, const char *, size_t *);

/*
 * Write the record with key set to the JSON value val (replacing it in
 * place if present, else appended), or removed when val is NULL.
 */
void	rec_write(struct cli *, const struct rec *, const char *,
	    const char *, size_t);

#endif
