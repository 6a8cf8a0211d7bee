/*
 * The record writer's state: which unit to write, whether boilerplate is
 * kept, and buffers reused from one document to the next.
 */
#ifndef DOCSPLIT_EMIT_H
#define DOCSPLIT_EMIT_H

#include "cli.h"
#include "docsplit.h"

enum unit { UNIT_PARA, UNIT_SENT, UNIT_DOC };

struct docmeta {
	const char	*id;
	const char	*src;
	char		 dct[DATE_ISO_MAX];
};

struct emitter {
	struct cli	*cli;
	enum unit	 unit;
	int		 keep_all;
	struct buf	 line;
	struct buf	 id;		/* record head up to the seq in the id */
	struct buf	 rest;		/* from there to the seq key's value */
	struct buf	 text;
	struct spans	 spans;
};

void	emit(struct emitter *, const struct doc *, const struct docmeta *);

#endif
