/*
 * indicators.h - the built-in survey indicators of the family plugin.
 */
#ifndef FAMILY_INDICATORS_H
#define FAMILY_INDICATORS_H

#include <stddef.h>

/* The built-in indicators' labels in Bahasa Indonesia, also the help of
 * their columns (family.c). */
#define FAMILY_LABEL_L1 "Pasangan memiliki buku/akta nikah"
#define FAMILY_LABEL_L2 "Anak 0-17 th memiliki akta kelahiran"
#define FAMILY_LABEL_L3 "Tidak ada perkawinan anak (anggota < 19 th berstatus kawin)"
#define FAMILY_LABEL_F1 "Kecukupan pangan (makan >= 2x sehari / makanan beragam)"
#define FAMILY_LABEL_F2 "KK tanpa balita stunting (bebas masalah gizi)"
#define FAMILY_LABEL_F3 "Anggota dengan gangguan kesehatan/penyakit kronis/disabilitas tertangani"
#define FAMILY_LABEL_F4 "Tersedia lokasi tetap untuk tidur (kamar orang tua terpisah dari anak)"
#define FAMILY_LABEL_F5 "Akses air minum layak"
#define FAMILY_LABEL_F6 "Akses jamban/sanitasi layak"
#define FAMILY_LABEL_E1 "Tinggal di rumah milik sendiri"
#define FAMILY_LABEL_E2 "Ada anggota dengan sumber penghasilan"
#define FAMILY_LABEL_E3 "Pendapatan per kapita >= garis kemiskinan"
#define FAMILY_LABEL_E4 "Mampu membiayai pendidikan anak"
#define FAMILY_LABEL_E5 "Tidak ada anak 7-18 th putus/tidak pernah sekolah"
#define FAMILY_LABEL_E6 "Memiliki tabungan keluarga"
#define FAMILY_LABEL_E7 "Memiliki jaminan/asuransi kesehatan (JKN)"
#define FAMILY_LABEL_E8 "Rumah sehat layak huni"
#define FAMILY_LABEL_P1 "Tidak ada kekerasan terhadap perempuan (KDRT)"
#define FAMILY_LABEL_P2 "Tidak ada kekerasan terhadap anak"
#define FAMILY_LABEL_P3 "Tidak menjadi korban tindak pidana"
#define FAMILY_LABEL_P4 "Kebersamaan keluarga (waktu bersama)"
#define FAMILY_LABEL_P5 "Keputusan keluarga diambil bersama suami-istri"
#define FAMILY_LABEL_P6 "Keterbukaan pengelolaan keuangan"
#define FAMILY_LABEL_B1 "Lansia dihormati/dirawat keluarga"
#define FAMILY_LABEL_B2 "Partisipasi kegiatan sosial lingkungan (kerja bakti, dll)"
#define FAMILY_LABEL_B3 "Partisipasi kegiatan keagamaan"
#define FAMILY_LABEL_B4 "Ikut kegiatan PKK/dasawisma"
#define FAMILY_LABEL_B5 "Ikut rukun kematian/jimpitan/arisan (gotong royong)"
#define FAMILY_LABEL_B6 "Kerukunan/toleransi antarumat dan antaretnis"

typedef struct family_builtin {
	const char *code;              /* "L1": the default column header */
	const char *group;             /* the dimension it belongs to */
	const char *label_id, *label_en;
} family_builtin;

extern const family_builtin family_builtins[];
extern const size_t family_n_builtins;

#endif
