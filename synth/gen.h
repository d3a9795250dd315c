/*
 * gen.h - one village being generated: its drawn parameters and the random
 * streams the row writers share (internal to pk2d-synth).
 */
#ifndef PK2D_SYNTH_GEN_H
#define PK2D_SYNTH_GEN_H

#include "synth.h"

typedef struct village {
	synth *s;
	const char *code;          /* PP.KK.CC.DDDD */
	const char *name;
	char digits[11];           /* the code without dots */
	rng vr;                    /* the village's parameters */
	rng kr;                    /* its content, row by row */
	rng dr;                    /* which rows are dirty, and how */
	rng sr;                    /* pupils' levels off their age (children.c):
	                              a stream of its own, so the other files do
	                              not depend on it */
	double q;                  /* quality factor: higher is better */
	double p_ind[SYNTH_N_IND]; /* chance a KK meets each direct indicator */
	double p_water, p_jamban, p_rumah, p_sampah, p_spal;
	double stunt_mu;           /* mean length-for-age z of its children */
	double dropout;            /* multiplier of the national dropout rates */
	int na_style;              /* 0 blank, 1 "NA", 2 "-" for not applicable */
	int rt_style;              /* 0 "3", 1 "03", 2 "003" in the survey */
	long n_kk;
	int n_rt;
	long weigh_day;            /* first day of the August weighing month */
	long ref_day;              /* school-year reference date (17 July) */
	long year_first, year_days;
	long seq_kk, seq_child;
	int rt;                    /* the RT being generated */
	int group;                 /* running dasawisma number */
	/* The current RT's tallies for the agencies' aggregate tables. */
	long rt_children, rt_akta, rt_pkh, rt_p2k2, rt_houses, rt_layak;
	char dasawisma[24];
} village;

/* What the survey needs to know of one KK's children. */
typedef struct kk_kids {
	int balita, balita_l, balita_p, stunted;
	int school, school_7_18, out_7_18;
} kk_kids;

/* -1 for a clean row, else the index of the dirty kind drawn (and counted
 * in the file's manifest). kinds has n entries. */
int gen_dirty(village *v, int file, const char *const *kinds, int n);
/* A malformed village code, for "bad area code" rows. */
void gen_bad_code(village *v, outfile *o);
/* The RT as a plain number. */
void gen_rt(outfile *o, int rt);
/* The village code (a malformed one when bad), ',', the RT (nothing for rt
 * 0), ',': the first columns of most files. */
void gen_area_rt(village *v, outfile *o, int bad, int rt);

void gen_balita(village *v, const char *kk, const char *parent, kk_kids *k);
void gen_school_child(village *v, const char *kk, kk_kids *k);
void gen_village_logs(village *v);
/* The aggregate tables' rows of the RT just generated. */
void gen_rt_tables(village *v);

/* Name lists (names.c). */
const char *names_male(rng *r);
const char *names_female(rng *r);
const char *names_flower(int i);

#endif
