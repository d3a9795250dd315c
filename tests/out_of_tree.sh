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
# What it declares for the reports (ABI 1.3) shows in every format: its
# group and subgroup, the class of its 66.67 % (sedang, from 50), its table,
# and its headline column in a kecamatan's summary of villages.
mkdir -p models
cp "$PK2D_TOP_SRCDIR/conf/models/ikk.ini" models/
sed 's/^area = .*/area = 63.02.09/' pk2d.ini >kec.ini
PK2D_DATA_DIR=$data "$pk2d" --plugin-path "$plugindir" -c kec.ini report --store none \
	-o "$tmp/r.txt" -o "$tmp/r.html" -o "$tmp/r.md" -o "$tmp/r.csv" -o "$tmp/r.json" \
	-o "$tmp/r.xlsx" -o "$tmp/r.dhis2.json" 2>"$tmp/report.err" || { cat "$tmp/report.err"; exit 1; }
need() { grep -qF -- "$2" "$tmp/$1" || { echo "$1: missing: $2"; exit 1; }; }
need r.txt '  Layanan dasar'
need r.txt '    Posyandu'
need r.txt 'Posyandu aktif (Kelas: sedang)'
need r.txt 'Sumber kelas: Contoh ilustrasi (example bands)'
need r.txt '  Ringkasan posyandu'
need r.html '<strong>Layanan dasar</strong>'
need r.html '<small>Kelas: sedang</small>'
need r.html '<h4>Ringkasan posyandu</h4>'
need r.html '<th class="n">Posyandu aktif (%)</th>'
need r.md '**Layanan dasar**'
need r.md 'Posyandu aktif | % | 100,0 | 66,7 | 66,7 | belum tercapai (Kelas: sedang) |'
need r.md '#### Ringkasan posyandu'
need r.md '| Posyandu aktif (%) |'
need r.csv 'class,63.02.09.2007,'
need r.csv ',posyandu.posyandu_active,sedang,Dinas PMD,%,,,66.66666667,,medium'
need r.csv ',posyandu.summary,Semua posyandu: Aktif (%),Dinas PMD,percent,,,66.66666667,,'
tr -d ' \n\t' <"$tmp/r.json" >"$tmp/flat.json"
need flat.json '"group":"posyandu.posyandu"'
need flat.json '"class":{"key":"medium","label":"sedang"'
need flat.json '"headlines":{"posyandu.posyandu_active":66.66666666666'
need flat.json '"id":"posyandu.summary"'
need flat.json '"id":"posyandu.layanan","plugin":"posyandu","parent":null,"label":"Layanandasar"'
unzip -p "$tmp/r.xlsx" xl/sharedStrings.xml >"$tmp/strings.xml"
for word in 'Layanan dasar' 'Ringkasan posyandu' 'sedang' 'Posyandu aktif (%)'; do
	need strings.xml "$word"
done
# DHIS2 carries the values; the presentation is not DHIS2 data.
need r.dhis2.json 'PK2D_POSYANDU_POSYANDU_ACTIVE'
echo "out-of-tree plugin built, installed and run"
