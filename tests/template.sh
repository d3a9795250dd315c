#!/bin/sh
# pk2d template on the bundled sample (conf/sample): a CSV and a workbook for
# every input of every enabled plugin, with the headers, a row of explanation
# and a row of accepted values. Filled with the sample's rows under those two
# rows (left in, as an agency leaves them), the CSV forms and the workbooks
# (read by pk2d's own reader) give the sample's report, row for row; an
# explanation row the agency edited is data, and rejected. pk2d template
# writes over no file; a plugin built against ABI 1.6 gets its headers alone.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
mkdir -p "$tmp/sample" "$tmp/csv" "$tmp/xlsx"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/sample/"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/csv/"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/xlsx/"
cp -r "$PK2D_TOP_SRCDIR/conf/models" "$tmp/"
chmod -R u+w "$tmp"

"$pk2d" -c "$tmp/sample/pk2d.ini" template "$tmp/forms" >"$tmp/list" 2>"$tmp/err" ||
	fail "pk2d template: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/list")" -eq 30 ] || fail "not 15 forms twice: $(cat "$tmp/list")"
[ "$(ls "$tmp/forms" | wc -l)" -eq 30 ] || fail "not 30 files: $(ls "$tmp/forms")"
head -1 "$tmp/forms/health-children.csv" | grep -qx \
	'NIK,No KK,Kode Desa,RT,JK,Tgl Lahir,Tanggal Pengukuran,Berat,Tinggi,Cara Ukur,Edema,Nama,Nama Ortu,Posyandu.' ||
	fail "health-children.csv header: $(head -1 "$tmp/forms/health-children.csv")"
sed -n 3p "$tmp/forms/health-children.csv" | grep -q '"L atau P (juga 1/2, M/F); wajib diisi"' ||
	fail "health-children.csv accepted values: $(sed -n 3p "$tmp/forms/health-children.csv")"

# Every column of every shipped plugin's form has its help and accepted values.
python3 - "$tmp/forms" <<'PY' || fail "a column without help"
import csv, glob, sys
for path in glob.glob(sys.argv[1] + "/*.csv"):
    head, help_row, accepted = list(csv.reader(open(path, encoding="utf-8")))
    for h, t, a in zip(head, help_row, accepted):
        if not t or not a:
            sys.exit("%s: column %s: help '%s', accepted '%s'" % (path, h, t, a))
PY

# Each form filled with the sample file its key reads: the sample's rows
# under the form's three rows, in the form's columns (an aggregate table's
# numerator and denominator the ones its keys name); once as CSV, once into
# the workbook's sheet as text cells.
python3 - "$tmp/sample" "$tmp/forms" "$tmp/csv" "$tmp/xlsx" "$PK2D_TOP_SRCDIR/tests" <<'PY' || fail "filling the forms"
import configparser, csv, os, sys, zipfile
from xml.sax.saxutils import escape
sample, forms, out_csv, out_xlsx = sys.argv[1:5]
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, sys.argv[5])
from xlsx_write import column
def rows_of(path):
    lines = open(path, encoding="utf-8-sig").read().splitlines()
    sep = ";" if lines[0].count(";") > lines[0].count(",") else ","
    return list(csv.reader(lines, delimiter=sep))
def cells(row, line):
    return "".join('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (column(j), line, escape(v))
                   for j, v in enumerate(row) if v)
filled = 0
for ini in ("pk2d.ini", "agencies.ini"):
    cp = configparser.RawConfigParser(strict=False)
    cp.read(os.path.join(sample, ini), encoding="utf-8")
    for sec in cp.sections():
        if not sec.startswith("plugin."):
            continue
        for key, value in cp.items(sec):
            form = os.path.join(forms, "%s-%s.csv" % (sec[7:], key))
            if not os.path.exists(form):
                continue
            head, *help_rows = rows_of(form)
            data = rows_of(os.path.join(sample, value))
            idx = [data[0].index(h) if h in data[0] else None for h in head]
            rows = help_rows + [["" if i is None else r[i] for i in idx] for r in data[1:]]
            with open(os.path.join(out_csv, value), "w", encoding="utf-8", newline="") as f:
                csv.writer(f, lineterminator="\r\n").writerows([head] + rows)
            # The workbook: its rows as the form has them, the new ones after.
            book = form[:-4] + ".xlsx"
            zin = zipfile.ZipFile(book)
            sheet = zin.read("xl/worksheets/sheet1.xml").decode()
            first = len(help_rows) + 2
            new = "".join('<row r="%d">%s</row>' % (first + n, cells(r, first + n))
                          for n, r in enumerate(rows[len(help_rows):]))
            sheet = sheet.replace("</sheetData>", new + "</sheetData>")
            zout = zipfile.ZipFile(os.path.join(out_xlsx, value[:-4] + ".xlsx"), "w",
                                   zipfile.ZIP_DEFLATED)
            for item in zin.infolist():
                mine = item.filename == "xl/worksheets/sheet1.xml"
                zout.writestr(item, sheet.encode() if mine else zin.read(item))
            zout.close()
            filled += 1
if filled != 14: # kua keeps no log: its form is not filled
    sys.exit("filled %d forms, not 14" % filled)
PY
sed -i -e 's/\.csv$/.xlsx/' "$tmp/xlsx/pk2d.ini" "$tmp/xlsx/agencies.ini"

for d in sample csv xlsx; do
	"$pk2d" -c "$tmp/$d/pk2d.ini" --store none report -f json -o "$tmp/$d.json" 2>"$tmp/$d.err" ||
		fail "$d: pk2d report: $(cat "$tmp/$d.err")"
done
# The same report but for the files' names and the plugins' times.
for d in csv xlsx; do
	python3 "$PK2D_TOP_SRCDIR/tests/same_report.py" "$tmp/sample.json" "$tmp/$d.json" ||
		fail "$d: the report differs from the sample's"
done

# An explanation row the agency edited is no longer the form's: a data row,
# rejected by the plugin and counted.
sed -i '2s/^NIK anak/NIK anak kami/' "$tmp/csv/balita.csv"
"$pk2d" -c "$tmp/csv/pk2d.ini" --store none report -f json -o "$tmp/edited.json" 2>"$tmp/edited.err"
python3 - "$tmp/edited.json" <<'PY' || fail "the edited explanation row was not rejected: $(cat "$tmp/edited.err")"
import json, sys
files = json.load(open(sys.argv[1]))["accounting"]["files"]
f = [f for f in files if f["path"].endswith("balita.csv")][0]
sys.exit(0 if f["rejected"] == 1 else "rejected %d" % f["rejected"])
PY

# Never over a file: one that exists stops the command before it writes.
mkdir "$tmp/again"
echo keep >"$tmp/again/pkk-log.xlsx"
"$pk2d" -c "$tmp/sample/pk2d.ini" template "$tmp/again" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "over an existing file: exit $rc"
grep -qF "again/pkk-log.xlsx: already exists; pk2d template writes over no file, so it wrote nothing" \
	"$tmp/err" || fail "over an existing file: $(cat "$tmp/err")"
[ "$(ls "$tmp/again")" = "pkk-log.xlsx" ] && [ "$(cat "$tmp/again/pkk-log.xlsx")" = keep ] ||
	fail "over an existing file: wrote $(ls "$tmp/again")"
[ -s "$tmp/out" ] && fail "over an existing file: listed $(cat "$tmp/out")"
"$pk2d" -c "$tmp/sample/pk2d.ini" template a b >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "two directories: exit $rc"

# A plugin built against ABI 1.6: its declared file's headers, no help rows.
cat >"$tmp/old.ini" <<EOF
[pk2d]
period = 2023
area = 63.02.09.2007
[plugin.abi16]
data = old.csv
EOF
"$pk2d" -c "$tmp/old.ini" template "$tmp/old" >/dev/null 2>"$tmp/err" ||
	fail "abi16: $(cat "$tmp/err")"
[ "$(cat "$tmp/old/abi16-data.csv")" = "$(printf 'kode_wilayah,rt,kk,meets,members,target,realised\r')" ] ||
	fail "abi16: $(cat "$tmp/old/abi16-data.csv")"
# and it loads and reads the form filled.
{ cat "$tmp/old/abi16-data.csv"; printf '63.02.09.2007,1,10,5,30,4,3\r\n'; } >"$tmp/old.csv"
"$pk2d" -c "$tmp/old.ini" --store none report -f json -o "$tmp/old.json" 2>"$tmp/err" ||
	fail "abi16 report: $(cat "$tmp/err")"
python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["accounting"]["used"] != 1)' \
	"$tmp/old.json" || fail "abi16 report: the row was not used"

[ "$failures" -eq 0 ] || exit 1
exit 0
