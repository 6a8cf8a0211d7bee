/*
 * Reads lines with read(2) into one growing buffer. getline(3) would do
 * the same work but cannot refuse a 10 GB line before allocating it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lines.h"

#define CHUNK	(1 << 17)

void
lines_init(struct lines *l, struct cli *c, char **files, int nfiles)
{
	static char	*stdin_only[] = { "-", NULL };

	memset(l, 0, sizeof(*l));
	l->cli = c;
	l->files = nfiles > 0 ? files : stdin_only;
	l->nfiles = nfiles > 0 ? nfiles : 1;
	l->fd = -1;
}

void
lines_free(struct lines *l)
{
	if (l->fd > STDIN_FILENO)
		close(l->fd);
	free(l->buf);
	l->buf = NULL;
}

int
lines_file_fd(const struct lines *l)
{
	return l->fd;
}

/* Open the next readable operand; 0 when none is left. */
static int
open_next(struct lines *l)
{
	const char	*path;

	while (l->next < l->nfiles) {
		path = l->files[l->next++];
		if (strcmp(path, "-") == 0) {
			l->fd = STDIN_FILENO;
			l->name = "<stdin>";
		} else if ((l->fd = open(path, O_RDONLY)) == -1) {
			cli_warnx(l->cli, "%s: %s", path, strerror(errno));
			continue;
		} else
			l->name = path;
		l->src = path;
		l->head = l->tail = 0;
		l->eof = 0;
		l->lineno = 0;
		l->off = l->nextoff = 0;
		l->fileseq++;
		return 1;
	}
	return 0;
}

static void
close_current(struct lines *l)
{
	if (l->fd > STDIN_FILENO)
		close(l->fd);
	l->fd = -1;
}

/* Read more input after the unread data; returns bytes read, 0 at EOF. */
static size_t
fill(struct lines *l)
{
	ssize_t	 n;
	char	*p;
	size_t	 want;

	if (l->head > 0) {
		memmove(l->buf, l->buf + l->head, l->tail - l->head);
		l->tail -= l->head;
		l->head = 0;
	}
	if (l->cap - l->tail < CHUNK) {
		want = l->cap == 0 ? 2 * CHUNK : l->cap * 2;
		if ((p = realloc(l->buf, want)) == NULL)
			cli_fatal(l->cli, "out of memory");
		l->buf = p;
		l->cap = want;
	}
	for (;;) {
		n = read(l->fd, l->buf + l->tail, l->cap - l->tail);
		if (n >= 0)
			break;
		if (errno == EINTR)
			continue;
		cli_warnx(l->cli, "%s: %s", l->name, strerror(errno));
		n = 0;
		break;
	}
	if (n == 0)
		l->eof = 1;
	l->tail += (size_t)n;
	return (size_t)n;
}

/*
 * Drop the rest of an over-long line, copying it to the reject file,
 * and report it once.
 */
static void
skip_long_line(struct lines *l)
{
	struct cli	*c = l->cli;
	char		*nl;
	size_t		 n;

	cli_warn_at(c, l->name, l->lineno, 0, "line longer than %zu bytes",
	    c->max_line);
	if (c->strict)
		cli_fatal(c, "%s:%lu: stopped (--strict)", l->name, l->lineno);
	for (;;) {
		nl = memchr(l->buf + l->head, '\n', l->tail - l->head);
		n = (nl != NULL ? (size_t)(nl - l->buf) : l->tail) - l->head;
		if (c->reject != NULL &&
		    fwrite(l->buf + l->head, 1, n, c->reject) != n)
			cli_fatal(c, "%s: %s", c->rejectpath, strerror(errno));
		l->head += n;
		l->nextoff += (off_t)n;
		if (nl != NULL) {
			l->head++;
			l->nextoff++;
			break;
		}
		l->head = l->tail = 0;
		if (fill(l) == 0)
			break;
	}
	if (c->reject != NULL && putc('\n', c->reject) == EOF)
		cli_fatal(c, "%s: %s", c->rejectpath, strerror(errno));
}

int
lines_next(struct lines *l)
{
	char	*nl;
	size_t	 scanned = 0, avail;

	for (;;) {
		if (l->fd == -1 && !open_next(l))
			return 0;
		avail = l->tail - l->head;
		nl = avail > scanned ? memchr(l->buf + l->head + scanned, '\n',
		    avail - scanned) : NULL;
		if (nl == NULL && avail > l->cli->max_line) {
			l->lineno++;
			skip_long_line(l);
			scanned = 0;
			continue;
		}
		if (nl != NULL || (l->eof && avail > 0)) {
			l->line = l->buf + l->head;
			l->len = nl != NULL ? (size_t)(nl - l->line) : avail;
			if (l->len > l->cli->max_line) {
				l->lineno++;
				skip_long_line(l);
					scanned = 0;
				continue;
			}
			l->head += l->len + (nl != NULL);
			l->lineno++;
			l->off = l->nextoff;
			l->nextoff += (off_t)(l->len + (nl != NULL));
			return 1;
		}
		if (l->eof) {
			close_current(l);
			continue;
		}
		scanned = avail;
		fill(l);
	}
}
