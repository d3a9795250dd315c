/*
 * i18n.c - the report's words in two languages (see i18n.h).
 */
#include <config.h>

#include "i18n.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "areas.h"
#include "assess.h"
#include "run.h"
#include "pk2d/plugin.h"

static const char *const words[I18N_N_KEYS][2] = {
	[T_TITLE] = { "Penilaian Kualitas Keluarga", "Family Quality Assessment" },
	[T_SUMMARY_TITLE] = { "Ringkasan Penilaian Kualitas Keluarga",
	                      "Family Quality Assessment Summary" },
	[T_PERIOD] = { "Periode", "Period" },
	[T_CONTENTS] = { "Daftar isi", "Contents" },
	[T_PROFILE] = { "Profil Wilayah", "Area Profile" },
	[T_CODE] = { "Kode", "Code" },
	[T_NAME] = { "Nama", "Name" },
	[T_LEVEL] = { "Tingkat", "Level" },
	[T_NATIONAL] = { "Nasional", "National" },
	[T_PROVINCE] = { "Provinsi", "Province" },
	[T_REGENCY] = { "Kabupaten/Kota", "Regency/City" },
	[T_DISTRICT] = { "Kecamatan", "District" },
	[T_VILLAGE] = { "Desa/Kelurahan", "Village" },
	[T_RT] = { "RT", "RT" },
	[T_N_RT] = { "Jumlah RT", "Number of RT" },
	[T_N_VILLAGES] = { "Jumlah desa", "Number of villages" },
	[T_KK] = { "Jumlah KK", "Households (KK)" },
	[T_MALE] = { "Penduduk laki-laki", "Population, male" },
	[T_FEMALE] = { "Penduduk perempuan", "Population, female" },
	[T_AGENCIES] = { "OPD yang melapor", "Agencies reporting" },
	[T_IKK] = { "Indeks Kualitas Keluarga (IKK)", "Family Quality Index (IKK)" },
	[T_IKK_SHORT] = { "IKK", "IKK" },
	[T_CATEGORY] = { "Kategori", "Category" },
	[T_DIMENSION] = { "Dimensi", "Dimension" },
	[T_DIMENSIONS] = { "Dimensi IKK", "IKK dimensions" },
	[T_INDICATOR] = { "Indikator", "Indicator" },
	[T_INDICATORS] = { "Indikator IKK", "IKK indicators" },
	[T_NUMERATOR] = { "Pembilang", "Numerator" },
	[T_DENOMINATOR] = { "Penyebut", "Denominator" },
	[T_VALUE] = { "Nilai", "Value" },
	[T_SCORE] = { "Skor", "Score" },
	[T_STATUS] = { "Status", "Status" },
	[T_ATTENTION_LINE] = { "Garis perhatian", "Attention line" },
	[T_RT_BREAKDOWN] = { "Rincian per RT", "By RT" },
	[T_RT_HEATMAP_NOTE] = { "Skor tiap indikator, tertulis di selnya: dari merah (0) lewat "
	                        "jingga dan kuning di bawah garis perhatian, kuning pucat di garis, "
	                        "biru muda sampai biru (100) di atasnya; skalanya di bawah peta",
	                        "Each indicator's score, written in its cell: from red (0) through "
	                        "orange and yellow under the attention line, pale yellow at it, "
	                        "light blue to blue (100) above it; the scale is under the map" },
	[T_HOUSEHOLD] = { "Kategori keluarga (KK)", "Household categories" },
	[T_IKK_MISSING] = { "IKK tidak dihitung: dimensi tanpa data",
	                    "IKK not computed: dimensions without data" },
	[T_INDICATOR_BARS] = { "Indikator terhadap garis perhatian",
	                       "Indicators against the attention line" },
	[T_AGENCY_SECTION] = { "Capaian per OPD", "Results by Agency" },
	[T_NO] = { "No", "No" },
	[T_UNIT] = { "Satuan", "Unit" },
	[T_TARGET] = { "Target", "Target" },
	[T_REALISATION] = { "Realisasi", "Result" },
	[T_CAPAIAN] = { "Capaian (%)", "Achievement (%)" },
	[T_INTERVENTIONS] = { "Intervensi", "Interventions" },
	[T_INTERVENTION] = { "Intervensi", "Intervention" },
	[T_TARGET_GROUP] = { "Sasaran", "Target group" },
	[T_COVERAGE] = { "Cakupan (%)", "Coverage (%)" },
	[T_BUDGET] = { "Anggaran (Rp)", "Budget (Rp)" },
	[T_NO_INDICATORS] = { "Tidak ada indikator.", "No indicators." },
	[T_PROBLEMS] = { "Permasalahan", "Problems" },
	[T_AFFECTED] = { "KK terdampak", "Households affected" },
	[T_GAP] = { "Selisih", "Gap" },
	[T_WORST] = { "Terburuk di", "Worst in" },
	[T_NO_PROBLEMS] = { "Tidak ada indikator di bawah garis perhatian atau di luar target.",
	                    "No indicator is under the attention line or off target." },
	[T_FOLLOWUP] = { "Rencana Tindak Lanjut", "Follow-up Plan" },
	[T_RESPONSIBLE] = { "OPD penanggung jawab", "Responsible agency" },
	[T_NO_INTERVENTION] = { "Belum ada intervensi", "No intervention yet" },
	[T_TREND] = { "Tren", "Trend" },
	[T_PREVIOUS] = { "Periode sebelumnya", "Previous period" },
	[T_CURRENT] = { "Periode ini", "This period" },
	[T_CHANGE] = { "Perubahan", "Change" },
	[T_BETTER] = { "membaik", "better" },
	[T_WORSE] = { "memburuk", "worse" },
	[T_SAME] = { "tetap", "unchanged" },
	[T_NO_HISTORY] = { "Belum ada periode sebelumnya di riwayat.",
	                   "No earlier period in the history store." },
	[T_LOKUS_NO_TREND] = { "Laporan yang dibatasi pada desa lokus hanya membandingkan desa:"
	                       " jumlah desa lokus bukan angka wilayah ini.",
	                       "A report limited to the lokus villages compares only villages:"
	                       " the lokus villages' sums are not this area's figures." },
	[T_PROGRESS] = { "Kemajuan intervensi", "Intervention progress" },
	[T_NO_STORE] = { "Riwayat tidak digunakan (store = none).",
	                 "The history store is off (store = none)." },
	[T_DATA_QUALITY] = { "Kualitas Data dan Status Proses", "Data Quality and Run Status" },
	[T_RUN_STATUS] = { "Status plugin", "Plugin status" },
	[T_PLUGIN] = { "Plugin", "Plugin" },
	[T_AGENCY] = { "OPD", "Agency" },
	[T_REASON] = { "Keterangan", "Reason" },
	[T_SECONDS] = { "Waktu (detik)", "Time (s)" },
	[T_VALUES] = { "Nilai diterima", "Values accepted" },
	[T_REFUSED] = { "Nilai ditolak", "Values refused" },
	[T_FILE] = { "Berkas", "File" },
	[T_ROWS] = { "Baris dibaca", "Rows read" },
	[T_REJECTED] = { "Baris ditolak", "Rows rejected" },
	[T_NOTED] = { "Baris dengan catatan", "Rows with a note" },
	[T_PROBLEM_KIND] = { "Masalah", "Problem" },
	[T_LINES] = { "Contoh baris", "Example lines" },
	[T_COUNT] = { "Jumlah", "Count" },
	[T_NO_FILES] = { "Tidak ada berkas.", "No files." },
	[T_FILES_READ] = { "Berkas yang dibaca", "Files read" },
	[T_DESA] = { "Desa", "Village" },
	[T_KELURAHAN] = { "Kelurahan", "Urban village" },
	[T_STATE_OK] = { "berhasil", "ok" },
	[T_STATE_FAILED] = { "gagal", "failed" },
	[T_STATE_NOT_LOADED] = { "tidak dimuat", "not loaded" },
	[T_STATE_DISABLED] = { "dinonaktifkan", "disabled" },
	[T_SUMMARY] = { "Ringkasan desa", "Village summary" },
	[T_RANK] = { "Peringkat", "Rank" },
	[T_ROLLUP] = { "Rekapitulasi wilayah", "Roll-up by area" },
	[T_VILLAGE_ASSESSMENTS] = { "Penilaian per desa", "Assessment of each village" },
	[T_GENERATED] = { "Dibuat oleh", "Generated by" },
	[T_MODEL] = { "Model", "Model" },
	[T_NOTE] = { "Catatan", "Note" },
	[T_NO_DATA] = { "tidak ada data", "no data" },
	[T_YES] = { "ya", "yes" },
	[T_NO_WORD] = { "tidak", "no" },
	[T_CLASS] = { "Kelas", "Class" },
	[T_CLASS_SOURCE] = { "Sumber kelas", "Source of the classes" },
	[T_TABLES_SHEET] = { "Tabel Tambahan", "Extra Tables" },
	[T_RUN_FAILS] = { "RUN INI GAGAL: angka laporan ini tidak berdiri di atas data yang "
	                  "diberikan, dan tidak disimpan dalam riwayat",
	                  "THIS RUN FAILED: the figures of this report do not stand on the data "
	                  "given, and are not kept in the history" },
	[T_UNUSED_ROWS] = { "Baris yang tidak dipakai", "Rows not used" },
	[T_USED] = { "Baris dipakai", "Rows used" },
	[T_UNUSED_SHEET] = { "Baris Tidak Dipakai", "Rows Not Used" },
	[T_MET] = { "tercapai", "met" },
	[T_MISSED] = { "belum tercapai", "missed" },
	[T_MISSED_CAPAIAN] = { "belum tercapai (capaian %s %%)", "missed (%s %% of target)" },
	[T_TARGET_STATE] = { "Target", "Target" },
	[T_AGENCY_PROBLEMS] = { "Indikator OPD yang belum mencapai target",
	                        "Agency indicators off their targets" },
	[T_RANK_IKK] = { "Indikator IKK, diurutkan menurut jumlah KK yang terdampak.",
	                 "IKK indicators, ranked by the KK affected." },
	[T_RANK_AGENCY] = { "Diurutkan menurut selisih relatif terhadap target (selisih / target); "
	                    "satuannya berbeda-beda (anak, orang, KK, kegiatan).",
	                    "Ranked by their relative gap to the target (gap / target); their "
	                    "units differ (children, people, KK, events)." },
	[T_RELATIVE_GAP] = { "Selisih relatif (%)", "Relative gap (%)" },
	[T_PLANNER] = { "Perencana Target", "Target Planner" },
	[T_PLANNER_NOTE] = { "Asumsi: satu perubahan = satu KK (anak, orang) dari penyebut yang "
	                     "berpindah ke sisi yang benar; penyebut tetap; tempat dengan paling "
	                     "banyak yang belum memenuhi didahulukan. Untuk IKK: satu KK yang "
	                     "memenuhi satu indikator lagi = satu perubahan, bobot per KK terbesar "
	                     "lebih dulu.",
	                     "Assumptions: one change = one KK (child, person) of the denominator "
	                     "moving to the right side; denominators stay as they are; the places "
	                     "with the most not meeting it come first. For the IKK: a KK meeting "
	                     "one more indicator = one change, largest weight per KK first." },
	[T_TO_CHANGE] = { "Harus berubah", "To change" },
	[T_WHERE] = { "Di mana (diambil dari yang belum memenuhi)",
	              "Where (taken of those not meeting it)" },
	[T_NEXT_CATEGORY] = { "Kategori berikutnya", "Next category" },
	[T_CHANGES] = { "Perubahan KK-indikator paling sedikit", "Fewest KK-indicator changes" },
	[T_TOP_CATEGORY] = { "Sudah di kategori tertinggi.", "Already in the top category." },
	[T_IKK_AT_LINES] = { "IKK bila setiap masalah mencapai garis dan targetnya",
	                     "IKK if every problem reached its line and target" },
	[T_OUT_OF_REACH] = { "tidak tercapai walau semua KK memenuhi semua indikator",
	                     "out of reach even with every KK meeting every indicator" },
	[T_LOOKED_AT] = { "Diperiksa: indikator IKK berdata terhadap garis perhatian dan targetnya, "
	                  "dan indikator OPD bertarget berdata terhadap targetnya",
	                  "Looked at: the IKK indicators with data against the attention line and "
	                  "their targets, and the agency indicators with a target and data against "
	                  "it" },
	[T_TARGET_YEAR] = { "Tahun target", "Target year" },
	[T_AGENCY_PROBLEMS_SHEET] = { "Masalah OPD", "Agency problems" },
	[T_COVERAGE_NOTE] = { "Cakupan = realisasi / sasaran. Sebanding dengan target Perpres "
	                      "(cakupan penduduk) hanya bila sasaran adalah jumlah penduduk "
	                      "sasaran; sasaran berupa rencana volume memberi angka yang berbeda.",
	                      "Coverage = realised / sasaran. Comparable with a Perpres target "
	                      "(population coverage) only when sasaran is the target population; "
	                      "a planned volume gives a different figure." },
	[T_NOT_A_MEAN] = { "tidak berlaku untuk rata-rata", "does not apply to a mean" },
	[T_STATUS_KEY] = { "Kunci status", "Status key" },
	[T_SCORE_HISTORY] = { "Riwayat Skor", "Score History" },
	[T_REPORT] = { "Laporan pk2d", "pk2d report" },
	[T_AREA] = { "Wilayah", "Area" },
	[T_DECLARED] = { "Indikator", "Indicators" },
	[T_W_ROWS] = { "baris", "rows" },
	[T_W_REJECTED] = { "ditolak", "rejected" },
	[T_W_NOTED] = { "dicatat", "noted" },
	[T_W_VALUES] = { "nilai", "values" },
	[T_W_REFUSED] = { "ditolak", "refused" },
	[T_W_TARGET] = { "target", "target" },
	[T_W_REALISED] = { "realisasi", "realised" },
	[T_W_BUDGET] = { "anggaran", "budget" },
	[T_AIMS_AT] = { "sasaran indikator", "aims at" },
	[T_NO_VALUES] = { "tidak ada nilai", "no values" },
	[T_TOTAL] = { "total", "total" },
	[T_REQUIRED] = { "wajib", "required" },
	[T_POPULATION] = { "Penduduk", "Population" },
	[T_MALE_SHORT] = { "L", "M" },
	[T_FEMALE_SHORT] = { "P", "F" },
	[T_NOT_COMPUTED] = { "tidak dihitung", "not computed" },
	[T_DIMS_WITHOUT_DATA] = { "dimensi tanpa data", "dimensions without data" },
	[T_WEIGHT] = { "Bobot", "Weight" },
	[T_WITH_DATA] = { "indikator berdata", "indicators with data" },
	[T_IKK_BY_RT] = { "IKK per RT", "IKK by RT" },
	[T_IKK_BY_PROVINCE] = { "IKK per provinsi", "IKK by province" },
	[T_IKK_BY_VILLAGE] = { "IKK per desa/kelurahan", "IKK by village" },
	[T_NO_RT] = { "tanpa RT", "no RT" },
	[T_IKK_DATA_MISSING] = { "IKK tidak dihitung (data kurang)",
	                         "IKK not computed (data missing)" },
	[T_NOTHING_REPORTED] = { "belum ada laporan", "nothing reported" },
	[T_W_COVERAGE] = { "cakupan", "coverage" },
	[T_WORST_RTS] = { "RT terburuk", "worst RTs" },
	[T_WORST_VILLAGES] = { "desa terburuk", "worst villages" },
	[T_ASSIGN_AGENCY] = { "belum ada intervensi (perlu ditetapkan OPD penanggung jawab)",
	                      "no intervention yet (assign an agency)" },
	[T_NOT_MEETING] = { "belum memenuhi", "not meeting it" },
	[T_UNDER_LINE] = { "di bawah garis perhatian", "under the attention line" },
	[T_OFF_ITS_TARGET] = { "belum mencapai target", "off its target" },
	[T_RANK_AGENCY_GAP] = { "Indikator OPD yang belum mencapai target, diurutkan menurut "
	                        "selisih relatif (selisih / target):",
	                        "Agency indicators off their targets, ranked by relative gap "
	                        "(gap / target):" },
	[T_W_GAP] = { "selisih", "gap" },
	[T_TARGET_ZERO] = { "target 0", "target 0" },
	[T_OF_TARGET] = { "dari target", "of the target" },
	[T_OF] = { "dari", "of" },
	[T_CHANGES_FEWEST] = { "perubahan KK-indikator paling sedikit (bobot per KK terbesar lebih dulu)",
	                       "KK-indicator changes at the fewest (largest weight per KK first)" },
	[T_DEN_UNITS] = { "(satuan penyebut)", "(units of the denominator)" },
	[T_IKK_NOT_COMPUTED] = { "IKK tidak dihitung", "IKK not computed" },
	[T_NOTHING_TO_FOLLOW] = { "Tidak ada permasalahan untuk ditindaklanjuti.",
	                          "No problem to follow up." },
	[T_ST_GOOD] = { "baik", "good" },
	[T_ST_OFF_TARGET] = { "belum mencapai target", "off target" },
	[T_ST_ATTENTION] = { "perlu perhatian", "needs attention" },
	[T_MISS_NOT_DECLARED] = { "tidak dideklarasikan plugin yang aktif",
	                          "not declared by any enabled plugin" },
	[T_MISS_NOT_REPORTED] = { "tidak ada data dilaporkan", "nothing reported" },
	[T_MISS_NOT_APPLICABLE] = { "tidak ada KK sasaran", "no KK it applies to" },
	[T_CONTINUED_FROM] = { "lanjutan dari lembar", "continued from sheet" },
	[T_CONTINUES_ON] = { "lembar penuh: tabel berlanjut di lembar",
	                     "the sheet is full: the table continues on sheet" },
	[T_OUTSIDE_AREA] = { "di luar wilayah", "outside area" },
	[T_OUTSIDE_PERIOD] = { "di luar periode", "outside period" },
	[T_NOT_LOKUS] = { "bukan desa lokus", "not a lokus village" },
	[T_LOKUS_VILLAGES] = { "Desa lokus", "Lokus villages" },
	[T_DUPLICATE] = { "duplikat", "duplicate" },
	[T_REJECTED_SHARE] = { "porsi ditolak (%)", "rejected share (%)" },
	[T_PAGE] = { "Halaman", "Page" },
	[T_AT_A_GLANCE] = { "Ringkasan", "Summary" },
	[T_TOP_PROBLEMS] = { "Masalah utama dan tindak lanjutnya", "Top problems and their follow-up" },
	[T_HEADLINE_FIGURES] = { "Angka utama OPD", "Headline agency figures" },
	[T_PROBLEM_TRENDS] = { "Tren indikator bermasalah", "Problem indicators over time" },
	[T_MODEL_CHANGED] = { "Model IKK berubah sejak periode sebelumnya: skor IKK dan dimensi "
	                      "tidak sepenuhnya sebanding",
	                      "The IKK model changed since the previous period: the IKK and "
	                      "dimension scores are not fully comparable" },
	[T_TARGET_CHANGED] = { "target berubah", "target changed" },
	[T_OTHER_TARGET] = { "Target berbeda pada", "A different target in" },
	[T_EV_TITLE] = { "Evaluasi desa lokus",
	            "Desa lokus evaluation" },
	[T_EV_METHOD] = { "Peringkat: rata-rata perubahan IKK (periode terakhir dikurangi periode "
	            "pertama, poin) desa lokus yang tersimpan pada kedua periode; terbesar "
	            "di atas, sama besar menurut kode. Masalah: indikator yang nilainya belum "
	            "mencapai target ke arah yang baik.",
	            "Ranking: mean change of the IKK (latest period minus first period, "
	            "points) over the lokus villages stored in both periods; largest first, "
	            "ties by code. Problem: an indicator whose value misses its target in "
	            "its good direction." },
	[T_EV_RANKING] = { "Peringkat kabupaten/kota",
	            "Ranking of the regencies" },
	[T_EV_VILLAGES] = { "Desa lokus",
	            "Lokus villages" },
	[T_EV_AGENCIES] = { "Realisasi intervensi per instansi (periode terakhir)",
	            "Interventions' realisation by agency (latest period)" },
	[T_EV_REGENCY] = { "Kabupaten/kota",
	            "Regency" },
	[T_EV_REGENCY_NAME] = { "Nama kabupaten/kota",
	            "Regency's name" },
	[T_EV_VILLAGE_NAME] = { "Nama desa",
	            "Village's name" },
	[T_EV_MEAN_CHANGE] = { "Perubahan IKK rata-rata",
	            "Mean IKK change" },
	[T_EV_COMPARED] = { "Desa dibandingkan",
	            "Villages compared" },
	[T_EV_VILLAGE] = { "Desa",
	            "Village" },
	[T_EV_STAGE] = { "Tahap",
	            "Stage" },
	[T_EV_FIRST] = { "Periode pertama",
	            "First period" },
	[T_EV_IKK_FIRST] = { "IKK pertama",
	            "First IKK" },
	[T_EV_CAT_FIRST] = { "Kategori pertama",
	            "First category" },
	[T_EV_LATEST] = { "Periode terakhir",
	            "Latest period" },
	[T_EV_IKK_LATEST] = { "IKK terakhir",
	            "Latest IKK" },
	[T_EV_CAT_LATEST] = { "Kategori terakhir",
	            "Latest category" },
	[T_EV_CLOSED] = { "Masalah selesai",
	            "Problems closed" },
	[T_EV_OPENED] = { "Masalah baru",
	            "Problems opened" },
	[T_EV_AGENCY] = { "Instansi",
	            "Agency" },
	[T_EV_REALISED] = { "Realisasi",
	            "Realised" },
	[T_EV_REALISATION] = { "Capaian (%)",
	            "Realisation (%)" },
	[T_EV_CHANGED] = { "model atau target berubah",
	            "model or targets changed" },
	[T_EV_CLOSED_OPENED] = { "Masalah selesai / baru",
	            "Problems closed / opened" },
	[T_EV_TRENDS] = { "Tren desa lokus: IKK dan dimensinya",
	            "Lokus villages' trends: the IKK and its dimensions" },
	[T_BY] = { "per", "by" },
	[T_RANKED_PARTS] = { "Peringkat wilayah", "Areas ranked" },
	[T_LOWEST_INDICATORS] = { "Indikator dengan skor terendah", "Indicators with the lowest scores" },
	[T_VILLAGES_BY_CATEGORY] = { "Sebaran desa/kelurahan menurut kategori IKK",
	                             "Villages by IKK category" },
	[T_BEST_VILLAGES] = { "Desa/kelurahan dengan IKK tertinggi", "Villages with the highest IKK" },
	[T_LOWEST_VILLAGES] = { "Desa/kelurahan dengan IKK terendah", "Villages with the lowest IKK" },
	[T_IKK_RANGE] = { "Rentang IKK", "IKK range" },
	[T_NO_IKK] = { "Tanpa IKK", "No IKK" },
	[T_SHARE] = { "Bagian (%)", "Share (%)" },
	[T_AREAS_HEATMAP_NOTE] = { "Skor tiap indikator dan IKK per wilayah (merah, jingga dan kuning: "
	                           "di bawah garis perhatian; biru: di atasnya)",
	                           "Each indicator's score and the IKK by area (red, orange and yellow: "
	                           "under the attention line; blue: above it)" },
	[T_DETAIL_ON_SITE] = { "Penilaian lengkap tiap desa/kelurahan ada di situs laporan "
	                       "(pk2d report --site DIR).",
	                       "The full assessment of each village is in the report site "
	                       "(pk2d report --site DIR)." },
	[T_AREAS_UNDER] = { "Wilayah di bawahnya", "Areas under it" },
	[T_RT_NOT_KEPT] = { "Run ini hanya menyimpan jumlah per desa/kelurahan (rt_detail = no, "
	                    "bawaan run nasional): rincian per RT ada di laporan provinsi, "
	                    "kabupaten/kota atau desa/kelurahan ini.",
	                    "This run keeps village sums only (rt_detail = no, the default of a "
	                    "national run): the breakdown by RT is in a report of this village's "
	                    "province, regency or the village itself." },
	/* The accounting's sentences (unused.c): printf formats whose
	 * conversions are the same in both languages (check_report). */
	[T_FMT_NOT_IN_AREA] = { "%s: tidak satu pun dari %ld barisnya dapat dipakai, %ld di luar "
	                        "wilayah run ",
	                        "%s: none of its %ld rows could be used, %ld are outside the "
	                        "run's area " },
	[T_FILE_HOLDS] = { "; berkas ini berisi ", "; the file holds " },
	[T_FMT_NOT_IN_PERIOD] = { "%s: %ld dari %ld barisnya di wilayah ini bertanggal di luar "
	                          "periode %s",
	                          "%s: %ld of its %ld rows in the area are dated outside the "
	                          "run's period %s" },
	[T_FMT_MOST_FROM] = { "; sebagian besar dari %s (maksudnya period = %s?)",
	                      "; most are from %s (is period = %s meant?)" },
	[T_FMT_NOTHING_USED] = { "%s: tidak satu pun dari %ld barisnya dapat dipakai",
	                         "%s: none of its %ld rows could be used" },
	[T_FMT_TOO_MANY_REJECTED] = { "%s: %s %% barisnya di wilayah dan periode run ditolak, "
	                              "melebihi max_rejected = %s %%",
	                              "%s: %s %% of its rows in the run's area and period "
	                              "rejected, above max_rejected = %s %%" },
	[T_FMT_NOT_USED] = { "%ld dari %ld baris tidak dipakai (%zu dari %zu berkas)",
	                     "%ld of %ld rows not used (%zu of %zu files)" },
	[T_FMT_FILE_COUNTS] = { "%ld baris, %ld dipakai", "%ld rows, %ld used" },
	[T_FMT_BY_NAME] = { "wilayah %ld baris ditemukan dari namanya (Prov, Kab/Kota, Kec, "
	                    "Desa/Kel)",
	                    "the areas of %ld rows found by their names (Prov, Kab/Kota, Kec, "
	                    "Desa/Kel)" },
	[T_FMT_ALL_USED] = { "semua %ld baris dari %zu berkas dipakai",
	                     "all %ld rows of %zu files used" },
	[T_FMT_MORE_ROWS] = { "    ... %ld baris lagi '%s' (%s)", "    ... %ld more rows '%s' (%s)" },
	[T_RUN_FAILS_PREFIX] = { "run gagal: ", "the run fails: " },
	[T_FMT_LOKUS_ONLY] = { "Laporan ini hanya mencakup %zu desa lokus tahun %d: angka kecamatan,"
	                       " kabupaten/kota dan provinsi adalah jumlah desa-desa ini saja",
	                       "This report covers only the %zu lokus villages of %d: the figures"
	                       " of the kecamatan, regency and province are the sums of these"
	                       " villages alone" },
};

static const char *const kinds[][2] = {
	[PK2D_PROPORTION] = { "proporsi", "proportion" },
	[PK2D_RATE] = { "rasio", "rate" },
	[PK2D_COUNT] = { "jumlah", "count" },
	[PK2D_MEAN] = { "rata-rata", "mean" },
};

const char *i18n_kind(int lang, int kind)
{
	if (kind < 0 || (size_t)kind >= sizeof kinds / sizeof *kinds || !kinds[kind][0])
		return "?";
	return kinds[kind][lang == LANG_EN];
}

const char *i18n_status(int lang, int status)
{
	switch (status) {
	case ASSESS_GOOD: return i18n(lang, T_ST_GOOD);
	case ASSESS_OFF_TARGET: return i18n(lang, T_ST_OFF_TARGET);
	case ASSESS_ATTENTION: return i18n(lang, T_ST_ATTENTION);
	default: return i18n(lang, T_NO_DATA);
	}
}

const char *i18n_missing(int lang, int missing)
{
	switch (missing) {
	case ASSESS_NOT_DECLARED: return i18n(lang, T_MISS_NOT_DECLARED);
	case ASSESS_NOT_REPORTED: return i18n(lang, T_MISS_NOT_REPORTED);
	case ASSESS_NOT_APPLICABLE: return i18n(lang, T_MISS_NOT_APPLICABLE);
	default: return "";
	}
}

const char *i18n_direction(int lang, int direction)
{
	if (direction == PK2D_HIGHER_IS_BETTER)
		return lang == LANG_EN ? "higher is better" : "makin tinggi makin baik";
	if (direction == PK2D_LOWER_IS_BETTER)
		return lang == LANG_EN ? "lower is better" : "makin rendah makin baik";
	return lang == LANG_EN ? "neutral" : "netral";
}

const char *i18n(int lang, int key)
{
	if (key < 0 || key >= I18N_N_KEYS)
		return "";
	return words[key][lang == LANG_EN ? 1 : 0];
}

void i18n_conversions(const char *s, char *out, size_t n)
{
	size_t k = 0;

	for (; *s && k + 1 < n; s++) {
		if (*s != '%')
			continue;
		out[k++] = *s++;
		while (*s && strchr("-+ #0123456789.hlzjt", *s) && k + 1 < n)
			out[k++] = *s++;
		if (!*s)
			break;
		if (k + 1 < n)
			out[k++] = *s;
	}
	out[k] = '\0';
}

const char *i18n_format(int lang, int key, const char *conv)
{
	const char *f = i18n(lang, key);
	char have[64];

	i18n_conversions(f, have, sizeof have);
	return strcmp(have, conv) ? conv : f;
}

int i18n_parse_lang(const char *s, int *lang)
{
	if (s && strcasecmp(s, "id") == 0) {
		*lang = LANG_ID;
		return 0;
	}
	if (s && strcasecmp(s, "en") == 0) {
		*lang = LANG_EN;
		return 0;
	}
	return -1;
}

const char *i18n_pick(int lang, const char *label_id, const char *label_en)
{
	if (lang == LANG_EN && label_en && *label_en)
		return label_en;
	return label_id ? label_id : (label_en ? label_en : "");
}

const char *i18n_level(int lang, int level)
{
	switch (level) {
	case AREA_NATIONAL: return i18n(lang, T_NATIONAL);
	case AREA_PROVINCE: return i18n(lang, T_PROVINCE);
	case AREA_REGENCY: return i18n(lang, T_REGENCY);
	case AREA_DISTRICT: return i18n(lang, T_DISTRICT);
	case AREA_VILLAGE: return i18n(lang, T_VILLAGE);
	default: return "";
	}
}

const char *i18n_area_word(int lang, const char *code)
{
	const char *last;

	if (area_level(code) != AREA_VILLAGE)
		return i18n_level(lang, area_level(code));
	last = strrchr(code, '.') + 1;
	return *last == '1' ? i18n(lang, T_KELURAHAN) : *last == '2' ? i18n(lang, T_DESA)
	                                                             : i18n(lang, T_VILLAGE);
}

const char *i18n_area_title(int lang, const char *code, const char *name, char *buf,
                            size_t len)
{
	static const char *const own[] = { "Provinsi ", "Kabupaten ", "Kab. ", "Kota ",
	                                   "Kecamatan ", "Desa ", "Kelurahan " };

	for (size_t i = 0; name && i < sizeof own / sizeof *own; i++)
		if (!strncasecmp(name, own[i], strlen(own[i]))) {
			snprintf(buf, len, "%s", name);
			return buf;
		}
	snprintf(buf, len, "%s %s", i18n_area_word(lang, code), name ? name : code);
	return buf;
}

const char *i18n_value(int lang, int kind, double v, char *buf, size_t len)
{
	return i18n_num(lang, v, reg_value_decimals(kind, v), buf, len);
}

const char *i18n_state(int lang, int state)
{
	switch (state) {
	case RUN_OK: return i18n(lang, T_STATE_OK);
	case RUN_FAILED: return i18n(lang, T_STATE_FAILED);
	case RUN_NOT_LOADED: return i18n(lang, T_STATE_NOT_LOADED);
	case RUN_DISABLED: return i18n(lang, T_STATE_DISABLED);
	default: return "";
	}
}

char i18n_decimal(int lang)
{
	return lang == LANG_EN ? '.' : ',';
}

/*
 * "%.*f" of v with the decimal mark given, as printf rounds it, for the
 * usual numbers of a report (dec <= 4, |v| * 10^dec below 1e9); 0 when
 * printf must do it. |v| * 10^dec is computed with an error below 1e-7
 * there (10^dec is exact), so when its fraction is not within 1e-6 of a
 * half the nearest whole number is the one printf's exact rounding gives.
 * Reports print hundreds of thousands of numbers: this is most of the
 * cost of writing them otherwise.
 */
static int fixed_fast(double v, int dec, char mark, char *buf, size_t len)
{
	static const double scale[] = { 1, 10, 100, 1000, 10000 };
	static const uint32_t iscale[] = { 1, 10, 100, 1000, 10000 };
	char digits[24];
	double a, whole, frac;
	uint64_t n, ip;
	uint32_t fp;
	int nd = 0;
	size_t o = 0;

	if (dec < 0 || dec > 4 || len < 32)
		return 0;
	a = fabs(v) * scale[dec];
	if (!(a < 1e9))
		return 0;
	whole = floor(a);
	frac = a - whole;
	if (fabs(frac - 0.5) < 1e-6)
		return 0;
	n = (uint64_t)whole + (frac > 0.5);
	ip = n / iscale[dec];
	fp = (uint32_t)(n % iscale[dec]);
	if (v < 0 && n)
		buf[o++] = '-';
	do {
		digits[nd++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	while (nd)
		buf[o++] = digits[--nd];
	if (dec) {
		buf[o++] = mark;
		for (int i = dec - 1; i >= 0; i--) {
			buf[o + (size_t)i] = (char)('0' + fp % 10);
			fp /= 10;
		}
		o += (size_t)dec;
	}
	buf[o] = '\0';
	return 1;
}

const char *i18n_num(int lang, double v, int dec, char *buf, size_t len)
{
	char *p;

	if (isnan(v)) {
		snprintf(buf, len, "-");
		return buf;
	}
	/* No "-0,0" for a tiny negative rounding to zero. */
	if (fabs(v) < 0.5 * pow(10, -dec))
		v = 0;
	if (fixed_fast(v, dec, i18n_decimal(lang), buf, len))
		return buf;
	snprintf(buf, len, "%.*f", dec, v);
	if (lang != LANG_EN && (p = strchr(buf, '.')))
		*p = ',';
	return buf;
}

/* The rotating buffers of the i18n_fmt family. */
static char *ring(void)
{
	static _Thread_local char buf[16][64];
	static _Thread_local unsigned k;

	k = (k + 1) % 16;
	return buf[k];
}

const char *i18n_fmt(int lang, double v, int dec)
{
	return i18n_num(lang, v, dec, ring(), 64);
}

const char *i18n_fmtv(int lang, int kind, double v)
{
	return i18n_value(lang, kind, v, ring(), 64);
}

const char *i18n_count(int lang, double v)
{
	return i18n_fmt(lang, v, !isnan(v) && v != floor(v) ? 1 : 0);
}

const char *i18n_short(int lang, double v)
{
	char *b = ring(), *mark;
	size_t n;

	i18n_num(lang, v, 4, b, 64);
	mark = strchr(b, i18n_decimal(lang));
	if (!mark)
		return b;
	n = strlen(b);
	while (n > 0 && b[n - 1] == '0')
		b[--n] = 0;
	if (b + n - 1 == mark)
		*mark = 0;
	return b;
}

const char *i18n_money(int lang, double v)
{
	char *b = ring(), digits[48];
	size_t n, o = 0;

	if (isnan(v)) {
		snprintf(b, 64, "-");
		return b;
	}
	snprintf(digits, sizeof digits, "%.0f", v);
	n = strlen(digits);
	for (size_t i = 0; i < n && o < 62; i++) {
		if (i && (n - i) % 3 == 0 && digits[i - 1] != '-')
			b[o++] = lang == LANG_EN ? ',' : '.';
		b[o++] = digits[i];
	}
	b[o] = 0;
	return b;
}
