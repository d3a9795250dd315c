/*
 * fuzz_model.c - the assessment model loader (src/assess/model.c) on any
 * bytes: a model or a list of errors, never a crash.
 */
#include "config.h"

#include "fuzz.h"
#include "log.h"
#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	msglist errs = { 0 };
	const char *path = fuzz_file(data, size);
	model *m = NULL;

	if (!path)
		return 0;
	log_set_verbosity(-1);
	if (model_load(path, &m, &errs) == 0)
		model_free(m);
	else if (errs.n == 0)
		fuzz_fail("no model and no error");
	msglist_free(&errs);
	fuzz_file_close();
	return 0;
}
