#!/bin/sh
# The same e-PPGBM data of one kabupaten as CSV and as an Excel workbook:
# `pk2d report` with the health plugin only, run alternately, the median of
# each. Prints figures; it is not a test and `make check` never runs it.
#
# Usage: bench/xlsx.sh [--build DIR] [--work DIR] [--area CODE] [--runs N]
#   --build DIR   a configured and built pk2d tree (default: the current
#                 directory if it has src/pk2d)
#   --work DIR    where the data and the results go
#                 (default: ${TMPDIR:-/tmp}/pk2d-bench-xlsx)
#   --area CODE   the kabupaten (default 63.02, Kotabaru)
#   --runs N      runs of each (default 5)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build= work=${TMPDIR:-/tmp}/pk2d-bench-xlsx area=63.02 runs=5
while [ $# -gt 0 ]; do
	case $1 in
	--build) build=$2; shift ;;
	--work) work=$2; shift ;;
	--area) area=$2; shift ;;
	--runs) runs=$2; shift ;;
	-h|--help) sed -n '2,14p' "$0"; exit 0 ;;
	*) echo "bench/xlsx.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done
[ -z "$build" ] && [ -x src/pk2d ] && build=$PWD
if [ -z "$build" ] || [ ! -x "$build/src/pk2d" ]; then
	echo "bench/xlsx.sh: no built pk2d: run it from a build directory or give --build DIR" >&2
	exit 2
fi
build=$(cd "$build" && pwd)
export PK2D_PLUGIN_PATH="$build/plugins" PK2D_DATA_DIR="$top/data"
rm -rf "$work" && mkdir -p "$work"
for kind in csv xlsx; do
	flag=
	[ "$kind" = xlsx ] && flag=--xlsx
	# shellcheck disable=SC2086
	"$build/synth/pk2d-synth" -q --area "$area" --seed 7 --plugins health $flag -o "$work/$kind"
	sed -i '/^log = /d' "$work/$kind/pk2d.ini"
done
echo "area $area: $(grep -A1 '^\[balita' "$work/csv/synth-manifest.txt" | sed -n 's/^rows = //p') rows;" \
	"balita.csv $(du -k "$work/csv/balita.csv" | cut -f1) KB," \
	"balita.xlsx $(du -k "$work/xlsx/balita.xlsx" | cut -f1) KB"
# One run: wall seconds and user+system CPU seconds of the whole command.
one() {
	/usr/bin/time -f '%e %U %S' -o "$work/time" "$build/src/pk2d" -c "$work/$1/pk2d.ini" report \
		-f json -o "$work/$1.json" --store none 2>"$work/$1.err" || {
		cat "$work/$1.err" >&2
		exit 1
	}
	awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time" >>"$work/$1.times"
}
i=0
while [ "$i" -lt "$runs" ]; do
	one csv
	one xlsx
	i=$((i + 1))
done
median() { sort -n -k"$2" "$1" | awk -v k="$2" '{ v[NR] = $k } END { print v[int((NR + 1) / 2)] }'; }
cw=$(median "$work/csv.times" 1) cc=$(median "$work/csv.times" 2)
xw=$(median "$work/xlsx.times" 1) xc=$(median "$work/xlsx.times" 2)
echo "csv:  wall $cw s, cpu $cc s (median of $runs)"
echo "xlsx: wall $xw s, cpu $xc s (median of $runs)"
awk -v a="$xw" -v b="$cw" -v c="$xc" -v d="$cc" \
	'BEGIN { printf "xlsx / csv: wall %.2f, cpu %.2f\n", a / b, c / d }'
