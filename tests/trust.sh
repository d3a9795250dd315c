#!/bin/sh
# End to end: the trust rule for plugin files (docs/plugin-guide.md). A plugin
# in a private directory under a root-owned sticky /tmp loads; a plugin file
# that is group- or world-writable, in a group-writable or sticky directory of
# its own, under a world-writable directory, reached through a symbolic link
# into such a place, or owned by another user is refused with the rule and the
# fix; --allow-untrusted-plugins and [pk2d] allow_untrusted_plugins load it
# and every report says so.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
data=$(cd "$PK2D_TOP_SRCDIR/tests/data" && pwd)/good.csv
good=$PK2D_TOP_BUILDDIR/tests/plugins/.libs/good.so
# The sticky case needs /tmp to be root's and sticky, as it is on Linux.
case $(stat -c '%u %a' /tmp) in
"0 1777") ;;
*) echo "SKIP: /tmp is not a root-owned sticky directory here"; exit 77 ;;
esac
TMPDIR=/tmp # the test folder right under the sticky /tmp
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
# (good.csv's one bad row of 4 is there on purpose: max_rejected = 25)
printf '[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmax_rejected = 25\n[plugin.good]\ndata = %s\n' "$data" \
	>"$tmp/pk2d.ini"

# plug DIR: a private copy of the good plugin in DIR (made with mode 0755).
plug() { mkdir -p "$1"; chmod 0755 "$1"; cp "$good" "$1/good.so"; chmod 0644 "$1/good.so"; }
# refused DIR WHAT: check must refuse DIR/good.so, saying WHAT and how to override.
refused() {
	rc=0
	pk2d_run -c "$tmp/pk2d.ini" --plugin-path "$1" check >"$tmp/out" 2>"$tmp/err" || rc=$?
	test $rc -eq 1 || { cat "$tmp/out" "$tmp/err"; fail "$1: check exit status $rc, want 1"; }
	has "$tmp/out" "good             good         not loaded: "
	has "$tmp/out" "$2"
	has "$tmp/out" '(for development only, --allow-untrusted-plugins or [pk2d] allow_untrusted_plugins = yes loads it anyway)'
}

# Loads: a private directory under sticky /tmp, and the build tree itself.
plug "$tmp/ok"
pk2d_run -c "$tmp/pk2d.ini" --plugin-path "$tmp/ok" check >"$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "a private plugin directory under /tmp is refused"; }
pk2d_run -c "$tmp/pk2d.ini" --plugin-path "$PK2D_TOP_BUILDDIR/tests/plugins" check \
	>"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "the build tree is refused"; }

# The plugin file itself writable by others.
plug "$tmp/file"
chmod 0666 "$tmp/file/good.so"
refused "$tmp/file" "plugin file $tmp/file/good.so is writable by its group and everyone (mode 0666), who could replace the code pk2d runs: chmod go-w $tmp/file/good.so"
chmod 0664 "$tmp/file/good.so"
refused "$tmp/file" "is writable by its group (mode 0664)"
# Its directory group-writable, or sticky and world-writable (sticky is no
# excuse for the plugin's own directory).
plug "$tmp/gdir"
chmod 0775 "$tmp/gdir"
refused "$tmp/gdir" "plugin directory $tmp/gdir is writable by its group (mode 0775)"
plug "$tmp/sdir"
chmod 1777 "$tmp/sdir"
refused "$tmp/sdir" "plugin directory $tmp/sdir is writable by its group and everyone (mode 1777)"
# A directory above writable by everyone, and a symbolic link into it.
plug "$tmp/open/deep/plugins"
chmod 0757 "$tmp/open"
refused "$tmp/open/deep/plugins" "directory $tmp/open, above the plugin, is writable by everyone (mode 0757) and is not a root-owned sticky directory such as /tmp"
mkdir "$tmp/link"
ln -s "$tmp/open/deep/plugins/good.so" "$tmp/link/good.so"
refused "$tmp/link" "directory $tmp/open, above the plugin"
# Another user's file (only root can make one).
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	plug "$tmp/other"
	chown nobody "$tmp/other/good.so"
	refused "$tmp/other" "plugin file $tmp/other/good.so is owned by uid $(id -u nobody), neither root nor the user running pk2d (uid 0)"
	plug "$tmp/otherdir"
	chown nobody "$tmp/otherdir"
	refused "$tmp/otherdir" "plugin directory $tmp/otherdir is owned by uid $(id -u nobody)"
else
	echo "note: not root, the other-owner case is not tried"
fi

# plugins lists the refusal too.
rc=0
pk2d_run --plugin-path "$tmp/gdir" plugins >"$tmp/out" 2>/dev/null || rc=$?
test $rc -eq 1 || fail "plugins exit status $rc for a refused file"
has "$tmp/out" "  refused: plugin directory $tmp/gdir is writable by its group"

# Accepted for development: the option, the key; the report says so.
chmod 0666 "$tmp/file/good.so"
pk2d_run -c "$tmp/pk2d.ini" --plugin-path "$tmp/file" --allow-untrusted-plugins report \
	-f json -o "$tmp/dev.json" 2>"$tmp/err" || { cat "$tmp/err"; fail "--allow-untrusted-plugins"; }
has "$tmp/dev.json" '"reason":	"untrusted plugin file loaded for development (allow_untrusted_plugins): plugin file'
has "$tmp/dev.json" '"state":	"ok"'
has "$tmp/err" "warning: [plugin.good]: untrusted plugin file loaded for development"
{ cat "$tmp/pk2d.ini"; printf '[pk2d]\nallow_untrusted_plugins = yes\n'; } >"$tmp/dev.ini"
pk2d_run -c "$tmp/dev.ini" --plugin-path "$tmp/file" report -o "$tmp/dev.txt" 2>/dev/null ||
	fail "allow_untrusted_plugins = yes"
has "$tmp/dev.txt" "untrusted plugin file loaded for development (allow_untrusted_plugins)"
pk2d_run --plugin-path "$tmp/file" --allow-untrusted-plugins plugins >"$tmp/out" 2>/dev/null ||
	fail "plugins --allow-untrusted-plugins"
has "$tmp/out" "  untrusted, loaded for development (allow_untrusted_plugins): plugin file"
[ "$failures" -eq 0 ] || exit 1
echo "trust: ok"
