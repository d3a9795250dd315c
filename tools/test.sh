#!/bin/sh
# The whole test suite, as CI runs it: installs the Debian packages, builds
# plainly and runs `make distcheck` (the tarball built in a fresh tree and
# the whole suite run there, so the plain build's tests run once, from
# exactly what is distributed), builds again with ASan and UBSan and runs
# `make check`, runs `pk2d report` on the bundled sample
# under valgrind (JSON, PDF, HTML and XLSX: the PDF's cairo, pango and
# librsvg need no suppression, as they leave nothing definitely lost; what
# GLib and librsvg keep for the process's life shows as possibly lost and
# is not printed), runs the libFuzzer harnesses for 18 s each (clang, ASan,
# UBSan; any crash fails), then prints every Check summary line and a
# closing line "N passed, M failed".
# Usage: tools/test.sh   (from the top of a checkout; builds under _build/,
# or under a private folder in $TMPDIR when the checkout's folders fail the
# plugin trust rule, as a clone made with a loose umask does)
set -u
# pk2d loads plugin files only where nobody else can write (docs/config.md):
# the build trees must not get group-writable folders from a loose umask.
umask 022
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
jobs=$(nproc 2>/dev/null || echo 2)
failed_steps=""
# Tests that may skip in CI (CI=true); any other skip fails the run there.
# The list and why: docs/design.md, "Tests that may skip". Empty today.
ci_may_skip=""

# Non-zero when dir or a folder above it is writable by group or others
# without being a root-owned sticky folder (/tmp): pk2d would refuse to load
# the plugins built there (docs/plugin-guide.md, "Where plugin files may be").
untrusted_path() {
	d=$1
	while :; do
		if [ -d "$d" ]; then
			perm=$(stat -c '%A %u' "$d")
			case $perm in
			d????w????*|d???????w?*)
				case $perm in d????????t\ 0) ;; *) return 0 ;; esac ;;
			esac
		fi
		[ "$d" = / ] && return 1
		d=$(dirname "$d")
	done
}

builds=$top/_build
if untrusted_path "$top"; then
	builds=$(mktemp -d "${TMPDIR:-/tmp}/pk2d-test.XXXXXX") || exit 2
	echo "tools/test.sh: $top or a folder above it is writable by others; building in $builds"
fi

# Each step says how long it took: CI must stay under 20 minutes.
step() {
	name=$1
	shift
	printf '== %s\n' "$name"
	started=$(date +%s)
	"$@"
	rc=$?
	printf '== %s: %s s%s\n' "$name" $(($(date +%s) - started)) \
		"$([ $rc -eq 0 ] || echo ', FAILED')"
	if [ $rc -ne 0 ]; then
		failed_steps="$failed_steps $name"
		return 1
	fi
}

build() {
	dir=$1
	shift
	rm -rf "$dir" && mkdir -p "$dir" && cd "$dir" &&
		"$top/configure" -q "$@" && make -s -j"$jobs" >/dev/null
	rc=$?
	cd "$top" || exit 2
	return $rc
}

check() {
	(cd "$1" && make -s -j"$jobs" check >/dev/null 2>&1)
	rc=$?
	if [ $rc -ne 0 ]; then
		cat "$1"/test-suite.log
	fi
	return $rc
}

# The libFuzzer harnesses (tests/fuzz/) under ASan and UBSan, built with
# clang: six harnesses of 18 s each, three minutes in all with the build.
fuzz() {
	rm -rf "$builds/fuzz" && mkdir -p "$builds/fuzz" && cd "$builds/fuzz" &&
		"$top/configure" -q --enable-fuzzing CC=clang && make -s -j"$jobs" fuzz FUZZ_SECONDS=18
	rc=$?
	cd "$top" || exit 2
	return $rc
}

# make distcheck; when it fails, the suite's log of the tarball's tree.
distcheck() {
	(cd "$1" && make -s -j"$jobs" distcheck >/dev/null)
	rc=$?
	if [ $rc -ne 0 ]; then
		find "$1" -path '*/_build/sub/test-suite.log' -exec cat {} +
	fi
	return $rc
}

valgrind_sample() {
	dir=$1
	out=$(mktemp -d)
	PK2D_PLUGIN_PATH="$dir/plugins" PK2D_DATA_DIR="$top/data" PK2D_NO_DLCLOSE=1 \
		valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--show-possibly-lost=no \
		--trace-children=yes "$dir/src/pk2d" -c conf/sample/pk2d.ini report \
		--format json,pdf,html,xlsx -o "$out/report.json" --store "$out/history.sqlite"
	rc=$?
	rm -rf "$out"
	# 1 means a plugin or data problem was reported, which the sample has none of.
	[ $rc -eq 0 ]
}

step setup tools/setup-debian.sh --tests || exit 1
# The builds below are out of tree, which configure refuses in a tree that
# was configured in place.
if [ -f config.status ]; then
	echo "tools/test.sh: ./configure was run in the tree; running 'make distclean' there first"
	make -s distclean >/dev/null || exit 1
fi
step autoreconf autoreconf -fi >/dev/null 2>&1 || exit 1
if step build-plain build "$builds/plain"; then
	step distcheck distcheck "$builds/plain"
	step valgrind-report valgrind_sample "$builds/plain"
fi
if step build-sanitizers build "$builds/sanitizers" --enable-sanitizers; then
	step check-sanitizers check "$builds/sanitizers"
fi
step fuzz fuzz

# Every Check suite's closing line, then one line for the whole run.
passed=0
failed=0
for log in "$builds"/sanitizers/tests/*.log; do
	[ -f "$log" ] || continue
	case $log in */test-suite.log) continue ;; esac
	line=$(grep -E '^[0-9]+%: Checks: [0-9]+' "$log" | tail -n 1)
	if [ -n "$line" ]; then
		echo "$log: $line"
		n=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
		f=$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
		e=$(echo "$line" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
		passed=$((passed + n - f - e))
		failed=$((failed + f + e))
	else
		trs=${log%.log}.trs
		[ -f "$trs" ] || continue
		res=$(sed -n 's/^:test-result: //p' "$trs")
		echo "$log: $res"
		case $res in
		PASS | XFAIL) passed=$((passed + 1)) ;;
		SKIP)
			# In CI a missing tool is a failure, unless docs/design.md
			# lists the test as one that may skip there.
			name=$(basename "${log%.log}")
			if [ "${CI:-}" = true ] && ! echo " $ci_may_skip " | grep -qF " $name "; then
				echo "$log: skipped in CI (tools/setup-debian.sh --tests installs its tools)"
				failed=$((failed + 1))
			fi
			;;
		*) failed=$((failed + 1)) ;;
		esac
	fi
done
for s in $failed_steps; do
	case $s in check-*) ;; *) failed=$((failed + 1)) ;; esac
done
[ -n "$failed_steps" ] && echo "failed steps:$failed_steps"
echo "$passed passed, $failed failed"
[ -z "$failed_steps" ] && [ "$failed" -eq 0 ]
