/*
 * assess_setup.h - finding and checking the assessment model of a run, for
 * the command line (pk2d check and pk2d report).
 */
#ifndef PK2D_ASSESS_SETUP_H
#define PK2D_ASSESS_SETUP_H

#include <stddef.h>
#include "conf.h"
#include "model.h"
#include "registry.h"

/* Loads the model of the configuration (conf.model: [pk2d] model when the
 * file sets it, else models/ikk.ini next to the main configuration file,
 * else the installed conf_sysconfdir()/models/ikk.ini). Returns 0 with
 * *out set, 0 with *out NULL (and a warning) when no model was set and none
 * of the default places has one, or PK2D_ERR_CONFIG / PK2D_ERR_IO with every
 * problem logged as "file:line: ...". */
int assess_setup_model(const conf *cfg, model **out);

/* Checks the model against what the plugins declared and logs each error
 * at level (PK2D_LOG_ERROR for pk2d check, PK2D_LOG_WARNING for pk2d
 * report), and each gap (an indicator of a plugin that is not enabled) as a
 * warning for both. Returns the number of errors. */
size_t assess_setup_check(const model *m, const registry *r, int level);

#endif
