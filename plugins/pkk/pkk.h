/*
 * pkk.h - the pkk plugin's state and the steps of its collect().
 */
#ifndef PK2D_PKK_H
#define PK2D_PKK_H

#include <stddef.h>

#include "pk2d/plugin.h"
#include "../common/activity_log.h"
#include "../common/catalogue.h"
#include "../common/strmap.h"
#include "pkk_defs.h"

/* Sums of one group of rows: a dasawisma of an RT (recap) or an RT (Pokja
 * records, dasawisma NULL). acc holds num[i] at 2*i and den[i] at 2*i+1 for
 * every indicator of pkk_indicators. */
typedef struct pkk_group {
	char area[FIELDS_AREA_MAX];
	int rt;
	char *dasawisma;
	double *acc;
} pkk_group;

/* Number of distinct dasawisma names of a village. */
typedef struct pkk_village {
	char *area;
	double dasawisma;
} pkk_village;

typedef struct pkk_state {
	const pk2d_host_api *api;
	pk2d_host *h;
	catalogue cat;
	const char *recap_path, *pokja_path, *log_path, *out_path;
	run_scope scope;
	char *available;          /* per indicator: its columns were found */
	pkk_group *groups;
	size_t n_groups, cap_groups;
	strmap group_map;         /* "area\trt\tdasawisma" or "area\trt" -> group */
	strmap dasawisma_map;     /* "area\tdasawisma" -> village index */
	strmap village_map;       /* area -> village index */
	pkk_village *villages;
	size_t n_villages;
} pkk_state;

/* pkk_read.c: read the recap and the Pokja records into groups. */
int pkk_read_recap(pkk_state *s);
int pkk_read_pokja(pkk_state *s);
/* pkk_output.c: report the groups' sums, and write the dasawisma table. */
int pkk_report(pkk_state *s);
int pkk_write_dasawisma(pkk_state *s);

#endif
