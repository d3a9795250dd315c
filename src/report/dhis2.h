/*
 * dhis2.h - what pk2d's two DHIS2 files share: the data value set
 * (report_dhis2.c) and the metadata that creates its data elements,
 * indicators and data set in a DHIS2 instance (report_dhis2_meta.c).
 * docs/report.md ("dhis2", "dhis2-metadata") describes both.
 *
 * A data element's code is PK2D_ and the pk2d id in upper case, with a
 * suffix for the parts of an indicator or intervention; its DHIS2 UID is
 * derived from the code alone, so every run and every pk2d writes the same
 * UID for the same code, and the indicators' formulas (which DHIS2 writes
 * with UIDs) can name the data elements.
 */
#ifndef PK2D_DHIS2_H
#define PK2D_DHIS2_H

#include "report_view.h"

/* DHIS2 codes are at most 50 characters; a UID is exactly 11. */
#define DHIS2_CODE_MAX 50
#define DHIS2_UID_LEN 11

/* The UID of DHIS2's built-in default category combination ("default"),
 * the one every instance creates with this UID. */
#define DHIS2_DEFAULT_CATEGORY_COMBO "bjDvmb4bfuf"

/* The code of an id with a suffix ("", "_NUM", "_DEN", "_TARGET",
 * "_REALISED", "_BUDGET"): "PK2D_" and the id in upper case with every
 * character other than a letter or digit as '_' ("PK2D_FAMILY_L1_NUM"). A
 * code over 50 characters keeps its first 41 and ends with '_' and 8 hex
 * digits of a hash of the whole, so it stays unique. */
void dhis2_code(const char *id, const char *suffix, char out[DHIS2_CODE_MAX + 1]);

/* The UID of the object of a DHIS2 type ("dataElements", "indicators",
 * ...) with a code: 11 letters and digits, the first a letter, a function
 * of the type and the code only. */
void dhis2_uid(const char *type, const char *code, char out[DHIS2_UID_LEN + 1]);

/* The DHIS2 period type of a period: "Yearly" (2023), "SixMonthly"
 * (2023S1), "Quarterly" (2023Q1), "Monthly" (202301). */
const char *dhis2_period_type(const char *period);

/* Non-zero when an area's values go into the data value set: its level
 * (enum area_level) is in the view's dhis2_levels (0: villages only). */
int dhis2_level_wanted(const report_view *v, const char *area);

/* Writes root as indented JSON and a line feed to f, and deletes it: 0,
 * PK2D_ERR_NOMEM or PK2D_ERR_IO. */
int dhis2_print(struct cJSON *root, FILE *f);

/* One data element the data value set can carry. */
typedef struct dhis2_element {
	char code[DHIS2_CODE_MAX + 1];
	const char *label;    /* of the indicator, intervention or score, in the
	                         report's language */
	int summable;         /* aggregation SUM (numerators, denominators,
	                         counts, intervention figures), else NONE (values
	                         that are shares, means or scores) */
} dhis2_element;

/* Calls fn for every data element of the view's model and registry: the
 * IKK and its dimensions, then each indicator's value (and its numerator
 * and denominator unless it is a count), then each intervention's target,
 * realisation and budget. fn returning non-zero stops the walk and is
 * returned. */
int dhis2_each_element(const report_view *v, int (*fn)(void *ud, const dhis2_element *e),
                       void *ud);

#endif
