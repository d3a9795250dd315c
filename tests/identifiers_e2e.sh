#!/bin/sh
# No personal identifier outside the by-name follow-up file: a made-up name
# is planted in every column of every CSV file of the sample, and a made-up
# NIK (16 digits) in every column that is not a count or a number, in rows
# of their own, so that each is read, quoted in a note or rejected wherever
# a plugin would. Every report format, the
# stderr log (with -v) and a dump of the history store must hold neither;
# the follow-up file (mode 0600) may.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
for tool in python3 unzip sqlite3; do
	command -v $tool >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d

mkdir "$tmp/s" "$tmp/out"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/s/"
cp -R "$PK2D_TOP_SRCDIR/conf/models" "$tmp/models"
chmod -R u+w "$tmp"
python3 - "$tmp/s" <<'PY'
import glob, os, re, sys
nik = 9971000000000000
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.csv"))):
    lines = open(path, encoding="utf-8").read().split("\n")
    header = lines[0]
    sep = max(";,\t", key=header.count)
    rows = [l for l in lines[1:] if l]
    cols = len(header.split(sep))
    for j in range(cols):
        values = [f[j] for f in (r.split(sep) for r in rows) if j < len(f) and f[j]]
        # A NIK in a count column is a (wrong) number, not text to quote.
        numeric = values and all(re.fullmatch(r"-?[0-9]+([.,][0-9]+)?", v) for v in values)
        for k, value in enumerate((None, "Qorizal Wibiqsono")):
            if value is None and numeric:
                continue
            nik += 1
            r = (2 * j + k) % len(rows)
            f = rows[r].split(sep)
            if j < len(f):
                f[j] = str(nik) if value is None else value
            rows[r] = sep.join(f)
    open(path, "w", encoding="utf-8").write(header + "\n" + "\n".join(rows) + "\n")
ini = os.path.join(sys.argv[1], "pk2d.ini")
text = open(ini, encoding="utf-8").read()
text = text.replace("[plugin.health]\n", "[plugin.health]\nfollowup_output = follow.csv\n")
open(ini, "w", encoding="utf-8").write(text)
PY
grep -q 'followup_output' "$tmp/s/pk2d.ini" || fail "no follow-up file configured"

rc=0
pk2d_run -v -c "$tmp/s/pk2d.ini" report --store "$tmp/out/history.sqlite" \
	-f text,json,html,md,csv,xlsx,dhis2 -o "$tmp/out/r.txt" -o "$tmp/out/r.json" \
	-o "$tmp/out/r.html" -o "$tmp/out/r.md" -o "$tmp/out/r.csv" -o "$tmp/out/r.xlsx" \
	-o "$tmp/out/r.dhis2.json" 2>"$tmp/out/stderr.log" || rc=$?
test $rc -le 1 || { cat "$tmp/out/stderr.log"; fail "report exit status $rc"; }
test -s "$tmp/out/r.xlsx" || { cat "$tmp/out/stderr.log"; fail "no report written"; }
test "$(stat -c %a "$tmp/s/follow.csv")" = 600 || fail "the follow-up file is not mode 0600"
sqlite3 "$tmp/out/history.sqlite" .dump >"$tmp/out/store.sql" || fail "cannot dump the store"
mkdir "$tmp/out/xlsx" && (cd "$tmp/out/xlsx" && unzip -q ../r.xlsx) || fail "r.xlsx is not a zip"
rm "$tmp/out/r.xlsx" "$tmp/out/history.sqlite"

# The planted rows were read and noted, masked.
grep -q '9971…' "$tmp/out/r.txt" || fail "no masked NIK in the text report: nothing was planted?"
grep -q "'Q… W…'" "$tmp/out/r.txt" || fail "no masked name in the text report"
# Seven digits in a row of a planted NIK, or a word of a planted name, is a leak.
if grep -rnE '9971000|Qorizal|Wibiqsono' "$tmp/out"; then
	fail "a personal identifier outside the follow-up file"
fi
[ "$failures" -eq 0 ] || exit 1
echo "ok: identifiers only in the follow-up file"
