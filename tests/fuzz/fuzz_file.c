/*
 * fuzz_file.c - input bytes as a file for readers that take a path, and the
 * harnesses' failure stop (fuzz.h).
 *
 * The file lives alone in a private temporary directory: a configuration
 * that includes a relative path then finds nothing there (a memory file's
 * /proc/self/fd/N would let "include = 1" read the harness's own stdout).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"

static char dir[4096], path[4200];

static void remove_dir(void)
{
	unlink(path);
	rmdir(dir);
}

const char *fuzz_file(const uint8_t *data, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	FILE *f;

	if (!dir[0]) {
		snprintf(dir, sizeof dir, "%s/pk2d-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir)) {
			dir[0] = '\0';
			return NULL;
		}
		snprintf(path, sizeof path, "%s/input", dir);
		atexit(remove_dir);
	}
	f = fopen(path, "wb");
	if (!f)
		return NULL;
	if (fwrite(data, 1, size, f) != size) {
		fclose(f);
		return NULL;
	}
	return fclose(f) == 0 ? path : NULL;
}

void fuzz_file_close(void)
{
	unlink(path);
}

void fuzz_fail(const char *what)
{
	fprintf(stderr, "fuzz: %s\n", what);
	abort();
}
