/*
 * probe.h - reading a plugin file's descriptor in a child process, so that
 * no code of the file (its constructors included) ever runs in pk2d itself.
 */
#ifndef PK2D_PROBE_H
#define PK2D_PROBE_H

#include <stddef.h>
#include "loader.h"

/*
 * Loads path in a child process under a time limit of timeout seconds, with
 * every check of loader_load(), and copies the descriptor the child sends
 * back over a pipe (wire.h: DESCRIPTOR or REFUSED). 0 and *out, a plugin
 * without handle and functions (loader.h); or a negative PK2D_ERR_* with
 * err saying why: the loader's refusal, or a child that was killed by a
 * signal, exited or timed out while loading ("killed by signal 11
 * (Segmentation fault) while loading").
 */
int probe_plugin(const char *path, const char *name, double timeout, loaded_plugin **out,
                 char *err, size_t errlen);

#endif
