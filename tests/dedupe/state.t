#!/bin/bash
# dedupe -s across runs: a later run drops what earlier ones kept, names it
# with -m, near duplicates match across runs, --expire forgets old items,
# -o writes the state after the output, and a foreign file is refused.
# Last line: "dedupe-state: N passed, N failed".
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
lib_resolve_bin
lib_scratch dedupe-state
export LC_ALL=C.UTF-8 TZ=UTC
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0

db=$TMP/a.db
printf '%s\n' '{"id":"r:1","text":"Talks resumed."}' \
    '{"id":"r:2","text":"Talks ended."}' >"$TMP/one"
printf '%s\n' '{"id":"s:1","text":"talks RESUMED"}' \
    '{"id":"s:2","text":"A new paragraph."}' >"$TMP/two"
lib_expect "first run keeps all" 2 "$(dedupe -s "$db" "$TMP/one" | wc -l)"
lib_expect "second run drops what the first kept" '{"id":"s:2","text":"A new paragraph."}' \
    "$(dedupe -s "$db" "$TMP/two")"
lib_expect "-m names the item of an earlier run" '{"id":"s:1","text":"talks RESUMED","dup":{"of":"r:1","sim":1.00}}' \
    "$(dedupe -s "$db" -m -D "$TMP/two" | head -1)"

# near duplicates across runs, documents
db=$TMP/b.db
lib_expect "near: first article kept" 0 "$(dedupe -k doc -t 0.8 -s "$db" <"$here/wire.in" >/dev/null; echo $?)"
grep -v '"doc":"3a17d42eb3b039c6"' "$here/wire.in" | grep -v '"doc":"76c9a388d702aad1"' >"$TMP/republished"
lib_expect "near: republished article dropped in a later run" 0 \
    "$(dedupe -k doc -t 0.8 -s "$db" "$TMP/republished" | wc -l)"

# --expire: an item dated long ago is forgotten, a recent one is not
db=$TMP/c.db
today=$(date -u +%F)
printf '%s\n' '{"id":"o:1","dct":"2001-01-01","text":"Old story."}' \
    "{\"id\":\"n:1\",\"dct\":\"$today\",\"text\":\"New story.\"}" >"$TMP/dated"
dedupe -s "$db" "$TMP/dated" >/dev/null
lib_expect "--expire 30 forgets the old item only" '{"id":"o:1","dct":"2001-01-01","text":"Old story."}' \
    "$(dedupe -s "$db" --expire 30 "$TMP/dated")"

# -o: the state is written once the output is in place
db=$TMP/d.db
dedupe -s "$db" -o "$TMP/out.jsonl" "$TMP/one"
lib_expect "-o: output written" 2 "$(wc -l <"$TMP/out.jsonl")"
lib_expect "-o: state written" 0 "$(dedupe -s "$db" "$TMP/one" | wc -l)"

# a file that is not a state database
echo 'not a database' >"$TMP/junk.db"
dedupe -s "$TMP/junk.db" "$TMP/one" >"$TMP/o" 2>"$TMP/e"
lib_expect "a foreign file: exit 2" 2 $?
lib_expect "a foreign file: message" "dedupe: $TMP/junk.db: file is not a database" "$(cat "$TMP/e")"
python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("CREATE TABLE t(x)")' "$TMP/other.db" 2>/dev/null &&
    lib_expect "another SQLite database: exit 2" 2 "$(dedupe -s "$TMP/other.db" "$TMP/one" >/dev/null 2>&1; echo $?)"

echo "dedupe-state: $pass passed, $fail failed"
[ "$fail" = 0 ]
