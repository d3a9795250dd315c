/*
 * out.h - buffered output files for the generator.
 *
 * Each file is written to NAME.tmp.XXXXXX in the output directory through a
 * large buffer, with hand-written number formatting (no printf per field),
 * and renamed into place only when everything was written. It also counts
 * the data rows and the dirty rows per kind for the manifest.
 */
#ifndef PK2D_SYNTH_OUT_H
#define PK2D_SYNTH_OUT_H

#include <stddef.h>
#include <stdint.h>

#define OUT_BUFSIZE (1u << 20)
#define OUT_MAX_KINDS 8

typedef struct outfile {
	char *name;                    /* file name inside the output directory */
	char *path;                    /* final path */
	char *tmp;                     /* path while writing */
	int fd;
	char *buf;
	size_t len;
	uint64_t bytes;                /* everything written, header included */
	long rows;                     /* data rows, header excluded */
	int n_kinds;
	const char *kind[OUT_MAX_KINDS];
	long kind_count[OUT_MAX_KINDS];
	int failed;                    /* a write failed; errno_saved says why */
	int committed;                 /* renamed into place */
	int sink;                      /* formatted and counted, never written */
	int errno_saved;
} outfile;

/* A file that is generated but not kept: rows are formatted and counted
 * (so every other file comes out the same) and then dropped. */
int out_open_sink(outfile *o, const char *name);
/* Opens dir/name for writing (as a temporary file). 0 or PK2D_ERR_IO with
 * err set. */
int out_open(outfile *o, const char *dir, const char *name, char *err, size_t errlen);
/* Writes the buffer out. */
void out_flush(outfile *o);
void out_put(outfile *o, const char *s, size_t n);
void out_str(outfile *o, const char *s);
static inline void out_ch(outfile *o, char c)
{
	if (o->len >= OUT_BUFSIZE)
		out_flush(o);
	o->buf[o->len++] = c;
}
/* A non-negative whole number. */
void out_uint(outfile *o, unsigned long v);
/* A whole number written with at least width digits, zero padded. */
void out_zpad(outfile *o, unsigned long v, int width);
/* tenths / 10 with one decimal, the decimal mark given (',' or '.'). */
void out_dec1(outfile *o, long tenths, char mark);
/* A date given as days since 1970-01-01: fmt 'i' YYYY-MM-DD, 'd' DD/MM/YYYY. */
void out_date(outfile *o, long days, char fmt);
/* Ends a data row. */
static inline void out_eol(outfile *o)
{
	out_ch(o, '\n');
	o->rows++;
}
/* Ends the header row (not counted). */
void out_header_end(outfile *o);
/* Counts one dirty row of the given kind (a string constant). */
void out_dirty(outfile *o, const char *kind);
long out_dirty_total(const outfile *o);
/* Flushes and closes the temporary file. 0 or PK2D_ERR_IO with err set
 * (the temporary file is then removed). */
int out_finish(outfile *o, char *err, size_t errlen);
/* Rewrites a finished CSV file as an Excel workbook NAME.xlsx in dir, which
 * then takes its place (xlsx.c). 0 or PK2D_ERR_IO with err set. */
int out_to_xlsx(outfile *o, const char *dir, char *err, size_t errlen);
/* Renames a finished file into place. 0 or PK2D_ERR_IO with err set. */
int out_commit(outfile *o, char *err, size_t errlen);
/* Removes what out_open created and was not committed, or the committed
 * file too when committed is set (undoing a partial set). */
void out_discard(outfile *o, int committed);
void out_free(outfile *o);

#endif
