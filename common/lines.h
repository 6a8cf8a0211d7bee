/*
 * Line input over the operand list: files in order as one stream, any
 * line length up to a limit, memory bounded by that limit.
 */
#ifndef PARLEY_LINES_H
#define PARLEY_LINES_H

#include <sys/types.h>

#include <stddef.h>

#include "cli.h"

struct lines {
	struct cli	*cli;
	char		**files;
	int		 nfiles;
	int		 next;		/* index of the next operand to open */
	int		 fd;		/* -1 when no file is open */
	const char	*name;		/* for messages: <stdin> or the path */
	const char	*src;		/* as given: - or the path */
	char		*buf;
	size_t		 cap;
	size_t		 head;		/* start of unread data in buf */
	size_t		 tail;		/* end of data in buf */
	int		 eof;
	/* the current line */
	char		*line;		/* not NUL-terminated, no '\n' */
	size_t		 len;
	unsigned long	 lineno;	/* 1-based, per file */
	off_t		 off;		/* byte offset of the line in its file */
	off_t		 nextoff;
	unsigned	 fileseq;	/* counts opened files, to see a new one */
};

void	lines_init(struct lines *, struct cli *, char **, int);
int	lines_next(struct lines *);
int	lines_file_fd(const struct lines *);
void	lines_free(struct lines *);

#endif
