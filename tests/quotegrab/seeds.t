#!/bin/sh
# The quotegrab lines of ../shared/seeds/EXPECT.md, checked on the seed
# articles through docsplit and actortag when ../shared is beside the
# checkout (skipped otherwise).
. "$(dirname "$0")/../seeds.sh"
seeds_begin quotegrab
# expect SEED WORDS WANT: the quotes of seed SEED whose text holds WORDS
# include one whose "kind cue speaker / speaker_text" is WANT
expect() {
	got=$("$bin/docsplit" "$seeds"/"$1"_*.txt | "$bin/actortag" |
	    "$bin/quotegrab" | jq -r --arg w "$2" '.quotes[] |
	    select(.text | contains($w)) |
	    "\(.kind) \(.cue) \(.speaker) / \(.speaker_text)"' | sort -u)
	if printf '%s\n' "$got" | grep -qxF -- "$3"; then
		pass=$((pass + 1))
	else
		echo "FAIL - seed $1: \"$2\" gives '$got', want $3"
		fail=$((fail + 1))
	fi
}
expect 003 "There is a theoretical possibility" \
    "direct say Ivan Timofeev / Timofeev"
expect 003 "Russia received an offer from Ukraine" \
    "direct say Vladimir Zharikhin / he"
expect 003 "a more realistic approach" \
    "partial say Vladimir Medinsky / Medinsky"
expect 003 "important step towards strengthening" \
    "partial say Vladimir Putin / He"
expect 003 "he saw positive signals from the peace negotiations" \
    "indirect say Volodymyr Zelensky / Ukrainian President Volodymyr Zelensky"
expect 004 "moved significantly closer to finalizing" \
    "partial note Volodymyr Zelensky / Ukrainian President Volodymyr Zelenskyy"
expect 004 "okay" "partial remark Donald Trump / Trump"
# scare quotes are not speech
n=$("$bin/docsplit" "$seeds"/*.txt | "$bin/actortag" | "$bin/quotegrab" |
    jq -r '.quotes[] | select(.text | test("unfriendly|cautious optimism|denazification")) | .text')
[ -z "$n" ] && pass=$((pass + 1)) ||
	{ echo "FAIL - seeds: taken as speech: $n"; fail=$((fail + 1)); }
seeds_end
