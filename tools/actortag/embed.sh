#!/bin/sh
# Turn actors.tsv into actors_tsv.h, the dictionary compiled into actortag:
# one C string literal per line, so no literal exceeds C11's portable length.
# usage: embed.sh [actors.tsv [actors_tsv.h]]
here=$(dirname "$0")
in=${1:-$here/actors.tsv}
out=${2:-$here/actors_tsv.h}
tmp=$out.tmp.$$
trap 'rm -f "$tmp"' EXIT
{
	echo '/* Generated from actors.tsv by embed.sh: do not edit. */'
	echo 'static const char *const actors_tsv[] = {'
	LC_ALL=C sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/	/\\t/g' \
	    -e 's/^/	"/' -e 's/$/",/' "$in"
	echo '	NULL'
	echo '};'
} > "$tmp" && mv "$tmp" "$out" && trap - EXIT
