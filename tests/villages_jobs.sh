#!/bin/sh
# The villages of a wide run assessed by several threads (assess_many.c)
# and rendered by several threads (villages_out.h): a synthetic
# kecamatan's text, JSON, Markdown and HTML reports
# are the same, timings aside, with one job, two, five and more jobs than
# villages, to a file and to standard output; the threads render every
# village once, in chunks (the -vv lines say which thread each); a chunk
# whose thread fails (PK2D_TEST_VILLAGES_FAIL) is rendered again by the
# writer, and without threads the writer renders them all, and the report is
# still the same; a write of a chunk that fails fails the report; under
# valgrind too.
set -u
pk2d=${PK2D_VALGRIND:-}" $PK2D_TOP_BUILDDIR/src/pk2d"
synth="$PK2D_TOP_BUILDDIR/synth/pk2d-synth"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"

d="$tmp/d"
"$synth" --data "$PK2D_DATA_DIR" -q --area 63.02.09 --kk 25 --seed 5 \
	--plugins family,health -o "$d" || { echo "FAIL: pk2d-synth"; exit 1; }
mkdir "$d/models"
cp "$PK2D_TOP_SRCDIR/conf/models/"*.ini "$d/models/"

# run NAME JOBS [ENV...]: the reports NAME.txt, .json, .md and .html,
# -vv's lines in NAME.err.
run() {
	name=$1
	jobs=$2
	shift 2
	# shellcheck disable=SC2086
	env "$@" $pk2d -vv -j "$jobs" -c "$d/pk2d.ini" --store none report -f text,json,md,html \
		-o "$tmp/$name.txt" 2> "$tmp/$name.err"
	rc=$?
	[ "$rc" -eq 0 ] || fail "$name: exit status $rc: $(tail -5 "$tmp/$name.err")"
}
timeless() {
	sed -e '/"seconds":/d' -e 's/[0-9]*,[0-9]* s \[/- s [/' \
		-e 's|<td class="n">[0-9]*,[0-9]*</td></tr>|<td>-</td></tr>|' "$1"
}
same() { # NAME: its reports are those of one job
	for x in txt json md html; do
		timeless "$tmp/one.$x" > "$tmp/a" && timeless "$tmp/$1.$x" > "$tmp/b"
		cmp -s "$tmp/a" "$tmp/b" || fail "$1.$x differs: $(diff "$tmp/a" "$tmp/b" | head -10)"
	done
}

run one 1
villages=$(grep -c '^######## ' "$tmp/one.txt")
[ "$villages" -ge 10 ] || fail "the kecamatan has $villages villages in its report"
hasnt "$tmp/one.err" "rendered by thread"

# rendered NAME JOBS: with JOBS jobs the reports are the same, and in each
# of the 4 reports every village is rendered once by one of JOBS threads,
# none again by the writer.
rendered() {
	run "$1" "$2"
	same "$1"
	grep 'rendered by thread' "$tmp/$1.err" > "$tmp/$1.chunks"
	covered=$(sed 's/.*villages \([0-9]*\) to \([0-9]*\) of \([0-9]*\).*/\1 \2 \3/' \
		"$tmp/$1.chunks" | awk -v n="$villages" '$3 != n { bad = 1 }
			{ for (i = $1; i <= $2; i++) seen[i]++ }
			END { for (i = 1; i <= n; i++) if (seen[i] != 4) bad = 1; print bad ? "no" : "yes" }')
	[ "$covered" = yes ] || fail "$1: the villages are not each rendered once: $(cat "$tmp/$1.chunks")"
	most=$(sed 's/.*thread //' "$tmp/$1.chunks" | sort -n | tail -1)
	[ "$most" -ge 1 ] && [ "$most" -le "$2" ] || fail "$1: a thread $most of $2"
	hasnt "$tmp/$1.err" "rendered again here"
}
rendered two 2
rendered five 5
rendered many 64

run failed 3 PK2D_TEST_VILLAGES_FAIL=1
same failed
# Chunk 1 is village 2 (one village a chunk here), in each of the 4 reports.
[ "$(grep -c "villages 2 to 2 of $villages: thread [0-9]* failed, rendered again here" \
	"$tmp/failed.err")" -eq 4 ] || fail "the failed chunk: $(grep villages "$tmp/failed.err")"

run no_threads 3 PK2D_TEST_VILLAGES_FAIL=start
same no_threads
[ "$(grep -c "villages 1 to $villages: no thread could be started, rendered here" \
	"$tmp/no_threads.err")" -eq 4 ] || fail "without threads: $(grep villages "$tmp/no_threads.err")"
hasnt "$tmp/no_threads.err" "rendered by thread"

# To standard output (a pipe): the threads' villages written through.
# shellcheck disable=SC2086
$pk2d -j 3 -c "$d/pk2d.ini" --store none report -f text -o - 2> "$tmp/pipe.err" |
	cat > "$tmp/pipe.txt"
timeless "$tmp/one.txt" > "$tmp/a" && timeless "$tmp/pipe.txt" > "$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || fail "to a pipe: $(diff "$tmp/a" "$tmp/b" | head -10)"

# Under valgrind, whose threads take turns: the same reports, no error.
# (Not with ASan, which valgrind cannot run, nor when the whole suite runs
# under valgrind already.)
if [ -n "${PK2D_VALGRIND:-}" ] || ldd "$PK2D_TOP_BUILDDIR/src/pk2d" 2>/dev/null | grep -q libasan; then
	:
elif command -v valgrind > /dev/null; then
	PK2D_NO_DLCLOSE=1 valgrind -q --error-exitcode=99 --trace-children=yes \
		"$PK2D_TOP_BUILDDIR/src/pk2d" -vv -j 2 -c "$d/pk2d.ini" --store none \
		report -f text,json,md,html -o "$tmp/vg.txt" 2> "$tmp/vg.err" ||
		fail "under valgrind: $(grep -v '^pk2d: ' "$tmp/vg.err" | head -10)"
	same vg
else
	fail "valgrind needed (tools/setup-debian.sh --tests)"
fi

# A chunk's write that fails (PK2D_TEST_VILLAGES_FAIL=copy:1) fails the
# report, in every format, and leaves no file.
mkdir "$tmp/copy"
for f in text json md html; do
	rc=0
	# shellcheck disable=SC2086
	env PK2D_TEST_VILLAGES_FAIL=copy:1 $pk2d -j 2 -c "$d/pk2d.ini" --store none report -f $f \
		-o "$tmp/copy/r.$f" 2> "$tmp/copy.err" || rc=$?
	[ "$rc" -eq 1 ] || fail "$f: a failed copy: exit status $rc: $(cat "$tmp/copy.err")"
	has "$tmp/copy.err" "r.$f: Input/output error"
done
[ -z "$(ls -A "$tmp/copy")" ] || fail "a failed copy left: $(ls -A "$tmp/copy")"

# A report that reaches its file's size limit while the threads' villages
# are written into it (prlimit, SIGXFSZ ignored, so that the write fails
# with EFBIG): exit status 1, the cause named, no file left.
total=$(wc -c < "$tmp/one.json")
at=$(grep -b '^{"code":' "$tmp/one.json" | sed -n "$((villages / 2 + 1))p" | cut -d: -f1)
limit=$((at + 1024))
if [ "$limit" -ge "$total" ]; then
	fail "the size limit $limit does not fall among the villages ($at..$total)"
fi
mkdir "$tmp/big"
rc=0
# shellcheck disable=SC2086
(trap '' XFSZ && exec prlimit --fsize="$limit" $pk2d -j 2 -c "$d/pk2d.ini" --store none \
	report -f json -o "$tmp/big/r.json") 2> "$tmp/big.err" || rc=$?
[ "$rc" -eq 1 ] || fail "over the size limit: exit status $rc: $(cat "$tmp/big.err")"
has "$tmp/big.err" "r.json: File too large"
[ -z "$(ls -A "$tmp/big")" ] || fail "over the size limit, left: $(ls -A "$tmp/big")"

[ "$failures" -eq 0 ] || exit 1
