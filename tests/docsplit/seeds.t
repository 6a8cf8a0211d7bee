#!/bin/sh
# The docsplit lines of ../shared/seeds/EXPECT.md, checked on the seed
# articles when ../shared is beside the checkout (skipped otherwise).
. "$(dirname "$0")/../seeds.sh"
seeds_begin docsplit
# expect FILE KIND TEXT: the paragraph TEXT of FILE has kind KIND (with -a)
expect() {
	got=$("$bin/docsplit" -a "$seeds"/"$1"_*.txt |
	    jq -r --arg t "$3" 'select(.text == $t) | .kind')
	if [ "$got" = "$2" ] || { [ "$2" = boilerplate ] &&
	    [ "$(echo "$got" | sort -u)" = boilerplate ]; }; then
		pass=$((pass + 1))
	else
		echo "FAIL - seed $1: \"$3\" is '$got', want $2"
		fail=$((fail + 1))
	fi
}
for t in "Previous Article" "Next Article" "Write a Comment" "Leave a Comment" \
    "Five breakup tips to start the New Year with a fresh perspective" \
    "Spartak Moscow edges Torpedo in a tense KHL regular-season clash"; do
	expect 001 boilerplate "$t"
done
expect 001 title "Russia Offers Support to Baku and Yerevan in Peace Process"
expect 002 byline "by Jhon Lennon 47 views"
for t in "Understanding the Sticking Points in Peace Talks" \
    "Key Players and Their Roles in Negotiations" \
    "Recent Developments and Future Outlook"; do
	expect 002 heading "$t"
done
for t in "UNITED24 - Make a charitable donation in support of Ukraine!" \
    "Weapons of Mass Destruction (WMD)" "People's Daily Online" \
    "Join the GlobalSecurity.org mailing list"; do
	expect 003 boilerplate "$t"
done
expect 003 title "Russia, Ukraine continue efforts to ease tensions, defend interests"
for t in "What Is the Peace Memorandum?" "Why This Matters Now" \
    "Challenges Ahead" "What to Expect Next"; do
	expect 000 heading "$t"
done
for t in "Moscow's Stance on the 20-Point Proposal" \
    "Key Russian Demands and Sticking Points"; do
	expect 004 heading "$t"
done

# 003: every record dated by the stamp; the dateline opens a paragraph
dct=$("$bin/docsplit" "$seeds"/003_*.txt | jq -r .dct | sort -u)
[ "$dct" = 2022-04-05T14:25 ] && pass=$((pass + 1)) ||
	{ echo "FAIL - seed 003: dct '$dct'"; fail=$((fail + 1)); }
n=$("$bin/docsplit" "$seeds"/003_*.txt |
    jq -r 'select(.text | startswith("MOSCOW, April 5 (Xinhua) --")) | .kind')
[ "$n" = dateline ] && pass=$((pass + 1)) ||
	{ echo "FAIL - seed 003: dateline paragraph is '$n'"; fail=$((fail + 1)); }
# 000 has no title; 004's list items are body
n=$("$bin/docsplit" "$seeds"/000_*.txt | jq -r 'select(.kind == "title")' | wc -l)
[ "$n" = 0 ] && pass=$((pass + 1)) ||
	{ echo "FAIL - seed 000 has a title"; fail=$((fail + 1)); }
n=$("$bin/docsplit" "$seeds"/004_*.txt |
    jq -r 'select(.text | startswith("- ")) | .kind' | sort -u)
[ "$n" = body ] && pass=$((pass + 1)) ||
	{ echo "FAIL - seed 004 list items are '$n'"; fail=$((fail + 1)); }
# ids unique over all seeds, in every unit
for u in para sent doc; do
	d=$("$bin/docsplit" -a -u $u "$seeds"/*.txt | jq -r .id | sort | uniq -d)
	[ -z "$d" ] && pass=$((pass + 1)) ||
		{ echo "FAIL - duplicate ids with -u $u: $d"; fail=$((fail + 1)); }
done
seeds_end
