/*
 * template.h - blank forms for the agencies ("pk2d template"): for every
 * enabled plugin instance, each input file it reads as an empty workbook
 * and an empty CSV, with the headers, a row of explanation and a row of
 * accepted values (pk2d_plugin.input_help, ABI 1.7); and the reader's side,
 * which skips those two rows when the agency leaves them in.
 */
#ifndef PK2D_TEMPLATE_H
#define PK2D_TEMPLATE_H

#include "conf.h"
#include "csv.h"
#include "loader.h"

/* Tells c, the file of lp's declared input i that the instance cp's key
 * key names, the template's rows under its header, so that they are
 * skipped when left in (csv_template_rows). 0, or PK2D_ERR_NOMEM. */
int template_skip_rows(const conf_plugin *cp, const loaded_plugin *lp, size_t i,
                       const char *key, csv_reader *c);

typedef struct template_request {
	const conf *cfg;          /* the enabled [plugin.*] sections, the dialect */
	const char *plugin_path;  /* --plugin-path, or NULL */
	const char *dir;          /* where to write (made when missing) */
	int no_fork, allow_untrusted;
} template_request;

/* Writes DIR/INSTANCE-KEY.csv and .xlsx for every input of every enabled
 * instance (for an input whose key has a '*', each key of the section it
 * stands for). Writes nothing when any of those files exists, or when a
 * plugin cannot be loaded. 0, or 1 with the reason logged. */
int template_write(const template_request *rq);

#endif
