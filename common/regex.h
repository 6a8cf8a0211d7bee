/*
 * pcre2 patterns compiled once with UTF and JIT, matched with limits so
 * that no input line can make a match run away.
 */
#ifndef PARLEY_REGEX_H
#define PARLEY_REGEX_H

#include <stddef.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

struct regex {
	pcre2_code		*code;
	pcre2_match_data	*md;
	pcre2_match_context	*mctx;
	int			 first;	/* byte every match starts with, or -1 */
};

/* Compile or return -1 with a message in err (errlen bytes). */
int	regex_compile(struct regex *, const char *, unsigned, char *, size_t);
/* Like regex_compile, but a bad built-in pattern is a bug: exit 2. */
void	regex_builtin(struct regex *, const char *, unsigned);
void	regex_free(struct regex *);
/* 1 on a match (offsets via regex_group), 0 on none or on a limit hit. */
int	regex_match(struct regex *, const char *, size_t, size_t);
/* Byte span of group g of the last match; -1 if it did not take part. */
int	regex_group(const struct regex *, int, size_t *, size_t *);
int	regex_named(const struct regex *, const char *, size_t *, size_t *);

#endif
