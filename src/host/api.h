/*
 * api.h - the pk2d_host_api table and the sinks behind it.
 *
 * The api functions check their arguments and the stage (declarations in
 * init, values in collect) and hand everything to a sink. There are two:
 *  - the registry sink feeds the registry directly; it serves in-process
 *    runs (--no-fork, unit tests) and, in the parent, the records decoded
 *    from a child, so both modes apply results through the same code;
 *  - the pipe sink, in a child, encodes each call as a wire record on
 *    WIRE_FD (wire.h).
 */
#ifndef PK2D_API_H
#define PK2D_API_H

#include <stddef.h>
#include "areas.h"
#include "conf.h"
#include "csv.h"
#include "loader.h"
#include "pk2d/plugin.h"
#include "registry.h"
#include "run.h"
#include "wire.h"

typedef struct api_sink api_sink;
struct api_sink {
	/* Declarations and values: 0 or a PK2D_ERR_* (the sink logs why). */
	int (*indicator)(api_sink *s, const pk2d_indicator *d);
	int (*intervention)(api_sink *s, const pk2d_intervention *d);
	int (*value)(api_sink *s, const pk2d_value *v);
	int (*ivalue)(api_sink *s, const pk2d_intervention_value *v);
	/* Presentation declarations (ABI 1.3, display.h). */
	int (*group)(api_sink *s, const pk2d_group *g);
	int (*display)(api_sink *s, const pk2d_display *d);
	int (*table)(api_sink *s, const pk2d_table *t);
	/* RT detail off, from a child's pipe sink: a sum of a village's RT
	 * values, and the village's RTs with how many values were summed.
	 * The registry sink has them, the pipe sink makes them. */
	int (*folded)(api_sink *s, const pk2d_value *v);
	int (*rts)(api_sink *s, const char *village, uint32_t values, const int *rts, size_t n);
	/* A message of the plugin (without the instance name). */
	void (*log)(api_sink *s, int level, const char *text);
	/* A CSV file was closed; the sink takes the statistics over. */
	void (*file)(api_sink *s, csv_stats *stats);
	/* How far a file has been read (bytes, its size or 0, rows), at most
	 * every API_PROGRESS_EVERY seconds and at its end; NULL: not wanted
	 * (pipe_sink_progress() sets it). */
	void (*progress)(api_sink *s, const char *path, uint64_t done, uint64_t size,
	                 long records);
	/* A part of a run writes its share of an output file to path
	 * (api_part): the pipe sink tells the parent, which joins the parts.
	 * NULL in the registry sink: an in-process run is one part. */
	void (*output)(api_sink *s, const char *path);
};

/* Seconds between two progress records of one instance. */
#define API_PROGRESS_EVERY 0.2

/* Feeds the registry under run->instance, counting run->values and
 * run->refused and appending run->files. */
typedef struct registry_sink {
	api_sink base;
	registry *reg;
	plugin_run *run;
	const char *agency;       /* the instance's agency */
	const char *period;       /* the run's period, for values without one */
	long logged_refusals;
	int hold;                 /* keep what the instance logs in run->held */
	size_t n_keep;            /* a report limited to the lokus villages
	                             ([pk2d] lokus_only): a value of an area in */
	const lokus_village *keep; /* none of these villages is left out; n_keep
	                             0: every value is kept */
	char first_error[256];    /* the first error the instance logged, for
	                             its failure reason ("" when none) */
	reg_name no_period;       /* period, for NAMED values without one */
} registry_sink;

/* Refusals logged as warnings per instance; the rest go to debug level and
 * are summed up at the end of the run. */
#define API_REFUSALS_SHOWN 20

void registry_sink_init(registry_sink *s, registry *reg, plugin_run *run,
                        const char *agency, const char *period);
/* A NAMED record's value (wire.h), as the value() of the sink: named are
 * the names of its strings, where the registry keeps what it finds. */
int registry_sink_named(registry_sink *s, const pk2d_value *v,
                        wire_name *const named[WIRE_NAME_KINDS]);

/* Encodes every call on fd, buffered. Declarations are also made in a
 * private registry so that declare_* return what the parent's registry
 * would; report_* return PK2D_ERR_UNKNOWN_ID for an undeclared id and
 * PK2D_ERR_INVALID for a NaN or infinity, and are otherwise checked by the
 * parent, which counts and logs refusals.
 *
 * With fold set (rt_detail = no), a value for an RT of a village is checked
 * in the private registry by the parent's own rules and added to the
 * village's sums there; when a value for another area comes, and at the
 * end, the sums go out as FOLDED records with the village's RTS record:
 * about a tenth of the records, for the same totals. A value the private
 * registry refuses goes out as it is, for the parent to refuse and count.
 *
 * A value of a declared indicator goes out as a NAMED record, its strings
 * named once (NAME records): the indicator by its index in the private
 * registry, an area or a period by one of PIPE_NAME_SLOTS slots, chosen by
 * a hash of its text, which a text of the same hash takes over. A value
 * whose strings cannot be named (an undeclared indicator, a text longer
 * than WIRE_MAX_NAME or not clean) goes out as a VALUE record. */
#define PIPE_NAME_SLOTS 256

typedef struct pipe_names {
	char *text[PIPE_NAME_SLOTS]; /* the text each slot was last named */
	uint32_t last;            /* the slot of the last value, or WIRE_NO_NAME */
} pipe_names;

typedef struct pipe_sink {
	api_sink base;
	int fd;
	wire_buf buf;
	registry *local;
	const char *instance, *agency;
	int broken;               /* a write failed: the parent is gone */
	int fold;
	const char *period;       /* the run's, for values without one */
	char fold_village[16];    /* the village whose sums local holds */
	reg_name fold_area;       /* its name, and the run's period's, as */
	reg_name fold_period;     /* local looked them up */
	int *fold_rts;            /* its RTs seen so far */
	size_t n_fold_rts, cap_fold_rts;
	uint32_t fold_values;     /* values summed in it so far */
	unsigned char *named_ind; /* per indicator index: its name was sent */
	size_t n_named_ind;
	pipe_names areas, periods;
} pipe_sink;

void pipe_sink_init(pipe_sink *s, int fd, const char *instance, const char *agency,
                    const char *period, int fold);
/* Writes out what is buffered. 0, or PK2D_ERR_IO. */
int pipe_sink_flush(pipe_sink *s);
void pipe_sink_end(pipe_sink *s, int stage, int code);
void pipe_sink_init_done(pipe_sink *s);
/* Sends PROGRESS records for the files the instance reads (runner.h: when
 * the parent shows progress). */
void pipe_sink_progress(pipe_sink *s);
/* The child could not load the plugin's file: why, instead of any run. */
void pipe_sink_refused(pipe_sink *s, const char *reason);
void pipe_sink_free(pipe_sink *s);

/* The part of an instance's run a child does (pk2d_plugin.parts_input):
 * part index of count (count 1: the whole run), reading only range of the
 * file path. */
typedef struct api_part {
	size_t index, count;
	const char *path;
	csv_range range;
} api_part;

/* The name part index writes its share of the output file path to
 * (malloc'd): PATH.partINDEX. */
char *api_part_path(const char *path, size_t index);

/* Everything one instance sees through the api. */
pk2d_host *api_host_new(const conf *cfg, const conf_plugin *cp, const loaded_plugin *lp,
                        const areas *ar, api_sink *sink);
void api_host_free(pk2d_host *h);
/* Makes h one part of its instance's run (the whole run by default); part
 * must stay put while h is used. */
void api_host_set_part(pk2d_host *h, const api_part *part);
/* The agency of the instance: its section's agency =, else the
 * descriptor's. */
const char *api_host_agency(const pk2d_host *h);

/* Call the plugin's callbacks with the stage set for the api checks. */
int api_call_init(pk2d_host *h, void **state);
int api_call_collect(pk2d_host *h, void *state);
void api_call_fini(pk2d_host *h, void *state);

/* The table handed to init(). */
const pk2d_host_api *api_table(void);

/* Text of a PK2D_ERR_* code (also api->strerror). */
const char *api_strerror(int err);

/* $PK2D_DATA_DIR, else the installed data directory. */
const char *api_data_dir(void);

#endif
