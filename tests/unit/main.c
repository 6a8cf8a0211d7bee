/*
 * Runs every unit test of common/ and prints the summary line that
 * tests/check adds up.
 */
#include "unit.h"

struct unit_counts unit;

int
main(void)
{
	test_buf();
	test_utf8();
	test_json();
	test_date();
	test_cli();
	test_lines();
	test_rec();
	test_hash();
	test_abbrev();
	printf("unit: %d passed, %d failed\n", unit.passed, unit.failed);
	return unit.failed != 0;
}
