/*
 * pkk.c - the TP PKK plugin: the dasawisma recap (form 4.16a) and the Pokja
 * I-IV activity records (forms 4.21-4.24) give indicators of the 10 program
 * pokok PKK grouped by Pokja; the PKK activity log gives the interventions.
 * Values are reported per RT (the host rolls them up); a per-dasawisma table
 * can be written to dasawisma_output. See docs/plugins/pkk.md.
 */
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "../common/activity_log.h"
#include "../common/strmap.h"
#include "pkk.h"

static const pk2d_config_key pkk_keys[] = {
	{ "recap", NULL, 1, "dasawisma recap CSV, form 4.16a (rekap-dasawisma.csv)" },
	{ "pokja", NULL, 0, "Pokja I-IV activity records CSV, forms 4.21-4.24 "
	  "(kegiatan-pokja.csv)" },
	{ "log", NULL, 0, "PKK activity log CSV (intervensi-pkk.csv)" },
	{ "dasawisma_output", NULL, 0, "CSV file to write with the recap indicators per "
	  "dasawisma" },
	{ "column.*", NULL, 0, "column.FIELD = header of the recap" },
	{ "pokja_column.*", NULL, 0, "pokja_column.FIELD = header of the Pokja records" },
	{ "log_column.*", NULL, 0, "log_column.FIELD = header of the activity log" },
	{ "intervention.*", NULL, 0, "intervention.ID.FIELD: change a built-in intervention "
	  "(aims, labels, target) or add one" },
	{ NULL, NULL, 0, NULL }
};

static void pkk_fini(void *state)
{
	pkk_state *s = state;
	size_t i;

	if (s == NULL)
		return;
	catalogue_free(&s->cat);
	for (i = 0; i < s->n_groups; i++) {
		free(s->groups[i].dasawisma);
		free(s->groups[i].acc);
	}
	free(s->groups);
	strmap_free(&s->group_map);
	strmap_free(&s->dasawisma_map);
	strmap_free(&s->village_map);
	for (i = 0; i < s->n_villages; i++)
		free(s->villages[i].area);
	free(s->villages);
	free(s->available);
	free(s);
}

static int own_indicator(void *ud, const char *id)
{
	size_t i;

	(void)ud;
	for (i = 0; i < pkk_n_indicators; i++)
		if (strcmp(pkk_indicators[i].d.id, id) == 0)
			return 1;
	return 0;
}

static int pkk_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	pkk_state *s = calloc(1, sizeof *s);
	size_t i;
	int rc, rc2;

	*state = NULL;
	if (s == NULL)
		return PK2D_ERR_NOMEM;
	s->api = api;
	s->h = h;
	s->recap_path = api->config_path(h, "recap");
	s->pokja_path = api->config_path(h, "pokja");
	s->log_path = api->config_path(h, "log");
	s->out_path = api->config_path(h, "dasawisma_output");
	s->available = calloc(pkk_n_indicators, sizeof *s->available);
	if (s->available == NULL) {
		pkk_fini(s);
		return PK2D_ERR_NOMEM;
	}
	rc = fields_check_keys(api, h, "column.", pkk_recap_fields, RF_N);
	rc2 = fields_check_keys(api, h, "pokja_column.", pkk_pokja_fields, PF_N);
	if (rc == 0)
		rc = rc2;
	rc2 = activity_log_check_keys(api, h, "log_column.");
	if (rc == 0)
		rc = rc2;
	rc2 = catalogue_load(&s->cat, api, h, pkk_interventions, pkk_n_interventions,
	                     own_indicator, NULL);
	if (rc == 0 || rc2 == PK2D_ERR_NOMEM)
		rc = rc2;
	for (i = 0; rc == 0 && api->abi_minor >= 3 && i < pkk_n_groups; i++)
		rc = api->declare_group(h, &pkk_groups[i]);
	for (i = 0; rc == 0 && i < pkk_n_indicators; i++) {
		rc = api->declare_indicator(h, &pkk_indicators[i].d);
		if (rc != 0)
			api->log(h, PK2D_LOG_ERROR, "indicator '%s' could not be declared: %s",
			         pkk_indicators[i].d.id, api->strerror(rc));
	}
	if (rc == 0)
		rc = catalogue_declare(&s->cat, api, h);
	if (rc != 0) {
		pkk_fini(s);
		return rc;
	}
	*state = s;
	return 0;
}

static int pkk_collect(void *state)
{
	pkk_state *s = state;
	int rc = run_scope_init(&s->scope, s->api, s->h);

	if (rc == 0)
		rc = pkk_read_recap(s);
	if (rc == 0 && s->pokja_path != NULL)
		rc = pkk_read_pokja(s);
	if (rc == 0)
		rc = pkk_report(s);
	if (rc == 0 && s->out_path != NULL)
		rc = pkk_write_dasawisma(s);
	if (rc == 0)
		rc = catalogue_report_targets(&s->cat, s->api, s->h);
	if (rc == 0 && s->log_path != NULL)
		rc = activity_log_read(s->api, s->h, s->log_path, "log_column.", &s->cat, &s->scope);
	return rc;
}

/* The files pk2d check opens before the plugin runs. */
static const pk2d_input pkk_inputs[] = {
	{ "recap", "column.", pkk_recap_fields },
	{ "pokja", "pokja_column.", pkk_pokja_fields },
	{ "log", "log_column.", activity_log_fields },
	{ NULL, NULL, NULL }
};

static const pk2d_area_column pkk_areas[] = {
	{ "recap", "area" }, { "pokja", "area" }, { "log", "area" }, { NULL, NULL }
};

static const pk2d_input_help pkk_help[] = {
	{ "recap", pkk_recap_help }, { "pokja", pkk_pokja_help }, { "log", activity_log_help },
	{ NULL, NULL }
};

PK2D_PLUGIN_DEFINE(.name = "pkk", .agency = "TP PKK", .version = "1.0.0",
                   .description = "Dasawisma recap (4.16a) and Pokja I-IV records: the 10 "
                                  "program pokok PKK by Pokja, and PKK interventions",
                   .config_keys = pkk_keys, .init = pkk_init, .collect = pkk_collect,
                   .fini = pkk_fini, .inputs = pkk_inputs, .area_columns = pkk_areas,
                   .input_help = pkk_help);
