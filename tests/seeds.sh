# Sourced by tests/<tool>/seeds.t: where the seed articles of ../shared/seeds
# and the binaries are, and the summary line.  seeds_begin NAME skips the
# whole test (exit 0) when ../shared is not beside the checkout.
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${PARLEY_BIN:-$top/bin}
seeds=$top/../shared/seeds
pass=0 fail=0

seeds_begin() {
	seeds_name=$1
	if [ ! -d "$seeds" ]; then
		echo "skip - $seeds_name seeds: $seeds not present"
		echo "$seeds_name-seeds: 0 passed, 0 failed, 1 skipped"
		exit 0
	fi
}

seeds_end() {
	echo "$seeds_name-seeds: $pass passed, $fail failed"
	[ $fail = 0 ]
}
