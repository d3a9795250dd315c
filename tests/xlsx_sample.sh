#!/bin/sh
# The bundled sample (conf/sample) from workbooks that LibreOffice writes from
# its CSV files, as an agency's Excel would: numbers and dates as numbers (in
# the Indonesian locale), codes and identifiers as text. The report is the
# same as from the CSV files; one workbook has a title block above its header
# (named by '#Sheet!A3' in its key), and a bad row is named by its sheet and
# row. So is the report from workbooks whose areas are names only (the code
# columns replaced by Prov, Kab/Kota, Kec, Desa/Kel, as the exports give them).
# Skips (77) without LibreOffice.
set -u
office=$(command -v soffice || command -v libreoffice || true)
if [ -z "$office" ]; then
	echo "SKIP: LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
	exit 77
fi
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
mkdir -p "$tmp/csv" "$tmp/xlsx" "$tmp/names" "$tmp/xlsx-names"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/csv/"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/xlsx/"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/xlsx-names/"
cp -r "$PK2D_TOP_SRCDIR/conf/models" "$tmp/"
chmod -R u+w "$tmp"
python3 "$PK2D_TOP_SRCDIR/tests/names_only.py" "$PK2D_DATA_DIR/wilayah/kode-wilayah.csv" \
	"$tmp/csv" "$tmp/names" || fail "names_only.py"

# The CSV files of the folder $1 in $2 with codes quoted, so that LibreOffice
# keeps them as text (field 7 of its filter options), and two title lines
# above one header.
quote_codes() {
	python3 - "$1" "$2" <<'PY'
import csv, os, re, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out + "/semi"); os.makedirs(out + "/comma")
code = re.compile(r"0\d*|\d{9,}|\d+(\.\d+){2,}")
for name in os.listdir(src):
    if not name.endswith(".csv"):
        continue
    lines = open(os.path.join(src, name), encoding="utf-8").read().splitlines()
    sep = ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = [sep.join('"%s"' % v if code.fullmatch(v) else v for v in r)
            for r in csv.reader(lines, delimiter=sep)]
    if name == "intervensi-kesehatan.csv":
        rows = ["LAPORAN INTERVENSI KESEHATAN", "Puskesmas Sang-Sang"] + rows
    sub = "semi" if sep == ";" else "comma"
    open(os.path.join(out, sub, name), "w", encoding="utf-8").write("\n".join(rows) + "\n")
    if name == "balita.csv" and "Kode Desa" in lines[0]: # with a row the plugin rejects
        rows.append("6302092007000999;Tono;L;01/02/2021;Ani;6302092007000999;63.02.09.2007;"
                    "Sang-Sang;Posyandu Dahlia;1;1;04/08/2023;berat?;80,1;berdiri;13;tidak")
        open(os.path.join(out, sub, "balita-bad.csv"), "w").write("\n".join(rows) + "\n")
PY
}
# The quoted CSV files of the folder $1 as workbooks in $2, whose
# configuration then reads them.
convert() {
	for sep in semi:59 comma:44; do
		timeout 180 "$office" --headless --norestore \
			-env:UserInstallation="file://$tmp/profile" \
			--infilter="CSV:${sep#*:},34,76,1,,1057,true,true" --convert-to xlsx \
			--outdir "$2" "$1/${sep%:*}"/*.csv >>"$tmp/office.log" 2>&1 ||
			fail "soffice: $(cat "$tmp/office.log")"
	done
	sed -i -e 's/\.csv$/.xlsx/' \
		-e 's/^log = intervensi-kesehatan\.xlsx$/log = intervensi-kesehatan.xlsx#intervensi-kesehatan!A3/' \
		"$2/pk2d.ini" "$2/agencies.ini"
	grep -q 'A3$' "$2/pk2d.ini" || fail "the sample's health log key was not found"
}
quote_codes "$tmp/csv" "$tmp/in"
quote_codes "$tmp/names" "$tmp/in-names"
convert "$tmp/in" "$tmp/xlsx"
convert "$tmp/in-names" "$tmp/xlsx-names"

for d in csv xlsx xlsx-names; do
	"$pk2d" -c "$tmp/$d/pk2d.ini" report -f json -o "$tmp/$d.json" 2>"$tmp/$d.err" ||
		fail "$d: pk2d report: $(cat "$tmp/$d.err")"
done
# The same report but for the files' names and the plugins' times, and the
# count of areas found by name: none from the codes, every row's from names.
for d in xlsx xlsx-names; do
	python3 - "$tmp/csv.json" "$tmp/$d.json" "$d" <<'PY' || fail "$d: the reports differ"
import json, re, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for f in b["accounting"]["files"]:
    by_name = f["records"] if sys.argv[3] == "xlsx-names" and "who-growth" not in f["path"] else 0
    if f["areas_by_name"] != by_name:
        sys.exit("%s: %d of %d rows' areas by name" % (f["path"], f["areas_by_name"], f["records"]))
PY
	python3 "$PK2D_TOP_SRCDIR/tests/same_report.py" "$tmp/csv.json" "$tmp/$d.json" areas_by_name ||
		fail "$d: the reports differ"
done
grep -q '"records": *0' "$tmp/xlsx.json" && fail "a workbook read no rows"

# A row the health plugin rejects is named by the workbook, sheet and row.
sed -i 's/^children = balita\.xlsx$/children = balita-bad.xlsx/' "$tmp/xlsx/pk2d.ini"
"$pk2d" -c "$tmp/xlsx/pk2d.ini" report -f text -o "$tmp/bad.txt" 2>"$tmp/bad.err"
grep -q 'balita-bad\.xlsx:balita-bad:261: ' "$tmp/bad.err" ||
	fail "the rejected row is not named by its sheet and row: $(cat "$tmp/bad.err")"

[ "$failures" -eq 0 ] || exit 1
exit 0
