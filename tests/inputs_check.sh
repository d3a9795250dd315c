#!/bin/sh
# The host's check of the inputs each plugin declares (docs/inputs.md,
# "What pk2d check checks"), through the real pk2d and shipped plugins:
# pk2d check and pk2d report both open every declared file and report, all
# at once, a renamed optional column (did-you-mean), a required column
# missing, a rename key naming a header the file lacks (at the key's
# file:line), and a column named twice; the instance does not run.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
sample=$PK2D_TOP_SRCDIR/conf/sample
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
cd "$tmp"

# conf NAME SECTION...: a configuration of the sample village (no model:
# the IKK model needs every plugin).
conf() {
	name=$1
	shift
	{ printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\n'; printf '%s\n' "$@"; } >"$name.ini"
}
# both NAME WANT-STATUS: pk2d check, then pk2d report, each with that status.
both() {
	for cmd in check report; do
		status=0
		pk2d_run -c "$1.ini" --store none -o "$1.txt" $cmd >/dev/null 2>"$1.$cmd.err" ||
			status=$?
		test $status -eq "$2" ||
			{ cat "$1.$cmd.err"; fail "$1: $cmd exit status $status, want $2"; }
	done
}

# The case: jml_laki renamed jumlah_laki was ignored without a word.
sed '1s/jml_laki/jumlah_laki/' "$sample/keluarga.csv" >keluarga.csv
conf renamed '[plugin.family]' 'survey = keluarga.csv'
both renamed 1
for cmd in check report; do
	has renamed.$cmd.err "pk2d: ./keluarga.csv:1: column 'jumlah_laki' is not read: it looks like 'jml_laki' ([plugin.family] survey: male, optional) but is not it; rename the header, or set column.male = jumlah_laki"
done
has renamed.txt 'family           family       gagal'
# As the message says: the key makes it read.
conf mapped '[plugin.family]' 'survey = keluarga.csv' 'column.male = jumlah_laki'
both mapped 0

# Every problem of every instance at once: a rename key the file lacks
# (at its line), a required column missing with its look-alike, a column
# named twice, a log that does not exist.
sed '1s/;JK;/;J K;/; 1s/;Edema$/;Edema;Berat/; 2,$s/$/;1,0/' "$sample/balita.csv" >balita.csv
conf many '[plugin.family]' 'survey = keluarga.csv' 'column.rt = RTX' \
	'[plugin.health]' 'children = balita.csv' 'log = intervensi.csv'
both many 1
for cmd in check report; do
	has many.$cmd.err "pk2d: many.ini:6: column 'RTX' is not in ./keluarga.csv ([plugin.family] column.rt); did you mean 'rt'?"
	has many.$cmd.err "pk2d: ./balita.csv:1: no column 'JK' ([plugin.health] children: sex, required); did you mean 'J K'? Rename that header, or set column.sex = J K"
	has many.$cmd.err "pk2d: ./balita.csv:1: column 'Berat' appears more than once (columns 13, 18)"
	has many.$cmd.err "pk2d: many.ini:9: [plugin.health] log: ./intervensi.csv: No such file or directory"
done
# Fixed with keys alone.
conf fixed '[plugin.health]' 'children = balita.csv' 'column.sex = J K' 'column.weight = Berat#1'
both fixed 0
[ "$failures" -eq 0 ] || exit 1
echo "declared inputs checked by check and report, every problem at once"
