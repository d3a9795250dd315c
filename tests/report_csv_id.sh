#!/bin/sh
# The CSV report in the excel-id dialect (';', decimal comma, UTF-8 byte
# order mark) opened by LibreOffice as a spreadsheet in the Indonesian
# locale (id-ID, language 1057) opens it, and written back as CSV with every
# text cell quoted: values are numbers with the right value, codes and labels
# stay text, the byte order mark is not part of the first cell. The same
# file in the RFC 4180 dialect does not give these numbers under id-ID (the
# reason for the dialect). Skips (77) without LibreOffice.
set -u
office=$(command -v soffice || command -v libreoffice || true)
if [ -z "$office" ]; then
	echo "SKIP: LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
	exit 77
fi
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
"$PK2D_TOP_BUILDDIR/tests/report_sample" "$tmp" || { echo "FAIL: report_sample"; exit 1; }
printf '\357\273\277kind;area;' | cmp -s -n 13 - "$tmp/report-id.csv" ||
	fail "report-id.csv does not start with a byte order mark and ';'"
# Opened as a user in Indonesia opens it: separator ';', UTF-8, language
# id-ID; written with ',' and text quoted (field 7), numbers unformatted.
to_csv() { # FILE OUTDIR
	timeout 180 "$office" --headless --norestore -env:UserInstallation="file://$tmp/profile" \
		--infilter='CSV:59,34,76,1,,1057' \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,false,false,false' \
		--outdir "$2" "$1" >>"$tmp/office.log" 2>&1 || fail "soffice $1"
}
to_csv "$tmp/report-id.csv" "$tmp/out"
out="$tmp/out/report-id.csv"
head -n 1 "$out" | grep -q '^"kind","area","area_name",' || fail "header: $(head -n 1 "$out")"
# Each expected line must be a whole line: numbers unquoted with their
# value (a negative mean, a fraction, a count, a percentage), codes quoted.
while IFS= read -r line; do
	grep -qxF -- "$line" "$out" || fail "missing line: $line"
done <<'LINES'
"ikk","63.02.09","Kelumpang Tengah",3,,2024,"ikk","Indeks Kualitas Keluarga (IKK)",,,,,69.86666667,,"mid"
"indicator","63.02.09.2007","<script>alert(1)</script> & ""Sang""",4,,2024,"fam.z","Rerata z","'=HYPERLINK(""http://x"",""y"")",,-3,2,-1.5,,
"indicator","63.02.09.2007","<script>alert(1)</script> & ""Sang""",4,1,2024,"fam.a1","<script>alert(""x"")</script>","'=HYPERLINK(""http://x"",""y"")","%",8,10,80,,"good"
"intervention","63.02.09","Kelumpang Tengah",3,,2024,"fam.kelas","'+kelas parenting","'=HYPERLINK(""http://x"",""y"")","KK",15,20,75,,
LINES
# Every numerator, denominator, value and target cell of every record is a
# number (unquoted) or empty, and every area code is text (quoted).
python3 - "$out" <<'PY' || fail "cells of the wrong type"
import sys

def records(text):
    """Each record as a list of (text, quoted) fields; quoted fields may
    hold line breaks."""
    rows, row, cur, quoted, inq, i = [], [], "", False, False, 0
    while i < len(text):
        ch = text[i]
        if inq and ch == '"' and text[i + 1:i + 2] == '"':
            cur += '"'; i += 1
        elif ch == '"':
            inq = not inq; quoted = True
        elif ch in ",\n" and not inq:
            row.append((cur.rstrip("\r"), quoted)); cur, quoted = "", False
            if ch == "\n":
                rows.append(row); row = []
        else:
            cur += ch
        i += 1
    return rows

bad = 0
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    rows = records(f.read())
for n, row in enumerate(rows[1:], 2):
    if len(row) != 15:
        print(f"line {n}: {len(row)} fields"); bad += 1; continue
    area, *_ = row[1]
    if not row[1][1]:
        print(f"line {n}: area {area} is not text"); bad += 1
    for col in (10, 11, 12, 13):
        text, quoted = row[col]
        if quoted:
            print(f"line {n}: column {col + 1} is text: {text}"); bad += 1
        elif text:
            float(text)
print(f"{len(rows) - 1} records checked")
sys.exit(1 if bad else 0)
PY
# The RFC 4180 file under id-ID: the mean -1.5 is not read as -1.5.
cp "$tmp/report.csv" "$tmp/rfc.csv"
sed 's/,/;/g' "$tmp/rfc.csv" >"$tmp/rfc-semicolon.csv"
to_csv "$tmp/rfc-semicolon.csv" "$tmp/rfc"
grep -q ',"fam.z","Rerata z",.*,-1.5,,$' "$tmp/rfc/rfc-semicolon.csv" &&
	fail "the decimal point read as a decimal separator under id-ID: the check proves nothing"
[ $failures -eq 0 ] || { cat "$tmp/office.log"; exit 1; }
echo "ok: the excel-id CSV opens as numbers under id-ID"
