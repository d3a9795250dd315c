/*
 * synth.h - the synthetic-data generator's shared state.
 *
 * A run streams over the code table and generates every selected village in
 * turn, writing one row at a time into one file per input kind; nothing is
 * kept per village or per row, so memory does not grow with the scale.
 */
#ifndef PK2D_SYNTH_SYNTH_H
#define PK2D_SYNTH_SYNTH_H

#include <stdint.h>

#include "growth.h"
#include "out.h"
#include "rng.h"

/* The files written, in the order of the manifest. */
enum synth_file {
	SF_SURVEY,          /* family: keluarga.csv */
	SF_CHILDREN,        /* health: balita.csv (e-PPGBM) */
	SF_HEALTH_LOG,      /* health: intervensi-kesehatan.csv */
	SF_SCHOOL,          /* education: anak-sekolah.csv */
	SF_EDU_LOG,         /* education: intervensi-pendidikan.csv */
	SF_RECAP,           /* pkk: rekap-dasawisma.csv (4.16a) */
	SF_POKJA,           /* pkk: kegiatan-pokja.csv (4.21-4.24) */
	SF_PKK_LOG,         /* pkk: intervensi-pkk.csv */
	SF_ACT_FIRST,       /* activities instances: a log each ... */
	SF_TABLE_FIRST = SF_ACT_FIRST + 3, /* ... and an aggregate table each */
	SF_COUNT = SF_TABLE_FIRST + 3
};

#define SYNTH_N_IND 29

/* The shipped plugins whose files can be written (--plugins). */
enum synth_plugin {
	SP_FAMILY = 1 << 0,
	SP_HEALTH = 1 << 1,
	SP_EDUCATION = 1 << 2,
	SP_PKK = 1 << 3,
	SP_ACTIVITIES = 1 << 4,
	SP_ALL = (1 << 5) - 1
};

typedef struct synth_opts {
	uint64_t seed;
	int year;              /* the period */
	double kk_mean;        /* mean KK per village */
	long kk_fixed;         /* > 0: exactly this many KK per village */
	int rt_fixed;          /* > 0: exactly this many RT per village */
	double dirty;          /* share of dirty rows */
	unsigned plugins;      /* SP_* whose files are kept */
	const char *note;      /* [pk2d] note = in pk2d.ini; "" for none */
	const char *model;     /* [pk2d] model = in pk2d.ini, as given; NULL for none */
	int has_quality;       /* quality given: no draw */
	double quality;        /* village quality factor, N(0,1) when drawn */
	int xlsx;              /* the data files as Excel workbooks (--xlsx) */
} synth_opts;

typedef struct synth {
	synth_opts opt;
	const growth *g;
	outfile out[SF_COUNT];
	long villages;
	long households;
	long kk;
	long children;         /* balita rows written clean */
	long stunted;          /* of those, zlen < -2 from the written values */
	long school;
	long met[SYNTH_N_IND]; /* clean survey answers */
	long app[SYNTH_N_IND];
} synth;

/* Indicator column names in model order: L1..L3, F1..F6, E1..E8, P1..P6,
 * B1..B6. */
extern const char *const synth_indicator[SYNTH_N_IND];
/* Dimension of each indicator (0..4). */
extern const int synth_dimension[SYNTH_N_IND];

/* File names and header lines, and the plugin (SP_*) reading each file. */
const char *synth_file_name(int f);
unsigned synth_file_plugin(int f);
/* The SP_* bit of a plugin name, 0 if unknown. */
unsigned synth_plugin_bit(const char *name);
void synth_write_headers(synth *s);

/* Generates one village (code PP.KK.CC.DDDD, its official name). */
void synth_village(synth *s, const char *code, const char *name);

/* pk2d.ini for the set: [pk2d] with the period and area, and one section
 * per plugin naming its files; the activities sections go into agencies.ini,
 * which pk2d.ini includes (meta.c). */
void synth_write_config(const synth *s, outfile *o, const char *area, const char *command);
void synth_write_agencies(const synth *s, outfile *o);
/* synth-manifest.txt: what was written, per file: rows, bytes, and the
 * dirty rows by kind (meta.c). */
void synth_write_manifest(const synth *s, outfile *o, const char *area, const char *command);

/* IKK of everything written clean: mean over the five dimensions of the
 * mean of their indicators' shares (equal weights), in percent. */
double synth_ikk(const synth *s);

#endif
