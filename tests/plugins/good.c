/*
 * good.c - a well-behaved test plugin: declares two indicators and an
 * intervention, reads a CSV through the api and reports a value of each per
 * row. Rows it cannot read are rejected with a reason.
 *
 * Input (data =): kode_wilayah, rt, kk, meets, members, target, realised.
 * Built with ROW_PAUSE_US (slow.so), it pauses that long after each row:
 * a run long enough for the progress display.
 */
#include <stdlib.h>
#include <unistd.h>

#include "pk2d/plugin.h"

struct good {
	const pk2d_host_api *api;
	pk2d_host *h;
	const char *data;
};

static const pk2d_config_key good_keys[] = {
	{ "data", NULL, 1, "CSV: kode_wilayah, rt, kk, meets, members, target, realised" },
	{ "label", "KK memenuhi", 0, "label of the proportion indicator" },
	{ "column.*", NULL, 0, "renamed columns (accepted, unused)" },
	{ NULL, NULL, 0, NULL },
};

static int good_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	static const char *const aims[] = { "kk_meets", NULL };
	const pk2d_indicator meets = {
		.id = "kk_meets", .label_id = api->config_get(h, "label"),
		.label_en = "KK meeting the criterion", .unit = "%", .kind = PK2D_PROPORTION,
		.direction = PK2D_HIGHER_IS_BETTER, .has_target = 1, .target = 80,
	};
	const pk2d_indicator members = {
		.id = "members", .label_id = "Anggota keluarga", .unit = "jiwa",
		.kind = PK2D_COUNT, .direction = PK2D_NEUTRAL,
	};
	const pk2d_intervention visit = {
		.id = "visit", .label_id = "Kunjungan rumah", .label_en = "Home visits",
		.target_group = "KK", .unit = "kunjungan", .aims = aims,
	};
	struct good *g = calloc(1, sizeof *g);
	if (!g)
		return PK2D_ERR_NOMEM;
	g->api = api;
	g->h = h;
	g->data = api->config_path(h, "data");
	*state = g;
	int r = api->declare_indicator(h, &meets);
	if (r == 0)
		r = api->declare_indicator(h, &members);
	if (r == 0)
		r = api->declare_intervention(h, &visit);
	if (r != 0)
		free(g);
	return r;
}

static int good_collect(void *state)
{
	struct good *g = state;
	const pk2d_host_api *api = g->api;
	pk2d_csv *c = api->csv_open(g->h, g->data);
	if (!c)
		return PK2D_ERR_IO;
	int c_area = api->csv_column(c, "kode_wilayah"), c_rt = api->csv_column(c, "rt");
	int c_kk = api->csv_column(c, "kk"), c_meets = api->csv_column(c, "meets");
	int c_members = api->csv_column(c, "members"), c_target = api->csv_column(c, "target");
	int c_realised = api->csv_column(c, "realised");
	int r;
	while ((r = api->csv_next(c)) > 0) {
		double rt, kk, meets, members, target, realised;
		if (api->csv_number(c, c_rt, &rt) || api->csv_number(c, c_kk, &kk) ||
		    api->csv_number(c, c_meets, &meets) || api->csv_number(c, c_members, &members) ||
		    api->csv_number(c, c_target, &target) ||
		    api->csv_number(c, c_realised, &realised)) {
			api->csv_reject(c, "unreadable number: '%s'", api->csv_field(c, c_kk));
			continue;
		}
		const char *area = api->csv_field(c, c_area);
		pk2d_value v = { .indicator = "kk_meets", .area = area, .rt = (int)rt,
		                 .numerator = meets, .denominator = kk };
		api->report_value(g->h, &v);
		pk2d_value m = { .indicator = "members", .area = area, .rt = (int)rt,
		                 .numerator = members, .denominator = 1 };
		api->report_value(g->h, &m);
		pk2d_intervention_value iv = { .intervention = "visit", .area = area, .rt = (int)rt,
		                               .target = target, .realised = realised };
		api->report_intervention(g->h, &iv);
#ifdef ROW_PAUSE_US
		usleep(ROW_PAUSE_US);
#endif
	}
	api->csv_close(c);
	return r < 0 ? r : 0;
}

static void good_fini(void *state)
{
	free(state);
}

/* Built with GOOD_INPUTS (abi16.so, against ABI 1.6's header), it declares
 * its file (ABI 1.1) but no help of its columns (ABI 1.7): pk2d template
 * writes its header alone. abi17.so is the same against ABI 1.7's. */
#ifdef GOOD_INPUTS
static const pk2d_input_column good_columns[] = {
	{ "area", "kode_wilayah", 1 }, { "rt", "rt", 1 }, { "kk", "kk", 1 },
	{ "meets", "meets", 1 }, { "members", "members", 1 }, { "target", "target", 1 },
	{ "realised", "realised", 1 }, { NULL, NULL, 0 }
};
static const pk2d_input good_inputs[] = { { "data", "column.", good_columns },
	                                  { NULL, NULL, NULL } };
#define GOOD_DECLARED .inputs = good_inputs,
#else
#define GOOD_DECLARED
#endif

/* The same source builds abi10.so against ABI 1.0's header. */
#ifndef PLUGIN_NAME
#define PLUGIN_NAME "good"
#endif

PK2D_PLUGIN_DEFINE(.name = PLUGIN_NAME, .agency = "Dinas Uji", .version = "1.0.0",
                   .description = "test plugin that behaves", .config_keys = good_keys,
                   GOOD_DECLARED .init = good_init, .collect = good_collect,
                   .fini = good_fini);
