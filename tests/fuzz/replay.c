/*
 * replay.c - main() of a harness in a build without libFuzzer: runs every
 * file named on the command line, or else every seed of
 * $PK2D_TOP_SRCDIR/tests/fuzz/corpus/NAME/ (NAME: the program's name
 * without "fuzz_"), once. A crash or a broken invariant fails the test.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0;

	if (!f) {
		perror(path);
		return 1;
	}
	for (;;) {
		if (len == cap) {
			uint8_t *nb = realloc(buf, cap = cap ? 2 * cap : 4096);
			if (!nb) {
				free(buf);
				fclose(f);
				return 1;
			}
			buf = nb;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	const char *top = getenv("PK2D_TOP_SRCDIR"), *name = strrchr(argv[0], '/');
	char dir[4096];
	struct dirent **entries;
	int n, failed = 0;

	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			failed |= run_file(argv[i]);
		return failed;
	}
	name = name ? name + 1 : argv[0];
	if (strncmp(name, "fuzz_", 5) == 0)
		name += 5;
	snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus/%s", top ? top : ".", name);
	n = scandir(dir, &entries, NULL, alphasort);
	if (n < 0) {
		perror(dir);
		return 1;
	}
	int ran = 0;
	for (int i = 0; i < n; i++) {
		if (entries[i]->d_name[0] != '.') {
			char path[8192];
			snprintf(path, sizeof path, "%s/%s", dir, entries[i]->d_name);
			failed |= run_file(path);
			ran++;
		}
		free(entries[i]);
	}
	free(entries);
	printf("%s: %d seeds replayed\n", name, ran);
	return failed || ran == 0;
}
