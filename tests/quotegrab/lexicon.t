#!/bin/bash
# quotegrab -f with thousands of cue verbs: the lexicon's table grows and
# is rebuilt many times, and every verb loaded, short or long (over the
# sixteen bytes looked up without a branch), is still found as a cue, as
# are the embedded ones. Last line: "quotegrab-lexicon: N passed, N failed".
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
lib_resolve_bin
lib_scratch quotegrab-lexicon
export LC_ALL=C.UTF-8
pass=0 fail=0

# 3456 made-up lemmas from three syllables each (alone on a line, so that
# quotegrab adds -s, -ed and -ing), and some of 17 to 28 letters
syl=(bra clo dre fli gro kna ple qua sti vro wha zer)
for a in "${syl[@]}"; do for b in "${syl[@]}"; do for c in "${syl[@]}"; do
	for d in x y; do
		echo "$a$b$c$d"
	done
done; done; done >"$TMP/cues"
printf '%s\n' overcomplicatingly \
    bravoclodrefligroknapleq quabravoclodrefligroknaplesti >>"$TMP/cues"
lib_expect "cue file written" 3459 "$(wc -l <"$TMP/cues")"

# cue WORD: the cue lemma quotegrab gives "Maria WORD that ..."
cue() {
	printf '{"id":"t:1","text":"Maria Lopez %s that the talks had failed."}\n' \
	    "$1" | quotegrab -f "$TMP/cues" | jq -r '.quotes[0].cue // "none"'
}
lib_expect "first lemma" brabrabrax "$(cue brabrabraxed)"
lib_expect "a middle one, -s" groknaplex "$(cue groknaplexes)"
lib_expect "the last one, -ied" zerzerzery "$(cue zerzerzeried)"
lib_expect "17 letters" overcomplicatingly "$(cue overcomplicatingly)"
lib_expect "25 letters, -ed" bravoclodrefligroknapleq \
    "$(cue bravoclodrefligroknapleqed)"
lib_expect "31 letters, -s" quabravoclodrefligroknaplesti \
    "$(cue quabravoclodrefligroknaplestis)"
# every 13th lemma in records of their own: each one must come back as
# its cue (a table that lost words loses some here)
awk 'NR % 13 == 1 && NR <= 3456 { printf "{\"id\":\"t:%d\",\"text\":\"The envoys %s that the talks had failed.\"}\n", NR, $1 }' \
    "$TMP/cues" >"$TMP/many"
want=$(awk 'NR % 13 == 1 && NR <= 3456 { print $1 }' "$TMP/cues")
got=$(quotegrab -f "$TMP/cues" <"$TMP/many" | jq -r '.quotes[0].cue // "none"')
lib_expect "266 lemmas, each its own cue" "$want" "$got"
lib_expect "embedded cue" say "$(cue said)"
lib_expect "a word not loaded" none "$(cue brabrabrazed)"
lib_expect "a lemma cut short" none "$(cue overcomplicating)"

# 9000 lemmas alone, 36,000 words with their forms: more than the
# lexicon holds, refused at the line that overflows it
awk 'BEGIN { for (i = 0; i < 9000; i++) { w = ""; x = i
    for (j = 0; j < 4; j++) {
	w = w substr("bcdfghjklmnpqrstvwxz", x % 20 + 1, 1) "a"; x = int(x / 20)
    }
    print w "x" } }' >"$TMP/big"
echo '{"id":"t:1","text":"He said so."}' >"$TMP/one"
quotegrab -f "$TMP/big" <"$TMP/one" >"$TMP/out" 2>"$TMP/err"
lib_expect "too many words: exit 2" 2 "$?"
lib_expect "too many words: the message" \
    "quotegrab: -f $TMP/big:8003: more than 32766 words in the lexicon" \
    "$(cat "$TMP/err")"
lib_expect "too many words: no output" 0 "$(wc -c <"$TMP/out")"

echo "quotegrab-lexicon: $pass passed, $fail failed"
[ "$fail" = 0 ]
