/*
 * report_site.c - `pk2d report --site DIR`: a folder of small linked HTML
 * pages, one per area from the run area down to each village (see
 * report_site.h and docs/report.md, "The site").
 */
#include <config.h>

#include "report_site.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "log.h"
#include "report.h"
#include "util.h"

static int page(const report_view *v, const char *dir, const char *code)
{
	char *path = xasprintf("%s/%s.html", dir, code);
	char err[1024];
	int rc = report_write_file(v, report_find_format("html"), path, err, sizeof err);

	if (rc < 0)
		log_msg(PK2D_LOG_ERROR, "%s", err);
	free(path);
	return rc < 0 ? -1 : 0;
}

/* index.html: the run area's page, for a web server's folder address. */
static int index_page(const char *dir, const char *area)
{
	char *path = xasprintf("%s/index.html", dir), *tmp = xasprintf("%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	int rc = 0;

	if (f) {
		/* Area codes are digits and dots: nothing to escape. */
		fprintf(f, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
		        "<meta http-equiv=\"refresh\" content=\"0; url=%s.html\">\n"
		        "<title>%s</title>\n</head>\n<body>\n<p><a href=\"%s.html\">%s</a></p>\n"
		        "</body>\n</html>\n", area, area, area, area);
		rc = fclose(f);
	}
	if (!f || rc != 0 || rename(tmp, path) < 0) {
		log_msg(PK2D_LOG_ERROR, "%s: %s", path, strerror(errno));
		remove(tmp);
		rc = -1;
	}
	free(tmp);
	free(path);
	return rc;
}

int report_site_write(const char *dir, const report_view *v, store *st)
{
	report_view one;
	char err[1024];
	int failed = 0;

	if (!v->as || !v->main.aa) {
		log_msg(PK2D_LOG_ERROR, "%s: no assessment, no site", dir);
		return -1;
	}
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		log_msg(PK2D_LOG_ERROR, "%s: cannot create the directory: %s", dir, strerror(errno));
		return -1;
	}
	log_phase("writing the site %s", dir);
	report_view_run_area(&one, v);
	one.pages = VIEW_PAGES_ALL;
	failed |= page(&one, dir, v->area) < 0;
	/* Every area between the run area and its villages: the summary
	 * lists them after the run area, before the villages. */
	for (size_t i = 1; i < v->n_summary && !failed; i++) {
		if (v->summary[i].level == AREA_VILLAGE)
			continue;
		if (report_view_for_area(&one, v, v->summary[i].code, st, err, sizeof err) < 0) {
			log_msg(PK2D_LOG_ERROR, "%s: %s", v->summary[i].code, err);
			failed = 1;
		} else {
			one.pages = VIEW_PAGES_ALL;
			failed |= page(&one, dir, v->summary[i].code) < 0;
		}
		report_view_free(&one);
	}
	for (size_t i = 0; i < v->n_villages && !failed; i++) {
		report_view_for_village(&one, v, i);
		one.pages = VIEW_PAGES_ALL;
		failed |= page(&one, dir, one.area) < 0;
	}
	if (!failed)
		failed = index_page(dir, v->area) < 0;
	if (!failed)
		log_msg(PK2D_LOG_INFO, "wrote the site %s (%zu pages)", dir,
		        v->n_summary + (v->n_summary ? 0 : 1));
	return failed ? -1 : 0;
}
