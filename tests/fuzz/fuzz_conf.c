/*
 * fuzz_conf.c - the INI reader and the configuration loader
 * (src/config/inifile.c, conf.c) on any bytes: a configuration or a list of
 * errors, never a crash; every value that comes out is clean UTF-8.
 */
#include "config.h"

#include <string.h>

#include "conf.h"
#include "fuzz.h"
#include "log.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	msglist errs = { 0 };
	const char *path = fuzz_file(data, size);
	conf *c;

	if (!path)
		return 0;
	log_set_verbosity(-1); /* warnings about repaired text, for every input */
	c = conf_load(path, &errs);
	if (c) {
		for (size_t i = 0; i < c->n_sections; i++)
			for (size_t j = 0; j < c->sections[i]->n; j++) {
				const char *v = c->sections[i]->entries[j]->value;
				if (!utf8_is_clean(v, strlen(v)))
					fuzz_fail("a configuration value is not clean UTF-8");
			}
		conf_free(c);
	} else if (errs.n == 0) {
		fuzz_fail("no configuration and no error");
	}
	msglist_free(&errs);
	fuzz_file_close();
	return 0;
}
