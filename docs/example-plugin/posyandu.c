/*
 * posyandu.c - a complete pk2d plugin, the template for an agency's own.
 *
 * It reads a table of posyandu (village health posts) per RT and reports the
 * share that were active (held a monthly session) as an indicator, and the
 * revitalisation of inactive posyandu as an intervention aimed at it. It
 * also declares how the reports present them (ABI 1.3): a group with a
 * subgroup, classes of the share, the share as a headline figure, and a
 * table computed from the rolled-up sums.
 *
 * Input (CSV, any of the separators pk2d reads):
 *   kode_wilayah,rt,posyandu,aktif
 *   63.02.09.2007,1,Mawar,ya
 *
 * Build it with the three-line Makefile beside it; see docs/plugin-guide.md.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pk2d/plugin.h>

struct posyandu {
	const pk2d_host_api *api;
	pk2d_host *host;
	const char *table;              /* the input file, from "table =" */
};

static const pk2d_config_key posyandu_keys[] = {
	{"table", NULL, 1, "CSV of posyandu: kode_wilayah, rt, posyandu, aktif"},
	{NULL, NULL, 0, NULL}
};

/* The file and its columns, declared so that "pk2d check" opens the table
 * and checks its header before the plugin runs. */
static const pk2d_input_column posyandu_columns[] = {
	{"area", "kode_wilayah", 1},
	{"rt", "rt", 1},
	{"active", "aktif", 1},
	{"name", "posyandu", 0},
	{NULL, NULL, 0}
};

static const pk2d_input posyandu_inputs[] = {
	{"table", NULL, posyandu_columns},
	{NULL, NULL, NULL}
};

/* Illustrative bands of the share of active posyandu (not an official
 * standard: an agency cites its own). */
static const pk2d_class active_bands[] = {
	{0, "low", "rendah", "low"},
	{50, "medium", "sedang", "medium"},
	{80, "high", "tinggi", "high"},
	{0, NULL, NULL, NULL}
};

static const pk2d_table_column table_columns[] = {
	{"Jumlah posyandu", "Posyandu counted", PK2D_CELL_COUNT, 0},
	{"Aktif (%)", "Active (%)", PK2D_CELL_PERCENT, 1},
	{NULL, NULL, 0, 0}
};

static const pk2d_table_cell table_cells[] = {
	{"posyandu_active", NULL}, {"posyandu_active", NULL}
};

static const pk2d_table_row table_rows[] = {
	{"Semua posyandu", "All posyandu", table_cells},
	{NULL, NULL, NULL}
};

/* How the reports present the indicator; only for a host of ABI >= 1.3. */
static int posyandu_present(const pk2d_host_api *api, pk2d_host *h)
{
	const pk2d_group top = {"layanan", NULL, "Layanan dasar", "Basic services"};
	const pk2d_group sub = {"posyandu", "layanan", "Posyandu", "Posyandu"};
	const pk2d_display display = {
		.indicator = "posyandu_active", .headline = 1, .classes = active_bands,
		.classes_source = "Contoh ilustrasi (example bands)"
	};
	const pk2d_table table = {
		.id = "summary", .title_id = "Ringkasan posyandu", .title_en = "Posyandu summary",
		.columns = table_columns, .rows = table_rows
	};
	int rc;

	if (api->abi_minor < 3)
		return 0;
	rc = api->declare_group(h, &top);
	if (rc == 0)
		rc = api->declare_group(h, &sub);
	if (rc == 0)
		rc = api->declare_display(h, &display);
	if (rc == 0)
		rc = api->declare_table(h, &table);
	return rc;
}

static int posyandu_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	static const char *const aims[] = {"posyandu_active", NULL};
	const pk2d_indicator active = {
		.id = "posyandu_active",
		.label_id = "Posyandu aktif",
		.label_en = "Active posyandu",
		.unit = "%",
		.kind = PK2D_PROPORTION,
		.direction = PK2D_HIGHER_IS_BETTER,
		.has_target = 1,
		.target = 100,
		.group = "posyandu",
		.description = "posyandu that held a monthly session / all posyandu",
	};
	const pk2d_intervention revive = {
		.id = "revitalisation",
		.label_id = "Revitalisasi posyandu",
		.label_en = "Posyandu revitalisation",
		.target_group = "posyandu tidak aktif",
		.unit = "posyandu",
		.aims = aims,
	};
	struct posyandu *p;
	int rc;

	p = calloc(1, sizeof(*p));
	if (p == NULL)
		return PK2D_ERR_NOMEM;
	p->api = api;
	p->host = h;
	p->table = api->config_path(h, "table");
	*state = p;
	rc = api->declare_indicator(h, &active);
	if (rc == 0)
		rc = api->declare_intervention(h, &revive);
	if (rc == 0)
		rc = posyandu_present(api, h);
	return rc;
}

/* Counts one RT at a time: the table lists an RT's posyandu together. */
static int posyandu_collect(void *state)
{
	struct posyandu *p = state;
	const pk2d_host_api *api = p->api;
	pk2d_csv *csv;
	int c_area, c_rt, c_active, rc;

	csv = api->csv_open(p->host, p->table);
	if (csv == NULL)
		return PK2D_ERR_IO;
	c_area = api->csv_column(csv, "kode_wilayah");
	c_rt = api->csv_column(csv, "rt");
	c_active = api->csv_column(csv, "aktif");
	if (c_area < 0 || c_rt < 0 || c_active < 0) {
		api->log(p->host, PK2D_LOG_ERROR, "%s: needs the columns kode_wilayah, rt, aktif",
		         api->csv_path(csv));
		api->csv_close(csv);
		return PK2D_ERR_DATA;
	}
	while ((rc = api->csv_next(csv)) == 1) {
		const char *active = api->csv_field(csv, c_active);
		double rt;
		pk2d_value v = {.indicator = "posyandu_active", .denominator = 1};

		if (api->csv_number(csv, c_rt, &rt) != 0 || rt < 0 || rt > 9999) {
			api->csv_reject(csv, "bad RT: '%s'", api->csv_field(csv, c_rt));
			continue;
		}
		if (strcasecmp(active, "ya") == 0)
			v.numerator = 1;
		else if (strcasecmp(active, "tidak") != 0) {
			api->csv_reject(csv, "bad aktif: '%s' (ya or tidak)", active);
			continue;
		}
		v.area = api->csv_field(csv, c_area);
		v.rt = (int)rt;
		if (api->report_value(p->host, &v) != 0)
			api->csv_reject(csv, "refused: area '%s'", v.area);
	}
	api->csv_close(csv);
	return rc < 0 ? rc : 0;
}

static void posyandu_fini(void *state)
{
	free(state);
}

PK2D_PLUGIN_DEFINE(
	.name = "posyandu",
	.agency = "Dinas PMD",
	.version = "1.0.0",
	.description = "Share of active posyandu per RT (template plugin)",
	.config_keys = posyandu_keys,
	.init = posyandu_init,
	.collect = posyandu_collect,
	.fini = posyandu_fini,
	.inputs = posyandu_inputs);
