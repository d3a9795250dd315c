/*
 * registry_bench.c - figures for registry inserts and roll-up (not a test;
 * see run.sh). VILLAGES villages x 15 RTs x 40 indicators, each key
 * reported twice, village after village as plugins report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "registry.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int nvil = argc > 1 ? atoi(argv[1]) : 10000, nrt = 15, nind = 40;
	registry *r = registry_new();
	char err[256], ids[40][16], area[16], line[256];
	double t0, t1, t2;
	long n = 0;
	FILE *f;

	for (int i = 0; i < nind; i++) {
		pk2d_indicator d = { .id = ids[i], .label_id = "x", .kind = PK2D_PROPORTION };
		snprintf(ids[i], sizeof ids[i], "ind%d", i);
		if (registry_declare_indicator(r, "health", "A", &d, err, sizeof err)) {
			fprintf(stderr, "%s\n", err);
			return 1;
		}
	}
	t0 = now();
	for (int rep = 0; rep < 2; rep++) {
		for (int v = 0; v < nvil; v++) {
			snprintf(area, sizeof area, "%02d.%02d.%02d.%04d", 11 + v / 20000 % 80,
			         1 + v / 1000 % 20, 1 + v / 50 % 20, 2001 + v % 50);
			for (int rt = 1; rt <= nrt; rt++) {
				for (int i = 0; i < nind; i++) {
					pk2d_value val = { .indicator = ids[i], .area = area, .rt = rt,
					                   .numerator = 1, .denominator = 2 };
					if (registry_add_value(r, "health", "2023", &val, err, sizeof err)) {
						fprintf(stderr, "%s\n", err);
						return 1;
					}
					n++;
				}
			}
		}
	}
	t1 = now();
	registry_rollup(r);
	t2 = now();
	printf("%ld inserts (%ld keys): %.3f s, %.0f ns/insert; roll-up %.3f s\n", n, n / 2,
	       t1 - t0, (t1 - t0) / (double)n * 1e9, t2 - t1);
	if ((f = fopen("/proc/self/status", "r"))) {
		while (fgets(line, sizeof line, f))
			if (strncmp(line, "VmHWM", 5) == 0)
				fputs(line, stdout);
		fclose(f);
	}
	registry_free(r);
	return 0;
}
