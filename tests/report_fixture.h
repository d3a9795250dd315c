/*
 * report_fixture.h - a small hand-worked kecamatan with hostile names, for
 * the report writers' tests (check_report) and for the program that writes
 * every format for the Chromium and LibreOffice tests (report_sample).
 *
 * Model: attention 75; IKK categories hi [75,100], mid [50,75), lo [0,50);
 *   dimension a (0.5): A1 = fam.a1; b (0.3): B1 = fam.b1; c (0.2): C1 = fam.c1.
 * Area names (a region table of its own): 63.02.09.2007 is
 *   <script>alert(1)</script> & "Sang", 63.02.09.2008 is =cmd|' /C calc'!A0.
 * Labels: fam.a1 <script>alert("x")</script>, fam.b1 @SUM(1), fam.c1
 *   "Tab<TAB>& 'quote'<LF>line", health.stunting -2+3 (lower is better,
 *   target 14.2); fam.kk Jumlah<ESC>[2J KK; agency of fam:
 *   =HYPERLINK("http://x","y").
 *
 * Values of period 2024 (2023: the same except V1 RT 1 of a1, 4/10):
 *   indicator  V1 RT1   V1 RT2   V1 sum         V2 (rt 0)    KEC
 *   fam.a1     8/10     3/5      11/15 = 73.33  5/10 = 50    16/25 = 64
 *   fam.b1     6/10     1/5      7/15  = 46.67  9/10 = 90    16/25 = 64
 *   fam.c1     10/10    -        10/10 = 100    4/5  = 80    14/15 = 93.33
 *   fam.kk     10       5        15             10           25
 *   health.stunting 2/10 -       2/10 = 20      -            2/10 = 20
 *   fam.z (mean) -3/2    -        -1.5           -            -1.5
 *   fam.kelas (intervention at V1, rt 0): target 20, realised 15, budget 1e6
 *   health data quality, V1 RT 1 only (so also V1 and KEC): children 10,
 *   rows_rejected 2, flagged_zlen 1/10 = 10 %, missing_zlen 0/10 = 0 %,
 *   mean_zlen -9/9 = -1, meansq_zlen 18/9 = 2, so the SD of zlen is
 *   sqrt((2 - 1) * 9 / 8) = sqrt(1.125) = 1.0607; stunting 20 % is "high"
 *   (tinggi); wasting and overweight are not declared.
 * IKK: V1 = .5*220/3 + .3*140/3 + .2*100 = 110/3 + 14 + 20 = 70.667 (mid)
 *      V2 = 25 + 27 + 16 = 68 (mid)
 *      KEC = 32 + 19.2 + .2*280/3 = 69.867 (mid)
 * 2023: a1 V1 = 7/15, KEC 12/25 = 48; KEC IKK = 24 + 19.2 + 18.667 = 61.867.
 */
#ifndef PK2D_REPORT_FIXTURE_H
#define PK2D_REPORT_FIXTURE_H

#include "areas.h"
#include "assess.h"
#include "model.h"
#include "registry.h"
#include "report_view.h"
#include "report.h"
#include "writers.h"
#include "run.h"
#include "store.h"

#define FX_V1 "63.02.09.2007"
#define FX_V2 "63.02.09.2008"
#define FX_KEC "63.02.09"

typedef struct fixture {
	char dir[64];
	model *model;
	areas *areas;
	registry *reg;
	assessment *as;
	store *store;
	plugin_run runs[2];
	csv_stats stats;
	csv_problem problem;
	report_view view;
} fixture;

/* Builds everything in a new temporary directory: the 2023 run is written
 * into the store, then the 2024 registry, assessment and view (for area,
 * language lang) are made. with_store 0 leaves the store off. Returns 0 or
 * -1 with a message on stderr. */
int fixture_setup(fixture *fx, const char *area, int lang, int with_store);
void fixture_teardown(fixture *fx);

#endif
