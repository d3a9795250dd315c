#!/bin/sh
# A run's accounting end to end on the bundled sample (conf/sample): every
# case of issue 19 that loses rows in silence ends with exit status 1, the
# file named on stderr and the failure at the top of the report; the sample
# itself passes with one summary line; a failed run keeps no figures in the
# history store.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
# The sample with its model, in a folder of its own for each case.
sample() {
	mkdir -p "$tmp/$1/s"
	cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/$1/s/"
	cp -r "$PK2D_TOP_SRCDIR/conf/models" "$tmp/$1/"
	chmod -R u+w "$tmp/$1"
	echo "$tmp/$1/s"
}
# run DIR EXPECTED-STATUS ARGS...: pk2d -c DIR/pk2d.ini ARGS, stderr in DIR/err.
run() {
	dir=$1 want=$2
	shift 2
	rc=0
	pk2d_run -c "$dir/pk2d.ini" "$@" >"$dir/out" 2>"$dir/err" || rc=$?
	[ "$rc" -eq "$want" ] || fail "$dir: pk2d $* exited $rc, not $want: $(cat "$dir/err")"
}

# The sample: exit 0, one line saying every row was used.
d=$(sample ok)
run "$d" 0 report --store "$d/h.sqlite" -f text -o "$d/r.txt" -o "$d/r.html"
has "$d/err" "pk2d: semua "
hasnt "$d/r.txt" "GAGAL"
# The first report into a store already draws its own period in the
# intervention progress.
grep -q 'Kemajuan intervensi' "$d/r.html" || fail "no intervention progress in the first report"
grep -q '<tr><td>2023</td><td class="n">' "$d/r.html" ||
	fail "the progress tables lack the report's own period 2023"
run "$d" 0 -q report --store none -f text -o "$d/r.txt"
[ -s "$d/err" ] && fail "-q on a good run printed: $(cat "$d/err")"
pk2d_run -c "$d/pk2d.ini" history --store "$d/h.sqlite" family.l1 >"$d/hist" 2>&1 ||
	fail "history after the sample: $(cat "$d/hist")"
has "$d/hist" "2023"
# Every id the store holds: the IKK, a dimension, an intervention (its
# unknown budget is "-" as in the report, empty in CSV); a typo gets the
# nearest ids; store = none says that no store is configured.
hist() {
	rc=0
	pk2d_run -c "$d/pk2d.ini" history --store "$d/h.sqlite" "$@" >"$d/hist" 2>&1 || rc=$?
}
hist ikk
[ "$rc" -eq 0 ] || fail "history ikk: $(cat "$d/hist")"
has "$d/hist" "ikk - Indeks Kualitas Keluarga (IKK) - 63.02.09.2007"
grep -Eq '^2023 +[0-9]+,[0-9]{2}$' "$d/hist" || fail "history ikk: no 2023 score: $(cat "$d/hist")"
hist dim.ketahanan_fisik
[ "$rc" -eq 0 ] || fail "history dim.ketahanan_fisik: $(cat "$d/hist")"
hist health.pemantauan_pertumbuhan
grep -Eq '^2023 +203 +169 +83,3 +-$' "$d/hist" || fail "unknown budget not '-': $(cat "$d/hist")"
hist -f csv health.pemantauan_pertumbuhan
has "$d/hist" "2023,203,169,83.25123153,"
hist ikj
[ "$rc" -eq 1 ] || fail "history ikj exited $rc"
has "$d/hist" "the store has no indicator, intervention or score 'ikj'; did you mean ikk?"
hist family.l
has "$d/hist" "did you mean family.l1, family.l2, family.l3?"
sed 's/^period = .*/period = 2023\nstore = none/' "$d/pk2d.ini" >"$d/none.ini"
rc=0
pk2d_run -c "$d/none.ini" history family.l1 >"$d/hist" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "history with store = none exited $rc"
grep -q "^pk2d: $d/none.ini:[0-9]*: store = none: this configuration keeps no history (give --store FILE to read a history store)$" \
	"$d/hist" || fail "store = none: $(cat "$d/hist")"
hasnt "$d/hist" "no history store here"
# Any case of none, and --store none, say the same; --store FILE reads a store.
sed 's/^store = none/store = None/' "$d/none.ini" >"$d/none2.ini"
rc=0
pk2d_run -c "$d/none2.ini" history family.l1 >"$d/hist" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "history with store = None exited $rc"
grep -q "none2.ini:[0-9]*: store = None: this configuration keeps no history" "$d/hist" ||
	fail "store = None: $(cat "$d/hist")"
rc=0
pk2d_run -c "$d/pk2d.ini" --store none history family.l1 >"$d/hist" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "history with --store none exited $rc"
has "$d/hist" "pk2d: --store none: this configuration keeps no history"
rc=0
pk2d_run -c "$d/none.ini" --store "$d/h.sqlite" history ikk >"$d/hist" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || fail "--store FILE over store = none: $(cat "$d/hist")"

# A real kecamatan that is not the data's: every file of every plugin is
# outside the area; the message says which area the data hold.
d=$(sample area)
sed -i 's/^area = .*/area = 63.02.08/' "$d/pk2d.ini"
run "$d" 1 -q report --store none -f text -o "$d/r.txt"
has "$d/err" "run gagal: $d/keluarga.csv: tidak satu pun dari 786 barisnya dapat dipakai, 786 di luar wilayah run 63.02.08 (Kelumpang Hulu); berkas ini berisi 63.02.09 (Kelumpang Tengah)"
has "$d/err" "$d/keluarga.csv:2: outside area: 63.02.09.2007 is not in the run area 63.02.08"
has "$d/err" "$d/intervensi-kesehatan.csv:2: outside area:"
head -8 "$d/r.txt" | grep -q "RUN INI GAGAL" || fail "the text report does not start with the failure"
run "$d" 1 report --store none -f html -o "$d/r.html"
grep -q 'class="failed"' "$d/r.html" || fail "no failure box in the HTML report"

# An area the region table lacks: check and report refuse it at its line,
# with the nearest codes and their names; a new village under a known
# kecamatan is only warned about (and fails on its data: no row is in it).
d=$(sample badarea)
sed -i 's/^area = .*/area = 63.02.99/' "$d/pk2d.ini"
for cmd in check report; do
	run "$d" 1 $cmd
	grep -q "pk2d.ini:[0-9]*: area 63.02.99 is not in the region table .*kode-wilayah.csv; did you mean 63.02.09 (Kelumpang Tengah), 63.02.19 (Pamukan Barat), 63.02.01 (Pulau Sembilan)?" \
		"$d/err" || fail "$cmd: no did-you-mean for 63.02.99: $(cat "$d/err")"
done
sed -i 's/^area = .*/area = 63.02.09.2999/' "$d/pk2d.ini"
run "$d" 0 check
has "$d/err" "area 63.02.09.2999 is not in the region table"
has "$d/err" "(a new village?); did you mean 63.02.09.2001 (Tanjung Batu)"
run "$d" 1 report --store none -f text -o "$d/r.txt"
has "$d/err" "run gagal: $d/keluarga.csv: tidak satu pun dari 786 barisnya dapat dipakai, 786 di luar wilayah run 63.02.09.2999; berkas ini berisi 63.02.09.2007 (Sang-Sang)"

# The same in English (the wrong kecamatan above).
d=$tmp/area/s
sed -i 's/^period = .*/period = 2023\nlanguage = en/' "$d/pk2d.ini"
run "$d" 1 report --store none -f md -o "$d/r.md"
has "$d/err" "the run fails: $d/balita.csv: none of its 259 rows could be used, 259 are outside the run's area 63.02.08 (Kelumpang Hulu); the file holds 63.02.09 (Kelumpang Tengah)"
head -3 "$d/r.md" | grep -q "THIS RUN FAILED" || fail "the Markdown report does not start with the failure"

# period = 2024 on 2023 data: the dated files fail and name the year found;
# the undated survey is the run's period; the history keeps nothing of it.
d=$(sample period)
sed -i 's/^period = .*/period = 2024/' "$d/pk2d.ini"
run "$d" 1 report --store "$d/h.sqlite" -f json -o "$d/r.json"
has "$d/err" "run gagal: $d/balita.csv: 259 dari 259 barisnya di wilayah ini bertanggal di luar periode 2024; sebagian besar dari 2023 (maksudnya period = 2023?)"
has "$d/err" "run gagal: $d/intervensi-kesehatan.csv: 75 dari 75 barisnya"
has "$d/err" "$d/balita.csv:2: outside period: "
hasnt "$d/err" "keluarga.csv"
grep -q '"rule":[[:space:]]*"not_in_period"' "$d/r.json" || fail "JSON: no not_in_period failure"
rc=0
pk2d_run -c "$d/pk2d.ini" history --store "$d/h.sqlite" family.l1 >"$d/hist" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "history of a store holding only a failed run exited $rc: $(cat "$d/hist")"

# A log whose 75 rows are all rejected (ids no plugin declares).
d=$(sample log)
# (line 2's id holds an escape sequence: the summary shows it harmless)
awk -F, -v OFS=, 'NR == 2 { $3 = "nope\033[2J" } NR > 2 { $3 = "nope" } { print }' \
	"$PK2D_TOP_SRCDIR/conf/sample/intervensi-kesehatan.csv" >"$d/intervensi-kesehatan.csv"
run "$d" 1 -q report --store none -f csv -o "$d/r.csv"
has "$d/err" "run gagal: $d/intervensi-kesehatan.csv: tidak satu pun dari 75 barisnya dapat dipakai"
has "$d/err" "$d/intervensi-kesehatan.csv:3: unknown intervention: 'n…' is not declared"
grep -q "intervensi-kesehatan.csv:2: unknown intervention: 'n.*\[2J' is not declared" "$d/err" ||
	fail "no line 2 in the summary: $(cat "$d/err")"
grep -q "$(printf '\033')" "$d/err" && fail "an escape character from the data reached stderr"
has "$d/err" "... 72 baris lagi 'unknown intervention' (ditolak)"
sed -n 2p "$d/r.csv" | grep -q '^run_failure,.*,nothing_used' || fail "CSV: no run_failure first"

# max_rejected: one bad row of 786 in the survey is 0.13 %: fails at 0.1,
# passes at 0.13 (the share is rounded in messages, not in the rule).
d=$(sample share)
sed -i '3s/^\([^,;]*[,;]\)[^,;]*/\1/' "$d/keluarga.csv"
sed -i 's/^period = .*/period = 2023\nmax_rejected = 0.1/' "$d/pk2d.ini"
run "$d" 1 report --store none -f text -o "$d/r.txt"
has "$d/err" "$d/keluarga.csv:3: "
has "$d/err" "run gagal: $d/keluarga.csv: 0,1 % barisnya di wilayah dan periode run ditolak, melebihi max_rejected = 0,1 %"
sed -i 's/^max_rejected = .*/max_rejected = 0,2%/' "$d/pk2d.ini"
run "$d" 0 report --store none -f text -o "$d/r.txt"
has "$d/r.txt" "Baris yang tidak dipakai: 1 dari"
sed -i 's/^max_rejected = .*/max_rejected = 101/' "$d/pk2d.ini"
run "$d" 1 check
grep -q "pk2d.ini:[0-9]*: max_rejected '101' is not a percentage from 0 to 100" "$d/err" ||
	fail "no message for max_rejected = 101: $(cat "$d/err")"

[ "$failures" -eq 0 ] || exit 1
echo "accounting end-to-end test passed"
