#!/bin/sh
# pk2d-synth --xlsx: the sample's command line with --xlsx writes workbooks
# that give the bundled sample's report (conf/sample, written as CSV by the
# same command), numbers and dates stored as numbers, codes as text.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
synth="$PK2D_TOP_BUILDDIR/synth/pk2d-synth"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
mkdir -p "$tmp/x" "$tmp/c"
cp -r "$PK2D_TOP_SRCDIR/conf/models" "$tmp/"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/c/"
chmod -R u+w "$tmp"
# The sample's own command, from the comment at the top of its pk2d.ini.
args=$(sed -n 's/^;   pk2d-synth \(.*\) -o conf\/sample$/\1/p' "$tmp/c/pk2d.ini")
[ -n "$args" ] || fail "no pk2d-synth command in conf/sample/pk2d.ini"
# shellcheck disable=SC2086
"$synth" --data "$PK2D_DATA_DIR" -q $args --xlsx -o "$tmp/x" || fail "pk2d-synth --xlsx"
for f in "$tmp"/c/*.csv; do
	b=$(basename "$f" .csv)
	[ -f "$tmp/x/$b.xlsx" ] || fail "no $b.xlsx"
	[ -f "$tmp/x/$b.csv" ] && fail "$b.csv left beside the workbook"
done
grep -q '^children = balita.xlsx$' "$tmp/x/pk2d.ini" || fail "pk2d.ini does not name balita.xlsx"
grep -q '^log = kegiatan-dukcapil.xlsx$' "$tmp/x/agencies.ini" ||
	fail "agencies.ini does not name kegiatan-dukcapil.xlsx"
grep -q '^\[balita.xlsx\]$' "$tmp/x/synth-manifest.txt" || fail "the manifest lacks balita.xlsx"
for d in c x; do
	"$pk2d" -c "$tmp/$d/pk2d.ini" report -f json -o "$tmp/$d.json" 2>"$tmp/$d.err" ||
		fail "$d: pk2d report: $(cat "$tmp/$d.err")"
done
python3 "$PK2D_TOP_SRCDIR/tests/same_report.py" "$tmp/c.json" "$tmp/x.json" || fail "the reports differ"
# Dates and numbers are numeric cells, NIK and area codes text.
unzip -p "$tmp/x/balita.xlsx" xl/worksheets/sheet1.xml | grep -q '<c r="D2" s="1"><v>' ||
	fail "a birth date is not a date cell"
unzip -p "$tmp/x/balita.xlsx" xl/worksheets/sheet1.xml | grep -q '<c r="A2" t="s">' ||
	fail "a NIK is not a text cell"
[ "$failures" -eq 0 ] || exit 1
exit 0
