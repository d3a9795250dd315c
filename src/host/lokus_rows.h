/*
 * lokus_rows.h - the rows of other villages in a report limited to the
 * lokus villages ([pk2d] lokus_only, docs/config.md): the plugin reads and
 * uses them as always (so that a lokus village's figures are the same as in
 * a report of the whole area), the registry sink leaves their values out of
 * the roll-up (api.c), and each such row is counted here as "not a lokus
 * village" in its file's accounting (accounting.h), so that no row goes
 * uncounted. A row is such a row when the plugin used it (did not reject
 * it) and its area code, in the column the plugin declares as the file's
 * area column (pk2d_plugin.area_columns), lies in the run's area but in no
 * lokus village. A file without a declared area column is not counted.
 */
#ifndef PK2D_LOKUS_ROWS_H
#define PK2D_LOKUS_ROWS_H

#include <stddef.h>
#include "conf.h"
#include "accounting.h"
#include "csv.h"

/* Watches reader c, whose area codes are in column col (-1: none), when
 * cfg limits the report to the lokus villages; otherwise does nothing. */
void lokus_rows_open(csv_reader *c, int col, const conf *cfg);
/* Before csv_next(c): counts c's current record if it is such a row. */
void lokus_rows_done(csv_reader *c);
/* After csv_next(c) returned rc: 1 makes its record the current one. */
void lokus_rows_next(csv_reader *c, int rc);
/* Before csv_close(c): counts its current record, and forgets c. */
void lokus_rows_close(csv_reader *c);

#endif
