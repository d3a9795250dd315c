#!/bin/sh
# pk2d plugins without a configuration: an instance whose init fails only
# for lack of configuration (PK2D_ERR_CONFIG without a section of its own)
# says that it needs a section, with the plugin's own reason, and nothing
# alarming goes to stderr; exit 0 when every file loaded, 1 when one was
# refused. With a section, the same failure is an error again. And the
# health plugin, which now declares without a section, still refuses to
# collect when neither children nor log is set.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
plugins=$PK2D_TOP_BUILDDIR/plugins
unset PK2D_CONFIG
cd "$tmp"

rc=0
pk2d_run --plugin-path "$plugins" plugins >"$tmp/out" 2>"$tmp/err" || rc=$?
test $rc -eq 0 || { cat "$tmp/err"; fail "plugins without a configuration: exit status $rc"; }
test ! -s "$tmp/err" || { cat "$tmp/err"; fail "messages on stderr"; }
has "$tmp/out" "  declarations: need a [plugin.activities] section (init: the section declares neither interventions (intervention.ID.*) nor indicators (indicator.ID.*))"
hasnt "$tmp/out" "init failed"
# health declares without its files: its indicators and interventions.
sed -n '/^health$/,/^$/p' "$tmp/out" >"$tmp/health"
has "$tmp/health" "    indicator     health.stunting "
has "$tmp/health" "    intervention  health."

# A file the loader refuses: exit 1, the others still listed.
mkdir "$tmp/bad"
printf 'this is text, not an ELF object\n' >"$tmp/bad/not_so.so"
rc=0
pk2d_run --plugin-path "$tmp/bad:$plugins" plugins >"$tmp/out" 2>"$tmp/err" || rc=$?
test $rc -eq 1 || fail "a refused file: exit status $rc, want 1"
has "$tmp/out" "  refused: "
has "$tmp/out" "  declarations: need a [plugin.activities] section"

# The file listed is the one a report loads: the first directory of the
# path that holds the name, whatever its layout (NAME.so, .libs/NAME.so,
# NAME/.libs/NAME.so).
mkdir -p "$tmp/first/.libs"
cp "$plugins/activities/.libs/activities.so" "$tmp/first/.libs/"
pk2d_run --plugin-path "$tmp/first:$plugins" plugins >"$tmp/out" 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "plugins with a copy first on the path"; }
has "$tmp/out" "  file: $tmp/first/.libs/activities.so"
test "$(grep -c '^activities$' "$tmp/out")" -eq 1 || fail "activities listed twice"
has "$tmp/out" "  file: $plugins/health/.libs/health.so"

# A configuration with an error: its file:line, exit 1, no listing.
printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\njobs = many\n' >"$tmp/bad.ini"
rc=0
pk2d_run -c "$tmp/bad.ini" --plugin-path "$plugins" plugins >"$tmp/out" 2>"$tmp/err" || rc=$?
test $rc -eq 1 || fail "plugins with a bad configuration: exit status $rc, want 1"
has "$tmp/err" "bad.ini:4: jobs 'many' is not a whole number"
test ! -s "$tmp/out" || fail "a listing despite the configuration's error"

# With a section of its own the same failure is an error, on stderr too.
printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\n[plugin.activities]\n' >"$tmp/pk2d.ini"
rc=0
pk2d_run -c "$tmp/pk2d.ini" --plugin-path "$plugins" plugins >"$tmp/out" 2>"$tmp/err" || rc=$?
test $rc -eq 0 || fail "configured plugins: exit status $rc"
has "$tmp/out" "  declarations: init failed: init returned -6"
has "$tmp/err" "pk2d: activities: the section declares neither interventions"
hasnt "$tmp/out" "need a [plugin."

# health with an empty section: init (pk2d check) passes, collect refuses.
printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nstore = none\n[plugin.health]\n' >"$tmp/pk2d.ini"
pk2d_run -c "$tmp/pk2d.ini" --plugin-path "$plugins" check >"$tmp/out" 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "check of an empty [plugin.health] failed"; }
rc=0
pk2d_run -c "$tmp/pk2d.ini" --plugin-path "$plugins" report -o "$tmp/r.txt" >"$tmp/out" 2>"$tmp/err" || rc=$?
test $rc -eq 1 || fail "report with an empty [plugin.health]: exit status $rc, want 1"
has "$tmp/err" "pk2d: health: neither children (the e-PPGBM export) nor log is set: nothing to read"
has "$tmp/err" "pk2d: health: failed: collect returned -6"
[ "$failures" -eq 0 ] || exit 1
echo "ok"
