#!/bin/sh
# The reads of a report's trends on the PostgreSQL store are bounded by the
# areas, not the figures (store_cache.c): a kecamatan's report with an
# earlier period reads each area's values, interventions and scores in one
# query per table (the server's log_statement counts them), and gives the
# same report as the SQLite store. Skips (77) without the server's
# binaries; CI installs them.
set -u
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}" "${PK2D_DATA_DIR:?}"
. "$PK2D_TOP_SRCDIR/tests/pg_cluster.sh"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
trap 'pg_cluster_stop; rm -rf "$tmp"' EXIT INT TERM
pg_cluster_start || { echo "FAIL: the test cluster did not start"; exit 1; }

for y in 2023 2024; do
	"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --kk 20 --rt 2 \
		-o "$tmp/h$y" -a 63.02.09 -p "$y" --seed "$y" || fail "pk2d-synth $y"
	sed -i "s|^\[pk2d\]\$|[pk2d]\\nmodel = $PK2D_TOP_SRCDIR/conf/models/ikk.ini|" \
		"$tmp/h$y/pk2d.ini"
	for st in "$PK2D_PG" "$tmp/h.sqlite"; do
		[ "$y" = 2024 ] && [ "$st" = "$PK2D_PG" ] && {
			pg_psql pk2d -c "ALTER SYSTEM SET log_statement = 'all'" &&
				pg_psql pk2d -c "SELECT pg_reload_conf()" >/dev/null ||
				fail "log_statement"
			sleep 1
			from=$(wc -l <"$pg_dir/server.log")
		}
		"$pk2d" -q -c "$tmp/h$y/pk2d.ini" --store "$st" report -o "$tmp/$y-${st##*/}.txt" ||
			fail "pk2d report $y on $st"
	done
done
tail -n "+$((from + 1))" "$pg_dir/server.log" >"$tmp/log"

# Figures read of a table: one query for each area at most.
areas=$(pg_psql pk2d -At -c "SELECT count(DISTINCT area) FROM vals WHERE rt = -1")
[ "$areas" -gt 3 ] || fail "only $areas areas stored"
for t in vals ivals scores; do
	n=$(grep -c "SELECT id, period, [a-z, ]* FROM $t WHERE" "$tmp/log")
	[ "$n" -ge 1 ] && [ "$n" -le "$areas" ] ||
		fail "$n queries of $t for $areas areas"
done
# Nothing reads one figure at a time any more, and the queries of areas
# below an area and of metadata are each run once.
grep -q 'FROM vals WHERE id = \|FROM ivals WHERE id = \|FROM scores WHERE id = ' "$tmp/log" &&
	fail "a query of one id: $(grep -m1 'WHERE id = ' "$tmp/log")"
n=$(grep -c 'SELECT DISTINCT area FROM vals' "$tmp/log")
[ "$n" -le 2 ] || fail "$n queries of the areas below"
n=$(grep -c 'FROM meta' "$tmp/log")
m=$(pg_psql pk2d -At -c "SELECT count(*) FROM meta")
[ "$n" -le "$m" ] || fail "$n queries of metadata for $m ids"

# The same report from both stores (but for the plugins' seconds).
grep -Eq '^  Kode +Indikator +2023 +2024 +Perubahan' "$tmp/2024-h.sqlite.txt" ||
	fail "no trend in the 2024 report"
grep -v ' ditolak, ' "$tmp/2024-h.sqlite.txt" >"$tmp/sqlite.txt"
grep -v ' ditolak, ' "$tmp/2024-${PK2D_PG##*/}.txt" >"$tmp/pg.txt"
cmp -s "$tmp/sqlite.txt" "$tmp/pg.txt" ||
	fail "PostgreSQL and SQLite differ: $(diff "$tmp/sqlite.txt" "$tmp/pg.txt" | head -5)"
[ "$failures" -eq 0 ] || exit 1
