/*
 * zscore.c - WHO Anthro's z-score computation (see zscore.h for the rules).
 *
 * Every expression is written in the order anthro evaluates it, in double
 * precision, so that the results agree bit for bit; the build turns off
 * floating-point contraction for this file's plugin (no fused multiply-add).
 */
#include <math.h>

#include "zscore.h"

const char *const zscore_names[ZS_N] = { "zlen", "zwei", "zwfl", "zbmi" };

/* Flag cut-offs on the rounded z: below lo or above hi is implausible. */
static const double flag_lo[ZS_N] = { -6, -6, -5, -5 };
static const double flag_hi[ZS_N] = { 6, 5, 5, 5 };

double zscore_round_day(double age_days)
{
	double r = floor(age_days);
	if (age_days - r >= 0.5)
		r += 1;
	return r;
}

/* zscore_round2's body, inlined into set_z. */
static inline double round2(double x)
{
	if (!isfinite(x) || x == 0)
		return x;
	double sgn = 1;
	if (x < 0) {
		sgn = -1;
		x = -x;
	}
	/* R returns x unchanged when log10(x) + digits > 15, i.e. from about
	 * 1e13 on; no z-score comes near. */
	if (x > 1e13)
		return sgn * x;
	double xd = x * 100.0, i10 = floor(xd), f = xd - i10;
	/* Unless x is within a millionth of a hundredth of a tie, the nearer
	 * neighbour is the one f says, and R's comparison of du and dd below
	 * finds the same one: under 1e6, their rounding errors (about 1e-12)
	 * are far smaller than their difference (2e-8 at least). One division
	 * instead of two, and no branch a z-score's digits decide. */
	if (x < 1e6 && fabs(f - 0.5) > 1e-6)
		return sgn * ((f < 0.5 ? i10 : i10 + 1) / 100.0);
	double lo = i10 / 100.0, hi = (xd == i10 ? i10 : i10 + 1) / 100.0;
	double du = hi - x, dd = x - lo;
	int odd = ((long long)i10 & 1) != 0;
	return sgn * ((du < dd || (du == dd && odd)) ? hi : lo);
}

double zscore_round2(double x)
{
	return round2(x);
}

/* R's x^y: y == 2 is x*x (R special-cases it); the rest is pow(), whose
 * special values (0^-y = Inf, Inf^-y = 0, negative^fraction = NaN) R shares. */
static double r_pow(double x, double y)
{
	if (y == 2.0)
		return x * x;
	/* pow(x, 1) is exactly x; length/height-for-age has L = 1 throughout. */
	if (y == 1.0)
		return x;
	if (x == 1.0 || y == 0.0)
		return 1.0;
	return pow(x, y);
}

static double lms_z(double y, const who_lms *p)
{
	return (r_pow(y / p->m, p->l) - 1) / (p->s * p->l);
}

static double lms_sd(const who_lms *p, double k)
{
	return p->m * r_pow(1 + p->l * p->s * k, 1 / p->l);
}

/* The restricted application of the LMS method (WHO 2006, chapter 7). The
 * SD values are only needed beyond +-3, so they are only computed there;
 * the expressions are anthro's, so the results are the same. */
static double lms_z_restricted(double y, const who_lms *p)
{
	double z = lms_z(y, p);

	if (z > 3) {
		double sd3pos = lms_sd(p, 3);
		double sd23pos = sd3pos - lms_sd(p, 2);
		return 3 + (y - sd3pos) / sd23pos;
	}
	if (z < -3) {
		double sd3neg = lms_sd(p, -3);
		double sd23neg = lms_sd(p, -2) - sd3neg;
		return -3 + (y - sd3neg) / sd23neg;
	}
	return z;
}

static void set_z(zscore_result *out, int idx, double raw)
{
	out->raw[idx] = raw;
	out->z[idx] = round2(raw);
	if (isnan(out->z[idx]))
		out->flag[idx] = -1;
	else
		out->flag[idx] = out->z[idx] < flag_lo[idx] || out->z[idx] > flag_hi[idx];
}

/* Length/height-, weight- and BMI-for-age: y <= 0 gives nothing. */
static double age_based(const who_lms *row, double y, int restricted)
{
	if (!(y > 0))
		return NAN;
	return restricted ? lms_z_restricted(y, row) : lms_z(y, row);
}

/* Weight-for-length/height at clenhei x from a table whose first row is
 * first tenths of a cm and which has rows rows. */
static double wflh(const who_lms *tab, long first, long rows, double x, double weight)
{
	double k_lo = trunc(x * 10), k_up = trunc(x * 10 + 1);
	double low = k_lo / 10, diff = (x - low) / 0.1;
	long i_lo = (long)k_lo - first, i_up = (long)k_up - first;
	who_lms p;

	if (i_lo < 0 || i_lo >= rows)
		return NAN;
	p = tab[i_lo];
	if (diff > 0) {
		if (i_up < 0 || i_up >= rows)
			return NAN;
		const who_lms *q = &tab[i_up];
		p.m = p.m + diff * (q->m - p.m);
		p.l = p.l + diff * (q->l - p.l);
		p.s = p.s + diff * (q->s - p.s);
	}
	return lms_z_restricted(weight, &p);
}

void zscore_compute(const who_tables *t, const zscore_input *in, zscore_result *out)
{
	double age = in->age_days >= 0 ? in->age_days : NAN;
	double days = isnan(age) ? NAN : zscore_round_day(age);
	double months = age / ZSCORE_DAYS_PER_MONTH;
	int age_known = !isnan(days);
	char cm = in->measure == 'l' || in->measure == 'h' ? in->measure : 0;

	for (int i = 0; i < ZS_N; i++) {
		out->raw[i] = out->z[i] = NAN;
		out->flag[i] = -1;
	}

	out->c9mo_flag = cm == 'h' && age_known && months < 9;
	if (out->c9mo_flag)
		cm = 0;
	out->cmeasure = cm;
	out->clenhei = in->lenhei;
	if (age_known && days < 731 && cm == 'h')
		out->clenhei = in->lenhei + 0.7;
	else if (age_known && days >= 731 && cm == 'l')
		out->clenhei = in->lenhei - 0.7;
	out->cbmi = in->weight / r_pow(out->clenhei / 100, 2);

	if (in->sex != 1 && in->sex != 2)
		return;
	int k = in->sex - 1;
	/* months < 60 is false for an unknown age: only weight-for-length/height
	 * is computed without one. */
	if (age_known && !(months < 60))
		return;

	if (age_known && days <= 1856) {
		long d = (long)days;
		set_z(out, ZS_LEN, age_based(&t->len[k][d], out->clenhei, 0));
		if (!in->oedema) {
			set_z(out, ZS_WEI, age_based(&t->wei[k][d], in->weight, 1));
			set_z(out, ZS_BMI, age_based(&t->bmi[k][d], out->cbmi, 1));
		}
	}

	double x = out->clenhei;
	if (in->oedema || isnan(x))
		return;
	int on_length;
	if (age_known)
		on_length = days < 731;
	else if (cm != 0)
		on_length = cm == 'l';
	else
		on_length = x < 87;
	if (on_length && x >= 45 && x <= 110)
		set_z(out, ZS_WFL, wflh(t->wfl[k], WHO_WFL_FIRST, WHO_WFL_ROWS, x, in->weight));
	else if (!on_length && x >= 65 && x <= 120)
		set_z(out, ZS_WFL, wflh(t->wfh[k], WHO_WFH_FIRST, WHO_WFH_ROWS, x, in->weight));
}
