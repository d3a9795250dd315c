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

typedef struct probe_opts {
	double timeout;           /* seconds for probe_plugin */
	int no_fork;              /* load in this process (--no-fork, unsafe) */
	int allow_untrusted;      /* load a file that breaks the trust rule */
} probe_opts;

/* What pk2d does with each plugin file it is to use: the trust rule
 * (trust.h), then probe_plugin(), or loader_load() with no_fork. 0 and
 * *out, with *untrusted (malloc'd) saying which rule the file broke when
 * allow_untrusted let it through, else NULL; or a negative PK2D_ERR_* with
 * err saying why, a trust refusal with how to override it. */
int probe_module(const char *path, const char *name, const probe_opts *o, loaded_plugin **out,
                 char **untrusted, char *err, size_t errlen);

#endif
