/*
 * fields.h - small readers shared by the health, pkk, education and
 * activities plugins: column mapping from "column.FIELD = Header" keys, and the value
 * forms of docs/inputs.md (area codes, RT numbers, ticks, DHIS2 periods).
 *
 * These files are compiled into each plugin module (plugins cannot link each
 * other or the host), so everything here depends on <pk2d/plugin.h> only.
 * Functions that read a value are pure and return 0 or a PK2D_ERR_*; the
 * caller decides whether a bad value rejects its row.
 */
#ifndef PK2D_PLUGIN_FIELDS_H
#define PK2D_PLUGIN_FIELDS_H

#include <stddef.h>
#include "pk2d/plugin.h"

/* Longest area code in dotted form ("63.02.09.2007") plus its NUL. */
#define FIELDS_AREA_MAX 16

/* A field of an input file, its default header (docs/inputs.md) and
 * whether the plugin needs it: the declaration the host checks files
 * against (pk2d_plugin.inputs), so each table of them ends with a NULL
 * field after its N entries. */
typedef pk2d_input_column field_spec;

/* The help of the columns every plugin's files share, for the blank
 * templates (pk2d_column_help, ABI 1.7): text and accepted values. */
#define FIELDS_HELP_AREA "Kode wilayah Kemendagri desa/kelurahan; atau hapus kolom ini " \
	"dan isi kolom Prov, Kab/Kota, Kec, Desa/Kel dengan nama wilayah"
#define FIELDS_ACCEPT_AREA "PP.KK.CC.DDDD, misalnya 63.02.09.2007 (10 angka tanpa titik " \
	"juga diterima)"
#define FIELDS_HELP_RT "Nomor RT"
#define FIELDS_ACCEPT_RT "1 sampai 9999 (03, RT 03 juga diterima); kosong: tanpa RT"
#define FIELDS_ACCEPT_DATE "Tanggal YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY, di dalam " \
	"periode laporan"
#define FIELDS_ACCEPT_COUNT "Bilangan bulat 0 atau lebih"
#define FIELDS_ACCEPT_TICK "v, 1, ya, y untuk ya; kosong, 0, tidak, n untuk tidak"

/* Checks that every key starting with prefix ("column.") names a field of
 * specs; an unknown one is logged as "file:line: unknown ..." and gives
 * PK2D_ERR_CONFIG (after checking all of them). */
int fields_check_keys(const pk2d_host_api *api, pk2d_host *h, const char *prefix,
                      const field_spec *specs, size_t n);

/* Finds the column of every field in an open file: the header named by the
 * key prefix+field when set, else the default header. cols[i] is -1 when the
 * field is absent (or mapped to an empty header). A header named in the INI
 * that the file lacks is a configuration error: logged with the key's
 * file:line, PK2D_ERR_CONFIG. */
int fields_resolve(const pk2d_host_api *api, pk2d_host *h, pk2d_csv *c,
                   const char *prefix, const field_spec *specs, size_t n, int *cols);

/* Header used for field i (the INI mapping or the default), for messages. */
const char *fields_header(const pk2d_host_api *api, pk2d_host *h, const char *prefix,
                          const field_spec *spec);

/* Level of an area code by its form: 1 province "63", 2 "63.02", 3
 * "63.02.09", 4 village "63.02.09.2007"; 0 when malformed. */
int fields_area_level(const char *code);
/* Reads an area field into out in dotted form: the dotted form itself, or
 * ten digits of a village code whose dots a spreadsheet dropped. 0, or
 * PK2D_ERR_MISSING (empty) / PK2D_ERR_INVALID. */
int fields_area(const char *s, char *out, size_t outlen);
/* Non-zero if code is prefix or lies under it (on a dot boundary); the run
 * area "all" contains every code. */
int fields_area_within(const char *code, const char *prefix);

/* Reads an RT: "3", "003", "RT 03", "RT.3", "rt3" give 3; empty gives 0
 * (no RT). PK2D_ERR_INVALID for anything else or outside 1..9999. */
int fields_rt(const char *s, int *rt);

/* Reads a tick or yes/no: 1/0, ya/tidak, y/n, yes/no, v or the tick sign
 * for yes; blank or "-" for no. PK2D_ERR_INVALID otherwise. */
int fields_tick(const char *s, int *yes);

/* Reads a number with a decimal point or comma ("81,78"), surrounding
 * blanks allowed. 0, PK2D_ERR_MISSING (empty) or PK2D_ERR_INVALID. */
int fields_number(const char *s, double *out);

/* Non-zero if s is a valid plugin-local id: [a-z][a-z0-9_]{0,47}. */
int fields_valid_id(const char *s);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long fields_days(int year, int month, int day);
/* Year, month and day of a day number. */
void fields_civil(long days, int *year, int *month, int *day);
/* Year of a day number. */
int fields_year_of(long days);
/* Reads a date YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY (for INI values; CSV
 * fields go through api->csv_date). 0, or PK2D_ERR_INVALID. */
int fields_date(const char *s, long *days);
/* Whole years completed between birth and at (both day numbers). */
int fields_age_years(long birth, long at);
/* First and last day of a DHIS2 period: yyyy, yyyySn, yyyyQn, yyyyMM.
 * 0, or PK2D_ERR_INVALID. */
int fields_period_range(const char *period, long *first, long *last);

/* ASCII case-insensitive equality of s (trimmed) with any of the
 * NULL-terminated words. */
int fields_is_any(const char *s, const char *const *words);

#endif
