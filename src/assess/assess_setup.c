/*
 * assess_setup.c - finding and checking the assessment model of a run.
 */
#include "config.h"

#include <stdlib.h>

#include "assess_setup.h"
#include "log.h"
#include "util.h"

static int load(const char *path, model **out)
{
	msglist errs = { 0 };
	int rc = model_load(path, out, &errs);

	msglist_print(&errs);
	msglist_free(&errs);
	return rc;
}

int assess_setup_model(const conf *cfg, model **out)
{
	*out = NULL;
	if (cfg->model)
		return load(cfg->model, out);
	char *here = path_join(cfg->dir, "models/ikk.ini");
	char *installed = path_join(conf_sysconfdir(), "models/ikk.ini");
	log_msg(PK2D_LOG_WARNING, "no assessment model: neither %s nor %s exists (set [pk2d] "
	        "model); the report has no IKK", here, installed);
	free(here);
	free(installed);
	return 0;
}

size_t assess_setup_check(const model *m, const registry *r, int level)
{
	msglist errs = { 0 }, gaps = { 0 };
	size_t n = model_check_registry(m, r, &errs, &gaps);

	for (size_t i = 0; i < gaps.n; i++)
		log_msg(PK2D_LOG_WARNING, "%s", gaps.items[i]);
	for (size_t i = 0; i < errs.n; i++)
		log_msg(level, "%s", errs.items[i]);
	msglist_free(&gaps);
	msglist_free(&errs);
	return n;
}
