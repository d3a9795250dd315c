/*
 * report_site.h - `pk2d report --site DIR`: a folder of small linked HTML
 * pages, DIR/<code>.html for the run area and every area under it down to
 * each village (a national run too: each province's pages are made from
 * its own assessment, written and freed before the next), and
 * DIR/index.html leading to the run area's page. Each page has the same
 * summary, a breadcrumb up to the run area and links down to the areas
 * under it; every link is relative, so that the folder opens from the file
 * system and from any static web server.
 */
#ifndef PK2D_REPORT_SITE_H
#define PK2D_REPORT_SITE_H

#include "report_view.h"
#include "store.h"

/* Writes the site of v (a built view with an assessment) into dir,
 * created when missing; st (may be NULL) gives the areas' trends. 0, or
 * -1 with the reason logged. */
int report_site_write(const char *dir, const report_view *v, store *st);

#endif
