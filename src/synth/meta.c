/*
 * meta.c - the configuration and the manifest that go with a data set.
 */
#include <stdio.h>
#include <string.h>

#include "synth.h"

static void put_line(outfile *o, const char *a, const char *b)
{
	out_str(o, a);
	out_str(o, b);
	out_ch(o, '\n');
}

static void put_num(outfile *o, const char *key, long v)
{
	out_str(o, key);
	out_str(o, " = ");
	out_uint(o, (unsigned long)v);
	out_ch(o, '\n');
}

void synth_write_config(const synth *s, outfile *o, const char *area, const char *command)
{
	char year[8];

	snprintf(year, sizeof(year), "%d", s->opt.year);
	put_line(o, "; SYNTHETIC DATA written by: ", command);
	out_str(o, "; No real family, child or village record is in this data set.\n"
		   "; File names are relative to this file.\n\n[pk2d]\n");
	put_line(o, "period = ", year);
	if (*area)
		put_line(o, "area = ", area);
	if (s->opt.plugins & SP_FAMILY) {
		out_str(o, "\n[plugin.family]\n");
		put_line(o, "survey = ", synth_file_name(SF_SURVEY));
	}
	if (s->opt.plugins & SP_HEALTH) {
		out_str(o, "\n[plugin.health]\n");
		put_line(o, "children = ", synth_file_name(SF_CHILDREN));
		put_line(o, "log = ", synth_file_name(SF_HEALTH_LOG));
	}
	if (s->opt.plugins & SP_EDUCATION) {
		out_str(o, "\n[plugin.education]\n");
		put_line(o, "children = ", synth_file_name(SF_SCHOOL));
		put_line(o, "log = ", synth_file_name(SF_EDU_LOG));
	}
	if (s->opt.plugins & SP_PKK) {
		out_str(o, "\n[plugin.pkk]\n");
		put_line(o, "recap = ", synth_file_name(SF_RECAP));
		put_line(o, "activities = ", synth_file_name(SF_POKJA));
		put_line(o, "log = ", synth_file_name(SF_PKK_LOG));
	}
	if (s->opt.plugins & SP_ACTIVITIES) {
		out_str(o, "\n[plugin.dukcapil]\nmodule = activities\n");
		put_line(o, "log = ", synth_file_name(SF_ACT_FIRST));
		out_str(o, "\n[plugin.dinsos]\nmodule = activities\n");
		put_line(o, "log = ", synth_file_name(SF_ACT_FIRST + 1));
		out_str(o, "\n[plugin.perkim]\nmodule = activities\n");
		put_line(o, "log = ", synth_file_name(SF_ACT_FIRST + 2));
	}
}

void synth_write_manifest(const synth *s, outfile *o, const char *area, const char *command)
{
	char buf[64];

	out_str(o, "; pk2d-synth manifest: what this data set holds. Rows exclude the header;\n"
		   "; dirty rows are rows written wrong on purpose (one fault each), by kind.\n");
	put_line(o, "command = ", command);
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)s->opt.seed);
	put_line(o, "seed = ", buf);
	put_line(o, "area = ", *area ? area : "all");
	put_num(o, "period", s->opt.year);
	put_num(o, "villages", s->villages);
	put_num(o, "households", s->households);
	put_num(o, "kk", s->kk);
	put_num(o, "children", s->children);
	put_num(o, "stunted", s->stunted);
	put_num(o, "school_children", s->school);
	snprintf(buf, sizeof(buf), "%.2f", synth_ikk(s));
	put_line(o, "ikk = ", buf);
	for (int i = 0; i < SYNTH_N_IND; i++) {
		out_str(o, "indicator.");
		out_str(o, synth_indicator[i]);
		out_str(o, " = ");
		out_uint(o, (unsigned long)s->met[i]);
		out_ch(o, '/');
		out_uint(o, (unsigned long)s->app[i]);
		out_ch(o, '\n');
	}
	for (int f = 0; f < SF_COUNT; f++) {
		const outfile *d = &s->out[f];

		if (d->sink)
			continue;
		out_str(o, "\n[");
		out_str(o, d->name);
		out_str(o, "]\n");
		put_num(o, "rows", d->rows);
		put_num(o, "bytes", (long)d->bytes);
		put_num(o, "dirty", out_dirty_total(d));
		for (int k = 0; k < d->n_kinds; k++) {
			out_str(o, "dirty.");
			out_str(o, d->kind[k]);
			out_str(o, " = ");
			out_uint(o, (unsigned long)d->kind_count[k]);
			out_ch(o, '\n');
		}
	}
}
