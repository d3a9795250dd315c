/*
 * api.c - the functions of pk2d_host_api, and the two sinks.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "api.h"
#include "input_check.h"
#include "lokus_rows.h"
#include "display.h"
#include "log.h"
#include "utf8.h"
#include "util.h"

#ifndef PK2D_DATADIR
#define PK2D_DATADIR "/usr/local/share/pk2d/data"
#endif

enum stage { STAGE_NONE, STAGE_INIT, STAGE_COLLECT, STAGE_FINI };

struct pk2d_host {
	const conf *cfg;
	const conf_plugin *cp;
	const loaded_plugin *lp;
	const areas *areas;
	api_sink *sink;
	const api_part *part;     /* NULL: the whole run */
	int stage;
	size_t n_strings;
	char **strings;           /* returned by config_path and config_where */
};

/* The instance whose callback runs now. One process runs one instance's code
 * at a time (a child runs one; --no-fork runs them in turn), and the csv_*
 * functions have no host argument to log and record through. */
static pk2d_host *current;

const char *api_strerror(int err)
{
	switch (err) {
	case PK2D_OK: return "success";
	case PK2D_ERR_INVALID: return "a malformed argument or value";
	case PK2D_ERR_UNKNOWN_ID: return "an indicator or intervention not declared";
	case PK2D_ERR_DUPLICATE: return "an id declared twice";
	case PK2D_ERR_IO: return "a file could not be opened or read";
	case PK2D_ERR_NOMEM: return "out of memory";
	case PK2D_ERR_CONFIG: return "a configuration value is wrong";
	case PK2D_ERR_DATA: return "the input data cannot be used at all";
	case PK2D_ERR_MISSING: return "no such column, key or field";
	default: return "not a pk2d error code";
	}
}

const char *api_data_dir(void)
{
	const char *d = getenv("PK2D_DATA_DIR");
	return d && *d ? d : PK2D_DATADIR;
}

/* ------------------------------------------------------- registry sink */

/* The registry's messages start with the instance name; say it once. */
static const char *without_instance(const registry_sink *s, const char *err)
{
	size_t n = strlen(s->run->instance);
	if (!strncmp(err, s->run->instance, n) && err[n] == ':' && err[n + 1] == ' ')
		return err + n + 2;
	return err;
}

/* The message quotes what the plugin gave, repaired as a child repairs
 * it before sending (utf8.h): the same words in and out of process. */
static void sink_log_refusal(registry_sink *s, const char *err)
{
	int fixed;
	char *clean = utf8_clean_dup(err, &fixed);

	s->logged_refusals++;
	log_msg(s->logged_refusals <= API_REFUSALS_SHOWN ? PK2D_LOG_WARNING : PK2D_LOG_DEBUG,
	        "%s: refused: %s", s->run->instance, without_instance(s, clean ? clean : err));
	free(clean);
}

static int rs_indicator(api_sink *base, const pk2d_indicator *d)
{
	registry_sink *s = (registry_sink *)base;
	char err[512];
	int r = registry_declare_indicator(s->reg, s->run->instance, s->agency, d, err, sizeof err);
	if (r < 0)
		log_msg(PK2D_LOG_ERROR, "%s: %s", s->run->instance, without_instance(s, err));
	return r;
}

static int rs_intervention(api_sink *base, const pk2d_intervention *d)
{
	registry_sink *s = (registry_sink *)base;
	char err[512];
	int r = registry_declare_intervention(s->reg, s->run->instance, s->agency, d, err,
	                                      sizeof err);
	if (r < 0)
		log_msg(PK2D_LOG_ERROR, "%s: %s", s->run->instance, without_instance(s, err));
	return r;
}

/* A presentation declaration into the registry: fn's result, logged. */
#define RS_DECLARE(name, type, call)                                          \
	static int name(api_sink *base, const type *d)                        \
	{                                                                     \
		registry_sink *s = (registry_sink *)base;                     \
		char err[512];                                                \
		int r = call;                                                 \
		if (r < 0)                                                    \
			log_msg(PK2D_LOG_ERROR, "%s: %s", s->run->instance,   \
			        without_instance(s, err));                    \
		return r;                                                     \
	}

RS_DECLARE(rs_group, pk2d_group,
           registry_declare_group(s->reg, s->run->instance, d, err, sizeof err))
RS_DECLARE(rs_display, pk2d_display,
           registry_declare_display(s->reg, s->run->instance, d, err, sizeof err))
RS_DECLARE(rs_table, pk2d_table,
           registry_declare_table(s->reg, s->run->instance, s->agency, d, err, sizeof err))

/* Whether the sink keeps a value of area: always, unless the report is
 * limited to the lokus villages and area lies in none of them (its values
 * stay out of the roll-up; its rows are counted by lokus_rows.c). */
static int keeps(const registry_sink *s, const char *area)
{
	for (size_t i = 0; i < s->n_keep; i++)
		if (area && area_within(area, s->keep[i].code))
			return 1;
	return s->n_keep == 0;
}

/* A value, with the names of its strings or without (named NULL). */
static int add_value(registry_sink *s, const pk2d_value *v, wire_name *const *named)
{
	char err[512];
	int r;

	if (!keeps(s, v->area))
		return 0;
	if (named)
		r = registry_add_value_named(s->reg, s->run->instance, s->period, v,
		                             &named[WIRE_NAME_INDICATOR]->found,
		                             &named[WIRE_NAME_AREA]->found,
		                             named[WIRE_NAME_PERIOD] ?
		                             &named[WIRE_NAME_PERIOD]->found : &s->no_period,
		                             err, sizeof err);
	else
		r = registry_add_value(s->reg, s->run->instance, s->period, v, err, sizeof err);
	if (r < 0) {
		s->run->refused++;
		sink_log_refusal(s, err);
	} else {
		s->run->values++;
	}
	return r;
}

static int rs_value(api_sink *base, const pk2d_value *v)
{
	return add_value((registry_sink *)base, v, NULL);
}

int registry_sink_named(registry_sink *s, const pk2d_value *v,
                        wire_name *const named[WIRE_NAME_KINDS])
{
	return add_value(s, v, named);
}

static int rs_ivalue(api_sink *base, const pk2d_intervention_value *v)
{
	registry_sink *s = (registry_sink *)base;
	char err[512];
	if (!keeps(s, v->area))
		return 0;
	int r = registry_add_intervention_value(s->reg, s->run->instance, s->period, v, err,
	                                        sizeof err);
	if (r < 0) {
		s->run->refused++;
		sink_log_refusal(s, err);
	} else {
		s->run->values++;
	}
	return r;
}

static int rs_folded(api_sink *base, const pk2d_value *v)
{
	registry_sink *s = (registry_sink *)base;
	char err[512];
	if (!keeps(s, v->area))
		return 0;
	int r = registry_add_folded(s->reg, s->run->instance, s->period, v, err, sizeof err);
	if (r < 0) {
		s->run->refused++;
		sink_log_refusal(s, err);
	}
	return r;
}

/* The values of a village's folded sums are counted here, once. */
static int rs_rts(api_sink *base, const char *village, uint32_t values, const int *rts,
                  size_t n)
{
	registry_sink *s = (registry_sink *)base;
	char err[512];
	if (!keeps(s, village))
		return 0;
	int r = registry_note_rts(s->reg, s->run->instance, village, rts, n, err, sizeof err);
	if (r < 0) {
		s->run->refused += values;
		sink_log_refusal(s, err);
	} else {
		s->run->values += values;
	}
	return r;
}

static void rs_log(api_sink *base, int level, const char *text)
{
	registry_sink *s = (registry_sink *)base;
	plugin_run *run = s->run;
	if (s->hold) {
		run->held = xrealloc(run->held, (run->n_held + 1) * sizeof *run->held);
		run->held[run->n_held++] = (run_message){ .level = level, .text = xstrdup(text) };
	} else {
		log_msg(level, "%s: %s", run->instance, text);
	}
	if (level == PK2D_LOG_ERROR && !s->first_error[0])
		snprintf(s->first_error, sizeof s->first_error, "%s", text);
}

static void rs_file(api_sink *base, csv_stats *stats)
{
	registry_sink *s = (registry_sink *)base;
	plugin_run *run = s->run;
	run->files = xrealloc(run->files, (run->n_files + 1) * sizeof *run->files);
	run->files[run->n_files++] = stats;
}

void registry_sink_init(registry_sink *s, registry *reg, plugin_run *run,
                        const char *agency, const char *period)
{
	memset(s, 0, sizeof *s);
	s->base.indicator = rs_indicator;
	s->base.intervention = rs_intervention;
	s->base.group = rs_group;
	s->base.display = rs_display;
	s->base.table = rs_table;
	s->base.value = rs_value;
	s->base.ivalue = rs_ivalue;
	s->base.folded = rs_folded;
	s->base.rts = rs_rts;
	s->base.log = rs_log;
	s->base.file = rs_file;
	s->reg = reg;
	s->run = run;
	s->agency = agency;
	s->period = period;
}

/* ----------------------------------------------------------- pipe sink */

/* Buffered records are written once this many bytes are waiting. */
#define PIPE_FLUSH_AT 65536

int pipe_sink_flush(pipe_sink *s)
{
	if (!s->broken && wire_write(s->fd, &s->buf) < 0)
		s->broken = 1;
	s->buf.len = 0;
	return s->broken ? PK2D_ERR_IO : 0;
}

static void maybe_flush(pipe_sink *s)
{
	if (s->buf.len >= PIPE_FLUSH_AT)
		pipe_sink_flush(s);
}

static void ps_log_local(pipe_sink *s, int level, const char *text)
{
	wire_put_log(&s->buf, level, text);
	pipe_sink_flush(s);
}

static int ps_indicator(api_sink *base, const pk2d_indicator *d)
{
	pipe_sink *s = (pipe_sink *)base;
	char err[512];
	int r = registry_declare_indicator(s->local, s->instance, s->agency, d, err, sizeof err);
	if (r < 0) {
		ps_log_local(s, PK2D_LOG_ERROR, err);
		return r;
	}
	wire_put_indicator(&s->buf, d);
	maybe_flush(s);
	return 0;
}

static int ps_intervention(api_sink *base, const pk2d_intervention *d)
{
	pipe_sink *s = (pipe_sink *)base;
	char err[512];
	int r = registry_declare_intervention(s->local, s->instance, s->agency, d, err,
	                                      sizeof err);
	if (r < 0) {
		ps_log_local(s, PK2D_LOG_ERROR, err);
		return r;
	}
	wire_put_intervention(&s->buf, d);
	maybe_flush(s);
	return 0;
}

/* A presentation declaration: checked against the child's own registry,
 * which knows the instance's indicators, then sent. */
#define PS_DECLARE(name, type, call, put)                                     \
	static int name(api_sink *base, const type *d)                        \
	{                                                                     \
		pipe_sink *s = (pipe_sink *)base;                             \
		char err[512];                                                \
		int r = call;                                                 \
		if (r < 0) {                                                  \
			ps_log_local(s, PK2D_LOG_ERROR, err);                 \
			return r;                                             \
		}                                                             \
		put(&s->buf, d);                                              \
		maybe_flush(s);                                               \
		return 0;                                                     \
	}

PS_DECLARE(ps_group, pk2d_group,
           registry_declare_group(s->local, s->instance, d, err, sizeof err), wire_put_group)
PS_DECLARE(ps_display, pk2d_display,
           registry_declare_display(s->local, s->instance, d, err, sizeof err),
           wire_put_display)
PS_DECLARE(ps_table, pk2d_table,
           registry_declare_table(s->local, s->instance, s->agency, d, err, sizeof err),
           wire_put_table)

/* The slot of text in t, named first (a NAME record of kind) when the slot
 * stands for another text; WIRE_NO_NAME when text cannot be named. */
static uint32_t text_name(pipe_sink *s, pipe_names *t, int kind, const char *text)
{
	uint32_t h = 2166136261u, slot;
	size_t n;

	/* A plugin reports an area's values one after another. */
	if (t->last != WIRE_NO_NAME && strcmp(t->text[t->last], text) == 0)
		return t->last;
	n = strlen(text);
	if (n > WIRE_MAX_NAME || !utf8_is_clean(text, n))
		return WIRE_NO_NAME;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)text[i]) * 16777619u;
	slot = h % PIPE_NAME_SLOTS;
	if (!t->text[slot] || strcmp(t->text[slot], text) != 0) {
		free(t->text[slot]);
		t->text[slot] = xstrdup(text);
		wire_put_name(&s->buf, kind, slot, text);
	}
	return t->last = slot;
}

/* Names the strings of v, whose indicator has index ind in local (-1: not
 * declared), into names, sending the names the parent does not have yet:
 * 1, or 0 when v must go out as a VALUE record. */
static int name_value(pipe_sink *s, long ind, const pk2d_value *v,
                      uint32_t names[WIRE_NAME_KINDS])
{
	if (ind < 0 || ind >= WIRE_MAX_NAMES)
		return 0;
	names[WIRE_NAME_AREA] = text_name(s, &s->areas, WIRE_NAME_AREA, v->area);
	names[WIRE_NAME_PERIOD] = v->period ? text_name(s, &s->periods, WIRE_NAME_PERIOD,
	                                                v->period) : WIRE_NO_NAME;
	if (names[WIRE_NAME_AREA] == WIRE_NO_NAME ||
	    (v->period && names[WIRE_NAME_PERIOD] == WIRE_NO_NAME))
		return 0;
	if ((size_t)ind >= s->n_named_ind) {
		size_t n = 2 * s->n_named_ind > (size_t)ind ? 2 * s->n_named_ind : (size_t)ind + 1;
		s->named_ind = xrealloc(s->named_ind, n);
		memset(s->named_ind + s->n_named_ind, 0, n - s->n_named_ind);
		s->n_named_ind = n;
	}
	/* A declared id is short and clean (registry_declare_indicator). */
	if (!s->named_ind[ind]) {
		wire_put_name(&s->buf, WIRE_NAME_INDICATOR, (uint32_t)ind, v->indicator);
		s->named_ind[ind] = 1;
	}
	names[WIRE_NAME_INDICATOR] = (uint32_t)ind;
	return 1;
}

static int fold_one(void *ud, const reg_indicator *ind, const char *area, int rt,
                    const char *period, const reg_sum *sum)
{
	pipe_sink *s = ud;
	pk2d_value v = { .indicator = ind->id, .area = area, .period = period,
	                 .numerator = sum->num, .denominator = sum->den };

	(void)rt;
	wire_put_folded(&s->buf, &v);
	return 0;
}

/* Sends the sums of the village held in local, and its RTS record. */
static void fold_flush(pipe_sink *s)
{
	if (!s->n_fold_rts)
		return;
	registry_each_value(s->local, fold_one, s);
	wire_put_rts(&s->buf, s->fold_village, s->fold_values, s->fold_rts, s->n_fold_rts);
	registry_forget_values(s->local);
	s->n_fold_rts = 0;
	s->fold_values = 0;
	maybe_flush(s);
}

/* Adds a value for an RT to its village's sums in local: 0, or -1 when
 * local refuses it (or has no room) and it must go out as it is. */
static int fold_value(pipe_sink *s, const pk2d_value *v)
{
	char err[512];
	size_t i;

	if (!v->area || strlen(v->area) >= sizeof s->fold_village)
		return -1;
	if (strcmp(v->area, s->fold_village) != 0) {
		fold_flush(s);
		strcpy(s->fold_village, v->area);
		s->fold_area = (reg_name){ 0 };
	}
	/* A plugin reports an RT's values one after another. */
	i = s->n_fold_rts;
	if (i > 0 && s->fold_rts[i - 1] == v->rt)
		i--;
	else
		for (i = 0; i < s->n_fold_rts && s->fold_rts[i] != v->rt; i++)
			;
	if (i == s->n_fold_rts && s->n_fold_rts == s->cap_fold_rts) {
		size_t cap = s->cap_fold_rts ? 2 * s->cap_fold_rts : 32;
		int *n = realloc(s->fold_rts, cap * sizeof *n);
		if (!n)
			return -1;
		s->fold_rts = n;
		s->cap_fold_rts = cap;
	}
	if (registry_add_value_named(s->local, s->instance, s->period, v, NULL, &s->fold_area,
	                             v->period ? NULL : &s->fold_period, err, sizeof err) < 0)
		return -1;
	if (i == s->n_fold_rts)
		s->fold_rts[s->n_fold_rts++] = v->rt;
	s->fold_values++;
	return 0;
}

/* Points each of the n texts at t that is not clean (utf8.h) to its
 * repaired copy, kept in own (NULL where nothing was repaired). The parent
 * reads only clean text; an id, area or period is plain ASCII when the
 * registry takes it, so it refuses the repaired text as it would the
 * text itself, with the message an in-process run logs. */
static void clean_texts(const char **t, char **own, size_t n)
{
	int fixed;

	for (size_t i = 0; i < n; i++) {
		own[i] = t[i] ? utf8_clean_dup(t[i], &fixed) : NULL;
		if (own[i])
			t[i] = own[i];
	}
}

static void put_value_clean(wire_buf *b, const pk2d_value *v)
{
	pk2d_value c = *v;
	const char *t[] = { c.indicator, c.area, c.period };
	char *own[3];

	clean_texts(t, own, 3);
	c.indicator = t[0], c.area = t[1], c.period = t[2];
	wire_put_value(b, &c);
	for (int i = 0; i < 3; i++)
		free(own[i]);
}

static void put_ivalue_clean(wire_buf *b, const pk2d_intervention_value *v)
{
	pk2d_intervention_value c = *v;
	const char *t[] = { c.intervention, c.area, c.period };
	char *own[3];

	clean_texts(t, own, 3);
	c.intervention = t[0], c.area = t[1], c.period = t[2];
	wire_put_ivalue(b, &c);
	for (int i = 0; i < 3; i++)
		free(own[i]);
}

static int ps_value(api_sink *base, const pk2d_value *v)
{
	pipe_sink *s = (pipe_sink *)base;
	if (s->fold && v->rt > 0 && fold_value(s, v) == 0)
		return 0;
	long ind = registry_indicator_index(s->local, s->instance, v->indicator);
	uint32_t names[WIRE_NAME_KINDS];

	if (name_value(s, ind, v, names))
		wire_put_named(&s->buf, names, v);
	else
		put_value_clean(&s->buf, v);
	maybe_flush(s);
	/* The part of the registry's checks a child can make without the
	 * registry: is the id declared, are the numbers finite. */
	if (ind < 0)
		return PK2D_ERR_UNKNOWN_ID;
	if (!isfinite(v->numerator) || !isfinite(v->denominator))
		return PK2D_ERR_INVALID;
	return 0;
}

static int ps_ivalue(api_sink *base, const pk2d_intervention_value *v)
{
	pipe_sink *s = (pipe_sink *)base;
	put_ivalue_clean(&s->buf, v);
	maybe_flush(s);
	if (registry_intervention_index(s->local, s->instance, v->intervention) < 0)
		return PK2D_ERR_UNKNOWN_ID;
	if (!isfinite(v->target) || !isfinite(v->realised) || !isfinite(v->budget))
		return PK2D_ERR_INVALID;
	return 0;
}

static void ps_log(api_sink *base, int level, const char *text)
{
	ps_log_local((pipe_sink *)base, level, text);
}

/* Sent at once, before the plugin makes the file: a part the parent stops
 * (its file found not in parts after all) leaves no file it does not know. */
static void ps_output(api_sink *base, const char *path)
{
	pipe_sink *s = (pipe_sink *)base;
	wire_put_output(&s->buf, path);
	pipe_sink_flush(s);
}

static void ps_file(api_sink *base, csv_stats *stats)
{
	pipe_sink *s = (pipe_sink *)base;
	wire_put_file(&s->buf, stats);
	csv_stats_free(stats);
	maybe_flush(s);
}

static void ps_progress(api_sink *base, const char *path, uint64_t done, uint64_t size,
                        long records)
{
	pipe_sink *s = (pipe_sink *)base;
	wire_put_progress(&s->buf, path, done, size, records);
	pipe_sink_flush(s);
}

void pipe_sink_progress(pipe_sink *s)
{
	s->base.progress = ps_progress;
}

void pipe_sink_init(pipe_sink *s, int fd, const char *instance, const char *agency,
                    const char *period, int fold)
{
	memset(s, 0, sizeof *s);
	s->base.indicator = ps_indicator;
	s->base.group = ps_group;
	s->base.display = ps_display;
	s->base.table = ps_table;
	s->base.intervention = ps_intervention;
	s->base.value = ps_value;
	s->base.ivalue = ps_ivalue;
	s->base.log = ps_log;
	s->base.file = ps_file;
	s->base.output = ps_output;
	s->fd = fd;
	s->local = registry_new();
	s->instance = instance;
	s->agency = agency;
	s->period = period;
	s->fold = fold;
	s->areas.last = s->periods.last = WIRE_NO_NAME;
	registry_keep_rts(s->local, !fold);
}

void pipe_sink_init_done(pipe_sink *s)
{
	wire_put_init_done(&s->buf);
	pipe_sink_flush(s);
}

void pipe_sink_end(pipe_sink *s, int stage, int code)
{
	fold_flush(s);
	wire_put_end(&s->buf, stage, code);
	pipe_sink_flush(s);
}

void pipe_sink_refused(pipe_sink *s, const char *reason)
{
	int fixed;
	char *clean = utf8_clean_dup(reason, &fixed);
	wire_put_refused(&s->buf, clean ? clean : reason);
	free(clean);
	pipe_sink_flush(s);
}

void pipe_sink_free(pipe_sink *s)
{
	wire_buf_free(&s->buf);
	registry_free(s->local);
	s->local = NULL;
	free(s->fold_rts);
	s->fold_rts = NULL;
	free(s->named_ind);
	s->named_ind = NULL;
	for (size_t i = 0; i < PIPE_NAME_SLOTS; i++) {
		free(s->areas.text[i]);
		free(s->periods.text[i]);
		s->areas.text[i] = s->periods.text[i] = NULL;
	}
}

/* ---------------------------------------------------------------- host */

pk2d_host *api_host_new(const conf *cfg, const conf_plugin *cp, const loaded_plugin *lp,
                        const areas *ar, api_sink *sink)
{
	pk2d_host *h = xcalloc(1, sizeof *h);
	h->cfg = cfg;
	h->cp = cp;
	h->lp = lp;
	h->areas = ar;
	h->sink = sink;
	return h;
}

void api_host_set_part(pk2d_host *h, const api_part *part)
{
	h->part = part;
}

char *api_part_path(const char *path, size_t index)
{
	return xasprintf("%s.part%zu", path, index);
}

void api_host_free(pk2d_host *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->n_strings; i++)
		free(h->strings[i]);
	free(h->strings);
	free(h);
}

const char *api_host_agency(const pk2d_host *h)
{
	return h->cp->agency ? h->cp->agency : h->lp->agency;
}

static const char *keep(pk2d_host *h, char *s)
{
	h->strings = xrealloc(h->strings, (h->n_strings + 1) * sizeof *h->strings);
	h->strings[h->n_strings++] = s;
	return s;
}

static void host_logf(pk2d_host *h, int level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void host_logf(pk2d_host *h, int level, const char *fmt, ...)
{
	char text[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	h->sink->log(h->sink, level, text);
}

static void a_log(pk2d_host *h, int level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void a_log(pk2d_host *h, int level, const char *fmt, ...)
{
	if (!h || !fmt)
		return;
	if (level < PK2D_LOG_ERROR)
		level = PK2D_LOG_ERROR;
	if (level > PK2D_LOG_DEBUG)
		level = PK2D_LOG_DEBUG;
	char text[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	/* What a plugin logs may quote text the host never read for it. */
	int fixed;
	char *clean = utf8_clean_dup(text, &fixed);
	h->sink->log(h->sink, level, clean ? clean : text);
	free(clean);
}

static const pk2d_config_key *default_key(const pk2d_host *h, const char *key)
{
	for (size_t i = 0; i < h->lp->n_keys; i++)
		if (!strcasecmp(h->lp->keys[i].name, key))
			return &h->lp->keys[i];
	return NULL;
}

static const char *a_config_get(pk2d_host *h, const char *key)
{
	if (!h || !key)
		return NULL;
	const conf_entry *e = conf_section_get(h->cp->section, key);
	if (e)
		return e->value;
	const pk2d_config_key *k = default_key(h, key);
	return k ? k->default_value : NULL;
}

static const char *a_config_path(pk2d_host *h, const char *key)
{
	if (!h || !key)
		return NULL;
	const conf_entry *e = conf_section_get(h->cp->section, key);
	if (e)
		return keep(h, conf_entry_path(e, e->value));
	const pk2d_config_key *k = default_key(h, key);
	if (!k || !k->default_value)
		return NULL;
	char *dir = path_dirname(h->cp->section->file);
	const char *p = keep(h, path_join(dir, k->default_value));
	free(dir);
	return p;
}

static const char *a_config_where(pk2d_host *h, const char *key)
{
	if (!h || !key)
		return "";
	const conf_entry *e = conf_section_get(h->cp->section, key);
	if (!e)
		return "";
	return keep(h, xasprintf("%s:%d", e->file, e->line));
}

static int a_config_each(pk2d_host *h, int (*fn)(void *ud, const char *key, const char *value),
                         void *ud)
{
	if (!h || !fn)
		return PK2D_ERR_INVALID;
	const conf_section *s = h->cp->section;
	for (size_t i = 0; i < s->n; i++) {
		int r = fn(ud, s->entries[i]->key, s->entries[i]->value);
		if (r)
			return r;
	}
	return 0;
}

static const char *a_run_period(pk2d_host *h)
{
	return h ? h->cfg->period : NULL;
}

static const char *a_run_area(pk2d_host *h)
{
	return h ? h->cfg->area : NULL;
}

static const char *a_agency(pk2d_host *h)
{
	return h ? api_host_agency(h) : NULL;
}

static const char *a_area_name(pk2d_host *h, const char *code)
{
	if (!h || !code || !h->areas)
		return NULL;
	return areas_name(h->areas, code);
}

static const char *a_data_dir(pk2d_host *h)
{
	(void)h;
	return api_data_dir();
}

static int wrong_stage(pk2d_host *h, const char *fn, int want)
{
	if (h->stage == want)
		return 0;
	host_logf(h, PK2D_LOG_ERROR, "%s may only be called in %s()", fn,
	          want == STAGE_INIT ? "init" : "collect");
	return 1;
}

static int a_declare_indicator(pk2d_host *h, const pk2d_indicator *ind)
{
	if (!h || !ind)
		return PK2D_ERR_INVALID;
	if (wrong_stage(h, "declare_indicator", STAGE_INIT))
		return PK2D_ERR_INVALID;
	if (h->lp->abi_minor < 4) {
		/* Built before ABI 1.4: the struct ends before target_year. */
		pk2d_indicator full;

		memset(&full, 0, sizeof full);
		memcpy(&full, ind, offsetof(pk2d_indicator, target_year));
		return h->sink->indicator(h->sink, &full);
	}
	return h->sink->indicator(h->sink, ind);
}

static int a_declare_intervention(pk2d_host *h, const pk2d_intervention *iv)
{
	if (!h || !iv)
		return PK2D_ERR_INVALID;
	if (wrong_stage(h, "declare_intervention", STAGE_INIT))
		return PK2D_ERR_INVALID;
	return h->sink->intervention(h->sink, iv);
}

/* The ABI 1.3 declarations: init only, then the sink. */
#define A_DECLARE(name, type, op)                                             \
	static int name(pk2d_host *h, const type *d)                          \
	{                                                                     \
		if (!h || !d)                                                 \
			return PK2D_ERR_INVALID;                              \
		if (wrong_stage(h, "declare_" #op, STAGE_INIT))                          \
			return PK2D_ERR_INVALID;                              \
		return h->sink->op(h->sink, d);                               \
	}

A_DECLARE(a_declare_group, pk2d_group, group)
A_DECLARE(a_declare_display, pk2d_display, display)
A_DECLARE(a_declare_table, pk2d_table, table)

static int a_report_value(pk2d_host *h, const pk2d_value *v)
{
	if (!h || !v)
		return PK2D_ERR_INVALID;
	if (wrong_stage(h, "report_value", STAGE_COLLECT))
		return PK2D_ERR_INVALID;
	if (!v->indicator || !v->area) {
		host_logf(h, PK2D_LOG_WARNING, "report_value without %s",
		          v->indicator ? "an area" : "an indicator id");
		return PK2D_ERR_INVALID;
	}
	return h->sink->value(h->sink, v);
}

static int a_report_intervention(pk2d_host *h, const pk2d_intervention_value *v)
{
	if (!h || !v)
		return PK2D_ERR_INVALID;
	if (wrong_stage(h, "report_intervention", STAGE_COLLECT))
		return PK2D_ERR_INVALID;
	if (!v->intervention || !v->area) {
		host_logf(h, PK2D_LOG_WARNING, "report_intervention without %s",
		          v->intervention ? "an area" : "an intervention id");
		return PK2D_ERR_INVALID;
	}
	return h->sink->ivalue(h->sink, v);
}

/* The reader's hook (csv_on_read) while a sink wants progress: a record
 * at a file's end and at most every API_PROGRESS_EVERY seconds before. */
static void csv_read_progress(void *arg, uint64_t done, uint64_t size, int end)
{
	static double last_sent;
	csv_reader *c = arg;
	double now = now_seconds();

	if (!current || !current->sink->progress || (!end && now - last_sent < API_PROGRESS_EVERY))
		return;
	last_sent = now;
	current->sink->progress(current->sink, csv_path(c), done, size, csv_get_stats(c)->records);
}

static pk2d_csv *a_csv_open(pk2d_host *h, const char *path)
{
	if (!h || !path)
		return NULL;
	char err[768], why[256];
	/* A declared input's areas may be given by name. */
	int area_col;
	csv_reader *c = input_open(h->cp, h->lp, h->areas, h->cfg->area, path, &area_col, err,
	                           sizeof err);
	/* A part reads its own records of the file read in parts. */
	if (c && h->part && h->part->count > 1 && !strcmp(path, h->part->path) &&
	    csv_restrict(c, &h->part->range, why, sizeof why) < 0) {
		snprintf(err, sizeof err, "%s: %s", path, why);
		csv_stats_free(csv_close(c));
		c = NULL;
	}
	if (!c) {
		host_logf(h, PK2D_LOG_ERROR, "%s", err);
		return NULL;
	}
	if (h->sink->progress)
		csv_on_read(c, csv_read_progress, c);
	lokus_rows_open(c, area_col, h->cfg);
	return c;
}

/* A name several headers carry fails the file: taking the first would
 * read the wrong column without a word. */
static int a_csv_column(pk2d_csv *c, const char *name)
{
	if (!c || !name)
		return -1;
	int col = csv_column(c, name);
	if (col == CSV_AMBIGUOUS) {
		char why[256];
		csv_ambiguous(c, name, why, sizeof why);
		if (current)
			host_logf(current, PK2D_LOG_ERROR, "%s:%ld: %s", csv_path(c), csv_header_line(c),
			          why);
		csv_fail(c, PK2D_ERR_DATA, "");
		return -1;
	}
	return col;
}

static int a_csv_next(pk2d_csv *c)
{
	if (!c)
		return PK2D_ERR_INVALID;
	char err[512];
	lokus_rows_done(c);
	int r = csv_next(c, err, sizeof err);
	lokus_rows_next(c, r);
	if (r < 0 && current && err[0])
		host_logf(current, PK2D_LOG_ERROR, "%s: %s", csv_path(c), err);
	/* A file read to its end without a row is nearly always a failed
	 * export: say so for every plugin, since nothing else would. */
	if (r == 0 && current && csv_get_stats(c)->records == 0)
		host_logf(current, PK2D_LOG_WARNING, "%s:%ld: only a header, no rows: nothing was "
		          "read from this file", csv_path(c), csv_header_line(c));
	/* A workbook's sheets after its table: rows no plugin sees. */
	if (r == 0 && current)
		for (size_t i = 0; i < csv_get_stats(c)->n_problems; i++) {
			const csv_problem *p = &csv_get_stats(c)->problems[i];

			if (strcmp(p->kind, CSV_SHEET_NOT_READ) == 0)
				for (int k = 0; k < p->n_examples; k++)
					host_logf(current, PK2D_LOG_WARNING, "%s: %s",
					          csv_get_stats(c)->path, p->example_text[k]);
		}
	return r;
}

static int a_csv_count(pk2d_csv *c)
{
	return c ? csv_count(c) : 0;
}

static const char *a_csv_field(pk2d_csv *c, int col)
{
	return c ? csv_field(c, col) : "";
}

static void a_csv_fields(pk2d_csv *c, const int *cols, int n, const char **out)
{
	if (!cols || !out)
		return;
	if (c) {
		csv_fields_of(c, cols, n, out);
		return;
	}
	for (int i = 0; i < n; i++)
		out[i] = "";
}

static int a_csv_number(pk2d_csv *c, int col, double *out)
{
	return c && out ? csv_number(c, col, out) : PK2D_ERR_INVALID;
}

static int a_csv_date(pk2d_csv *c, int col, long *days)
{
	return c && days ? csv_date(c, col, days) : PK2D_ERR_INVALID;
}

static long a_csv_line(pk2d_csv *c)
{
	return c ? csv_line(c) : 0;
}

static const char *a_csv_path(pk2d_csv *c)
{
	return c ? csv_path(c) : "";
}

static void a_csv_reject(pk2d_csv *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void a_csv_reject(pk2d_csv *c, const char *fmt, ...)
{
	if (!c || !fmt)
		return;
	va_list ap;
	va_start(ap, fmt);
	csv_vreject(c, fmt, ap);
	va_end(ap);
}

static void a_csv_note(pk2d_csv *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void a_csv_note(pk2d_csv *c, const char *fmt, ...)
{
	if (!c || !fmt)
		return;
	va_list ap;
	va_start(ap, fmt);
	csv_vnote(c, fmt, ap);
	va_end(ap);
}

static int a_csv_group(pk2d_csv *c, int col, const int *ids, int n_ids)
{
	char err[256];
	int rc;

	if (!c)
		return PK2D_ERR_INVALID;
	rc = csv_group(c, col, ids, n_ids, err, sizeof err);
	if (rc < 0)
		host_logf(current, PK2D_LOG_ERROR, "%s: %s", csv_path(c), err);
	return rc;
}

static void a_csv_close(pk2d_csv *c)
{
	if (!c)
		return;
	lokus_rows_close(c);
	csv_stats *s = csv_close(c);
	if (s && current)
		current->sink->file(current->sink, s);
	else
		csv_stats_free(s);
}

static int a_part(pk2d_host *h, int *count)
{
	if (!h)
		return PK2D_ERR_INVALID;
	if (count)
		*count = h->part ? (int)h->part->count : 1;
	return h->part ? (int)h->part->index : 0;
}

static const char *a_part_output(pk2d_host *h, const char *path)
{
	if (!h || !path)
		return NULL;
	if (!h->part || h->part->count < 2)
		return path;
	h->sink->output(h->sink, path);
	return keep(h, api_part_path(path, h->part->index));
}

static const pk2d_host_api table = {
	.abi_major = PK2D_ABI_MAJOR,
	.abi_minor = PK2D_ABI_MINOR,
	.struct_size = sizeof(pk2d_host_api),
	.log = a_log,
	.strerror = api_strerror,
	.config_get = a_config_get,
	.config_path = a_config_path,
	.config_where = a_config_where,
	.config_each = a_config_each,
	.run_period = a_run_period,
	.run_area = a_run_area,
	.agency = a_agency,
	.area_name = a_area_name,
	.data_dir = a_data_dir,
	.declare_indicator = a_declare_indicator,
	.declare_intervention = a_declare_intervention,
	.report_value = a_report_value,
	.report_intervention = a_report_intervention,
	.csv_open = a_csv_open,
	.csv_column = a_csv_column,
	.csv_next = a_csv_next,
	.csv_count = a_csv_count,
	.csv_field = a_csv_field,
	.csv_number = a_csv_number,
	.csv_date = a_csv_date,
	.csv_line = a_csv_line,
	.csv_path = a_csv_path,
	.csv_reject = a_csv_reject,
	.csv_note = a_csv_note,
	.csv_close = a_csv_close,
	.csv_group = a_csv_group,
	.declare_group = a_declare_group,
	.declare_display = a_declare_display,
	.declare_table = a_declare_table,
	.part = a_part,
	.part_output = a_part_output,
	.csv_fields = a_csv_fields,
};

const pk2d_host_api *api_table(void)
{
	return &table;
}

int api_call_init(pk2d_host *h, void **state)
{
	pk2d_host *saved = current;
	current = h;
	h->stage = STAGE_INIT;
	*state = NULL;
	int r = h->lp->init(&table, h, state);
	h->stage = STAGE_NONE;
	current = saved;
	return r;
}

int api_call_collect(pk2d_host *h, void *state)
{
	pk2d_host *saved = current;
	current = h;
	h->stage = STAGE_COLLECT;
	int r = h->lp->collect(state);
	h->stage = STAGE_NONE;
	current = saved;
	return r;
}

void api_call_fini(pk2d_host *h, void *state)
{
	if (!h->lp->fini)
		return;
	pk2d_host *saved = current;
	current = h;
	h->stage = STAGE_FINI;
	h->lp->fini(state);
	h->stage = STAGE_NONE;
	current = saved;
}
