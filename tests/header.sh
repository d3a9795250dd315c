#!/bin/sh
# The public header is the contract with every agency: it must compile on its
# own as strict C99, with the template plugin, and from C++.
set -eu
: "${PK2D_TOP_SRCDIR:?run through make check}"
inc=$PK2D_TOP_SRCDIR/include
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

printf '#include <pk2d/plugin.h>\nint main(void) { return PK2D_ABI_MAJOR == 1 ? 0 : 1; }\n' >"$tmp/c99.c"
$cc -std=c99 -pedantic -Wall -Wextra -Werror -I"$inc" -c -o "$tmp/c99.o" "$tmp/c99.c"

# The template plugin, written the way the plugin guide tells agencies to.
$cc -std=c99 -pedantic -Wall -Wextra -Werror -fPIC -I"$inc" \
	-c -o "$tmp/posyandu.o" "$PK2D_TOP_SRCDIR/docs/example-plugin/posyandu.c"

if command -v c++ >/dev/null 2>&1; then
	printf '#include <pk2d/plugin.h>\nint main() { pk2d_value v = pk2d_value(); return v.rt; }\n' \
		>"$tmp/cxx.cc"
	c++ -std=c++11 -pedantic -Wall -Wextra -Werror -I"$inc" -c -o "$tmp/cxx.o" "$tmp/cxx.cc"
else
	echo "no C++ compiler: only the C checks ran"
fi
echo "header compiles as C99 -pedantic and as C++"
