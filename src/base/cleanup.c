/*
 * cleanup.c - the signal handlers and the files and children they undo.
 *
 * The handler may run at any instruction, so the lists are fixed arrays of
 * slots, each filled completely before it is marked used, with the three
 * signals blocked while a slot changes; the handler only calls
 * async-signal-safe functions (unlink, kill, getpid, signal, raise).
 */
#include "config.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "pk2d/plugin.h"

/* More files than this open at once are not remembered (a run writes one
 * report file at a time, and at most one workbook beside it). */
#define CLEANUP_FILES 16
/* Children at once: -j allows up to 1024. */
#define CLEANUP_CHILDREN 1100

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };

static char files[CLEANUP_FILES][PATH_MAX];
static volatile sig_atomic_t file_used[CLEANUP_FILES];
static volatile pid_t children[CLEANUP_CHILDREN];
static volatile pid_t owner;

static void on_stop(int sig)
{
	if (owner && getpid() == owner) {
		for (size_t i = 0; i < CLEANUP_CHILDREN; i++)
			if (children[i] > 0)
				kill(children[i], SIGKILL);
		for (size_t i = 0; i < CLEANUP_FILES; i++)
			if (file_used[i])
				unlink(files[i]);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void block(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
		sigaddset(&set, stop_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void unblock(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

void cleanup_install(void)
{
	owner = getpid();
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
		sigaddset(&sa.sa_mask, stop_signals[i]);
	for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
		sigaction(stop_signals[i], &sa, NULL);
}

void cleanup_default_signals(void)
{
	for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
		signal(stop_signals[i], SIG_DFL);
}

void cleanup_add_file(const char *path)
{
	sigset_t old;
	size_t len = strlen(path);
	if (len >= PATH_MAX)
		return;
	block(&old);
	size_t i;
	for (i = 0; i < CLEANUP_FILES && file_used[i]; i++)
		;
	if (i < CLEANUP_FILES) {
		memcpy(files[i], path, len + 1);
		file_used[i] = 1;
	}
	unblock(&old);
	if (i == CLEANUP_FILES)
		log_msg(PK2D_LOG_DEBUG, "%s: not removed if a signal stops pk2d (%d files "
		        "already)", path, CLEANUP_FILES);
}

void cleanup_forget_file(const char *path)
{
	sigset_t old;
	block(&old);
	for (size_t i = 0; i < CLEANUP_FILES; i++)
		if (file_used[i] && !strcmp(files[i], path))
			file_used[i] = 0;
	unblock(&old);
}

void cleanup_add_child(pid_t pid)
{
	sigset_t old;
	block(&old);
	for (size_t i = 0; i < CLEANUP_CHILDREN; i++)
		if (children[i] <= 0) {
			children[i] = pid;
			break;
		}
	unblock(&old);
}

void cleanup_forget_child(pid_t pid)
{
	sigset_t old;
	block(&old);
	for (size_t i = 0; i < CLEANUP_CHILDREN; i++)
		if (children[i] == pid)
			children[i] = 0;
	unblock(&old);
}

pid_t cleanup_fork(void)
{
	fflush(NULL);
	return fork();
}
