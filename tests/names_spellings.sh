#!/bin/sh
# Areas by name as the exports spell them: a family survey of a village of
# Kepulauan Seribu (DKI Jakarta) whose areas are names only, each row's
# province, regency and village written another way ("DKI JAKARTA",
# "Prov. D.K.I. Jakarta", the alias "Jakarta", "Kab. Adm. Kep. Seribu",
# "Ds."/"Kel."). With area = all and with area = 31.01 the report is the
# codes' one, every row found by name; a name found nowhere is rejected with
# its line and the nearest areas.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
. "$PK2D_TOP_SRCDIR/tests/family_run.sh"
mkdir -p "$tmp/codes" "$tmp/names"
family_run "$tmp/codes" none || exit 1
f="$tmp/codes/data/keluarga.csv"
# The sample's village moved to Pulau Panggang (31.01.01.1001).
sed -i 's/63\.02\.09\.2007/31.01.01.1001/g' "$f"
sed -i 's/^area = .*/area = all/' "$tmp/codes/pk2d.ini"
python3 "$PK2D_TOP_SRCDIR/tests/names_only.py" "$PK2D_DATA_DIR/wilayah/kode-wilayah.csv" \
	"$tmp/codes/data" "$tmp/names" || fail "names_only.py"
python3 - "$tmp/names/keluarga.csv" <<'PY' || fail "respelling"
import csv, sys
spell = {
    "Daerah Khusus Ibukota Jakarta": ["DKI Jakarta", "D.K.I. Jakarta", "Prov. DKI Jakarta",
                                      "DKI JAKARTA", "Provinsi D.K.I Jakarta", "Jakarta",
                                      "Daerah Khusus Jakarta"],
    "Kabupaten Administrasi Kepulauan Seribu": ["Kab. Kep. Seribu", "Kab. Adm. Kep. Seribu",
                                                "KEPULAUAN SERIBU"],
    "Kepulauan Seribu Utara": ["Kep. Seribu Utara", "Kec. Kepulauan Seribu Utara"],
    "Pulau Panggang": ["Kel. Pulau Panggang", "Ds. Pulau Panggang", "PULAU PANGGANG"],
}
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
sep = ";" if lines[0].count(";") > lines[0].count(",") else ","
rows = list(csv.reader(lines, delimiter=sep))
for n, r in enumerate(rows[1:]):
    r[-4:] = [spell[v][n % len(spell[v])] for v in r[-4:]]
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""), delimiter=sep,
           lineterminator="\n").writerows(rows)
PY
grep -q ';Prov. DKI Jakarta;Kab. Adm. Kep. Seribu;\|,Prov. DKI Jakarta,Kab. Adm. Kep. Seribu,' \
	"$tmp/names/keluarga.csv" || fail "the names were not respelled"
sed "s|$tmp/codes/data/keluarga.csv|$tmp/names/keluarga.csv|" "$tmp/codes/pk2d.ini" \
	>"$tmp/names/pk2d.ini"
sed 's/^area = all$/area = 31.01/' "$tmp/names/pk2d.ini" >"$tmp/names/kab.ini"
for run in codes/pk2d names/pk2d names/kab; do
	"$pk2d" -c "$tmp/$run.ini" report -f json -o "$tmp/$run.json" 2>"$tmp/$run.err" ||
		fail "$run: pk2d report: $(cat "$tmp/$run.err")"
done
python3 - "$tmp/codes/pk2d.json" "$tmp/names/pk2d.json" "$tmp/names/kab.json" <<'PY' ||
import json, sys
reports = [json.load(open(p)) for p in sys.argv[1:]]
for r in reports[1:]:
    f = r["accounting"]["files"][0]
    if f["areas_by_name"] != f["records"] or f["records"] < 60:
        sys.exit("%d of %d rows' areas by name" % (f["areas_by_name"], f["records"]))
for r in reports[1:]:
    if r["accounting"]["rejected"] != reports[0]["accounting"]["rejected"]:
        sys.exit("rejected: %s, not %s" % (r["accounting"]["rejected"],
                                           reports[0]["accounting"]["rejected"]))
PY
	fail "the reports by name differ: $(cat "$tmp/names/pk2d.err")"

# Names found nowhere: the nearest areas, every time.
k="$tmp/names/keluarga.csv"
sed -i -e '2s/;[^;]*;\([^;]*;[^;]*;[^;]*\)$/;Jakarat;\1/' \
	-e '2s/,[^,]*,\([^,]*,[^,]*,[^,]*\)$/,Jakarat,\1/' \
	-e '3s/;[^;]*;\([^;]*;[^;]*\)$/;Kab. Kep. Sribu;\1/' \
	-e '3s/,[^,]*,\([^,]*,[^,]*\)$/,Kab. Kep. Sribu,\1/' "$k"
"$pk2d" -c "$tmp/names/pk2d.ini" report -f text -o "$tmp/bad.txt" 2>"$tmp/bad.err"
for want in \
	"keluarga.csv:2: unknown area name: province 'J…' is not in Indonesia; did you mean Daerah Khusus Ibukota Jakarta (31)," \
	"keluarga.csv:3: unknown area name: kabupaten/kota 'K…. K…. S…' is not in Daerah Khusus Ibukota Jakarta (31); did you mean Kabupaten Administrasi Kepulauan Seribu (31.01),"; do
	grep -qF "$want" "$tmp/bad.err" || fail "not said: $want
$(cat "$tmp/bad.err")"
done

[ "$failures" -eq 0 ] || exit 1
exit 0
