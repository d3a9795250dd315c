/*
 * ppgbm.h - reading the e-PPGBM export (docs/inputs.md, "health"): the
 * column mapping and the value forms Indonesian exports write.
 *
 * The value parsers are pure: they take a field as the CSV reader gives it
 * (trimmed) and say what it means, or that it cannot be read.
 */
#ifndef HEALTH_PPGBM_H
#define HEALTH_PPGBM_H

#include "pk2d/plugin.h"
#include "zscore.h"

/* Sex: L/P, 1/2, M/F, laki-laki/perempuan (any case). 1 male, 2 female,
 * 0 empty, -1 unreadable. */
int ppgbm_parse_sex(const char *s);
/* Measure: terlentang/telentang/berdiri, l/h (any case). 'l', 'h', 0 empty,
 * -1 unreadable. */
int ppgbm_parse_measure(const char *s);
/* Oedema: ya/tidak, y/n, 1/0 (any case). 1, 0 (also for empty), -1
 * unreadable. */
int ppgbm_parse_oedema(const char *s);
/* RT: "3", "003", "RT 03", "RT.3", "rt3". 1..9999, 0 empty, -1 unreadable. */
int ppgbm_parse_rt(const char *s);
/* A Kemendagri village code PP.KK.CC.DDDD: 1 well formed, 0 not. */
int ppgbm_village_code(const char *s);

/* The fields of the export, in the order of the column.FIELD keys. */
enum ppgbm_field {
	PF_ID, PF_KK, PF_AREA, PF_RT, PF_SEX, PF_BIRTH, PF_MEASURED, PF_AGE,
	PF_WEIGHT, PF_HEIGHT, PF_MEASURE, PF_OEDEMA, PF_NAME, PF_PARENT,
	PF_POSYANDU, PF_N
};

/* The field names of the column.FIELD keys and their default headers (NULL:
 * no default, the column is only read when configured). */
extern const char *const ppgbm_field_names[PF_N];
extern const char *const ppgbm_default_headers[PF_N];

/* Header names for each field: defaults, then the column.FIELD keys. */
typedef struct ppgbm_columns {
	const char *header[PF_N];
} ppgbm_columns;

/* Applies one configuration key if it is a column.FIELD key. 1 applied, 0 not
 * a column key, PK2D_ERR_CONFIG for column.UNKNOWN (err set). The value
 * string must outlive the mapping. */
int ppgbm_columns_set(ppgbm_columns *cols, const char *key, const char *value,
                      char *err, size_t errlen);
void ppgbm_columns_default(ppgbm_columns *cols);

/* One row of the export as read. */
typedef struct ppgbm_row {
	const char *id, *kk, *area, *name, *parent, *posyandu; /* "" when absent */
	int rt;                  /* 0 when none */
	int placed;              /* area (and maybe RT) known, also when rejected */
	long measured;           /* days since 1970, or LONG_MIN when unknown */
	zscore_input in;
} ppgbm_row;

/* The open file with its column indices (-1: not in the file). */
typedef struct ppgbm_reader {
	const pk2d_host_api *api;
	pk2d_csv *csv;
	int col[PF_N];
	const char *run_area;        /* rows elsewhere are rejected */
	const char *default_area;    /* for a file without an area column */
} ppgbm_reader;

/* 1 when code lies in area (the same code or one below it), 0 if not;
 * NULL, "" or "all" (the whole country) contains everything. */
int ppgbm_area_within(const char *code, const char *area);

/* Finds the columns. The file needs sex, weight or height, and either both
 * dates or age_days; an area column unless run_area is a village. 0 or
 * PK2D_ERR_DATA with the reason logged as "file:1: ...". */
int ppgbm_reader_init(ppgbm_reader *r, const pk2d_host_api *api, pk2d_host *h,
                      pk2d_csv *csv, const ppgbm_columns *cols,
                      const char *run_area);

/* Reads the current record into *row. 1 usable (fields that could not be
 * read are missing and counted with csv_note), 0 rejected with csv_reject
 * (no usable area or RT, an area outside the run's, 60 months or older). */
int ppgbm_read_row(const ppgbm_reader *r, ppgbm_row *row);

#endif
