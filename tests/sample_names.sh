#!/bin/sh
# The bundled sample (conf/sample) from files whose areas are names only: each
# area code column replaced by the columns Prov, Kab/Kota, Kec and Desa/Kel
# with the region table's names, as the agencies' exports give them. The
# report is the same as from the codes, every row's area found by name; and
# each bad name is rejected with its line and the reason.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
mkdir -p "$tmp/codes" "$tmp/names"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/codes/"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/names/"
cp -r "$PK2D_TOP_SRCDIR/conf/models" "$tmp/"
chmod -R u+w "$tmp"

python3 "$PK2D_TOP_SRCDIR/tests/names_only.py" "$PK2D_DATA_DIR/wilayah/kode-wilayah.csv" \
	"$tmp/codes" "$tmp/names" || fail "names_only.py"

for d in codes names; do
	"$pk2d" -c "$tmp/$d/pk2d.ini" report -f json -o "$tmp/$d.json" 2>"$tmp/$d.err" ||
		fail "$d: pk2d report: $(cat "$tmp/$d.err")"
done
# The same report but for the files' folders and the count of areas by name.
python3 - "$tmp/codes.json" "$tmp/names.json" <<'PY' || fail "the reports differ"
import json, sys
def norm(x, key=""):
    if isinstance(x, dict):
        return {k: norm(v, k) for k, v in x.items() if k not in ("seconds", "areas_by_name")}
    if isinstance(x, list):
        return [norm(v) for v in x]
    if isinstance(x, str) and key in ("path", "origin"):
        return x.rsplit("/", 1)[-1]
    return x
a, b = (json.load(open(p)) for p in sys.argv[1:])
for f in b["accounting"]["files"]:
    if "who-growth" not in f["path"] and f["areas_by_name"] != f["records"]:
        sys.exit("%s: %d of %d rows' areas by name" % (f["path"], f["areas_by_name"], f["records"]))
if a["accounting"]["areas_by_name"] != 0 or b["accounting"]["areas_by_name"] < 2000:
    sys.exit("areas by name: %d and %d" % (a["accounting"]["areas_by_name"],
                                           b["accounting"]["areas_by_name"]))
a, b = norm(a), norm(b)
for k in a:
    if a[k] != b.get(k):
        sys.exit("differs: " + k)
PY
grep -q 'wilayah 2816 baris ditemukan dari namanya' "$tmp/names.err" ||
	fail "the summary does not count the areas by name: $(cat "$tmp/names.err")"

# Bad names, each on its own line of the e-PPGBM export (the header is line 1);
# the names quoted from the file are masked as every cell's text in a reason.
b="$tmp/names/balita.csv"
sed -i -e '3s/;Sang-Sang$/;Sang Sangg/' \
	-e '4s/;Kalimantan Selatan;Kabupaten Kotabaru;/;Jawa Barat;Bekasi;/' \
	-e '5s/;Sang-Sang$/;/' "$b"
"$pk2d" -c "$tmp/names/pk2d.ini" report -f text -o "$tmp/bad.txt" 2>"$tmp/bad.err"
for want in \
	"balita.csv:3: unknown area name: desa/kelurahan 'S… S…' is not in Kelumpang Tengah (63.02.09); did you mean Sang-Sang (63.02.09.2007), Sembilang (63.02.09.2005), Senakin (63.02.09.2014)?" \
	"balita.csv:4: ambiguous area name: kabupaten/kota 'B…' in Jawa Barat (32) is Kabupaten Bekasi (32.16) or Kota Bekasi (32.75); write Kabupaten or Kota before the name" \
	"balita.csv:5: no area name: Desa/Kel is empty"; do
	grep -qF "$want" "$tmp/bad.err" || fail "not said: $want"
done

# A name beside a code that is not its area's.
sed -i '3s/;Sang-Sang;Posyandu/;Tamiang Bakung;Posyandu/' "$tmp/codes/balita.csv"
"$pk2d" -c "$tmp/codes/pk2d.ini" report -f text -o "$tmp/bad.txt" 2>"$tmp/bad.err"
grep -qF "balita.csv:3: area name and code disagree: Kode Desa 63.02.09.2007 is Sang-Sang, but Desa/Kel is 'T… B…'" \
	"$tmp/bad.err" || fail "no disagreement: $(cat "$tmp/bad.err")"

# Village names without their kecamatan's, in a run over the whole kabupaten.
cut -d';' -f1-17,19 "$tmp/names/balita.csv" >"$tmp/names/kab.csv"
sed -i -e 's/^area = 63.02.09.2007$/area = 63.02/' -e 's/^children = balita.csv$/children = kab.csv/' \
	"$tmp/names/pk2d.ini"
grep -q '^children = kab.csv' "$tmp/names/pk2d.ini" || fail "the sample's children key was not found"
"$pk2d" -c "$tmp/names/pk2d.ini" check >"$tmp/check.out" 2>"$tmp/check.err"
rc=$?
[ "$rc" -eq 1 ] || fail "check with a missing name column exits $rc"
grep -qF "kab.csv:1: no column 'Kode Desa' and no 'Kec': the names in 'Desa/Kel' are looked up within their kecamatan; add the column 'Kec' (or 'Kode Desa' with the codes)" \
	"$tmp/check.err" || fail "missing name column not said: $(cat "$tmp/check.err")"

[ "$failures" -eq 0 ] || exit 1
exit 0
