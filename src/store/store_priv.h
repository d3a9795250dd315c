/*
 * store_priv.h - what the history store's files share: the handle, the
 * SQLite helpers, the dictionary of names and the packed records.
 */
#ifndef PK2D_STORE_PRIV_H
#define PK2D_STORE_PRIV_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "store.h"

/* The read queries a report repeats for every area and indicator keep
 * their prepared statement (keyed by the SQL literal's address). */
#define STORE_CACHED 8

/* What a name in the dictionary (table ids) names. */
enum store_role {
	ROLE_VALUE = 0,       /* an indicator or intervention id ('health.stunting') */
	ROLE_ITEM = 1,        /* an assessment score ('ikk', 'dim.<key>') */
	ROLE_CATEGORY = 2     /* a score's category key */
};

typedef struct store_name {
	char *name;
	uint32_t key;
	int role;
} store_name;

/* A growing packed list of records (see store_record.c). */
typedef struct store_buf {
	unsigned char *p;
	size_t len, cap;
} store_buf;

struct store {
	sqlite3 *db;
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} cache[STORE_CACHED];
	char *path;
	int in_txn;
	long long run_id;
	char *run_area;
	char *run_period;
	double lock_wait;         /* seconds another writer may keep us waiting */
	double waited;            /* seconds waited so far, in all statements */
	/* The dictionary, sorted by (role, name); loaded on first use and
	 * again at every run's start, when another process may have added to
	 * it. */
	store_name *names;
	size_t n_names, cap_names;
	int names_loaded;
	/* The scores of one (area, rt, period) not yet written. */
	char *score_area, *score_period;
	int score_rt;
	store_buf scores;
};

void store_set_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int store_db_fail(store *s, char *err, size_t errlen);
int store_exec(store *s, const char *sql, char *err, size_t errlen);
int store_prepare(store *s, const char *sql, sqlite3_stmt **st, char *err, size_t errlen);
/* sqlite3_step then reset: 0 when it was done, else the error. */
int store_step_reset(store *s, sqlite3_stmt *st, char *err, size_t errlen);

/* The key of (role, name): 1 and *key set, 0 when the store has no such
 * name (and create is 0), < 0 on error. With create, a missing name is
 * added to table ids (inside the caller's transaction). */
int store_name_key(store *s, int role, const char *name, int create, uint32_t *key,
                   char *err, size_t errlen);
/* Forgets the dictionary (after a rollback, or when another process may
 * have added names); the next lookup loads it again. */
void store_names_forget(store *s);

/* Records (the encoding is in store_record.c): a key, an aux and nd
 * doubles, one after the other in a BLOB of the tables vals (nd 4: num,
 * den, value, target; aux 0), ivals (nd 3: target, realised, budget; aux
 * 0) and scores (nd 1: value; aux the category's key, 0 for none). NaN
 * stands for SQL's NULL. */
#define REC_VALS 4
#define REC_IVALS 3
#define REC_SCORES 1

int store_buf_add(store_buf *b, uint32_t key, uint32_t aux, const double *v, int nd);
void store_buf_free(store_buf *b);
/* The last record of key in a BLOB of nd-double records: 1 with *aux and
 * v[0..nd-1] set, 0 when there is none. */
int store_rec_find(const void *blob, size_t len, int nd, uint32_t key, uint32_t *aux,
                   double *v);

/* Brings the schema to STORE_SCHEMA_VERSION, in one transaction
 * (store_schema.c). */
int store_migrate(store *s, char *err, size_t errlen);

#endif
