#!/bin/sh
# A plugin's input read in parts (pk2d_plugin.parts_input): a synthetic
# kecamatan with dirty rows (rejected, noted, repeated and duplicated rows,
# bad areas), its files sorted by village so that they are grouped, read by
# the family and health plugins in one part and in many (PK2D_PART_BYTES),
# with one and two jobs, gives the same JSON and text reports (timings
# aside), the same summary on stderr, and byte for byte the same output
# files of the health plugin (the per-child file and the by-name follow-up
# list). A file that is not grouped is read in one part. A part that fails
# fails its instance, and leaves no output file and no part's file behind.
# The parts start while the split still reads the files: with the split
# held back at its end (PK2D_TEST_SPLIT_HOLD) until a part has ended, the
# results are the same; so they are when the file then turns out not
# grouped (the parts started are dropped, the file read in one part), and
# when the split's process is killed (the file read in one part).
set -u
pk2d=${PK2D_VALGRIND:-}" $PK2D_TOP_BUILDDIR/src/pk2d"
synth="$PK2D_TOP_BUILDDIR/synth/pk2d-synth"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"

d="$tmp/d"
"$synth" --data "$PK2D_DATA_DIR" -q --area 63.02.09 --kk-mean 60 --dirty 0.05 --seed 7 \
	--plugins family,health -o "$d" || { echo "FAIL: pk2d-synth"; exit 1; }
# Grouped by village: the dirty rows stay, each in a village's block (a
# misplaced row joins its village; a malformed code is a block of its own).
regroup() { # FILE SEPARATOR COLUMN
	{ head -n 1 "$1"; tail -n +2 "$1" | LC_ALL=C sort -s -t "$2" -k "$3,$3"; } > "$1.new" &&
		mv "$1.new" "$1"
}
regroup "$d/keluarga.csv" , 2
regroup "$d/balita.csv" ';' 7
mkdir "$d/models"
cp "$PK2D_TOP_SRCDIR/conf/models/"*.ini "$d/models/"
sed -i 's/^\[pk2d\]$/[pk2d]\nmax_rejected = 50/' "$d/pk2d.ini"
printf 'children_output = anak.csv\nfollowup_output = tindak-lanjut.csv\n' >> "$d/pk2d.ini"

# run NAME PART_BYTES ARGS...: the reports NAME.json and NAME.txt, the
# health outputs copied to NAME.anak.csv and NAME.tl.csv, stderr NAME.err.
run() {
	name=$1
	bytes=$2
	shift 2
	rm -f "$d/anak.csv" "$d/tindak-lanjut.csv"
	# shellcheck disable=SC2086
	PK2D_PART_BYTES=$bytes $pk2d -c "$d/pk2d.ini" --store none "$@" report -f json,text \
		-o "$tmp/$name" 2> "$tmp/$name.err"
	rc=$?
	[ "$rc" -eq 0 ] || fail "$name: exit status $rc: $(cat "$tmp/$name.err")"
	cp "$d/anak.csv" "$tmp/$name.anak.csv" 2>/dev/null
	cp "$d/tindak-lanjut.csv" "$tmp/$name.tl.csv" 2>/dev/null
	ls "$d" | grep -q '\.part[0-9]' && fail "$name: a part's file was left: $(ls "$d")"
}
# The reports without the plugins' times.
timeless() {
	sed -e '/"seconds":/d' -e 's/[0-9]*,[0-9]* s \[/- s [/' "$1"
}
same_output() { # NAME OTHER: the reports and output files
	for x in json txt; do
		timeless "$tmp/$1.$x" > "$tmp/a" && timeless "$tmp/$2.$x" > "$tmp/b"
		cmp -s "$tmp/a" "$tmp/b" || fail "$2.$x differs from $1.$x: $(diff "$tmp/a" "$tmp/b" | head -20)"
	done
	for x in anak.csv tl.csv; do
		cmp -s "$tmp/$1.$x" "$tmp/$2.$x" || fail "$2.$x differs from $1.$x"
	done
}
same() { # NAME OTHER: the same and the same summary on stderr
	same_output "$1" "$2"
	cmp -s "$tmp/$1.err" "$tmp/$2.err" || fail "$2.err differs from $1.err"
}
# wait_for FILE TEXT: until FILE holds TEXT (60 s at most).
wait_for() {
	i=0
	until grep -qF -- "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -lt 600 ] || { fail "no '$2' in $1 after 60 s: $(cat "$1")"; return 1; }
		sleep 0.1
	done
}
# held NAME TEXT [ACTION]: as run NAME 3000 -vv in the background, the
# splits held back at their end until its stderr holds TEXT; then ACTION
# (shell code, may read $tmp/NAME.err), and the splits let go.
held() {
	name=$1
	rm -f "$d/anak.csv" "$d/tindak-lanjut.csv"
	: > "$tmp/hold"
	# shellcheck disable=SC2086
	PK2D_TEST_SPLIT_HOLD="$tmp/hold" PK2D_PART_BYTES=3000 $pk2d -c "$d/pk2d.ini" \
		--store none -vv report -f json,text -o "$tmp/$name" 2> "$tmp/$name.err" &
	pid=$!
	wait_for "$tmp/$name.err" "$2"
	eval "${3:-:}"
	rm -f "$tmp/hold"
	wait "$pid"
	rc=$?
	[ "$rc" -eq 0 ] || fail "$name: exit status $rc: $(cat "$tmp/$name.err")"
	cp "$d/anak.csv" "$tmp/$name.anak.csv" 2>/dev/null
	cp "$d/tindak-lanjut.csv" "$tmp/$name.tl.csv" 2>/dev/null
	ls "$d" | grep -q '\.part[0-9]' && fail "$name: a part's file was left: $(ls "$d")"
}

run one 100000000000
test -s "$tmp/one.tl.csv" || fail "no follow-up list"
grep -q 'ditolak' "$tmp/one.err" || fail "the set has no rejected rows: $(cat "$tmp/one.err")"
run many 3000 -vv
grep -q 'family: part 2 of [0-9]* started' "$tmp/many.err" &&
	grep -q 'health: part 2 of [0-9]* started' "$tmp/many.err" ||
	fail "not read in parts: $(cat "$tmp/many.err")"
run many2 3000 -j 2
same one many2
run many1 5000 -j 1
same one many1

# Parts that ended before the split did, held, then taken as they are.
held early 'health: part 1 ended, held until the split ends'
has "$tmp/early.err" 'balita.csv: read in'
grep -q 'health: part 2 of [0-9]* started' "$tmp/early.err" || fail "early: not in parts"
same_output one early
# The split's process killed: that file is read in one part.
held killed 'family: part 1 ended, held until the split ends' \
	'kill -9 $(sed -n "s/^pk2d: family: .*keluarga.csv: split by pid \([0-9]*\)$/\1/p" "$tmp/killed.err")'
has "$tmp/killed.err" 'keluarga.csv: read in one part: the process that read it ended early'
has "$tmp/killed.err" 'family: part 1 dropped'
same_output one killed

# A file that is not grouped (one row of the first village moved to the
# end) is read in one part, with the same result as before it moved.
line=$(sed -n 2p "$d/balita.csv")
{ sed '2d' "$d/balita.csv"; printf '%s\n' "$line"; } > "$d/b.csv" && mv "$d/b.csv" "$d/balita.csv"
run moved 3000 -vv
has "$tmp/moved.err" 'balita.csv: read in one part'
grep -q 'health: failed\|family: part [0-9]* of [0-9]*: ' "$tmp/moved.err" && fail "moved: $(cat "$tmp/moved.err")"
grep -q 'family: part 2 of' "$tmp/moved.err" || fail "family no longer read in parts"
# ... also when the split finds it out after parts of it ended.
held moved_late 'health: part 1 ended, held until the split ends'
has "$tmp/moved_late.err" 'balita.csv: read in one part'
has "$tmp/moved_late.err" 'health: part 1 dropped'
same_output moved moved_late

# A part that fails (its share of anak.csv cannot be put in place, a folder
# has the name) fails the instance, naming the part; the other parts'
# files are removed and no output file is written.
regroup "$d/balita.csv" ';' 7
mkdir "$d/anak.csv.part1"
rm -f "$d/anak.csv" "$d/tindak-lanjut.csv"
# shellcheck disable=SC2086
PK2D_PART_BYTES=3000 $pk2d -c "$d/pk2d.ini" --store none report -f json -o "$tmp/t.json" \
	2> "$tmp/t.err"
rc=$?
[ "$rc" -eq 1 ] || fail "a failed part: exit status $rc"
grep -q 'health: failed: part 2 of [0-9]*: collect returned -4' "$tmp/t.err" ||
	fail "no part's failure: $(cat "$tmp/t.err")"
rmdir "$d/anak.csv.part1"
ls "$d" | grep -q -e '\.part[0-9]' -e '^anak.csv$' -e '^tindak-lanjut.csv$' &&
	fail "files left by a failed part: $(ls "$d")"

[ "$failures" -eq 0 ] || exit 1
echo "parts: ok"
