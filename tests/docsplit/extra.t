#!/bin/sh
# docsplit behaviour a golden case cannot pin: -d mtime (the file's time
# is set here), -P staying silent off a terminal, byte offsets into files.
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${PARLEY_BIN:-$top/bin}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { echo "ok - docsplit: $1"; pass=$((pass + 1)); }
no() { echo "FAIL - docsplit: $1"; fail=$((fail + 1)); }
export TZ=UTC

printf 'Talks Resume\n\nDelegates met again to discuss the plan.\n' >"$tmp/plain.txt"
touch -d '2022-04-05 14:25:00' "$tmp/plain.txt"
got=$("$bin/docsplit" -d mtime "$tmp/plain.txt" | jq -r .dct | sort -u)
[ "$got" = 2022-04-05T14:25 ] && ok "-d mtime uses the file time" ||
	no "-d mtime gave '$got'"

printf 'Talks Resume\n\nKYIV, Dec. 30 (AP) -- Delegates met again.\n' >"$tmp/dl.txt"
touch -d '2023-01-02 08:00:00' "$tmp/dl.txt"
got=$("$bin/docsplit" -d mtime "$tmp/dl.txt" | jq -r .dct | sort -u)
[ "$got" = 2022-12-30 ] && ok "-d mtime gives a yearless dateline its year" ||
	no "yearless dateline with mtime gave '$got'"

got=$("$bin/docsplit" "$tmp/dl.txt" | jq -r '.dct // "none"' | sort -u)
[ "$got" = none ] && ok "no dct without a year or -d" || no "dct '$got'"

got=$(cat "$tmp/plain.txt" | "$bin/docsplit" -d mtime | jq -r '.dct // "none"' | sort -u)
[ "$got" = none ] && ok "-d mtime: a pipe has no modification time" ||
	no "-d mtime on a pipe gave '$got'"

got=$("$bin/docsplit" -d mtime <"$tmp/plain.txt" | jq -r .dct | sort -u)
[ "$got" = 2022-04-05T14:25 ] && ok "-d mtime: stdin redirected from a file" ||
	no "-d mtime on redirected stdin gave '$got'"

printf 'Talks Resume\n\nFine line.\nBad \377 line.\nAnother fine line.\n' >"$tmp/bad.txt"
"$bin/docsplit" --strict "$tmp/bad.txt" >"$tmp/out" 2>"$tmp/err"
st=$?
[ $st = 2 ] && grep -q 'bad.txt:4: stopped (--strict)' "$tmp/err" &&
	ok "--strict stops at invalid UTF-8" || no "--strict on invalid UTF-8: exit $st"

"$bin/docsplit" -P "$tmp/plain.txt" >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ] && ok "-P is silent when stderr is not a terminal" ||
	no "-P wrote to a non-terminal"

# off points at the unit's first byte in the file, for every sentence
bad=$("$bin/docsplit" -a -u sent "$top/tests/docsplit/wire.txt" |
	jq -r '"\(.off) \(.text | split(" ")[0])"' | while read -r off word; do
	w=$(tail -c +$((off + 1)) "$top/tests/docsplit/wire.txt" | head -c ${#word})
	[ "$w" = "$word" ] || echo "$off"
done)
[ -z "$bad" ] && ok "sentence offsets point into the source" ||
	no "offsets wrong at: $bad"

echo "docsplit-extra: $pass passed, $fail failed"
[ $fail = 0 ]
