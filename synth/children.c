/*
 * children.c - the children of one KK: measurements of the under-fives as
 * e-PPGBM exports them (';', decimal comma, DD/MM/YYYY) and the school-age
 * children with their level and status.
 *
 * Length/height is drawn from the WHO standard: z ~ N(village shift, 1) and
 * the LMS formula inverted at the child's age and sex. Children under 24
 * months are mostly measured lying, older ones standing, and the written
 * value carries the 0.7 cm difference when a child was measured the other
 * way, exactly as the WHO adjustment expects.
 */
#include <math.h>
#include <string.h>

#include "cal.h"
#include "gen.h"

static const char *const balita_dirty[] = {
	"unreadable weight", "missing height", "implausible height", "bad date",
	"unknown sex", "bad area code"
};

/* A 16-digit id: the village's 10 digits and a 6-digit serial. */
static void put_id(village *v, outfile *o, long serial)
{
	out_put(o, v->digits, 10);
	out_zpad(o, (unsigned long)serial % 1000000, 6);
}

/* The LMS row for weight at an (adjusted) length/height: weight-for-length
 * under 24 months, weight-for-height from 24 months, weight-for-age when
 * the length falls outside both tables. */
static const lms *weight_row(const growth *g, int sex, int age, double len)
{
	if (age < 731 && len >= 45.0 && len <= 110.0)
		return &g->wfl[sex - 1][lround((len - 45.0) * 10)];
	if (age >= 731 && len >= 65.0 && len <= 120.0)
		return &g->wfh[sex - 1][lround((len - 65.0) * 10)];
	return &g->wfa[sex - 1][age];
}

static double clamp(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

static void paud_age_child(village *v, const char *kk, long birth, int sex);

void gen_balita(village *v, const char *kk, const char *parent, kk_kids *k)
{
	synth *s = v->s;
	outfile *o = &s->out[SF_CHILDREN];
	rng *r = &v->kr;
	const growth *g = s->g;
	int sex = 1 + (int)rng_below(r, 2);
	int age = (int)rng_below(r, 1826);
	long day = v->weigh_day + (v->rt * 3) % 28;
	const lms *p = &g->lhfa[sex - 1][age];
	double z = clamp(v->stunt_mu + rng_normal(r), -5.0, 5.0);
	double len = growth_value(p, z), shift = 0, adj, zw;
	int lying, d, edema;
	long len10, wt10;
	const char *first, *second;

	if (age < 274)
		lying = 1;      /* under 9 months a child is never measured standing */
	else
		lying = rng_chance(r, age < 731 ? 0.95 : 0.05);
	if (age < 731 && !lying)
		shift = -0.7;
	else if (age >= 731 && lying)
		shift = 0.7;
	len10 = lround((len + shift) * 10);
	/* The z-score of the value as written, as pk2d will compute it. */
	adj = (double)len10 / 10 - shift;
	zw = (pow(adj / p->m, p->l) - 1) / (p->l * p->s);
	wt10 = lround(10 * growth_value(weight_row(g, sex, age, adj), clamp(-0.25 + rng_normal(r), -3.5, 3.5)));
	first = sex == 1 ? names_male(r) : names_female(r);
	second = rng_chance(r, 0.6) ? (sex == 1 ? names_male(r) : names_female(r)) : NULL;
	edema = rng_pick(r, (const double[]){ 0.65, 0.9995, 1.0 }, 3);

	k->balita++;
	if (sex == 1)
		k->balita_l++;
	else
		k->balita_p++;
	/* WHO Anthro rounds z to 2 decimals before comparing (pk2d too). */
	zw = nearbyint(zw * 100) / 100;
	k->stunted += zw < -2;
	v->seq_child++;

	d = gen_dirty(v, SF_CHILDREN, balita_dirty, 6);
	if (d < 0) {
		s->children++;
		s->stunted += zw < -2;
	}
	put_id(v, o, v->seq_child);
	out_ch(o, ';');
	out_str(o, first);
	if (second && second != first) {
		out_ch(o, ' ');
		out_str(o, second);
	}
	out_ch(o, ';');
	out_ch(o, d == 4 ? 'X' : sex == 1 ? 'L' : 'P');
	out_ch(o, ';');
	out_date(o, day - age, 'd');
	out_ch(o, ';');
	out_str(o, parent);
	out_ch(o, ';');
	out_str(o, kk);
	out_ch(o, ';');
	if (d == 5)
		gen_bad_code(v, o);
	else
		out_put(o, v->code, 13);
	out_ch(o, ';');
	out_str(o, v->name);
	out_ch(o, ';');
	out_str(o, "Posyandu ");
	out_str(o, names_flower((v->rt - 1) / 3 + 5));
	out_ch(o, ';');
	gen_rt(o, v->rt);
	out_ch(o, ';');
	gen_rt(o, (v->rt - 1) / 3 + 1);
	out_ch(o, ';');
	if (d == 3)
		out_str(o, "31/02/");
	else
		out_date(o, day, 'd');
	if (d == 3)
		out_zpad(o, (unsigned long)s->opt.year, 4);
	out_ch(o, ';');
	if (d == 0) {
		/* A letter O typed for the decimal digit. */
		out_uint(o, (unsigned long)(wt10 / 10));
		out_put(o, ",O", 2);
	} else {
		out_dec1(o, wt10, ',');
	}
	out_ch(o, ';');
	if (d == 2)
		out_dec1(o, rng_chance(&v->dr, 0.5) ? len10 * 3 / 2 : len10 * 2 / 3, ',');
	else if (d != 1)
		out_dec1(o, len10, ',');
	out_ch(o, ';');
	out_str(o, lying ? "terlentang" : "berdiri");
	out_ch(o, ';');
	if (age >= 183)
		out_dec1(o, lround(10 * (14.0 + 1.1 * rng_normal(r))), ',');
	out_ch(o, ';');
	if (edema == 1)
		out_str(o, "tidak");
	else if (edema == 2)
		out_str(o, "ya");
	out_eol(o);
	paud_age_child(v, kk, day - age, sex);
}

static const char *const school_dirty[] = {
	"bad birth date", "unknown status", "bad area code"
};

enum { ST_IN, ST_DROPOUT, ST_NEVER, ST_NOT_CONTINUED };

static const char *const status_name[] = {
	"sekolah", "putus sekolah", "belum pernah sekolah", "lulus tidak melanjutkan"
};

/* The level of a child in school, by age (the usual age band of each
 * level, with madrasah and Paket equivalents). */
static const char *level_for(rng *r, int age)
{
	static const char *const early[] = { "PAUD", "TK", "RA" };
	static const char *const primary[] = { "SD", "MI", "Paket A" };
	static const char *const lower[] = { "SMP", "MTs", "Paket B" };
	static const char *const upper[] = { "SMA", "SMK", "MA", "Paket C" };

	if (age <= 6)
		return early[rng_pick(r, (const double[]){ 0.3, 0.85, 1.0 }, 3)];
	if (age <= 12)
		return primary[rng_pick(r, (const double[]){ 0.84, 0.99, 1.0 }, 3)];
	if (age <= 15)
		return lower[rng_pick(r, (const double[]){ 0.79, 0.98, 1.0 }, 3)];
	return upper[rng_pick(r, (const double[]){ 0.50, 0.85, 0.98, 1.0 }, 4)];
}

/* One row of the school list; d the dirty kind drawn (-1: clean). */
static void school_row(village *v, const char *kk, long serial, long birth, int sex,
                       const char *level, const char *status, int d)
{
	outfile *o = &v->s->out[SF_SCHOOL];

	put_id(v, o, serial);
	out_ch(o, ',');
	out_str(o, kk);
	out_ch(o, ',');
	gen_area_rt(v, o, d == 2, v->rt);
	if (d == 0) {
		/* The 32nd of the birth month. */
		int y, m, day;

		cal_civil(birth, &y, &m, &day);
		out_zpad(o, (unsigned long)y, 4);
		out_ch(o, '-');
		out_zpad(o, (unsigned long)m, 2);
		out_put(o, "-32", 3);
	} else {
		out_date(o, birth, 'i');
	}
	out_ch(o, ',');
	out_ch(o, sex == 1 ? 'L' : 'P');
	out_ch(o, ',');
	out_str(o, level);
	out_ch(o, ',');
	out_str(o, status);
	out_eol(o);
}

/* The age whose level a pupil of `age` attends: 10 % are behind (a
 * repeated grade or a late start: one year behind, a fifth of them two),
 * 4 % a year ahead (an early start), the rest at their age. Only a shift
 * across a level's band changes the level (a 13-year-old still in SD, a
 * 6-year-old already in SD), which is what makes APK differ from APM. Drawn
 * from the school stream, so that the other files stay as they are. */
static int level_age(village *v, int age)
{
	rng *r = &v->sr;

	if (rng_chance(r, 0.10))
		return age - (rng_chance(r, 0.2) ? 2 : 1);
	if (rng_chance(r, 0.04 / 0.90))
		return age + 1;
	return age;
}

void gen_school_child(village *v, const char *kk, kk_kids *k)
{
	synth *s = v->s;
	rng *r = &v->kr;
	int age = 5 + (int)rng_below(r, 14);
	long birth = v->ref_day - lround(age * 365.25) - (long)rng_below(r, 365);
	int sex = 1 + (int)rng_below(r, 2), status, d;
	const char *level = "";
	double p_out;

	if (age <= 6) {
		status = rng_chance(r, 0.55) ? ST_IN : ST_NEVER;
	} else {
		p_out = age <= 12 ? 0.012 : age <= 15 ? 0.07 : 0.25;
		p_out = clamp(p_out * v->dropout, 0, 0.8);
		if (!rng_chance(r, p_out))
			status = ST_IN;
		else if (age <= 12)
			status = rng_chance(r, 0.6) ? ST_DROPOUT : ST_NEVER;
		else
			status = rng_chance(r, age <= 15 ? 0.55 : 0.35) ? ST_DROPOUT : ST_NOT_CONTINUED;
	}
	if (status == ST_IN) {
		int at = level_age(v, age);

		/* The content stream draws the level as before; an off-age pupil
		 * takes a level drawn from the school stream. */
		level = level_for(r, age);
		if (at != age)
			level = level_for(&v->sr, at);
	} else if (status == ST_DROPOUT) {
		/* Dropouts keep the level they left. */
		level = level_for(r, age - 1 - (int)rng_below(r, 2));
	}

	k->school++;
	if (age >= 7) {
		k->school_7_18++;
		k->out_7_18 += status != ST_IN;
	}
	v->seq_child++;

	d = gen_dirty(v, SF_SCHOOL, school_dirty, 3);
	if (d < 0)
		s->school++;
	school_row(v, kk, v->seq_child, birth, sex, level, d == 1 ? "pindah" : status_name[status],
	           d);
}

/* A child under five who is 3 or 4 on the reference date is of PAUD age
 * (BPS's band 3-6) and has a row in the school list too, with the same id:
 * 25 % in a playgroup or PAUD, the others not yet in school. Drawn from the
 * school stream, always clean, and not counted among the KK's school-age
 * children (the survey does not see it). */
static void paud_age_child(village *v, const char *kk, long birth, int sex)
{
	static const char *const early[] = { "KB", "PAUD" };
	long days = v->ref_day - birth;
	int in;

	if (days < lround(3 * 365.25))
		return;
	in = rng_chance(&v->sr, 0.25);
	v->s->school++;
	school_row(v, kk, v->seq_child, birth, sex,
	           in ? early[rng_pick(&v->sr, (const double[]){ 0.6, 1.0 }, 2)] : "",
	           status_name[in ? ST_IN : ST_NEVER], -1);
}
