#!/bin/sh
# Bad input files, for every shipped plugin and every file it reads: a
# missing file, an empty file (not even a header), a file without a column
# the plugin cannot do without, and a file with only a header. The first
# three fail the run (exit status 1) with "file: why" ("file:1:" for a
# column, or the INI key's file:line when the INI names the column; the
# host's check of the declared inputs says so before the plugin runs);
# a header-only file is a warning naming the file, and the run still
# succeeds. The report is written in every case and no temporary file is
# left behind.
set -eu

pk2d=${PK2D_TOP_BUILDDIR:?}/src/pk2d
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
cd "$tmp"

: >empty.csv
log_header='kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran'

# case NAME SECTION-BODY WANT-STATUS WANT-MESSAGE
case_() {
	name=$1
	printf '[pk2d]\nperiod = 2024\narea = 63.02.09.2007\n\n%s\n' "$2" >"$name.ini"
	status=0
	pk2d_run -c "$name.ini" -o "$name.txt" report 2>"$name.err" || status=$?
	test "$status" -eq "$3" || { cat "$name.err"; fail "$name: exit status $status, want $3"; }
	grep -qF -- "$4" "$name.err" || { cat "$name.err"; fail "$name: no '$4' on stderr"; }
	test -s "$name.txt" || fail "$name: no report"
	if ls | grep -q '\.tmp\.'; then fail "$name: temporary file left behind"; fi
}

# Each plugin's file key, the section around it, a file without its
# essential column and a header-only file.
check_plugin() {
	tag=$1 key=$2 extra=$3 nocol_text=$4 nocol_msg=$5 header=$6
	printf '%s\n' "$nocol_text" >"$tag-nocol.csv"
	printf '%s\n' "$header" >"$tag-header.csv"
	case_ "$tag-missing" "$extra
$key = $tag-absent.csv" 1 "$tag-absent.csv: No such file or directory"
	# pk2d check finds the missing file too, at the key's line.
	status=0
	pk2d_run -c "$tag-missing.ini" check >/dev/null 2>"$tag-check.err" || status=$?
	test "$status" -eq 1 || { cat "$tag-check.err"; fail "$tag: check exit status $status"; }
	grep -q "^pk2d: $tag-missing.ini:[0-9]*: .*$tag-absent.csv: No such file or directory" \
		"$tag-check.err" || { cat "$tag-check.err"; fail "$tag: check does not name the file"; }
	case_ "$tag-empty" "$extra
$key = empty.csv" 1 "empty.csv: empty file: no header line"
	case $nocol_msg in
	*"$tag-nocol.csv"*) want=$nocol_msg ;;
	*) want="$tag-nocol.csv:1: $nocol_msg" ;;
	esac
	case_ "$tag-nocol" "$extra
$key = $tag-nocol.csv" 1 "$want"
	case_ "$tag-header" "$extra
$key = $tag-header.csv" 0 "$tag-header.csv:1: only a header, no rows"
}

check_plugin family survey '[plugin.family]' \
	'kode_wilayah,rt,L1' "no column 'no_kk'" \
	'no_kk,kode_wilayah,rt,L1'
check_plugin health children '[plugin.health]' \
	'NIK;Berat;Tgl Lahir;Tanggal Pengukuran' "no column 'JK'" \
	'NIK;Kode Desa;RT;JK;Tgl Lahir;Tanggal Pengukuran;Berat;Tinggi'
check_plugin healthlog log '[plugin.health]' \
	'kode_wilayah,rt,sasaran,realisasi,tanggal' "no column 'intervensi'" \
	"$log_header"
check_plugin pkk recap '[plugin.pkk]' \
	'kode_wilayah,rt,nama_krt' "none of the recap's indicator columns" \
	'kode_wilayah,rt,dasawisma,nama_krt,jml_kk,anggota_l,anggota_p'
check_plugin pokja pokja '[plugin.pkk]
recap = pkk-header.csv' \
	'kode_wilayah,rt,kegiatan,volume' "no column 'pokja'" \
	'kode_wilayah,rt,pokja,kegiatan,volume,peserta,tanggal'
check_plugin pkklog log '[plugin.pkk]
recap = pkk-header.csv' \
	'kode_wilayah,rt,sasaran,realisasi,tanggal' "no column 'intervensi'" \
	"$log_header"
check_plugin education children '[plugin.education]' \
	'nik,kode_wilayah,rt,tanggal_lahir' "no column 'status'" \
	'nik,no_kk,kode_wilayah,rt,tanggal_lahir,jenis_kelamin,jenjang,status'
check_plugin edulog log '[plugin.education]
children = education-header.csv' \
	'kode_wilayah,rt,sasaran,realisasi,tanggal' "no column 'intervensi'" \
	"$log_header"
check_plugin activities log '[plugin.activities]
intervention.kia.label = Penerbitan KIA' \
	'kode_wilayah,rt,sasaran,realisasi,tanggal' "no column 'intervensi'" \
	"$log_header"
check_plugin table indicator.akta.table '[plugin.activities]
indicator.akta.label = Anak berakta
indicator.akta.numerator = berakta
indicator.akta.denominator = anak' \
	'kode_wilayah,rt,periode,anak' \
	"table-nocol.ini:7: column 'berakta' is not in ./table-nocol.csv ([plugin.activities] indicator.akta.numerator)" \
	'kode_wilayah,rt,periode,berakta,anak'
[ "$failures" -eq 0 ] || exit 1
echo "bad inputs: every plugin, every case"
