/*
 * Shared command-line behaviour: option parsing for the common options,
 * diagnostics, and an output file that only appears once it is complete.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bsd/stdlib.h>
#include <bsd/string.h>

#include "cli.h"
#include "date.h"

/*
 * The one piece of mutable file-scope state in common/: the temporary
 * output must be removed on every exit path, including err(3) calls
 * deep in a library, and atexit handlers take no argument.
 */
static char	*pending_tmp;

static void
remove_pending_tmp(void)
{
	if (pending_tmp != NULL)
		unlink(pending_tmp);
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void
cli_init(struct cli *c, const char *prog, const char *synopsis,
    const char *optionhelp)
{
	memset(c, 0, sizeof(*c));
	c->prog = prog;
	c->synopsis = synopsis;
	c->optionhelp = optionhelp;
	c->max_line = CLI_DEFAULT_MAXLINE;
	c->out = stdout;
	setprogname(prog);
	/* | head must end us quietly, as it ends cat. */
	signal(SIGPIPE, SIG_DFL);
}

void
cli_usage(const struct cli *c, int status)
{
	FILE	*fp = status == 0 ? stdout : stderr;

	fprintf(fp, "usage: %s %s\n", c->prog, c->synopsis);
	if (status == 0) {
		fputs(c->optionhelp, fp);
		fputs("  -h, --help          print this help and exit\n"
		    "  -V, --version       print the version and exit\n"
		    "  -o, --output FILE   write to FILE, replaced only on success\n"
		    "  -P, --progress      show progress on stderr (a terminal only)\n"
		    "      --reject FILE   copy rejected input lines to FILE\n"
		    "      --strict        stop at the first bad input line\n"
		    "      --max-line N    reject lines longer than N bytes "
		    "(K, M, G; default 64M)\n", fp);
		if (fflush(fp) == EOF || ferror(fp)) {
			fprintf(stderr, "%s: write error: %s\n", c->prog,
			    strerror(errno));
			exit(CLI_FATAL);
		}
	}
	exit(status);
}

void
cli_date_option(const struct cli *c, const char *arg, struct date_time *t)
{
	if (date_parse_iso(arg, t) == 0)
		return;
	fprintf(stderr, "%s: -d: not an ISO 8601 date: %s\n", c->prog, arg);
	cli_usage(c, CLI_FATAL);
}

int
cli_parse_size(const char *s, size_t *v)
{
	char			*end;
	unsigned long long	 n;
	unsigned		 shift = 0;

	errno = 0;
	n = strtoull(s, &end, 10);
	if (end == s || errno != 0 || *s == '-')
		return -1;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	default: break;
	}
	if (*end != '\0' || n == 0 || n > (SIZE_MAX >> shift) - 1)
		return -1;
	*v = (size_t)n << shift;
	return 0;
}

/* Returns 1 when the option was one of the shared ones. */
int
cli_option(struct cli *c, int opt, const char *arg)
{
	switch (opt) {
	case 'h':
		cli_usage(c, 0);
	case 'V':
		printf("%s (parley) %s\n", c->prog, PARLEY_VERSION);
		if (fflush(stdout) == EOF || ferror(stdout)) {
			fprintf(stderr, "%s: write error: %s\n", c->prog,
			    strerror(errno));
			exit(CLI_FATAL);
		}
		exit(0);
	case 'o':
		c->outpath = arg;
		return 1;
	case 'P':
		c->progress = isatty(STDERR_FILENO);
		return 1;
	case CLI_OPT_REJECT:
		c->rejectpath = arg;
		return 1;
	case CLI_OPT_STRICT:
		c->strict = 1;
		return 1;
	case CLI_OPT_MAXLINE:
		if (cli_parse_size(arg, &c->max_line) == -1) {
			fprintf(stderr, "%s: --max-line: invalid size: %s\n",
			    c->prog, arg);
			cli_usage(c, CLI_FATAL);
		}
		return 1;
	default:
		return 0;
	}
}

static void
open_output(struct cli *c)
{
	size_t	 len;
	int	 fd;

	len = strlen(c->outpath) + sizeof(".XXXXXX");
	if ((c->tmppath = malloc(len)) == NULL)
		cli_fatal(c, "out of memory");
	snprintf(c->tmppath, len, "%s.XXXXXX", c->outpath);
	if ((fd = mkstemp(c->tmppath)) == -1) {
		free(c->tmppath);
		c->tmppath = NULL;
		cli_fatal(c, "%s: %s", c->outpath, strerror(errno));
	}
	pending_tmp = c->tmppath;
	atexit(remove_pending_tmp);
	/* mkstemp makes 0600; an output file should honour the umask. */
	{
		mode_t	 mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if ((c->out = fdopen(fd, "w")) == NULL)
		cli_fatal(c, "%s: %s", c->outpath, strerror(errno));
}

void
cli_start(struct cli *c)
{
	static char	 outbuf[1 << 17];

	if (c->outpath != NULL && strcmp(c->outpath, "-") != 0)
		open_output(c);
	setvbuf(c->out, outbuf, _IOFBF, sizeof(outbuf));
	if (c->rejectpath != NULL &&
	    (c->reject = fopen(c->rejectpath, "w")) == NULL)
		cli_fatal(c, "%s: %s", c->rejectpath, strerror(errno));
	c->started = c->shown = now();
}

void
cli_write_failed(struct cli *c)
{
	int	 e = errno;

	if (e == 0)
		e = EIO;
	cli_fatal(c, "write error: %s", strerror(e));
}

static void
progress_done(struct cli *c)
{
	if (c->progress)
		fputs("\n", stderr);
}

int
cli_finish(struct cli *c)
{
	errno = 0;
	if (fflush(c->out) == EOF || ferror(c->out))
		cli_write_failed(c);
	if (c->tmppath != NULL) {
		if (fsync(fileno(c->out)) == -1 && errno != EINVAL)
			cli_write_failed(c);
		if (fclose(c->out) == EOF)
			cli_write_failed(c);
		if (rename(c->tmppath, c->outpath) == -1)
			cli_fatal(c, "%s: %s", c->outpath, strerror(errno));
		pending_tmp = NULL;
		free(c->tmppath);
		c->tmppath = NULL;
	} else if (fclose(c->out) == EOF)
		cli_write_failed(c);
	c->out = NULL;
	if (c->reject != NULL && (fclose(c->reject) == EOF)) {
		fprintf(stderr, "%s: %s: %s\n", c->prog, c->rejectpath,
		    strerror(errno));
		return CLI_FATAL;
	}
	if (c->warnings > CLI_MAX_WARNINGS)
		fprintf(stderr, "%s: %lu warnings in all\n", c->prog,
		    c->warnings);
	progress_done(c);
	return c->status;
}

static int
count_warning(struct cli *c)
{
	if (c->status < CLI_DATA)
		c->status = CLI_DATA;
	c->warnings++;
	if (c->warnings == CLI_MAX_WARNINGS + 1)
		fprintf(stderr, "%s: too many warnings; further ones "
		    "suppressed\n", c->prog);
	return c->warnings <= CLI_MAX_WARNINGS;
}

void
cli_warnx(struct cli *c, const char *fmt, ...)
{
	va_list	 ap;

	if (!count_warning(c))
		return;
	fprintf(stderr, "%s: ", c->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* col 0 means the message names no column. */
void
cli_warn_at(struct cli *c, const char *file, unsigned long line, size_t col,
    const char *fmt, ...)
{
	va_list	 ap;

	if (!count_warning(c))
		return;
	if (col > 0)
		fprintf(stderr, "%s: %s:%lu:%zu: ", c->prog, file, line, col);
	else
		fprintf(stderr, "%s: %s:%lu: ", c->prog, file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cli_fatal(struct cli *c, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "%s: ", c->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	/* What went to stdout before the failure stays there; -o gets nothing. */
	if (c->out == stdout)
		fflush(stdout);
	remove_pending_tmp();
	pending_tmp = NULL;
	_exit(CLI_FATAL);
}

void
cli_reject_line(struct cli *c, const char *line, size_t len)
{
	if (c->reject == NULL)
		return;
	if (fwrite(line, 1, len, c->reject) != len ||
	    putc('\n', c->reject) == EOF)
		cli_fatal(c, "%s: %s", c->rejectpath, strerror(errno));
}

void
cli_progress(struct cli *c, size_t bytes)
{
	double	 t;

	c->bytes += bytes;
	c->records++;
	if (!c->progress || (c->records & 1023) != 0)
		return;
	if ((t = now()) - c->shown < 0.5)
		return;
	c->shown = t;
	fprintf(stderr, "\r%s: %llu MB, %llu records, %.1f MB/s ", c->prog,
	    c->bytes >> 20, c->records,
	    (double)c->bytes / 1e6 / (t - c->started));
}
