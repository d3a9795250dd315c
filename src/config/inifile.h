/*
 * inifile.h - INI files read with the system inih through our own line
 * reader.
 *
 * Debian's inih r55 silently splits a line longer than 199 bytes into two and
 * cuts section names at 49 characters. The reader here hands inih one line at
 * a time and refuses such lines first, with "file:line: why", so nothing is
 * ever silently changed. It also reports lines inih would only count as a
 * syntax error (no '=' or ':', an unclosed '['), each with its own message,
 * so every problem of a file is shown in one go.
 *
 * Shared by the configuration (conf.c) and the assessment model (model.c).
 */
#ifndef PK2D_INIFILE_H
#define PK2D_INIFILE_H

#include "log.h"

/* Longest section or key name inih keeps whole. */
#define INI_NAME_MAX 49

/*
 * Called at the start of every section header line (key and value NULL),
 * and for every "key = value" (key as written, value with inih's trimming
 * and inline ';' comments removed). file is the path as given to
 * ini_file_parse; line counts from 1. An indented line after a key is, as
 * in inih, another value for that same key: handlers refuse repeated keys.
 * Handlers report problems into their own msglist and return 0; a negative
 * return stops the file.
 */
typedef int (*ini_file_handler)(void *ud, const char *section, const char *key,
                                const char *value, const char *file, int line);

/* Parses path. Returns 0, PK2D_ERR_IO when the file cannot be read (the
 * reason is added to errs as "path: why", or as "from:line: cannot read
 * 'path': why" when from is not NULL), or PK2D_ERR_CONFIG when errors were
 * added to errs for lines of the file (the handler's own errors are not
 * counted here: they are in the handler's list). */
int ini_file_parse(const char *path, ini_file_handler handler, void *ud, msglist *errs);

/* Same, with the place that named the file for the "cannot read" message. */
int ini_file_parse_from(const char *path, const char *from_file, int from_line,
                        ini_file_handler handler, void *ud, msglist *errs);

#endif
