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
#include <unistd.h>

#include "escape.h"
#include "log.h"
#include "report.h"
#include "util.h"

/* The pages written so far, and when the phase's line last said so. */
typedef struct site_count {
	size_t pages;
	double said;
} site_count;

/* One more page written: counted, and the phase's line says how many so
 * far (a province's site is some 2,200 pages, the country's over 90,000),
 * at most every LOG_PROGRESS_INTERVAL on a terminal and every
 * LOG_PROGRESS_LINES_EVERY seconds with -v elsewhere. */
static void page_done(const char *dir, site_count *n)
{
	double now = now_seconds();
	double every = isatty(STDERR_FILENO) ? LOG_PROGRESS_INTERVAL : LOG_PROGRESS_LINES_EVERY;

	n->pages++;
	if (now - n->said >= every) {
		log_phase("writing the site %s: %zu pages", dir, n->pages);
		n->said = now;
	}
}

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

/* index.html: the run area's page, for a web server's folder address;
 * its link says the area's name (name, from the region table, may be NULL:
 * the code then). */
static int index_page(const char *dir, const char *area, const char *name)
{
	char *path = xasprintf("%s/index.html", dir), *tmp = xasprintf("%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	int rc = 0;

	if (f) {
		/* Area codes are digits and dots: only the name is escaped. */
		fprintf(f, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
		        "<meta http-equiv=\"refresh\" content=\"0; url=%s.html\">\n<title>", area);
		esc_html(f, name ? name : area);
		fprintf(f, "</title>\n</head>\n<body>\n<p><a href=\"%s.html\">", area);
		esc_html(f, name ? name : area);
		fputs("</a></p>\n</body>\n</html>\n", f);
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

/* The page of an area of v's summary, as if it were the report area. */
static int area_page(const report_view *v, const char *dir, const char *code, store *st)
{
	report_view one;
	char err[1024];
	int rc;

	if (report_view_for_area(&one, v, code, st, err, sizeof err) < 0) {
		log_msg(PK2D_LOG_ERROR, "%s: %s", code, err);
		rc = -1;
	} else {
		one.pages = VIEW_PAGES_ALL;
		rc = page(&one, dir, code);
	}
	report_view_free(&one);
	return rc;
}

/* The pages of the areas of v's summary from its entry first on: each
 * made, written and freed in turn, but the villages whose assessments v
 * holds (a province's or a kabupaten's run). *n counts the pages. */
static int summary_pages(const report_view *v, size_t first, const char *dir, store *st,
                         site_count *n)
{
	report_view one;

	for (size_t i = first; i < v->n_summary; i++) {
		if (v->summary[i].level == AREA_VILLAGE && v->n_villages)
			continue;
		if (area_page(v, dir, v->summary[i].code, st) < 0)
			return -1;
		page_done(dir, n);
	}
	for (size_t i = 0; i < v->n_villages; i++) {
		report_view_for_village(&one, v, i);
		one.pages = VIEW_PAGES_ALL;
		if (page(&one, dir, one.area) < 0)
			return -1;
		page_done(dir, n);
	}
	return 0;
}

/* A province of a national run (whose summary stops at its provinces),
 * its page and every area under it: the province assessed as if it were
 * the run's area, for the summary of the areas under it, whose ranks are
 * then the province's; its own rank stays the one among the provinces. */
static int province_pages(const report_view *v, const assess_summary *p, const char *dir,
                          store *st, site_count *n)
{
	assessment *as;
	report_view pv;
	char err[1024];
	int rc;

	if (assess_run(v->as->model, v->reg, v->areas, p->code, v->period, &as, err,
	               sizeof err) < 0) {
		log_msg(PK2D_LOG_ERROR, "%s: %s", p->code, err);
		return -1;
	}
	as->summary[0].rank = p->rank;
	report_view_run_area(&pv, v);
	pv.as = as;
	pv.area = as->run_area;
	pv.main = (view_area){ .aa = as->main };
	pv.summary = as->summary;
	pv.n_summary = as->n_summary;
	rc = summary_pages(&pv, 0, dir, st, n);
	assess_free(as);
	return rc;
}

int report_site_write(const char *dir, const report_view *v, store *st)
{
	report_view top;
	site_count n = { .pages = 1, .said = 0 }; /* said at the next page, then when due */
	int failed;

	if (!v->as || !v->main.aa) {
		log_msg(PK2D_LOG_ERROR, "%s: no assessment, no site", dir);
		return -1;
	}
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		log_msg(PK2D_LOG_ERROR, "%s: cannot create the directory: %s", dir, strerror(errno));
		return -1;
	}
	/* The run area's page, then every area under it; each page's
	 * breadcrumb starts at the run area. */
	report_view_run_area(&top, v);
	top.site_top = v->area;
	top.pages = VIEW_PAGES_ALL;
	failed = page(&top, dir, v->area) < 0;
	top.n_villages = v->n_villages;
	top.villages = v->villages;
	if (v->main.aa->level != AREA_NATIONAL) {
		failed = failed || summary_pages(&top, 1, dir, st, &n) < 0;
	} else {
		for (size_t i = 1; i < v->n_summary && !failed; i++)
			failed = province_pages(&top, &v->summary[i], dir, st, &n) < 0;
	}
	failed = failed || index_page(dir, v->area, v->areas ? areas_name(v->areas, v->area) : NULL) < 0;
	if (!failed)
		log_msg(PK2D_LOG_INFO, "wrote the site %s (%zu pages)", dir, n.pages);
	return failed ? -1 : 0;
}
