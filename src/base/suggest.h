/*
 * suggest.h - "did you mean": the one helper every message that names an
 * unknown word uses (configuration keys, plugin sections, area codes, column
 * headers, history ids).
 *
 * Words are compared folded: ASCII case is ignored and so are the blanks and
 * the separators ' ', '_', '-' and '.', so "Jumlah Laki" and "jumlah_laki" are
 * one word and "63.02.99" is compared digit by digit. A candidate is a likely
 * typo when its edit distance (insertions, deletions, substitutions) is at
 * most 2, or at most a third of the folded word, and always less than half
 * of it.
 */
#ifndef PK2D_SUGGEST_H
#define PK2D_SUGGEST_H

#include <stddef.h>

/* Levenshtein distance of a and b as given (no folding), capped: anything
 * above cap is returned as cap + 1. */
size_t edit_distance(const char *a, const char *b, size_t cap);

/* The indexes of at most max candidates that are likely typos of word,
 * nearest first, ties in the candidates' order, written to out; returns how
 * many. NULL candidates are skipped. */
size_t suggest(const char *word, const char *const *candidates, size_t n,
               size_t *out, size_t max);

/* The same, but the nearest candidates however far (for a word that must
 * be one of them: a lokus village among its regency's villages). */
size_t suggest_nearest(const char *word, const char *const *candidates, size_t n,
                       size_t *out, size_t max);

/* Whether a and b are one word once folded ("J K" and "jk"). */
int same_folded(const char *a, const char *b);

/* The nearest likely typo of word among the candidates, or NULL. */
const char *did_you_mean(const char *word, const char *const *candidates, size_t n);

#endif
