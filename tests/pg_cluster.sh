#!/bin/sh
# A throw-away PostgreSQL cluster for the shared store's tests: sourced by a
# test script, pg_cluster_start creates it in a temporary folder (initdb,
# pg_ctl, a Unix socket in that folder, no TCP) and sets PK2D_PG, the
# connection string of database pk2d as a superuser role named after the
# test's user; pg_cluster_stop stops and removes it (call it from the
# script's trap). The server refuses to run as root: as root the cluster
# belongs to the user postgres and runs through runuser.
#
# Local connections trust their role, except role pk2d_pw (password
# "secret"), which must give its password: the wrong-password test.
# Without the server's binaries pg_cluster_start exits 77 (skip).

pg_cluster_start() {
	pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
		echo "SKIP: no PostgreSQL server (/usr/lib/postgresql/*/bin/initdb):" \
			"tools/setup-debian.sh --tests installs it"
		exit 77
	fi
	pg_dir=$(mktemp -d /tmp/pk2d-pg-XXXXXX)
	pg_as=""
	if [ "$(id -u)" -eq 0 ]; then
		if ! id postgres >/dev/null 2>&1; then
			echo "SKIP: running as root and there is no user postgres to run the server"
			exit 77
		fi
		chown postgres "$pg_dir"
		pg_as="runuser -u postgres --"
	fi
	chmod 755 "$pg_dir"
	$pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust --no-sync -E UTF8 \
		--locale=C >"$pg_dir/initdb.log" 2>&1 ||
		{ cat "$pg_dir/initdb.log"; return 1; }
	# The password role's line comes first: pg_hba.conf's first match wins.
	{ echo "local all pk2d_pw scram-sha-256"; cat "$pg_dir/data/pg_hba.conf"; } \
		>"$pg_dir/hba" && $pg_as cp "$pg_dir/hba" "$pg_dir/data/pg_hba.conf"
	$pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -s \
		-o "-c listen_addresses='' -k $pg_dir -c fsync=off -c max_connections=40" start ||
		{ cat "$pg_dir/server.log"; return 1; }
	me=$(id -un)
	pg_psql postgres -c "CREATE ROLE \"$me\" SUPERUSER LOGIN" >/dev/null 2>&1
	pg_psql postgres -c "CREATE ROLE pk2d_pw LOGIN PASSWORD 'secret'" >/dev/null &&
		pg_psql postgres -c "CREATE DATABASE pk2d" >/dev/null || return 1
	PK2D_PG="host=$pg_dir dbname=pk2d user=$me"
	export PK2D_PG
}

# psql as the cluster's superuser on database $1, the rest its arguments.
pg_psql() {
	db=$1
	shift
	"$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg_dir" -U postgres -d "$db" "$@"
}

pg_cluster_stop() {
	[ -n "${pg_dir:-}" ] || return 0
	$pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -s stop >/dev/null 2>&1
	rm -rf "$pg_dir"
}
