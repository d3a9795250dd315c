#!/bin/sh
# End to end: a run stopped by SIGTERM, SIGINT or SIGHUP at several moments
# (plugins running, a report file half done, a workbook being built, inside
# the store's transaction) removes every temporary file it made, kills its
# children and ends with status 128 + signal; a run killed with SIGKILL
# leaves its temporary files, and the next run removes them, but never one
# whose writer may still be at work (its process runs, or its lock is held).
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
out=$tmp/out
TMPDIR=$tmp/tmpdir
export TMPDIR
mkdir "$out" "$TMPDIR"

. "$PK2D_TOP_SRCDIR/tests/family_run.sh"
family_run "$tmp" "$tmp/history.sqlite" || exit 1
# The same with a plugin that hangs in collect.
{ cat "$tmp/pk2d.ini"; printf '[plugin.hang]\ntimeout = 60\n'; } >"$tmp/hang.ini"

# clean: nothing of pk2d's left in the output folder or TMPDIR.
clean() {
	left=$(ls -A "$out" "$TMPDIR" | grep -E '\.tmp\.|pk2d-xlsx' || true)
	test -z "$left" || fail "$1: left behind: $left"
}
# stop SIGNAL STATUS WHAT ARGS...: starts pk2d ARGS, waits until it is at
# WHAT (a file named by a test pause appears, or "children": a child runs),
# sends SIGNAL and checks the status.
stop() {
	sig=$1 want=$2 at=$3
	shift 3
	rm -f "$tmp/at"
	"$pk2d" -q "$@" 2>"$tmp/err" &
	pid=$!
	n=0
	until if [ "$at" = children ]; then pgrep -P $pid >/dev/null; else test -e "$tmp/at"; fi; do
		n=$((n + 1))
		test $n -lt 300 || { kill -KILL $pid; fail "$sig at $at: pk2d never got there"; }
		kill -0 $pid 2>/dev/null || { cat "$tmp/err"; fail "$sig at $at: pk2d ended early"; }
		sleep 0.1
	done
	kids=$(pgrep -P $pid || true)
	kill -"$sig" $pid
	rc=0
	wait $pid || rc=$?
	test $rc -eq "$want" || { cat "$tmp/err"; fail "$sig at $at: exit status $rc, want $want"; }
	for k in $kids; do
		n=0
		while kill -0 "$k" 2>/dev/null; do
			n=$((n + 1))
			test $n -lt 50 || fail "$sig at $at: child $k still runs"
			sleep 0.1
		done
	done
}

stop TERM 143 children -c "$tmp/hang.ini" report -f json -o "$out/r.json"
clean "SIGTERM while plugins run"
PK2D_TEST_PAUSE=report:$tmp/at stop TERM 143 report -c "$tmp/pk2d.ini" report -f text \
	-o "$out/r.txt"
clean "SIGTERM with the text report half done"
PK2D_TEST_PAUSE=report:$tmp/at stop HUP 129 report -c "$tmp/pk2d.ini" report -f html \
	-o "$out/r.html"
clean "SIGHUP with the HTML report half done"
PK2D_TEST_PAUSE=xlsx:$tmp/at stop INT 130 xlsx -c "$tmp/pk2d.ini" report -f xlsx \
	-o "$out/r.xlsx"
clean "SIGINT while the workbook is built"
PK2D_TEST_STORE_PAUSE=$tmp/at stop TERM 143 store -c "$tmp/pk2d.ini" report -f json \
	-o "$out/r.json"
clean "SIGTERM inside the store's transaction"
test ! -e "$out/r.json" || fail "a report written by a stopped run"
# The store's rollback journal is SQLite's, and the next run undoes it.
"$pk2d" -q -c "$tmp/pk2d.ini" report -f json -o "$out/r.json" || fail "run after the stops"
"$pk2d" -q -c "$tmp/pk2d.ini" history family.l1 >/dev/null || fail "history after the stops"
rm -f "$out/r.json"
# A report to standard output cannot wait for the commit: the store is
# written first, so nothing is printed while its transaction is paused (half
# a second, for a report written beside it to show), nor by the stopped run.
rm -f "$tmp/at"
PK2D_TEST_STORE_PAUSE=$tmp/at "$pk2d" -q -c "$tmp/pk2d.ini" report -f text >"$tmp/stdout" \
	2>"$tmp/err" &
pid=$!
n=0
until test -e "$tmp/at"; do
	n=$((n + 1))
	test $n -lt 300 || { kill -KILL $pid; fail "the store's pause never came"; }
	sleep 0.1
done
sleep 0.5
test ! -s "$tmp/stdout" || { kill -KILL $pid; fail "a report printed before the store's commit"; }
kill -TERM $pid
rc=0
wait $pid || rc=$?
test $rc -eq 143 || { cat "$tmp/err"; fail "stdout report stopped in the store: status $rc"; }
test ! -s "$tmp/stdout" || fail "a report printed by a run stopped inside the store's transaction"
clean "SIGTERM inside the store's transaction, the report to standard output"

# SIGKILL leaves the files; the next run removes those whose writer is gone,
# as soon as it writes into the same folder.
PK2D_TEST_PAUSE=report:$tmp/at stop KILL 137 report -c "$tmp/pk2d.ini" report -f json \
	-o "$out/r.json"
ls "$out" | grep -q '^r\.json\.tmp\.[0-9]*\.[A-Za-z0-9]\{6\}$' || fail "SIGKILL left no r.json temporary file"
PK2D_TEST_PAUSE=xlsx:$tmp/at stop KILL 137 xlsx -c "$tmp/pk2d.ini" report -f xlsx \
	-o "$out/r.xlsx"
left=$(ls -A "$out" "$TMPDIR" | grep -E '\.tmp\.|pk2d-xlsx' | sed 's/\.tmp\..*//' | sort | tr '\n' ' ')
test "$left" = "pk2d-xlsx r.xlsx " || fail "after two SIGKILLs: $left (the second run removes the first's)"
# Beside them: a file of a run still at work (this shell's pid), one whose
# process is gone but whose lock a process holds, and someone else's file.
sh -c ':' & gone=$!
wait $gone
: >"$out/a.csv.tmp.$$.AbC123"
: >"$out/b.csv.tmp.$gone.AbC123"
flock "$out/b.csv.tmp.$gone.AbC123" sleep 30 &
holder=$!
: >"$TMPDIR/other.tmp.$gone.AbC123"
# Until the holder has the lock.
while flock -n "$out/b.csv.tmp.$gone.AbC123" true; do sleep 0.1; done
"$pk2d" -q -c "$tmp/pk2d.ini" report -f json,xlsx -o "$out/r.json" -o "$out/r.xlsx" ||
	fail "run after SIGKILL"
kill $holder 2>/dev/null || true
left=$(ls -A "$out" "$TMPDIR" | grep -E '\.tmp\.|pk2d-xlsx' | sort | tr '\n' ' ')
test "$left" = "a.csv.tmp.$$.AbC123 b.csv.tmp.$gone.AbC123 other.tmp.$gone.AbC123 " ||
	fail "after SIGKILL the next run left: $left"
echo "stop: ok"
