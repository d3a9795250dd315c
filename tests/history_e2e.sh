#!/bin/sh
# pk2d history of an intervention end to end: two `pk2d report` runs, 2023
# and 2024, into one store (an activities instance with a hand-written log),
# then `pk2d history ID` as a table and as CSV, every field checked against
# the log summed by hand:
#   2023: RT 1 target 10 realised 8 budget 100000, RT 2 10 / 6 / 50000
#         -> 20 / 14, coverage 70 %, budget 150000
#   2024: RT 1 12 / 12 / 200000, RT 2 8 / 6 / none
#         -> 20 / 18, coverage 90 %, budget 200000
#   RT 2 alone: 2023 10 / 6 = 60 %, budget 50000; 2024 8 / 6 = 75 %, no
#   budget given (empty in CSV, '-' in the table).
# With PK2D_TEST_STORE set to a PostgreSQL connection string
# (tests/pg_store.sh), the runs write that server's store instead.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
store=${PK2D_TEST_STORE:-sqlite}
[ "$store" = sqlite ] && store=$tmp/history.sqlite
for y in 2023 2024; do
	mkdir -p "$tmp/$y"
	cat >"$tmp/$y/pk2d.ini" <<INI
[pk2d]
period = $y
area = 63.02.09.2007
model = $PK2D_TOP_SRCDIR/tests/data/store/model.ini
store = $store
[plugin.dinsos]
module = activities
agency = Dinas Sosial
log = kegiatan.csv
intervention.p2k2.label = Pertemuan P2K2
intervention.p2k2.label_en = P2K2 sessions
intervention.p2k2.unit = pertemuan
indicator.hadir.label = KPM hadir P2K2
indicator.hadir.table = cakupan.csv
indicator.hadir.numerator = hadir
indicator.hadir.denominator = kpm
INI
	printf 'kode_wilayah,rt,periode,kpm,hadir\n63.02.09.2007,1,%s,10,9\n' $y \
		>"$tmp/$y/cakupan.csv"
done
cat >"$tmp/2023/kegiatan.csv" <<'CSV'
kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran
63.02.09.2007,1,p2k2,10,8,2023-03-01,100000
63.02.09.2007,2,p2k2,10,6,2023-09-15,50000
CSV
cat >"$tmp/2024/kegiatan.csv" <<'CSV'
kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran
63.02.09.2007,1,p2k2,12,12,2024-02-10,200000
63.02.09.2007,2,p2k2,8,6,2024-11-30,
CSV
for y in 2023 2024; do
	"$pk2d" -q -c "$tmp/$y/pk2d.ini" report -o "$tmp/$y/r.txt" || fail "report $y"
done

# The table, in Bahasa Indonesia: title, header, one row per period.
"$pk2d" -q -c "$tmp/2024/pk2d.ini" history dinsos.p2k2 >"$tmp/table" || fail "history table"
cat >"$tmp/expected" <<'TABLE'
dinsos.p2k2 - Pertemuan P2K2 (pertemuan) - 63.02.09.2007
Periode  Target  Realisasi  Cakupan (%)  Anggaran (Rp)
2023         20         14         70,0        150.000
2024         20         18         90,0        200.000
TABLE
cmp -s "$tmp/expected" "$tmp/table" || fail "history table: $(diff "$tmp/expected" "$tmp/table")"

# CSV, field by field.
"$pk2d" -q -c "$tmp/2024/pk2d.ini" history --format csv dinsos.p2k2 >"$tmp/csv" ||
	fail "history CSV"
printf 'period,target,realised,coverage,budget\r\n2023,20,14,70,150000\r\n2024,20,18,90,200000\r\n' \
	>"$tmp/expected"
cmp -s "$tmp/expected" "$tmp/csv" || fail "history CSV: $(od -c "$tmp/csv" | head -20)"
check_field() { # FILE LINE FIELD VALUE
	got=$(tr -d '\r' <"$1" | sed -n "${2}p" | cut -d, -f"$3")
	[ "$got" = "$4" ] || fail "history CSV line $2 field $3: '$got', expected '$4'"
}
check_field "$tmp/csv" 2 1 2023
check_field "$tmp/csv" 2 2 20
check_field "$tmp/csv" 2 3 14
check_field "$tmp/csv" 2 4 70
check_field "$tmp/csv" 2 5 150000
check_field "$tmp/csv" 3 1 2024
check_field "$tmp/csv" 3 2 20
check_field "$tmp/csv" 3 3 18
check_field "$tmp/csv" 3 4 90
check_field "$tmp/csv" 3 5 200000

# One RT, and English.
"$pk2d" -q -c "$tmp/2024/pk2d.ini" history --rt 2 --format csv dinsos.p2k2 >"$tmp/csv" ||
	fail "history --rt 2"
printf 'period,target,realised,coverage,budget\r\n2023,10,6,60,50000\r\n2024,8,6,75,\r\n' \
	>"$tmp/expected"
cmp -s "$tmp/expected" "$tmp/csv" || fail "history --rt 2: $(cat "$tmp/csv")"
printf '[pk2d]\nlanguage = en\n' >>"$tmp/2024/pk2d.ini"
"$pk2d" -q -c "$tmp/2024/pk2d.ini" history dinsos.p2k2 >"$tmp/table" || fail "history en"
grep -q '^dinsos.p2k2 - P2K2 sessions (pertemuan) - 63.02.09.2007$' "$tmp/table" &&
	grep -q '^Period  Target  Result  Coverage (%)  Budget (Rp)$' "$tmp/table" &&
	grep -q '^2024        20      18          90.0      200,000$' "$tmp/table" ||
	fail "history in English: $(cat "$tmp/table")"
[ $failures -eq 0 ] || exit 1
echo "ok: pk2d history of an intervention"
