/*
 * assess_setup.c - finding and checking the assessment model of a run.
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "assess_setup.h"
#include "log.h"
#include "util.h"

#ifndef PK2D_SYSCONFDIR
#define PK2D_SYSCONFDIR "/etc/pk2d"
#endif

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
	const conf_entry *e = conf_section_get(conf_find_section(cfg, "pk2d"), "model");
	const char *installed = PK2D_SYSCONFDIR "/models/ikk.ini";

	*out = NULL;
	if (e)
		return load(cfg->model, out);
	if (access(cfg->model, F_OK) == 0)
		return load(cfg->model, out);
	if (access(installed, F_OK) == 0)
		return load(installed, out);
	log_msg(PK2D_LOG_WARNING, "no assessment model: neither %s nor %s exists (set [pk2d] "
	        "model); the report has no IKK", cfg->model, installed);
	return 0;
}

size_t assess_setup_check(const model *m, const registry *r, int level)
{
	msglist errs = { 0 };
	size_t n = model_check_registry(m, r, &errs);

	for (size_t i = 0; i < errs.n; i++)
		log_msg(level, "%s", errs.items[i]);
	msglist_free(&errs);
	return n;
}
