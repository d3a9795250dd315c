#!/bin/sh
# pk2d report and pk2d history end to end on pk2d-synth data (family plugin):
# every format at once, the history store across two periods, a run killed
# with SIGKILL inside its store transaction (the store stays as it was), a
# kecamatan run with --split, and bad requests.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
synth="$PK2D_TOP_BUILDDIR/synth/pk2d-synth"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
gen() {
	"$synth" --data "$PK2D_DATA_DIR" -q --plugins family --kk 60 --rt 3 "$@" ||
		fail "pk2d-synth $*"
}
# A model of family indicators only, so that the run needs no other plugin.
cat >"$tmp/model.ini" <<'MODEL'
[model]
name = Model uji e2e
source = test
status = working
statement = Model uji
attention = 75
worst = 3
[profile]
kk = family.kk
[category.ikk.hi]
from = 75
to = 100
label_id = Tinggi
[category.ikk.lo]
from = 0
to = 75
label_id = Rendah
[dimension.a]
label_id = Legalitas
weight = 0.4
indicator.L1 = family.l1
indicator.L2 = family.l2
[dimension.b]
label_id = Fisik
weight = 0.3
indicator.F1 = family.f1
[dimension.c]
label_id = Ekonomi
weight = 0.3
indicator.E1 = family.e1
MODEL
config() { # DIR PERIOD AREA DATA
	cat >"$1/pk2d.ini" <<INI
[pk2d]
period = $2
area = $3
model = $tmp/model.ini
store = $tmp/history.sqlite
note = Data sintetis
[plugin.family]
survey = $4/keluarga.csv
INI
}
hist() {
	"$pk2d" -q -c "$tmp/a/pk2d.ini" history --format csv family.l1 | tr -d '\r'
}

# 1. Period 2023, one village, every format at once.
gen -o "$tmp/d23" -a 63.02.09.2007 -p 2023 --seed 1
mkdir -p "$tmp/a" "$tmp/out"
config "$tmp/a" 2023 63.02.09.2007 "$tmp/d23"
"$pk2d" -q -c "$tmp/a/pk2d.ini" report -f html,md,csv,json,xlsx,dhis2,dhis2-metadata \
	-o "$tmp/out/r" || fail "report 2023"
for ext in html md csv json xlsx dhis2.json dhis2-metadata.json; do
	[ -s "$tmp/out/r.$ext" ] || fail "no r.$ext"
done
grep -q '"dataElement":[[:space:]]*"PK2D_FAMILY_L1"' "$tmp/out/r.dhis2.json" ||
	fail "DHIS2 data element"
grep -q '"idScheme":[[:space:]]*"CODE"' "$tmp/out/r.dhis2.json" || fail "DHIS2 id scheme"
grep -q '"code":[[:space:]]*"PK2D_FAMILY_L1_NUM"' "$tmp/out/r.dhis2-metadata.json" ||
	fail "DHIS2 metadata data element"
# The CSV dialect by option, over the key; a bad name is a usage error.
"$pk2d" -q -c "$tmp/a/pk2d.ini" --store none --csv-dialect excel-id report -o "$tmp/out/id.csv" ||
	fail "--csv-dialect excel-id"
head -c 14 "$tmp/out/id.csv" | grep -q "$(printf '\357\273\277')kind;area;" ||
	fail "excel-id CSV: $(head -c 40 "$tmp/out/id.csv")"
rc=0
"$pk2d" -q -c "$tmp/a/pk2d.ini" --csv-dialect excel report -o "$tmp/out/bad.csv" 2>"$tmp/err" ||
	rc=$?
[ $rc -eq 2 ] && grep -q "csv-dialect needs rfc4180 or excel-id, not 'excel'" "$tmp/err" ||
	fail "--csv-dialect excel: status $rc, $(cat "$tmp/err")"
[ -e "$tmp/out/bad.csv" ] && fail "a CSV written after a usage error"
grep -q 'Belum ada periode sebelumnya' "$tmp/out/r.html" || fail "first run has no trend"
# Format from the extension, and [pk2d] output.
"$pk2d" -q -c "$tmp/a/pk2d.ini" --store none report -o "$tmp/out/x.md" || fail "report -o x.md"
head -1 "$tmp/out/x.md" | grep -q '^# Penilaian Kualitas Keluarga — Desa Sang-Sang$' ||
	fail "x.md is not the Markdown report"
grep -q 'store = none' "$tmp/out/x.md" || fail "--store none"
# A pipe (or a device such as /dev/null) is written in place, never replaced
# by a regular file renamed over it.
mkfifo "$tmp/pipe"
cat "$tmp/pipe" >"$tmp/from-pipe" &
reader=$!
"$pk2d" -q -c "$tmp/a/pk2d.ini" --store none report -f md -o "$tmp/pipe" || fail "report -o FIFO"
if [ -p "$tmp/pipe" ]; then
	wait $reader
else
	fail "the FIFO was replaced by a file"
	kill $reader
fi
head -1 "$tmp/from-pipe" | grep -q '^# Penilaian Kualitas Keluarga' || fail "nothing came through the FIFO"
ls "$tmp" | grep -q 'pipe\.tmp\.' && fail "a temporary file was left next to the FIFO"
[ "$(hist | head -1)" = "period,numerator,denominator,value,target" ] || fail "history header"
[ "$(hist | wc -l)" -eq 2 ] || fail "history after one run"

# 2. Period 2024: the trend compares with 2023.
gen -o "$tmp/d24" -a 63.02.09.2007 -p 2024 --seed 2
mkdir -p "$tmp/b"
config "$tmp/b" 2024 63.02.09.2007 "$tmp/d24"
"$pk2d" -q -c "$tmp/b/pk2d.ini" report -f html -o "$tmp/out/r24.html" || fail "report 2024"
grep -q '<th class="n">2023</th><th class="n">2024</th>' "$tmp/out/r24.html" ||
	fail "2024 report has no trend against 2023"
hist >"$tmp/before"
[ "$(sed -n 2p "$tmp/before" | cut -d, -f1)" = 2023 ] &&
	[ "$(sed -n 3p "$tmp/before" | cut -d, -f1)" = 2024 ] || fail "history is not 2023, 2024"
"$pk2d" -c "$tmp/a/pk2d.ini" history family.l1 >"$tmp/table" || fail "history table"
grep -q '^family.l1 - ' "$tmp/table" || fail "history table title"
grep -q '^Periode  *Pembilang  *Penyebut  *Nilai  *Target$' "$tmp/table" || fail "history table head"
# A count (family.kk) is shown alone, a whole number without numerator and
# denominator (the denominator only counts the RT reports summed); the CSV
# keeps the sums, with the count as the value.
"$pk2d" -q -c "$tmp/a/pk2d.ini" history family.kk >"$tmp/table" || fail "history of a count"
grep -q '^2023  *-  *-  *[1-9][0-9]*  *-$' "$tmp/table" || fail "history of a count: $(cat "$tmp/table")"
"$pk2d" -q -c "$tmp/a/pk2d.ini" history --format csv family.kk | tr -d '\r' >"$tmp/table"
awk -F, 'NR == 2 && $1 == 2023 && $2 == $4 && $3 > 1 { ok = 1 } END { exit !ok }' "$tmp/table" ||
	fail "history CSV of a count: $(cat "$tmp/table")"

# 3. Rerun 2024 with other data, killed inside the store transaction: the
# store keeps the old 2024 values and run log.
gen -o "$tmp/d24b" -a 63.02.09.2007 -p 2024 --seed 3
mkdir -p "$tmp/c"
config "$tmp/c" 2024 63.02.09.2007 "$tmp/d24b"
runs_before=$(sqlite3 "$tmp/history.sqlite" 'SELECT count(*) FROM runs' 2>/dev/null || echo none)
PK2D_TEST_STORE_PAUSE="$tmp/paused" "$pk2d" -q -c "$tmp/c/pk2d.ini" report -f html \
	-o "$tmp/out/killed.html" &
pid=$!
i=0
while [ ! -e "$tmp/paused" ] && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ -e "$tmp/paused" ] || fail "the report never reached the store's pause"
[ -e "$tmp/history.sqlite-journal" ] || fail "no transaction in progress at the pause"
# The report is written beside the store's transaction, whole, and waits
# under its temporary name for the transaction to end.
written() { tail -c 100 "$tmp"/out/killed.html.tmp.* 2>/dev/null | grep -q '</html>'; }
i=0
while ! written && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
written || fail "no report written beside the store's transaction"
[ -e "$tmp/out/killed.html" ] && fail "a report in place before the store's commit"
kill -9 $pid
wait $pid 2>/dev/null
hist >"$tmp/after-kill"
cmp -s "$tmp/before" "$tmp/after-kill" || fail "a killed run changed the store"
[ -e "$tmp/out/killed.html" ] && fail "a killed run left a report"
if [ "$runs_before" != none ]; then
	[ "$(sqlite3 "$tmp/history.sqlite" 'SELECT count(*) FROM runs')" = "$runs_before" ] ||
		fail "a killed run added to the run log"
fi
# The same run, not killed: 2024 is replaced, the run log grows by one.
"$pk2d" -q -c "$tmp/c/pk2d.ini" report -f html -o "$tmp/out/r24b.html" || fail "rerun 2024"
ls "$tmp/out" | grep -q '\.tmp\.' && fail "the next run left the killed run's temporary file"
hist >"$tmp/after"
[ "$(wc -l <"$tmp/after")" -eq 3 ] || fail "rerunning 2024 did not replace it"
cmp -s "$tmp/before" "$tmp/after" && fail "rerunning 2024 with other data changed nothing"
[ "$(sed -n 2p "$tmp/before")" = "$(sed -n 2p "$tmp/after")" ] || fail "rerunning 2024 changed 2023"
if [ "$runs_before" != none ]; then
	[ "$(sqlite3 "$tmp/history.sqlite" 'SELECT count(*) FROM runs')" = $((runs_before + 1)) ] ||
		fail "the run log did not grow by one"
fi

# A store whose transaction fails (a trigger refuses the values): the reports
# written beside it still appear whole, the run exits 1 naming the store,
# and the store is as it was.
cp "$tmp/history.sqlite" "$tmp/refusing.sqlite"
sqlite3 "$tmp/refusing.sqlite" "CREATE TRIGGER refuse BEFORE INSERT ON vals
	BEGIN SELECT RAISE(ABORT, 'no values here'); END;" || fail "sqlite3"
runs_refusing=$(sqlite3 "$tmp/refusing.sqlite" 'SELECT count(*) FROM runs')
rc=0
"$pk2d" -q -c "$tmp/c/pk2d.ini" --store "$tmp/refusing.sqlite" report -f html,json \
	-o "$tmp/out/refused" 2>"$tmp/err" || rc=$?
[ $rc -eq 1 ] || fail "a failed store transaction: exit status $rc, want 1"
grep -q "^pk2d: history store: $tmp/refusing.sqlite: no values here$" "$tmp/err" ||
	fail "a failed store transaction: $(cat "$tmp/err")"
grep -q '</html>' "$tmp/out/refused.html" && [ -s "$tmp/out/refused.json" ] ||
	fail "a failed store transaction took the reports with it"
[ "$(sqlite3 "$tmp/refusing.sqlite" 'SELECT count(*) FROM runs')" = "$runs_refusing" ] ||
	fail "a failed store transaction changed the run log"
ls "$tmp/out" | grep -q '\.tmp\.' && fail "a failed store transaction left temporary files"

# A report held for the store's commit that cannot be put in place (its name
# is a directory's) is named with the cause once the commit is done; the
# other report appears, the store has the run, and no temporary file stays.
mkdir "$tmp/out/held.json"
runs_held=$(sqlite3 "$tmp/history.sqlite" 'SELECT count(*) FROM runs')
rc=0
"$pk2d" -q -c "$tmp/c/pk2d.ini" report -f html,json -o "$tmp/out/held" 2>"$tmp/err" || rc=$?
[ $rc -eq 1 ] || fail "a held report not put in place: exit status $rc, want 1"
grep -q "^pk2d: $tmp/out/held.json: Is a directory$" "$tmp/err" ||
	fail "a held report not put in place: $(cat "$tmp/err")"
grep -q '</html>' "$tmp/out/held.html" || fail "a held report not put in place took the other"
[ "$(sqlite3 "$tmp/history.sqlite" 'SELECT count(*) FROM runs')" = $((runs_held + 1)) ] ||
	fail "a held report not put in place: the run is not in the store"
ls "$tmp/out" | grep -q '\.tmp\.' && fail "a held report not put in place left its temporary file"
rmdir "$tmp/out/held.json"

# 4. A kecamatan: the summary, every village in one file and with --split.
gen -o "$tmp/dk" -a 63.02.09 -p 2023 --seed 4 --kk 20 --rt 2
mkdir -p "$tmp/k"
config "$tmp/k" 2023 63.02.09 "$tmp/dk"
"$pk2d" -q -c "$tmp/k/pk2d.ini" --store none report -f html,csv -o "$tmp/out/kec" \
	--split "$tmp/split" || fail "kecamatan report"
[ "$(grep -c '^indicator,63.02.09,' "$tmp/out/kec.csv")" -gt 0 ] || fail "kecamatan CSV roll-up"
grep -q 'Ringkasan desa' "$tmp/out/kec.html" || fail "kecamatan summary"
villages=$(grep -c '<section class="area" id="area-63\.02\.09\.[0-9]*">' "$tmp/out/kec.html")
[ "$villages" -ge 2 ] || fail "kecamatan file has $villages village sections"
[ -s "$tmp/split/63.02.09.html" ] && [ -s "$tmp/split/63.02.09.2007.csv" ] || fail "--split files"
[ "$(ls "$tmp/split" | grep -c '^63\.02\.09\.[0-9]*\.html$')" = "$villages" ] ||
	fail "--split: one HTML per village"
grep -q 'href="63.02.09.2007.html"' "$tmp/split/63.02.09.html" || fail "--split summary links"
# A village's split file holds that village only.
grep -q '^indicator,63.02.09.2007,' "$tmp/split/63.02.09.2007.csv" || fail "--split village CSV"
grep -q '^indicator,63.02.09,' "$tmp/split/63.02.09.2007.csv" && fail "--split village CSV has the kecamatan"
grep -q '^indicator,63.02.09.2008,' "$tmp/split/63.02.09.2007.csv" && fail "--split village CSV has a neighbour"
# Without -f, the split files take the format of the file written (its
# name's), and only it; with no file, HTML.
"$pk2d" -q -c "$tmp/k/pk2d.ini" --store none report -o "$tmp/out/kec.txt" \
	--split "$tmp/split-txt" || fail "kecamatan report to kec.txt with --split"
[ -s "$tmp/split-txt/63.02.09.2007.txt" ] || fail "--split without -f: no village text file"
ls "$tmp/split-txt" | grep -qv '\.txt$' && fail "--split without -f: $(ls "$tmp/split-txt")"
"$pk2d" -q -c "$tmp/k/pk2d.ini" --store none report --split "$tmp/split-html" >/dev/null ||
	fail "kecamatan report to standard output with --split"
[ -s "$tmp/split-html/63.02.09.2007.html" ] || fail "--split alone: no village HTML file"

# 5. Bad requests: usage errors exit 2, write nothing.
"$pk2d" -q -c "$tmp/a/pk2d.ini" report -f html,docx -o "$tmp/out/bad" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "unknown format 'docx'" "$tmp/err" || fail "unknown format"
"$pk2d" -q -c "$tmp/a/pk2d.ini" --store none report -f html,csv 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'need a file name' "$tmp/err" || fail "several formats to stdout"
"$pk2d" -q -c "$tmp/a/pk2d.ini" --store none report -o "$tmp/nodir/r.html" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'nodir/r.html' "$tmp/err" || fail "output in a missing directory"
"$pk2d" -q -c "$tmp/a/pk2d.ini" history family.nope 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "no indicator, intervention or score 'family.nope'" "$tmp/err" ||
	fail "history of an unknown id"
"$pk2d" -q -c "$tmp/a/pk2d.ini" history 2>"$tmp/err"
[ $? -eq 2 ] || fail "history without an id"
"$pk2d" -q -c "$tmp/a/pk2d.ini" --store "$tmp/none.sqlite" history family.l1 2>"$tmp/err"
[ $? -eq 1 ] && grep -q 'no history store here' "$tmp/err" || fail "history without a store"
[ -e "$tmp/none.sqlite" ] && fail "history created a store"
[ $failures -eq 0 ] || exit 1
echo "ok"
