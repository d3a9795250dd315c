/*
 * input_check.h - the host's check of the input files a plugin declares
 * (pk2d_plugin.inputs, ABI 1.1): run by "pk2d check" and "pk2d report"
 * before any plugin code, for an agency's plugin as for the shipped ones.
 */
#ifndef PK2D_INPUT_CHECK_H
#define PK2D_INPUT_CHECK_H

#include <stddef.h>
#include "areas.h"
#include "conf.h"
#include "csv.h"
#include "loader.h"
#include "log.h"

/*
 * Opens every declared input whose key the instance's section sets, reads
 * its header and adds each problem to errs: a file that cannot be opened or
 * has no header (at the key's file:line, naming the file), a required
 * column missing, a column the header names twice, a renamed column the
 * file lacks (at the rename key's file:line), and a header that looks like
 * a known column but is not one (did-you-mean, optional columns too), and
 * a file naming its areas without a name column their lookup within the
 * run's area needs (csv_area_names). Returns the number of problems added.
 */
size_t input_check(const conf_plugin *cp, const loaded_plugin *lp, const areas *table,
                   const char *area, msglist *errs);

/* Opens the file path, an input of the instance cp, for reading: csv_open,
 * and when path is the file of a declared input with an area code column
 * (pk2d_plugin.area_columns), csv_area_names for that column within the
 * run's area; and for any declared input, the template's rows skipped
 * (template_skip_rows); *area_col the index of the area code column,
 * -1 when there is none. NULL with err set ("file: why", or "file:line: why" for a
 * problem of the header) when it cannot be read. */
csv_reader *input_open(const conf_plugin *cp, const loaded_plugin *lp, const areas *table,
                       const char *area, const char *path, int *area_col, char *err,
                       size_t errlen);

/* Whether the config key key is one the declared input key pattern
 * stands for: pattern's one '*' (if any) stands for any non-empty text;
 * ASCII case ignored. */
int input_key_matches(const char *key, const char *pattern);

/* The header of the declared column col of input in for the instance cp,
 * in the file the config key key names: the one its column key
 * (column_prefix + field, the prefix's '*' the text the '*' of in's key
 * stands for in key) renames it to, else the column's own; NULL when it
 * has none. */
const char *input_column_header(const conf_plugin *cp, const pk2d_input *in, const char *key,
                                const pk2d_input_column *col);

#endif
