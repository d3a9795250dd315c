/*
 * model_ini.c - inih fed by our own line reader, so that every callback knows
 * its line and a line inih would cut (r55 splits lines of 200 bytes and more)
 * is refused instead of misread.
 */
#include <config.h>

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "model_ini.h"

/* inih r55 on Debian reads at most this many bytes of a line. */
#define INI_LINE_MAX 199

typedef struct reader {
	FILE *f;
	long line;
	long bad_line;            /* a line too long for inih, or 0 */
	int read_error;
	model_ini_section_fn on_section;
	model_ini_key_fn on_key;
	void *ud;
} reader;

/* Reports a section header line "[name]" to the caller. */
static void section_line(reader *rd, const char *s)
{
	const char *end;
	char name[INI_LINE_MAX + 1];
	size_t len;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '[')
		return;
	end = strchr(s, ']');
	if (!end)
		return;
	s++;
	while (*s == ' ' || *s == '\t')
		s++;
	len = (size_t)(end - s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	memcpy(name, s, len);
	name[len] = '\0';
	rd->on_section(rd->ud, name, rd->line);
}

static char *read_line(char *str, int num, void *stream)
{
	reader *rd = stream;
	size_t len;
	int c;

	if (rd->bad_line || rd->read_error)
		return NULL;
	if (!fgets(str, num, rd->f)) {
		if (ferror(rd->f))
			rd->read_error = 1;
		return NULL;
	}
	rd->line++;
	len = strlen(str);
	if (len && str[len - 1] != '\n' && !feof(rd->f)) {
		/* Longer than inih's buffer: refuse instead of splitting it. */
		rd->bad_line = rd->line;
		while ((c = fgetc(rd->f)) != EOF && c != '\n')
			;
		return NULL;
	}
	section_line(rd, str);
	return str;
}

static int on_value(void *user, const char *section, const char *name, const char *value)
{
	reader *rd = user;

	rd->on_key(rd->ud, section, name, value, rd->line);
	return 1;
}

int model_ini_parse(const char *path, model_ini_section_fn on_section,
                    model_ini_key_fn on_key, void *ud, char *err, size_t errlen)
{
	reader rd = { 0 };
	int rc;

	rd.f = fopen(path, "r");
	if (!rd.f) {
		snprintf(err, errlen, "cannot open: %s", strerror(errno));
		return PK2D_ERR_IO;
	}
	rd.on_section = on_section;
	rd.on_key = on_key;
	rd.ud = ud;
	rc = ini_parse_stream(read_line, &rd, on_value, &rd);
	fclose(rd.f);
	if (rd.read_error) {
		snprintf(err, errlen, "read error");
		return PK2D_ERR_IO;
	}
	if (rd.bad_line) {
		snprintf(err, errlen, "%s:%ld: the line is longer than %d bytes", path,
		         rd.bad_line, INI_LINE_MAX - 1);
		return PK2D_ERR_CONFIG;
	}
	if (rc > 0) {
		snprintf(err, errlen, "%s:%d: not a [section], a key = value line or a comment",
		         path, rc);
		return PK2D_ERR_CONFIG;
	}
	if (rc < 0) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	return 0;
}
