/*
 * model_ini.h - reads an INI file through inih with the line number of every
 * key and section, for the model's "file:line: ..." messages.
 */
#ifndef PK2D_MODEL_INI_H
#define PK2D_MODEL_INI_H

#include <stddef.h>

/* Called for every section header, empty sections included. */
typedef int (*model_ini_section_fn)(void *ud, const char *section, long line);
/* Called for every key = value line. */
typedef int (*model_ini_key_fn)(void *ud, const char *section, const char *key,
                                const char *value, long line);

/* Parses path. 0 when every line was read; PK2D_ERR_IO with err = the reason
 * when the file cannot be opened or read; PK2D_ERR_CONFIG with err =
 * "file:line" of the first line that is not INI (or longer than inih reads
 * whole). The callbacks' return values are ignored: they collect their own
 * errors. */
int model_ini_parse(const char *path, model_ini_section_fn on_section,
                    model_ini_key_fn on_key, void *ud, char *err, size_t errlen);

#endif
