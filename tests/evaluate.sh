#!/bin/sh
# pk2d evaluate end to end: two regency offices (63.01 and 63.02) each run
# their own regency for 2023 and then 2024, the two offices at the same time
# (separate processes), into one store; the province then evaluates their
# desa lokus. Every number is checked against the hand-worked table in
# tests/evaluate/README.md. With PK2D_TEST_STORE set to a PostgreSQL
# connection string (tests/pg_store.sh) the store is that server's.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
store=${PK2D_TEST_STORE:-sqlite}
[ "$store" = sqlite ] && store=$tmp/history.sqlite
cat >"$tmp/lokus.ini" <<'LOKUS'
[63.01]
2023 = 63.01.01.2001, 63.01.01.2002
stage.2023 = awal
2024 = 63.01.01.2001 63.01.01.2002
stage.2024 = evaluasi
[63.02]
2023 = 63.02.09.2007
stage.2023 = awal
2024 = 63.02.09.2007, 63.02.09.2011
stage.2024 = pembinaan
LOKUS
# village kpm hadir (2023) kpm hadir (2024): tests/evaluate/README.md's table.
for y in 2023 2024; do
	for r in 63.01 63.02; do
		d="$tmp/$r/$y"
		mkdir -p "$d"
		cat >"$d/pk2d.ini" <<INI
[pk2d]
period = $y
area = $r
model = $PK2D_TOP_SRCDIR/tests/data/store/model.ini
store = $store
[plugin.dinsos]
module = activities
agency = Dinas Sosial
log = kegiatan.csv
intervention.p2k2.label = Pertemuan P2K2
intervention.p2k2.unit = pertemuan
indicator.hadir.label = KPM hadir P2K2
indicator.hadir.table = cakupan.csv
indicator.hadir.numerator = hadir
indicator.hadir.denominator = kpm
indicator.hadir.target = 80
INI
		echo "kode_wilayah,rt,periode,kpm,hadir" >"$d/cakupan.csv"
		echo "kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran" >"$d/kegiatan.csv"
	done
done
row() { # REGENCY VILLAGE HADIR2023 HADIR2024 TARGET2024 REALISED2024
	echo "$2,1,2023,10,$3" >>"$tmp/$1/2023/cakupan.csv"
	echo "$2,1,2024,10,$4" >>"$tmp/$1/2024/cakupan.csv"
	echo "$2,1,p2k2,$5,$6,2024-05-01," >>"$tmp/$1/2024/kegiatan.csv"
}
row 63.01 63.01.01.2001 6 8 10 8
row 63.01 63.01.01.2002 9 7 10 6
row 63.02 63.02.09.2007 5 9 12 12
row 63.02 63.02.09.2011 7 7 8 6
# A few P2K2 meetings in 2023 too (the evaluation reads the latest period's
# only): the province's interventions are their sums, 9 and 7 in 2023.
echo "63.01.01.2001,1,p2k2,5,5,2023-05-01,100" >>"$tmp/63.01/2023/kegiatan.csv"
echo "63.02.09.2007,1,p2k2,4,2,2023-05-01,50" >>"$tmp/63.02/2023/kegiatan.csv"
# 63.02 raises its target for 2024: its comparison says so.
sed -i 's/^indicator.hadir.target = 80$/indicator.hadir.target = 2023:80 2024:85/' \
	"$tmp/63.02/2024/pk2d.ini"
for y in 2023 2024; do
	"$pk2d" -q -c "$tmp/63.01/$y/pk2d.ini" report -o "$tmp/63.01/$y/r.txt" &
	a=$!
	"$pk2d" -q -c "$tmp/63.02/$y/pk2d.ini" report -o "$tmp/63.02/$y/r.txt" &
	b=$!
	wait $a || fail "report 63.01 $y"
	wait $b || fail "report 63.02 $y"
done

cat >"$tmp/prov.ini" <<INI
[pk2d]
period = 2024
area = 63
store = $store
lokus = $tmp/lokus.ini
model = $PK2D_TOP_SRCDIR/tests/data/store/model.ini
INI
"$pk2d" -q -c "$tmp/prov.ini" evaluate --format csv >"$tmp/eval.csv" 2>"$tmp/err" ||
	fail "evaluate: $(cat "$tmp/err")"
tr -d '\r' <"$tmp/eval.csv" >"$tmp/got"
cat >"$tmp/expected" <<'CSV'
rank,regency,regency_name,improvement,villages_compared,note
1,63.02,Kabupaten Kotabaru,20.00,2,1
2,63.01,Kabupaten Tanah Laut,0.00,2,

regency,regency_name,village,village_name,stage,first_period,ikk_first,category_first,latest_period,ikk_latest,category_latest,change,problems_closed,problems_opened,note
63.01,Kabupaten Tanah Laut,63.01.01.2001,Benua Lawas,evaluasi,2023,60.00,lo,2024,80.00,hi,20.00,1,0,
63.01,Kabupaten Tanah Laut,63.01.01.2002,Tabanio,evaluasi,2023,90.00,hi,2024,70.00,lo,-20.00,0,1,
63.02,Kabupaten Kotabaru,63.02.09.2007,Sang-Sang,pembinaan,2023,50.00,lo,2024,90.00,hi,40.00,1,0,1
63.02,Kabupaten Kotabaru,63.02.09.2011,Sungai Pinang,pembinaan,2023,70.00,lo,2024,70.00,lo,0.00,0,0,1

regency,regency_name,agency,target,realised,realisation
63.01,Kabupaten Tanah Laut,Dinas Sosial,20,14,70.0
63.02,Kabupaten Kotabaru,Dinas Sosial,20,18,90.0
CSV
cmp -s "$tmp/expected" "$tmp/got" || fail "evaluate CSV: $(diff "$tmp/expected" "$tmp/got")"

# Every other format: the same numbers, escaped for the format.
for f in text md html json; do
	"$pk2d" -q -c "$tmp/prov.ini" evaluate --format $f >"$tmp/eval.$f" 2>"$tmp/err" ||
		fail "evaluate --format $f: $(cat "$tmp/err")"
done
grep -q '^ *1  63\.02  *Kabupaten Kotabaru  *20,00  *2  model atau target berubah$' "$tmp/eval.text" ||
	fail "text ranking: $(cat "$tmp/eval.text")"
grep -q '^| 63\.01 | Kabupaten Tanah Laut | 63\.01\.01\.2001 | Benua Lawas | evaluasi | 2023 | 60,00 | lo | 2024 | 80,00 | hi | 20,00 | 1 | 0 |  |$' \
	"$tmp/eval.md" || fail "Markdown village row: $(cat "$tmp/eval.md")"
grep -q '<td>63.02</td><td>Kabupaten Kotabaru</td><td>Dinas Sosial</td><td class="n">20</td><td class="n">18</td><td class="n">90,0</td>' \
	"$tmp/eval.html" || fail "HTML agency row: $(cat "$tmp/eval.html")"
# In the reports' style: their stylesheet, the header repeated when printed.
grep -q 'td.n,th.n{text-align:right' "$tmp/eval.html" || fail "HTML: not the reports' stylesheet"
[ "$(grep -c '<thead><tr>' "$tmp/eval.html")" -eq 3 ] || fail "HTML: not 3 tables with a <thead>"
# Each lokus village's chart: the IKK and the model's dimension over 2023 and
# 2024, against the attention line.
[ "$(grep -c '^<svg' "$tmp/eval.html")" -eq 4 ] || fail "HTML: not 4 charts"
for v in "63.01.01.2001 Benua Lawas" "63.01.01.2002 Tabanio" "63.02.09.2007 Sang-Sang" \
	"63.02.09.2011 Sungai Pinang"; do
	sed -n "/^<h3>$v<\/h3>/,/<\/svg>/p" "$tmp/eval.html" >"$tmp/chart"
	for w in '>Sosial<' '>IKK<' '>Garis perhatian 75<' '>2023<' '>2024<'; do
		grep -q "$w" "$tmp/chart" || fail "HTML chart of $v: no $w"
	done
done
grep -q '>80,0<' "$tmp/eval.html" || fail "HTML: 63.01.01.2001's latest IKK not on its chart"
python3 - "$tmp/eval.json" <<'PY' || fail "JSON: $(cat "$tmp/eval.json")"
import json, sys
e = json.load(open(sys.argv[1]))
r = {x["regency"]: x for x in e["regencies"]}
assert r["63.02"]["rank"] == 1 and r["63.02"]["improvement"] == 20
assert r["63.02"]["config_changed"] is True and r["63.01"]["config_changed"] is False
v = r["63.01"]["villages"][1]
assert r["63.01"]["regency_name"] == "Kabupaten Tanah Laut"
assert v["village"] == "63.01.01.2002" and v["village_name"] == "Tabanio" and v["change"] == -20 and v["problems_opened"] == 1
assert r["63.01"]["agencies"][0] == {"agency": "Dinas Sosial", "target": 20, "realised": 14}
PY

# The workbook and the PDF (-o FILE: the format from its extension), read
# back; once, with the SQLite store (the formats do not depend on it).
if [ -z "${PK2D_TEST_STORE:-}" ]; then
	office=$(command -v soffice || command -v libreoffice || true)
	"$pk2d" -q -c "$tmp/prov.ini" evaluate -o "$tmp/eval.xlsx" 2>"$tmp/err" ||
		fail "evaluate -o eval.xlsx: $(cat "$tmp/err")"
	if [ -n "$office" ]; then
		timeout 180 "$office" --headless --norestore \
			-env:UserInstallation="file://$tmp/profile" --convert-to \
			'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1' \
			--outdir "$tmp/xlsx" "$tmp/eval.xlsx" >"$tmp/office.log" 2>&1 ||
			fail "soffice: $(cat "$tmp/office.log")"
		# Each expected line, "SHEET<TAB>LINE", a whole line of the sheet's CSV:
		# numbers are numbers (unquoted), the hand-worked ones.
		while IFS='	' read -r sheet line; do
			grep -qxF -- "$line" "$tmp/xlsx/eval-$sheet.csv" ||
				fail "XLSX sheet $sheet: missing line: $line"
		done <<'LINES'
Peringkat	"Peringkat","Kabupaten/kota","Nama kabupaten/kota","Perubahan IKK rata-rata","Desa dibandingkan","Catatan"
Peringkat	1,"63.02","Kabupaten Kotabaru",20,2,"model atau target berubah"
Peringkat	2,"63.01","Kabupaten Tanah Laut",0,2,
Desa lokus	"63.01","Kabupaten Tanah Laut","63.01.01.2001","Benua Lawas","evaluasi","2023",60,"lo","2024",80,"hi",20,1,0,
Desa lokus	"63.01","Kabupaten Tanah Laut","63.01.01.2002","Tabanio","evaluasi","2023",90,"hi","2024",70,"lo",-20,0,1,
Desa lokus	"63.02","Kabupaten Kotabaru","63.02.09.2007","Sang-Sang","pembinaan","2023",50,"lo","2024",90,"hi",40,1,0,"model atau target berubah"
Desa lokus	"63.02","Kabupaten Kotabaru","63.02.09.2011","Sungai Pinang","pembinaan","2023",70,"lo","2024",70,"lo",0,0,0,"model atau target berubah"
OPD	"63.01","Kabupaten Tanah Laut","Dinas Sosial",20,14,70
OPD	"63.02","Kabupaten Kotabaru","Dinas Sosial",20,18,90
LINES
		# The header frozen and filtered on every sheet.
		for x in 1 2 3; do
			unzip -p "$tmp/eval.xlsx" "xl/worksheets/sheet$x.xml" >"$tmp/sheet.xml"
			grep -q '<pane [^>]*state="frozen"' "$tmp/sheet.xml" ||
				fail "XLSX sheet $x: no frozen header"
			grep -q '<autoFilter ' "$tmp/sheet.xml" || fail "XLSX sheet $x: no autofilter"
			grep -q '<col ' "$tmp/sheet.xml" || fail "XLSX sheet $x: no column widths"
		done
	else
		echo "SKIP: the workbook is not read back (no LibreOffice)"
	fi
	if command -v pdftotext >/dev/null; then
		"$pk2d" -q -c "$tmp/prov.ini" evaluate -o "$tmp/eval.pdf" 2>"$tmp/err" ||
			fail "evaluate -o eval.pdf: $(cat "$tmp/err")"
		pdftotext -layout "$tmp/eval.pdf" - | tr -s ' ' | sed 's/^ //' >"$tmp/pdf.txt"
		while read -r line; do
			grep -qxF -- "$line" "$tmp/pdf.txt" || fail "PDF: missing line: $line"
		done <<'LINES'
2 63.01 Kabupaten 0,00 2
Tanah Laut
63.01 Kabupaten Tanah Laut
63.01.01.2001 evaluasi 60,00 lo 80,00 hi 20,00 1/0
Benua Lawas (2023) (2024)
63.01.01.2002 evaluasi 90,00 hi 70,00 lo -20,00 0/1
63.02.09.2007 pembinaan 50,00 lo 90,00 hi 40,00 * 1/0
63.02.09.2011 pembinaan 70,00 lo 70,00 lo 0,00 * 0/0
Sungai Pinang (2023) (2024)
* model atau target berubah
Dinas Sosial 20 18 90,0
LINES
		for line in "Tren desa lokus: IKK dan dimensinya" "63.01.01.2001 Benua Lawas" \
			"63.02.09.2011 Sungai Pinang"; do
			grep -qxF "$line" "$tmp/pdf.txt" || fail "PDF: no heading $line"
		done
		[ "$(grep -c 'Garis perhatian 75' "$tmp/pdf.txt")" -eq 4 ] || fail "PDF: not 4 charts"
		# The note may wrap in its cell.
		grep -q '^1 63\.02 Kabupaten 20,00 2 model' "$tmp/pdf.txt" || fail "PDF ranking: $(cat "$tmp/pdf.txt")"
	else
		echo "SKIP: the PDF is not read back (no pdftotext)"
	fi
	# A file that cannot be written: exit 1, its name in the message, nothing
	# left behind (not even the temporary file).
	mkdir "$tmp/outdir"
	for target in "$tmp/none/eval.pdf" "$tmp/outdir"; do
		"$pk2d" -q -c "$tmp/prov.ini" evaluate -f xlsx -o "$target" 2>"$tmp/err"
		st=$?
		[ $st -eq 1 ] || fail "evaluate -o $target: exit status $st"
		grep -q "cannot write the evaluation: $target" "$tmp/err" ||
			fail "evaluate -o $target: $(cat "$tmp/err")"
	done
	[ -z "$(ls -A "$tmp/outdir")" ] || fail "evaluate -o DIR left: $(ls -A "$tmp/outdir")"
	ls "$tmp" | grep -q '\.tmp\.' && fail "evaluate left a temporary file: $(ls "$tmp")"
	"$pk2d" -q -c "$tmp/prov.ini" evaluate -o "$tmp/a.csv" -o "$tmp/b.csv" 2>/dev/null
	[ $? -eq 2 ] || fail "evaluate with two -o is not a usage error"
fi

# One regency's settings relabel no other's: 63.02 runs 2024 again with its
# own agency for dinsos (the last declaration of dinsos.p2k2); each regency's
# interventions stay under the agency its own runs stored.
sed 's/^agency = Dinas Sosial$/agency = Dinsos Kab. Kotabaru/' "$tmp/63.02/2024/pk2d.ini" \
	>"$tmp/63.02/2024/own.ini"
"$pk2d" -q -c "$tmp/63.02/2024/own.ini" report -o "$tmp/63.02/2024/own.txt" ||
	fail "report 63.02 2024 with its own agency"
"$pk2d" -q -c "$tmp/prov.ini" evaluate --format csv 2>"$tmp/err" | tr -d '\r' |
	grep -A2 '^regency,regency_name,agency' >"$tmp/got" || fail "evaluate: $(cat "$tmp/err")"
printf '%s\n' "regency,regency_name,agency,target,realised,realisation" \
	"63.01,Kabupaten Tanah Laut,Dinas Sosial,20,14,70.0" \
	"63.02,Kabupaten Kotabaru,Dinsos Kab. Kotabaru,20,18,90.0" | diff - "$tmp/got" >&2 ||
	fail "the agencies after 63.02's own agency"

# The store keeps no province rows: pk2d history computes the province's
# and the country's figures when read, the sums of the regencies' numerators
# and denominators (docs/store.md); the target where the regencies agree
# (80 in 2023; 80 and 85 in 2024: none). A direct province run of the same
# data stores the same figures, and its trend reads the same sums.
for a in 63 all; do
	"$pk2d" -q --store "$store" --area $a history --format csv dinsos.hadir | tr -d '\r' \
		>"$tmp/sums" || fail "history --area $a"
	printf '%s\n' period,numerator,denominator,value,target 2023,27,40,67.5,80 \
		2024,31,40,77.5, | cmp -s - "$tmp/sums" || fail "history --area $a: $(cat "$tmp/sums")"
done
# The interventions likewise: targets, realisations and budgets summed.
for a in 63 all; do
	"$pk2d" -q --store "$store" --area $a history --format csv dinsos.p2k2 | tr -d '\r' \
		>"$tmp/sums" || fail "history --area $a dinsos.p2k2"
	printf '%s\n' period,target,realised,coverage,budget 2023,9,7,77.77777778,150 2024,40,32,80, |
		cmp -s - "$tmp/sums" || fail "history --area $a dinsos.p2k2: $(cat "$tmp/sums")"
done
"$pk2d" -q --store "$store" --area 63.01.01 history --format csv dinsos.hadir | tr -d '\r' \
	>"$tmp/sums" || fail "history --area 63.01.01"
printf '%s\n' period,numerator,denominator,value,target 2023,15,20,75,80 2024,15,20,75,80 |
	cmp -s - "$tmp/sums" || fail "history --area 63.01.01: $(cat "$tmp/sums")"
mkdir -p "$tmp/63/2024"
sed 's/^area = 63.02$/area = 63/' "$tmp/63.02/2024/pk2d.ini" >"$tmp/63/2024/pk2d.ini"
cat "$tmp/63.01/2024/cakupan.csv" >"$tmp/63/2024/cakupan.csv"
tail -n +2 "$tmp/63.02/2024/cakupan.csv" >>"$tmp/63/2024/cakupan.csv"
cp "$tmp/63.02/2024/kegiatan.csv" "$tmp/63/2024/kegiatan.csv"
"$pk2d" -q -c "$tmp/63/2024/pk2d.ini" report -o "$tmp/63/2024/r.txt" -o "$tmp/63/2024/r.json" ||
	fail "province run"
# Its trend: the store has no province row of 2023, and reads the province's
# 2023 as pk2d history does, from the regencies' sums (27/40, interventions
# 9 and 7); 2024 is the run's own (its kegiatan.csv is 63.02's alone).
python3 - "$tmp/63/2024/r.json" <<'PY' || fail "the province's trend: $(cat "$tmp/63/2024/r.txt")"
import json, sys
t = json.load(open(sys.argv[1]))["assessment"]["area"]["trend"]
assert t["previous_period"] == "2023", t
ind = {i["id"]: i for i in t["indicators"]}["dinsos.hadir"]
assert ind["previous"] == 67.5 and ind["current"] == 77.5 and ind["change"] == "better", ind
assert ind["previous_target"] == 80 and ind["current_target"] == 85, ind
iv = {i["id"]: i for i in t["interventions"]}["dinsos.p2k2"]["periods"]
assert [(p["period"], p["target"], p["realised"], p["budget"]) for p in iv] == \
    [("2023", 9, 7, 150), ("2024", 20, 18, 0)], iv
PY
# The province's own 2024 row now (its own target, 85); 2023 still summed.
"$pk2d" -q --store "$store" --area 63 history --format csv dinsos.hadir | tr -d '\r' \
	>"$tmp/sums" || fail "history --area 63 after the province run"
printf '%s\n' period,numerator,denominator,value,target 2023,27,40,67.5,80 2024,31,40,77.5,85 |
	cmp -s - "$tmp/sums" || fail "direct province run: $(cat "$tmp/sums")"

# Bad lokus files: FILE:LINE messages, exit 1, nothing on standard output.
bad() { # WHAT CONTENT PATTERN
	printf '%s\n' "$2" >"$tmp/lokus.ini"
	"$pk2d" -q -c "$tmp/prov.ini" evaluate >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ $st -eq 1 ] || fail "$1: exit status $st"
	[ -s "$tmp/out" ] && fail "$1: output written"
	grep -q "$3" "$tmp/err" || fail "$1: $(cat "$tmp/err")"
}
bad "a village of another regency" "[63.01]
2023 = 63.02.09.2007" "lokus.ini:2: '63.02.09.2007' is not a village code of regency 63.01"
bad "a village not in the region table" "[63.01]
2023 = 63.01.01.2001 63.01.99.9999" "lokus.ini:2: village 63.01.99.9999 is not in the region table; the nearest villages of regency 63.01 (Kabupaten Tanah Laut): "
bad "not a regency" "[63]
2023 = 63.01.01.2001" "lokus.ini:1: \[63\] is not a regency code"
bad "an unknown stage" "[63.01]
2023 = 63.01.01.2001
stage.2023 = akhir" "lokus.ini:3: stage 'akhir' is none of awal, pembinaan, evaluasi"
bad "a village twice" "[63.01]
2023 = 63.01.01.2001, 63.01.01.2001" "lokus.ini:2: village 63.01.01.2001 is listed twice for 2023"
bad "an unknown key" "[63.01]
tahun = 63.01.01.2001" "lokus.ini:2: unknown key 'tahun'"
"$pk2d" -q -c "$tmp/prov.ini" evaluate --format docx >/dev/null 2>&1
[ $? -eq 2 ] || fail "evaluate --format docx is not a usage error"
[ $failures -eq 0 ] || exit 1
echo "ok: pk2d evaluate"
