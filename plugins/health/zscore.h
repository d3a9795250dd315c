/*
 * zscore.h - the WHO Child Growth Standards z-scores exactly as the WHO's
 * own software (the R package anthro 1.1.0, "WHO Anthro") computes them.
 *
 * Pure functions: no I/O, no allocation. The rules, in the order applied:
 *  - age in days is rounded half up to a whole day for the table look-up and
 *    the 731-day rules; age in months is the unrounded days / 30.4375, and no
 *    z-score of any kind is given at 60 months or more;
 *  - a standing height under 9 months makes the measure unusable (cmeasure
 *    unknown, c9mo_flag 1, no adjustment);
 *  - +0.7 cm for a standing height under 731 days, -0.7 cm for a lying length
 *    from 731 days (clenhei); BMI = weight / (clenhei / 100)^2;
 *  - length/height-for-age: plain LMS; weight-for-age, weight-for-length/
 *    height and BMI-for-age: LMS restricted to +-3 SD;
 *  - weight-for-length below 731 days, weight-for-height from 731 days; with
 *    no age the measure decides, and with neither, 87 cm;
 *  - L, M, S interpolated between the 0.1 cm rows trunc(x*10)/10 and
 *    trunc(x*10+1)/10 computed in double precision, as anthro does;
 *  - oedema: no weight-based z; a measurement <= 0: no age-based z (weight-
 *    for-length/height has no such guard); no sex: nothing;
 *  - every z is rounded to 2 decimals as R's round(z, 2) does, and the flags
 *    are decided on the rounded value.
 */
#ifndef HEALTH_ZSCORE_H
#define HEALTH_ZSCORE_H

#include "who_tables.h"

/* The four indices, in WHO Anthro's names. */
enum zscore_index {
	ZS_LEN = 0,   /* zlen: length/height-for-age, flagged < -6 or > 6 */
	ZS_WEI = 1,   /* zwei: weight-for-age, flagged < -6 or > 5 */
	ZS_WFL = 2,   /* zwfl: weight-for-length/height, flagged < -5 or > 5 */
	ZS_BMI = 3,   /* zbmi: BMI-for-age, flagged < -5 or > 5 */
	ZS_N = 4
};

/* One child's measurement. Unknown numbers are NAN. */
typedef struct zscore_input {
	int sex;             /* 1 male, 2 female, 0 unknown */
	double age_days;     /* exact age in days (may be fractional), >= 0 */
	double weight;       /* kg */
	double lenhei;       /* cm, as measured */
	char measure;        /* 'l' lying, 'h' standing, 0 unknown */
	int oedema;          /* 1 bilateral pitting oedema, 0 none or unknown */
} zscore_input;

typedef struct zscore_result {
	double z[ZS_N];      /* rounded to 2 decimals; NAN when not computed */
	double raw[ZS_N];    /* the same before rounding */
	int flag[ZS_N];      /* 1 biologically implausible, 0 not, -1 no z */
	double clenhei;      /* length/height after the 0.7 cm adjustment */
	double cbmi;         /* weight / (clenhei/100)^2 */
	char cmeasure;       /* the measure used: 'l', 'h' or 0 */
	int c9mo_flag;       /* 1: standing height given under 9 months */
} zscore_result;

/* WHO Anthro's days per month. */
#define ZSCORE_DAYS_PER_MONTH 30.4375

void zscore_compute(const who_tables *t, const zscore_input *in, zscore_result *out);

/* R's round(x, 2) (R >= 4.0): the nearer of the two 2-decimal neighbours of
 * x, an exact tie going to the even one. NAN and infinities unchanged. */
double zscore_round2(double x);

/* WHO Anthro's whole-day age: x.5 rounds up. */
double zscore_round_day(double age_days);

/* Index names as WHO Anthro writes them ("zlen", ...). */
extern const char *const zscore_names[ZS_N];

#endif
