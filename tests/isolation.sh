#!/bin/sh
# End to end: code that runs while a plugin file is loaded never runs in pk2d
# itself. A plugin whose constructor crashes, one whose constructor hangs and
# a shared library of another program (a copy of libz) on the plugin path
# are each reported like any failed plugin, by report, check and plugins,
# while the good plugin's report is written; and the foreign library's
# constructors run in a child, not in pk2d's process.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
data=$(cd "$PK2D_TOP_SRCDIR/tests/data" && pwd)/good.csv
loadtime=$PK2D_TOP_BUILDDIR/tests/plugins/loadtime
# ASan catches a SIGSEGV, reports it and exits with 1.
if ldd "$pk2d" 2>/dev/null | grep -q libasan; then
	crash='exit status 1 while loading'
else
	crash='killed by signal 11 (Segmentation fault) while loading'
fi

# Another program's shared library, as a "plugin" called zlib.
mkdir "$tmp/foreign"
lib=$(ldd "$pk2d" | awk '$1 ~ /^libz\.so/ { z = $3 } $1 ~ /^libsqlite3\.so/ { s = $3 }
	END { print z ? z : s }')
test -n "$lib" && test -f "$lib" || fail "pk2d links neither libz nor libsqlite3"
cp "$lib" "$tmp/foreign/zlib.so"

{
	printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\n'
	printf 'plugin_path = %s:%s\n' "$loadtime" "$tmp/foreign"
	printf '[plugin.good]\ndata = %s\n' "$data"
	printf '[plugin.ctor_crash]\n[plugin.ctor_hang]\ntimeout = 1\n[plugin.zlib]\n'
} >"$tmp/pk2d.ini"

rc=0
pk2d_run -c "$tmp/pk2d.ini" report -f json -o "$tmp/report.json" 2>"$tmp/err" || rc=$?
test $rc -eq 1 || { cat "$tmp/err"; fail "report exit status $rc, want 1"; }
test -s "$tmp/report.json" || fail "no report written"
tr -d ' \n\t' <"$tmp/report.json" >"$tmp/flat.json"
has "$tmp/flat.json" '"instance":"good","module":"good","agency":"DinasUji"'
has "$tmp/flat.json" '"indicator":"good.kk_meets","area":"63.02.09.2007","rt":1'
has "$tmp/flat.json" "\"reason\":\"$loadtime/.libs/ctor_crash.so:$(printf '%s' "$crash" | tr -d ' ')\""
has "$tmp/flat.json" "\"reason\":\"$loadtime/.libs/ctor_hang.so:timedoutafter1swhileloading\""
has "$tmp/flat.json" 'zlib.so:nosymbolpk2d_plugin_descriptor'
has "$tmp/err" "[plugin.ctor_crash]: $loadtime/.libs/ctor_crash.so: $crash"
has "$tmp/err" "[plugin.ctor_hang]: $loadtime/.libs/ctor_hang.so: timed out after 1 s while loading"

rc=0
pk2d_run -c "$tmp/pk2d.ini" check >"$tmp/check.txt" 2>/dev/null || rc=$?
test $rc -eq 1 || fail "check exit status $rc, want 1"
has "$tmp/check.txt" "ctor_crash       ctor_crash   not loaded: $loadtime/.libs/ctor_crash.so: $crash"
has "$tmp/check.txt" 'good             good         ok'

rc=0
pk2d_run -c "$tmp/pk2d.ini" --plugin-path "$loadtime:$tmp/foreign" plugins >"$tmp/plugins.txt" \
	2>/dev/null || rc=$?
test $rc -eq 1 || fail "plugins exit status $rc, want 1"
has "$tmp/plugins.txt" "  refused: $crash"
has "$tmp/plugins.txt" '  refused: timed out after 1 s while loading'
has "$tmp/plugins.txt" '  refused: no symbol pk2d_plugin_descriptor'

# The dynamic loader's own account (LD_DEBUG=files) of who ran the foreign
# library's constructors: a process other than pk2d. Not under valgrind,
# whose own loader would answer instead.
if [ -z "${PK2D_VALGRIND:-}" ]; then
	for cmd in report check; do
		LD_DEBUG=files sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$tmp/pid" \
			"$pk2d" -c "$tmp/pk2d.ini" $cmd -f json -o "$tmp/ld.json" \
			>/dev/null 2>"$tmp/ld.txt" || true
		[ $cmd = check ] || test -s "$tmp/ld.json" || fail "$cmd: no report under LD_DEBUG"
		host=$(cat "$tmp/pid")
		grep -q "calling init: $tmp/foreign/zlib.so" "$tmp/ld.txt" ||
			fail "$cmd: LD_DEBUG shows no constructor call of zlib.so"
		if grep -E "^ *$host:[[:space:]]+calling init: .*/(zlib|ctor_crash|ctor_hang)\.so" \
			"$tmp/ld.txt"; then
			fail "$cmd: a plugin file's constructors ran in pk2d (pid $host)"
		fi
	done
fi
[ "$failures" -eq 0 ] || exit 1
echo "isolation: ok"
