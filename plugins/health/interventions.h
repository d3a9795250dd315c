/*
 * interventions.h - the health interventions: the default catalogue (the
 * specific interventions of Perpres 72/2021 with their 2024 coverage
 * targets), the regency's own selection and names from the INI, and the
 * health intervention log.
 *
 * INI keys (all in the plugin's section):
 *   interventions = ID, ID, ...      the selection, in order (default: all nine)
 *   intervention.ID.label = ...      name in Bahasa Indonesia
 *   intervention.ID.label_en = ...   name in English
 *   intervention.ID.target_group = . sasaran ("balita 0-59 bulan")
 *   intervention.ID.unit = ...       unit of target and realisation ("anak")
 *   intervention.ID.target = 90      coverage target in % (realised / target);
 *                                    one value or YEAR:VALUE pairs
 *   intervention.ID.aims = a b ...   indicators it aims to move (bare ids are
 *                                    this plugin's, "plugin.id" another's)
 * An ID outside the catalogue is a new intervention; it needs a label.
 *
 * Each selected intervention is declared as an intervention and with a
 * coverage indicator "coverage_ID" (RATE: sum realised / sum target).
 */
#ifndef HEALTH_INTERVENTIONS_H
#define HEALTH_INTERVENTIONS_H

#include "pk2d/plugin.h"

/* Longest intervention id, so that "coverage_" + id is a valid indicator id. */
#define IV_ID_MAX 39
#define IV_AIMS_MAX 16

typedef struct health_iv {
	char id[IV_ID_MAX + 1];
	const char *label_id, *label_en, *target_group, *unit;
	const char *aims[IV_AIMS_MAX + 1];  /* NULL-terminated */
	char *aims_text;                    /* owned copy the aims point into */
	double target;                      /* coverage target in %, < 0 none */
	int target_year;                    /* the year it was taken from; 0: one value */
} health_iv;

typedef struct iv_set {
	health_iv *iv;
	size_t n;
} iv_set;

/* Fills *set from the catalogue and the INI keys above. Every problem is
 * logged as "file:line: what"; returns 0, PK2D_ERR_CONFIG or _NOMEM. */
int interventions_configure(iv_set *set, const pk2d_host_api *api, pk2d_host *h);
void interventions_free(iv_set *set);

/* Declares the interventions and their coverage indicators. */
int interventions_declare(const iv_set *set, const pk2d_host_api *api, pk2d_host *h);

/* The prefix of the INI keys that map the log's columns: log_column.FIELD. */
#define IV_LOG_PREFIX "log_column."

/* Reads the activity log at path (docs/inputs.md; plugins/common/
 * activity_log.h: its columns, row checks and rejection kinds) and reports
 * target, realisation and budget per intervention, area and RT, and the
 * coverage values. The file needs the intervention, date and realisation
 * columns. 0, or PK2D_ERR_IO / _CONFIG / _DATA / _NOMEM. */
int interventions_read_log(const iv_set *set, const pk2d_host_api *api, pk2d_host *h,
                           const char *path);

#endif
