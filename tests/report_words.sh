#!/bin/sh
# One catalogue of words (src/report/i18n.c): the bundled sample's text,
# HTML and Markdown reports, with language = id and language = en, carry
# the same headings, and none carries the other language's heading or a
# wording the catalogue replaced ("Run status" where the HTML says "Plugin
# status", "Follow-up plan" where it says "Follow-up Plan").
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"

mkdir "$tmp/sample"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/sample/"
cp -r "$PK2D_TOP_SRCDIR/conf/models" "$tmp/"
chmod -R u+w "$tmp"
for lang in id en; do
	sed "s/^\[pk2d\]\$/[pk2d]\nlanguage = $lang/" "$PK2D_TOP_SRCDIR/conf/sample/pk2d.ini" \
		>"$tmp/sample/$lang.ini"
	"$pk2d" -q -c "$tmp/sample/$lang.ini" --store none report -o "$tmp/$lang.txt" \
		-o "$tmp/$lang.html" -o "$tmp/$lang.md" || fail "the sample's report in $lang"
done

# Headings every format shows: HEADING_ID|HEADING_EN, one a line.
while IFS='|' read -r id en; do
	for f in txt html md; do
		has "$tmp/id.$f" "$id"
		has "$tmp/en.$f" "$en"
		hasnt "$tmp/en.$f" "$id"
	done
done <<'WORDS'
Profil Wilayah|Area Profile
Indeks Kualitas Keluarga (IKK)|Family Quality Index (IKK)
Capaian per OPD|Results by Agency
Permasalahan|Problems
Rencana Tindak Lanjut|Follow-up Plan
Perencana Target|Target Planner
WORDS
# The run's part, in the text and HTML reports.
for f in txt html; do
	has "$tmp/id.$f" "Status plugin"
	has "$tmp/en.$f" "Plugin status"
	has "$tmp/id.$f" "Berkas yang dibaca"
	has "$tmp/en.$f" "Files read"
done
# Wordings the catalogue replaced.
for f in txt html md; do
	hasnt "$tmp/en.$f" "Run status"
	hasnt "$tmp/en.$f" "Follow-up plan"
	hasnt "$tmp/en.$f" "Target planner"
	hasnt "$tmp/en.$f" "Area profile"
	hasnt "$tmp/id.$f" "Rencana tindak lanjut"
done

[ "$failures" -eq 0 ] || exit 1
echo "the sample's headings agree across text, HTML and Markdown in id and en"
