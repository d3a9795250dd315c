/*
 * cleanup.h - what a run undoes when SIGINT, SIGTERM or SIGHUP stops it:
 * the temporary files it has made are removed and its children killed,
 * then the process ends by the same signal (the shell sees 128 + signal).
 */
#ifndef PK2D_CLEANUP_H
#define PK2D_CLEANUP_H

#include <sys/types.h>

/* Installs the handlers; the process that calls it is the one that cleans
 * up (a child forked later never removes its parent's files). */
void cleanup_install(void);

/* Puts back the default action of the three signals: every child of pk2d
 * does this first. */
void cleanup_default_signals(void);

/* Files to remove if a signal stops the run: registered as soon as they
 * exist, forgotten once renamed into place or removed. */
void cleanup_add_file(const char *path);
void cleanup_forget_file(const char *path);

/* fork() after flushing every stdio stream, so that no child holds bytes
 * its parent has still to write: a child that ends by _exit() leaves them
 * alone, but one run under valgrind writes them out at its end. */
pid_t cleanup_fork(void);

/* Children to kill (SIGKILL) if a signal stops the run. */
void cleanup_add_child(pid_t pid);
void cleanup_forget_child(pid_t pid);

#endif
