#!/bin/sh
# Row order never changes a number: every input of the sample and of a
# synthetic kecamatan with dirty rows and duplicated identifiers, reordered
# (shuffled with several seeds, backwards, two halves interleaved, sorted
# by the last column), gives the JSON report of the files as written
# (grouped by village), timings and the problems' examples (their lines)
# left out. tests/row_order.py reorders and compares.
set -u
pk2d=${PK2D_VALGRIND:-}" $PK2D_TOP_BUILDDIR/src/pk2d"
synth="$PK2D_TOP_BUILDDIR/synth/pk2d-synth"
helper="$PK2D_TOP_SRCDIR/tests/row_order.py"
command -v python3 > /dev/null || { echo "FAIL: python3 needed (tools/setup-debian.sh)"; exit 1; }
. "$PK2D_TOP_SRCDIR/tests/lib.sh"

# Runs the data set in $1 (its pk2d.ini) into the JSON report $2.
report() {
	# shellcheck disable=SC2086
	TMPDIR="$tmp/spill" $pk2d -q -c "$1/pk2d.ini" report --store none -f json -o "$2" \
		2> "$2.log"
	rc=$?
	[ "$rc" -le 1 ] || fail "$1: exit status $rc: $(cat "$2.log")"
	ls "$tmp/spill" | grep -q . && fail "$1: a temporary file was left in TMPDIR"
}

# Checks the data set $1 (a folder with pk2d.ini) in the orders that follow.
check_orders() {
	name=$1
	shift
	cp -r "$tmp/$name" "$tmp/$name.orig"
	report "$tmp/$name" "$tmp/$name.ref.json"
	for order in "$@"; do
		rm -rf "$tmp/$name" && cp -r "$tmp/$name.orig" "$tmp/$name"
		# shellcheck disable=SC2086
		python3 "$helper" reorder "$tmp/$name" $order || fail "reordering $name"
		report "$tmp/$name" "$tmp/$name.out.json"
		python3 "$helper" compare "$tmp/$name.ref.json" "$tmp/$name.out.json" \
			> "$tmp/diff" || fail "$name, $order: the report differs: $(cat "$tmp/diff")"
	done
}

mkdir "$tmp/spill" "$tmp/models"
cp "$PK2D_TOP_SRCDIR/conf/models/"*.ini "$tmp/models/"
cp -r "$PK2D_TOP_SRCDIR/conf/sample" "$tmp/sample"
check_orders sample "shuffle 1" "interleave 0" "last-column 0"

"$synth" --data "$PK2D_DATA_DIR" -q --area 63.02.09 --seed 23 --dirty 0.05 \
	--model ../models/ikk.ini -o "$tmp/kec" || fail "pk2d-synth"
python3 "$helper" dupes "$tmp/kec"
check_orders kec "shuffle 1" "shuffle 2" "shuffle 3" "reverse 0"
# The copies are there (and were counted the same in every order).
for kind in 'repeated row' 'duplicate no_kk' 'duplicate NIK' 'duplicate nik'; do
	grep -q "\"kind\":[[:space:]]*\"$kind\"" "$tmp/kec.ref.json" ||
		fail "no '$kind' in the kecamatan's report"
done

[ "$failures" -eq 0 ] || exit 1
