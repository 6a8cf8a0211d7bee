#!/bin/sh
# The dateextract lines of ../shared/seeds/EXPECT.md, checked on the seed
# articles through docsplit when ../shared is beside the checkout
# (skipped otherwise).
. "$(dirname "$0")/../seeds.sh"
seeds_begin dateextract
# expect SEED OPTS TEXT VALUE [CONTEXT]: an expression TEXT of seed SEED
# run with OPTS has VALUE; CONTEXT, when given, must be in its paragraph
expect() {
	# shellcheck disable=SC2086
	got=$("$bin/docsplit" "$seeds"/"$1"_*.txt | "$bin/dateextract" $2 |
	    jq -r --arg t "$3" --arg c "${5:-}" 'select(.text | contains($c)) |
	    .dates[] | select(.text == $t) | .value' | sort -u)
	if [ "$got" = "$4" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL - seed $1: \"$3\" is '$got', want $4"
		fail=$((fail + 1))
	fi
}
expect 003 "" "April 5" 2022-04-05
expect 003 "" "last week" 2022-W13
expect 003 "" "Friday" 2022-04-01 "since Friday"
expect 003 "" "Thursday" 2022-03-31 "signed a decree"
expect 003 "" "Monday" 2022-04-04 "on Monday"
expect 003 "" "the following weeks" FUTURE_REF
expect 001 "-d 2024-01-10" "December 25" 2023-12-25
expect 001 "-d 2024-01-10" "September 19" 2023-09-19
expect 001 "-d 2024-01-10" "A day after" 2023-09-20
expect 004 "-d 2025-12-24" "Wednesday" 2025-12-24 "on Wednesday"
expect 004 "-d 2025-12-24" "late Tuesday" 2025-12-23
expect 004 "-d 2025-12-24" "this week" 2025-W52
expect 004 "-d 2025-12-24" "Christmas" 2025-12-25
expect 004 "-d 2025-12-24" "recent weeks" PAST_REF

# 003: "14:25" is a TIME on 2022-04-05
t=$("$bin/docsplit" "$seeds"/003_*.txt | "$bin/dateextract" |
    jq -r '.dates[] | select(.text | contains("14:25")) | .type + " " + .value')
case $t in
"TIME 2022-04-05T14:25"*) pass=$((pass + 1)) ;;
*) echo "FAIL - seed 003: 14:25 is '$t'"; fail=$((fail + 1)) ;;
esac
# not dates: counts, compounds, amounts
n=$("$bin/docsplit" "$seeds"/*.txt | "$bin/dateextract" | jq -r '.dates[] |
    select(.text | test("views|point|billions")) | .text')
[ -z "$n" ] && pass=$((pass + 1)) ||
	{ echo "FAIL - seeds: taken as dates: $n"; fail=$((fail + 1)); }
seeds_end
