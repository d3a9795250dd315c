/*
 * prevalence_class.c - WHO-UNICEF prevalence classes (see the header for
 * the source).
 */
#include <math.h>
#include <string.h>

#include "prevalence_class.h"

struct thresholds {
	const char *indicator;
	double lower[4];         /* lower bounds of low, medium, high, very high */
};

static const struct thresholds table[] = {
	{ "stunting", { 2.5, 10, 20, 30 } },
	{ "wasting", { 2.5, 5, 10, 15 } },
	{ "overweight", { 2.5, 5, 10, 15 } },
};

int prevalence_class(const char *indicator, double percent)
{
	const char *dot = strrchr(indicator, '.');

	if (dot != NULL)
		indicator = dot + 1;
	if (isnan(percent))
		return PCLASS_NONE;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (strcmp(table[i].indicator, indicator) != 0)
			continue;
		int cls = PCLASS_VERY_LOW;
		while (cls < PCLASS_VERY_HIGH && percent >= table[i].lower[cls])
			cls++;
		return cls;
	}
	return PCLASS_NONE;
}

double prevalence_sd(double n, double mean, double meansq)
{
	if (!(n >= 2))
		return NAN;
	double v = (meansq - mean * mean) * n / (n - 1);
	/* Rounding can leave a tiny negative variance when all z are equal. */
	return sqrt(v > 0 ? v : 0);
}

const char *prevalence_class_label(int cls, const char *language)
{
	static const char *const id[] = { "sangat rendah", "rendah", "sedang", "tinggi",
	                                   "sangat tinggi" };
	static const char *const en[] = { "very low", "low", "medium", "high", "very high" };

	if (cls < PCLASS_VERY_LOW || cls > PCLASS_VERY_HIGH)
		return "";
	return language != NULL && strcmp(language, "en") == 0 ? en[cls] : id[cls];
}
