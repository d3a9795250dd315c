/*
 * suggest.c - "did you mean": edit distance over folded words (suggest.h).
 */
#include "config.h"

#include <string.h>

#include "suggest.h"

/* Longest word compared; longer words (no key or header is) suggest nothing. */
#define SUGGEST_MAX_LEN 256

size_t edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > cap || lb > SUGGEST_MAX_LEN)
		return cap + 1;
	size_t row[SUGGEST_MAX_LEN + 1];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb] > cap ? cap + 1 : row[lb];
}

/* Lower case without blanks and separators; 0 when s is too long. */
static size_t fold(const char *s, char *out)
{
	size_t n = 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.')
			continue;
		if (n == SUGGEST_MAX_LEN)
			return 0;
		out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	out[n] = '\0';
	return n;
}

/* The largest distance at which a candidate still reads as a typo of a
 * folded word of len characters. */
static size_t typo_limit(size_t len)
{
	size_t limit = len / 3 > 2 ? len / 3 : 2;
	/* ... and always less than half the word. */
	while (limit > 0 && limit * 2 >= len + 1)
		limit--;
	return limit;
}

/* The candidates within limit of the folded word fw, nearest first. */
static size_t rank(const char *fw, size_t limit, const char *const *candidates, size_t n,
                   size_t *out, size_t max)
{
	char fc[SUGGEST_MAX_LEN + 1];
	size_t dist[max];
	size_t found = 0;
	for (size_t i = 0; i < n; i++) {
		if (!candidates[i] || !fold(candidates[i], fc))
			continue;
		size_t d = edit_distance(fw, fc, limit);
		if (d > limit)
			continue;
		/* Insert by distance; an equal distance goes after the earlier ones. */
		size_t at = found;
		while (at > 0 && dist[at - 1] > d)
			at--;
		if (at == max)
			continue;
		size_t last = found < max ? found : max - 1;
		for (size_t k = last; k > at; k--) {
			out[k] = out[k - 1];
			dist[k] = dist[k - 1];
		}
		out[at] = i;
		dist[at] = d;
		if (found < max)
			found++;
	}
	return found;
}

size_t suggest(const char *word, const char *const *candidates, size_t n,
               size_t *out, size_t max)
{
	char fw[SUGGEST_MAX_LEN + 1];
	size_t lw = fold(word, fw);

	if (lw == 0 || max == 0)
		return 0;
	return rank(fw, typo_limit(lw), candidates, n, out, max);
}

size_t suggest_nearest(const char *word, const char *const *candidates, size_t n,
                       size_t *out, size_t max)
{
	char fw[SUGGEST_MAX_LEN + 1];

	if (!fold(word, fw) || max == 0)
		return 0;
	return rank(fw, SUGGEST_MAX_LEN, candidates, n, out, max);
}

int same_folded(const char *a, const char *b)
{
	char fa[SUGGEST_MAX_LEN + 1], fb[SUGGEST_MAX_LEN + 1];
	return fold(a, fa) && fold(b, fb) && strcmp(fa, fb) == 0;
}

const char *did_you_mean(const char *word, const char *const *candidates, size_t n)
{
	size_t best;
	return suggest(word, candidates, n, &best, 1) ? candidates[best] : NULL;
}
