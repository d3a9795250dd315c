/*
 * regions.c - the code table, read one row at a time.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "regions.h"

int regions_code_level(const char *code)
{
	static const int width[4] = { 2, 2, 2, 4 };
	const char *p = code;

	for (int level = 0; level < 4; level++) {
		for (int i = 0; i < width[level]; i++, p++)
			if (!isdigit((unsigned char)*p))
				return 0;
		if (*p == '\0')
			return level + 1;
		if (*p != '.' || level == 3)
			return 0;
		p++;
	}
	return 0;
}

int regions_within(const char *code, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(code, prefix, n) == 0 && (code[n] == '\0' || code[n] == '.' || n == 0);
}

int regions_open(region_reader *r, const char *path, char *err, size_t errlen)
{
	memset(r, 0, sizeof(*r));
	r->path = strdup(path);
	r->f = r->path ? fopen(path, "r") : NULL;
	if (!r->f) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		free(r->path);
		r->path = NULL;
		return PK2D_ERR_IO;
	}
	if (!fgets(r->line, sizeof(r->line), r->f) || strncmp(r->line, "kode,nama,tingkat", 17) != 0) {
		snprintf(err, errlen, "%s:1: header is not kode,nama,tingkat", path);
		regions_close(r);
		return PK2D_ERR_DATA;
	}
	r->lineno = 1;
	return 0;
}

/* Copies one CSV field (quoted or not) from *p into out; advances *p past
 * the separator. -1 when the field does not fit or a quote is unterminated. */
static int field(const char **p, char *out, size_t outlen)
{
	const char *s = *p;
	size_t n = 0;

	if (*s == '"') {
		s++;
		for (;;) {
			if (*s == '\0' || *s == '\n')
				return -1;
			if (*s == '"') {
				if (s[1] != '"') {
					s++;
					break;
				}
				s++;
			}
			if (n + 1 >= outlen)
				return -1;
			out[n++] = *s++;
		}
	} else {
		while (*s && *s != ',' && *s != '\n' && *s != '\r') {
			if (n + 1 >= outlen)
				return -1;
			out[n++] = *s++;
		}
	}
	out[n] = '\0';
	if (*s == ',')
		s++;
	*p = s;
	return 0;
}

int regions_next(region_reader *r, char *err, size_t errlen)
{
	const char *p;

	if (!fgets(r->line, sizeof(r->line), r->f)) {
		if (ferror(r->f)) {
			snprintf(err, errlen, "%s: read error", r->path);
			return PK2D_ERR_IO;
		}
		return 0;
	}
	r->lineno++;
	p = r->line;
	if (!strchr(r->line, '\n') && !feof(r->f)) {
		snprintf(err, errlen, "%s:%ld: line too long", r->path, r->lineno);
		return PK2D_ERR_DATA;
	}
	if (field(&p, r->code, sizeof(r->code)) || field(&p, r->name, sizeof(r->name))) {
		snprintf(err, errlen, "%s:%ld: malformed row", r->path, r->lineno);
		return PK2D_ERR_DATA;
	}
	r->level = regions_code_level(r->code);
	if (!r->level) {
		snprintf(err, errlen, "%s:%ld: malformed code '%s'", r->path, r->lineno, r->code);
		return PK2D_ERR_DATA;
	}
	return 1;
}

void regions_close(region_reader *r)
{
	if (r->f)
		fclose(r->f);
	free(r->path);
	r->f = NULL;
	r->path = NULL;
}
