/*
 * misbehave.c - one source for the test plugins that load fine and then go
 * wrong in collect, chosen at build time (tests/local.mk):
 *   crash       a SIGSEGV
 *   hang        sleeps until the host's time limit kills it
 *   garbage     writes bytes that are no record to the pipe (fd 3)
 *   undeclared  reports a value of an indicator it never declared
 *   exits       calls _exit(3)
 *   fails       returns PK2D_ERR_DATA
 * Each first declares "ok" and reports one good value of it, so the tests
 * see that a failed instance's values are dropped.
 */
#include <signal.h>
#include <unistd.h>

#include "pk2d/plugin.h"

#ifndef PLUGIN_NAME
#error PLUGIN_NAME must be defined
#endif

enum { CRASH = 1, HANG, GARBAGE, UNDECLARED, EXITS, FAILS };

struct state {
	const pk2d_host_api *api;
	pk2d_host *h;
};

static struct state the_state;

static int misbehave_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	const pk2d_indicator ok = {
		.id = "ok", .label_id = "Nilai uji", .kind = PK2D_COUNT,
		.direction = PK2D_NEUTRAL,
	};
	the_state.api = api;
	the_state.h = h;
	*state = &the_state;
	return api->declare_indicator(h, &ok);
}

static int misbehave_collect(void *state)
{
	struct state *s = state;
	const pk2d_value v = { .indicator = "ok", .area = "63.02.09.2007", .rt = 1,
	                       .numerator = 5, .denominator = 1 };
	s->api->report_value(s->h, &v);
	/* A log line is sent at once, so the value above reaches the host
	 * before whatever happens next. */
	s->api->log(s->h, PK2D_LOG_INFO, "reported one value");
	switch (MODE) {
	case CRASH:
		/* Under ASan a SIGSEGV is caught and turned into exit status 1;
		 * the default action gives the same signal in every build. */
		signal(SIGSEGV, SIG_DFL);
		*(volatile int *)0 = 1;
		break;
	case HANG:
		for (;;)
			sleep(60);
	case GARBAGE: {
		static const char junk[] = "\xff\xff\xff\x7fnot a record";
		ssize_t w = write(3, junk, sizeof junk - 1);
		(void)w;
		break;
	}
	case UNDECLARED: {
		const pk2d_value u = { .indicator = "never_declared", .area = "63.02.09.2007",
		                       .rt = 1, .numerator = 1, .denominator = 1 };
		s->api->report_value(s->h, &u);
		break;
	}
	case EXITS:
		_exit(3);
	case FAILS:
		return PK2D_ERR_DATA;
	}
	return 0;
}

PK2D_PLUGIN_DEFINE(.name = PLUGIN_NAME, .agency = "Dinas Uji", .version = "0.0.1",
                   .description = "test plugin that goes wrong", .init = misbehave_init,
                   .collect = misbehave_collect);
