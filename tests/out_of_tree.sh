#!/bin/sh
# An agency's view: install pk2d into a staging directory, build the template
# plugin of docs/example-plugin out of tree with its three-line Makefile
# against the staged pk2d.pc, install it into the staged plugin directory, and
# run it through the staged pk2d.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
stage=$tmp/stage

MAKEFLAGS= make -s -C "$PK2D_TOP_BUILDDIR" install DESTDIR="$stage" >"$tmp/install.log" 2>&1 ||
	{ cat "$tmp/install.log"; exit 1; }
pc=$(find "$stage" -name pk2d.pc | head -n 1)
pk2d=$(find "$stage" -path '*/bin/pk2d' | head -n 1)
data=$(find "$stage" -type d -path '*/share/pk2d/data' | head -n 1)
test -n "$pc" && test -x "$pk2d" && test -d "$data"

# pkgconf applies the sysroot to -I and to variables, so the plugin builds
# against the staged header and installs into the staged plugin directory.
PKG_CONFIG_PATH=$(dirname "$pc")
PKG_CONFIG_LIBDIR=$PKG_CONFIG_PATH
PKG_CONFIG_SYSROOT_DIR=$stage
export PKG_CONFIG_PATH PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR
plugindir=$(pkg-config --variable=plugindir pk2d)
case $plugindir in "$stage"/*) ;; *) echo "plugindir $plugindir not staged"; exit 1 ;; esac

cp -R "$PK2D_TOP_SRCDIR/docs/example-plugin" "$tmp/plugin"
chmod -R u+w "$tmp/plugin"
MAKEFLAGS= make -s -C "$tmp/plugin" >/dev/null
MAKEFLAGS= make -s -C "$tmp/plugin" install
test -x "$plugindir/posyandu.so"

unset PK2D_PLUGIN_PATH
cd "$tmp/plugin"
PK2D_DATA_DIR=$data "$pk2d" --plugin-path "$plugindir" plugins >"$tmp/plugins.txt"
grep -q 'posyandu' "$tmp/plugins.txt"
grep -q 'posyandu_active' "$tmp/plugins.txt"

PK2D_DATA_DIR=$data "$pk2d" --plugin-path "$plugindir" -c pk2d.ini report --format json \
	-o "$tmp/report.json"
# The village sums the three RTs: 1/2 + 1/1 + 2/3 active = 4 of 6 posyandu.
tr -d ' \n\t' <"$tmp/report.json" >"$tmp/flat.json"
grep -q '"indicator":"posyandu.posyandu_active","area":"63.02.09.2007","rt":3,"period":"2023","numerator":2,"denominator":3' "$tmp/flat.json"

# Its declared table is checked by pk2d check: a renamed column is named
# with the header it looks like.
sed '1s/aktif/aktf/' posyandu.csv >renamed.csv
sed 's/^table = posyandu.csv/table = renamed.csv/' pk2d.ini >renamed.ini
status=0
PK2D_DATA_DIR=$data "$pk2d" --plugin-path "$plugindir" -c renamed.ini check >/dev/null \
	2>"$tmp/check.err" || status=$?
test $status -eq 1 || { cat "$tmp/check.err"; echo "check exit status $status"; exit 1; }
grep -qF "renamed.csv:1: no column 'aktif' ([plugin.posyandu] table: active, required); did you mean 'aktf'?" \
	"$tmp/check.err" || { cat "$tmp/check.err"; exit 1; }
echo "out-of-tree plugin built, installed and run"
