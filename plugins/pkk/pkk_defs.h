/*
 * pkk_defs.h - what the pkk plugin reads and reports: the columns of the
 * dasawisma recap (form 4.16a) and the Pokja records (forms 4.21-4.24), the
 * indicators grouped by Pokja, and the built-in interventions.
 */
#ifndef PK2D_PKK_DEFS_H
#define PK2D_PKK_DEFS_H

#include "pk2d/plugin.h"
#include "../common/catalogue.h"
#include "../common/fields.h"

/* Columns of the recap, in the order of pkk_recap_fields. */
enum recap_field {
	RF_AREA, RF_RT, RF_DASAWISMA, RF_KK, RF_MALE, RF_FEMALE, RF_BALITA_L, RF_BALITA_P,
	RF_PUS, RF_WUS, RF_HAMIL, RF_MENYUSUI, RF_LANSIA, RF_TIGA_BUTA, RF_KHUSUS,
	RF_RUMAH_SEHAT, RF_SAMPAH, RF_SPAL, RF_JAMBAN, RF_AIR, RF_PANGAN, RF_UP2K,
	RF_PEKARANGAN, RF_INDUSTRI, RF_KESLING, RF_N
};
extern const field_spec pkk_recap_fields[RF_N + 1];

/* Columns of the Pokja records. */
enum pokja_field { PF_AREA, PF_RT, PF_POKJA, PF_ACTIVITY, PF_VOLUME, PF_PEOPLE, PF_DATE, PF_N };
extern const field_spec pkk_pokja_fields[PF_N + 1];
/* What an agency writes in the columns of each (pk2d_input_help). */
extern const pk2d_column_help pkk_recap_help[RF_N + 1];
extern const pk2d_column_help pkk_pokja_help[PF_N + 1];

/* How an indicator is computed from a recap row or a Pokja record. */
enum pkk_source {
	SRC_ROWS,        /* count of KRT rows */
	SRC_SUM,         /* sum of a count column (two columns when field2 >= 0) */
	SRC_TICK,        /* proportion of KRT rows whose tick column is ticked */
	SRC_WATER,       /* proportion of KRT rows whose sumber_air is arg */
	SRC_FOOD_RICE,   /* proportion of KRT rows whose makanan_pokok is beras */
	SRC_DASAWISMA,   /* distinct dasawisma names of a village */
	SRC_POKJA_COUNT, /* Pokja records of Pokja arg */
	SRC_POKJA_VOLUME,
	SRC_POKJA_PEOPLE
};

/* Values of sumber_air (SRC_WATER's arg). */
enum water_source { WATER_PDAM = 0, WATER_SUMUR = 1, WATER_OTHER = 2 };

typedef struct pkk_indicator {
	pk2d_indicator d;
	int source;      /* enum pkk_source */
	int field;       /* enum recap_field, or -1 */
	int field2;      /* second column of a sum, or -1 */
	int arg;         /* Pokja number 1-4, or enum water_source */
} pkk_indicator;

/* The Pokja and their program pokok, declared as groups (ABI 1.3); an
 * indicator's group is the id of one of them. */
extern const pk2d_group pkk_groups[];
extern const size_t pkk_n_groups;

extern const pkk_indicator pkk_indicators[];
extern const size_t pkk_n_indicators;

extern const cat_builtin pkk_interventions[];
extern const size_t pkk_n_interventions;

#endif
