#!/bin/sh
# Trends across two stored periods (pk2d-synth, 2023 and 2024): the
# comparison table in text, Markdown and HTML carries each indicator's code
# (the model's "L2", else the registry id "dukcapil.akta_anak", which has
# the same label) and the change with the decimals of the values; a target
# that changed between the periods and a model file that changed are said;
# the HTML and the PDF draw each problem indicator over the periods, with
# the target it must reach and the period whose target was another; the
# JSON trend flags both changes. The same model in both periods says
# nothing of a change.
set -u
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}" "${PK2D_DATA_DIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
cp -R "$PK2D_TOP_SRCDIR/conf/models" "$tmp/models"
chmod -R u+w "$tmp"
cp "$tmp/models/ikk.ini" "$tmp/models/ikk2.ini"
echo "; the 2024 model: another file, another digest" >>"$tmp/models/ikk2.ini"
for y in 2023 2024; do
	"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --kk 60 --rt 3 \
		-o "$tmp/h$y" -a 63.02.09.2007 -p "$y" --seed "$y" || fail "pk2d-synth $y"
done
sed -i "s|^\[pk2d\]\$|[pk2d]\\nmodel = $tmp/models/ikk.ini|" "$tmp/h2023/pk2d.ini"
cp "$tmp/h2024/pk2d.ini" "$tmp/h2024/same.ini"
sed -i "s|^\[pk2d\]\$|[pk2d]\\nmodel = $tmp/models/ikk2.ini|" "$tmp/h2024/pk2d.ini"
sed -i "s|^\[pk2d\]\$|[pk2d]\\nmodel = $tmp/models/ikk.ini|" "$tmp/h2024/same.ini"
# The akta target from 95 to 99: the 2024 value (97,5) misses it.
sed -i 's/^indicator.akta_anak.target = 95$/indicator.akta_anak.target = 99/' \
	"$tmp/h2024/agencies.ini"
"$pk2d" -q -c "$tmp/h2023/pk2d.ini" --store "$tmp/h.sqlite" report -o "$tmp/a.html" ||
	fail "pk2d report 2023"
grep -q 'Tren indikator bermasalah' "$tmp/a.html" && fail "2023: problem trends of one period"
grep -q 'Model IKK berubah' "$tmp/a.html" && fail "2023: a model change without a previous period"
"$pk2d" -q -c "$tmp/h2024/pk2d.ini" --store "$tmp/h.sqlite" report -o "$tmp/b.txt" \
	-o "$tmp/b.md" -o "$tmp/b.html" -o "$tmp/b.json" || fail "pk2d report 2024"

# The comparison table: codes (ikk, dim.<key> for the scores), the change
# as precise as the values and the difference of the values as shown
# (80,81 -> 89,40 is +8,59, not the unrounded +8,58), the target's change.
grep -Eq '^  dukcapil\.akta_anak +Anak 0-17 th memiliki akta kelahiran +96,3 +97,5 +\+1,2 +membaik; target berubah: 95,0 → 99,0$' \
	"$tmp/b.txt" || fail "text: akta row: $(grep 'akta_anak' "$tmp/b.txt")"
grep -Eq '^  L2 +Anak 0-17 th memiliki akta kelahiran +92,7 +95,1 +\+2,4 +membaik$' "$tmp/b.txt" ||
	fail "text: L2 row: $(grep '^  L2 ' "$tmp/b.txt")"
grep -Eq '^  ikk +IKK +80,81 +89,40 +\+8,59 +membaik$' "$tmp/b.txt" ||
	fail "text: IKK row (code ikk): $(grep ' IKK  ' "$tmp/b.txt")"
grep -Eq '^  dim\.legalitas_struktur +Kualitas Legalitas-Struktur +[0-9]' "$tmp/b.txt" ||
	fail "text: a dimension's row without its code dim.<key>"
# Every change is the difference of the values as shown.
awk '$1 ~ /^(ikk|dim\.)/ || $1 ~ /^[LFEPB][0-9]$/ {
	n = NF; w = $n; if (w !~ /^(membaik|memburuk|tetap|berubah)/) next
	d = $(n - 1); c = $(n - 2); p = $(n - 3); gsub(",", ".", d); gsub(",", ".", c); gsub(",", ".", p)
	if (sprintf("%.2f", c - p) + 0 != d + 0) print }' "$tmp/b.txt" >"$tmp/bad"
[ -s "$tmp/bad" ] && fail "a change that is not the difference of the values shown: $(cat "$tmp/bad")"
grep -Eq '^  family\.population +Jumlah jiwa +208 +221 +\+13 *$' "$tmp/b.txt" ||
	fail "text: a count's change has decimals: $(grep 'family.population' "$tmp/b.txt")"
grep -q '| dukcapil.akta\\_anak | Anak 0-17 th memiliki akta kelahiran | 96,3 | 97,5 | +1,2 | membaik; target berubah: 95,0 → 99,0 |' \
	"$tmp/b.md" || fail "Markdown: akta row"
grep -q '<td>dukcapil.akta_anak</td><td>Anak 0-17 th memiliki akta kelahiran</td><td class="n">96,3</td><td class="n">97,5</td><td class="n">+1,2</td>' \
	"$tmp/b.html" || fail "HTML: akta row"
for f in b.txt b.md b.html; do
	grep -q 'Model IKK berubah sejak periode sebelumnya: skor IKK dan dimensi tidak sepenuhnya sebanding (2023)' \
		"$tmp/$f" || fail "$f: the model's change is not said"
done

# The problems drawn over the periods, each with its line and the target
# it had before.
sed -n '/<h3>Tren indikator bermasalah<\/h3>/,/<\/div>/p' "$tmp/b.html" >"$tmp/p.html"
[ -s "$tmp/p.html" ] || fail "HTML: no problem trends"
grep -q '<figcaption>Anak 0-17 th memiliki akta kelahiran (Dinas Kependudukan dan Pencatatan Sipil)</figcaption>' \
	"$tmp/p.html" || fail "HTML: no akta trend chart"
grep -q '>Target 99,0<' "$tmp/p.html" || fail "HTML: the akta chart's target"
grep -q '<p class="sub">Target berbeda pada: 2023 (95,0)</p>' "$tmp/p.html" ||
	fail "HTML: the earlier target"
grep -q '<figcaption>E6 Memiliki tabungan keluarga</figcaption>' "$tmp/p.html" ||
	fail "HTML: no chart of an IKK problem"
grep -q '>Garis perhatian 75<' "$tmp/p.html" || fail "HTML: the IKK problem's line"
[ "$(grep -c '<polyline' "$tmp/p.html")" -eq "$(grep -c '<figure' "$tmp/p.html")" ] ||
	fail "HTML: a problem chart without its line"
if command -v pdftotext >/dev/null; then
	"$pk2d" -q -c "$tmp/h2024/pk2d.ini" --store "$tmp/h.sqlite" report -o "$tmp/b.pdf" ||
		fail "pk2d report 2024 (pdf)"
	pdftotext "$tmp/b.pdf" - | tr '\n' ' ' >"$tmp/b.pdf.txt"
	for want in 'Tren indikator bermasalah' 'Target berbeda pada: 2023 (95,0)' \
		'target berubah: 95,0 → 99,0' 'Model IKK berubah sejak periode sebelumnya'; do
		grep -q "$want" "$tmp/b.pdf.txt" || fail "PDF: no '$want'"
	done
fi

# The same model file as the previous period: no change is said.
"$pk2d" -q -c "$tmp/h2024/same.ini" --store "$tmp/h.sqlite" report -o "$tmp/c.txt" \
	-o "$tmp/c.json" || fail "pk2d report 2024 (same model)"
grep -q 'Model IKK berubah' "$tmp/c.txt" && fail "a change of model with the same model"

# The JSON trend carries the same flags: the model's change, and the akta
# target's (95 then, 99 now) on its row alone; the same model says none.
python3 - "$tmp/b.json" "$tmp/c.json" <<'PY' || fail "JSON: the trend's flags"
import json, sys
b, c = (json.load(open(p)) for p in sys.argv[1:3])
assert b["schema"] == 7, b["schema"]
tb, tc = (d["assessment"]["area"]["trend"] for d in (b, c))
assert tb["previous_period"] == "2023", tb["previous_period"]
assert tb["model_changed"] is True, "the model's change"
assert tc["model_changed"] is False, "a change of model with the same model"
rows = {r["id"]: r for r in tb["indicators"]}
akta = rows["dukcapil.akta_anak"]
assert akta["target_changed"] is True, akta
assert (akta["previous_target"], akta["current_target"]) == (95, 99), akta
changed = sorted(i for i, r in rows.items() if r["target_changed"])
assert changed == ["dukcapil.akta_anak"], changed
assert all(isinstance(r["target_changed"], bool) for r in tc["indicators"])
PY
[ "$failures" -eq 0 ] || exit 1
echo "ok: codes, precision, target and model changes, problem trends"
