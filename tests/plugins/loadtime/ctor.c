/*
 * ctor.c - one source for the test plugins that go wrong while their file
 * is being loaded, in a constructor, before pk2d could look at anything of
 * theirs; chosen at build time (tests/local.mk):
 *   ctor_crash  a SIGSEGV
 *   ctor_hang   never returns
 * pk2d must load them only in a child under the time limit
 * (tests/isolation.sh). They live in a folder of their own so that
 * `pk2d plugins` over tests/plugins does not wait for ctor_hang.
 */
#include <stddef.h>
#include <unistd.h>

#include "pk2d/plugin.h"

#ifndef PLUGIN_NAME
#error PLUGIN_NAME must be defined
#endif

enum { CRASH = 1, HANG };

static void at_load(void) __attribute__((constructor));

static void at_load(void)
{
	/* Volatile both ways, or gcc 12 drops the store (or the whole
	 * constructor) as undefined behaviour. */
	volatile int *volatile nowhere = NULL;
	if (MODE == CRASH)
		*nowhere = 1;
	for (;;)
		sleep(60);
}

static int ctor_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	(void)api;
	(void)h;
	*state = NULL;
	return 0;
}

static int ctor_collect(void *state)
{
	(void)state;
	return 0;
}

PK2D_PLUGIN_DEFINE(.name = PLUGIN_NAME, .agency = "Dinas Uji", .version = "0.0.1",
                   .description = "test plugin whose constructor goes wrong",
                   .init = ctor_init, .collect = ctor_collect);
