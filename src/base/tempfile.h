/*
 * tempfile.h - the temporary files pk2d writes before renaming them into
 * place, named so that a later run can tell when one was left behind:
 *
 *   DIR/NAME.tmp.PID.XXXXXX
 *
 * with PID the writer's process id. The writer holds an flock() on the file
 * while it is open, and the file is removed if a signal stops the run
 * (cleanup.h). Only SIGKILL (or a crash) leaves one behind; a later run
 * removes it when it is provably stale: no process PID runs, and nobody
 * holds its lock. Another run's file being written is never touched.
 */
#ifndef PK2D_TEMPFILE_H
#define PK2D_TEMPFILE_H

/*
 * Creates DIR/NAME.tmp.PID.XXXXXX (mode 0600), locked and registered for
 * removal on a stopping signal. The first time in a run that it writes into
 * DIR, it first removes the stale temporary files there whose NAME ends with
 * one of stale_suffixes (NULL-terminated), or with any NAME when
 * stale_suffixes is NULL (an output directory, where no other program
 * makes such names; a shared directory such as /tmp names pk2d's own kinds
 * of file). Returns the open descriptor (closing it
 * releases the lock) with *path malloc'd, or -1 with errno set.
 */
int tempfile_create(const char *dir, const char *name, const char *const *stale_suffixes,
                    char **path);

/* A scratch file that goes when it is closed, however the process ends:
 * made in $TMPDIR (else /tmp), named for NAME, and unlinked at once.
 * Returns the open descriptor, or -1 with errno set; *dir names the
 * directory, for a message. */
int tempfile_anonymous(const char *name, const char **dir);

/* The file was renamed into place or removed: no longer ours to clean. */
void tempfile_done(const char *path);

/* Removes DIR's stale temporary files whose NAME ends with one of suffixes
 * (any NAME: NULL); returns how many. */
int tempfile_remove_stale(const char *dir, const char *const *suffixes);

/* Test-only: with PK2D_TEST_PAUSE=POINT:FILE in the environment, at the
 * point called point, creates FILE and sleeps up to 60 s, so that a test
 * can stop pk2d there (tests/stop.sh). */
#define TEMPFILE_PAUSE_ENV "PK2D_TEST_PAUSE"
void tempfile_test_pause(const char *point);

#endif
