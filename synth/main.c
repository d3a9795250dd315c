/*
 * main.c - pk2d-synth: writes a deterministic synthetic data set (every
 * input file of every shipped plugin, docs/inputs.md) for any set of
 * villages, with a matching pk2d.ini and a manifest of what it wrote.
 *
 * Exit status: 0 written; 1 a data or output failure (nothing is left
 * behind: files are written under temporary names and renamed at the end);
 * 2 a usage error.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "pk2d/plugin.h"
#include "regions.h"
#include "synth.h"

#ifndef PK2D_DATADIR
#define PK2D_DATADIR "data"
#endif

#define MAX_AREAS 256

enum given_option {
	G_SEED, G_PERIOD, G_KK_MEAN, G_KK, G_RT, G_DIRTY, G_QUALITY, G_PLUGINS, G_NOTE, G_MODEL,
	G_XLSX, G_N
};

typedef struct cmdline {
	synth_opts opt;
	const char *outdir;
	const char *datadir;
	char *areas[MAX_AREAS];   /* "" for all */
	int n_areas;
	int quiet;
	/* The options that shape the data, as given, for the command line
	 * recorded in the config and manifest (not --data or --quiet). */
	const char *given[G_N];
	char command[2048];
} cmdline;

static void usage(FILE *f)
{
	fputs("Usage: pk2d-synth [OPTION]... -o DIR\n"
	      "Write a synthetic pk2d data set (every plugin's input files, pk2d.ini and\n"
	      "synth-manifest.txt) for the chosen villages into DIR.\n"
	      "\n"
	      "  -o, --output DIR      directory to write into (created with its parents)\n"
	      "  -a, --area CODES      Kemendagri codes, comma separated or repeated:\n"
	      "                        a village, kecamatan, kabupaten, province, or 'all'\n"
	      "                        (default 63.02.09.2007)\n"
	      "  -s, --seed N          seed of the pseudo-random streams (default 1)\n"
	      "  -p, --period YEAR     period of the data (default 2023)\n"
	      "      --kk-mean X       mean KK per village (default 835)\n"
	      "      --kk N            exactly N KK in every village\n"
	      "      --rt N            exactly N RT in every village\n"
	      "      --dirty SHARE     share of dirty rows, 0 to 0.5 (default 0)\n"
	      "      --quality Z       village quality factor instead of a draw (about -3..3)\n"
	      "      --plugins LIST    write only these plugins' files (family, health,\n"
	      "                        education, pkk, activities; default all)\n"
	      "      --note TEXT       [pk2d] note of the generated pk2d.ini, printed in the\n"
	      "                        report footer ('' for none; default: says the data\n"
	      "                        are synthetic)\n"
	      "      --model FILE      [pk2d] model of the generated pk2d.ini (relative to\n"
	      "                        the output directory; default: none, so pk2d looks\n"
	      "                        for models/ikk.ini next to it)\n"
	      "      --xlsx            the data files as Excel workbooks (.xlsx): numbers and\n"
	      "                        dates as numbers, codes as text\n"
	      "      --data DIR        pk2d data directory (who-growth/, wilayah/);\n"
	      "                        default $PK2D_DATA_DIR or " PK2D_DATADIR "\n"
	      "  -q, --quiet           print no summary\n"
	      "  -h, --help            this help\n"
	      "  -V, --version         version\n", f);
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int parse_double(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !(v >= lo && v <= hi))
		return -1;
	*out = v;
	return 0;
}

static int add_areas(cmdline *c, const char *arg)
{
	char *copy = strdup(arg), *save = NULL;
	int rc = 0;

	if (!copy)
		return -1;
	for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		if (c->n_areas == MAX_AREAS) {
			fprintf(stderr, "pk2d-synth: at most %d area codes\n", MAX_AREAS);
			rc = -1;
			break;
		}
		if (strcmp(t, "all") == 0) {
			c->areas[c->n_areas++] = strdup("");
		} else if (!regions_code_level(t)) {
			fprintf(stderr, "pk2d-synth: '%s' is not an area code (PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD)\n", t);
			rc = -1;
			break;
		} else {
			c->areas[c->n_areas++] = strdup(t);
		}
	}
	free(copy);
	return rc;
}

static int parse_plugins(const char *arg, unsigned *out)
{
	char *copy = strdup(arg), *save = NULL;
	int rc = 0;

	if (!copy)
		return -1;
	*out = 0;
	for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		unsigned bit = synth_plugin_bit(t);

		if (!bit) {
			fprintf(stderr, "pk2d-synth: unknown plugin '%s' (family, health, education, pkk, activities)\n", t);
			rc = -1;
			break;
		}
		*out |= bit;
	}
	if (!rc && !*out) {
		fprintf(stderr, "pk2d-synth: --plugins names no plugin\n");
		rc = -1;
	}
	free(copy);
	return rc;
}

/* The command line that writes the same data set again, in one order. */
static void make_command(cmdline *c)
{
	static const char *const names[] = {
		"--seed", "--period", "--kk-mean", "--kk", "--rt", "--dirty", "--quality", "--plugins",
		"--note", "--model", "--xlsx"
	};
	size_t len = (size_t)snprintf(c->command, sizeof(c->command), "pk2d-synth --area ");

	for (int i = 0; i < c->n_areas && len < sizeof(c->command); i++)
		len += (size_t)snprintf(c->command + len, sizeof(c->command) - len, "%s%s",
					i ? "," : "", c->areas[i][0] ? c->areas[i] : "all");
	for (int i = 0; i < G_N && len < sizeof(c->command); i++)
		if (c->given[i])
			len += (size_t)snprintf(c->command + len, sizeof(c->command) - len,
						i == G_NOTE ? " %s '%s'" : *c->given[i] ? " %s %s" : " %s",
						names[i], c->given[i]);
	if (len < sizeof(c->command))
		snprintf(c->command + len, sizeof(c->command) - len, " -o %s", c->outdir);
}

/* 0 to go on, 1 when --help or --version was answered, -1 on a usage
 * error (already reported). */
static int parse_args(cmdline *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "area", required_argument, NULL, 'a' },
		{ "seed", required_argument, NULL, 's' },
		{ "period", required_argument, NULL, 'p' },
		{ "kk-mean", required_argument, NULL, 1 },
		{ "kk", required_argument, NULL, 2 },
		{ "rt", required_argument, NULL, 3 },
		{ "dirty", required_argument, NULL, 4 },
		{ "quality", required_argument, NULL, 5 },
		{ "data", required_argument, NULL, 6 },
		{ "plugins", required_argument, NULL, 7 },
		{ "note", required_argument, NULL, 8 },
		{ "model", required_argument, NULL, 9 },
		{ "xlsx", no_argument, NULL, 10 },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;
	long n;

	c->opt.seed = 1;
	c->opt.year = 2023;
	c->opt.kk_mean = 835;
	c->opt.plugins = SP_ALL;
	c->opt.note = "Data sintetis (pk2d-synth), bukan data keluarga, anak atau desa yang "
		      "sebenarnya. Synthetic data, not real families, children or villages.";
	c->datadir = getenv("PK2D_DATA_DIR");
	if (!c->datadir || !*c->datadir)
		c->datadir = PK2D_DATADIR;
	while ((ch = getopt_long(argc, argv, "o:a:s:p:qhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			c->outdir = optarg;
			break;
		case 'a':
			if (add_areas(c, optarg))
				return -1;
			break;
		case 's': {
			c->given[G_SEED] = optarg;
			char *end;

			errno = 0;
			c->opt.seed = strtoull(optarg, &end, 10);
			if (errno || end == optarg || *end || *optarg == '-') {
				fprintf(stderr, "pk2d-synth: --seed needs a whole number, not '%s'\n", optarg);
				return -1;
			}
			break;
		}
		case 'p':
			c->given[G_PERIOD] = optarg;
			if (parse_long(optarg, 1900, 2999, &n)) {
				fprintf(stderr, "pk2d-synth: --period needs a year (YYYY), not '%s'\n", optarg);
				return -1;
			}
			c->opt.year = (int)n;
			break;
		case 1:
			c->given[G_KK_MEAN] = optarg;
			if (parse_double(optarg, 20, 100000, &c->opt.kk_mean)) {
				fprintf(stderr, "pk2d-synth: --kk-mean needs a number from 20 to 100000, not '%s'\n", optarg);
				return -1;
			}
			break;
		case 2:
			c->given[G_KK] = optarg;
			if (parse_long(optarg, 1, 1000000, &c->opt.kk_fixed)) {
				fprintf(stderr, "pk2d-synth: --kk needs a whole number from 1 to 1000000, not '%s'\n", optarg);
				return -1;
			}
			break;
		case 3:
			c->given[G_RT] = optarg;
			if (parse_long(optarg, 1, 9999, &n)) {
				fprintf(stderr, "pk2d-synth: --rt needs a whole number from 1 to 9999, not '%s'\n", optarg);
				return -1;
			}
			c->opt.rt_fixed = (int)n;
			break;
		case 4:
			c->given[G_DIRTY] = optarg;
			if (parse_double(optarg, 0, 0.5, &c->opt.dirty)) {
				fprintf(stderr, "pk2d-synth: --dirty needs a share from 0 to 0.5, not '%s'\n", optarg);
				return -1;
			}
			break;
		case 5:
			c->given[G_QUALITY] = optarg;
			if (parse_double(optarg, -5, 5, &c->opt.quality)) {
				fprintf(stderr, "pk2d-synth: --quality needs a number from -5 to 5, not '%s'\n", optarg);
				return -1;
			}
			c->opt.has_quality = 1;
			break;
		case 6:
			c->datadir = optarg;
			break;
		case 7:
			c->given[G_PLUGINS] = optarg;
			if (parse_plugins(optarg, &c->opt.plugins))
				return -1;
			break;
		case 8:
			if (strlen(optarg) > 150 || strpbrk(optarg, "\n\r")) {
				fprintf(stderr, "pk2d-synth: --note must be one line of at most 150 characters\n");
				return -1;
			}
			c->opt.note = optarg;
			c->given[G_NOTE] = optarg;
			break;
		case 9:
			if (strlen(optarg) > 150 || strpbrk(optarg, "\n\r")) {
				fprintf(stderr, "pk2d-synth: --model must be one line of at most 150 characters\n");
				return -1;
			}
			c->opt.model = optarg;
			c->given[G_MODEL] = optarg;
			break;
		case 10:
			c->opt.xlsx = 1;
			c->given[G_XLSX] = "";
			break;
		case 'q':
			c->quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return 1;
		case 'V':
			puts("pk2d-synth " PACKAGE_VERSION);
			return 1;
		default:
			usage(stderr);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "pk2d-synth: unexpected argument '%s'\n", argv[optind]);
		return -1;
	}
	if (!c->outdir) {
		fprintf(stderr, "pk2d-synth: no output directory: give -o DIR\n");
		return -1;
	}
	if (c->n_areas == 0 && add_areas(c, "63.02.09.2007"))
		return -1;
	make_command(c);
	return 0;
}

/* Checks every requested code against the table and counts the villages
 * chosen; an unknown code is an error before anything is written. */
static int check_areas(const cmdline *c, const char *table, long *villages)
{
	region_reader r;
	char err[512];
	int found[MAX_AREAS] = { 0 };
	int rc;

	*villages = 0;
	if (regions_open(&r, table, err, sizeof(err))) {
		fprintf(stderr, "pk2d-synth: %s\n", err);
		return -1;
	}
	while ((rc = regions_next(&r, err, sizeof(err))) == 1) {
		int chosen = 0;

		for (int i = 0; i < c->n_areas; i++) {
			if (strcmp(r.code, c->areas[i]) == 0 || c->areas[i][0] == '\0')
				found[i] = 1;
			if (regions_within(r.code, c->areas[i]))
				chosen = 1;
		}
		*villages += chosen && r.level == 4;
	}
	regions_close(&r);
	if (rc < 0) {
		fprintf(stderr, "pk2d-synth: %s\n", err);
		return -1;
	}
	for (int i = 0; i < c->n_areas; i++)
		if (!found[i]) {
			fprintf(stderr, "pk2d-synth: area code %s is not in %s\n", c->areas[i], table);
			return -1;
		}
	return 0;
}

/* The deepest code that contains every requested area, or "" when only
 * the whole country does. */
static void common_area(const cmdline *c, char *out, size_t outlen)
{
	size_t n;

	snprintf(out, outlen, "%s", c->areas[0]);
	for (int i = 1; i < c->n_areas; i++) {
		const char *a = c->areas[i];

		for (n = 0; out[n] && out[n] == a[n]; n++)
			;
		/* Cut back to a whole code. */
		if (!(out[n] == '\0' && (a[n] == '\0' || a[n] == '.')))
			while (n > 0 && !(out[n] == '.' && (a[n] == '.' || a[n] == '\0')))
				n--;
		out[n] = '\0';
	}
	/* Codes of several provinces share only the whole country. */
	if (!*out)
		snprintf(out, outlen, "all");
}

static void print_summary(const synth *s, double seconds)
{
	uint64_t total = 0;

	printf("pk2d-synth: %ld villages, %ld households, %ld KK, %ld children under five, "
	       "%ld school-age children\n", s->villages, s->households, s->kk, s->children, s->school);
	printf("%-26s %12s %10s %16s\n", "file", "rows", "dirty", "bytes");
	for (int f = 0; f < SF_COUNT; f++) {
		const outfile *o = &s->out[f];

		if (o->sink)
			continue;
		printf("%-26s %12ld %10ld %16llu\n", o->name, o->rows, out_dirty_total(o),
		       (unsigned long long)o->bytes);
		total += o->bytes;
	}
	printf("%-26s %12s %10s %16llu (%.1f MB in %.1f s)\n", "total", "", "",
	       (unsigned long long)total, (double)total / 1e6, seconds);
	if (s->children)
		printf("stunting (clean rows): %.1f %%; IKK of the clean survey rows: %.2f\n",
		       100.0 * (double)s->stunted / (double)s->children, synth_ikk(s));
}

/* mkdir -p: the output directory and any missing parents. */
static int make_dirs(const char *dir)
{
	char path[4096];
	size_t n = strlen(dir);

	if (n == 0 || n >= sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(path, dir, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			return -1;
		path[i] = i < n ? '/' : '\0';
	}
	return 0;
}

/* Every file of the set: the data files, then the configuration, the
 * agencies it includes, and the manifest. */
#define N_META 3
#define N_ALL (SF_COUNT + N_META)

static outfile *file_of(synth *s, outfile *meta, int i)
{
	return i < SF_COUNT ? &s->out[i] : &meta[i - SF_COUNT];
}

int main(int argc, char **argv)
{
	static synth s;
	static growth g;
	static outfile meta[N_META];
	cmdline c;
	char err[1024], path[4096], area[32];
	region_reader r;
	long villages;
	struct timespec t0, t1;
	double seconds;
	int rc, opened = 0, committed = 0, status = 1;

	memset(&c, 0, sizeof(c));
	rc = parse_args(&c, argc, argv);
	if (rc != 0) {
		for (int i = 0; i < c.n_areas; i++)
			free(c.areas[i]);
		return rc > 0 ? 0 : 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	snprintf(path, sizeof(path), "%s/wilayah/kode-wilayah.csv", c.datadir);
	if (check_areas(&c, path, &villages))
		goto out;
	if (villages == 0) {
		fprintf(stderr, "pk2d-synth: the table has no village under the areas given\n");
		goto out;
	}
	snprintf(path, sizeof(path), "%s/who-growth", c.datadir);
	if (growth_load(&g, path, err, sizeof(err))) {
		fprintf(stderr, "pk2d-synth: %s\n", err);
		goto out;
	}
	if (make_dirs(c.outdir) != 0) {
		fprintf(stderr, "pk2d-synth: %s: cannot create: %s\n", c.outdir, strerror(errno));
		goto out;
	}
	s.opt = c.opt;
	s.g = &g;
	for (; opened < N_ALL; opened++) {
		static const char *const meta_name[N_META] = {
			"pk2d.ini", "agencies.ini", "synth-manifest.txt"
		};
		const char *name = opened < SF_COUNT ? synth_file_name(opened)
			: meta_name[opened - SF_COUNT];
		outfile *o = file_of(&s, meta, opened);
		unsigned plugin = opened < SF_COUNT ? synth_file_plugin(opened)
			: opened == SF_COUNT + 1 ? SP_ACTIVITIES : SP_ALL;

		if (!(plugin & s.opt.plugins)) {
			if (out_open_sink(o, name)) {
				fprintf(stderr, "pk2d-synth: out of memory\n");
				goto out;
			}
			continue;
		}
		if (out_open(o, c.outdir, name, err, sizeof(err))) {
			fprintf(stderr, "pk2d-synth: %s\n", err);
			goto out;
		}
	}
	synth_write_headers(&s);

	snprintf(path, sizeof(path), "%s/wilayah/kode-wilayah.csv", c.datadir);
	if (regions_open(&r, path, err, sizeof(err))) {
		fprintf(stderr, "pk2d-synth: %s\n", err);
		goto out;
	}
	while ((rc = regions_next(&r, err, sizeof(err))) == 1) {
		if (r.level != 4)
			continue;
		for (int i = 0; i < c.n_areas; i++)
			if (regions_within(r.code, c.areas[i])) {
				synth_village(&s, r.code, r.name);
				break;
			}
	}
	regions_close(&r);
	if (rc < 0) {
		fprintf(stderr, "pk2d-synth: %s\n", err);
		goto out;
	}
	for (int f = 0; f < SF_COUNT; f++)
		if (out_finish(&s.out[f], err, sizeof(err)) ||
		    (c.opt.xlsx && !s.out[f].sink && out_to_xlsx(&s.out[f], c.outdir, err, sizeof(err)))) {
			fprintf(stderr, "pk2d-synth: %s\n", err);
			goto out;
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	common_area(&c, area, sizeof(area));
	synth_write_config(&s, &meta[0], area, c.command);
	synth_write_agencies(&s, &meta[1]);
	synth_write_manifest(&s, &meta[2], area, c.command);
	for (int f = 0; f < N_META; f++)
		if (out_finish(&meta[f], err, sizeof(err))) {
			fprintf(stderr, "pk2d-synth: %s\n", err);
			goto out;
		}
	for (; committed < N_ALL; committed++)
		if (out_commit(file_of(&s, meta, committed), err, sizeof(err))) {
			fprintf(stderr, "pk2d-synth: %s\n", err);
			goto out;
		}
	if (!c.quiet)
		print_summary(&s, seconds);
	status = 0;
out:
	for (int f = 0; f < opened; f++) {
		if (status != 0)
			out_discard(file_of(&s, meta, f), 1);
		out_free(file_of(&s, meta, f));
	}
	for (int i = 0; i < c.n_areas; i++)
		free(c.areas[i]);
	return status;
}
