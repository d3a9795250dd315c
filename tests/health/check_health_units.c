/*
 * check_health_units.c - the health plugin's modules, and the whole plugin
 * (the built health.so, run in-process by the test harness through the
 * host's own session) on a small e-PPGBM export whose expected results were
 * worked out by hand (see tests/health/data/README.md).
 */
#include <check.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "plugins/health/idmap.h"
#include "plugins/health/indicators.h"
#include "plugins/health/interventions.h"
#include "plugins/health/outputs.h"
#include "plugins/health/ppgbm.h"
#include "plugins/health/prevalence.h"
#include "plugins/health/roster.h"
#include "display.h"

#define VILLAGE "63.02.09.2007"

/* The whole text of a file (malloc'd). */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char *buf = malloc(1 << 20);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

/* ---- id map ----------------------------------------------------------- */

/* Keys are byte strings: a NUL inside or a longer key is another key. */
START_TEST(idmap_keys)
{
	idmap m;
	uint32_t v;

	idmap_init(&m);
	v = 7;
	ck_assert_int_eq(idmap_get_or_put(&m, "63.02/1", 7, &v), 0);
	v = 8;
	ck_assert_int_eq(idmap_get_or_put(&m, "63.02\0001", 7, &v), 0);
	v = 9;
	ck_assert_int_eq(idmap_get_or_put(&m, "63.02/1x", 8, &v), 0);
	v = 10;
	ck_assert_int_eq(idmap_get_or_put(&m, "", 0, &v), 0);
	v = 99;
	ck_assert_int_eq(idmap_get_or_put(&m, "63.02/1", 7, &v), 1);
	ck_assert_uint_eq(v, 7);
	ck_assert_int_eq(idmap_get_or_put(&m, "63.02\0001", 7, &v), 1);
	ck_assert_uint_eq(v, 8);
	ck_assert_int_eq(idmap_get_or_put(&m, "63.02/1x", 8, &v), 1);
	ck_assert_uint_eq(v, 9);
	ck_assert_int_eq(idmap_get_or_put(&m, "", 0, &v), 1);
	ck_assert_uint_eq(v, 10);
	ck_assert_uint_eq(m.len, 4);
	ck_assert_uint_eq(idmap_hash("6302090101220001", 16), idmap_hash("6302090101220001", 16));
	idmap_free(&m);
}
END_TEST

/* 5000 ids grow the map (64 slots at first, doubled whenever half full:
 * 16384 slots for 5000); clearing empties it but keeps the slots, both when
 * it is full (every slot zeroed) and when it holds few keys (only theirs). */
START_TEST(idmap_grow_and_clear)
{
	idmap m;
	char key[32];
	uint32_t v;

	idmap_init(&m);
	for (uint32_t i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof key, "63010120%08u", i * 7);
		v = i;
		ck_assert_int_eq(idmap_get_or_put(&m, key, (size_t)n, &v), 0);
	}
	ck_assert_uint_eq(m.cap, 16384);
	for (uint32_t i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof key, "63010120%08u", i * 7);
		v = 0;
		ck_assert_int_eq(idmap_get_or_put(&m, key, (size_t)n, &v), 1);
		ck_assert_uint_eq(v, i);
	}
	for (int round = 0; round < 2; round++) {
		idmap_clear(&m);
		ck_assert_uint_eq(m.len, 0);
		ck_assert_uint_eq(m.cap, 16384);
		for (uint32_t i = 0; i < 16384; i++)
			ck_assert_uint_eq(m.slots[i], 0);
		/* Ten keys: the next clear goes key by key. */
		for (uint32_t i = 0; i < 10; i++) {
			int n = snprintf(key, sizeof key, "63010120%08u", i * 7);
			v = 100 + i;
			ck_assert_int_eq(idmap_get_or_put(&m, key, (size_t)n, &v), 0);
		}
		v = 0;
		ck_assert_int_eq(idmap_get_or_put(&m, "6301012000000063", 16, &v), 1);
		ck_assert_uint_eq(v, 109);
	}
	idmap_free(&m);
}
END_TEST

/* ---- value parsers ---------------------------------------------------- */

/* The usual forms read without the host give what csv_number and csv_date
 * give; every other text is left to them (0). Dates: 1 January 2023 is day
 * 19358 (53 years of 365 days plus 13 leap days, 1972-2020), so 17 March
 * is 19358 + 31 + 28 + 16 = 19433, and 29 February 2024 is 19358 + 365 +
 * 31 + 28 = 19782. */
START_TEST(plain_forms)
{
	double v = -1;
	long d = -1;

	ck_assert_int_eq(ppgbm_plain_number("6,8", &v), 1);
	ck_assert(v == 6.8);
	ck_assert_int_eq(ppgbm_plain_number("62.5", &v), 1);
	ck_assert(v == 62.5);
	ck_assert_int_eq(ppgbm_plain_number("007,50", &v), 1);
	ck_assert(v == 7.5);
	ck_assert_int_eq(ppgbm_plain_number("0", &v), 1);
	ck_assert(v == 0);
	ck_assert_int_eq(ppgbm_plain_number("1234567890,12345", &v), 1);
	ck_assert(v == 1234567890.12345);
	ck_assert_int_eq(ppgbm_plain_number("0,1", &v), 1);
	ck_assert(v == 0.1);
	ck_assert_int_eq(ppgbm_plain_number("12345678901234,5", &v), 1);
	ck_assert(v == 12345678901234.5);
	v = -1;
	ck_assert_int_eq(ppgbm_plain_number("", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("1234567890,123456", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("184467440737095516161", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("-6,8", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("+6,8", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("6,", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number(",8", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("6,8,1", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("6.8,1", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("1e3", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("6 ,8", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("1234567890123456", &v), 0);
	ck_assert_int_eq(ppgbm_plain_number("9,O", &v), 0);
	ck_assert(v == -1);

	ck_assert_int_eq(ppgbm_plain_date("17/03/2023", &d), 1);
	ck_assert_int_eq(d, 19433);
	ck_assert_int_eq(ppgbm_plain_date("29/02/2024", &d), 1);
	ck_assert_int_eq(d, 19782);
	ck_assert_int_eq(ppgbm_plain_date("01/01/1970", &d), 1);
	ck_assert_int_eq(d, 0);
	ck_assert_int_eq(ppgbm_plain_date("31/12/1969", &d), 1);
	ck_assert_int_eq(d, -1);
	d = -7;
	ck_assert_int_eq(ppgbm_plain_date("29/02/2023", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("31/04/2023", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("00/01/2023", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("01/13/2023", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("01/01/0000", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("2023-03-17", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("17-03-2023", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("1/3/2023", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("17/03/2023 08:30", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("17/03/20231", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("17/03/202", &d), 0);
	ck_assert_int_eq(ppgbm_plain_date("", &d), 0);
	ck_assert_int_eq(d, -7);
}
END_TEST


START_TEST(parse_values)
{
	ck_assert_int_eq(ppgbm_parse_sex("L"), 1);
	ck_assert_int_eq(ppgbm_parse_sex("p"), 2);
	ck_assert_int_eq(ppgbm_parse_sex("1"), 1);
	ck_assert_int_eq(ppgbm_parse_sex("2"), 2);
	ck_assert_int_eq(ppgbm_parse_sex("M"), 1);
	ck_assert_int_eq(ppgbm_parse_sex("f"), 2);
	ck_assert_int_eq(ppgbm_parse_sex("Perempuan"), 2);
	ck_assert_int_eq(ppgbm_parse_sex(""), 0);
	ck_assert_int_eq(ppgbm_parse_sex("X"), -1);
	ck_assert_int_eq(ppgbm_parse_sex("LAKI-LAKI"), 1);
	ck_assert_int_eq(ppgbm_parse_sex("Laki Laki"), 1);
	ck_assert_int_eq(ppgbm_parse_sex("laki-lakiXXXXXXXXXXXX"), -1);
	ck_assert_int_eq(ppgbm_parse_sex("l "), -1);
	ck_assert_int_eq(ppgbm_parse_sex("3"), -1);

	ck_assert_int_eq(ppgbm_parse_measure("Terlentang"), 'l');
	ck_assert_int_eq(ppgbm_parse_measure("telentang"), 'l');
	ck_assert_int_eq(ppgbm_parse_measure("BERDIRI"), 'h');
	ck_assert_int_eq(ppgbm_parse_measure("L"), 'l');
	ck_assert_int_eq(ppgbm_parse_measure("h"), 'h');
	ck_assert_int_eq(ppgbm_parse_measure(""), 0);
	ck_assert_int_eq(ppgbm_parse_measure("duduk"), -1);
	ck_assert_int_eq(ppgbm_parse_measure("berdiriXXXXXXXXXXXXXX"), -1);
	ck_assert_int_eq(ppgbm_parse_measure("TeLenTang"), 'l');

	ck_assert_int_eq(ppgbm_parse_oedema("ya"), 1);
	ck_assert_int_eq(ppgbm_parse_oedema("Y"), 1);
	ck_assert_int_eq(ppgbm_parse_oedema("tidak"), 0);
	ck_assert_int_eq(ppgbm_parse_oedema("n"), 0);
	ck_assert_int_eq(ppgbm_parse_oedema(""), 0);
	ck_assert_int_eq(ppgbm_parse_oedema("mungkin"), -1);
	ck_assert_int_eq(ppgbm_parse_oedema("TIDAK"), 0);
	ck_assert_int_eq(ppgbm_parse_oedema("tidakXXXXXXXXXXXXXX"), -1);
}
END_TEST

/* The e-PPGBM export's default headers (docs/inputs.md, "health"). */
START_TEST(column_defaults)
{
	ck_assert_str_eq(ppgbm_fields[PF_ID].header, "NIK");
	ck_assert_str_eq(ppgbm_fields[PF_MEASURED].header, "Tanggal Pengukuran");
	ck_assert_str_eq(ppgbm_fields[PF_WEIGHT].field, "weight");
	ck_assert_ptr_null(ppgbm_fields[PF_AGE].header);
}
END_TEST

/* ---- aggregation ------------------------------------------------------ */

static zscore_result result(double zlen, double zwei, double zwfl, double zbmi)
{
	zscore_result r;
	double z[ZS_N] = { zlen, zwei, zwfl, zbmi };
	static const double lo[ZS_N] = { -6, -6, -5, -5 }, hi[ZS_N] = { 6, 5, 5, 5 };

	memset(&r, 0, sizeof r);
	for (int i = 0; i < ZS_N; i++) {
		r.z[i] = z[i];
		r.flag[i] = isnan(z[i]) ? -1 : (z[i] < lo[i] || z[i] > hi[i]);
	}
	return r;
}

/* Four children worked by hand:
 *   A zlen -2.50 zwei -1.50 zwfl -1.00: stunted
 *   B zlen -3.20 zwei -3.00 zwfl -3.10: severely stunted, severely wasted,
 *     underweight
 *   C zlen  6.50 (flagged) zwei 1.00 zwfl 2.50: overweight; zlen left out
 *   D oedema, zlen -1.00, no weight-based z: counts as severely wasted and
 *     underweight (WHO Anthro's -3.1)
 * zlen used: -2.5, -3.2, -1.0 -> n 3, sum -6.7, sum of squares 17.49;
 * SD = sqrt((17.49 - 6.7^2 / 3) / 2) = sqrt(1.263333...) = 1.123982... */
START_TEST(prevalence_by_hand)
{
	prev_counts c;
	zscore_result a = result(-2.5, -1.5, -1.0, -0.5), b = result(-3.2, -3.0, -3.1, -2.0);
	zscore_result cc = result(6.5, 1.0, 2.5, 2.1), d = result(-1.0, NAN, NAN, NAN);

	memset(&c, 0, sizeof c);
	prev_add_child(&c, &a, 0);
	prev_add_child(&c, &b, 0);
	prev_add_child(&c, &cc, 0);
	prev_add_child(&c, &d, 1);
	ck_assert_int_eq(c.children, 4);
	ck_assert_int_eq(c.len_den, 3);
	ck_assert_int_eq(c.stunted, 2);
	ck_assert_int_eq(c.severely_stunted, 1);
	ck_assert_int_eq(c.wfl_den, 4);
	ck_assert_int_eq(c.wasted, 2);
	ck_assert_int_eq(c.severely_wasted, 2);
	ck_assert_int_eq(c.overweight, 1);
	ck_assert_int_eq(c.wei_den, 4);
	ck_assert_int_eq(c.underweight, 2);
	ck_assert_int_eq(c.computed[ZS_LEN], 4);
	ck_assert_int_eq(c.flagged[ZS_LEN], 1);
	ck_assert_int_eq(c.missing[ZS_WFL], 1);
	ck_assert_int_eq(c.n[ZS_WFL], 3);
	ck_assert_double_eq_tol(c.sum[ZS_LEN], -6.7, 1e-12);
	ck_assert_double_eq_tol(c.sumsq[ZS_LEN], 17.49, 1e-12);
	/* The sample SD the zscores table computes (PK2D_CELL_SD). */
	ck_assert_double_eq_tol(sqrt((c.sumsq[ZS_LEN] - c.sum[ZS_LEN] * c.sum[ZS_LEN] /
	                              c.n[ZS_LEN]) / (c.n[ZS_LEN] - 1)),
	                        1.1239810200058244, 1e-12);
}
END_TEST

static ppgbm_row child(const char *id, const char *kk, int rt, long measured)
{
	ppgbm_row r;
	memset(&r, 0, sizeof r);
	r.id = id;
	r.kk = kk;
	snprintf(r.area, sizeof r.area, "%s", VILLAGE);
	r.name = r.parent = r.posyandu = "";
	r.rt = rt;
	r.measured = measured;
	return r;
}

/* Repeated ids keep the later measurement; a KK counts once, in the RT of
 * its first child, and is free of stunting only when no child is stunted. */
START_TEST(roster_rules)
{
	roster ros;
	long other;
	zscore_result ok = result(-1, -1, -1, -1), stunted = result(-2.5, -1, -1, -1);
	zscore_result flagged = result(-7, -1, -1, -1);
	ppgbm_row r;

	roster_init(&ros);
	r = child("n1", "kk1", 1, 100);
	ck_assert_int_eq(roster_add(&ros, &r, &stunted, 2, &other), 0);
	ck_assert_int_eq(other, 0);
	r = child("n2", "kk1", 2, 100);           /* same KK in RT 2: KK stays in RT 1 */
	ck_assert_int_eq(roster_add(&ros, &r, &ok, 3, &other), 0);
	r = child("n1", "kk1", 1, 90);            /* earlier measurement of n1: ignored */
	ck_assert_int_eq(roster_add(&ros, &r, &ok, 4, &other), 0);
	ck_assert_int_eq(other, 2);
	r = child("n3", "kk2", 2, 100);
	ck_assert_int_eq(roster_add(&ros, &r, &stunted, 5, &other), 0);
	r = child("n3", "kk2", 2, 120);           /* later measurement of n3: replaces */
	ck_assert_int_eq(roster_add(&ros, &r, &ok, 6, &other), 0);
	ck_assert_int_eq(other, 5);
	r = child("n4", "kk3", 2, 100);           /* only a flagged zlen: KK not measured */
	ck_assert_int_eq(roster_add(&ros, &r, &flagged, 7, &other), 0);
	r = child("", "", 2, LONG_MIN);           /* no id, no KK */
	ck_assert_int_eq(roster_add(&ros, &r, &stunted, 8, &other), 0);
	r = child("", "", 2, LONG_MIN);
	ck_assert_int_eq(roster_add(&ros, &r, &stunted, 9, &other), 0);
	ck_assert_int_eq(roster_count(&ros), 0);

	ck_assert_uint_eq(ros.n_kids, 6);
	ck_assert_uint_eq(ros.n_cells, 2);
	ck_assert_int_eq(ros.cell_rt[0], 1);
	const prev_counts *rt1 = &ros.counts[0], *rt2 = &ros.counts[1];
	ck_assert_int_eq(rt1->children, 1);
	ck_assert_int_eq(rt1->stunted, 1);
	ck_assert_int_eq(rt1->kk_measured, 1);   /* kk1: n1 stunted */
	ck_assert_int_eq(rt1->kk_free, 0);
	ck_assert_int_eq(rt2->children, 5);      /* n2, n3, n4 and the two without id */
	ck_assert_int_eq(rt2->stunted, 2);
	ck_assert_int_eq(rt2->len_den, 4);
	ck_assert_int_eq(rt2->kk_measured, 1);   /* kk2 (n3 now fine); kk3 not measured */
	ck_assert_int_eq(rt2->kk_free, 1);
	/* Follow-up: n1 (stunted) and n4 (flagged), the two without id; n3's
	 * stunted first measurement was replaced. */
	size_t live = 0;
	for (size_t i = 0; i < ros.n_follow; i++)
		live += ros.follow[i].id != NULL;
	ck_assert_uint_eq(live, 4);
	roster_free(&ros);
}
END_TEST

/* The children of one village: n in RT 3 of VILLAGE and n / 4 in RT 1 of an
 * area whose code sorts first, added in the order of perm. z-scores with
 * one decimal, their sums sensitive to the order of adding; many equal zlen
 * so that zwei decides, and some missing. */
static void add_village(roster *ros, int n, const int *perm)
{
	static char ids[1000][8];
	long other;

	for (int j = 0; j < n + n / 4; j++) {
		int i = perm[j];
		double zlen = i % 9 == 0 ? NAN : (i % 13) * 0.1 - 0.6;
		zscore_result res = result(zlen, (i % 29) * 0.1 - 1.3, (i % 7) * 0.1, NAN);
		ppgbm_row r;

		snprintf(ids[i], sizeof ids[i], "c%d", i);
		r = child(ids[i], "", i < n ? 3 : 1, 100);
		if (i >= n)
			snprintf(r.area, sizeof r.area, "%s", "63.02.09.2001");
		ck_assert_int_eq(roster_add(ros, &r, &res, i + 2, &other), 0);
	}
	ck_assert_int_eq(roster_count(ros), 0);
}

/* The sums of a cell do not depend on the order of the rows (a few
 * children sorted by insertion, many by qsort), and are the sums in
 * ascending zlen; the cells are ranked by area code, then RT. */
START_TEST(roster_sums_any_order)
{
	static const int sizes[] = { 12, 600 };

	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		int n = sizes[k], total = n + n / 4;
		int *perm = malloc((size_t)total * sizeof *perm);
		prev_counts first[2];
		unsigned seed = 12345;

		ck_assert_ptr_nonnull(perm);
		for (int pass = 0; pass < 3; pass++) {
			roster ros;

			for (int j = 0; j < total; j++)
				perm[j] = pass == 1 ? total - 1 - j : j;
			for (int j = total - 1; pass == 2 && j > 0; j--) {
				seed = seed * 1103515245u + 12345u;
				int o = (int)((seed >> 8) % (unsigned)(j + 1)), t = perm[j];
				perm[j] = perm[o];
				perm[o] = t;
			}
			roster_init(&ros);
			add_village(&ros, n, perm);
			ck_assert_uint_eq(ros.n_cells, 2);
			uint32_t c3 = ros.cell_rt[0] == 3 ? 0 : 1;
			ck_assert_uint_eq(ros.cell_order[0], 1 - c3);   /* 63.02.09.2001 first */
			ck_assert_uint_eq(ros.cell_rank[c3], 1);
			if (pass == 0) {
				first[0] = ros.counts[c3];
				first[1] = ros.counts[1 - c3];
				/* RT 3's zlen in ascending order, added one by one. */
				double sum = 0;
				for (int v = 0; v < 13; v++)
					for (int i = 0; i < n; i++)
						if (i % 9 != 0 && i % 13 == v)
							sum += v * 0.1 - 0.6;
				ck_assert(first[0].sum[ZS_LEN] == sum);
			} else {
				/* Bit for bit (as the report's digits need). */
				for (int c = 0; c < 2; c++) {
					const prev_counts *now = &ros.counts[c == 0 ? c3 : 1 - c3];
					ck_assert(memcmp(now->sum, first[c].sum, sizeof now->sum) == 0);
					ck_assert(memcmp(now->sumsq, first[c].sumsq,
					                 sizeof now->sumsq) == 0);
					ck_assert_int_eq(now->children, first[c].children);
				}
			}
			roster_free(&ros);
		}
		free(perm);
	}
}
END_TEST

/* After a reset the next village starts empty: an id or KK of the block
 * before is new again, cells count from 0, no_followup stays. */
START_TEST(roster_reset_starts_empty)
{
	roster ros;
	long other;
	zscore_result stunted = result(-2.5, -1, -1, -1);
	ppgbm_row r;

	roster_init(&ros);
	r = child("n1", "kk1", 1, 100);
	ck_assert_int_eq(roster_add(&ros, &r, &stunted, 2, &other), 0);
	r = child("n2", "kk1", 3, 100);
	ck_assert_int_eq(roster_add(&ros, &r, &stunted, 3, &other), 0);
	ck_assert_uint_eq(ros.n_follow, 2);
	roster_reset(&ros);
	ck_assert_uint_eq(ros.n_kids, 0);
	ck_assert_uint_eq(ros.n_cells, 0);
	ck_assert_uint_eq(ros.n_follow, 0);
	r = child("n2", "kk1", 2, 100);
	ck_assert_int_eq(roster_add(&ros, &r, &stunted, 10, &other), 0);
	ck_assert_int_eq(other, 0);
	r = child("n1", "kk1", 3, 100);
	ck_assert_int_eq(roster_add(&ros, &r, &stunted, 11, &other), 0);
	ck_assert_int_eq(other, 0);
	ck_assert_int_eq(roster_count(&ros), 0);
	ck_assert_uint_eq(ros.n_kids, 2);
	ck_assert_uint_eq(ros.n_cells, 2);
	ck_assert_int_eq(ros.cell_rt[0], 2);
	ck_assert_int_eq(ros.cell_rt[1], 3);
	ck_assert_int_eq(ros.counts[0].kk_measured, 1);   /* kk1 in its first RT, 2 */
	ck_assert_int_eq(ros.counts[1].kk_measured, 0);
	ck_assert_int_eq(ros.counts[1].children, 1);
	ck_assert_uint_eq(ros.n_follow, 2);
	roster_free(&ros);
}
END_TEST

/* Without a follow-up list the same counts come out and no name is kept. */
START_TEST(roster_without_followup)
{
	roster ros;
	long other;
	zscore_result ok = result(-1, -1, -1, -1), stunted = result(-2.5, -1, -1, -1);
	ppgbm_row r;

	roster_init(&ros);
	ros.no_followup = 1;
	r = child("n1", "kk1", 1, 100);
	ck_assert_int_eq(roster_add(&ros, &r, &stunted, 2, &other), 0);
	r = child("n2", "kk2", 1, 100);
	ck_assert_int_eq(roster_add(&ros, &r, &ok, 3, &other), 0);
	r = child("n1", "kk1", 1, 120);           /* later: replaces, now fine */
	ck_assert_int_eq(roster_add(&ros, &r, &ok, 4, &other), 0);
	ck_assert_int_eq(other, 2);
	r = child("n3", "kk2", 1, 100);
	ck_assert_int_eq(roster_add(&ros, &r, &stunted, 5, &other), 0);
	ck_assert_int_eq(roster_count(&ros), 0);
	ck_assert_uint_eq(ros.n_follow, 0);
	ck_assert_uint_eq(ros.n_kids, 3);
	ck_assert_int_eq(ros.counts[0].children, 3);
	ck_assert_int_eq(ros.counts[0].stunted, 1);     /* n3 */
	ck_assert_int_eq(ros.counts[0].kk_measured, 2);
	ck_assert_int_eq(ros.counts[0].kk_free, 1);     /* kk1 */
	roster_free(&ros);
}
END_TEST


START_TEST(csv_text_and_reasons)
{
	char buf[256];
	FILE *f = fmemopen(buf, sizeof buf, "w");

	out_text(f, "plain");
	fputc('|', f);
	out_text(f, "a,b");
	fputc('|', f);
	out_text(f, "say \"hi\"");
	fputc('|', f);
	out_text(f, "=1+2");
	fclose(f);
	ck_assert_str_eq(buf, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"'=1+2\"");
	followup_reason_text(FR_STUNTED | FR_REMEASURE, buf, sizeof buf);
	ck_assert_str_eq(buf, "pendek (stunted); ukur ulang (re-measure: implausible z-score)");
}
END_TEST

/* ---- the whole plugin ------------------------------------------------- */

static harness t;

static void plugin_setup(void)
{
	harness_init(&t);
}

static void plugin_teardown(void)
{
	harness_free(&t);
}

/* Runs [plugin.health] with config (key, value, ..., NULL; the first key on
 * line 6 of pk2d.ini) over 2024 and the village: every callback, or only
 * init with declare_only. */
static void run_plugin(const char *const *config, int declare_only)
{
	char *ini = harness_ini("2024", VILLAGE, "health", config);

	/* The files that only init sees still pass the host's header check. */
	if (declare_only) {
		harness_file(&t, "unused.csv", "NIK;JK;Berat\n");
		harness_file(&t, "x.csv", "NIK;JK;Berat\n");
	}

	ck_assert_int_eq(declare_only ? harness_declare(&t, ini) : harness_run(&t, ini), 0);
	free(ini);
}

static const reg_indicator *ind_at(size_t i)
{
	ck_assert_uint_lt(i, registry_n_indicators(t.s.reg));
	return registry_indicator_at(t.s.reg, i);
}

static const reg_intervention *iv_at(size_t i)
{
	ck_assert_uint_lt(i, registry_n_interventions(t.s.reg));
	return registry_intervention_at(t.s.reg, i);
}

/* rt RT_ALL: the whole village. */
static void expect(const char *id, int rt, double num, double den)
{
	char full[64];
	reg_sum s;

	snprintf(full, sizeof full, "health.%s", id);
	ck_assert_msg(harness_get(&t, full, VILLAGE, rt, &s), "%s rt %d not reported", id, rt);
	ck_assert_msg(fabs(s.num - num) < 1e-9 && fabs(s.den - den) < 1e-9,
	              "%s rt %d: %g/%g, expected %g/%g", id, rt, s.num, s.den, num, den);
}

static int count_value(void *ud, const reg_indicator *ind, const char *area, int rt,
                       const char *period, const reg_sum *s)
{
	(void)rt;
	(void)period;
	(void)s;
	ck_assert_str_eq(ind->plugin, "health");
	ck_assert_str_eq(area, VILLAGE);
	++*(size_t *)ud;
	return 0;
}

static int count_ivalue(void *ud, const reg_intervention *iv, const char *area, int rt,
                        const char *period, const reg_isum *s)
{
	(void)iv;
	(void)area;
	(void)rt;
	(void)period;
	(void)s;
	++*(size_t *)ud;
	return 0;
}

START_TEST(plugin_on_sample_export)
{
	char *children = harness_source("tests/health/data/balita.csv");
	char *log = harness_source("tests/health/data/intervensi.csv");
	const char *config[] = {
		"children", children,
		"log", log,
		"children_output", "anak.csv",
		"followup_output", "tindak-lanjut.csv",
		NULL
	};
	reg_isum iv;
	size_t n_val = 0, n_ivv = 0;
	char *path;

	run_plugin(config, 0);
	free(children);
	free(log);
	ck_assert_msg(harness_returned(&t, "health", NULL) == 0, "%s", t.log);
	/* RT 1: Aisyah -2.66, Bima 1.78, Candra 0.96, Dewi 0.01, Kirana -0.58. */
	expect("stunting", 1, 1, 5);
	expect("severe_stunting", 1, 0, 5);
	expect("underweight", 1, 3, 4);      /* Aisyah, Candra, Dewi (oedema) */
	expect("wasting", 1, 1, 3);          /* Dewi (oedema); Candra flagged */
	expect("severe_wasting", 1, 1, 3);
	expect("overweight", 1, 0, 3);
	expect("kk_free_of_stunting", 1, 3, 4);
	expect("children", 1, 5, 1);
	expect("flagged_zwfl", 1, 1, 3);
	expect("flagged_zbmi", 1, 1, 3);
	expect("missing_zwfl", 1, 2, 5);
	expect("mean_zlen", 1, -0.49, 5);
	/* RT 2: Eko -3.00 (stunted, not severely), Fitri (the 15/06 row),
	 * Gilang (all flagged), Hana; Joko is over 59 months. */
	expect("stunting", 2, 1, 3);
	expect("severe_stunting", 2, 0, 3);
	expect("wasting", 2, 2, 3);
	expect("severe_wasting", 2, 0, 3);
	expect("underweight", 2, 1, 3);
	expect("kk_free_of_stunting", 2, 2, 3);
	expect("children", 2, 4, 1);
	expect("rows_rejected", 2, 1, 1);
	expect("flagged_zlen", 2, 1, 4);
	/* Irfan's RT cannot be read: rejected, counted in the village (RT 0). */
	expect("rows_rejected", 0, 1, 1);
	/* The village: stunting 2/8, wasting 3/6. */
	expect("stunting", RT_ALL, 2, 8);
	expect("wasting", RT_ALL, 3, 6);

	/* Interventions: pemantauan RT 1 40/36 (budget unreadable) + 10/9;
	 * pmt RT 2 4/3; ttd_remaja (no RT) 50/20; three rows rejected. */
	registry_each_intervention_value(t.s.reg, count_ivalue, &n_ivv);
	ck_assert_uint_eq(n_ivv, 3);
	expect("coverage_pemantauan_pertumbuhan", 1, 45, 50);
	expect("coverage_pmt_balita_gizi_kurang", 2, 3, 4);
	expect("coverage_ttd_remaja", 0, 20, 50);
	ck_assert(harness_iget(&t, "health.pemantauan_pertumbuhan", VILLAGE, 1, &iv));
	ck_assert(iv.target == 50 && iv.realised == 45 && iv.budget == 500000);

	ck_assert_int_eq(harness_problems(&t, "health", "balita.csv", "bad rt", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "health", "balita.csv", "over 59 months", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "health", "balita.csv", "bad area", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "health", "balita.csv", "outside area", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "health", "balita.csv", "unreadable weight", 0), 1);
	ck_assert_int_eq(harness_problems(&t, "health", "balita.csv", "repeated child", 0), 1);
	ck_assert_int_eq(harness_stats(&t, "health", "balita.csv")->records, 14);
	ck_assert_int_eq(harness_stats(&t, "health", "balita.csv")->rejected, 4);
	ck_assert_int_eq(harness_problems(&t, "health", "intervensi.csv", "outside period", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "health", "intervensi.csv", "unknown intervention", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "health", "intervensi.csv", "negative volume", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "health", "intervensi.csv", "unreadable budget", 0), 1);

	/* No value carries personal data: areas are codes, ids are ours. */
	registry_each_value(t.s.reg, count_value, &n_val);
	ck_assert_uint_gt(n_val, 0);

	path = harness_path(&t, "anak.csv");
	char *kids = slurp(path);
	free(path);
	ck_assert_int_eq(count_lines(kids), 11);
	ck_assert_ptr_nonnull(strstr(kids, "id,area,rt,kk,zlen,flen,zwei,fwei,zwfl,fwfl,zbmi,"
	                                   "fbmi,clenhei\n"));
	ck_assert_ptr_nonnull(strstr(kids, "\n6302090101220001,63.02.09.2007,1,6302090000000001,"
	                                   "-2.66,0,-2.94,0,-1.00,0,-1.88,0,55.7\n"));
	/* Kirana: standing under 9 months, no adjustment; weight unreadable. */
	ck_assert_ptr_nonnull(strstr(kids, "\n6302090101240011,63.02.09.2007,1,6302090000000007,"
	                                   "-0.58,0,,,,,,,55.9\n"));
	/* Candra: zwfl flagged. */
	ck_assert_ptr_nonnull(strstr(kids, ",-4.13,0,-6.57,1,-6.95,1,94.8\n"));
	free(kids);

	path = harness_path(&t, "tindak-lanjut.csv");
	char *fu = slurp(path);
	free(path);
	ck_assert_int_eq(count_lines(fu), 8);
	const char *order[] = { "Aisyah", "Candra", "Dewi", "Eko", "Fitri", "Gilang", "Hana" };
	const char *p = fu;
	for (size_t i = 0; i < 7; i++) {
		p = strstr(p, order[i]);
		ck_assert_msg(p != NULL, "%s missing or out of order", order[i]);
	}
	ck_assert_ptr_nonnull(strstr(fu, "63.02.09.2007,1,Mawar,6302090101220001,Aisyah,Siti,"
	                                 "6302090000000001,P,3.7,2024-06-15,-2.66,-2.94,-1.00,"
	                                 "-1.88,pendek (stunted)\n"));
	ck_assert_ptr_nonnull(strstr(fu, "Dewi,Nur,6302090000000003,P,6.3,2024-06-15,0.01,,,,"
	                                 "edema (oedema)\n"));
	ck_assert_ptr_nonnull(strstr(fu, "Fitri,Ani,6302090000000005,P,26.1,2024-06-15,"
	                                 "-0.30,-1.88,-2.51,-2.61,gizi kurang (wasted)\n"));
	free(fu);
}
END_TEST

START_TEST(declarations)
{
	const char *config[] = {
		"children", "unused.csv",
		"target_stunting", "18.8",
		"interventions", "pemantauan_pertumbuhan, kelas_ibu",
		"intervention.kelas_ibu.label", "Kelas ibu balita",
		"intervention.kelas_ibu.aims", "stunting family.k3",
		"intervention.pemantauan_pertumbuhan.label", "Penimbangan di posyandu",
		"intervention.pemantauan_pertumbuhan.target", "95",
		NULL
	};

	run_plugin(config, 1);
	ck_assert_msg(harness_returned(&t, "health", "init") == 0, "%s", t.log);
	ck_assert_str_eq(ind_at(0)->id, "stunting");
	ck_assert_double_eq(ind_at(0)->target, 18.8);
	ck_assert_int_eq(ind_at(0)->kind, PK2D_PROPORTION);
	ck_assert_int_eq(ind_at(0)->direction, PK2D_LOWER_IS_BETTER);
	ck_assert_uint_eq(registry_n_interventions(t.s.reg), 2);
	ck_assert_str_eq(iv_at(0)->label_id, "Penimbangan di posyandu");
	ck_assert_str_eq(iv_at(1)->id, "kelas_ibu");
	ck_assert_str_eq(iv_at(1)->aims[1], "family.k3");
	/* Its own coverage too: the plan names it when the coverage misses. */
	ck_assert_str_eq(iv_at(1)->aims[2], "health.coverage_kelas_ibu");
	ck_assert_uint_eq(iv_at(1)->n_aims, 3);
	int found = 0;
	for (size_t i = 0; i < registry_n_indicators(t.s.reg); i++) {
		if (strcmp(ind_at(i)->id, "coverage_pemantauan_pertumbuhan") == 0) {
			ck_assert_double_eq(ind_at(i)->target, 95);
			found++;
		}
		if (strcmp(ind_at(i)->id, "coverage_kelas_ibu") == 0) {
			ck_assert_int_eq(ind_at(i)->has_target, 0);
			found++;
		}
		if (strcmp(ind_at(i)->id, "kk_free_of_stunting") == 0) {
			ck_assert_int_eq(ind_at(i)->direction, PK2D_HIGHER_IS_BETTER);
			found++;
		}
	}
	ck_assert_int_eq(found, 3);
}
END_TEST

/* The class key of a value of an indicator of the instance. */
static const char *class_key(const char *full_id, double value)
{
	const reg_class *c = reg_display_class(
	        registry_display(t.s.reg, registry_find_indicator(t.s.reg, full_id)), value);
	return c ? c->key : "";
}

/* What the plugin declares for the reports, under an instance name of the
 * configuration's choosing: the host keys nothing on the name "health".
 * WHO-UNICEF classes at each cut-off (de Onis et al. 2019, table 2). */
START_TEST(presentation)
{
	const char *config[] = { "module", "health", "children", "unused.csv", NULL };
	char *ini = harness_ini("2024", VILLAGE, "kesehatan", config);
	static const struct { const char *id; double v; const char *key; } at[] = {
		{ "kesehatan.stunting", 2.49, "very_low" }, { "kesehatan.stunting", 2.5, "low" },
		{ "kesehatan.stunting", 9.99, "low" }, { "kesehatan.stunting", 10, "medium" },
		{ "kesehatan.stunting", 19.99, "medium" }, { "kesehatan.stunting", 20, "high" },
		{ "kesehatan.stunting", 29.99, "high" }, { "kesehatan.stunting", 30, "very_high" },
		{ "kesehatan.wasting", 4.99, "low" }, { "kesehatan.wasting", 5, "medium" },
		{ "kesehatan.overweight", 14.99, "high" }, { "kesehatan.overweight", 15, "very_high" },
		{ "kesehatan.severe_stunting", 40, "" }, { "kesehatan.underweight", 40, "" },
	};
	const reg_table *zs;

	harness_file(&t, "unused.csv", "NIK;JK;Berat\n");
	ck_assert_int_eq(harness_declare(&t, ini), 0);
	free(ini);
	ck_assert_msg(harness_returned(&t, "kesehatan", "init") == 0, "%s", t.log);
	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
		ck_assert_msg(!strcmp(class_key(at[i].id, at[i].v), at[i].key), "%s %g: %s, not %s",
		              at[i].id, at[i].v, class_key(at[i].id, at[i].v), at[i].key);
	ck_assert_int_eq(registry_display(t.s.reg, harness_indicator(&t, "kesehatan.stunting"))
	                         ->headline, 1);
	ck_assert_ptr_null(registry_display(t.s.reg, harness_indicator(&t, "kesehatan.children")));
	ck_assert_int_eq(registry_display(t.s.reg, harness_indicator(&t, "kesehatan.meansq_zbmi"))
	                         ->hidden, 1);
	ck_assert_uint_eq(registry_n_tables(t.s.reg), 2);
	zs = registry_table_at(t.s.reg, 1);
	ck_assert_str_eq(zs->id, "zscores");
	ck_assert_uint_eq(zs->n_rows, 4);
	ck_assert_uint_eq(zs->n_cols, 5);
	ck_assert_str_eq(zs->rows[3].cells[4].squares->full_id, "kesehatan.meansq_zbmi");
}
END_TEST

/* The default catalogue: nine interventions with the Perpres targets. */
START_TEST(default_catalogue)
{
	const char *config[] = { "children", "unused.csv", NULL };
	static const double targets[] = { 58, 80, 90, 80, 80, 90, 90, 90, 90 };

	run_plugin(config, 1);
	ck_assert_msg(harness_returned(&t, "health", "init") == 0, "%s", t.log);
	ck_assert_uint_eq(registry_n_interventions(t.s.reg), 9);
	ck_assert_str_eq(iv_at(0)->id, "ttd_remaja");
	ck_assert_str_eq(iv_at(8)->id, "imunisasi_dasar");
	size_t k = 0;
	for (size_t i = 0; i < registry_n_indicators(t.s.reg); i++)
		if (strncmp(ind_at(i)->id, "coverage_", 9) == 0)
			ck_assert_double_eq(ind_at(i)->target, targets[k++]);
	ck_assert_uint_eq(k, 9);
}
END_TEST

static void run_in(const char *period, const char *const *config)
{
	char *ini = harness_ini(period, VILLAGE, "health", config);

	harness_file(&t, "unused.csv", "NIK;JK;Berat\n");
	ck_assert_int_eq(harness_declare(&t, ini), 0);
	free(ini);
}

/* The default stunting target by year (Perpres 72/2021, RPJMN 2025-2029):
 * a period takes its year's, else the next later year's, else the last. */
START_TEST(stunting_target_by_year)
{
	static const struct { const char *period; double target; int year; } want[] = {
		{ "2023", 14, 2024 }, { "2024S1", 14, 2024 }, { "2025", 18.8, 2025 },
		{ "2026Q3", 14.2, 2029 }, { "2029", 14.2, 2029 }, { "203001", 14.2, 2029 },
	};
	const char *config[] = { "children", "unused.csv", NULL };

	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		run_in(want[i].period, config);
		ck_assert_msg(harness_returned(&t, "health", "init") == 0, "%s", t.log);
		ck_assert_str_eq(ind_at(0)->id, "stunting");
		ck_assert_double_eq(ind_at(0)->target, want[i].target);
		ck_assert_int_eq(ind_at(0)->target_year, want[i].year);
	}
}
END_TEST

/* Each bad configuration fails init with the key's place in the message. */
START_TEST(bad_configuration)
{
	static const char *const cases[][7] = {
		{ "children", "x.csv", "column.berat", "BB", NULL },
		{ "children", "x.csv", "log_column.tgl", "Tanggal", NULL },
		{ "children", "x.csv", "target_stunting", "abc", NULL },
		{ "children", "x.csv", "interventions", "kelas_ibu", NULL },
		{ "children", "x.csv", "intervention.ttd_bumil.label", "X", "interventions",
		  "ttd_remaja", NULL },
		{ "children", "x.csv", "intervention.ttd_remaja.warna", "X", NULL },
		{ "children", "x.csv", "intervention.ttd_remaja.target", "120", NULL },
		{ "children", "x.csv", "interventions", "Bad-Id", NULL },
	};
	static const char *const message[] = {
		"unknown column field 'berat'", "unknown column field 'tgl'", "target_stunting: 'abc' is neither a number nor YEAR:VALUE pairs",
		"'kelas_ibu' is not in the catalogue", "'ttd_bumil' is not in the interventions list",
		"unknown field 'warna'", "target: 120 is outside 0-100", "'Bad-Id' is not an id",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		run_plugin(cases[i], 1);
		ck_assert_int_eq(harness_returned(&t, "health", "init"), PK2D_ERR_CONFIG);
		ck_assert_msg(harness_logged(&t, message[i]), "case %zu: %s", i, t.log);
	}
}
END_TEST

/* Every configuration problem is reported, not only the first. */
START_TEST(all_configuration_errors)
{
	const char *config[] = { "children", "x.csv", "column.berat", "BB",
	                         "target_stunting", "-1",
	                         "intervention.ttd_remaja.warna", "X", NULL };

	run_plugin(config, 1);
	ck_assert_int_eq(harness_returned(&t, "health", "init"), PK2D_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(t.log, "pk2d.ini:7: unknown column field 'berat'"));
	ck_assert_ptr_nonnull(strstr(t.log, "pk2d.ini:8: target_stunting: -1 is outside 0-100"));
	ck_assert_ptr_nonnull(strstr(t.log, "unknown field 'warna'"));
}
END_TEST

/* Files that cannot be used at all stop the plugin with file:line, and no
 * output file is left behind. */
START_TEST(bad_files)
{
	const char *missing[] = { "children", "nope.csv", NULL };
	const char *no_sex[] = { "children", "nosex.csv", "children_output", "out.csv", NULL };
	const char *no_age[] = { "children", "noage.csv", NULL };
	const char *bad_log[] = { "log", "log.csv", NULL };
	char *out = harness_path(&t, "out.csv");

	/* The host's check of the declared inputs fails these two before
	 * the plugin runs. */
	run_plugin(missing, 0);
	ck_assert_int_eq(harness_instance(&t, "health")->state, RUN_FAILED);
	ck_assert_ptr_nonnull(strstr(harness_instance(&t, "health")->reason,
	                             "nope.csv: No such file or directory"));

	harness_file(&t, "nosex.csv",
	             "NIK;Tgl Lahir;Tanggal Pengukuran;Berat\n1;01/01/2023;01/01/2024;9\n");
	run_plugin(no_sex, 0);
	ck_assert_int_eq(harness_instance(&t, "health")->state, RUN_FAILED);
	ck_assert_ptr_nonnull(strstr(harness_instance(&t, "health")->reason,
	                             "nosex.csv:1: no column 'JK' ([plugin.health] children: "
	                             "sex, required)"));
	ck_assert_int_eq(access(out, F_OK), -1);
	free(out);

	harness_file(&t, "noage.csv", "JK;Berat\nL;9\n");
	run_plugin(no_age, 0);
	ck_assert_int_eq(harness_returned(&t, "health", "collect"), PK2D_ERR_DATA);
	ck_assert_ptr_nonnull(strstr(t.log, "noage.csv:1: no age"));

	harness_file(&t, "log.csv", "kode_wilayah,intervensi,realisasi\n");
	run_plugin(bad_log, 0);
	ck_assert_int_eq(harness_returned(&t, "health", "collect"), PK2D_ERR_DATA);
	ck_assert_ptr_nonnull(strstr(t.log, "log.csv:1: no date column 'tanggal'"));
}
END_TEST

/* An export with age_days instead of dates, no area column (the run's
 * village), and re-mapped headers. Ages: 400 d boy 75 cm lying -> zlen
 * from the table; one with a negative age (noted, age missing). */
/* A data directory whose WHO table file has one line changed (the WHO
 * tables of the real one otherwise, and its region codes): the plugin's
 * init must fail naming the file, its line and what is wrong. */
static void check_bad_table(const char *file, long line, const char *text, const char *why)
{
	const char *const cfg[] = { "children", "balita.csv", NULL };
	const char *real = getenv("PK2D_DATA_DIR");
	char *data = harness_tmpdir(), *ini, cmd[1024], want[512];

	ck_assert_ptr_nonnull(real);
	snprintf(cmd, sizeof cmd, "ln -s '%s/wilayah' '%s/wilayah' && cp -r '%s/who-growth' '%s/' && "
	         "sed -i '%lds/.*/%s/' '%s/who-growth/%s'", real, data, real, data, line, text,
	         data, file);
	ck_assert_int_eq(system(cmd), 0);
	harness_file(&t, "balita.csv", "NIK;JK;Tgl Lahir;Tanggal Pengukuran;Berat\n");
	setenv("PK2D_DATA_DIR", data, 1);
	ini = harness_ini("2024", VILLAGE, "health", cfg);
	harness_run(&t, ini);
	free(ini);
	setenv("PK2D_DATA_DIR", real, 1);
	ck_assert_int_eq(harness_returned(&t, "health", "init"), PK2D_ERR_DATA);
	snprintf(want, sizeof want, "who-growth/%s:%ld: %s", file, line, why);
	ck_assert_msg(strstr(t.log, want) != NULL, "no '%s' in: %s", want, t.log);
	harness_rmtree(data);
	free(data);
}

START_TEST(bad_who_tables)
{
	check_bad_table("weight-for-age.csv", 3, "1,1,0.3127,0,0.14693", "M is not positive in M '0'");
	check_bad_table("weight-for-age.csv", 4, "1,2,0.3127,3.3,x", "unreadable S 'x'");
	check_bad_table("bmi-for-age.csv", 2, "3,0,0.3,13.4,0.09,L", "sex is not 1 or 2: sex '3'");
	check_bad_table("length-height-for-age.csv", 5, "1,3,0,50,0.04,L", "L is 0 in L '0'");
	check_bad_table("weight-for-height.csv", 3, "1,65.2,-0.3521,7.4563,0.08216,H",
	                "expected height_cm 65.1 for sex 1, found '65.2'");
	check_bad_table("weight-for-length.csv", 1, "sex,length_cm,L,Mean,S,loh",
	                "no column 'M'");
}
END_TEST

START_TEST(age_days_and_mapping)
{
	const char *config[] = {
		"children", "umur.csv",
		"column.sex", "jenis_kelamin", "column.age_days", "umur_hari",
		"column.weight", "bb", "column.height", "tb", "column.measure", "posisi",
		"column.rt", "rt", "column.id", "id",
		NULL
	};

	harness_file(&t, "umur.csv",
	             "id,jenis_kelamin,umur_hari,bb,tb,posisi,rt\n"
	             "a,L,5,3.3,49.7,h,1\n"          /* reference row 101 except age 15 -> 5 */
	             "b,P,-3,9,75,l,1\n"             /* negative age: only weight-for-length */
	             "c,L,400,9.5,\"75,0\",l,1\n");
	run_plugin(config, 0);
	ck_assert_msg(harness_returned(&t, "health", "collect") == 0, "%s", t.log);
	ck_assert_int_eq(harness_problems(&t, "health", "umur.csv", "negative age", 0), 1);
	expect("children", 1, 3, 1);
	expect("missing_zlen", 1, 1, 3);       /* b has no age */
	expect("missing_zwfl", 1, 0, 3);       /* b's weight-for-length needs none */
}
END_TEST

/* num/den of health.ID in (area, rt). */
static void expect_at(const char *id, const char *area, int rt, double num, double den)
{
	char full[64];
	reg_sum s;

	snprintf(full, sizeof full, "health.%s", id);
	ck_assert_msg(harness_get(&t, full, area, rt, &s), "%s %s rt %d not reported", id,
	              area, rt);
	ck_assert_msg(fabs(s.num - num) < 1e-9 && fabs(s.den - den) < 1e-9,
	              "%s %s rt %d: %g/%g, expected %g/%g", id, area, rt, s.num, s.den, num, den);
}

/*
 * The export is read village by village whatever its order, and a child's
 * copies of one measurement in a village are decided together: identical
 * ones count once, differing ones are all rejected. Every child is the same
 * boy of 400 days, 75 cm lying, 9.5 kg (zlen about -1: measured, not
 * stunted), no dates.
 *  line id KK village RT
 *   2   a  K1 2007    1   a differs from line 4: rejected
 *   3   b  K1 2007    1
 *   4   a  K2 2007    2   rejected
 *   5   a  K1 2001    1   another village's a
 *   6   c  K3 2001    1
 *   7   b  K1 2007    1   2007 again; the same as line 3: counted once
 *   8   d  K4 2007    1
 *   9   d  K4 2007    1   the same as line 8: counted once
 * 2007 RT 1: b, d (K1, K4); 2001 RT 1: a, c (K1, K3).
 */
START_TEST(village_blocks)
{
	const char *config[] = {
		"children", "blok.csv",
		"column.sex", "jk", "column.age_days", "umur_hari",
		"column.weight", "bb", "column.height", "tb", "column.measure", "posisi",
		"column.rt", "rt", "column.id", "id", "column.kk", "kk", "column.area", "desa",
		NULL
	};
	const char *v1 = "63.02.09.2007", *v2 = "63.02.09.2001";
	reg_sum sum;

	harness_file(&t, "blok.csv",
	             "id,kk,desa,rt,jk,umur_hari,bb,tb,posisi\n"
	             "a,K1,63.02.09.2007,1,L,400,9.5,75,l\n"
	             "b,K1,63.02.09.2007,1,L,400,9.5,75,l\n"
	             "a,K2,63.02.09.2007,2,L,400,9.5,75,l\n"
	             "a,K1,63.02.09.2001,1,L,400,9.5,75,l\n"
	             "c,K3,63.02.09.2001,1,L,400,9.5,75,l\n"
	             "b,K1,63.02.09.2007,1,L,400,9.5,75,l\n"
	             "d,K4,63.02.09.2007,1,L,400,9.5,75,l\n"
	             "d,K4,63.02.09.2007,1,L,400,9.5,75,l\n");
	char *ini = harness_ini("2024", "63.02.09", "health", config);
	ck_assert_int_eq(harness_run(&t, ini), 0);
	free(ini);
	ck_assert_msg(harness_returned(&t, "health", "collect") == 0, "%s", t.log);
	/* A count is reported as n/1 per village and cell. */
	expect_at("children", v1, 1, 2, 1);                /* b, d */
	ck_assert(!harness_get(&t, "health.children", v1, 2, &sum));
	expect_at("children", v2, 1, 2, 1);                /* a, c */
	expect_at("children", "63.02.09", RT_ALL, 4, 2);
	expect_at("kk_free_of_stunting", v1, 1, 2, 2);     /* K1, K4 */
	expect_at("kk_free_of_stunting", v2, 1, 2, 2);     /* K1, K3 */
	expect_at("stunting", v1, RT_ALL, 0, 2);
	ck_assert_int_eq(harness_problems(&t, "health", "blok.csv", "repeated child", 0), 0);
	ck_assert_int_eq(harness_problems(&t, "health", "blok.csv", "duplicate id", 1), 2);
	ck_assert_int_eq(harness_problems(&t, "health", "blok.csv", "repeated row", 1), 2);
	const csv_problem *p = harness_problem(&t, "health", "blok.csv", "duplicate id");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->example_line[0], 2);
	ck_assert_str_eq(p->example_text[0], "duplicate id: other contents, also on line 4");
	ck_assert_ptr_null(harness_problem(&t, "health", "blok.csv", "village split"));
	ck_assert_ptr_null(strstr(t.log, "not grouped"));
}
END_TEST

/* A KK whose children live in two RTs counts once, in the lower RT, and a
 * child measured on two days counts with the later day, in either order. */
START_TEST(kk_place_and_latest_any_order)
{
	static const char *const rows[] = {
		"a,K1,63.02.09.2007,2,L,400,9.5,75,l,2023-08-01\n",
		"b,K1,63.02.09.2007,1,L,400,9.5,75,l,2023-08-01\n",
		"c,K2,63.02.09.2007,1,L,400,9.5,75,l,2023-07-01\n",
		"c,K2,63.02.09.2007,3,L,400,9.5,75,l,2023-08-01\n",
	};
	const char *config[] = {
		"children", "kk.csv",
		"column.sex", "jk", "column.age_days", "umur_hari", "column.weight", "bb",
		"column.height", "tb", "column.measure", "posisi", "column.rt", "rt",
		"column.id", "id", "column.kk", "kk", "column.area", "desa",
		"column.measure_date", "tgl", NULL
	};

	for (int order = 0; order < 2; order++) {
		char text[512] = "id,kk,desa,rt,jk,umur_hari,bb,tb,posisi,tgl\n";
		reg_sum sum;

		for (int i = 0; i < 4; i++)
			strcat(text, rows[order ? 3 - i : i]);
		if (order) {
			harness_free(&t);
			harness_init(&t);
		}
		harness_file(&t, "kk.csv", text);
		/* The measurements are of 2023: a 2024 run rejects them (outside
		 * period). */
		char *ini = harness_ini("2023", "63.02.09", "health", config);
		ck_assert_int_eq(harness_run(&t, ini), 0);
		free(ini);
		ck_assert_msg(harness_returned(&t, "health", "collect") == 0, "%s", t.log);
		expect_at("kk_free_of_stunting", "63.02.09.2007", 1, 1, 1);   /* K1 */
		expect_at("kk_free_of_stunting", "63.02.09.2007", 3, 1, 1);   /* K2 */
		ck_assert(!harness_get(&t, "health.kk_free_of_stunting", "63.02.09.2007", 2, &sum));
		expect_at("children", "63.02.09.2007", 3, 1, 1);              /* c, in August */
		ck_assert(!harness_get(&t, "health.children", "63.02.09.2007", 1, &sum) ||
		          sum.num == 1);
	}
}
END_TEST

/* The follow-up list is written village by village: sorted within a
 * village, villages in the order the host hands them out (this export is
 * not grouped: 2001 before 2007). Children of 400 days, 65 cm lying (zlen
 * below -3: severely stunted), one per line. */
START_TEST(followup_by_block)
{
	const char *config[] = {
		"children", "blok.csv", "followup_output", "ikut.csv",
		"column.sex", "jk", "column.age_days", "umur_hari",
		"column.weight", "bb", "column.height", "tb", "column.measure", "posisi",
		"column.rt", "rt", "column.id", "id", "column.area", "desa", "column.name", "nama",
		NULL
	};

	harness_file(&t, "blok.csv",
	             "id,nama,desa,rt,jk,umur_hari,bb,tb,posisi\n"
	             "a,Zaki,63.02.09.2007,1,L,400,8,65,l\n"
	             "b,Adi,63.02.09.2007,1,L,400,8,65,l\n"
	             "c,Budi,63.02.09.2001,1,L,400,8,65,l\n"
	             "d,Cahya,63.02.09.2007,1,L,400,8,65,l\n");
	char *ini = harness_ini("2024", "63.02.09", "health", config);
	ck_assert_int_eq(harness_run(&t, ini), 0);
	free(ini);
	ck_assert_msg(harness_returned(&t, "health", "collect") == 0, "%s", t.log);
	char *path = harness_path(&t, "ikut.csv");
	char *fu = slurp(path);
	free(path);
	ck_assert_int_eq(count_lines(fu), 5);
	const char *order[] = { "\n63.02.09.2001,1,,c,Budi,", "\n63.02.09.2007,1,,b,Adi,",
	                        "\n63.02.09.2007,1,,d,Cahya,", "\n63.02.09.2007,1,,a,Zaki," };
	const char *q = fu;
	for (size_t i = 0; i < 4; i++) {
		q = strstr(q, order[i]);
		ck_assert_msg(q != NULL, "%s missing or out of order in\n%s", order[i] + 1, fu);
	}
	free(fu);
}
END_TEST

/* 20,000 rows, timed through the plugin's own log line (printed, not
 * asserted: machines differ; the z-scores' share of a row is measured with
 * callgrind, docs/performance.md). */
START_TEST(timing)
{
	const char *config[] = { "children", "big.csv", NULL };
	char *path = harness_path(&t, "big.csv");
	FILE *f = fopen(path, "w");

	free(path);
	ck_assert_ptr_nonnull(f);
	fputs("NIK;JK;Tgl Lahir;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur;RT;No KK\n", f);
	for (int i = 0; i < 20000; i++)
		fprintf(f, "%d;%s;%02d/%02d/2022;15/06/2024;%d,%d;%d,%d;%s;%d;%d\n", i,
		        i % 2 ? "L" : "P", 1 + i % 28, 1 + i % 12, 8 + i % 8, i % 10,
		        70 + i % 30, i % 10, i % 3 ? "berdiri" : "terlentang", 1 + i % 10, i / 3);
	ck_assert_int_eq(fclose(f), 0);
	run_plugin(config, 0);
	ck_assert_int_eq(harness_returned(&t, "health", "collect"), 0);
	expect("children", RT_ALL, 20000, 10);
	const char *line = strstr(t.log, "children in");
	ck_assert_ptr_nonnull(line);
	fprintf(stderr, "timing: %.*s\n", (int)strcspn(line, "\n"), line);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("health");
	TCase *units = tcase_create("units");
	TCase *plugin = tcase_create("plugin");

	tcase_add_test(units, idmap_keys);
	tcase_add_test(units, idmap_grow_and_clear);
	tcase_add_test(units, parse_values);
	tcase_add_test(units, plain_forms);
	tcase_add_test(units, column_defaults);
	tcase_add_test(units, prevalence_by_hand);
	tcase_add_test(units, roster_rules);
	tcase_add_test(units, roster_sums_any_order);
	tcase_add_test(units, roster_without_followup);
	tcase_add_test(units, roster_reset_starts_empty);
	tcase_add_test(units, csv_text_and_reasons);
	tcase_add_checked_fixture(plugin, plugin_setup, plugin_teardown);
	tcase_set_timeout(plugin, 30);
	tcase_add_test(plugin, plugin_on_sample_export);
	tcase_add_test(plugin, declarations);
	tcase_add_test(plugin, presentation);
	tcase_add_test(plugin, default_catalogue);
	tcase_add_test(plugin, bad_configuration);
	tcase_add_test(plugin, stunting_target_by_year);
	tcase_add_test(plugin, all_configuration_errors);
	tcase_add_test(plugin, bad_files);
	tcase_add_test(plugin, bad_who_tables);
	tcase_add_test(plugin, age_days_and_mapping);
	tcase_add_test(plugin, village_blocks);
	tcase_add_test(plugin, kk_place_and_latest_any_order);
	tcase_add_test(plugin, followup_by_block);
	tcase_add_test(plugin, timing);
	suite_add_tcase(s, units);
	suite_add_tcase(s, plugin);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
