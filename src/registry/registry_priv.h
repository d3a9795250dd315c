/*
 * registry_priv.h - what registry.c shares with display.c, the other half of
 * the registry's declarations; no other file includes it.
 */
#ifndef PK2D_REGISTRY_PRIV_H
#define PK2D_REGISTRY_PRIV_H

#include <stddef.h>
#include "display.h"
#include "registry.h"

#define PLUGIN_NAME_MAX 32
#define ID_MAX 48

/* [a-z][a-z0-9_]{0,max-1} */
int registry_valid_name(const char *s, size_t max);
/* Refuses a declared text that is not clean (utf8.h): every report must
 * stay valid UTF-8 and XML whatever a plugin declares. n texts, each named
 * for the message; NULL texts pass. 0 or PK2D_ERR_INVALID with err set. */
int registry_check_texts(const char *plugin, const char *what, const char *id,
                         const char *const *names, const char *const *texts, size_t n,
                         char *err, size_t errlen);
/* The registry's presentation declarations (NULL until the first). */
reg_decls **registry_decls(registry *r);
const reg_decls *registry_decls_const(const registry *r);
void reg_decls_free(reg_decls *d);

#endif
