/*
 * unused.h - a run's accounting (registry/accounting.h) in words: the
 * summary on stderr at the end of `pk2d report`, and the sentences every
 * report format shows near its top, in the run's language.
 */
#ifndef PK2D_UNUSED_H
#define PK2D_UNUSED_H

#include <stddef.h>
#include "accounting.h"
#include "areas.h"

/* The run an accounting belongs to, for the words. */
typedef struct unused_ctx {
	const accounting *acct;
	int lang;                 /* enum i18n_lang */
	const areas *areas;       /* may be NULL: codes without names */
	const char *area;         /* the run's area and period */
	const char *period;
} unused_ctx;

/* The name of a class (enum acct_class): "outside area", "di luar wilayah". */
const char *unused_class(int lang, int cls);

/* Why file f fails the run, one sentence without a final stop, into buf
 * ("" when it does not fail). Returns buf. */
const char *unused_failure(const unused_ctx *u, const acct_file *f, char *buf, size_t len);

/* "75 of 1,234 rows not used (2 of 19 files): 70 outside area, 5 rejected;
 * 3 rows used with a note" into buf, or "" when every row was used without a
 * note. Returns buf. */
const char *unused_headline(const unused_ctx *u, char *buf, size_t len);

/* One file's counts: "786 rows, 776 used: 10 outside area; 2 noted". */
const char *unused_file_counts(const unused_ctx *u, const acct_file *f, char *buf,
                               size_t len);

/* Non-zero when a report has something to say near its top: a row not
 * used or noted, or a failure. */
int unused_any(const accounting *a);

/* The summary on stderr: the headline, each file with a row not used or
 * noted and the first lines of each kind (file:line: why), then each
 * failure. Shown without -v; -q hides it only when the run did not fail. */
void unused_print_summary(const unused_ctx *u);

#endif
