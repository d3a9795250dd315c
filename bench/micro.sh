#!/bin/bash
# Prints figures for the CSV reader (against `wc -l` on the same file) and
# for registry inserts. Not a test: it takes a minute and needs ~2 GB of
# disk in $TMPDIR. Usage: bench/micro.sh BUILD_DIR [MB] [VILLAGES]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: bench/micro.sh BUILD_DIR [MB] [VILLAGES]}" && pwd)
mb=${2:-1000}
villages=${3:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for b in csv_bench registry_bench; do
	cc -O2 -I"$top/src/base" -I"$top/src/input" -I"$top/src/registry" -I"$top/include" -I"$build" -o "$tmp/$b" "$top/bench/$b.c" \
		"$build/src/.libs/libpk2dcore.a" -lzip -lexpat -lm
done

# CPU seconds (user + sys), best of three runs.
cpu() {
	local best=
	for _ in 1 2 3; do
		local t
		t=$( { TIMEFORMAT='%U %S'; time "$@" > /dev/null; } 2>&1 | awk '{ print $1 + $2 }')
		if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t; fi
	done
	echo "$best"
}

for kind in plain quoted; do
	"$tmp/csv_bench" gen "$tmp/$kind.csv" "$mb" $([ $kind = plain ] && echo plain)
	cat "$tmp/$kind.csv" > /dev/null
	wc=$(cpu wc -l "$tmp/$kind.csv")
	echo "$kind, $mb MB: wc -l $wc s CPU"
	for mode in 0 1 2; do
		t=$(cpu "$tmp/csv_bench" read "$tmp/$kind.csv" $mode)
		echo "  mode $mode: $t s CPU ($(awk "BEGIN { printf \"%.1f\", $t / $wc }") x wc -l)"
	done
	rm -f "$tmp/$kind.csv"
done
echo "(mode 0: count fields; 1: touch every field; 2: five columns, a number and a date)"
"$tmp/registry_bench" "$villages"
