#!/bin/sh
# End to end: a report that cannot be written because the disk is full names
# the file and the cause, in every format, exits 1 and leaves no partial or
# temporary file. /dev/full everywhere; a full tmpfs where the test may mount
# one (root, as in CI), else that half is skipped with the reason.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
mnt=$tmp/full
mounted=
cleanup() {
	if [ -n "$mounted" ]; then umount "$mnt"; fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

. "$PK2D_TOP_SRCDIR/tests/family_run.sh"
family_run "$tmp" none || exit 1

formats="text:txt html:html md:md csv:csv json:json xlsx:xlsx dhis2:dhis2.json"
# full OUT FORMAT: the report in FORMAT to OUT must fail naming OUT and ENOSPC.
full() {
	rc=0
	pk2d_run -q -c "$tmp/pk2d.ini" report -f "$2" -o "$1" 2>"$tmp/err" || rc=$?
	test $rc -eq 1 || { cat "$tmp/err"; fail "$2 to $1: exit status $rc, want 1"; }
	has "$tmp/err" "pk2d: $1: No space left on device"
}

for fe in $formats; do
	full /dev/full "${fe%%:*}"
done

if [ "$(id -u)" != 0 ]; then
	echo "note: not root, so no tmpfs could be mounted: only /dev/full was tried"
	exit "$((failures > 0))"
fi
mkdir "$mnt"
if ! mount -t tmpfs -o size=64k,mode=0755 tmpfs "$mnt" 2>"$tmp/err"; then
	echo "note: cannot mount a tmpfs here ($(cat "$tmp/err")): only /dev/full was tried"
	exit "$((failures > 0))"
fi
mounted=1
# Fill it: each report then fails at its first block, inside the writer for
# the larger formats, at the last flush for the small ones.
dd if=/dev/zero of="$mnt/fill" bs=1024 count=128 2>/dev/null || true
for fe in $formats; do
	full "$mnt/r.${fe#*:}" "${fe%%:*}"
done
left=$(ls -A "$mnt")
test "$left" = fill || fail "files left on the full disk: $left"
# Room for the start of a report but not all of it: the HTML report fails
# in the middle of writing.
rm "$mnt/fill"
dd if=/dev/zero of="$mnt/fill" bs=1024 count=56 2>/dev/null
full "$mnt/r.html" html
left=$(ls -A "$mnt")
test "$left" = fill || fail "files left on the full disk: $left"
[ "$failures" -eq 0 ] || exit 1
echo "full disk: ok"
