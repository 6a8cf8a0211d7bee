# Shell helpers shared by tests/run-golden and tests/cli/run: where the
# binaries are, a scratch directory, sanitizer reports, the summary line.
# shellcheck shell=bash

# The repository top, from the sourcing script's location.
lib_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# PARLEY_BIN names the binaries under test: default bin/ at the repo top;
# a relative path given by the user is taken from the current directory.
lib_resolve_bin() {
	if [ -z "${PARLEY_BIN:-}" ]; then
		PARLEY_BIN=$lib_top/bin
	elif [ -d "$PARLEY_BIN" ]; then
		PARLEY_BIN=$(cd "$PARLEY_BIN" && pwd)
	else
		case $PARLEY_BIN in
		/*) ;;
		*) PARLEY_BIN=$PWD/$PARLEY_BIN ;;
		esac
	fi
	export PARLEY_BIN
	# Tools are run by bare name so messages say "docsplit: ...".
	PATH=$PARLEY_BIN:$PATH
	export PATH
}

# A scratch directory, exported as TMP and removed at exit. Tests write
# nowhere else.
lib_scratch() {
	TMP=$(mktemp -d "${TMPDIR:-/tmp}/parley-$1.XXXXXX") || exit 2
	export TMP
	# shellcheck disable=SC2064
	trap "rm -rf '$TMP'" EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

# Sanitized builds are noticed whatever the exit status: ASan exits 1 by
# default, the same status as a rejected record.
: "${ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:exitcode=86}"
: "${UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=86}"
export ASAN_OPTIONS UBSAN_OPTIONS

# True when the file holds a sanitizer report.
lib_sanitized() {
	LC_ALL=C grep -Eq 'ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:|AddressSanitizer:DEADLYSIGNAL' "$1"
}

# How an exit status reads: "exit 1" or "killed by SIGSEGV".
lib_status_name() {
	if [ "$1" -gt 128 ] && [ "$1" -lt 160 ]; then
		printf 'killed by SIG%s' "$(kill -l "$(($1 - 128))" 2>/dev/null || echo "$(($1 - 128))")"
	elif [ "$1" = 124 ]; then
		printf 'timed out'
	else
		printf 'exit %s' "$1"
	fi
}

# lib_expect WHAT WANT GOT: one check, counted in the caller's pass and
# fail.
lib_expect() {
	if [ "$2" = "$3" ]; then
		echo "ok - $1"
		pass=$((pass + 1))
	else
		echo "FAIL - $1: want '$2', got '$3'"
		fail=$((fail + 1))
	fi
}

# The summary line: "NAME: N passed, N failed[, N skipped]"; exit status.
lib_summary() {
	local name=$1 pass=$2 fail=$3 skip=$4
	if [ "$skip" -gt 0 ]; then
		printf '%s: %d passed, %d failed, %d skipped\n' "$name" "$pass" "$fail" "$skip"
	else
		printf '%s: %d passed, %d failed\n' "$name" "$pass" "$fail"
	fi
	[ "$fail" -eq 0 ]
}
