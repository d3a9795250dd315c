/*
 * trust.h - whether a plugin file lies where only its owner can change it,
 * the rule ssh and sudo apply to the files they trust.
 */
#ifndef PK2D_TRUST_H
#define PK2D_TRUST_H

#include <stddef.h>

/* What to add to a refusal: how to accept such a file anyway. */
#define TRUST_OVERRIDE "for development only, --allow-untrusted-plugins or " \
	"[pk2d] allow_untrusted_plugins = yes loads it anyway"

/*
 * Checks path, with symbolic links resolved: the file and its directory
 * must be owned by root or by the user running pk2d and be writable by no
 * one else (no group or other write bit); every directory above must have
 * no group or other write bit, or be owned by root with the sticky bit set
 * (as /tmp is). 0, or PK2D_ERR_CONFIG with err saying which file or
 * directory breaks the rule, why that matters and how to fix it (without
 * TRUST_OVERRIDE); PK2D_ERR_IO when a file cannot be looked at.
 */
int trust_check(const char *path, char *err, size_t errlen);

#endif
