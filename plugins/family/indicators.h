/*
 * indicators.h - the built-in survey indicators of the family plugin.
 */
#ifndef FAMILY_INDICATORS_H
#define FAMILY_INDICATORS_H

#include <stddef.h>

typedef struct family_builtin {
	const char *code;              /* "L1": the default column header */
	const char *group;             /* the dimension it belongs to */
	const char *label_id, *label_en;
} family_builtin;

extern const family_builtin family_builtins[];
extern const size_t family_n_builtins;

#endif
