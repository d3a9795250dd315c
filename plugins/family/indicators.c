/*
 * indicators.c - the survey indicators the family plugin knows without
 * configuration: the 29 of the shipped working IKK model (DOMAIN.md section
 * 7.2). The wording is a working proposal, not the official Permen PPPA
 * 7/2022 list; a coordinator adds others with indicator.CODE keys.
 */
#include <config.h>

#include <stddef.h>

#include "indicators.h"

const family_builtin family_builtins[] = {
	{ "L1", "Kualitas Legalitas-Struktur",
	  "Pasangan memiliki buku/akta nikah", "Couple has a marriage certificate" },
	{ "L2", "Kualitas Legalitas-Struktur",
	  "Anak 0-17 th memiliki akta kelahiran", "Children 0-17 have a birth certificate" },
	{ "L3", "Kualitas Legalitas-Struktur",
	  "Tidak ada perkawinan anak (anggota < 19 th berstatus kawin)",
	  "No child marriage (no member under 19 married)" },
	{ "F1", "Kualitas Ketahanan Fisik",
	  "Kecukupan pangan (makan >= 2x sehari / makanan beragam)",
	  "Enough food (at least 2 meals a day, varied food)" },
	{ "F2", "Kualitas Ketahanan Fisik",
	  "KK tanpa balita stunting (bebas masalah gizi)",
	  "KK without a stunted child under five (free of nutrition problems)" },
	{ "F3", "Kualitas Ketahanan Fisik",
	  "Anggota dengan gangguan kesehatan/penyakit kronis/disabilitas tertangani",
	  "Members with a health disorder, chronic disease or disability are cared for" },
	{ "F4", "Kualitas Ketahanan Fisik",
	  "Tersedia lokasi tetap untuk tidur (kamar orang tua terpisah dari anak)",
	  "A fixed place to sleep (parents' room apart from the children)" },
	{ "F5", "Kualitas Ketahanan Fisik",
	  "Akses air minum layak", "Access to safe drinking water" },
	{ "F6", "Kualitas Ketahanan Fisik",
	  "Akses jamban/sanitasi layak", "Access to a proper latrine/sanitation" },
	{ "E1", "Kualitas Ketahanan Ekonomi",
	  "Tinggal di rumah milik sendiri", "Lives in an own house" },
	{ "E2", "Kualitas Ketahanan Ekonomi",
	  "Ada anggota dengan sumber penghasilan", "A member has a source of income" },
	{ "E3", "Kualitas Ketahanan Ekonomi",
	  "Pendapatan per kapita >= garis kemiskinan", "Income per head at or above the poverty line" },
	{ "E4", "Kualitas Ketahanan Ekonomi",
	  "Mampu membiayai pendidikan anak", "Able to pay for the children's education" },
	{ "E5", "Kualitas Ketahanan Ekonomi",
	  "Tidak ada anak 7-18 th putus/tidak pernah sekolah",
	  "No child 7-18 dropped out or never in school" },
	{ "E6", "Kualitas Ketahanan Ekonomi",
	  "Memiliki tabungan keluarga", "Has family savings" },
	{ "E7", "Kualitas Ketahanan Ekonomi",
	  "Memiliki jaminan/asuransi kesehatan (JKN)", "Has health insurance (JKN)" },
	{ "E8", "Kualitas Ketahanan Ekonomi",
	  "Rumah sehat layak huni", "Healthy, habitable house" },
	{ "P1", "Kualitas Ketahanan Sosial-Psikologi",
	  "Tidak ada kekerasan terhadap perempuan (KDRT)", "No violence against women (domestic)" },
	{ "P2", "Kualitas Ketahanan Sosial-Psikologi",
	  "Tidak ada kekerasan terhadap anak", "No violence against children" },
	{ "P3", "Kualitas Ketahanan Sosial-Psikologi",
	  "Tidak menjadi korban tindak pidana", "Not a victim of crime" },
	{ "P4", "Kualitas Ketahanan Sosial-Psikologi",
	  "Kebersamaan keluarga (waktu bersama)", "Family time together" },
	{ "P5", "Kualitas Ketahanan Sosial-Psikologi",
	  "Keputusan keluarga diambil bersama suami-istri",
	  "Family decisions taken by husband and wife together" },
	{ "P6", "Kualitas Ketahanan Sosial-Psikologi",
	  "Keterbukaan pengelolaan keuangan", "Open management of the family's money" },
	{ "B1", "Kualitas Ketahanan Sosial-Budaya",
	  "Lansia dihormati/dirawat keluarga", "Elderly members respected and cared for" },
	{ "B2", "Kualitas Ketahanan Sosial-Budaya",
	  "Partisipasi kegiatan sosial lingkungan (kerja bakti, dll)",
	  "Takes part in neighbourhood social activities" },
	{ "B3", "Kualitas Ketahanan Sosial-Budaya",
	  "Partisipasi kegiatan keagamaan", "Takes part in religious activities" },
	{ "B4", "Kualitas Ketahanan Sosial-Budaya",
	  "Ikut kegiatan PKK/dasawisma", "Takes part in PKK/dasawisma activities" },
	{ "B5", "Kualitas Ketahanan Sosial-Budaya",
	  "Ikut rukun kematian/jimpitan/arisan (gotong royong)",
	  "Takes part in mutual aid (rukun kematian, jimpitan, arisan)" },
	{ "B6", "Kualitas Ketahanan Sosial-Budaya",
	  "Kerukunan/toleransi antarumat dan antaretnis",
	  "Harmony and tolerance between religions and ethnic groups" },
};

const size_t family_n_builtins = sizeof family_builtins / sizeof family_builtins[0];
