#!/bin/sh
# A history written by the previous schema (tests/data/store/v1.sqlite,
# see its README) read by this pk2d: `pk2d history` prints what schema 1's
# pk2d printed (v1-history.csv), the first use upgrades the file in place,
# and a report run then writes into the upgraded store.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
fix="$PK2D_TOP_SRCDIR/tests/data/store"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cp "$fix/v1.sqlite" "$tmp/history.sqlite"
printf '[pk2d]\nperiod = 2024\narea = 63.02.09.2001\nstore = %s\n' "$tmp/history.sqlite" \
	>"$tmp/a.ini"
printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nstore = %s\n' "$tmp/history.sqlite" \
	>"$tmp/b.ini"
{
	"$pk2d" -c "$tmp/a.ini" history --format csv ikk
	"$pk2d" -c "$tmp/a.ini" history --format csv --rt 2 ikk
	"$pk2d" -c "$tmp/a.ini" history --format csv dinsos.hadir
	"$pk2d" -c "$tmp/a.ini" history --format csv --rt 3 dinsos.hadir
	"$pk2d" -c "$tmp/a.ini" history --format csv dinsos.p2k2
	"$pk2d" -c "$tmp/b.ini" history --format csv family.l1
	"$pk2d" -c "$tmp/b.ini" history --rt 3 --format csv health.stunting
	"$pk2d" -c "$tmp/b.ini" history --format csv health.imunisasi_dasar
	"$pk2d" -c "$tmp/b.ini" history --format csv dim.ketahanan_fisik
} >"$tmp/history.csv" 2>"$tmp/err" || { echo "FAIL: pk2d history: $(cat "$tmp/err")"; exit 1; }
if ! cmp -s "$fix/v1-history.csv" "$tmp/history.csv"; then
	echo "FAIL: the upgraded store reads otherwise:"
	diff "$fix/v1-history.csv" "$tmp/history.csv"
	exit 1
fi
# The sample's report run again into the upgraded store replaces its 2023
# values with the same ones.
cp -r "$PK2D_TOP_SRCDIR/conf/sample" "$tmp/sample"
cp -r "$PK2D_TOP_SRCDIR/conf/models" "$tmp/models"
"$pk2d" -q -c "$tmp/sample/pk2d.ini" report --store "$tmp/history.sqlite" -f json \
	-o "$tmp/r.json" || { echo "FAIL: report into the upgraded store"; exit 1; }
"$pk2d" -c "$tmp/b.ini" history --format csv family.l1 >"$tmp/l1.csv" &&
	[ "$(sed -n 2p "$tmp/l1.csv")" = "$(sed -n 16p "$fix/v1-history.csv")" ] ||
	{ echo "FAIL: family.l1 after a rerun: $(cat "$tmp/l1.csv")"; exit 1; }
echo "ok: a schema 1 history upgraded and read as before"
