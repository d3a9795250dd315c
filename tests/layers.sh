#!/bin/sh
# Calls go one way down the layers of src/ (docs/design.md): a file includes
# the headers of its own folder and of the folders below it, never one above
# (base < input < config < registry < store < assess < report < host); and
# every folder says what it owns and may call in its README.md.
set -u
src="$PK2D_TOP_SRCDIR/src"
layers="base input config registry store assess report host"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
rank() {
	i=0
	for l in $layers; do
		[ "$l" = "$1" ] && { echo "$i"; return; }
		i=$((i + 1))
	done
	echo -1
}

for dir in "$src"/*/; do
	d=$(basename "$dir")
	[ "$(rank "$d")" -ge 0 ] || fail "src/$d is not a layer of docs/design.md"
done
for d in $layers; do
	[ -s "$src/$d/README.md" ] || fail "src/$d has no README.md"
	r=$(rank "$d")
	for f in "$src/$d"/*.[ch]; do
		for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
			for l in $layers; do
				[ -f "$src/$l/$h" ] || continue
				[ "$(rank "$l")" -le "$r" ] ||
					fail "src/$d/$(basename "$f") includes $l/$h, a layer above it"
			done
		done
	done
done
# Inside report/: the table of formats (report.h) sits above the writers
# (writers.h), which sit above the view; the view names no writer.
for f in "$src"/report/*.[ch]; do
	b=$(basename "$f")
	case $b in
	report.c) continue ;;
	report_view.[ch] | view_rows.[ch] | present.[ch] | i18n.[ch] | unused.[ch])
		grep -q '^#include "writers.h"' "$f" && fail "src/report/$b names the writers" ;;
	esac
	grep -q '^#include "report.h"' "$f" && fail "src/report/$b uses the table of formats"
done

[ "$failures" -eq 0 ] || exit 1
echo "every include goes down the layers"
