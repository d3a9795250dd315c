/*
 * bad_desc.c - one source for the test plugins whose descriptor is wrong in
 * one way each, chosen at build time (tests/local.mk):
 *   bad_abi       ABI 2.0
 *   bad_magic     a wrong magic number
 *   new_minor     an ABI minor newer than the host's
 *   short_struct  struct_size smaller than ABI 1.0's descriptor
 *   no_collect    no collect function
 */
#include "pk2d/plugin.h"

#ifndef PLUGIN_NAME
#error PLUGIN_NAME must be defined
#endif
#ifndef MAGIC
#define MAGIC PK2D_PLUGIN_MAGIC
#endif
#ifndef ABI_MAJOR
#define ABI_MAJOR PK2D_ABI_MAJOR
#endif
#ifndef ABI_MINOR
#define ABI_MINOR PK2D_ABI_MINOR
#endif
#ifndef STRUCT_SIZE
#define STRUCT_SIZE sizeof(pk2d_plugin)
#endif
#ifndef COLLECT
#define COLLECT bad_collect
#endif

static int bad_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	(void)api;
	(void)h;
	*state = NULL;
	return 0;
}

__attribute__((unused)) static int bad_collect(void *state)
{
	(void)state;
	return 0;
}

PK2D_EXPORT extern const pk2d_plugin pk2d_plugin_descriptor;
PK2D_EXPORT const pk2d_plugin pk2d_plugin_descriptor = {
	.magic = MAGIC,
	.abi_major = ABI_MAJOR,
	.abi_minor = ABI_MINOR,
	.struct_size = STRUCT_SIZE,
	.name = PLUGIN_NAME,
	.agency = "Dinas Uji",
	.init = bad_init,
	.collect = COLLECT,
};
