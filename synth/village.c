/*
 * village.c - one village: its parameters, its RT and dasawisma, and per
 * household the survey rows (one per KK) and the 4.16a recap row.
 *
 * Rates are national-looking defaults moved per village on the logit scale
 * by the village's quality factor q ~ N(0,1) and a little noise per
 * indicator, so most villages meet most indicators for 70-95 % of KK and
 * some villages fall lower.
 */
#include <math.h>
#include <string.h>

#include "cal.h"
#include "gen.h"

/* Who an indicator applies to. */
enum applies {
	A_ALL, A_MARRIED, A_CHILDREN, A_BALITA, A_SCHOOL, A_SCHOOL_7_18, A_LANSIA, A_SICK
};

/* Indicators met by a drawn chance (base) or derived from the rest of the
 * KK's data (base < 0): F2 from the children's measurements, F5/F6/E8 from
 * the household's recap, E5 from the school-age children. */
static const struct {
	double base;
	int applies;
} ind[SYNTH_N_IND] = {
	{ 0.91, A_MARRIED }, { 0.87, A_CHILDREN }, { 0.95, A_CHILDREN },
	{ 0.93, A_ALL }, { -1, A_BALITA }, { 0.82, A_SICK }, { 0.80, A_ALL },
	{ -1, A_ALL }, { -1, A_ALL },
	{ 0.86, A_ALL }, { 0.93, A_ALL }, { 0.78, A_ALL }, { 0.80, A_SCHOOL },
	{ -1, A_SCHOOL_7_18 }, { 0.58, A_ALL }, { 0.76, A_ALL }, { -1, A_ALL },
	{ 0.95, A_MARRIED }, { 0.94, A_CHILDREN }, { 0.96, A_ALL }, { 0.89, A_ALL },
	{ 0.86, A_MARRIED }, { 0.84, A_MARRIED },
	{ 0.92, A_LANSIA }, { 0.81, A_ALL }, { 0.91, A_ALL }, { 0.62, A_ALL },
	{ 0.72, A_ALL }, { 0.97, A_ALL }
};

enum { I_L2 = 1, I_F2 = 4, I_F5 = 7, I_F6 = 8, I_E2 = 10, I_E5 = 13, I_E8 = 16 };

static double logistic(double x)
{
	return 1.0 / (1.0 + exp(-x));
}

static double shifted(village *v, double base, double noise)
{
	return logistic(log(base / (1.0 - base)) + 0.45 * v->q + noise * rng_normal(&v->vr));
}

static void draw_parameters(village *v)
{
	synth *s = v->s;
	int y = s->opt.year;

	v->q = rng_normal(&v->vr);
	if (s->opt.has_quality)
		v->q = s->opt.quality;
	if (s->opt.kk_fixed > 0) {
		v->n_kk = s->opt.kk_fixed;
	} else {
		/* Lognormal around the mean: villages range from a few dozen KK
		 * to several thousand. */
		const double sigma = 0.6;
		double mu = log(s->opt.kk_mean) - sigma * sigma / 2;

		v->n_kk = lround(exp(mu + sigma * rng_normal(&v->vr)));
		if (v->n_kk < 20)
			v->n_kk = 20;
	}
	if (s->opt.rt_fixed > 0)
		v->n_rt = s->opt.rt_fixed;
	else
		v->n_rt = (int)lround((double)v->n_kk / (50.0 + 60.0 * rng_uniform(&v->vr)));
	if (v->n_rt < 1)
		v->n_rt = 1;
	if (v->n_rt > v->n_kk)
		v->n_rt = (int)v->n_kk;
	for (int i = 0; i < SYNTH_N_IND; i++)
		v->p_ind[i] = ind[i].base > 0 ? shifted(v, ind[i].base, 0.25) : 0;
	v->p_water = shifted(v, 0.88, 0.3);
	v->p_jamban = shifted(v, 0.82, 0.3);
	v->p_rumah = shifted(v, 0.80, 0.3);
	v->p_sampah = shifted(v, 0.70, 0.4);
	v->p_spal = shifted(v, 0.65, 0.4);
	/* A mean length-for-age z of -1.16 gives 20 % stunting; villages
	 * spread around it, worse where quality is low. */
	v->stunt_mu = -1.16 + 0.3 * (0.6 * v->q + 0.8 * rng_normal(&v->vr));
	v->dropout = exp(-0.4 * v->q + 0.3 * rng_normal(&v->vr));
	v->na_style = rng_pick(&v->vr, (const double[]){ 0.7, 0.9, 1.0 }, 3);
	v->rt_style = (int)rng_below(&v->vr, 3);
	v->year_first = cal_days(y, 1, 1);
	v->year_days = cal_days(y + 1, 1, 1) - v->year_first;
	v->weigh_day = cal_days(y, 8, 1);
	v->ref_day = cal_days(y, 7, 1);
}

int gen_dirty(village *v, int file, const char *const *kinds, int n)
{
	int k;

	if (v->s->opt.dirty <= 0 || !rng_chance(&v->dr, v->s->opt.dirty))
		return -1;
	k = (int)rng_below(&v->dr, (uint32_t)n);
	out_dirty(&v->s->out[file], kinds[k]);
	return k;
}

void gen_bad_code(village *v, outfile *o)
{
	/* The letter O for a zero, or a dot missing: both typed by hand. */
	if (rng_chance(&v->dr, 0.5)) {
		for (const char *p = v->code; *p; p++)
			out_ch(o, *p == '0' ? 'O' : *p);
		if (!strchr(v->code, '0'))
			out_ch(o, 'x');
	} else {
		for (const char *p = v->code; *p; p++)
			if (p - v->code != 5)
				out_ch(o, *p);
	}
}

void gen_rt(outfile *o, int rt)
{
	out_uint(o, (unsigned long)rt);
}

void gen_area_rt(village *v, outfile *o, int bad, int rt)
{
	if (bad)
		gen_bad_code(v, o);
	else
		out_put(o, v->code, 13);
	out_ch(o, ',');
	if (rt > 0)
		gen_rt(o, rt);
	out_ch(o, ',');
}

static void put_rt_styled(village *v, outfile *o)
{
	if (v->rt_style == 0)
		out_uint(o, (unsigned long)v->rt);
	else
		out_zpad(o, (unsigned long)v->rt, v->rt_style + 1);
}

/* One household's shared facts, from which the recap row and the
 * survey's F5, F6 and E8 come. */
typedef struct household {
	int water;             /* 0 PDAM, 1 sumur, 2 lainnya */
	int jamban, rumah, sampah, spal, beras;
	int up2k, pekarangan, industri, kesling;
	int n_kk;
	int male, female, balita_l, balita_p, pus, wus, hamil, menyusui, lansia;
	int tiga_buta, abk;
	const char *head;
} household;

/* Kinds named as the family plugin names what it finds. */
static const char *const survey_dirty[] = {
	"impossible answer", "malformed area", "duplicate KK", "unreadable member count",
	"missing KK number"
};

static const char *const methods[] = {
	"suntik", "pil", "implan", "IUD", "MOW", "kondom", "MAL", "MOP",
	"tradisional", "pantang berkala", "senggama terputus"
};
static const double method_cum[] = {
	0.30, 0.41, 0.48, 0.53, 0.555, 0.57, 0.575, 0.577, 0.590, 0.598, 0.605
};
static const char *const wishes[] = { "segera", "tunda", "tidak", "hamil" };
static const double wish_cum[] = { 0.15, 0.40, 0.92, 1.0 };

static void put_na(village *v, outfile *o)
{
	if (v->na_style == 1)
		out_put(o, "NA", 2);
	else if (v->na_style == 2)
		out_ch(o, '-');
}

/* One KK: its children (rows in balita.csv and anak-sekolah.csv), then its
 * survey row. */
static void gen_kk(village *v, household *h)
{
	synth *s = v->s;
	outfile *o = &s->out[SF_SURVEY];
	rng *r = &v->kr;
	char kk[17];
	kk_kids kids = { 0 };
	int married, pus, lansia, sick, others, male, female, answer[SYNTH_N_IND];
	int n_balita, n_school, head_male, d, bad_col = -1;
	const char *parent, *method = "", *wish = "";

	memcpy(kk, v->digits, 10);
	v->seq_kk++;
	for (int i = 15, n = (int)v->seq_kk; i >= 10; i--, n /= 10)
		kk[i] = (char)('0' + n % 10);
	kk[16] = '\0';

	married = rng_chance(r, 0.88);
	head_male = married || rng_chance(r, 0.4);
	pus = married && rng_chance(r, 0.72);
	n_balita = pus ? rng_pick(r, (const double[]){ 0.60, 0.92, 1.0 }, 3)
		       : rng_chance(r, married ? 0.07 : 0.03);
	n_school = married ? rng_pick(r, (const double[]){ 0.40, 0.70, 0.89, 0.98, 1.0 }, 5)
			   : rng_pick(r, (const double[]){ 0.75, 0.95, 1.0 }, 3);
	lansia = rng_chance(r, 0.22);
	sick = rng_chance(r, 0.2);
	others = rng_pick(r, (const double[]){ 0.8, 0.95, 1.0 }, 3);
	male = head_male + (married && !head_male);
	female = !head_male + married;
	parent = married || !head_male ? names_female(r) : names_male(r);
	h->head = head_male ? names_male(r) : parent;

	for (int i = 0; i < n_balita; i++)
		gen_balita(v, kk, parent, &kids);
	for (int i = 0; i < n_school; i++)
		gen_school_child(v, kk, &kids);
	/* Birth certificates of the KK's children, for Disdukcapil's table. */
	for (int i = 0; i < kids.balita + kids.school; i++) {
		v->rt_children++;
		v->rt_akta += rng_chance(r, 0.5 + 0.5 * v->p_ind[I_L2]);
	}
	male += kids.balita_l;
	female += kids.balita_p;
	for (int i = 0; i < n_school + lansia + others; i++) {
		if (rng_chance(r, 0.5))
			male++;
		else
			female++;
	}

	for (int i = 0; i < SYNTH_N_IND; i++) {
		int a;

		switch (ind[i].applies) {
		case A_MARRIED: a = married; break;
		case A_CHILDREN: a = kids.balita + kids.school > 0; break;
		case A_BALITA: a = kids.balita > 0; break;
		case A_SCHOOL: a = kids.school > 0; break;
		case A_SCHOOL_7_18: a = kids.school_7_18 > 0; break;
		case A_LANSIA: a = lansia; break;
		case A_SICK: a = sick; break;
		default: a = 1; break;
		}
		if (!a) {
			answer[i] = -1;
			continue;
		}
		switch (i) {
		case I_F2: answer[i] = kids.stunted == 0; break;
		case I_F5: answer[i] = h->water != 2; break;
		case I_F6: answer[i] = h->jamban; break;
		case I_E5: answer[i] = kids.out_7_18 == 0; break;
		case I_E8: answer[i] = h->rumah; break;
		default: answer[i] = rng_chance(r, v->p_ind[i]); break;
		}
	}

	if (pus) {
		int m = rng_pick(r, method_cum, 11);

		/* Past the last cumulative weight, the PUS uses no method. */
		if (rng_uniform(r) < method_cum[10])
			method = methods[m];
		else if (rng_chance(r, 0.3))
			method = "tidak";
		wish = wishes[rng_pick(r, wish_cum, 4)];
	}

	d = gen_dirty(v, SF_SURVEY, survey_dirty, 5);
	if (d == 0)
		bad_col = (int)rng_below(&v->dr, SYNTH_N_IND);
	if (d < 0 || d == 2)
		for (int i = 0; i < SYNTH_N_IND; i++)
			if (answer[i] >= 0) {
				s->app[i]++;
				s->met[i] += answer[i];
			}

	/* A duplicated KK: the same row entered twice. */
	for (int pass = 0; pass <= (d == 2); pass++) {
		if (d != 4)
			out_put(o, kk, 16);
		out_ch(o, ',');
		if (d == 1)
			gen_bad_code(v, o);
		else
			out_put(o, v->code, 13);
		out_ch(o, ',');
		put_rt_styled(v, o);
		out_ch(o, ',');
		out_str(o, v->dasawisma);
		out_ch(o, ',');
		out_uint(o, (unsigned long)male);
		if (d == 3)
			out_ch(o, 'a');
		out_ch(o, ',');
		out_uint(o, (unsigned long)female);
		for (int i = 0; i < SYNTH_N_IND; i++) {
			out_ch(o, ',');
			if (i == bad_col)
				out_ch(o, (char)('2' + (int)rng_below(&v->dr, 2) * ('x' - '2')));
			else if (answer[i] < 0)
				put_na(v, o);
			else
				out_ch(o, (char)('0' + answer[i]));
		}
		out_ch(o, ',');
		out_ch(o, pus ? '1' : '0');
		out_ch(o, ',');
		out_str(o, method);
		out_ch(o, ',');
		out_str(o, wish);
		out_eol(o);
	}

	h->n_kk++;
	h->male += male;
	h->female += female;
	h->balita_l += kids.balita_l;
	h->balita_p += kids.balita_p;
	h->pus += pus;
	h->wus += pus + (female > 1 && rng_chance(r, 0.3));
	h->hamil += pus && rng_chance(r, 0.08);
	h->menyusui += pus && kids.balita && rng_chance(r, 0.35);
	h->lansia += lansia;
	h->tiga_buta += rng_chance(r, 0.01);
	if (rng_chance(r, 0.10 + 0.05 * (v->q < 0))) {
		v->rt_pkh++;
		v->rt_p2k2 += rng_chance(r, v->p_ind[I_E2]);
	}
	h->abk += rng_chance(r, 0.02);
	s->kk++;
}

static const char *const recap_dirty[] = { "unreadable count", "bad area code" };

static void put_tick(outfile *o, int tick)
{
	out_ch(o, ',');
	if (tick)
		out_ch(o, 'v');
}

static void put_count(outfile *o, int n)
{
	out_ch(o, ',');
	out_uint(o, (unsigned long)n);
}

/* A household of n_kk KK: their survey rows, then its 4.16a recap row. */
static void gen_household(village *v, int n_kk)
{
	static const char *const water[] = { "PDAM", "sumur", "lainnya" };
	outfile *o = &v->s->out[SF_RECAP];
	rng *r = &v->kr;
	household h;
	int d;

	memset(&h, 0, sizeof(h));
	h.water = rng_chance(r, v->p_water) ? (rng_chance(r, 0.45) ? 0 : 1) : 2;
	h.jamban = rng_chance(r, v->p_jamban);
	h.rumah = rng_chance(r, v->p_rumah);
	h.sampah = rng_chance(r, v->p_sampah);
	h.spal = rng_chance(r, v->p_spal);
	h.beras = rng_chance(r, 0.97);
	h.up2k = rng_chance(r, 0.15);
	h.pekarangan = rng_chance(r, 0.35);
	h.industri = rng_chance(r, 0.08);
	h.kesling = rng_chance(r, 0.4);
	for (int i = 0; i < n_kk; i++)
		gen_kk(v, &h);
	v->rt_houses++;
	v->rt_layak += h.rumah;

	d = gen_dirty(v, SF_RECAP, recap_dirty, 2);
	gen_area_rt(v, o, d == 1, v->rt);
	out_str(o, v->dasawisma);
	out_ch(o, ',');
	out_str(o, h.head);
	put_count(o, h.n_kk);
	put_count(o, h.male);
	if (d == 0)
		out_ch(o, 'x');
	put_count(o, h.female);
	put_count(o, h.balita_l);
	put_count(o, h.balita_p);
	put_count(o, h.pus);
	put_count(o, h.wus);
	put_count(o, h.hamil);
	put_count(o, h.menyusui);
	put_count(o, h.lansia);
	put_count(o, h.tiga_buta);
	put_count(o, h.abk);
	put_tick(o, h.rumah);
	put_tick(o, h.sampah);
	put_tick(o, h.spal);
	put_tick(o, h.jamban);
	out_ch(o, ',');
	out_str(o, water[h.water]);
	out_ch(o, ',');
	out_str(o, h.beras ? "beras" : "non beras");
	put_tick(o, h.up2k);
	put_tick(o, h.pekarangan);
	put_tick(o, h.industri);
	put_tick(o, h.kesling);
	out_eol(o);
	v->s->households++;
}

/* The KK of one dasawisma group, as households of one KK and now and then
 * two KK under one roof. */
static void gen_group(village *v, long n)
{
	const char *flower = names_flower(v->group);
	int k = v->group / 12 + 1;
	size_t len = strlen(flower);

	memcpy(v->dasawisma, flower, len);
	v->dasawisma[len++] = ' ';
	if (k >= 10)
		v->dasawisma[len++] = (char)('0' + k / 10 % 10);
	v->dasawisma[len++] = (char)('0' + k % 10);
	v->dasawisma[len] = '\0';
	v->group++;
	while (n > 0) {
		int hh = n >= 2 && rng_chance(&v->kr, 0.06) ? 2 : 1;

		gen_household(v, hh);
		n -= hh;
	}
}

void synth_village(synth *s, const char *code, const char *name)
{
	village v;
	long left;

	memset(&v, 0, sizeof(v));
	v.s = s;
	v.code = code;
	v.name = name;
	for (int i = 0, j = 0; code[i]; i++)
		if (code[i] != '.')
			v.digits[j++] = code[i];
	rng_seed(&v.vr, s->opt.seed, code, 0);
	rng_seed(&v.kr, s->opt.seed, code, 1);
	rng_seed(&v.dr, s->opt.seed, code, 2);
	rng_seed(&v.sr, s->opt.seed, code, 3);
	draw_parameters(&v);

	/* RT sizes vary +-30 % around an even share; the last RT takes the
	 * rest. Groups of 10-20 KK (fewer only in an RT under 10 KK). */
	left = v.n_kk;
	for (v.rt = 1; v.rt <= v.n_rt; v.rt++) {
		long rts = v.n_rt - v.rt + 1, size, groups;

		if (rts == 1) {
			size = left;
		} else {
			size = lround((double)left / (double)rts * (0.7 + 0.6 * rng_uniform(&v.vr)));
			if (size < 1)
				size = 1;
			if (size > left - (rts - 1))
				size = left - (rts - 1);
		}
		left -= size;
		groups = size >= 20 ? (size + 19) / 20 : 1;
		for (long g = 0; g < groups; g++)
			gen_group(&v, size / groups + (g < size % groups));
		gen_rt_tables(&v);
	}
	gen_village_logs(&v);
	s->villages++;
}
