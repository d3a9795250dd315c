#!/bin/sh
# The villages of a wide run assessed by several threads (assess_many.c)
# and rendered by several processes (villages_out.h): a synthetic
# kecamatan's text, JSON, Markdown and HTML reports
# are the same, timings aside, with one job, two, five and more jobs than
# villages, to a file and to standard output; the extra processes do render
# (the -vv lines say which); a process that fails (PK2D_TEST_VILLAGES_FAIL)
# or cannot write its temporary file (TMPDIR missing) leaves its villages
# to the parent, and the report is still the same; a copy that fails fails
# the report; under valgrind too.
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
hasnt "$tmp/one.err" "rendered by process"

# rendered NAME JOBS N: with JOBS jobs the reports are the same, N runs of
# villages (4 reports' worth) rendered by processes of their own, none again.
rendered() {
	run "$1" "$2"
	same "$1"
	n=$(grep -c 'rendered by process' "$tmp/$1.err")
	[ "$n" -eq "$3" ] || fail "$1: $n runs rendered by processes, not $3: $(grep villages "$tmp/$1.err")"
	hasnt "$tmp/$1.err" "rendered here"
}
rendered two 2 4
has "$tmp/two.err" "villages $((villages / 2 + 1)) to $villages: rendered by process"
rendered five 5 16
# More jobs than villages: a process per village but the first.
rendered many 64 $((4 * (villages - 1)))

run failed 3 PK2D_TEST_VILLAGES_FAIL=1
same failed
has "$tmp/failed.err" "of $villages: no process rendered them, rendered here"
[ "$(grep -c 'rendered here' "$tmp/failed.err")" -eq 4 ] ||
	fail "the failed process's villages: $(grep villages "$tmp/failed.err")"

run no_tmp 3 TMPDIR="$tmp/missing"
same no_tmp
[ "$(grep -c 'rendered here' "$tmp/no_tmp.err")" -eq 8 ] ||
	fail "without a temporary folder: $(grep villages "$tmp/no_tmp.err")"

# To standard output (a pipe): the processes' villages copied through.
# shellcheck disable=SC2086
$pk2d -j 3 -c "$d/pk2d.ini" --store none report -f text -o - 2> "$tmp/pipe.err" |
	cat > "$tmp/pipe.txt"
timeless "$tmp/one.txt" > "$tmp/a" && timeless "$tmp/pipe.txt" > "$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || fail "to a pipe: $(diff "$tmp/a" "$tmp/b" | head -10)"

# Under valgrind a process flushes the stdio buffers it inherited when it
# ends (__libc_freeres), even by _exit(): the rendering processes must find
# none of the report's there, or a copy of it lands inside the report.
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

# A copy that fails (PK2D_TEST_VILLAGES_FAIL=copy:1) fails the report, in
# every format, though what follows it is written.
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

# A report that reaches its file's size limit while the parent copies the
# second process's villages into it (prlimit, SIGXFSZ ignored, so that the
# write fails with EFBIG): exit status 1, the cause named, no file left.
total=$(wc -c < "$tmp/one.json")
at=$(grep -b '^{"code":' "$tmp/one.json" | sed -n "$((villages / 2 + 1))p" | cut -d: -f1)
limit=$((at + 1024))
if [ $((total - at)) -ge "$limit" ] || [ "$limit" -ge "$total" ]; then
	fail "the size limit $limit does not fall in the copy of $at..$total"
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
