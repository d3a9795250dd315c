/*
 * logs.c - the village's activity records: the PKK Pokja activities
 * (forms 4.21-4.24) and the intervention logs of every plugin and of the
 * activities instances.
 *
 * The intervention ids are the ones the shipped plugins and the sample's
 * activities sections declare; a row with another id would be rejected.
 */
#include <math.h>
#include <string.h>

#include "cal.h"
#include "gen.h"

typedef struct intervention {
	const char *id;
	int per_rt;            /* one or two rows per RT, else village-wide */
	int target_lo, target_hi; /* sasaran for an RT or for 835 KK: the target
	                             * population, or a planned volume of meetings
	                             * and works (docs/inputs.md, "Coverage") */
	long cost;             /* rupiah per unit, for the budget column */
} intervention;

static const intervention health_iv[] = {
	{ "ttd_remaja", 0, 40, 120, 1500 },
	{ "ttd_bumil", 1, 2, 8, 9000 },
	{ "pmt_bumil_kek", 0, 3, 12, 450000 },
	{ "asi_eksklusif", 1, 1, 5, 0 },
	{ "mp_asi", 1, 2, 8, 60000 },
	{ "pemantauan_pertumbuhan", 1, 8, 25, 0 },
	{ "pmt_balita_gizi_kurang", 0, 5, 25, 300000 },
	{ "imunisasi_dasar", 1, 1, 6, 0 },
};

static const intervention edu_iv[] = {
	{ "pip_kip", 0, 20, 80, 450000 },
	{ "kejar_paket", 0, 5, 25, 600000 },
	{ "kembali_bersekolah", 0, 5, 30, 25000 },
	{ "beasiswa", 0, 5, 20, 1000000 },
};

static const intervention pkk_iv[] = {
	{ "pembinaan_dasawisma", 1, 1, 4, 150000 },
	{ "hatinya_pkk", 1, 2, 8, 200000 },
	{ "up2k", 0, 5, 25, 500000 },
	{ "bkb", 1, 3, 10, 50000 },
	{ "jamban_sehat", 0, 5, 30, 250000 },
};

/* The activities instances; agencies.ini (meta.c) declares the same ids. */
static const intervention dukcapil_iv[] = {
	{ "akta_kelahiran", 0, 10, 60, 0 },
	{ "kia", 0, 20, 90, 0 },
	{ "adminduk_keliling", 0, 1, 4, 2500000 },
};

static const intervention dinsos_iv[] = {
	{ "p2k2", 1, 1, 4, 100000 },
	{ "bantuan_pangan", 0, 20, 80, 200000 },
};

static const intervention perkim_iv[] = {
	{ "bedah_rumah", 0, 3, 20, 20000000 },
	{ "sanitasi_komunal", 0, 1, 3, 150000000 },
};

/* Kinds named as the plugins name what they find (docs/inputs.md). */
static const char *const log_dirty[] = {
	"unreadable realised", "outside period", "unknown intervention", "bad area code"
};

static void put_day(village *v, outfile *o, long day, int dirty_outside)
{
	if (dirty_outside) {
		out_date(o, day - v->year_days - 1, 'i');
		return;
	}
	out_date(o, day, 'i');
}

static void log_row(village *v, int file, const intervention *iv, int rt, double scale)
{
	outfile *o = &v->s->out[file];
	rng *r = &v->kr;
	int target = (int)lround((iv->target_lo + (int)rng_below(r, (uint32_t)(iv->target_hi - iv->target_lo + 1))) * scale);
	double ratio = 0.55 + 0.5 * rng_uniform(r) + 0.05 * v->q;
	int realised, d;
	long day = v->year_first + (long)rng_below(r, (uint32_t)v->year_days);
	int quarter = rng_chance(r, 0.05);
	int budget = iv->cost > 0 && rng_chance(r, 0.7);

	if (target < 1)
		target = 1;
	realised = (int)lround(target * (ratio > 1.1 ? 1.1 : ratio));
	d = gen_dirty(v, file, log_dirty, 4);
	gen_area_rt(v, o, d == 3, rt);
	out_str(o, iv->id);
	if (d == 2)
		out_str(o, "_lama");
	out_ch(o, ',');
	out_uint(o, (unsigned long)target);
	out_ch(o, ',');
	out_uint(o, (unsigned long)realised);
	if (d == 0)
		out_ch(o, 'x');
	out_ch(o, ',');
	if (quarter && d != 1) {
		/* A DHIS2 quarter instead of a date. */
		int y, m, dd;

		cal_civil(day, &y, &m, &dd);
		out_zpad(o, (unsigned long)y, 4);
		out_ch(o, 'Q');
		out_ch(o, (char)('1' + (m - 1) / 3));
	} else {
		put_day(v, o, day, d == 1);
	}
	out_ch(o, ',');
	if (budget)
		out_uint(o, (unsigned long)((long)realised * iv->cost / 1000 * 1000));
	out_eol(o);
}

static void gen_log(village *v, int file, const intervention *iv, int n)
{
	double scale = (double)v->n_kk / 835.0;

	for (int i = 0; i < n; i++) {
		if (iv[i].per_rt) {
			for (int rt = 1; rt <= v->n_rt; rt++) {
				int rows = 1 + rng_chance(&v->kr, 0.3);

				for (int k = 0; k < rows; k++)
					log_row(v, file, &iv[i], rt, 1.0);
			}
		} else {
			int rows = 1 + (int)rng_below(&v->kr, 3);

			for (int k = 0; k < rows; k++)
				log_row(v, file, &iv[i], 0, scale / rows);
		}
	}
}

static const char *const pokja_dirty[] = { "unknown pokja", "unreadable volume", "bad date" };

static const char *const pokja_activity[4][4] = {
	{ "Penghayatan dan pengamalan Pancasila", "Kerja bakti", "Penyuluhan pencegahan KDRT",
	  "Penyuluhan PKBN" },
	{ "Kelompok belajar Paket A", "Bina Keluarga Balita", "Pelatihan UP2K", "Taman bacaan" },
	{ "Penyuluhan pangan beragam", "Pemanfaatan pekarangan HATINYA PKK",
	  "Pelatihan tata laksana rumah tangga", "Lumbung hidup" },
	{ "Posyandu balita", "Penyuluhan PHBS", "Kerja bakti kesehatan lingkungan",
	  "Penyuluhan KB" },
};

static void gen_pokja(village *v)
{
	static const char *const roman[] = { "I", "II", "III", "IV" };
	outfile *o = &v->s->out[SF_POKJA];
	rng *r = &v->kr;

	for (int p = 0; p < 4; p++) {
		int n = 2 + (int)rng_below(r, 4);

		for (int i = 0; i < n; i++) {
			int rt = rng_chance(r, 0.3) ? 1 + (int)rng_below(r, (uint32_t)v->n_rt) : 0;
			int volume = 1 + (int)rng_below(r, 12);
			int peserta = 8 + (int)rng_below(r, 53);
			long day = v->year_first + (long)rng_below(r, (uint32_t)v->year_days);
			int d = gen_dirty(v, SF_POKJA, pokja_dirty, 3);

			out_put(o, v->code, 13);
			out_ch(o, ',');
			if (rt > 0)
				gen_rt(o, rt);
			out_ch(o, ',');
			out_str(o, d == 0 ? "V" : roman[p]);
			out_ch(o, ',');
			out_str(o, pokja_activity[p][i % 4]);
			out_ch(o, ',');
			out_uint(o, (unsigned long)volume);
			if (d == 1)
				out_str(o, " kali");
			out_ch(o, ',');
			out_uint(o, (unsigned long)peserta);
			out_ch(o, ',');
			if (d == 2) {
				out_zpad(o, (unsigned long)v->s->opt.year, 4);
				out_str(o, "-02-30");
			} else {
				out_date(o, day, 'i');
			}
			out_eol(o);
		}
	}
}

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

void gen_village_logs(village *v)
{
	gen_pokja(v);
	gen_log(v, SF_HEALTH_LOG, health_iv, N(health_iv));
	gen_log(v, SF_EDU_LOG, edu_iv, N(edu_iv));
	gen_log(v, SF_PKK_LOG, pkk_iv, N(pkk_iv));
	gen_log(v, SF_ACT_FIRST, dukcapil_iv, N(dukcapil_iv));
	gen_log(v, SF_ACT_FIRST + 1, dinsos_iv, N(dinsos_iv));
	gen_log(v, SF_ACT_FIRST + 2, perkim_iv, N(perkim_iv));
}

static const char *const table_dirty[] = { "unreadable numerator", "bad area code" };

/* One aggregate-table row of the current RT: the denominator, then the
 * numerator of the table's one indicator. */
static void table_row(village *v, int file, const long *vals, int n)
{
	outfile *o = &v->s->out[file];
	int d = gen_dirty(v, file, table_dirty, 2);

	gen_area_rt(v, o, d == 1, v->rt);
	out_uint(o, (unsigned long)v->s->opt.year);
	for (int i = 0; i < n; i++) {
		out_ch(o, ',');
		out_uint(o, (unsigned long)vals[i]);
		if (d == 0 && i == 1)
			out_ch(o, 'O');     /* a letter typed for a zero */
	}
	out_eol(o);
}

void gen_rt_tables(village *v)
{
	/* An RT without children or PKH families has no row: a zero
	 * denominator is not a measurement. */
	if (v->rt_children > 0)
		table_row(v, SF_TABLE_FIRST, (const long[]){ v->rt_children, v->rt_akta }, 2);
	if (v->rt_pkh > 0)
		table_row(v, SF_TABLE_FIRST + 1, (const long[]){ v->rt_pkh, v->rt_p2k2 }, 2);
	table_row(v, SF_TABLE_FIRST + 2, (const long[]){ v->rt_houses, v->rt_layak }, 2);
	v->rt_children = v->rt_akta = 0;
	v->rt_pkh = v->rt_p2k2 = v->rt_houses = v->rt_layak = 0;
}
