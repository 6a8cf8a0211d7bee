/*
 * Conventions every parley tool shares: the common options, diagnostics
 * with file and line, exit status, and atomic -o output.
 */
#ifndef PARLEY_CLI_H
#define PARLEY_CLI_H

#include <getopt.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define PARLEY_VERSION	"0.1.0"

enum cli_status { CLI_OK = 0, CLI_DATA = 1, CLI_FATAL = 2 };

/* Long-only options; values above any short option letter. */
enum {
	CLI_OPT_REJECT = 0x100,
	CLI_OPT_STRICT,
	CLI_OPT_MAXLINE
};

/* The short options every tool accepts, to prepend to a tool's own. */
#define CLI_SHORTOPTS	"hVo:P"

#define CLI_LONGOPTS \
	{ "help",	no_argument,		NULL, 'h' }, \
	{ "version",	no_argument,		NULL, 'V' }, \
	{ "output",	required_argument,	NULL, 'o' }, \
	{ "progress",	no_argument,		NULL, 'P' }, \
	{ "reject",	required_argument,	NULL, CLI_OPT_REJECT }, \
	{ "strict",	no_argument,		NULL, CLI_OPT_STRICT }, \
	{ "max-line",	required_argument,	NULL, CLI_OPT_MAXLINE }

#define CLI_DEFAULT_MAXLINE	((size_t)64 << 20)
#define CLI_MAX_WARNINGS	100

struct cli {
	const char	*prog;
	const char	*synopsis;	/* usage line after the program name */
	const char	*optionhelp;	/* one line per option, for --help */
	const char	*outpath;	/* -o, or NULL for stdout */
	char		*tmppath;
	const char	*rejectpath;
	FILE		*out;
	FILE		*reject;
	size_t		 max_line;
	int		 strict;
	int		 progress;
	int		 status;	/* worst enum cli_status so far */
	unsigned long	 warnings;
	/* progress meter */
	unsigned long long	 bytes;
	unsigned long long	 records;
	double		 started;
	double		 shown;
};

void	cli_init(struct cli *, const char *, const char *, const char *);
int	cli_option(struct cli *, int, const char *);
void	cli_usage(const struct cli *, int) __attribute__((noreturn));
void	cli_start(struct cli *);
int	cli_finish(struct cli *);

void	cli_warnx(struct cli *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	cli_warn_at(struct cli *, const char *, unsigned long, size_t,
	    const char *, ...) __attribute__((format(printf, 5, 6)));
void	cli_fatal(struct cli *, const char *, ...)
	    __attribute__((format(printf, 2, 3), noreturn));
void	cli_write_failed(struct cli *) __attribute__((noreturn));
void	cli_reject_line(struct cli *, const char *, size_t);
void	cli_progress(struct cli *, size_t);

/* Cheap per-record check so a full disk is noticed while running. */
static inline void
cli_check_output(struct cli *c)
{
	if (ferror(c->out))
		cli_write_failed(c);
}

int	cli_parse_size(const char *, size_t *);

struct date_time;
/* -d DATE: parse an ISO 8601 date or exit with usage (status 2). */
void	cli_date_option(const struct cli *, const char *, struct date_time *);

#endif
