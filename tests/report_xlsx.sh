#!/bin/sh
# The XLSX report read back by LibreOffice (every sheet to CSV, text cells
# quoted): numbers are numbers, codes and labels are text, formula columns
# carry their values, and formula-like text is neutralised. Skips (77)
# without LibreOffice.
set -u
office=$(command -v soffice || command -v libreoffice || true)
if [ -z "$office" ]; then
	echo "SKIP: LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
	exit 77
fi
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
"$PK2D_TOP_BUILDDIR/tests/report_sample" "$tmp" || { echo "FAIL: report_sample"; exit 1; }
# Field 7 "true": quote every text cell, so text and numbers can be told apart;
# the last field -1: every sheet to its own file.
timeout 180 "$office" --headless --norestore -env:UserInstallation="file://$tmp/profile" \
	--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1' \
	--outdir "$tmp/out" "$tmp/report.xlsx" >"$tmp/office.log" 2>&1 || fail "soffice"
# Each expected line, "SHEET<TAB>LINE", must be a whole line of the sheet.
while IFS='	' read -r sheet line; do
	grep -qxF -- "$line" "$tmp/out/report-$sheet.csv" || fail "sheet $sheet: missing line: $line"
done <<'LINES'
IKK	"Indeks Kualitas Keluarga (IKK)",69.8666666666667,"Sedang",,,,,,,
IKK	"A1","<script>alert(""x"")</script>","Dimensi A",16,25,64,64,"perlu perhatian",75,"attention"
IKK	"B1","'@SUM(1)","Dimensi B",16,25,64,64,"perlu perhatian",75,"attention"
Intervensi	"'=HYPERLINK(""http://x"",""y"")","'+kelas parenting","KK","KK",20,15,75,1000000
Ringkasan desa	"63.02.09.2008","'=cmd|' /C calc'!A0","Desa",10,68,"Sedang",,2
Ringkasan desa	"63.02.09","Kelumpang Tengah","Kecamatan",25,69.8666666666667,"Sedang",20,1
Data	"indicator","63.02.09.2007","<script>alert(1)</script> & ""Sang""",1,"2024","fam.z","Rerata z","'=HYPERLINK(""http://x"",""y"")",,-3,2,-1.5,,
Data	"intervention","63.02.09","Kelumpang Tengah",,"2024","fam.kelas","'+kelas parenting","'=HYPERLINK(""http://x"",""y"")","KK",15,20,75,,
Tren	"IKK",61.8666666666667,69.8666666666667,8,
Tabel Tambahan	"63.02.09","Kelumpang Tengah","TB/U (zlen)",9,10,0,-1,1.06066017177982
Tabel Tambahan	"63.02.09","Kelumpang Tengah","Balita",10,2,,,
LINES
# As shown (field 9 "true"): a count's cell has no decimals, a mean two.
timeout 180 "$office" --headless --norestore -env:UserInstallation="file://$tmp/profile" \
	--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,-1' \
	--outdir "$tmp/shown" "$tmp/report.xlsx" >>"$tmp/office.log" 2>&1 || fail "soffice as shown"
grep -q ',4,"Jumlah.*KK","KK",,25,,,,,,$' "$tmp/shown/report-Capaian per OPD.csv" ||
	fail "a count shown with decimals: $(grep Jumlah "$tmp/shown/report-Capaian per OPD.csv")"
grep -q ',5,"Rerata z",,,-1.50,,,,,,$' "$tmp/shown/report-Capaian per OPD.csv" ||
	fail "a mean not shown with 2 decimals: $(grep Rerata "$tmp/shown/report-Capaian per OPD.csv")"
# A declared class in the agency sheet's last column.
grep -q -- '-2+3",.*,"tinggi",' "$tmp/out/report-Capaian per OPD.csv" ||
	fail "no class: $(grep -- -2+3 "$tmp/out/report-Capaian per OPD.csv")"
# The agency sheet leaves out the indicators the plugin declared hidden
# (its declared tables present them); the Data sheet keeps them.
if grep -q 'zlen ditandai\|Rata-rata zlen\|Baris ditolak' "$tmp/out/report-Capaian per OPD.csv"; then
	fail "raw data-quality rows in the agency sheet: $(grep zlen "$tmp/out/report-Capaian per OPD.csv")"
fi
grep -q ',2,"Balita diukur",' "$tmp/out/report-Capaian per OPD.csv" || fail "no Balita diukur row 2"
grep -q '"health.meansq_zlen"' "$tmp/out/report-Data.csv" || fail "no meansq_zlen in Data"
for sheet in "Profil Wilayah" IKK "Rekapitulasi wilayah" "Capaian per OPD" Intervensi \
	"Tabel Tambahan" Permasalahan "Rencana Tindak Lanjut" "Masalah OPD" "Perencana Target" Tren \
	"Kualitas Data dan Status Proses" Data; do
	[ -s "$tmp/out/report-$sheet.csv" ] || fail "no sheet $sheet"
done
# Under the lists with a coverage, the note that a planned volume gives
# another figure than a population target.
for sheet in Intervensi "Rencana Tindak Lanjut"; do
	grep -q '^"Cakupan = realisasi / sasaran\. ' "$tmp/out/report-$sheet.csv" ||
		fail "sheet $sheet: no coverage note"
done
[ $failures -eq 0 ] || { cat "$tmp/office.log"; exit 1; }
echo "ok: XLSX read back"
