/*
 * A small wrapper over pcre2: every pattern is UTF, JIT-compiled at start-up
 * and matched without re-checking UTF (callers pass valid UTF-8 only).
 */
#include <err.h>
#include <stdio.h>

#include "regex.h"

#define MATCH_LIMIT	100000
#define DEPTH_LIMIT	1000

/*
 * For a pattern anchored at the start with a fixed first byte ("^=== "),
 * that byte; lines not starting with it need no call into pcre2.
 */
static int
anchored_first_byte(const pcre2_code *code)
{
	uint32_t	 type, unit, opts;

	if (pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &opts) != 0 ||
	    !(opts & PCRE2_ANCHORED) ||
	    pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type) != 0 ||
	    type != 1 ||
	    pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &unit) != 0 ||
	    (opts & PCRE2_CASELESS))
		return -1;
	return (int)unit;
}

int
regex_compile(struct regex *re, const char *pat, unsigned flags, char *errbuf,
    size_t errlen)
{
	int		 code;
	PCRE2_SIZE	 off;
	PCRE2_UCHAR	 msg[256];

	re->code = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | flags, &code, &off, NULL);
	if (re->code == NULL) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		snprintf(errbuf, errlen, "%s at offset %zu", (char *)msg,
		    (size_t)off);
		return -1;
	}
	/* Without JIT (some architectures) matching is slower but the same. */
	(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
	if ((re->md = pcre2_match_data_create_from_pattern(re->code,
	    NULL)) == NULL || (re->mctx = pcre2_match_context_create(NULL)) ==
	    NULL)
		err(2, "out of memory");
	re->first = anchored_first_byte(re->code);
	pcre2_set_match_limit(re->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(re->mctx, DEPTH_LIMIT);
	return 0;
}

void
regex_builtin(struct regex *re, const char *pat, unsigned flags)
{
	char	 msg[300];

	if (regex_compile(re, pat, flags, msg, sizeof(msg)) == -1)
		errx(2, "built-in pattern: %s", msg);
}

void
regex_free(struct regex *re)
{
	pcre2_match_data_free(re->md);
	pcre2_match_context_free(re->mctx);
	pcre2_code_free(re->code);
}

int
regex_match(struct regex *re, const char *s, size_t n, size_t from)
{
	int	 rc;

	if (re->first >= 0 && from == 0 &&
	    (n == 0 || (unsigned char)s[0] != re->first))
		return 0;
	rc = pcre2_match(re->code, (PCRE2_SPTR)s, n, from, PCRE2_NO_UTF_CHECK,
	    re->md, re->mctx);
	return rc > 0;
}

int
regex_group(const struct regex *re, int g, size_t *a, size_t *b)
{
	PCRE2_SIZE	*ov = pcre2_get_ovector_pointer(re->md);

	if ((unsigned)g >= pcre2_get_ovector_count(re->md) ||
	    ov[2 * g] == PCRE2_UNSET)
		return -1;
	*a = ov[2 * g];
	*b = ov[2 * g + 1];
	return 0;
}

int
regex_named(const struct regex *re, const char *name, size_t *a, size_t *b)
{
	int	 g = pcre2_substring_number_from_name(re->code,
	    (PCRE2_SPTR)name);

	return g < 0 ? -1 : regex_group(re, g, a, b);
}
