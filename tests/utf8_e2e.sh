#!/bin/sh
# Bytes that are not UTF-8 (Windows-1252, as Excel writes them on Indonesian
# machines) and control characters in every kind of input: a CSV cell quoted
# in a note, an INI label of the configuration and of the model, the title,
# and a region name. Every report format must come out valid UTF-8 and valid
# in its own syntax (JSON parsed by python3, every XML part of the XLSX by
# xmllint), the repaired text must be there, and each repair is reported
# with its file and line.
set -eu
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
for tool in python3 xmllint unzip iconv; do
	command -v $tool >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d

# E9 is e-acute in Windows-1252, 80 the euro sign, 01 and 02 control characters.
mkdir -p "$tmp/data/wilayah"
printf 'kode,nama,tingkat\n63,Kalimantan Selatan,provinsi\n63.02,Kabupaten Kotabaru,kabupaten_kota\n' \
	>"$tmp/data/wilayah/kode-wilayah.csv"
printf '63.02.09,Kelumpang Tengah,kecamatan\n63.02.09.2007,Sang-Sang Caf\351\001,desa_kelurahan\n' \
	>>"$tmp/data/wilayah/kode-wilayah.csv"
printf 'alias,kode,sumber\nKalsel,63,singkatan umum\n' >"$tmp/data/wilayah/alias-provinsi.csv"
e_acute=$(printf '\351')
sed "s/^\\(label_id *=.*\\)\$/\\1 $e_acute/" "$PK2D_TOP_SRCDIR/conf/models/ikk.ini" \
	>"$tmp/model.ini"
grep -q "$(printf '\351')" "$tmp/model.ini" || fail "no label changed in the model"
first_label=$(grep -n '^label_id' "$PK2D_TOP_SRCDIR/conf/models/ikk.ini" | head -n 1 | cut -d: -f1)
cat >"$tmp/pk2d.ini" <<INI
[pk2d]
period = 2023
area = 63.02.09.2007
model = model.ini
title = Laporan $(printf 'Caf\351 \200\002')

[plugin.dukcapil]
module = activities
agency = Dinas Kependudukan $(printf '\351')
log = kegiatan.csv
intervention.akta.label = Akta kelahiran $(printf '\351\001')
intervention.akta.label_en = Birth certificates
intervention.akta.unit = akta

[pk2d]
; kegiatan.csv's second row (1 of 3) is rejected on purpose
max_rejected = 50
INI
printf 'kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran\n' >"$tmp/kegiatan.csv"
printf '63.02.09.2007,,akta,24,23,2023-04-13,\n' >>"$tmp/kegiatan.csv"
printf '63.02.09.2007,,Caf\351\001,5,5,2023-04-13,\n' >>"$tmp/kegiatan.csv"
printf '63.02.09.2007,,akta,11,8,2023-08-24,\n' >>"$tmp/kegiatan.csv"

cd "$tmp"
rc=0
PK2D_DATA_DIR="$tmp/data" pk2d_run -c pk2d.ini report --store none \
	-f text,json,html,md,csv,xlsx,dhis2 -o r.txt -o r.json -o r.html -o r.md -o r.csv \
	-o r.xlsx -o r.dhis2.json 2>err || rc=$?
# The rejected row is the only problem: the run itself is fine.
test $rc -eq 0 || { cat err; fail "report exit status $rc, want 0"; }

# Each repair with its file and line: INI files and the region names on stderr,
# the plugin's CSV file in the report's accounting.
has err "pk2d.ini:5: text not in UTF-8: read as Windows-1252"
has err "pk2d.ini:5: control character in text: replaced by U+FFFD"
has err "pk2d.ini:9: text not in UTF-8: read as Windows-1252"
has err "pk2d.ini:11: control character in text: replaced by U+FFFD"
has err "model.ini:$first_label: text not in UTF-8: read as Windows-1252"
has err "kode-wilayah.csv:5: text not in UTF-8: read as Windows-1252"
has err "kode-wilayah.csv:5: control character in text: replaced by U+FFFD"
has r.txt "text not in UTF-8"
has r.txt "control character in text"
python3 - r.json <<'PY' || fail "the JSON report does not say which line was repaired"
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
s = json.dumps(r, ensure_ascii=False)
assert '"line": 3' in s or '3' in s, s
assert "text not in UTF-8" in s and "control character in text" in s
PY

# Every format is UTF-8; the JSON ones parse; every XML part of the XLSX is
# well-formed; the repaired text is in them.
for f in r.txt r.json r.html r.md r.csv r.dhis2.json; do
	iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || fail "$f is not valid UTF-8"
	# No control character but tab, LF and CR.
	if LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037]')" "$f"; then
		fail "$f holds a control character"
	fi
done
for f in r.json r.dhis2.json; do
	python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$f" ||
		fail "$f does not parse as JSON"
done
mkdir x && (cd x && unzip -q ../r.xlsx) || fail "r.xlsx is not a zip file"
n=0
for part in $(cd x && find . -name '*.xml' -o -name '*.rels'); do
	xmllint --noout "x/$part" || fail "r.xlsx: $part is not well-formed XML"
	n=$((n + 1))
done
test $n -gt 5 || fail "r.xlsx has only $n XML parts"
cafe=$(printf 'Caf\303\251')
has r.txt "Laporan $cafe"
has r.txt "Sang-Sang $cafe"
has r.json "Sang-Sang $cafe"
has r.html "Akta kelahiran $(printf '\303\251')"
has r.md "Sang-Sang $cafe"
grep -rqF "Sang-Sang $cafe" x/xl || fail "r.xlsx lacks the repaired village name"
[ "$failures" -eq 0 ] || exit 1
echo "ok: every format valid UTF-8 from Windows-1252 and control characters in every input"
