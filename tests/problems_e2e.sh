#!/bin/sh
# The problems, the status beside the capaian, targets by year and the
# target planner end to end on the bundled sample (conf/sample, period 2023):
# the rendered text, HTML, Markdown and JSON, checked for what a Dinkes or
# BKKBN reviewer looks at first (issue 13). The family figures of Sang-Sang
# stay as they were: IKK 81,80, its category, 786 KK, 10 RT.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
# A line holding $3 after the line that is exactly $2 and before the next
# line holding $4: a plan's entry under its problem.
under() {
	awk -v a="$2" -v b="$3" -v stop="$4" 'found && index($0, stop) { exit }
		found && index($0, b) { ok = 1; exit } $0 == a { found = 1 }
		END { exit ok ? 0 : 1 }' "$1" || fail "$1: no '$3' under '$2'"
}

"$pk2d" -q -c "$PK2D_TOP_SRCDIR/conf/sample/pk2d.ini" --store none report \
	-o "$tmp/r.txt" -o "$tmp/r.html" -o "$tmp/r.md" -o "$tmp/r.json" -o "$tmp/r.csv" ||
	fail "the sample's report"

# The family figures do not move.
has "$tmp/r.txt" "  IKK 81,80  Kualitas Keluarga Responsif Gender dan Pemenuhan Hak Anak"
has "$tmp/r.txt" "Jumlah KK           786"
has "$tmp/r.txt" "Jumlah RT           10"

# Stunting is a problem, against 2024's 14 % (Perpres 72/2021) in 2023,
# with the health interventions and Dinas Sosial's food aid in its plan.
has "$tmp/r.txt" "Prevalensi stunting (TB/U < -2 SD) [Dinas Kesehatan]: 26,3 %, target 14 (2024), selisih 12,25 (87,5 % dari target); belum tercapai (capaian 12,5 %)"
has "$tmp/r.txt" "Indikator OPD yang belum mencapai target, diurutkan menurut selisih relatif (selisih / target):"
has "$tmp/r.txt" "Indikator IKK, diurutkan menurut jumlah KK yang terdampak."
under "$tmp/r.txt" "  7. Prevalensi stunting (TB/U < -2 SD) [Dinas Kesehatan]" \
	"- Bantuan pangan keluarga berisiko stunting [Dinas Sosial]" "  8. "
under "$tmp/r.txt" "  7. Prevalensi stunting (TB/U < -2 SD) [Dinas Kesehatan]" \
	"- Remaja putri mengonsumsi tablet tambah darah (TTD) [Dinas Kesehatan]" "  8. "
# A coverage off its target is followed up by its own intervention.
under "$tmp/r.txt" "  8. Cakupan: Balita dipantau pertumbuhan dan perkembangannya [Dinas Kesehatan]" \
	"- Balita dipantau pertumbuhan dan perkembangannya [Dinas Kesehatan]" "  9. "
# Off target (a capaian of 95,5 %, in the band "Sangat Baik") reads as
# off target in its word too, never as its band; never green.
has "$tmp/r.txt" "95,50  belum tercapai belum tercapai Anak 0-17 th memiliki akta kelahiran"
has "$tmp/r.html" '<td class="n">95,5</td><td class="st"><span class="dot warn"></span>belum tercapai</td><td>belum tercapai</td></tr>'
has "$tmp/r.html" '<td class="n">98,7</td><td class="st"><span class="dot warn"></span>belum tercapai</td><td>belum tercapai</td></tr>'
hasnt "$tmp/r.html" '<span class="dot good"></span>belum tercapai'
hasnt "$tmp/r.html" 'Sangat Baik</td><td>belum tercapai'
has "$tmp/r.md" "| 1 | Anak 0-17 th memiliki akta kelahiran | % | 95,0 | 90,7 | 95,5 | belum tercapai | belum tercapai |"
has "$tmp/r.md" "| 7 | Prevalensi stunting (TB/U \\< -2 SD) | Dinas Kesehatan | 26,3 | 14,0 (2024) | 87,5 | belum tercapai (capaian 12,5 %) |"
has "$tmp/r.html" "<td>Dinas Kesehatan</td><td class=\"n\">26,3</td><td class=\"n\">14,0 (2024)</td>"

# The target planner, after the follow-up plan.
has "$tmp/r.txt" "== Perencana Target =="
has "$tmp/r.txt" "  IKK 81,80: Sudah di kategori tertinggi."
has "$tmp/r.txt" "  7. Prevalensi stunting (TB/U < -2 SD): 32 (satuan penyebut): RT 1 11 dari 11"
awk '/== Rencana Tindak Lanjut ==/ { f = 1 } /== Perencana Target ==/ { if (!f) exit 1; p = 1 }
	END { exit p ? 0 : 1 }' "$tmp/r.txt" || fail "the planner does not follow the plan"
has "$tmp/r.html" ">Perencana Target</h3>"
has "$tmp/r.md" "### Perencana Target"

# Coverage is realised / sasaran: under every list that shows it, a note that
# a planned volume gives another figure than a Perpres population target.
note="Cakupan = realisasi / sasaran. Sebanding dengan target Perpres (cakupan penduduk) hanya bila sasaran adalah jumlah penduduk sasaran; sasaran berupa rencana volume memberi angka yang berbeda."
awk -v n="  $note" '/== Rencana Tindak Lanjut ==/ { f = 1 } f && $0 == n { ok = 1 }
	/== Perencana Target ==/ { exit } END { exit ok ? 0 : 1 }' "$tmp/r.txt" ||
	fail "no coverage note under the follow-up plan"
[ "$(grep -cxF -- "  $note" "$tmp/r.txt")" -eq 8 ] ||
	fail "coverage notes in r.txt: $(grep -cxF -- "  $note" "$tmp/r.txt"), not the 7 agencies with interventions + the plan"
has "$tmp/r.html" "<p><small>$note</small></p>"
has "$tmp/r.md" "$note"

# The DP3A table's F2 says what it counts.
has "$tmp/r.txt" "KK tanpa balita stunting (bebas masalah gizi)"
hasnt "$tmp/r.txt" "gizi kurang)"

# JSON: the same, for machines.
python3 - "$tmp/r.json" <<'PY' || fail "r.json"
import json, sys
a = json.load(open(sys.argv[1]))["assessment"]["area"]
assert round(a["ikk"], 2) == 81.8, a["ikk"]
p = a["agency_problems"][0]
assert p["id"] == "health.stunting" and p["target"] == 14 and p["target_year"] == 2024, p
assert p["rank"] == len(a["problems"]) + 1 and p["to_change"] == 32, p
assert any(x["id"] == "dinsos.bantuan_pangan" for x in p["actions"]), p["actions"]
rows = {r["id"]: r for g in a["agencies"] for r in g["rows"]}
akta = [r for r in rows.values() if r["label"] == "Anak 0-17 th memiliki akta kelahiran"
        and r["target"] == 95][0]
assert akta["off_target"] is True and akta["colour"] == "amber", akta
assert akta["category"]["key"] == "sangat_baik", akta
assert a["ikk_plan"]["next_category"] is None and a["ikk_plan"]["changes"] == 0, a["ikk_plan"]
# The generator's pupils behind and ahead of their age: APK above APM at
# every level (the family figures above do not move).
for level in ("paud", "sd", "smp", "sma"):
    apk, apm = rows["education.apk_" + level]["realisasi"], rows["education.apm_" + level]["realisasi"]
    assert apk > apm, (level, apk, apm)
PY

# CSV: the same problems, plans and planner as JSON, record by record.
python3 - "$tmp/r.json" "$tmp/r.csv" <<'PY' || fail "r.csv against r.json"
import csv, json, sys
a = json.load(open(sys.argv[1]))["assessment"]["area"]
rows = [r for r in csv.DictReader(open(sys.argv[2], newline="")) if r["area"] == a["code"]]
def num(s):
    return None if s == "" else float(s)
def close(x, y):
    return (x is None and y is None) or (x is not None and y is not None and abs(x - y) < 1e-6)
probs = a["problems"] + a["agency_problems"]
heads = [r for r in rows if r["kind"] in ("problem", "agency_problem")]
assert [r["id"] for r in heads] == [p["id"] for p in probs], ([r["id"] for r in heads], probs)
assert [r["kind"] for r in heads].count("agency_problem") == len(a["agency_problems"])
stunting = [r for r in heads if r["id"] == "health.stunting"][0]
assert stunting["kind"] == "agency_problem" and stunting["status"] == "off_target", stunting
assert num(stunting["target"]) == 14 and num(stunting["numerator"]) == 68, stunting
for p in probs:
    mine = [r for r in rows if r["id"] == p["id"]]
    change = [r for r in mine if r["kind"] == "plan_change"]
    assert len(change) == 1 and close(num(change[0]["value"]), p["to_change"]), (p["id"], change)
    where = [(r["area"], num(r["rt"]), num(r["numerator"]), num(r["value"]))
             for r in mine if r["kind"] == "plan_where"]
    assert where == [(w["area"], w["rt"], w["affected"], w["take"]) for w in p["where"]], where
    worst = [(num(r["rt"]), num(r["numerator"]), num(r["denominator"]))
             for r in mine if r["kind"] == "problem_worst"]
    assert worst == [(w["rt"], w["numerator"], w["denominator"]) for w in p["worst"]], worst
    acts = [r["status"] for r in mine if r["kind"] == "problem_action"]
    assert acts == ([x["id"] for x in p["actions"]] or ["no_intervention"]), (p["id"], acts)
plan = a["ikk_plan"]
top = [r for r in rows if r["kind"] == "ikk_plan"]
assert len(top) == 1 and num(top[0]["value"]) == plan["changes"], top
assert top[0]["status"] == "" and plan["next_category"] is None, top
lines = [r for r in rows if r["kind"] == "ikk_at_lines"]
assert close(num(lines[0]["value"]), plan["ikk_at_lines"]), lines
assert lines[0]["status"] == plan["category_at_lines"]["key"], lines
PY

[ "$failures" -eq 0 ] || exit 1
echo "problems_e2e: all passed"
