/*
 * prevalence_class.h - the WHO-UNICEF prevalence thresholds for child
 * malnutrition ("public-health significance"), as data for the report.
 *
 * Source: de Onis M, Borghi E, Arimond M, et al. Prevalence thresholds for
 * wasting, overweight and stunting in children under 5 years. Public Health
 * Nutrition 2019;22(1):175-179, doi:10.1017/S1368980018002434 (table 2,
 * reproduced in PRODUCT.md section 2 and ECOSYSTEM.md section 3.2):
 *
 *   stunting    < 2.5 very low, 2.5-<10 low, 10-<20 medium, 20-<30 high, >= 30 very high
 *   wasting     < 2.5 very low, 2.5-<5  low, 5-<10  medium, 10-<15 high, >= 15 very high
 *   overweight  as wasting
 *
 * The paper gives no thresholds for severe stunting, severe wasting or
 * underweight, so those have no class.
 */
#ifndef PK2D_PREVALENCE_CLASS_H
#define PK2D_PREVALENCE_CLASS_H

enum prevalence_class {
	PCLASS_NONE = -1,        /* the indicator has no WHO-UNICEF classes */
	PCLASS_VERY_LOW = 0,
	PCLASS_LOW = 1,
	PCLASS_MEDIUM = 2,
	PCLASS_HIGH = 3,
	PCLASS_VERY_HIGH = 4
};

/* The class of a prevalence in percent (0-100) for the indicator id
 * "stunting", "wasting" or "overweight" (the health plugin's ids; a
 * "<plugin>." prefix is ignored). PCLASS_NONE for any other id or a NaN. */
int prevalence_class(const char *indicator, double percent);

/* The sample standard deviation of n z-scores (WHO Anthro's z-score SD) from
 * their mean and mean of squares, as the health plugin reports them
 * (mean_zX = sum z / n, meansq_zX = sum z^2 / n, rolled up by summing):
 *   SD = sqrt((meansq - mean^2) * n / (n - 1))
 *      = sqrt((sum z^2 - (sum z)^2 / n) / (n - 1)).
 * NAN when n < 2. */
double prevalence_sd(double n, double mean, double meansq);

/* The class name in language "id" (Bahasa Indonesia, also for NULL) or "en";
 * "" for PCLASS_NONE. */
const char *prevalence_class_label(int cls, const char *language);

#endif
