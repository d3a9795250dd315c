/*
 * csv_bench.c - figures for the CSV reader (not a test; see run.sh).
 *
 *   csv_bench gen FILE MB [plain]   writes an e-PPGBM-like file of MB megabytes
 *                                   (a quoted name with a comma on every row,
 *                                   or none with "plain")
 *   csv_bench read FILE MODE        reads it: MODE 0 counts fields, 1 touches
 *                                   every field, 2 reads five columns and
 *                                   parses a number and a date
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv.h"

static int gen(const char *path, long mb, int plain)
{
	static char buf[1 << 20];
	long target = mb * 1000000L, n = 0;
	unsigned s = 12345;
	FILE *f = fopen(path, "w");

	if (!f)
		return 1;
	setvbuf(f, buf, _IOFBF, sizeof buf);
	n += fprintf(f, "NIK;Nama;Nama Ortu;Kode Desa;RT;JK;Tgl Lahir;Tanggal Pengukuran;"
	                "Berat;Tinggi;Cara Ukur;Edema\r\n");
	for (long i = 0; n < target; i++) {
		s = s * 1103515245u + 12345u;
		n += fprintf(f, plain ? "33020101%08ld;Anak %ld;Ibu %u S.Pd;" : "33020101%08ld;Anak %ld;\"Ibu %u, S.Pd\";",
		             i, i, s % 1000);
		n += fprintf(f, "63.02.09.%04u;%u;%c;%02u/%02u/20%02u;15/08/2023;%u,%u;%u,%u;%s;tidak\r\n",
		             2001 + s % 13, s % 20, s & 1 ? 'L' : 'P', 1 + s % 28, 1 + s % 12,
		             18 + s % 5, 5 + s % 15, s % 10, 60 + s % 50, s % 10,
		             s & 2 ? "berdiri" : "terlentang");
	}
	return fclose(f) != 0;
}

static int readfile(const char *path, int mode)
{
	char err[256];
	struct timespec a, b;
	csv_reader *c;
	long recs = 0, acc = 0;
	double sum = 0;
	int cw, cd, ca, cr, cn, rc;

	clock_gettime(CLOCK_MONOTONIC, &a);
	if (!(c = csv_open(path, err, sizeof err))) {
		fprintf(stderr, "%s: %s\n", path, err);
		return 1;
	}
	cw = csv_column(c, "Berat");
	cd = csv_column(c, "Tgl Lahir");
	ca = csv_column(c, "Kode Desa");
	cr = csv_column(c, "RT");
	cn = csv_column(c, "NIK");
	while ((rc = csv_next(c, err, sizeof err)) == 1) {
		recs++;
		if (mode == 0) {
			acc += csv_count(c);
		} else if (mode == 1) {
			for (int i = 0; i < csv_count(c); i++)
				acc += (unsigned char)csv_field(c, i)[0];
		} else {
			double w;
			long d;
			if (csv_number(c, cw, &w) == 0)
				sum += w;
			if (csv_date(c, cd, &d) == 0)
				acc += d;
			acc += csv_field(c, ca)[0] + csv_field(c, cr)[0] + csv_field(c, cn)[0];
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	if (rc < 0)
		fprintf(stderr, "%s: %s\n", path, err);
	printf("mode %d: %ld records (check %ld %.1f), %.3f s wall\n", mode, recs, acc, sum,
	       (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9);
	csv_stats_free(csv_close(c));
	return rc < 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "gen") == 0)
		return gen(argv[2], atol(argv[3]), argc > 4);
	if (argc == 4 && strcmp(argv[1], "read") == 0)
		return readfile(argv[2], atoi(argv[3]));
	fprintf(stderr, "usage: csv_bench gen FILE MB [plain] | read FILE MODE\n");
	return 2;
}
