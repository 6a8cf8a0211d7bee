/*
 * A plain C test runner for common/: each CHECK counts a pass or prints
 * where it failed; main prints "unit: N passed, N failed".
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

struct unit_counts {
	int	 passed;
	int	 failed;
};

extern struct unit_counts unit;

#define CHECK(cond) do {						\
	if (cond)							\
		unit.passed++;						\
	else {								\
		unit.failed++;						\
		printf("FAIL - %s:%d: %s\n", __FILE__, __LINE__, #cond);	\
	}								\
} while (0)

#define CHECK_STR(got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if (g_ != NULL && strcmp(g_, w_) == 0)				\
		unit.passed++;						\
	else {								\
		unit.failed++;						\
		printf("FAIL - %s:%d: got \"%s\", want \"%s\"\n",	\
		    __FILE__, __LINE__, g_ ? g_ : "(null)", w_);	\
	}								\
} while (0)

void	test_buf(void);
void	test_utf8(void);
void	test_json(void);
void	test_date(void);
void	test_cli(void);
void	test_rec(void);
void	test_lines(void);
void	test_hash(void);
void	test_abbrev(void);

#endif
