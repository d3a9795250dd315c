/*
 * outputs.h - the two files the health plugin writes itself:
 *   children_output  one row per child row read, with WHO Anthro's columns;
 *   followup_output  the by-name list of children to follow up, by area, RT
 *                    and posyandu (the only place personal data goes).
 * Both are comma-separated UTF-8 with a header, written to FILE.tmp.XXXXXX
 * in the same directory and renamed into place only when complete. Text from
 * the input is quoted when needed and neutralised when it starts with = + -
 * or @ (spreadsheet formulas).
 */
#ifndef HEALTH_OUTPUTS_H
#define HEALTH_OUTPUTS_H

#include <stdio.h>

#include "roster.h"

typedef struct out_file {
	char *path;              /* final name */
	char *tmp;               /* temporary name */
	FILE *f;
} out_file;

/* Opens the temporary file next to path. 0 or PK2D_ERR_IO with err set. */
int out_open(out_file *o, const char *path, char *err, size_t errlen);
/* Closes and renames into place. 0 or PK2D_ERR_IO with err set (the
 * temporary file is then removed). */
int out_commit(out_file *o, char *err, size_t errlen);
/* Closes and removes the temporary file (NULL-safe, idempotent). */
void out_abort(out_file *o);

/* One CSV text field (quoted and neutralised as needed), without separator. */
void out_text(FILE *f, const char *s);

void children_write_header(FILE *f);
/* One row: id, area, rt, kk, then zlen flen zwei fwei zwfl fwfl zbmi fbmi
 * clenhei; z with 2 decimals, flags 0/1, missing values empty. */
void children_write_row(FILE *f, const char *id, const char *area, int rt, const char *kk,
                        const zscore_result *r);

/* The follow-up list: its header, then the children of each roster (one
 * village's block, counted by roster_count) sorted by area, RT, posyandu,
 * name and id. */
void followup_write_header(FILE *f);
int followup_write(FILE *f, const roster *r);

/* The reasons as text ("pendek (stunted); ukur ulang (re-measure)"). */
void followup_reason_text(unsigned reasons, char *buf, size_t len);

#endif
