#!/bin/sh
# Malformed rows through the real pk2d and plugins (docs/inputs.md, "Rows
# that do not fit the header"): a row with too few or too many fields, and
# a ',' row in a ';' file, are rejected with their line and counted in the
# file's rejected rows, never read with guessed fields; a header with two
# columns of one name is an error naming it (file:1) unless a column key
# picks one with NAME#N.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
sample=$PK2D_TOP_SRCDIR/conf/sample
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
cd "$tmp"

# run NAME WANT-STATUS SECTION...: pk2d report with the sections, text out.
run() {
	name=$1 want=$2
	shift 2
	{ printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmodel = %s/conf/models/ikk.ini\n' \
		"$PK2D_TOP_SRCDIR"; printf '%s\n' "$@"; } >"$name.ini"
	status=0
	pk2d_run -c "$name.ini" --store none -o "$name.txt" report 2>"$name.err" || status=$?
	test "$status" -eq "$want" || { cat "$name.err"; fail "$name: exit status $status, want $want"; }
}

# keluarga.csv: line 3 lacks its last field, line 5 has one too many with
# text in it, line 6 was written with ';' (one field holding the line);
# line 7 ends in an empty extra field, which is read.
{
	sed -n 1,2p "$sample/keluarga.csv"
	sed -n 3p "$sample/keluarga.csv" | sed 's/,[^,]*$//'
	sed -n 4p "$sample/keluarga.csv"
	sed -n 5p "$sample/keluarga.csv" | sed 's/$/,extra/'
	sed -n 6p "$sample/keluarga.csv" | tr ',' ';'
	sed -n 7p "$sample/keluarga.csv" | sed 's/$/,/'
} >keluarga.csv
# Half the rows rejected is above max_rejected: the run fails, and its
# report is still written.
run family 1 '[plugin.family]' 'survey = keluarga.csv'
has family.err 'keluarga.csv: 50,0 % barisnya di wilayah dan periode run ditolak, melebihi max_rejected = 5 %'
has family.txt 'keluarga.csv: 6 baris, 3 ditolak'
has family.txt 'keluarga.csv:3: too few fields: 37 where the header has 38'
has family.txt "keluarga.csv:5: too many fields: field 39 holds 'e…' where the header has 38"
has family.txt "keluarga.csv:6: other separator: the line is one field with ';' in it"
# The three rows read (lines 2, 4, 7) are the KK counted.
has family.txt 'KK kategori baik'
has family.txt '(3 / 3)'

# balita.csv with a second "Berat" column (an older weighing) after the
# first: ambiguous until column.weight says which one.
sed '1s/;Edema$/;Edema;Berat/; 2,$s/$/;1,0/' "$sample/balita.csv" >balita.csv
run dup 1 '[plugin.health]' 'children = balita.csv'
has dup.err "balita.csv:1: column 'Berat' appears more than once (columns 13, 18)"
run pick1 0 '[plugin.health]' 'children = balita.csv' 'column.weight = Berat#1'
hasnt pick1.err 'appears more than once'
run pick2 0 '[plugin.health]' 'children = balita.csv' 'column.weight = Berat#2'
# The second Berat (1,0 kg) makes every child severely underweight.
cmp -s pick1.txt pick2.txt && fail "Berat#1 and Berat#2 gave the same report"
[ "$failures" -eq 0 ] || exit 1
echo "malformed rows: rejected with their lines; an ambiguous column named"
