#!/bin/sh
# Defaults that work (docs/config.md, "Which configuration and model"):
# the installed template (conf/pk2d.ini, with the installed model beside it
# in PK2D_SYSCONFDIR), taken in a folder without pk2d.ini, enables no plugin:
# one clear error, exit 1, nothing written; copied next to the data as its
# comment says, with its sections uncommented, it checks and reports with the
# installed model, whose file is the one the store's digest hashes. A
# relative model key naming nothing is an error at its line; -c with a
# missing file is one message.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
lines() { test "$(wc -l <"$1")" -eq "$2" || { cat "$1"; fail "$1: not $2 line(s)"; }; }

# What make install puts under $(sysconfdir)/pk2d.
etc=$tmp/etc
mkdir -p "$etc/models" "$tmp/data"
cp "$PK2D_TOP_SRCDIR/conf/pk2d.ini" "$etc/"
cp "$PK2D_TOP_SRCDIR/conf/models/ikk.ini" "$etc/models/"
PK2D_SYSCONFDIR=$etc
export PK2D_SYSCONFDIR
cd "$tmp/data"

# No pk2d.ini here: the installed template is taken and enables nothing.
for cmd in check report; do
	status=0
	pk2d_run $cmd >out 2>err || status=$?
	test $status -eq 1 || { cat err; fail "$cmd without a configuration: exit $status"; }
	has err "pk2d: $etc/pk2d.ini: no plugin is enabled: add or uncomment a [plugin.NAME] section"
	lines err 1
	test ! -s out || fail "$cmd wrote a report"
done
test ! -e "$etc/pk2d-history.sqlite" || fail "a history store next to the installed template"

# The template copied next to the data as its comment says, every agency
# section uncommented, the sample's files in data/: the installed model is
# used, and its file is hashed (no digest warning).
mkdir data
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv data/
sed 's/^;\([a-z[]\)/\1/' "$etc/pk2d.ini" >pk2d.ini
grep -q '^\[plugin.family\]' pk2d.ini || fail "the template has no family section to uncomment"
pk2d_run check >out 2>err || { cat err; fail "check of the copied template"; }
has out "model $etc/models/ikk.ini"
pk2d_run report -o report.txt 2>err || { cat err; fail "report of the copied template"; }
! grep -q 'configuration digest' err || { cat err; fail "digest warning"; }
test -s pk2d-history.sqlite || fail "no history store next to the configuration"

# A relative model key naming nothing: at its line, with both ways out.
sed -i 's|^area = .*|&\nmodel = models/ikk.ini|' pk2d.ini
line=$(grep -n '^model = models/ikk.ini' pk2d.ini | cut -d: -f1)
status=0
pk2d_run check >/dev/null 2>err || status=$?
test $status -eq 1 || { cat err; fail "missing model: exit $status"; }
has err "pk2d: pk2d.ini:$line: model 'models/ikk.ini': ./models/ikk.ini does not exist (the path is relative to this file); copy a model there (cp $etc/models/ikk.ini ./models/ikk.ini), or remove the key"
lines err 1

# -c with a file that is not there: one message.
status=0
pk2d_run -c nothere.ini report 2>err || status=$?
test $status -eq 1 || fail "-c missing: exit $status"
has err "pk2d: nothere.ini: cannot read: No such file or directory"
lines err 1
[ "$failures" -eq 0 ] || exit 1
echo "defaults: installed template and model, missing model and configuration"
