# What the shell tests share, sourced after `set -u` (and after any check
# that skips the test, so that a skipped test makes no folder):
#   tmp       a private folder, removed when the test ends (a test that
#             needs more on exit sets its own trap after sourcing this)
#   fail MSG  prints "FAIL: MSG" and counts it in $failures; a test ends
#             with `[ "$failures" -eq 0 ] || exit 1` so that every failure
#             of a run is printed, not only the first
#   has FILE TEXT, hasnt FILE TEXT
#             fail, showing FILE, unless it holds (does not hold) TEXT
#   pk2d_run ARGS...
#             runs $pk2d (set by the test), under $PK2D_VALGRIND when set
#             ("valgrind -q --error-exitcode=99 ...": every pk2d under a checker)
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
has() { grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "no '$2' in $1"; }; }
hasnt() { ! grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "'$2' in $1"; }; }
pk2d_run() { ${PK2D_VALGRIND:-} "$pk2d" "$@"; }
