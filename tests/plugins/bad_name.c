/*
 * bad_name.c - a plugin whose descriptor calls it something else than its
 * file (bad_name.so says it is "other_name").
 */
#include "pk2d/plugin.h"

static int init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	(void)api;
	(void)h;
	*state = NULL;
	return 0;
}

static int collect(void *state)
{
	(void)state;
	return 0;
}

PK2D_PLUGIN_DEFINE(.name = "other_name", .agency = "Dinas Uji", .init = init,
                   .collect = collect);
