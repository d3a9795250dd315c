/*
 * education_defs.c - columns, indicators, built-in interventions and the
 * value words of the education plugin. Definitions (DOMAIN.md section 5):
 * APK = pupils at a level of any age / children of the level's official age
 * x 100 (may exceed 100); APM = pupils of the official age at that level /
 * children of that age x 100; APS = children of an age band in school at any
 * level / children of the band x 100; ATS = children 7-18 not in school, by
 * kind. Official ages: SD 7-12, SMP 13-15, SMA 16-18; PAUD 3-6 as BPS counts
 * it (SiRusa), a setting (paud_age_min, paud_age_max).
 */
#include "education.h"

const field_spec edu_child_fields[CF_N + 1] = {
	[CF_ID] = { "id", "nik", 0 },
	[CF_KK] = { "kk", "no_kk", 0 },
	[CF_AREA] = { "area", "kode_wilayah", 0 },
	[CF_RT] = { "rt", "rt", 0 },
	[CF_BIRTH] = { "birth_date", "tanggal_lahir", 0 },
	[CF_AGE] = { "age", "umur", 0 },
	[CF_SEX] = { "sex", "jenis_kelamin", 0 },
	[CF_LEVEL] = { "level", "jenjang", 0 },
	[CF_STATUS] = { "status", "status", 1 },
};

const pk2d_column_help edu_child_help[CF_N + 1] = {
	[CF_ID] = { "id", "NIK anak", "16 angka, sebagai teks" },
	[CF_KK] = { "kk", "Nomor KK keluarga anak", "16 angka, sebagai teks" },
	[CF_AREA] = { "area", FIELDS_HELP_AREA, FIELDS_ACCEPT_AREA },
	[CF_RT] = { "rt", FIELDS_HELP_RT, FIELDS_ACCEPT_RT },
	[CF_BIRTH] = { "birth_date", "Tanggal lahir anak (atau isi umur)",
	               "Tanggal YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY" },
	[CF_AGE] = { "age", "Umur anak dalam tahun penuh pada tanggal acuan (jika tanggal lahir "
	             "kosong)", "0 sampai 18" },
	[CF_SEX] = { "sex", "Jenis kelamin anak", "L atau P" },
	[CF_LEVEL] = { "level", "Jenjang yang diikuti; kosong jika tidak bersekolah",
	               "PAUD, TK, RA, SD, MI, Paket A, SMP, MTs, Paket B, SMA, SMK, MA, "
	               "Paket C" },
	[CF_STATUS] = { "status", "Status sekolah anak",
	                "sekolah, putus sekolah, belum pernah sekolah, lulus tidak melanjutkan; "
	                "wajib diisi" },
};

#define IND(id_, lid, len, unit_, kind_, dir_, group_, desc) \
	{ .id = id_, .label_id = lid, .label_en = len, .unit = unit_, .kind = kind_, \
	  .direction = dir_, .group = group_, .description = desc }
#define UP PK2D_HIGHER_IS_BETTER
#define DOWN PK2D_LOWER_IS_BETTER

const pk2d_indicator edu_indicators[EI_N] = {
	[EI_APK_PAUD] = IND("apk_paud", "APK PAUD", "Gross enrolment rate, early childhood",
	                    NULL, PK2D_RATE, UP, "PAUD", "Anak bersekolah di PAUD/TK/RA (semua "
	                    "umur) / anak umur PAUD (paud_age_min-paud_age_max, BPS: 3-6)"),
	[EI_APM_PAUD] = IND("apm_paud", "APM PAUD", "Net enrolment rate, early childhood",
	                    NULL, PK2D_PROPORTION, UP, "PAUD", "Anak umur PAUD yang bersekolah di "
	                    "PAUD/TK/RA / anak umur PAUD"),
	[EI_APK_SD] = IND("apk_sd", "APK SD/sederajat", "Gross enrolment rate, primary", NULL,
	                  PK2D_RATE, UP, "SD", "Murid SD/MI/Paket A (semua umur) / anak umur 7-12"),
	[EI_APM_SD] = IND("apm_sd", "APM SD/sederajat", "Net enrolment rate, primary", NULL,
	                  PK2D_PROPORTION, UP, "SD", "Murid SD/MI/Paket A umur 7-12 / anak umur "
	                  "7-12"),
	[EI_APK_SMP] = IND("apk_smp", "APK SMP/sederajat", "Gross enrolment rate, lower "
	                   "secondary", NULL, PK2D_RATE, UP, "SMP", "Murid SMP/MTs/Paket B (semua "
	                   "umur) / anak umur 13-15"),
	[EI_APM_SMP] = IND("apm_smp", "APM SMP/sederajat", "Net enrolment rate, lower secondary",
	                   NULL, PK2D_PROPORTION, UP, "SMP", "Murid SMP/MTs/Paket B umur 13-15 / "
	                   "anak umur 13-15"),
	[EI_APK_SMA] = IND("apk_sma", "APK SMA/sederajat", "Gross enrolment rate, upper "
	                   "secondary", NULL, PK2D_RATE, UP, "SMA", "Murid SMA/SMK/MA/Paket C "
	                   "(semua umur) / anak umur 16-18"),
	[EI_APM_SMA] = IND("apm_sma", "APM SMA/sederajat", "Net enrolment rate, upper secondary",
	                   NULL, PK2D_PROPORTION, UP, "SMA", "Murid SMA/SMK/MA/Paket C umur 16-18 "
	                   "/ anak umur 16-18"),
	[EI_APS_7_12] = IND("aps_7_12", "APS umur 7-12", "School participation rate, age 7-12",
	                    NULL, PK2D_PROPORTION, UP, "APS", "Anak umur 7-12 bersekolah (jenjang "
	                    "apa pun) / anak umur 7-12"),
	[EI_APS_13_15] = IND("aps_13_15", "APS umur 13-15", "School participation rate, age "
	                     "13-15", NULL, PK2D_PROPORTION, UP, "APS", "Anak umur 13-15 "
	                     "bersekolah / anak umur 13-15"),
	[EI_APS_16_18] = IND("aps_16_18", "APS umur 16-18", "School participation rate, age "
	                     "16-18", NULL, PK2D_PROPORTION, UP, "APS", "Anak umur 16-18 "
	                     "bersekolah / anak umur 16-18"),
	[EI_CHILDREN_7_18] = IND("anak_7_18", "Anak umur 7-18", "Children aged 7-18", "anak",
	                         PK2D_COUNT, PK2D_NEUTRAL, "Anak Tidak Sekolah",
	                         "Anak umur 7-18 pada tanggal acuan"),
	[EI_ATS] = IND("ats", "Anak tidak sekolah (7-18)", "Out-of-school children (7-18)", NULL,
	               PK2D_PROPORTION, DOWN, "Anak Tidak Sekolah", "Anak umur 7-18 belum pernah "
	               "sekolah, putus sekolah atau lulus tidak melanjutkan / anak umur 7-18"),
	[EI_ATS_NEVER] = IND("ats_belum_pernah", "ATS belum pernah sekolah", "Never enrolled",
	                     "anak", PK2D_COUNT, DOWN, "Anak Tidak Sekolah",
	                     "Anak umur 7-18 berstatus belum pernah sekolah"),
	[EI_ATS_DROPOUT] = IND("ats_putus_sekolah", "ATS putus sekolah", "Dropped out", "anak",
	                       PK2D_COUNT, DOWN, "Anak Tidak Sekolah",
	                       "Anak umur 7-18 berstatus putus sekolah"),
	[EI_ATS_NOT_CONTINUED] = IND("ats_lulus_tidak_melanjutkan", "ATS lulus tidak melanjutkan",
	                             "Finished a level and did not continue", "anak", PK2D_COUNT,
	                             DOWN, "Anak Tidak Sekolah",
	                             "Anak umur 7-18 berstatus lulus tidak melanjutkan"),
	[EI_KK_IN_SCHOOL] = IND("kk_children_in_school", "KK dengan semua anak 7-18 bersekolah",
	                        "Families whose children aged 7-18 are all in school", NULL,
	                        PK2D_PROPORTION, UP, "Keluarga", "KK yang semua anak umur 7-18-nya "
	                        "bersekolah / KK dengan sedikitnya satu anak umur 7-18"),
};

/* Aims: this plugin's indicators and the family plugin's IKK indicators
 * (E4 mampu membiayai pendidikan anak, E5 tidak ada anak 7-18 putus/tidak
 * pernah sekolah; DOMAIN.md section 7.2). */
const cat_builtin edu_interventions[] = {
	{ "pip_kip", "Program Indonesia Pintar (PIP/KIP)", "Indonesia Pintar cash transfer for "
	  "pupils (PIP/KIP)", "anak usia sekolah dari keluarga miskin", "anak",
	  "kk_children_in_school, ats_putus_sekolah, family.e4, family.e5" },
	{ "beasiswa", "Beasiswa daerah", "Regional scholarships", "anak usia sekolah", "anak",
	  "aps_16_18, family.e4" },
	{ "kejar_paket", "Kejar Paket A/B/C (pendidikan kesetaraan)", "Equivalency education "
	  "(Paket A/B/C)", "anak dan remaja putus sekolah", "anak",
	  "ats_putus_sekolah, ats_lulus_tidak_melanjutkan, family.e5" },
	{ "kembali_bersekolah", "Gerakan kembali bersekolah (penjangkauan ATS)", "Back-to-school "
	  "outreach for out-of-school children", "anak tidak sekolah 7-18", "anak",
	  "ats, kk_children_in_school, family.e5" },
	{ "paud_satu_desa", "Satu desa satu PAUD", "One early-childhood centre per village",
	  "anak umur PAUD", "anak", "apk_paud, apm_paud" },
};
const size_t edu_n_interventions = sizeof edu_interventions / sizeof edu_interventions[0];

int edu_parse_level(const char *s)
{
	static const char *const paud[] = { "paud", "tk", "ra", "kb", "kelompok bermain", "tpa",
	                                    "sps", NULL };
	static const char *const sd[] = { "sd", "mi", "sdlb", "paket a", NULL };
	static const char *const smp[] = { "smp", "mts", "smplb", "paket b", NULL };
	static const char *const sma[] = { "sma", "smk", "ma", "mak", "smalb", "paket c", NULL };
	const char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return LV_NONE;
	if (fields_is_any(s, paud))
		return LV_PAUD;
	if (fields_is_any(s, sd))
		return LV_SD;
	if (fields_is_any(s, smp))
		return LV_SMP;
	if (fields_is_any(s, sma))
		return LV_SMA;
	return LV_UNKNOWN;
}

int edu_parse_status(const char *s)
{
	static const char *const school[] = { "sekolah", "masih sekolah", "bersekolah", NULL };
	static const char *const never[] = { "belum pernah sekolah", "belum sekolah",
	                                     "tidak pernah sekolah", "bpb", NULL };
	static const char *const dropout[] = { "putus sekolah", "putus", "do", "drop out",
	                                       NULL };
	static const char *const ltm[] = { "lulus tidak melanjutkan", "tidak melanjutkan", "ltm",
	                                   NULL };

	if (fields_is_any(s, school))
		return ST_SCHOOL;
	if (fields_is_any(s, never))
		return ST_NEVER;
	if (fields_is_any(s, dropout))
		return ST_DROPOUT;
	if (fields_is_any(s, ltm))
		return ST_NOT_CONTINUED;
	return ST_UNKNOWN;
}
