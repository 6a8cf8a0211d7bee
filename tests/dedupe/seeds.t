#!/bin/sh
# The dedupe lines of ../shared/seeds/EXPECT.md that the seeds themselves
# show, checked when ../shared is beside the checkout (skipped otherwise).
. "$(dirname "$0")/../seeds.sh"
seeds_begin dedupe
# 003 repeats "People's Daily Online": with -a the second copy is dropped
got=$("$bin/docsplit" -a "$seeds"/003_*.txt | "$bin/dedupe" -D |
    jq -r '.text' | grep -c "^People's Daily Online\$")
if [ "$got" = 1 ]; then
	pass=$((pass + 1))
else
	echo "FAIL - seed 003: $got duplicate 'People's Daily Online' lines, want 1"
	fail=$((fail + 1))
fi
# the same article under another headline and footer is one document
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
f=$(ls "$seeds"/004_*.txt)
{ echo "Talks edge forward, officials say"; echo; sed '1d' "$f";
    echo; echo "Copyright the syndicating site. All rights reserved."; } \
    >"$tmp/republished.txt"
got=$("$bin/docsplit" "$f" "$tmp/republished.txt" |
    "$bin/dedupe" -k doc -t 0.8 | jq -r '.doc' | sort -u | wc -l)
if [ "$got" -eq 1 ]; then
	pass=$((pass + 1))
else
	echo "FAIL - seed 004 republished: $got documents kept, want 1"
	fail=$((fail + 1))
fi
seeds_end
