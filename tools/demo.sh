#!/bin/sh
# Quick start: installs the build packages, builds pk2d, and assesses the
# bundled synthetic sample village (conf/sample/pk2d.ini).
# Usage: tools/demo.sh   (from the top of a checkout or a release tarball;
# builds under _build/demo, or in the tree when ./configure was run there)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
sh tools/setup-debian.sh
[ -x configure ] || autoreconf -fi >/dev/null 2>&1
if [ -f config.status ]; then
	: # configured in place: an out-of-tree build would be refused
else
	mkdir -p _build/demo
	cd _build/demo
	[ -f Makefile ] || "$top/configure" -q
fi
make -s -j"$(nproc 2>/dev/null || echo 2)" >/dev/null

export PK2D_PLUGIN_PATH="$PWD/plugins" PK2D_DATA_DIR="$top/data"
out=$PWD
# The sample keeps its history store in the build directory, not in conf/.
./src/pk2d -c "$top/conf/sample/pk2d.ini" report --store "$out/history.sqlite" -o - \
	-o "$out/sample-report.html" -o "$out/sample-report.xlsx" -o "$out/sample-report.json"
echo "written: $out/sample-report.html, .xlsx, .json"
