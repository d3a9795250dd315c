#!/bin/sh
# The HTML report of a synthetic village printed to PDF by headless
# Chromium, read back with pdftotext: a table that runs over a page break
# repeats its header row there, and no page ends on a section heading.
# Skips (77) without Chromium or poppler-utils.
set -u
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ] || ! command -v pdftotext >/dev/null; then
	echo "SKIP: needs chromium and pdftotext (apt-get install chromium poppler-utils)"
	exit 77
fi
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}" "${PK2D_DATA_DIR:?}"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
model=$(cd "$PK2D_TOP_SRCDIR/conf/models" && pwd)/ikk.ini

"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q -o "$tmp/v" \
	--area 63.02.09.2007 --seed 5 || fail "pk2d-synth"
sed "s|^\[pk2d\]\$|[pk2d]\\nmodel = $model|" "$tmp/v/pk2d.ini" >"$tmp/v/run.ini"
"$PK2D_TOP_BUILDDIR/src/pk2d" -q -c "$tmp/v/run.ini" report -o "$tmp/r.html" ||
	fail "pk2d report"
# On A6 paper the indicator table always runs over a page break (on A4 it
# did only when the fonts' metrics happened to push it there).
sed -i 's|</head>|<style>@page { size: A6; }</style></head>|' "$tmp/r.html"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$tmp/profile" --no-pdf-header-footer --print-to-pdf="$tmp/r.pdf" \
	"file://$tmp/r.html" 2>"$tmp/chrome.err" || { cat "$tmp/chrome.err"; fail "chromium --print-to-pdf"; }
pages=$(pdfinfo "$tmp/r.pdf" | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -ge 2 ] || fail "the PDF has ${pages:-no} pages"

# The indicator table's header ("Pembilang") once in the page, more often
# in print: the long table took its header to the next page.
in_html=$(grep -o 'Pembilang' "$tmp/r.html" | wc -l)
pdftotext -layout "$tmp/r.pdf" "$tmp/r.txt"
in_pdf=$(grep -o 'Pembilang' "$tmp/r.txt" | wc -l)
[ "$in_pdf" -gt "$in_html" ] ||
	fail "the table header is printed $in_pdf times for $in_html tables: not repeated"

# The numbered section headings ("3. Capaian per OPD") never close a page.
p=1
while [ "$p" -le "$pages" ]; do
	last=$(pdftotext -f "$p" -l "$p" -layout "$tmp/r.pdf" - | grep -v '^[[:space:]]*$' | tail -n 1)
	case $last in
	[0-9].\ [A-Z]* | [0-9][0-9].\ [A-Z]*) fail "page $p ends on the heading '$last'" ;;
	esac
	p=$((p + 1))
done
[ "$failures" -eq 0 ] || exit 1
echo "ok: $pages pages, table headers repeated, no heading left at a page's end"
