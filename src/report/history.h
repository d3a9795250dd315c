/*
 * history.h - `pk2d history`: an indicator or an intervention over every
 * stored period for one area (and RT), as an aligned table or as CSV.
 */
#ifndef PK2D_HISTORY_H
#define PK2D_HISTORY_H

#include <stdio.h>

typedef struct history_request {
	const char *store;   /* the store file */
	const char *id;      /* "family.l1", "health.pmt_balita" */
	const char *area;    /* area code */
	int rt;              /* RT_ALL or an RT */
	int csv;             /* 1: CSV; 0: a table */
	int lang;            /* enum i18n_lang */
	double lock_wait;    /* seconds to wait for a writer's lock */
} history_request;

/* Prints the history to out. Returns 0, 1 (the store cannot be read, or
 * knows nothing of the id or the area: the message is logged). */
int history_print(const history_request *rq, FILE *out);

#endif
