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
#include "../common/fields.h"

/* Sex: L/P, 1/2, M/F, laki-laki/perempuan (any case). 1 male, 2 female,
 * 0 empty, -1 unreadable. */
int ppgbm_parse_sex(const char *s);
/* Measure: terlentang/telentang/berdiri, l/h (any case). 'l', 'h', 0 empty,
 * -1 unreadable. */
int ppgbm_parse_measure(const char *s);
/* Oedema: ya/tidak, y/n, 1/0 (any case). 1, 0 (also for empty), -1
 * unreadable. */
int ppgbm_parse_oedema(const char *s);

/* The usual number form, read without the host: 1 to 15 digits, maybe
 * with a decimal comma or point between digits ("6,8", "62.5"). 1 with *out
 * set to what the host's csv_number gives for it; 0 for any other text
 * (for csv_number to read, or refuse). */
int ppgbm_plain_number(const char *s, double *out);
/* The usual date form DD/MM/YYYY, read without the host: 1 with *days set
 * (days since 1970) when s is exactly that form and a real date from year
 * 1; 0 for any other text (for csv_date to read, or refuse). */
int ppgbm_plain_date(const char *s, long *days);

/* The fields of the export, in the order of the column.FIELD keys. */
enum ppgbm_field {
	PF_ID, PF_KK, PF_AREA, PF_RT, PF_SEX, PF_BIRTH, PF_MEASURED, PF_AGE,
	PF_WEIGHT, PF_HEIGHT, PF_MEASURE, PF_OEDEMA, PF_NAME, PF_PARENT,
	PF_POSYANDU, PF_N
};

/* The fields of the column.FIELD keys and their default headers (NULL: no
 * default, the column is only read when configured). */
extern const field_spec ppgbm_fields[PF_N + 1];
/* What an agency writes in each of them (pk2d_input_help). */
extern const pk2d_column_help ppgbm_help[PF_N + 1];
#define PPGBM_PREFIX "column."

/* One row of the export as read. */
typedef struct ppgbm_row {
	const char *id, *kk, *name, *parent, *posyandu;        /* "" when absent */
	char area[FIELDS_AREA_MAX];
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
	const char *cell[PF_N];      /* the current row's fields (api->csv_fields) */
	const char *run_area;        /* rows elsewhere are rejected */
	const char *period;          /* the run's period: rows measured outside */
	long first, last;            /* [first, last] (days) are rejected */
	int names;                   /* read name, parent and posyandu (else "") */
	char last_raw[32];           /* area text of the last accepted row, or "" */
	char last_area[FIELDS_AREA_MAX];   /* and its code */
	char last_measured_text[16]; /* measure date text of the last row read as a
	                                date, or "" */
	long last_measured;          /* and its days */
} ppgbm_reader;

/* Finds the columns (named by the column.FIELD keys or the defaults). The
 * file needs sex, weight or height, and either both dates or age_days; an
 * area column unless run_area is a village. Names are read (set r->names to
 * 0 to leave them ""). 0; PK2D_ERR_CONFIG when a
 * column named in the INI is not in the file; PK2D_ERR_DATA with the reason
 * logged as "file:1: ...". */
int ppgbm_reader_init(ppgbm_reader *r, const pk2d_host_api *api, pk2d_host *h,
                      pk2d_csv *csv, const char *run_area);

/* Reads the current record into *row. 1 usable (fields that could not be
 * read are missing and counted with csv_note), 0 rejected with csv_reject
 * (no usable area or RT, an area outside the run's, a measure date outside
 * the run's period, 60 months or older). */
int ppgbm_read_row(ppgbm_reader *r, ppgbm_row *row);

#endif
