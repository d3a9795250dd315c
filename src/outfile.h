/*
 * outfile.h - reports are written to a temporary file in the destination's
 * directory and renamed into place, so a failed or killed run never leaves a
 * half-written report (and an older report stays untouched until then).
 */
#ifndef PK2D_OUTFILE_H
#define PK2D_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

typedef struct outfile {
	FILE *f;        /* write here; stdout for the path "-" */
	char *path;     /* the destination */
	char *tmp;      /* "<path>.tmp.XXXXXX", NULL for stdout */
} outfile;

/* Creates the temporary file (mode 0666 less the umask, like any new file)
 * and opens it for writing. 0, or PK2D_ERR_IO with err set. */
int outfile_open(outfile *o, const char *path, char *err, size_t errlen);
/* Like outfile_open for a writer that opens the file itself by name
 * (libxlsxwriter): o->tmp is created and closed, o->f is NULL. */
int outfile_reserve(outfile *o, const char *path, char *err, size_t errlen);
/* Flushes, syncs and closes the file, then renames it to the destination.
 * On any failure the temporary file is removed. 0, or PK2D_ERR_IO. */
int outfile_commit(outfile *o, char *err, size_t errlen);
/* Closes and removes the temporary file. Safe on a committed or zeroed o. */
void outfile_abort(outfile *o);

#endif
