/*
 * report_run.c - the assessment, the store and the report files of one
 * `pk2d report` (see report_run.h and docs/report.md).
 */
#include <config.h>

#include "report_run.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "assess.h"
#include "assess_setup.h"
#include "i18n.h"
#include "log.h"
#include "model.h"
#include "out_file.h"
#include "report_site.h"
#include "report_view.h"
#include "store.h"
#include "util.h"

#define EXIT_FAIL 1
#define EXIT_USAGE 2

/* Splits a comma list into trimmed, non-empty items (malloc'd array of
 * malloc'd strings). */
static size_t split_list(const char *list, char ***out)
{
	char *copy = xstrdup(list ? list : ""), *save = NULL, *tok;
	char **v = NULL;
	size_t n = 0;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *end;

		while (*tok == ' ' || *tok == '\t')
			tok++;
		end = tok + strlen(tok);
		while (end > tok && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (!*tok)
			continue;
		v = xrealloc(v, (n + 1) * sizeof *v);
		v[n++] = xstrdup(tok);
	}
	free(copy);
	*out = v;
	return n;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int report_check_formats(const char *list, char *bad, size_t badlen)
{
	char **v;
	size_t n = split_list(list, &v);
	int rc = n ? 0 : -1;

	if (!n)
		snprintf(bad, badlen, "%s", list);
	for (size_t i = 0; i < n && rc == 0; i++)
		if (!report_find_format(v[i])) {
			snprintf(bad, badlen, "%s", v[i]);
			rc = -1;
		}
	free_list(v, n);
	return rc;
}

/* One file to write. */
typedef struct job {
	const report_format *fmt;
	char *path;               /* "-" for stdout */
} job;

typedef struct plan {
	size_t n;
	job *jobs;
	size_t n_split;
	const report_format **split_formats;
	char *split_dir;
} plan;

static void plan_free(plan *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->jobs[i].path);
	free(p->jobs);
	free(p->split_formats);
	free(p->split_dir);
}

static void plan_add(plan *p, const report_format *fmt, char *path)
{
	p->jobs = xrealloc(p->jobs, (p->n + 1) * sizeof *p->jobs);
	p->jobs[p->n].fmt = fmt;
	p->jobs[p->n++].path = path;
}

/* path with its report extension replaced by (or given) ext. */
static char *with_ext(const char *path, const char *ext)
{
	size_t had = 0;

	report_format_of_path(path, &had);
	return xasprintf("%.*s%s", (int)(strlen(path) - had), path, ext);
}

/* Where the [pk2d] key was set, for messages. */
static const conf_entry *pk2d_entry(const conf *c, const char *key)
{
	return conf_section_get(conf_find_section(c, "pk2d"), key);
}

/* Adds fmt to the formats of the split reports, once. */
static void split_add(plan *p, const report_format *fmt)
{
	for (size_t i = 0; i < p->n_split; i++)
		if (p->split_formats[i] == fmt)
			return;
	p->split_formats = xrealloc(p->split_formats, (p->n_split + 1) * sizeof *p->split_formats);
	p->split_formats[p->n_split++] = fmt;
}

static int make_plan(const session *s, const report_request *rq, plan *p)
{
	const conf *c = s->cfg;
	const char *flist = rq->formats ? rq->formats : c->format;
	char **formats = NULL, **outs = NULL;
	size_t nf = split_list(flist, &formats), no = 0;
	const conf_entry *oe = NULL;
	int rc = 0;

	memset(p, 0, sizeof *p);
	if (rq->n_outputs) {
		outs = xcalloc(rq->n_outputs, sizeof *outs);
		for (size_t i = 0; i < rq->n_outputs; i++)
			outs[no++] = xstrdup(rq->outputs[i]);
	} else if (c->output) {
		oe = pk2d_entry(c, "output");
		no = split_list(c->output, &outs);
		for (size_t i = 0; i < no; i++)
			if (strcmp(outs[i], "-")) {
				char *abs = conf_entry_path(oe, outs[i]);

				free(outs[i]);
				outs[i] = abs;
			}
	}
	for (size_t i = 0; i < nf; i++)
		if (!report_find_format(formats[i])) {
			const conf_entry *fe = rq->formats ? NULL : pk2d_entry(c, "format");

			log_msg(PK2D_LOG_ERROR, "%s%s%d%sunknown format '%s' (known: %s)",
			        fe ? fe->file : "", fe ? ":" : "", fe ? fe->line : 0, fe ? ": " : "",
			        formats[i], report_format_names());
			rc = rq->formats ? EXIT_USAGE : EXIT_FAIL;
			goto out;
		}
	if (no == 0 && nf <= 1) {
		/* The site alone asks for no report on standard output. */
		if (!rq->site || rq->formats)
			plan_add(p, report_find_format(nf ? formats[0] : "text"), xstrdup("-"));
	} else if (no == 0) {
		if (!rq->split && !c->split) {
			log_msg(PK2D_LOG_ERROR, "%zu formats need a file name: give -o FILE (each "
			        "format gets its extension) or [pk2d] output", nf);
			rc = EXIT_USAGE;
			goto out;
		}
	} else if (no == 1 && rq->formats) {
		for (size_t i = 0; i < nf; i++)
			plan_add(p, report_find_format(formats[i]), nf == 1 ? xstrdup(outs[0])
			         : with_ext(outs[0], report_find_format(formats[i])->ext));
	} else {
		/* Each file's format from its extension; a name without a known
		 * extension takes the one configured format, else text. */
		for (size_t i = 0; i < no; i++) {
			const report_format *fmt = report_format_of_path(outs[i], NULL);

			if (!fmt && nf > 1) {
				log_msg(PK2D_LOG_ERROR, "%s%s%d%s'%s': no format for this file name "
				        "(%s)", oe ? oe->file : "", oe ? ":" : "", oe ? oe->line : 0,
				        oe ? ": " : "", outs[i], report_format_extensions());
				rc = oe ? EXIT_FAIL : EXIT_USAGE;
				goto out;
			}
			plan_add(p, fmt ? fmt : report_find_format(nf ? formats[0] : "text"),
			         xstrdup(outs[i]));
		}
	}
	if (rq->split || c->split) {
		p->split_dir = xstrdup(rq->split ? rq->split : c->split);
		for (size_t i = 0; i < nf; i++)
			split_add(p, report_find_format(formats[i]));
		/* Without -f, the formats of the files written (their names'),
		 * else HTML. */
		for (size_t i = 0; !nf && i < p->n; i++)
			if (strcmp(p->jobs[i].path, "-"))
				split_add(p, p->jobs[i].fmt);
		if (!p->n_split)
			split_add(p, report_find_format("html"));
	}
out:
	free_list(formats, nf);
	free_list(outs, no);
	if (rc)
		plan_free(p);
	return rc;
}

/* The configuration files (main, included) and the model used, for the
 * digest. */
static size_t config_files(const conf *c, const char ***out)
{
	const char **v = xcalloc(2, sizeof *v);
	size_t n = 0, cap = 2;

	v[n++] = c->path;
	for (size_t i = 0; i < c->n_sections; i++)
		for (size_t k = 0; k < c->sections[i]->n; k++) {
			const char *file = c->sections[i]->entries[k]->file;
			size_t j;

			for (j = 0; j < n && strcmp(v[j], file); j++)
				;
			if (j < n)
				continue;
			if (n == cap)
				v = xrealloc(v, (cap *= 2) * sizeof *v);
			v[n++] = file;
		}
	if (n == cap)
		v = xrealloc(v, (cap + 1) * sizeof *v);
	if (c->model)
		v[n++] = c->model;
	*out = v;
	return n;
}

/* The history store's transaction of one run: run before the reports, or
 * in a thread beside them, which logs nothing (store_job_log says what
 * happened once it has ended). */
struct store_job {
	store *st;
	const session *s;
	const report_view *v;
	const report_request *rq;
	int status;
	int rc;
	char warning[1024], err[1024];
};

/* A failed run (status not 0) is recorded with its plugins' statuses, and
 * its figures are left out: trends and history never see them. */
static void store_job_run(struct store_job *j)
{
	const session *s = j->s;
	const report_view *v = j->v;
	const char **files;
	size_t nf = config_files(s->cfg, &files);
	char digest[17] = "";
	store_run_info info = { .period = s->cfg->period, .area = s->cfg->area,
	                        .config_digest = digest, .version = PACKAGE_VERSION,
	                        .started = j->rq->started, .status = j->status };
	int rc, ok = j->status == 0;

	if (store_digest_files(files, nf, digest, j->warning, sizeof j->warning) == 0)
		j->warning[0] = '\0';
	free(files);
	rc = store_begin(j->st, &info, j->err, sizeof j->err);
	if (rc == 0)
		rc = store_put_plugins(j->st, s->runs, s->n_runs, j->err, sizeof j->err);
	if (rc == 0 && ok)
		rc = store_put_registry(j->st, s->reg, j->err, sizeof j->err);
	if (rc == 0 && ok)
		rc = trend_store_scores(j->st, v->main.aa, v->period, v->model_digest, j->err,
		                        sizeof j->err);
	for (size_t i = 0; i < v->n_villages && rc == 0 && ok; i++)
		rc = trend_store_scores(j->st, v->villages[i].aa, v->period, v->model_digest, j->err,
		                        sizeof j->err);
	if (rc == 0)
		rc = store_commit(j->st, j->err, sizeof j->err);
	else
		store_rollback(j->st);
	j->rc = rc;
}

static void *store_job_thread(void *arg)
{
	store_job_run(arg);
	return NULL;
}

/* 0, or -1 when the store's transaction failed. */
static int store_job_log(const struct store_job *j)
{
	if (j->warning[0])
		log_msg(PK2D_LOG_WARNING, "configuration digest: %s", j->warning);
	if (j->rc < 0)
		log_msg(PK2D_LOG_ERROR, "history store: %s", j->err);
	return j->rc < 0 ? -1 : 0;
}

/* Starts j in a thread beside the reports when every file of the plan can
 * wait, written whole, for the transaction to end (out_file_hold): a run
 * stopped before the commit must leave no report. A report to standard
 * output, a device or a pipe cannot wait, nor can the many files of
 * --split and of a site. The thread blocks every signal: the handler runs
 * in the main thread. 1 when the thread runs. */
static int store_job_start(struct store_job *j, pthread_t *tid, const plan *p,
                           const report_request *rq)
{
	sigset_t all, old;
	int started;

	if (p->split_dir || rq->site || p->n > OUT_FILE_HOLD_MAX)
		return 0;
	for (size_t i = 0; i < p->n; i++)
		if (!out_file_holdable(p->jobs[i].path))
			return 0;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	started = pthread_create(tid, NULL, store_job_thread, j) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (started)
		out_file_hold();
	return started;
}

static int write_one(const report_view *v, const report_format *fmt, const char *path)
{
	char err[1024];

	log_phase("writing %s", path);
	if (report_write_file(v, fmt, path, err, sizeof err) < 0) {
		log_msg(PK2D_LOG_ERROR, "%s", err);
		return -1;
	}
	return 0;
}

/* DIR/<run area>.<ext> with the summary and the run area, and one
 * DIR/<village>.<ext> per village. */
static int write_split(const plan *p, const report_view *v)
{
	int failed = 0;

	if (!v->as) {
		log_msg(PK2D_LOG_ERROR, "%s: no assessment, no split reports", p->split_dir);
		return -1;
	}
	if (mkdir(p->split_dir, 0777) < 0 && errno != EEXIST) {
		log_msg(PK2D_LOG_ERROR, "%s: cannot create the directory: %s", p->split_dir,
		        strerror(errno));
		return -1;
	}
	for (size_t f = 0; f < p->n_split; f++) {
		const char *ext = p->split_formats[f]->ext;
		char *path = xasprintf("%s/%s%s", p->split_dir, v->area, ext);
		report_view one;

		report_view_run_area(&one, v);
		failed |= write_one(&one, p->split_formats[f], path) < 0;
		free(path);
		for (size_t i = 0; i < v->n_villages; i++) {
			report_view_for_village(&one, v, i);
			path = xasprintf("%s/%s%s", p->split_dir, one.area, ext);
			failed |= write_one(&one, p->split_formats[f], path) < 0;
			free(path);
		}
	}
	return failed ? -1 : 0;
}

int report_run(session *s, const model *mdl, const report_request *rq, int status)
{
	const conf *c = s->cfg;
	assessment *as = NULL;
	store *st = NULL;
	report_view view = { 0 };
	char err[1024];
	const char *spath = c->store;
	char model_digest[17] = "";
	plan p;
	struct store_job sj = { .st = NULL };
	pthread_t store_thread;
	int rc, rc_view, lang = LANG_ID, beside = 0;

	if ((rc = make_plan(s, rq, &p)) != 0)
		return rc;
	i18n_parse_lang(c->language, &lang);
	if (mdl) {
		/* The model's gaps (an indicator no enabled plugin declares) are
		 * warnings here: the report shows them as "no data". */
		assess_setup_check(mdl, s->reg, PK2D_LOG_WARNING);
		log_phase("assessment");
		if (assess_run(mdl, s->reg, s->areas, c->area, c->period, &as, err, sizeof err) < 0) {
			log_msg(PK2D_LOG_ERROR, "assessment: %s", err);
			status = EXIT_FAIL;
		}
	}
	if (as && spath && !(st = store_open(spath, c->lock_wait, err, sizeof err))) {
		log_msg(PK2D_LOG_ERROR, "history store: %s", err);
		status = EXIT_FAIL;
	}
	view.lang = lang;
	view.title = c->title;
	view.note = c->note;
	view.version = PACKAGE_VERSION;
	view.period = c->period;
	view.area = c->area;
	view.areas = s->areas;
	view.runs = s->runs;
	view.n_runs = s->n_runs;
	view.dhis2_levels = c->dhis2_levels;
	view.lokus = c->lokus_villages;
	view.n_lokus = c->n_lokus_villages;
	view.lokus_year = c->lokus_year;
	view.csv_dialect = c->csv_dialect;
	view.jobs = c->jobs;
	view.unused = (unused_ctx){ .acct = &s->acct, .lang = lang, .areas = s->areas,
	                            .area = c->area, .period = c->period };
	/* The model file's digest: stored with the scores, and compared with
	 * the previous period's by the trends. */
	if (st && c->model) {
		const char *mfile = c->model;

		if (store_digest_files(&mfile, 1, model_digest, err, sizeof err) < 0)
			log_msg(PK2D_LOG_WARNING, "model digest: %s", err);
		else
			view.model_digest = model_digest;
	}
	/* The trends read the store for every area: under one lock, from one
	 * state of it. */
	if (st && store_read_begin(st, err, sizeof err) < 0)
		log_msg(PK2D_LOG_WARNING, "history store: %s", err);
	rc_view = report_view_build(&view, as, s->reg, spath ? st : NULL, err, sizeof err);
	store_read_end(st);
	if (rc_view < 0) {
		/* The run's part still goes out: the text and JSON reports say
		 * what ran, without the assessment. */
		log_msg(PK2D_LOG_ERROR, "report: %s", err);
		status = EXIT_FAIL;
		report_view_free(&view);
		view.main = (view_area){ 0 };
		view.wide = 0;
		report_view_build(&view, NULL, s->reg, NULL, err, sizeof err);
	}
	/* Without a store the report says the history is off; with a store
	 * that failed to open, it says there is no history. */
	view.store_on = spath != NULL;
	/* A report of the lokus villages only is not history: its sums are
	 * not the area's. */
	if (view.as && st && view.n_lokus)
		log_msg(PK2D_LOG_INFO, "history store: a report limited to the lokus villages is "
		        "not stored");
	else if (view.as && st) {
		sj = (struct store_job){ .st = st, .s = s, .v = &view, .rq = rq, .status = status };
		log_phase("history store");
		beside = store_job_start(&sj, &store_thread, &p, rq);
		/* No process is forked while the thread runs (a child gets a copy
		 * of every lock the thread held, and with an allocator that does
		 * not take its locks around fork, AddressSanitizer's, it waits for
		 * one forever): the writers render the villages in threads. */
		if (!beside) {
			store_job_run(&sj);
			if (store_job_log(&sj) < 0)
				status = EXIT_FAIL;
		}
	}
	for (size_t i = 0; i < p.n; i++)
		if (write_one(&view, p.jobs[i].fmt, p.jobs[i].path) < 0)
			status = EXIT_FAIL;
	/* The reports written, they appear once the store's transaction has
	 * ended, whether or not it committed (as they do after it otherwise). */
	if (beside) {
		pthread_join(store_thread, NULL);
		if (store_job_log(&sj) < 0)
			status = EXIT_FAIL;
		if (out_file_release(err, sizeof err) < 0) {
			log_msg(PK2D_LOG_ERROR, "%s", err);
			status = EXIT_FAIL;
		}
	}
	if (p.split_dir && write_split(&p, &view) < 0)
		status = EXIT_FAIL;
	if (rq->site && report_site_write(rq->site, &view, st) < 0)
		status = EXIT_FAIL;
	report_view_free(&view);
	store_close(st);
	assess_free(as);
	plan_free(&p);
	log_progress_end();
	return status;
}
