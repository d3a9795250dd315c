#!/bin/sh
# End to end: the built pk2d runs the pkk, education and activities plugins
# (two agencies) on small files, in child processes as in production, and the
# JSON report holds the values worked out by hand in check_pkk.c,
# check_education.c and check_activities.c for the same kind of rows. Then a
# configuration error must fail the run with its file:line.
set -eu

pk2d=${PK2D_TOP_BUILDDIR:?}/src/pk2d
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
cd "$tmp"
V=63.02.09.2007

cat >pk2d.ini <<EOF
[pk2d]
period = 2023
area = $V
include = agencies.ini
; every file here holds a bad row on purpose (up to half of a file's rows)
max_rejected = 50

[plugin.pkk]
recap = rekap-dasawisma.csv
pokja = kegiatan-pokja.csv
log = intervensi-pkk.csv
dasawisma_output = pkk-dasawisma.csv

[plugin.education]
children = anak-sekolah.csv
EOF

cat >agencies.ini <<EOF
[plugin.dukcapil]
module = activities
agency = Disdukcapil
log = kegiatan-dukcapil.csv
intervention.akta_kelahiran.label = Penerbitan akta kelahiran
intervention.akta_kelahiran.aims = akta_anak, pkk.krt
indicator.akta_anak.label = Anak 0-17 dengan akta
indicator.akta_anak.table = cakupan-dukcapil.csv
indicator.akta_anak.numerator = anak_berakta
indicator.akta_anak.denominator = anak_0_17

[plugin.kua]
module = activities
agency = KUA
intervention.isbat_nikah.label = Isbat nikah
intervention.isbat_nikah.target = 12
intervention.isbat_nikah.aims = education.ats
EOF

# Households: RT1 rumah sehat 1, 1, 0; RT2 1 and one unreadable tick.
cat >rekap-dasawisma.csv <<EOF
kode_wilayah;rt;dasawisma;jml_kk;rumah_sehat;jamban;sumber_air
$V;1;Mawar;1;1;1;PDAM
$V;1;Mawar;2;v;ya;sumur
$V;1;Melati;1;0;tidak;sumur
$V;2;Melati;1;1;1;lainnya
$V;2;Anggrek;1;abc;1;
$V;RT X;Anggrek;1;1;1;PDAM
EOF
cat >kegiatan-pokja.csv <<EOF
kode_wilayah,rt,pokja,kegiatan,volume,peserta,tanggal
$V,1,I,Kerja bakti,2,30,2023-03-05
$V,1,I,Penghayatan Pancasila,1,25,2023-04-10
$V,1,V,Lain,1,1,2023-01-01
EOF
cat >intervensi-pkk.csv <<EOF
kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran
$V,1,hatinya_pkk,10,8,2023-02-01,500000
$V,1,hatinya_pkk,5,5,2024-01-01,
EOF
cat >anak-sekolah.csv <<EOF
nik,no_kk,kode_wilayah,rt,umur,jenjang,status
c3,K1,$V,1,13,SMP,sekolah
c4,K2,$V,1,12,SMP,sekolah
c5,K2,$V,1,16,,putus sekolah
c15,K3,$V,1,14,SMP,sekolah
EOF
cat >kegiatan-dukcapil.csv <<EOF
kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran
$V,1,akta_kelahiran,20,18,15/03/2023,0
$V,1,kia,1,1,2023-01-01,
EOF
cat >cakupan-dukcapil.csv <<EOF
kode_wilayah,rt,periode,anak_0_17,anak_berakta
$V,1,2023,10,8
$V,2,2023,4,6
EOF

status=0
pk2d_run -c pk2d.ini -f json -o report.json report 2>stderr.txt || status=$?
if [ "$status" -ne 0 ]; then
	cat stderr.txt
	echo "pk2d report exited $status" >&2
	exit 1
fi
tr -d ' \n\t' <report.json >flat.json

expect() {
	if ! grep -q "$1" flat.json; then
		echo "not in the report: $1" >&2
		exit 1
	fi
}
value() {
	expect "\"indicator\":\"$1\",\"area\":\"$V\",\"rt\":$2,\"period\":\"2023\",\"numerator\":$3,\"denominator\":$4,"
}

# Every instance ran.
for i in pkk education dukcapil kua; do
	expect "\"instance\":\"$i\",\"module\":\"[a-z]*\",\"agency\":\"[^\"]*\",\"path\":\"[^\"]*\",\"state\":\"ok\""
done
# pkk: rumah sehat RT1 2 of 3, RT2 1 of 1 (the 'abc' tick left out); KRT
# rows per dasawisma summed per RT; Pokja I in RT1: 2 records, volume 3.
value pkk.rumah_sehat 1 2 3
value pkk.rumah_sehat 2 1 1
value pkk.air_sumur 1 2 3
value pkk.pokja1_volume 1 3 1
expect '"indicator":"pkk.dasawisma","area":"63.02.09.2007","rt":null,"period":"2023","numerator":3,'
# education: age 13-15 in RT1: c3, c15; SMP pupils c3, c4 (12), c15: APK
# 3/2, APM 2/2; K2 has a child out of school: 2 of 3 KK.
value education.apk_smp 1 3 2
value education.apm_smp 1 2 2
value education.ats_putus_sekolah 1 1 1
value education.kk_children_in_school 1 2 3
# activities: RT2's row has 6 > 4 and is rejected. A value without RT has
# "rt":null in the JSON report.
value dukcapil.akta_anak 1 8 10
expect '"intervention":"dukcapil.akta_kelahiran","area":"63.02.09.2007","rt":1,"period":"2023","target":20,"realised":18,"budget":0}'
expect '"intervention":"kua.isbat_nikah","area":"63.02.09.2007","rt":null,"period":"2023","target":12,"realised":0,'
expect '"intervention":"pkk.hatinya_pkk","area":"63.02.09.2007","rt":1,"period":"2023","target":10,"realised":8,"budget":500000}'
# Rejected rows are in the report with their kind and line (flat.json has
# lost every blank, those inside strings too).
expect '"kind":"badrt","count":1,"rejected":true,"examples":\[{"line":7,'
expect '"kind":"unknownpokja","count":1,'
expect '"kind":"outsideperiod","count":1,'
expect '"kind":"unknownintervention","count":1,'
expect '"kind":"numeratorabovedenominator","count":1,'
# The per-dasawisma table was written.
grep -q "^$V,1,Mawar,2,3,100.0,100.0,50.0,50.0,0.0\$" pkk-dasawisma.csv || {
	cat pkk-dasawisma.csv >&2
	echo "pkk-dasawisma.csv lacks the Mawar row" >&2
	exit 1
}

# A column named in the INI that the table lacks: the instance fails before
# it runs (pk2d's check of its declared inputs), the report is still
# written, pk2d exits 1 and names the key's file and line.
sed 's/anak_berakta$/anak_akta/' agencies.ini >agencies.tmp && mv agencies.tmp agencies.ini
status=0
pk2d_run -c pk2d.ini -o report.txt report 2>stderr.txt || status=$?
test "$status" -eq 1 || { echo "expected exit 1, got $status" >&2; exit 1; }
grep -qF "agencies.ini:9: column 'anak_akta' is not in ./cakupan-dukcapil.csv ([plugin.dukcapil] indicator.akta_anak.numerator)" stderr.txt || {
	cat stderr.txt >&2
	exit 1
}
grep -q dukcapil report.txt
exit 0
