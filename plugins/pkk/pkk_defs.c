/*
 * pkk_defs.c - the tables behind pkk_defs.h. The grouping follows the 10
 * program pokok PKK and their Pokja (Perpres 99/2017; DOMAIN.md section 3):
 * Pokja I = 1 Penghayatan dan Pengamalan Pancasila, 2 Gotong Royong;
 * Pokja II = 6 Pendidikan dan Keterampilan, 8 Pengembangan Kehidupan
 * Berkoperasi; Pokja III = 3 Pangan, 4 Sandang, 5 Perumahan dan Tatalaksana
 * Rumah Tangga; Pokja IV = 7 Kesehatan, 9 Kelestarian Lingkungan Hidup,
 * 10 Perencanaan Sehat. The plugin declares them as groups (pkk_groups): a
 * Pokja over its program pokok; an indicator of one program pokok is in
 * that program's group, one that spans a Pokja's programmes (the Pokja
 * activity records, home industry) in the Pokja's group.
 */
#include "pkk_defs.h"

const field_spec pkk_recap_fields[RF_N + 1] = {
	[RF_AREA] = { "area", "kode_wilayah", 0 },
	[RF_RT] = { "rt", "rt", 0 },
	[RF_DASAWISMA] = { "dasawisma", "dasawisma", 0 },
	[RF_KK] = { "jml_kk", "jml_kk", 0 },
	[RF_MALE] = { "anggota_l", "anggota_l", 0 },
	[RF_FEMALE] = { "anggota_p", "anggota_p", 0 },
	[RF_BALITA_L] = { "balita_l", "balita_l", 0 },
	[RF_BALITA_P] = { "balita_p", "balita_p", 0 },
	[RF_PUS] = { "pus", "pus", 0 },
	[RF_WUS] = { "wus", "wus", 0 },
	[RF_HAMIL] = { "ibu_hamil", "ibu_hamil", 0 },
	[RF_MENYUSUI] = { "ibu_menyusui", "ibu_menyusui", 0 },
	[RF_LANSIA] = { "lansia", "lansia", 0 },
	[RF_TIGA_BUTA] = { "tiga_buta", "tiga_buta", 0 },
	[RF_KHUSUS] = { "berkebutuhan_khusus", "berkebutuhan_khusus", 0 },
	[RF_RUMAH_SEHAT] = { "rumah_sehat", "rumah_sehat", 0 },
	[RF_SAMPAH] = { "tempat_sampah", "tempat_sampah", 0 },
	[RF_SPAL] = { "spal", "spal", 0 },
	[RF_JAMBAN] = { "jamban", "jamban", 0 },
	[RF_AIR] = { "sumber_air", "sumber_air", 0 },
	[RF_PANGAN] = { "makanan_pokok", "makanan_pokok", 0 },
	[RF_UP2K] = { "up2k", "up2k", 0 },
	[RF_PEKARANGAN] = { "pekarangan", "pekarangan", 0 },
	[RF_INDUSTRI] = { "industri_rt", "industri_rt", 0 },
	[RF_KESLING] = { "kesehatan_lingkungan", "kesehatan_lingkungan", 0 },
};

const field_spec pkk_pokja_fields[PF_N + 1] = {
	[PF_AREA] = { "area", "kode_wilayah", 0 },
	[PF_RT] = { "rt", "rt", 0 },
	[PF_POKJA] = { "pokja", "pokja", 1 },
	[PF_ACTIVITY] = { "activity", "kegiatan", 0 },
	[PF_VOLUME] = { "volume", "volume", 0 },
	[PF_PEOPLE] = { "participants", "peserta", 0 },
	[PF_DATE] = { "date", "tanggal", 0 },
};

#define COUNT(field, text) { field, text, FIELDS_ACCEPT_COUNT }
#define TICK(field, text) { field, text, FIELDS_ACCEPT_TICK }
const pk2d_column_help pkk_recap_help[RF_N + 1] = {
	[RF_AREA] = { "area", FIELDS_HELP_AREA, FIELDS_ACCEPT_AREA },
	[RF_RT] = { "rt", FIELDS_HELP_RT, FIELDS_ACCEPT_RT },
	[RF_DASAWISMA] = { "dasawisma", "Nama atau nomor kelompok dasawisma", "Teks bebas" },
	[RF_KK] = COUNT("jml_kk", "Jumlah KK dalam rumah tangga"),
	[RF_MALE] = COUNT("anggota_l", "Jumlah anggota laki-laki"),
	[RF_FEMALE] = COUNT("anggota_p", "Jumlah anggota perempuan"),
	[RF_BALITA_L] = COUNT("balita_l", "Jumlah balita laki-laki"),
	[RF_BALITA_P] = COUNT("balita_p", "Jumlah balita perempuan"),
	[RF_PUS] = COUNT("pus", "Jumlah pasangan usia subur (PUS)"),
	[RF_WUS] = COUNT("wus", "Jumlah wanita usia subur (WUS)"),
	[RF_HAMIL] = COUNT("ibu_hamil", "Jumlah ibu hamil"),
	[RF_MENYUSUI] = COUNT("ibu_menyusui", "Jumlah ibu menyusui"),
	[RF_LANSIA] = COUNT("lansia", "Jumlah lansia"),
	[RF_TIGA_BUTA] = COUNT("tiga_buta", "Jumlah anggota tiga buta (aksara, angka, "
	                       "pengetahuan dasar)"),
	[RF_KHUSUS] = COUNT("berkebutuhan_khusus", "Jumlah anggota berkebutuhan khusus"),
	[RF_RUMAH_SEHAT] = TICK("rumah_sehat", "Rumah sehat layak huni"),
	[RF_SAMPAH] = TICK("tempat_sampah", "Memiliki tempat pembuangan sampah"),
	[RF_SPAL] = TICK("spal", "Memiliki saluran pembuangan air limbah (SPAL)"),
	[RF_JAMBAN] = TICK("jamban", "Memiliki jamban/MCK dengan septic tank"),
	[RF_AIR] = { "sumber_air", "Sumber air keluarga", "PDAM, sumur atau lainnya" },
	[RF_PANGAN] = { "makanan_pokok", "Makanan pokok keluarga", "beras atau non beras" },
	[RF_UP2K] = TICK("up2k", "Ikut kegiatan UP2K"),
	[RF_PEKARANGAN] = TICK("pekarangan", "Memanfaatkan pekarangan (HATINYA PKK)"),
	[RF_INDUSTRI] = TICK("industri_rt", "Memiliki industri rumah tangga"),
	[RF_KESLING] = TICK("kesehatan_lingkungan", "Ikut kegiatan kesehatan lingkungan"),
};
#undef COUNT
#undef TICK

const pk2d_column_help pkk_pokja_help[PF_N + 1] = {
	[PF_AREA] = { "area", FIELDS_HELP_AREA, FIELDS_ACCEPT_AREA },
	[PF_RT] = { "rt", FIELDS_HELP_RT, FIELDS_ACCEPT_RT },
	[PF_POKJA] = { "pokja", "Pokja yang melaksanakan kegiatan", "I, II, III atau IV; wajib "
	               "diisi" },
	[PF_ACTIVITY] = { "activity", "Nama kegiatan", "Teks bebas, tidak boleh kosong" },
	[PF_VOLUME] = { "volume", "Volume kegiatan (berapa kali)", "Angka 0 atau lebih; kosong: 0" },
	[PF_PEOPLE] = { "participants", "Jumlah peserta", "Angka 0 atau lebih; kosong: 0" },
	[PF_DATE] = { "date", "Tanggal kegiatan", FIELDS_ACCEPT_DATE },
};

/* The 10 program pokok by their official names and numbers under their Pokja
 * (gunci.digitaldesa.id, "Program Pokok PKK dan Pembagian Pokja PKK"; see
 * docs/plugins/pkk.md). A Pokja's heading names its programmes, so that a
 * programme without indicators of its own (1, 2, 4: a heading is shown only
 * above rows) is still named in the table. */
const pk2d_group pkk_groups[] = {
	{ "dasawisma_data", NULL, "Data dasawisma", "Dasawisma records" },
	{ "pokja_1", NULL, "Pokja I (1 Penghayatan dan Pengamalan Pancasila, 2 Gotong Royong)",
	  "Pokja I (1 Living and practising Pancasila, 2 Mutual cooperation)" },
	{ "pp1_pancasila", "pokja_1", "1. Penghayatan dan Pengamalan Pancasila",
	  "1. Living and practising Pancasila" },
	{ "pp2_gotong_royong", "pokja_1", "2. Gotong Royong", "2. Mutual cooperation" },
	{ "pokja_2", NULL, "Pokja II (6 Pendidikan dan Keterampilan, 8 Pengembangan Kehidupan "
	  "Berkoperasi)", "Pokja II (6 Education and skills, 8 Developing cooperative life)" },
	{ "pp6_pendidikan", "pokja_2", "6. Pendidikan dan Keterampilan",
	  "6. Education and skills" },
	{ "pp8_koperasi", "pokja_2", "8. Pengembangan Kehidupan Berkoperasi",
	  "8. Developing cooperative life" },
	{ "pokja_3", NULL, "Pokja III (3 Pangan, 4 Sandang, 5 Perumahan dan Tatalaksana Rumah "
	  "Tangga)", "Pokja III (3 Food, 4 Clothing, 5 Housing and household management)" },
	{ "pp3_pangan", "pokja_3", "3. Pangan", "3. Food" },
	{ "pp4_sandang", "pokja_3", "4. Sandang", "4. Clothing" },
	{ "pp5_perumahan", "pokja_3", "5. Perumahan dan Tatalaksana Rumah Tangga",
	  "5. Housing and household management" },
	{ "pokja_4", NULL, "Pokja IV (7 Kesehatan, 9 Kelestarian Lingkungan Hidup, 10 "
	  "Perencanaan Sehat)", "Pokja IV (7 Health, 9 Preserving the environment, 10 Healthy "
	  "planning)" },
	{ "pp7_kesehatan", "pokja_4", "7. Kesehatan", "7. Health" },
	{ "pp9_lingkungan", "pokja_4", "9. Kelestarian Lingkungan Hidup",
	  "9. Preserving the environment" },
	{ "pp10_perencanaan_sehat", "pokja_4", "10. Perencanaan Sehat", "10. Healthy planning" },
};
const size_t pkk_n_groups = sizeof pkk_groups / sizeof pkk_groups[0];

#define UP PK2D_HIGHER_IS_BETTER
#define DOWN PK2D_LOWER_IS_BETTER
#define FLAT PK2D_NEUTRAL
#define PROP PK2D_PROPORTION
#define CNT PK2D_COUNT

#define IND(id_, lid, len, unit_, kind_, dir_, group_, desc, src, f1, f2, a) \
	{ { .id = id_, .label_id = lid, .label_en = len, .unit = unit_, .kind = kind_, \
	    .direction = dir_, .group = group_, .description = desc }, src, f1, f2, a }

#define POKJA_IND(n, roman, programmes) \
	IND("pokja" #n "_kegiatan", "Kegiatan Pokja " roman " tercatat", \
	    "Pokja " roman " activities recorded", "kegiatan", CNT, FLAT, "pokja_" #n, \
	    "Program pokok " programmes ": baris kegiatan Pokja " roman \
	    " (formulir 4.2" #n ")", SRC_POKJA_COUNT, -1, -1, n), \
	IND("pokja" #n "_volume", "Volume kegiatan Pokja " roman, \
	    "Volume of Pokja " roman " activities", "volume", CNT, FLAT, "pokja_" #n, \
	    "Jumlah kolom volume kegiatan Pokja " roman " (satuan menurut kegiatan)", \
	    SRC_POKJA_VOLUME, -1, -1, n), \
	IND("pokja" #n "_peserta", "Peserta kegiatan Pokja " roman, \
	    "Participants in Pokja " roman " activities", "orang", CNT, FLAT, "pokja_" #n, \
	    "Jumlah kolom peserta kegiatan Pokja " roman, SRC_POKJA_PEOPLE, -1, -1, n)

const pkk_indicator pkk_indicators[] = {
	/* The recap's totals: context for every Pokja. */
	IND("krt", "Rumah tangga (KRT) terdata dasawisma", "Households recorded by dasawisma",
	    "KRT", CNT, FLAT, "dasawisma_data", "Baris rekap 4.16a (satu per kepala rumah tangga)",
	    SRC_ROWS, -1, -1, 0),
	IND("kk", "Kepala keluarga (KK)", "Families (KK)", "KK", CNT, FLAT, "dasawisma_data",
	    "Jumlah kolom jml KK rekap 4.16a", SRC_SUM, RF_KK, -1, 0),
	IND("penduduk_l", "Anggota keluarga laki-laki", "Household members, male", "jiwa", CNT,
	    FLAT, "dasawisma_data", "Jumlah kolom anggota keluarga L", SRC_SUM, RF_MALE, -1, 0),
	IND("penduduk_p", "Anggota keluarga perempuan", "Household members, female", "jiwa", CNT,
	    FLAT, "dasawisma_data", "Jumlah kolom anggota keluarga P", SRC_SUM, RF_FEMALE, -1, 0),
	IND("dasawisma", "Kelompok dasawisma", "Dasawisma groups", "kelompok", CNT, FLAT,
	    "dasawisma_data", "Nama dasawisma berbeda per desa (dilaporkan untuk desa, tanpa RT)",
	    SRC_DASAWISMA, RF_DASAWISMA, -1, 0),

	/* Pokja I: program 1 Pancasila, 2 Gotong Royong (activity records only). */
	POKJA_IND(1, "I", "1 (Penghayatan dan Pengamalan Pancasila) dan 2 (Gotong Royong)"),

	/* Pokja II: program 6 Pendidikan dan Keterampilan, 8 Koperasi. */
	IND("tiga_buta", "Warga 3 buta (aksara, angka, bahasa Indonesia)",
	    "Residents who cannot read, count or speak Indonesian", "orang", CNT, DOWN,
	    "pp6_pendidikan",
	    "Program pokok 6 (Pendidikan dan Keterampilan): jumlah kolom 3 buta rekap 4.16a",
	    SRC_SUM, RF_TIGA_BUTA, -1, 0),
	IND("up2k", "Rumah tangga mengikuti UP2K-PKK",
	    "Households taking part in UP2K-PKK", NULL, PROP, UP, "pp8_koperasi",
	    "Program pokok 8 (Pengembangan Kehidupan Berkoperasi): KRT dengan centang UP2K / "
	    "KRT dengan kolom UP2K terbaca", SRC_TICK, RF_UP2K, -1, 0),
	POKJA_IND(2, "II", "6 (Pendidikan dan Keterampilan) dan 8 (Pengembangan Kehidupan "
	          "Berkoperasi)"),

	/* Pokja III: program 3 Pangan, 4 Sandang, 5 Perumahan. */
	IND("makanan_pokok_beras", "Rumah tangga dengan makanan pokok beras",
	    "Households with rice as staple food", NULL, PROP, FLAT, "pp3_pangan",
	    "Program pokok 3 (Pangan): KRT dengan makanan pokok beras / KRT dengan makanan "
	    "pokok terisi", SRC_FOOD_RICE, RF_PANGAN, -1, 0),
	IND("pekarangan", "Rumah tangga memanfaatkan pekarangan (HATINYA PKK)",
	    "Households using their yard (HATINYA PKK)", NULL, PROP, UP, "pp3_pangan",
	    "Program pokok 3 (Pangan): KRT dengan centang pemanfaatan tanah pekarangan / KRT "
	    "dengan kolom terbaca", SRC_TICK, RF_PEKARANGAN, -1, 0),
	IND("industri_rt", "Rumah tangga dengan industri rumah tangga",
	    "Households with a home industry", NULL, PROP, UP, "pokja_3",
	    "Program pokok 3 dan 4 (Pangan, Sandang): KRT dengan centang industri rumah tangga "
	    "/ KRT dengan kolom terbaca", SRC_TICK, RF_INDUSTRI, -1, 0),
	IND("rumah_sehat", "Rumah sehat layak huni", "Healthy, habitable houses", NULL, PROP, UP,
	    "pp5_perumahan", "Program pokok 5 (Perumahan dan Tatalaksana Rumah Tangga): KRT dengan "
	    "centang rumah sehat layak huni / KRT dengan kolom terbaca",
	    SRC_TICK, RF_RUMAH_SEHAT, -1, 0),
	POKJA_IND(3, "III", "3 (Pangan), 4 (Sandang) dan 5 (Perumahan dan Tatalaksana Rumah "
	          "Tangga)"),

	/* Pokja IV: program 7 Kesehatan, 9 Kelestarian Lingkungan Hidup,
	 * 10 Perencanaan Sehat. */
	IND("jamban", "Rumah tangga dengan MCK/jamban dan septic tank",
	    "Households with a latrine and septic tank", NULL, PROP, UP, "pp7_kesehatan",
	    "Program pokok 7 (Kesehatan): KRT dengan centang MCK/jamban / KRT dengan kolom terbaca",
	    SRC_TICK, RF_JAMBAN, -1, 0),
	IND("spal", "Rumah tangga dengan saluran pembuangan air limbah (SPAL)",
	    "Households with a waste-water channel", NULL, PROP, UP, "pp9_lingkungan",
	    "Program pokok 9 (Kelestarian Lingkungan Hidup): KRT dengan centang SPAL / KRT "
	    "dengan kolom terbaca", SRC_TICK, RF_SPAL, -1, 0),
	IND("tempat_sampah", "Rumah tangga dengan tempat pembuangan sampah",
	    "Households with a rubbish pit", NULL, PROP, UP, "pp9_lingkungan",
	    "Program pokok 9 (Kelestarian Lingkungan Hidup): KRT dengan centang tempat sampah / "
	    "KRT dengan kolom terbaca", SRC_TICK, RF_SAMPAH, -1, 0),
	IND("kesehatan_lingkungan", "Rumah tangga mengikuti kegiatan kesehatan lingkungan",
	    "Households taking part in environmental health activities", NULL, PROP, UP,
	    "pp9_lingkungan", "Program pokok 9 (Kelestarian Lingkungan Hidup): KRT dengan centang "
	    "kesehatan lingkungan / KRT dengan kolom terbaca", SRC_TICK, RF_KESLING, -1, 0),
	IND("air_pdam", "Rumah tangga pengguna air PDAM", "Households using piped water (PDAM)",
	    NULL, PROP, FLAT, "pp7_kesehatan",
	    "Program pokok 7 (Kesehatan): KRT dengan sumber air PDAM "
	    "/ KRT dengan sumber air terisi", SRC_WATER, RF_AIR, -1, WATER_PDAM),
	IND("air_sumur", "Rumah tangga pengguna air sumur", "Households using well water", NULL,
	    PROP, FLAT, "pp7_kesehatan",
	    "Program pokok 7 (Kesehatan): KRT dengan sumber air sumur / "
	    "KRT dengan sumber air terisi", SRC_WATER, RF_AIR, -1, WATER_SUMUR),
	IND("air_lainnya", "Rumah tangga pengguna sumber air lainnya",
	    "Households using other water sources", NULL, PROP, FLAT, "pp7_kesehatan",
	    "Program pokok 7 (Kesehatan): KRT dengan sumber air lainnya / KRT dengan sumber air "
	    "terisi", SRC_WATER, RF_AIR, -1, WATER_OTHER),
	IND("balita", "Balita", "Children under five", "anak", CNT, FLAT, "pp7_kesehatan",
	    "Program pokok 7 (Kesehatan): jumlah kolom balita L + P", SRC_SUM, RF_BALITA_L,
	    RF_BALITA_P, 0),
	IND("ibu_hamil", "Ibu hamil", "Pregnant women", "orang", CNT, FLAT, "pp7_kesehatan",
	    "Program pokok 7 (Kesehatan): jumlah kolom ibu hamil", SRC_SUM, RF_HAMIL, -1, 0),
	IND("ibu_menyusui", "Ibu menyusui", "Breastfeeding mothers", "orang", CNT, FLAT,
	    "pp7_kesehatan", "Program pokok 7 (Kesehatan): jumlah kolom ibu menyusui",
	    SRC_SUM, RF_MENYUSUI, -1, 0),
	IND("lansia", "Lansia", "Elderly people", "orang", CNT, FLAT, "pp7_kesehatan",
	    "Program pokok 7 (Kesehatan): jumlah kolom lansia", SRC_SUM, RF_LANSIA, -1, 0),
	IND("berkebutuhan_khusus", "Warga berkebutuhan khusus", "Residents with special needs",
	    "orang", CNT, FLAT, "pp7_kesehatan", "Program pokok 7 (Kesehatan): jumlah kolom "
	    "berkebutuhan khusus", SRC_SUM, RF_KHUSUS, -1, 0),
	IND("pus", "Pasangan usia subur (PUS)", "Couples of reproductive age", "pasangan", CNT,
	    FLAT, "pp10_perencanaan_sehat",
	    "Program pokok 10 (Perencanaan Sehat): jumlah kolom PUS",
	    SRC_SUM, RF_PUS, -1, 0),
	IND("wus", "Wanita usia subur (WUS)", "Women of reproductive age", "orang", CNT, FLAT,
	    "pp10_perencanaan_sehat", "Program pokok 10 (Perencanaan Sehat): jumlah kolom WUS",
	    SRC_SUM, RF_WUS, -1, 0),
	POKJA_IND(4, "IV", "7 (Kesehatan), 9 (Kelestarian Lingkungan Hidup) dan 10 "
	          "(Perencanaan Sehat)"),
};
const size_t pkk_n_indicators = sizeof pkk_indicators / sizeof pkk_indicators[0];

/* Aims name the family plugin's IKK indicators (conf/models/ikk.ini, DOMAIN.md
 * section 7.2) and this plugin's own; a section may replace them with
 * intervention.ID.aims. */
const cat_builtin pkk_interventions[] = {
	{ "pembinaan_dasawisma", "Pembinaan kelompok dasawisma", "Coaching of dasawisma groups",
	  "kelompok dasawisma", "kali", "family.b4, family.b5" },
	{ "hatinya_pkk", "Gerakan HATINYA PKK (pemanfaatan pekarangan)",
	  "HATINYA PKK yard-use movement", "KK", "KK", "pekarangan, family.f1" },
	{ "up2k", "Usaha Peningkatan Pendapatan Keluarga (UP2K-PKK)",
	  "Family income improvement groups (UP2K-PKK)", "KK", "KK", "up2k, family.e2, family.e3" },
	{ "penyuluhan_rumah_sehat", "Penyuluhan rumah sehat dan layak huni",
	  "Healthy housing counselling", "KK", "KK", "rumah_sehat, family.e8" },
	{ "jamban_sehat", "Pemicuan jamban sehat dan SPAL", "Latrine and waste-water triggering",
	  "KK", "KK", "jamban, spal, family.f6" },
	{ "kerja_bakti_kesling", "Kerja bakti kesehatan lingkungan",
	  "Community clean-up for environmental health", "RT", "kegiatan",
	  "tempat_sampah, kesehatan_lingkungan, family.b2" },
	{ "keaksaraan", "Keaksaraan fungsional (pemberantasan 3 buta)", "Functional literacy",
	  "warga 3 buta", "orang", "tiga_buta" },
	{ "bkb", "Bina Keluarga Balita (BKB)", "Parenting groups for families with toddlers",
	  "keluarga dengan balita", "KK", "family.f2" },
	{ "pangan_b2sa", "Penyuluhan pangan beragam, bergizi seimbang dan aman (B2SA)",
	  "Diverse, balanced and safe food counselling", "KK", "KK", "family.f1" },
};
const size_t pkk_n_interventions = sizeof pkk_interventions / sizeof pkk_interventions[0];
