/*
 * education.h - the Dinas Pendidikan plugin: what it reads and reports.
 */
#ifndef PK2D_EDUCATION_H
#define PK2D_EDUCATION_H

#include <stddef.h>

#include "pk2d/plugin.h"
#include "../common/catalogue.h"
#include "../common/fields.h"

/* Columns of the children file. */
enum child_field {
	CF_ID, CF_KK, CF_AREA, CF_RT, CF_BIRTH, CF_AGE, CF_SEX, CF_LEVEL, CF_STATUS, CF_N
};
extern const field_spec edu_child_fields[CF_N + 1];
/* What an agency writes in each of them (pk2d_input_help). */
extern const pk2d_column_help edu_child_help[CF_N + 1];

/* School levels (jenjang). */
enum edu_level { LV_PAUD, LV_SD, LV_SMP, LV_SMA, LV_N, LV_NONE = -1, LV_UNKNOWN = -2 };

/* Status of a child. */
enum edu_status { ST_SCHOOL, ST_NEVER, ST_DROPOUT, ST_NOT_CONTINUED, ST_UNKNOWN = -1 };

/* The indicators, in declaration order: index into the accumulators. */
enum edu_indicator {
	EI_APK_PAUD, EI_APM_PAUD, EI_APK_SD, EI_APM_SD, EI_APK_SMP, EI_APM_SMP,
	EI_APK_SMA, EI_APM_SMA,
	EI_APS_7_12, EI_APS_13_15, EI_APS_16_18,
	EI_CHILDREN_7_18, EI_ATS, EI_ATS_NEVER, EI_ATS_DROPOUT, EI_ATS_NOT_CONTINUED,
	EI_KK_IN_SCHOOL,
	EI_N
};
extern const pk2d_indicator edu_indicators[EI_N];

extern const cat_builtin edu_interventions[];
extern const size_t edu_n_interventions;

/* Level of a jenjang value: enum edu_level, LV_NONE for an empty value,
 * LV_UNKNOWN for an unknown one. */
int edu_parse_level(const char *s);
/* Status of a status value: enum edu_status (ST_UNKNOWN when unknown). */
int edu_parse_status(const char *s);

#endif
