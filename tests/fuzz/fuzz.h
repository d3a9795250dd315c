/*
 * fuzz.h - what the libFuzzer harnesses of tests/fuzz/ share.
 *
 * Each fuzz_*.c defines LLVMFuzzerTestOneInput. Built with --enable-fuzzing
 * (CC=clang) it links libFuzzer's main and `make fuzz` runs it; in every
 * other build it links replay.c, which runs the seeds of
 * tests/fuzz/corpus/NAME/ once as a test of `make check`.
 */
#ifndef PK2D_FUZZ_H
#define PK2D_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A path that reads as the size bytes at data (a memory file, so nothing
 * touches the disk); fuzz_file_close() frees it. NULL when out of memory. */
const char *fuzz_file(const uint8_t *data, size_t size);
void fuzz_file_close(void);

/* Stops the harness on a broken invariant, so that libFuzzer keeps the
 * input: prints what and aborts. */
void fuzz_fail(const char *what) __attribute__((noreturn));

#endif
