#!/bin/sh
# Rows of agencies' workbooks through the real pk2d and health plugin
# (docs/inputs.md, "Workbooks"), none lost or mislabelled: a NIK Excel
# stored as a number is rejected as a corrupted identifier and makes no
# other row a duplicate; a sheet continuing the table below a longer title
# block is read, and one without the header is warned about and its rows
# counted as not used; a boolean cell reads as a yes/no column's 1 or 0.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
sample=$PK2D_TOP_SRCDIR/conf/sample
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
cd "$tmp"
book() { python3 "$PK2D_TOP_SRCDIR/tests/xlsx_write.py" "$@" || fail "xlsx_write.py $*"; }

# run NAME CHILDREN [STATUS]: pk2d report of the health plugin on CHILDREN,
# text out, exiting with STATUS (0).
run() {
	printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmodel = %s/conf/models/ikk.ini\n[plugin.health]\nchildren = %s\n' \
		"$PK2D_TOP_SRCDIR" "$2" >"$1.ini"
	status=0
	pk2d_run -c "$1.ini" --store none -o "$1.txt" report 2>"$1.err" || status=$?
	test "$status" -eq "${3:-0}" || { cat "$1.err"; fail "$1: exit status $status"; }
}

# Row 3 holds row 2's NIK (text) as a number, on the same day: row 3 is
# corrupted, row 2 is used.
{
	sed -n 1,2p "$sample/balita.csv"
	sed -n 2p "$sample/balita.csv" | sed 's/^\([0-9]*\);/#n:\1;/'
	sed -n '3,$p' "$sample/balita.csv"
} >dup-rows.txt
book dup.xlsx Data=dup-rows.txt
run dup dup.xlsx
has dup.txt 'dup.xlsx:Data (health): 260 baris, 259 dipakai: 1 ditolak'
has dup.txt 'dup.xlsx:Data:3: corrupted identifier: cell A3'
hasnt dup.txt 'duplicate'
hasnt dup.txt 'repeated row'

# balita.csv over two sheets: the second repeats the header on row 6, below
# a title (read), or not at all (not read: warned about, counted).
sed -n 1,130p "$sample/balita.csv" >first.txt
{ echo 'LANJUTAN'; echo; echo; echo; echo; sed -n 1p "$sample/balita.csv"; sed -n '131,$p' "$sample/balita.csv"; } >lower.txt
sed -n '131,$p' "$sample/balita.csv" >nohdr.txt
book lower.xlsx Data=first.txt 'Data (2)=lower.txt'
book nohdr.xlsx Data=first.txt 'Data (2)=nohdr.txt'
run lower lower.xlsx
has lower.txt 'lower.xlsx:Data: 259 baris, 0 ditolak'
hasnt lower.err 'sheet not read'
# Half the rows not used: above max_rejected, the run fails.
run nohdr nohdr.xlsx 1
has nohdr.err "nohdr.xlsx:Data: sheet not read: sheet 'Data (2)' after the table, 130 rows from its row 1"
has nohdr.txt 'nohdr.xlsx:Data (health): 259 baris, 129 dipakai: 130 ditolak'
has nohdr.txt "nohdr.xlsx:Data:1: sheet not read: sheet 'Data (2)'"
# An Excel boolean reads as 1 or 0, which every yes/no column takes: a
# child's Edema TRUE in a workbook is the same report as "ya" in the CSV
# file (and not the report of "tidak", or the check proves nothing).
sed '3s/;tidak$/;ya/' "$sample/balita.csv" >yes.csv
sed '3s/;tidak$/;#b:1/' "$sample/balita.csv" >yes-rows.txt
book yes.xlsx Data=yes-rows.txt
for f in yes.csv yes.xlsx "$sample/balita.csv"; do
	printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\n[plugin.health]\nchildren = %s\n' "$f" >b.ini
	pk2d_run -q -c b.ini --store none report -f json -o "$(basename "$f").json" ||
		fail "report of $f"
done
python3 "$PK2D_TOP_SRCDIR/tests/same_report.py" yes.csv.json yes.xlsx.json ||
	fail "a TRUE Edema cell is not read as ya"
python3 "$PK2D_TOP_SRCDIR/tests/same_report.py" yes.csv.json balita.csv.json >/dev/null &&
	fail "an oedema more changed nothing: the check proves nothing"
[ "$failures" -eq 0 ] || exit 1
