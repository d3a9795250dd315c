# What the shell tests share, sourced after `set -u` (and after any check
# that skips the test, so that a skipped test makes no folder):
#   tmp       a private folder, removed when the test ends (a test that
#             needs more on exit sets its own trap after sourcing this)
#   fail MSG  prints "FAIL: MSG" and counts it in $failures; a test ends
#             with `[ "$failures" -eq 0 ] || exit 1` so that every failure
#             of a run is printed, not only the first
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}
