/*
 * files.c - the files pk2d-synth writes and their header lines, as in
 * docs/inputs.md.
 */
#include <string.h>

#include "synth.h"

const char *const synth_indicator[SYNTH_N_IND] = {
	"L1", "L2", "L3",
	"F1", "F2", "F3", "F4", "F5", "F6",
	"E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8",
	"P1", "P2", "P3", "P4", "P5", "P6",
	"B1", "B2", "B3", "B4", "B5", "B6"
};

const int synth_dimension[SYNTH_N_IND] = {
	0, 0, 0,
	1, 1, 1, 1, 1, 1,
	2, 2, 2, 2, 2, 2, 2, 2,
	3, 3, 3, 3, 3, 3,
	4, 4, 4, 4, 4, 4
};

static const struct {
	const char *name;
	unsigned plugin;
	const char *header;
} files[SF_COUNT] = {
	[SF_SURVEY] = { "keluarga.csv", SP_FAMILY,
		"no_kk,kode_wilayah,rt,dasawisma,jml_laki,jml_perempuan,"
		"L1,L2,L3,F1,F2,F3,F4,F5,F6,E1,E2,E3,E4,E5,E6,E7,E8,"
		"P1,P2,P3,P4,P5,P6,B1,B2,B3,B4,B5,B6,"
		"status_pus,alat_kontrasepsi,keinginan_anak" },
	[SF_CHILDREN] = { "balita.csv", SP_HEALTH,
		"NIK;Nama;JK;Tgl Lahir;Nama Ortu;No KK;Kode Desa;Desa/Kel;Posyandu;RT;RW;"
		"Tanggal Pengukuran;Berat;Tinggi;Cara Ukur;LiLA;Edema" },
	[SF_HEALTH_LOG] = { "intervensi-kesehatan.csv", SP_HEALTH,
		"kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran" },
	[SF_SCHOOL] = { "anak-sekolah.csv", SP_EDUCATION,
		"nik,no_kk,kode_wilayah,rt,tanggal_lahir,jenis_kelamin,jenjang,status" },
	[SF_EDU_LOG] = { "intervensi-pendidikan.csv", SP_EDUCATION,
		"kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran" },
	[SF_RECAP] = { "rekap-dasawisma.csv", SP_PKK,
		"kode_wilayah,rt,dasawisma,nama_krt,jml_kk,anggota_l,anggota_p,balita_l,balita_p,"
		"pus,wus,ibu_hamil,ibu_menyusui,lansia,tiga_buta,berkebutuhan_khusus,"
		"rumah_sehat,tempat_sampah,spal,jamban,sumber_air,makanan_pokok,"
		"up2k,pekarangan,industri_rt,kesehatan_lingkungan" },
	[SF_POKJA] = { "kegiatan-pokja.csv", SP_PKK,
		"kode_wilayah,rt,pokja,kegiatan,volume,peserta,tanggal" },
	[SF_PKK_LOG] = { "intervensi-pkk.csv", SP_PKK,
		"kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran" },
	[SF_ACT_FIRST] = { "kegiatan-dukcapil.csv", SP_ACTIVITIES,
		"kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran" },
	[SF_ACT_FIRST + 1] = { "kegiatan-dinsos.csv", SP_ACTIVITIES,
		"kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran" },
	[SF_ACT_FIRST + 2] = { "kegiatan-perkim.csv", SP_ACTIVITIES,
		"kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran" },
	[SF_TABLE_FIRST] = { "cakupan-dukcapil.csv", SP_ACTIVITIES,
		"kode_wilayah,rt,periode,anak_0_17,anak_berakta" },
	[SF_TABLE_FIRST + 1] = { "cakupan-dinsos.csv", SP_ACTIVITIES,
		"kode_wilayah,rt,periode,kpm_pkh,kpm_pkh_ikut_p2k2" },
	[SF_TABLE_FIRST + 2] = { "cakupan-perkim.csv", SP_ACTIVITIES,
		"kode_wilayah,rt,periode,rumah,rumah_layak_huni" },
};

const char *synth_file_name(int f)
{
	return files[f].name;
}

unsigned synth_file_plugin(int f)
{
	return files[f].plugin;
}

unsigned synth_plugin_bit(const char *name)
{
	static const char *const names[] = { "family", "health", "education", "pkk", "activities" };

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return 1u << i;
	return 0;
}

void synth_write_headers(synth *s)
{
	for (int f = 0; f < SF_COUNT; f++) {
		out_str(&s->out[f], files[f].header);
		out_header_end(&s->out[f]);
	}
}

double synth_ikk(const synth *s)
{
	double dim_sum[5] = { 0 };
	int dim_n[5] = { 0 };
	double ikk = 0;
	int n = 0;

	for (int i = 0; i < SYNTH_N_IND; i++) {
		if (s->app[i] == 0)
			continue;
		dim_sum[synth_dimension[i]] += 100.0 * (double)s->met[i] / (double)s->app[i];
		dim_n[synth_dimension[i]]++;
	}
	for (int d = 0; d < 5; d++)
		if (dim_n[d]) {
			ikk += dim_sum[d] / dim_n[d];
			n++;
		}
	return n ? ikk / n : 0.0;
}
