#!/bin/sh
# The shared history store on a real PostgreSQL server that this test starts
# and stops (tests/pg_cluster.sh):
#  - the store-test harness (check_store) against the server: every test of
#    the SQLite store, plus regency offices writing at the same time;
#  - pk2d report and pk2d history end to end (history_e2e.sh on the server),
#    and two regency offices' runs evaluated (evaluate.sh on the server);
#  - a wrong password and an unreachable server: one clear message, exit
#    status 1, and the report still written; an address libpq cannot read
#    likewise, with what may be a password in it masked;
#  - row-level security (docs/store.md): an office's role writes its own
#    regency, and is refused another's, by the database, also when it
#    attacks with psql (a temporary offices table, plugin_runs, meta), on a
#    new store and on one upgraded from schema version 1;
#  - pk2d store copy: an SQLite history into the server, read back the same.
# Skips (77) without the server's binaries; CI installs them.
set -u
. "$PK2D_TOP_SRCDIR/tests/pg_cluster.sh"
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
trap 'pg_cluster_stop; rm -rf "$tmp"' EXIT INT TERM
pg_cluster_start || { echo "FAIL: the test cluster did not start"; exit 1; }

PK2D_TEST_STORE="$PK2D_PG" "$PK2D_TOP_BUILDDIR/tests/check_store" >"$tmp/harness" 2>&1 ||
	fail "check_store on PostgreSQL: $(cat "$tmp/harness")"

pg_psql postgres -c "CREATE DATABASE e2e" || fail "CREATE DATABASE e2e"
PK2D_TEST_STORE="host=$pg_dir dbname=e2e" sh "$PK2D_TOP_SRCDIR/tests/history_e2e.sh" \
	>"$tmp/e2e" 2>&1 || fail "history_e2e.sh on PostgreSQL: $(cat "$tmp/e2e")"

pg_psql postgres -c "CREATE DATABASE evaluate" || fail "CREATE DATABASE evaluate"
PK2D_TEST_STORE="host=$pg_dir dbname=evaluate" sh "$PK2D_TOP_SRCDIR/tests/evaluate.sh" \
	>"$tmp/evaluate" 2>&1 || fail "evaluate.sh on PostgreSQL: $(cat "$tmp/evaluate")"

printf 'kode_wilayah,rt,periode,kpm,hadir\n63.02.09.2007,1,2023,10,9\n' >"$tmp/cakupan.csv"
config() { # STORE
	cat >"$tmp/pk2d.ini" <<INI
[pk2d]
period = 2023
area = 63.02.09.2007
model = $PK2D_TOP_SRCDIR/tests/data/store/model.ini
store = $1
[plugin.dinsos]
module = activities
agency = Dinas Sosial
indicator.hadir.label = KPM hadir P2K2
indicator.hadir.table = cakupan.csv
indicator.hadir.numerator = hadir
indicator.hadir.denominator = kpm
INI
}
# report STORE NAME: runs the report; its status in $status, stderr in
# $tmp/NAME.err.
report() {
	config "$1"
	rm -f "$tmp/$2.txt"
	"$pk2d" -q -c "$tmp/pk2d.ini" report -o "$tmp/$2.txt" 2>"$tmp/$2.err"
	status=$?
}
expect_refused() { # NAME WHAT PATTERN
	[ "$status" -eq 1 ] || fail "$2: exit status $status, not 1"
	[ -s "$tmp/$1.txt" ] || fail "$2: no report written"
	[ "$(grep -c . "$tmp/$1.err")" -eq 1 ] && grep -q "$3" "$tmp/$1.err" ||
		fail "$2: not one clear message: $(cat "$tmp/$1.err")"
}

export PGPASSWORD=wrong
report "host=$pg_dir dbname=pk2d user=pk2d_pw" wrongpw
unset PGPASSWORD
expect_refused wrongpw "a wrong password" "history store: .*password authentication failed"
report "host=$tmp/nothing dbname=pk2d" unreachable
expect_refused unreachable "an unreachable server" "history store: .*cannot connect"
report "postgresql://pk2d_pw:secret@localhost/pk2d" inline
expect_refused inline "a password in the address" "\.pgpass"
grep -q secret "$tmp/inline.err" && fail "the refused password is repeated"
# Addresses libpq cannot read, with what may be a password in them: the
# message says what is wrong on one line, with the password masked.
n=0
for address in "postgresql:///pk2d?host=$pg_dir&PASSWORD=s3cr3t" \
	"host=$pg_dir dbname=pk2d password='s3cr3t" "dbname=pk2d password s3cr3t" \
	"postgresql://pk2d_pw:s3cr3t@[::1/pk2d" "postgresql://h/pk2d?password=s3cr3t&x=1" \
	"PASSWORD=s3cr3t dbname=pk2d"; do
	n=$((n + 1))
	report "$address" unreadable$n
	expect_refused unreadable$n "an address libpq cannot read ($n)" "history store: .*\*\*\*"
	[ "$(wc -l <"$tmp/unreadable$n.err")" -eq 1 ] ||
		fail "an address libpq cannot read ($n): more than one line: $(cat "$tmp/unreadable$n.err")"
	grep -q s3cr3t "$tmp/unreadable$n.err" &&
		fail "an address libpq cannot read ($n): the password repeated: $(cat "$tmp/unreadable$n.err")"
done
grep -q 'invalid URI query parameter: "PASSWORD"' "$tmp/unreadable1.err" ||
	fail "what is wrong with the address: $(cat "$tmp/unreadable1.err")"
# An upper-case keyword is an address too, not the name of an SQLite file.
ls "$tmp" | grep -q '^PASSWORD' && fail "PASSWORD=s3cr3t dbname=pk2d was taken for a file name"

# Row-level security: the owner creates the schema, two offices' roles may
# write one regency each (docs/store.md).
report "host=$pg_dir dbname=pk2d" owner
[ "$status" -eq 0 ] || fail "the owner's run: $(cat "$tmp/owner.err")"
pg_psql pk2d <<'SQL' || fail "the offices' roles"
CREATE ROLE office_kotabaru LOGIN;
CREATE ROLE office_tanahlaut LOGIN;
GRANT SELECT, INSERT, UPDATE, DELETE ON runs, plugin_runs, meta, vals, ivals, scores
	TO office_kotabaru, office_tanahlaut;
GRANT SELECT ON offices, pk2d_schema TO office_kotabaru, office_tanahlaut;
GRANT USAGE ON SEQUENCE runs_id_seq TO office_kotabaru, office_tanahlaut;
INSERT INTO offices VALUES ('office_kotabaru', '63.02'), ('office_tanahlaut', '63.01');
SQL
report "host=$pg_dir dbname=pk2d user=office_kotabaru" own
[ "$status" -eq 0 ] || fail "an office writing its own regency: $(cat "$tmp/own.err")"
report "host=$pg_dir dbname=pk2d user=office_tanahlaut" other
expect_refused other "an office writing another regency" "row-level security"
runs=$(pg_psql pk2d -At -c "SELECT string_agg(written_by, ',' ORDER BY id) FROM runs")
[ "$runs" = "root,office_kotabaru" ] || [ "$runs" = "$(id -un),office_kotabaru" ] ||
	fail "runs written: $runs"

# An office attacking another regency's rows with nothing but the grants
# above (issue 18's review): a temporary table "offices" (searched before
# the tables' schema) allowing it every area; deleting or changing another
# regency's plugin runs; changing the declarations every area reads.
as_office() { # ROLE SQL: psql as ROLE on pk2d
	"$pg_bin/psql" -X -q -h "$pg_dir" -U "$1" -d pk2d -c "$2" >/dev/null 2>&1
}
# state: what the attacks of office_tanahlaut (63.01) must leave as it is.
state() {
	pg_psql pk2d -At -c "SELECT (SELECT count(*) FROM vals WHERE area LIKE '63.02%')
		|| '/' || (SELECT string_agg(instance || ':' || agency, ',' ORDER BY run_id)
			FROM plugin_runs p JOIN runs r ON r.id = p.run_id WHERE r.area LIKE '63.02%')
		|| '/' || (SELECT string_agg(id || ':' || agency || ':' || direction, ',') FROM meta)"
}
attacks() { # WHEN
	before=$(state)
	as_office office_tanahlaut "CREATE TEMP TABLE offices (role name, area text);
		INSERT INTO offices VALUES ('office_tanahlaut', 'all');
		DELETE FROM vals WHERE area LIKE '63.02%';"
	as_office office_tanahlaut "UPDATE plugin_runs SET agency = 'Dinsos Tanah Laut'"
	as_office office_tanahlaut "DELETE FROM plugin_runs"
	as_office office_tanahlaut "UPDATE meta SET direction = -direction,
		agency = 'Dinsos Tanah Laut'"
	as_office office_tanahlaut "DELETE FROM meta"
	[ "$(state)" = "$before" ] || fail "$1: an office changed another's rows: $before -> $(state)"
}
attacks "schema 2"
as_office office_tanahlaut "INSERT INTO plugin_runs (run_id, instance, state)
	SELECT max(id), 'x', 0 FROM runs" &&
	fail "an office added a plugin run to another regency's run"

# An office's own run with its own agency for an id already declared: the
# office's plugin run keeps its agency, the shared declaration stays.
mkdir "$tmp/tl"
sed 's/63\.02\.09\.2007/63.01.01.2001/' "$tmp/cakupan.csv" >"$tmp/tl/cakupan.csv"
config "host=$pg_dir dbname=pk2d user=office_tanahlaut"
sed 's/63\.02\.09\.2007/63.01.01.2001/; s/Dinas Sosial/Dinsos Tanah Laut/' "$tmp/pk2d.ini" \
	>"$tmp/tl/pk2d.ini"
"$pk2d" -q -c "$tmp/tl/pk2d.ini" report -o "$tmp/tl/r.txt" 2>"$tmp/tl/err" ||
	fail "an office's run with its own agency: $(cat "$tmp/tl/err")"
m=$(pg_psql pk2d -At -c "SELECT agency FROM meta WHERE id = 'dinsos.hadir'")
[ "$m" = "Dinas Sosial" ] || fail "an office's run relabelled the shared declaration: $m"
m=$(pg_psql pk2d -At -c "SELECT string_agg(r.area || ':' || p.agency, ',' ORDER BY r.id)
	FROM plugin_runs p JOIN runs r ON r.id = p.run_id")
[ "$m" = "63.02.09.2007:Dinas Sosial,63.02.09.2007:Dinas Sosial,63.01.01.2001:Dinsos Tanah Laut" ] ||
	fail "the plugin runs' agencies: $m"

# A store of the previous pk2d (schema 1: the function unpinned, plugin_runs
# and meta open to every office): an office's run stops, the owner's first
# run upgrades it, and the attacks fail again.
pg_psql pk2d <<'SQL' || fail "back to schema 1"
CREATE OR REPLACE FUNCTION pk2d_may_write(a text) RETURNS boolean LANGUAGE sql STABLE AS
 $$SELECT EXISTS (SELECT 1 FROM offices o WHERE o.role = current_user
 AND (o.area = 'all' OR a = o.area OR a LIKE o.area || '.%'))$$;
ALTER FUNCTION pk2d_may_write(text) RESET ALL;
DROP POLICY read_all ON plugin_runs; DROP POLICY own_areas ON plugin_runs;
DROP POLICY read_all ON meta; DROP POLICY new_ids ON meta;
ALTER TABLE plugin_runs DISABLE ROW LEVEL SECURITY;
ALTER TABLE meta DISABLE ROW LEVEL SECURITY;
UPDATE pk2d_schema SET version = 1;
SQL
report "host=$pg_dir dbname=pk2d user=office_kotabaru" old
expect_refused old "an office's run on a schema-1 store" "tables' owner to upgrade it"
report "host=$pg_dir dbname=pk2d" upgrade
[ "$status" -eq 0 ] || fail "the owner's run upgrading schema 1: $(cat "$tmp/upgrade.err")"
v=$(pg_psql pk2d -At -c "SELECT (SELECT max(version) FROM pk2d_schema) || ' '
	|| array_to_string(proconfig, ',') FROM pg_proc WHERE proname = 'pk2d_may_write'")
[ "$v" = "2 search_path=pg_catalog, pg_temp" ] || fail "after the upgrade: $v"
attacks "schema 1 upgraded"

# pk2d store copy: an office's SQLite history into the server, read back the
# same by pk2d history; a second copy adds nothing.
report "$tmp/office.sqlite" office
[ "$status" -eq 0 ] || fail "the office's SQLite run: $(cat "$tmp/office.err")"
pg_psql postgres -c "CREATE DATABASE copied" || fail "CREATE DATABASE copied"
to="host=$pg_dir dbname=copied"
for n in 1 2; do
	"$pk2d" -q store copy "$tmp/office.sqlite" "$to" 2>"$tmp/copy.err" ||
		fail "store copy $n: $(cat "$tmp/copy.err")"
done
for id in dinsos.hadir ikk dim.a; do
	"$pk2d" -q --store "$tmp/office.sqlite" --area 63.02.09.2007 history --format csv $id \
		>"$tmp/from.csv" 2>&1
	"$pk2d" -q --store "$to" --area 63.02.09.2007 history --format csv $id >"$tmp/to.csv" 2>&1
	[ -s "$tmp/from.csv" ] && cmp -s "$tmp/from.csv" "$tmp/to.csv" ||
		fail "history $id after store copy: $(cat "$tmp/from.csv" "$tmp/to.csv")"
done
n=$(pg_psql copied -At -c "SELECT (SELECT count(*) FROM runs) || '/' || (SELECT count(*) FROM vals)")
[ "$n" = "1/2" ] || fail "after two copies: runs/values $n, not 1/2"
"$pk2d" -q store copy "$to" "$tmp/office.sqlite" 2>/dev/null
[ $? -eq 2 ] || fail "store copy from a server is not a usage error"
"$pk2d" -q store copy "$tmp/none.sqlite" "$to" 2>"$tmp/copy.err"
[ $? -eq 1 ] && grep -q "none.sqlite: no history store here" "$tmp/copy.err" ||
	fail "store copy of a missing file: $(cat "$tmp/copy.err")"

[ $failures -eq 0 ] || exit 1
echo "ok: the PostgreSQL store"
