#!/bin/sh
# pk2d-synth end to end: the same seed gives the same bytes and another seed
# other data; a village comes out the same alone or within its kecamatan;
# the manifest agrees with the files; bad command lines fail with the right
# status and leave nothing behind.
set -u
synth="$PK2D_TOP_BUILDDIR/synth/pk2d-synth"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
run() {
	"$synth" --data "$PK2D_DATA_DIR" -q "$@"
}
# Value of KEY in the [FILE] section of a manifest (or before any section
# when FILE is empty).
manifest() {
	awk -v sec="$2" -v key="$3" '
		/^\[/ { cur = substr($0, 2, length($0) - 2); next }
		cur == sec && index($0, key " = ") == 1 { print substr($0, length(key) + 4); exit }
	' "$1/synth-manifest.txt"
}

# Same seed twice, from two directories with the same relative -o, so that
# even the recorded command line is the same.
mkdir "$tmp/1" "$tmp/2" "$tmp/3"
(cd "$tmp/1" && run -o out --area 63.02.09 --seed 5 --dirty 0.02) || fail "first run"
(cd "$tmp/2" && run -o out --area 63.02.09 --seed 5 --dirty 0.02) || fail "second run"
(cd "$tmp/3" && run -o out --area 63.02.09 --seed 6 --dirty 0.02) || fail "other seed"
n=0
for f in "$tmp"/1/out/*; do
	b=$(basename "$f")
	n=$((n + 1))
	cmp -s "$f" "$tmp/2/out/$b" || fail "$b differs between two runs with seed 5"
	case $b in
	*.csv) cmp -s "$f" "$tmp/3/out/$b" && fail "$b is the same with seeds 5 and 6" ;;
	esac
done
[ "$n" -eq 17 ] || fail "expected 14 data files, pk2d.ini, agencies.ini and the manifest, found $n files"
ls "$tmp"/1/out | grep -q tmp && fail "a temporary file was left behind"

# The manifest counts what is in the files.
for f in "$tmp"/1/out/*.csv; do
	b=$(basename "$f")
	lines=$(($(wc -l < "$f") - 1))
	rows=$(manifest "$tmp/1/out" "$b" rows)
	[ "$rows" = "$lines" ] || fail "$b: manifest says $rows rows, the file has $lines"
	dirty=$(manifest "$tmp/1/out" "$b" dirty)
	kinds=$(awk -v sec="[$b]" '$0 == sec { on = 1; next } /^\[/ { on = 0 }
		on && /^dirty\./ { s += $NF } END { print s + 0 }' "$tmp/1/out/synth-manifest.txt")
	[ "$dirty" = "$kinds" ] || fail "$b: dirty $dirty is not the sum of its kinds ($kinds)"
done
# About 2 % of the big files' rows are dirty (a fixed draw: exact bounds hold).
for b in keluarga.csv balita.csv anak-sekolah.csv rekap-dasawisma.csv; do
	rows=$(manifest "$tmp/1/out" "$b" rows)
	dirty=$(manifest "$tmp/1/out" "$b" dirty)
	[ $((dirty * 100)) -ge "$rows" ] && [ $((dirty * 100)) -le $((rows * 3)) ] ||
		fail "$b: $dirty dirty rows of $rows is not about 2 %"
done
[ "$(manifest "$tmp/1/out" "" villages)" = 13 ] || fail "Kelumpang Tengah has 13 villages"
# The e-PPGBM export: ';', decimal comma, DD/MM/YYYY.
sed -n 2p "$tmp/1/out/balita.csv" |
	grep -Eq '^[0-9]{16};[^;]+;[LP];[0-3][0-9]/[01][0-9]/20[12][0-9];.*;[0-9]+,[0-9];[0-9]+,[0-9];(terlentang|berdiri);' ||
	fail "balita.csv row is not in the e-PPGBM form: $(sed -n 2p "$tmp/1/out/balita.csv")"

# A village alone is the same as within its kecamatan (own streams).
run -o "$tmp/v" --area 63.02.09.2007 --seed 5 --dirty 0.02 || fail "village run"
for b in keluarga.csv balita.csv anak-sekolah.csv rekap-dasawisma.csv intervensi-kesehatan.csv; do
	grep -F '63.02.09.2007' "$tmp/1/out/$b" > "$tmp/within"
	grep -F '63.02.09.2007' "$tmp/v/$b" > "$tmp/alone"
	cmp -s "$tmp/within" "$tmp/alone" || fail "$b: village 63.02.09.2007 differs alone and within 63.02.09"
done
grep -q '^area = 63.02.09.2007$' "$tmp/v/pk2d.ini" || fail "pk2d.ini area of a one-village set"
grep -q '^area = 63.02.09$' "$tmp/1/out/pk2d.ini" || fail "pk2d.ini area of a kecamatan set"

# --kk and --rt fix the village's size.
run -o "$tmp/k" --area 63.02.09.2007 --kk 786 --rt 10 || fail "--kk --rt run"
[ "$(manifest "$tmp/k" "" kk)" = 786 ] || fail "--kk 786 gave $(manifest "$tmp/k" "" kk) KK"
[ "$(cut -d, -f3 "$tmp/k/keluarga.csv" | sed 1d | sort -u | wc -l)" -eq 10 ] || fail "--rt 10"
[ "$(manifest "$tmp/k" "keluarga.csv" dirty)" = 0 ] || fail "no --dirty, yet dirty rows"

# --plugins keeps only those files, and the rest of the data is unchanged.
run -o "$tmp/p" --area 63.02.09.2007 --kk 786 --rt 10 --plugins family,health || fail "--plugins run"
[ "$(ls "$tmp/p" | wc -l)" -eq 5 ] || fail "--plugins family,health: $(ls "$tmp/p" | tr '\n' ' ')"
cmp -s "$tmp/p/balita.csv" "$tmp/k/balita.csv" || fail "--plugins changed balita.csv"
grep -q '^\[plugin.education\]' "$tmp/p/pk2d.ini" && fail "--plugins family,health configured education"

# The bundled sample is exactly what its recorded command writes.
sample="$PK2D_TOP_SRCDIR/conf/sample"
mkdir "$tmp/s"
(cd "$tmp/s" && run --area 63.02.09.2007 --seed 11 --kk 786 --rt 10 --quality -0.6 --model ../models/ikk.ini -o conf/sample) ||
	fail "sample run"
grep -q -- "--seed 11 --kk 786 --rt 10 --quality -0.6 --model ../models/ikk.ini -o conf/sample" "$sample/pk2d.ini" ||
	fail "conf/sample/pk2d.ini does not record the command this test runs"
for f in "$tmp"/s/conf/sample/*; do
	b=$(basename "$f")
	cmp -s "$f" "$sample/$b" || fail "conf/sample/$b is not what its recorded command writes"
done
[ "$(manifest "$sample" "" kk)" = 786 ] || fail "the sample has not 786 KK"

# Bad command lines: status 2 and nothing written.
expect() {
	want=$1
	shift
	run "$@" 2> "$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || fail "pk2d-synth $*: status $got, expected $want"
	[ -s "$tmp/err" ] || fail "pk2d-synth $*: no message"
}
expect 2 --area 63.02.09.2007
expect 2 -o "$tmp/x" --area 63.2
expect 2 -o "$tmp/x" --dirty 0.9
expect 2 -o "$tmp/x" --seed -1
expect 2 -o "$tmp/x" --plugins family,posyandu
expect 2 -o "$tmp/x" extra
expect 1 -o "$tmp/x" --area 99
grep -q "area code 99 is not in" "$tmp/err" || fail "unknown area message: $(cat "$tmp/err")"
[ -e "$tmp/x" ] && fail "a failed run created its output directory"
: > "$tmp/file"
expect 1 -o "$tmp/file/sub" --area 63.02.09.2007
expect 1 -o "$tmp/y" --data "$tmp/nodata"

[ "$failures" -eq 0 ] || exit 1
echo "pk2d-synth: all checks passed"
