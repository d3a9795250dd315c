#!/bin/sh
# A regency's report limited to its desa lokus ([pk2d] lokus_only, --lokus;
# docs/config.md, "Desa lokus"), end to end on a synthetic kabupaten of five
# villages in two kecamatan, two of them lokus in 2023:
#  - the limited report's kecamatan and kabupaten sums are the sums of the
#    lokus villages' figures of the report of the whole regency (computed
#    here from that report), and its villages are the lokus villages only;
#  - the other villages' rows are counted in the accounting as "not a lokus
#    village" (not_lokus), as many as those villages' rows in the files;
#  - every format says the report is limited and lists the villages;
#  - the limited report is not stored in the history;
#  - no lokus village for the period, or no lokus file: exit 1, a message.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
synth="$PK2D_TOP_BUILDDIR/synth/pk2d-synth"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
"$synth" --data "$PK2D_DATA_DIR" -q --seed 7 --model ikk.ini -o "$tmp/d" \
	--area 63.02.09.2001,63.02.09.2003,63.02.09.2007,63.02.10.2001,63.02.10.2002 ||
	fail "pk2d-synth"
cp "$PK2D_TOP_SRCDIR/conf/models/ikk.ini" "$tmp/d/ikk.ini"
sed 's/^area = .*/area = 63.02\nlokus = lokus.ini/' "$tmp/d/pk2d.ini" >"$tmp/d/kab.ini"
cat >"$tmp/d/lokus.ini" <<'LOKUS'
[63.02]
2023 = 63.02.10.2001, 63.02.09.2007
stage.2023 = pembinaan
2024 = 63.02.09.2001
LOKUS

"$pk2d" -q -c "$tmp/d/kab.ini" --store none report -f json -o "$tmp/all.json" ||
	fail "the regency's report"
"$pk2d" -q -c "$tmp/d/kab.ini" --store none --lokus report -f json,csv,text,md,html,xlsx \
	-o "$tmp/lokus" 2>"$tmp/err"
# Exit 0: the other villages' rows are counted, not a failure.
[ $? -eq 0 ] || fail "the report limited to the lokus villages: $(cat "$tmp/err")"
# lokus_only = yes in the INI file: the same report.
sed 's/^lokus = lokus.ini$/lokus = lokus.ini\nlokus_only = yes/' "$tmp/d/kab.ini" \
	>"$tmp/d/kab-only.ini"
"$pk2d" -q -c "$tmp/d/kab-only.ini" --store none report -f json -o "$tmp/only.json" ||
	fail "lokus_only = yes"

# The sums, the list, and the rows of the villages that are not lokus: each
# file's rows whose area code column (kode_wilayah; the children's Kode
# Desa) names another village.
python3 - "$tmp/all.json" "$tmp/lokus.json" "$tmp/only.json" "$tmp/d" <<'PY' ||
import csv, glob, json, os, sys
full, lim, only = (json.load(open(p)) for p in sys.argv[1:4])
lokus = ["63.02.09.2007", "63.02.10.2001"]
def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)
villages = {v["code"]: v for v in full["assessment"]["villages"]}
got = [v["code"] for v in lim["assessment"]["villages"]]
if got != lokus:
    fail("villages of the limited report: %s" % got)
# Every indicator's and intervention's sums in the limited kabupaten: the
# sums of the lokus villages' own in the regency's report.
def sums(area):
    out = {}
    for a in area["agencies"]:
        for r in a["rows"]:
            if r["numerator"] is not None:
                out[r["id"]] = (r["numerator"], r["denominator"])
        for r in a["interventions"]:
            if r["reported"]:
                out[r["id"]] = (r["target"], r["realised"])
    return out
mine = sums(lim["assessment"]["area"])
parts = [sums(villages[c]) for c in lokus]
for k, (a, b) in mine.items():
    want = tuple(sum(p[k][i] for p in parts if k in p) for i in (0, 1))
    if abs(a - want[0]) > 1e-9 or abs(b - want[1]) > 1e-9:
        fail("kabupaten %s: %s/%s, the lokus villages sum to %s/%s" % (k, a, b, *want))
if set(mine) != set(k for p in parts for k in p):
    fail("ids of the limited kabupaten: %s" % sorted(set(mine) ^ set(k for p in parts for k in p)))
if len(mine) < 30:
    fail("only %d indicators and interventions compared" % len(mine))
if mine == sums(full["assessment"]["area"]):
    fail("the limited kabupaten's sums are the whole regency's")
# The summary's KK: each kecamatan and the kabupaten the lokus villages'.
kk = {s["code"]: s["kk"] for s in full["assessment"]["summary"]}
want = {"63.02": kk[lokus[0]] + kk[lokus[1]], "63.02.09": kk[lokus[0]], "63.02.10": kk[lokus[1]],
        lokus[0]: kk[lokus[0]], lokus[1]: kk[lokus[1]]}
got = {s["code"]: s["kk"] for s in lim["assessment"]["summary"]}
if got != want:
    fail("summary KK %s, want %s" % (got, want))
# The list of lokus villages, and the same report from lokus_only = yes.
want = {"year": 2023, "villages": [
    {"code": "63.02.09.2007", "name": villages["63.02.09.2007"]["name"], "stage": "pembinaan"},
    {"code": "63.02.10.2001", "name": villages["63.02.10.2001"]["name"], "stage": "pembinaan"}]}
if lim["lokus"] != want:
    fail("lokus: %s" % lim["lokus"])
if full["lokus"] is not None:
    fail("the whole regency's report says lokus: %s" % full["lokus"])
if only["lokus"] != want or only["accounting"] != lim["accounting"]:
    fail("lokus_only = yes is not --lokus")
# The accounting: every other village's row counted as not_lokus, file by
# file, and no row lost.
acct = lim["accounting"]
files = {os.path.basename(f["path"]): f for f in acct["files"]}
others = 0
for path in glob.glob(os.path.join(sys.argv[4], "*.csv")):
    with open(path, newline="") as f:
        head = f.readline()
        f.seek(0)
        rows = list(csv.DictReader(f, delimiter=";" if ";" in head else ","))
    col = "kode_wilayah" if "kode_wilayah" in rows[0] else "Kode Desa"
    codes = [r[col] if "." in r[col] else ".".join((r[col][:2], r[col][2:4], r[col][4:6], r[col][6:]))
             for r in rows]
    n = sum(1 for c in codes if c not in lokus)
    got = files[os.path.basename(path)]["not_lokus"]
    if got != n:
        fail("%s: %d rows not lokus counted, %d in the file" % (path, got, n))
    others += n
if others < 100 or acct["not_lokus"] != others:
    fail("not_lokus %s, %d rows of other villages" % (acct["not_lokus"], others))
if acct["records"] != acct["used"] + sum(acct[k] for k in ("outside_area", "outside_period", "not_lokus", "duplicate", "rejected")):
    fail("rows lost: %s" % acct)
if full["accounting"]["not_lokus"] != 0 or full["accounting"]["used"] != acct["used"] + others:
    fail("the whole regency's accounting: %s" % full["accounting"])
PY
	fail "JSON"

# Every other format says so and lists the villages.
grep -q '^== Desa lokus ==$' "$tmp/lokus.txt" || fail "text: no lokus section"
grep -q 'hanya mencakup 2 desa lokus tahun 2023' "$tmp/lokus.txt" || fail "text: no sentence"
grep -Eq '^ *63\.02\.10\.2001 .* pembinaan *$' "$tmp/lokus.txt" || fail "text: no village row"
grep -q 'bukan desa lokus' "$tmp/lokus.txt" || fail "text: accounting without the class"
grep -q '^\*\*Desa lokus:\*\* Laporan ini hanya mencakup 2 desa lokus tahun 2023' "$tmp/lokus.md" ||
	fail "Markdown: no sentence"
grep -q '^| 63\.02\.09\.2007 | .* | pembinaan |$' "$tmp/lokus.md" || fail "Markdown: no village row"
grep -q '<div class="lokus"><p><strong>Desa lokus:</strong> Laporan ini hanya' "$tmp/lokus.html" ||
	fail "HTML: no lokus block"
grep -q '<td>63.02.10.2001</td>' "$tmp/lokus.html" || fail "HTML: no village row"
tr -d '\r' <"$tmp/lokus.csv" | grep -q '^lokus_village,63.02.09.2007,[^,]*,4,,2023,lokus,pembinaan,' ||
	fail "CSV: no lokus_village record"
tr -d '\r' <"$tmp/lokus.csv" | grep -q '^file_rows,63.02,[^,]*,2,,2023,[^,]*keluarga.csv,not_lokus,' ||
	fail "CSV: no not_lokus rows"
unzip -p "$tmp/lokus.xlsx" xl/workbook.xml | grep -q 'name="Desa lokus"' || fail "XLSX: no lokus sheet"
unzip -p "$tmp/lokus.xlsx" xl/sharedStrings.xml | grep -q 'Laporan ini hanya mencakup 2 desa lokus' ||
	fail "XLSX: no sentence"
if command -v pdftotext >/dev/null; then
	"$pk2d" -q -c "$tmp/d/kab-only.ini" --store none report -o "$tmp/lokus.pdf" || fail "PDF"
	pdftotext "$tmp/lokus.pdf" - | tr -s ' \n' '  ' >"$tmp/pdf.txt"
	grep -q 'hanya mencakup 2 desa lokus tahun 2023' "$tmp/pdf.txt" || fail "PDF: no sentence"
	grep -q '63.02.10.2001' "$tmp/pdf.txt" || fail "PDF: no village"
else
	echo "SKIP: the PDF is not read back (no pdftotext)"
fi

# A limited report is not history: nothing of it goes into the store.
"$pk2d" -q -c "$tmp/d/kab-only.ini" --store "$tmp/h.sqlite" report -o "$tmp/h.json" ||
	fail "the limited report with a store"
"$pk2d" -q --store "$tmp/h.sqlite" --area 63.02 history health.stunting >/dev/null 2>"$tmp/err" &&
	fail "the limited report was stored"
grep -q "the store has no indicator" "$tmp/err" || fail "history: $(cat "$tmp/err")"
# With the store on, the regency above the lokus villages says why it has no
# trend (not "no earlier period": its sums are not the regency's).
"$pk2d" -q -c "$tmp/d/kab-only.ini" --store "$tmp/h.sqlite" report -o "$tmp/h.txt" \
	-o "$tmp/h.html" || fail "the limited report with a store, text and HTML"
for f in h.txt h.html; do
	sed -n '/Tren/,$p' "$tmp/$f" | grep -q 'Laporan yang dibatasi pada desa lokus hanya membandingkan desa' ||
		fail "$f: the regency's trend does not say why it has none"
done

# No lokus village for the period in the area, no lokus file: exit 1 and a
# message, no report.
sed 's/^period = .*/period = 2025/' "$tmp/d/kab-only.ini" >"$tmp/d/2025.ini"
sed 's/^area = 63.02$/area = 63.02.09.2003/' "$tmp/d/kab-only.ini" >"$tmp/d/village.ini"
sed '/^lokus = lokus.ini$/d' "$tmp/d/kab-only.ini" >"$tmp/d/nofile.ini"
for c in 2025:"lokus.ini: no lokus village of 2025 in area 63.02" \
	village:"lokus.ini: no lokus village of 2023 in area 63.02.09.2003" \
	nofile:"nofile.ini:[0-9]*: a report limited to the lokus villages needs \[pk2d\] lokus = FILE"; do
	ini=${c%%:*}
	rm -f "$tmp/none.json"
	"$pk2d" -q -c "$tmp/d/$ini.ini" --store none report -o "$tmp/none.json" 2>"$tmp/err"
	st=$?
	[ $st -eq 1 ] || fail "$ini: exit status $st"
	grep -q "${c#*:}" "$tmp/err" || fail "$ini: $(cat "$tmp/err")"
	[ -e "$tmp/none.json" ] && fail "$ini: a report was written"
done

# A lokus village the region table lacks, or of another regency: lokus.ini:LINE
# with the regency's nearest villages, exit 1, and no other error (no
# "stage.2024 without the villages of 2024" for a stage whose line was
# refused).
typo() { # WHAT CONTENT PATTERN
	printf '%s\n' "$2" >"$tmp/d/lokus.ini"
	rm -f "$tmp/none.json"
	"$pk2d" -q -c "$tmp/d/kab.ini" --store none --lokus report -o "$tmp/none.json" \
		2>"$tmp/err"
	st=$?
	[ $st -eq 1 ] || fail "$1: exit status $st"
	[ -e "$tmp/none.json" ] && fail "$1: a report was written"
	[ "$(grep -c . "$tmp/err")" -eq 1 ] && grep -q "$3" "$tmp/err" || fail "$1: $(cat "$tmp/err")"
}
typo "a village not in the region table" "[63.02]
2023 = 63.02.99.9999
stage.2023 = awal" "lokus.ini:2: village 63.02.99.9999 is not in the region table; the nearest villages of regency 63.02 (Kabupaten Kotabaru): 63.02.[0-9.]* ([^)]*), "
typo "a typo of a village" "[63.02]
2023 = 63.02.09.2077" "lokus.ini:2: village 63.02.09.2077 is not in the region table; the nearest villages of regency 63.02 (Kabupaten Kotabaru): 63.02.09.2007 ("
typo "a village of another regency" "[63.01]
2023 = 63.02.09.2007
stage.2023 = evaluasi
[63.02]
2023 = 63.02.09.2007" "lokus.ini:2: '63.02.09.2007' is not a village code of regency 63.01 (a lokus is a village: 63.01.09.2007); the nearest villages of regency 63.01 (Kabupaten Tanah Laut): "
[ $failures -eq 0 ] || exit 1
echo "ok: reports limited to the lokus villages"
