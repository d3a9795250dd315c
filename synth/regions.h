/*
 * regions.h - streaming over the Kemendagri code table
 * (data/wilayah/kode-wilayah.csv: kode,nama,tingkat), one row at a time, so
 * that choosing villages needs no memory beyond one line.
 */
#ifndef PK2D_SYNTH_REGIONS_H
#define PK2D_SYNTH_REGIONS_H

#include <stdio.h>

typedef struct region_reader {
	FILE *f;
	char *path;
	long lineno;
	char line[512];
	char code[32];
	char name[256];
	int level;              /* 1 province .. 4 village, from the code's form */
} region_reader;

/* Opens the table and skips its header. 0 or PK2D_ERR_IO with err set. */
int regions_open(region_reader *r, const char *path, char *err, size_t errlen);
/* 1 with r->code, r->name, r->level set; 0 at the end; PK2D_ERR_DATA with
 * err set ("file:line: why") on a malformed row. */
int regions_next(region_reader *r, char *err, size_t errlen);
void regions_close(region_reader *r);

/* Level of a dotted code by its form (PP, PP.KK, PP.KK.CC, PP.KK.CC.DDDD),
 * 0 when malformed. */
int regions_code_level(const char *code);
/* Non-zero if code is prefix or lies under it; "" contains everything. */
int regions_within(const char *code, const char *prefix);

#endif
