/*
 * i18n.h - every word the reports print, in Bahasa Indonesia (the default)
 * and English (language = en), for all formats. Labels that come with the
 * data (indicator, dimension, category names) carry both languages
 * themselves; i18n_pick() chooses between them.
 */
#ifndef PK2D_I18N_H
#define PK2D_I18N_H

#include <stddef.h>

enum i18n_lang { LANG_ID = 0, LANG_EN = 1 };

enum i18n_key {
	T_TITLE, T_SUMMARY_TITLE, T_PERIOD, T_CONTENTS,
	T_PROFILE, T_CODE, T_NAME, T_LEVEL,
	T_NATIONAL, T_PROVINCE, T_REGENCY, T_DISTRICT, T_VILLAGE,
	T_RT, T_N_RT, T_N_VILLAGES, T_KK, T_MALE, T_FEMALE, T_AGENCIES,
	T_IKK, T_IKK_SHORT, T_CATEGORY, T_DIMENSION, T_DIMENSIONS, T_INDICATOR,
	T_INDICATORS, T_NUMERATOR, T_DENOMINATOR, T_VALUE, T_SCORE, T_STATUS,
	T_ATTENTION_LINE, T_RT_BREAKDOWN, T_RT_HEATMAP_NOTE, T_HOUSEHOLD,
	T_IKK_MISSING, T_INDICATOR_BARS,
	T_AGENCY_SECTION, T_NO, T_UNIT, T_TARGET, T_REALISATION, T_CAPAIAN,
	T_INTERVENTIONS, T_INTERVENTION, T_TARGET_GROUP, T_COVERAGE, T_BUDGET,
	T_NO_INDICATORS,
	T_PROBLEMS, T_AFFECTED, T_GAP, T_WORST, T_NO_PROBLEMS,
	T_FOLLOWUP, T_RESPONSIBLE, T_NO_INTERVENTION,
	T_TREND, T_PREVIOUS, T_CURRENT, T_CHANGE, T_BETTER, T_WORSE, T_SAME,
	T_NO_HISTORY, T_LOKUS_NO_TREND, T_PROGRESS, T_NO_STORE,
	T_DATA_QUALITY, T_RUN_STATUS, T_PLUGIN, T_AGENCY, T_REASON, T_SECONDS,
	T_VALUES, T_REFUSED, T_FILE, T_ROWS, T_REJECTED, T_NOTED, T_PROBLEM_KIND,
	T_LINES, T_COUNT, T_NO_FILES, T_FILES_READ, T_DESA, T_KELURAHAN,
	T_STATE_OK, T_STATE_FAILED, T_STATE_NOT_LOADED, T_STATE_DISABLED,
	T_SUMMARY, T_RANK, T_ROLLUP, T_VILLAGE_ASSESSMENTS,
	T_GENERATED, T_MODEL, T_NOTE, T_NO_DATA, T_YES, T_NO_WORD,
	T_CLASS, T_CLASS_SOURCE, T_TABLES_SHEET,
	T_RUN_FAILS, T_UNUSED_ROWS, T_USED, T_UNUSED_SHEET,
	T_MET, T_MISSED, T_MISSED_CAPAIAN, T_TARGET_STATE, T_AGENCY_PROBLEMS, T_RANK_IKK, T_RANK_AGENCY,
	T_RELATIVE_GAP, T_PLANNER, T_PLANNER_NOTE, T_TO_CHANGE, T_WHERE, T_NEXT_CATEGORY,
	T_CHANGES, T_TOP_CATEGORY, T_IKK_AT_LINES, T_OUT_OF_REACH, T_LOOKED_AT, T_NOT_A_MEAN,
	T_TARGET_YEAR, T_AGENCY_PROBLEMS_SHEET,
	T_STATUS_KEY, T_SCORE_HISTORY, T_COVERAGE_NOTE,
	T_REPORT, T_AREA, T_DECLARED, T_W_ROWS, T_W_REJECTED, T_W_NOTED, T_W_VALUES, T_W_REFUSED,
	T_W_TARGET, T_W_REALISED, T_W_BUDGET, T_AIMS_AT, T_NO_VALUES, T_TOTAL, T_REQUIRED,
	T_POPULATION, T_MALE_SHORT, T_FEMALE_SHORT, T_NOT_COMPUTED, T_DIMS_WITHOUT_DATA, T_WEIGHT,
	T_WITH_DATA, T_IKK_BY_RT, T_IKK_BY_PROVINCE, T_IKK_BY_VILLAGE, T_NO_RT,
	T_IKK_DATA_MISSING, T_NOTHING_REPORTED, T_W_COVERAGE, T_WORST_RTS, T_WORST_VILLAGES,
	T_ASSIGN_AGENCY, T_NOT_MEETING, T_UNDER_LINE, T_OFF_ITS_TARGET, T_RANK_AGENCY_GAP,
	T_W_GAP, T_TARGET_ZERO, T_OF_TARGET, T_OF, T_CHANGES_FEWEST, T_DEN_UNITS,
	T_IKK_NOT_COMPUTED, T_NOTHING_TO_FOLLOW, T_ST_GOOD, T_ST_OFF_TARGET, T_ST_ATTENTION,
	T_MISS_NOT_DECLARED, T_MISS_NOT_REPORTED, T_MISS_NOT_APPLICABLE, T_CONTINUED_FROM,
	T_CONTINUES_ON, T_REJECTED_SHARE, T_OUTSIDE_AREA, T_OUTSIDE_PERIOD, T_NOT_LOKUS, T_LOKUS_VILLAGES, T_DUPLICATE,
	T_PAGE, T_AT_A_GLANCE, T_TOP_PROBLEMS, T_HEADLINE_FIGURES,
	T_PROBLEM_TRENDS, T_MODEL_CHANGED, T_TARGET_CHANGED, T_OTHER_TARGET,
	T_EV_TITLE, T_EV_METHOD, T_EV_RANKING, T_EV_VILLAGES, T_EV_AGENCIES, T_EV_REGENCY, T_EV_REGENCY_NAME, T_EV_VILLAGE_NAME,
	T_EV_MEAN_CHANGE, T_EV_COMPARED, T_EV_VILLAGE, T_EV_STAGE, T_EV_FIRST, T_EV_IKK_FIRST,
	T_EV_CAT_FIRST, T_EV_LATEST, T_EV_IKK_LATEST, T_EV_CAT_LATEST, T_EV_CLOSED, T_EV_OPENED,
	T_EV_AGENCY, T_EV_REALISED, T_EV_REALISATION, T_EV_CHANGED, T_EV_CLOSED_OPENED, T_EV_TRENDS,
	T_BY, T_RANKED_PARTS, T_LOWEST_INDICATORS, T_VILLAGES_BY_CATEGORY, T_BEST_VILLAGES,
	T_LOWEST_VILLAGES, T_IKK_RANGE, T_NO_IKK, T_SHARE, T_AREAS_HEATMAP_NOTE, T_DETAIL_ON_SITE,
	T_AREAS_UNDER, T_RT_NOT_KEPT,
	/* printf formats: the same conversions in both languages (check_report) */
	T_FMT_NOT_IN_AREA, T_FILE_HOLDS, T_FMT_NOT_IN_PERIOD, T_FMT_MOST_FROM, T_FMT_NOTHING_USED,
	T_FMT_TOO_MANY_REJECTED, T_FMT_NOT_USED, T_FMT_FILE_COUNTS, T_FMT_BY_NAME, T_FMT_ALL_USED,
	T_FMT_MORE_ROWS, T_RUN_FAILS_PREFIX, T_FMT_LOKUS_ONLY,
	I18N_N_KEYS
};

/* The text of key in lang (LANG_ID for any other value). */
const char *i18n(int lang, int key);
/* A printf format from the catalogue (the T_FMT_ keys). conv is the string
 * of the conversions the call passes ("%ld%s"), so that the compiler checks
 * the arguments against it (format_arg); an entry whose conversions are not
 * conv is not used (conv is returned), so that a translation can never read
 * an argument as another type. */
const char *i18n_format(int lang, int key, const char *conv) __attribute__((format_arg(3)));
/* The printf conversions of s into out ("%ld%s" for "%ld rows of %s"). */
void i18n_conversions(const char *s, char *out, size_t n);
/* "id" or "en" (ASCII case ignored) into *lang: 0, or -1 for anything else. */
int i18n_parse_lang(const char *s, int *lang);
/* label_en in English when it is set and not empty, label_id otherwise. */
const char *i18n_pick(int lang, const char *label_id, const char *label_en);
/* The word for an area level (enum area_level). */
const char *i18n_level(int lang, int level);
/* The word before a village's name: "Desa" for a code whose last part
 * starts with 2, "Kelurahan" for 1 (Kepmendagri 100.1.1-6117/2022), the
 * level's word otherwise. */
const char *i18n_area_word(int lang, const char *code);
/* An area's word and name, "Kecamatan Banjarbaru Utara", or its name alone
 * when it names its level itself ("Kabupaten Kotabaru", "Kota Banjarbaru",
 * not "Kabupaten/Kota Kabupaten Kotabaru"); the code for a NULL name.
 * Returns buf. */
const char *i18n_area_title(int lang, const char *code, const char *name, char *buf,
                            size_t len);
/* The word for a plugin state (enum run_state). */
const char *i18n_state(int lang, int state);
/* The words for an indicator's kind (PK2D_PROPORTION, ...) and direction
 * (PK2D_HIGHER_IS_BETTER, ...). */
const char *i18n_kind(int lang, int kind);
const char *i18n_direction(int lang, int direction);
/* The words for an indicator's status (enum assess_status) and for why it
 * has no value (enum assess_missing; "" for one that has data). */
const char *i18n_status(int lang, int status);
const char *i18n_missing(int lang, int missing);
/* The decimal mark of the language: ',' in Bahasa Indonesia, '.' in English. */
char i18n_decimal(int lang);
/* The value of an indicator with the decimals of its kind: counts without
 * decimals when whole, means with 2, percentages with 1. */
const char *i18n_value(int lang, int kind, double v, char *buf, size_t len);
/* v with dec decimals and the language's decimal mark (thousands are not
 * grouped); "-" for NaN. Returns buf. */
const char *i18n_num(int lang, double v, int dec, char *buf, size_t len);

/* The number formatting of the text, HTML and Markdown reports, one place
 * for all three. Each returns one of 16 rotating static buffers, so up to
 * 16 numbers can be formatted for one printf. NaN is "-".
 *   i18n_fmt:   v with dec decimals (i18n_num).
 *   i18n_fmtv:  an indicator's value with the decimals of its kind
 *               (i18n_value).
 *   i18n_count: no decimals when whole, else 1 (a count, a sum, a target).
 *   i18n_short: at most 4 decimals, trailing zeros dropped (a weight, a
 *               threshold, a target as configured: 0,2, 14,2, 75).
 *   i18n_money: rupiah, whole, thousands grouped: 4.200.000 (id),
 *               4,200,000 (en). */
const char *i18n_fmt(int lang, double v, int dec);
const char *i18n_fmtv(int lang, int kind, double v);
const char *i18n_count(int lang, double v);
const char *i18n_short(int lang, double v);
const char *i18n_money(int lang, double v);

#endif
