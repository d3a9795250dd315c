/*
 * roster.h - the children of one village's block of the export: one record
 * per child (the latest measurement when a child id appears more than once),
 * the (area, RT) cells they are counted in, their KK, and the by-name details
 * of the children to follow up. Memory grows with the number of children in
 * the block (about 80 bytes each, plus the names of the children to follow
 * up); the plugin empties it with roster_reset() when the village changes,
 * which keeps the memory for the next village.
 */
#ifndef HEALTH_ROSTER_H
#define HEALTH_ROSTER_H

#include <stdint.h>

#include "ppgbm.h"
#include "prevalence.h"
#include "idmap.h"

#define ROSTER_NONE UINT32_MAX

/* Why a child is on the follow-up list (bits). */
enum followup_reason {
	FR_SEVERELY_STUNTED = 1 << 0,   /* zlen < -3 */
	FR_STUNTED = 1 << 1,            /* -3 <= zlen < -2 */
	FR_SEVERELY_WASTED = 1 << 2,    /* zwfl < -3 */
	FR_WASTED = 1 << 3,             /* -3 <= zwfl < -2 */
	FR_OEDEMA = 1 << 4,             /* bilateral pitting oedema */
	FR_REMEASURE = 1 << 5           /* a flagged z-score: measure again */
};

/* A child to follow up, with the personal data that goes only to the
 * follow-up file. */
typedef struct followup {
	char *id, *name, *parent, *posyandu, *kk;   /* one allocation, id first */
	uint32_t cell;
	int sex;
	double age_days;
	long measured;
	double z[ZS_N];
	int flag[ZS_N];
	unsigned reasons;
} followup;

typedef struct child_rec {
	uint32_t cell;
	uint32_t kk;             /* ROSTER_NONE: no KK */
	uint32_t follow;         /* index + 1 into the follow-up list, 0 none */
	long measured;           /* LONG_MIN when unknown */
	long line;
	double z[ZS_N];
	signed char flag[ZS_N];
	char oedema;
} child_rec;

typedef struct roster {
	idmap cells;             /* area, NUL, rt bytes -> cell */
	char (*cell_area)[16];
	int *cell_rt;
	prev_counts *counts;
	uint32_t *cell_order;    /* roster_count: the cells by area code, then RT */
	uint32_t *cell_rank;     /* and each cell's place in that order */
	size_t n_cells, cap_cells;
	uint32_t last_cell;      /* the cell last made or found */
	idmap ids;               /* child id -> record */
	idmap kks;               /* KK number -> KK index */
	uint32_t *kk_cell;       /* each KK's cell (roster_count: the first by area
	                            code and RT of its children counted) */
	size_t cap_kk;
	child_rec *kids;
	size_t n_kids, cap_kids;
	followup *follow;        /* a freed entry has id NULL */
	size_t n_follow, cap_follow;
	int no_followup;         /* set when no follow-up list is written: the
	                            names are not kept (a quarter of the memory) */
} roster;

void roster_init(roster *r);
void roster_free(roster *r);
/* Starts again empty (keeping no_followup and the memory). */
void roster_reset(roster *r);

/* The cell of (area, rt), created on first use. 0, PK2D_ERR_NOMEM, or
 * PK2D_ERR_INVALID for an area of FIELDS_AREA_MAX characters or more. */
int roster_cell(roster *r, const char *area, int rt, uint32_t *cell);

/* Adds a child read at line with its result. When the id was seen before,
 * the later measurement (by measure date; a tie by the results) is kept and
 * *other_line is set to the line of the other row (0 when the id is new or
 * empty). 0 or PK2D_ERR_NOMEM. */
int roster_add(roster *r, const ppgbm_row *row, const zscore_result *res, long line,
               long *other_line);

/* Puts the cells in order (cell_order, cell_rank), counts every child into
 * its cell, and every KK into the first cell (by area code, then RT) of its
 * children counted. Call once, after the last roster_add(). 0 or
 * PK2D_ERR_NOMEM. */
int roster_count(roster *r);

/* The follow-up reasons of a result (0: no follow-up). */
unsigned roster_reasons(const zscore_result *res, int oedema);

#endif
