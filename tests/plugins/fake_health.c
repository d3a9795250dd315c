/*
 * fake_health.c - a test-only plugin that stands in for an agency plugin
 * whose indicator enters the IKK model: run as [plugin.health] with
 * module = fake_health it declares health.kk_free_of_stunting and an
 * intervention aiming at it, and reports what its CSV file says
 * (kode_wilayah, rt, kk_bebas, kk_diukur) and the intervention's
 * (sasaran, realisasi) of the first row.
 */
#include <config.h>

#include <stdlib.h>

#include "pk2d/plugin.h"

typedef struct fake {
	const pk2d_host_api *api;
	pk2d_host *h;
} fake;

static const pk2d_config_key keys[] = {
	{ "file", NULL, 1, "CSV: kode_wilayah, rt, kk_bebas, kk_diukur, sasaran, realisasi" },
	{ NULL, NULL, 0, NULL }
};

static int fake_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	static const char *const aims[] = { "kk_free_of_stunting", NULL };
	const pk2d_indicator ind = {
		.id = "kk_free_of_stunting", .label_id = "KK tanpa balita stunting",
		.label_en = "KK without a stunted child", .kind = PK2D_PROPORTION,
		.direction = PK2D_HIGHER_IS_BETTER, .has_target = 1, .target = 90,
	};
	const pk2d_intervention iv = {
		.id = "pmt_balita", .label_id = "PMT balita", .unit = "anak", .aims = aims,
	};
	fake *f = calloc(1, sizeof *f);
	int rc;

	*state = NULL;
	if (!f)
		return PK2D_ERR_NOMEM;
	f->api = api;
	f->h = h;
	rc = api->declare_indicator(h, &ind);
	if (rc == 0)
		rc = api->declare_intervention(h, &iv);
	if (rc < 0) {
		free(f);
		return rc;
	}
	*state = f;
	return 0;
}

static int fake_collect(void *state)
{
	fake *f = state;
	const pk2d_host_api *api = f->api;
	pk2d_csv *c = api->csv_open(f->h, api->config_path(f->h, "file"));
	int first = 1, rc;

	if (!c)
		return PK2D_ERR_IO;
	while ((rc = api->csv_next(c)) == 1) {
		double rt, num, den, target, realised;

		if (api->csv_number(c, 1, &rt) < 0 || api->csv_number(c, 2, &num) < 0 ||
		    api->csv_number(c, 3, &den) < 0) {
			api->csv_reject(c, "unreadable number: %s", api->csv_field(c, 2));
			continue;
		}
		pk2d_value v = {
			.indicator = "kk_free_of_stunting", .area = api->csv_field(c, 0),
			.rt = (int)rt, .numerator = num, .denominator = den,
		};
		if ((rc = api->report_value(f->h, &v)) < 0)
			break;
		if (first && api->csv_number(c, 4, &target) == 0 &&
		    api->csv_number(c, 5, &realised) == 0) {
			pk2d_intervention_value iv = {
				.intervention = "pmt_balita", .area = api->csv_field(c, 0),
				.target = target, .realised = realised,
			};
			if ((rc = api->report_intervention(f->h, &iv)) < 0)
				break;
			first = 0;
		}
	}
	api->csv_close(c);
	return rc < 0 ? rc : 0;
}

static void fake_fini(void *state)
{
	free(state);
}

PK2D_PLUGIN_DEFINE(.name = "fake_health", .agency = "Dinas Kesehatan", .version = "0",
                   .description = "test-only: an agency indicator that enters the IKK",
                   .config_keys = keys, .init = fake_init, .collect = fake_collect,
                   .fini = fake_fini);
