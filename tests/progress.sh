#!/bin/sh
# The progress of a run through the built pk2d: on a terminal (a
# pseudo-terminal from script(1)) a block redrawn in place with how far each
# running plugin has read its file, then the phases; with -v on a pipe plain
# lines; with -q nothing, except what made a run fail. The slow test plugin
# pauses 0.5 s per row of good.csv's 4, so the run outlasts the 1 s before
# the block is first drawn.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
data=$(cd "$PK2D_TOP_SRCDIR/tests/data" && pwd)/good.csv
model=$(cd "$PK2D_TOP_SRCDIR/conf/models" && pwd)/ikk.ini
command -v script >/dev/null || { echo "SKIP: no script(1)"; exit 77; }

# good.csv has 1 unreadable row of 4 on purpose (max_rejected = 25).
printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmax_rejected = 25\nmodel = %s\n' "$model" \
	>"$tmp/ok.ini"
printf '[plugin.slow]\ndata = %s\n' "$data" >>"$tmp/ok.ini"

# A terminal: the block's first line ended by a clear to its end, the file
# line of the running plugin below it, a redraw that goes one line up, then
# the phases, each drawn over the last. (grep -F takes a pattern with a
# newline for two patterns: none of these has one.)
script -qec "'$pk2d' -c '$tmp/ok.ini' report -f json -o '$tmp/tty.json'" /dev/null \
	>"$tmp/tty" </dev/null || fail "the run on a terminal failed"
has "$tmp/tty" "$(printf '\rplugins: 0/1 done (slow running, 1.')"
has "$tmp/tty" "$(printf '\033[K\r')"
has "$tmp/tty" "  slow: good.csv: 0.2 of 0.2 kB (100%), "
has "$tmp/tty" "$(printf '\033[1A\rplugins: 0/1 done (slow running, 1.')"
has "$tmp/tty" "$(printf '\rroll-up\033[J')"
has "$tmp/tty" "$(printf "\\rwriting $tmp/tty.json\\033[J")"
# Blanked at the end: the summary line starts on a clean line.
has "$tmp/tty" "$(printf '\r\033[Jpk2d: 1 dari 4 baris tidak dipakai')"
test -s "$tmp/tty.json" || fail "no report from the run on a terminal"

# A pipe with -v: a line per file read, and one per phase.
"$pk2d" -v -c "$tmp/ok.ini" report -f json -o "$tmp/v.json" 2>"$tmp/v" ||
	fail "the run with -v failed"
has "$tmp/v" "pk2d: slow: good.csv: 0.2 of 0.2 kB (100%), 4 rows"
has "$tmp/v" "pk2d: roll-up"
has "$tmp/v" "pk2d: assessment"
has "$tmp/v" "pk2d: writing $tmp/v.json"
hasnt "$tmp/v" "$(printf '\r')"

# A file read in parts (PK2D_PART_BYTES: a synthetic kecamatan's survey in
# about ten parts) shows as one file: its rows and bytes never go back from
# one line to the next, and its last line is the whole file.
"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --area 63.02.09 --seed 2 \
	--plugins family -o "$tmp/k" || fail "pk2d-synth"
size=$(wc -c <"$tmp/k/keluarga.csv")
rows=$(($(wc -l <"$tmp/k/keluarga.csv") - 1))
PK2D_PART_BYTES=$((size / 10)) "$pk2d" -vv -c "$tmp/k/pk2d.ini" --store none report -f text \
	-o "$tmp/k.txt" 2>"$tmp/parts" || fail "the run in parts failed"
grep -q 'keluarga.csv: read in [0-9]* parts' "$tmp/parts" ||
	fail "the survey was not read in parts: $(head -5 "$tmp/parts")"
grep 'family: keluarga.csv: ' "$tmp/parts" >"$tmp/lines"
awk '{ r = $(NF - 1); b = $4 } NR > 1 && (r < lr || b < lb) { print "back: " $0; bad = 1 }
	{ lr = r; lb = b } END { exit bad }' "$tmp/lines" ||
	fail "the rows or bytes of a file read in parts went back: $(cat "$tmp/lines")"
last=$(tail -n 1 "$tmp/lines")
case $last in
*"(100%), $rows rows") ;;
*) fail "the last line of the survey is not the whole file ($rows rows): $last" ;;
esac

# A site's pages counted as they are written (a kabupaten, Kotabaru, 63.02:
# 217 pages): said from the second page on, then redrawn when due.
"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --area 63.02 --seed 2 --kk 5 \
	--rt 2 --plugins family --model "$model" -o "$tmp/kab" || fail "pk2d-synth"
script -qec "'$pk2d' -c '$tmp/kab/pk2d.ini' --store none report --site '$tmp/site'" /dev/null \
	>"$tmp/site.tty" </dev/null || fail "the site's run on a terminal failed"
tr '\r' '\n' <"$tmp/site.tty" | grep -aqE "writing the site $tmp/site: [0-9]+ pages" ||
	fail "no count of the site's pages: $(tr '\r' '\n' <"$tmp/site.tty" | cat -A | tail -5)"

# A pipe without -v: no progress at all.
"$pk2d" -c "$tmp/ok.ini" report -f json -o "$tmp/plain.json" 2>"$tmp/plain" ||
	fail "the run without -v failed"
hasnt "$tmp/plain" "roll-up"
hasnt "$tmp/plain" "good.csv: 0.2"

# -q, on a terminal too: nothing for a run that went well; a failed run
# still says why.
script -qec "'$pk2d' -q -c '$tmp/ok.ini' report -f json -o '$tmp/q.json'" /dev/null \
	>"$tmp/q" </dev/null || fail "the run with -q failed"
test ! -s "$tmp/q" || { cat -A "$tmp/q"; fail "-q printed something"; }
printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmax_rejected = 24.9\n[plugin.slow]\ndata = %s\n' \
	"$data" >"$tmp/strict.ini"
rc=0
script -qec "'$pk2d' -q -c '$tmp/strict.ini' report -f json -o '$tmp/f.json'" /dev/null \
	>"$tmp/fq" </dev/null || rc=$?
test "$rc" -eq 1 || fail "the failed run with -q: exit status $rc, want 1"
has "$tmp/fq" "melebihi max_rejected = 24,9 %"
hasnt "$tmp/fq" "plugins: "
hasnt "$tmp/fq" "roll-up"
[ "$failures" -eq 0 ] || exit 1
echo "PASS: progress"
