/*
 * report.c - the table of formats and atomic output (see report.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"
#include "tempfile.h"
#include "util.h"
#include "writers.h"

const report_format report_formats[] = {
	{ "text", ".txt", NULL, 0, report_text_write, "text" },
	{ "json", ".json", NULL, 0, report_json_write, "JSON" },
	{ "html", ".html", ".htm", 1, report_html_write, "HTML" },
	{ "md", ".md", NULL, 1, report_md_write, "Markdown" },
	{ "csv", ".csv", NULL, 1, report_csv_write, "CSV" },
	{ "xlsx", ".xlsx", NULL, 1, report_xlsx_write, "XLSX" },
	{ "dhis2", ".dhis2.json", NULL, 1, report_dhis2_write, "DHIS2" },
	{ "dhis2-metadata", ".dhis2-metadata.json", NULL, 1, report_dhis2_meta_write,
	  "DHIS2 metadata" },
	{ "pdf", ".pdf", NULL, 1, report_pdf_write, "PDF" },
	{ NULL, NULL, NULL, 0, NULL, NULL },
};

const report_format *report_find_format(const char *name)
{
	for (const report_format *f = report_formats; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

/* The length of ext when path ends with it (and has more before it), else 0. */
static size_t ends_with(const char *path, const char *ext)
{
	size_t n = strlen(path), k = ext ? strlen(ext) : 0;

	return k && n > k && strcasecmp(path + n - k, ext) == 0 ? k : 0;
}

const report_format *report_format_of_path(const char *path, size_t *ext_len)
{
	const report_format *best = NULL;
	size_t best_len = 0;

	for (const report_format *f = report_formats; f->name; f++) {
		size_t k = ends_with(path, f->ext);

		if (!k)
			k = ends_with(path, f->also_ext);
		if (k > best_len) {
			best = f;
			best_len = k;
		}
	}
	if (ext_len)
		*ext_len = best_len;
	return best;
}

/* Each format's name (or extension) after the other, sep between, into buf
 * once. */
static const char *join_formats(char *buf, size_t len, const char *sep, int ext)
{
	if (!buf[0]) {
		size_t off = 0;
		for (const report_format *f = report_formats; f->name && off < len; f++)
			off += (size_t)snprintf(buf + off, len - off, "%s%s",
			                        f == report_formats ? "" : sep, ext ? f->ext : f->name);
	}
	return buf;
}

const char *report_format_names(void)
{
	static char names[256];

	return join_formats(names, sizeof names, ", ", 0);
}

const char *report_format_extensions(void)
{
	static char exts[256];

	return join_formats(exts, sizeof exts, " ", 1);
}

/* fmt->write into f; a failure names what is written (the file, or
 * "standard output") before the writer's reason. */
static int write_named(const report_view *v, const report_format *fmt, FILE *f,
                       const char *what, char *err, size_t errlen)
{
	int r;

	err[0] = '\0';
	r = fmt->write(v, f, err, errlen);
	if (r == PK2D_ERR_NOMEM && !err[0])
		snprintf(err, errlen, "out of memory");
	else if (r < 0 && !err[0])
		snprintf(err, errlen, "%s", strerror(errno ? errno : EIO));
	if (r < 0) {
		char why[1024];
		snprintf(why, sizeof why, "%s", err);
		snprintf(err, errlen, "%s: %s", what, why);
	}
	return r;
}

int report_write_file(const report_view *v, const report_format *fmt, const char *path,
                      char *err, size_t errlen)
{
	if (fmt->needs_assessment && !v->as) {
		snprintf(err, errlen, "%s: the %s report needs the assessment: no model was found "
		         "([pk2d] model, or models/ikk.ini next to the configuration) or the "
		         "assessment failed", path && strcmp(path, "-") ? path : "standard output",
		         fmt->title);
		return PK2D_ERR_DATA;
	}
	if (!path || !strcmp(path, "-")) {
		int r = write_named(v, fmt, stdout, "standard output", err, errlen);
		if (r == 0 && fflush(stdout) != 0) {
			snprintf(err, errlen, "standard output: %s", strerror(errno));
			return PK2D_ERR_IO;
		}
		return r;
	}
	/* A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written
	 * in place: renaming a file over it would replace the device. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		FILE *dev = fopen(path, "w");
		if (!dev) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return PK2D_ERR_IO;
		}
		int r = write_named(v, fmt, dev, path, err, errlen);
		if (fclose(dev) != 0 && r == 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			r = PK2D_ERR_IO;
		}
		return r;
	}
	char *dir = path_dirname(path);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char *tmp = NULL;
	int fd = tempfile_create(dir, base, NULL, &tmp);
	free(dir);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a temporary file: %s", path, strerror(errno));
		return PK2D_ERR_IO;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		tempfile_done(tmp);
		free(tmp);
		return PK2D_ERR_IO;
	}
	int r = write_named(v, fmt, f, path, err, errlen);
	if (r == 0 && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		r = PK2D_ERR_IO;
	}
	if (fclose(f) != 0 && r == 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		r = PK2D_ERR_IO;
	}
	/* mkstemp makes the file 0600; a report is as readable as any file
	 * the user creates. */
	if (r == 0) {
		mode_t um = umask(0);
		umask(um);
		chmod(tmp, 0666 & ~um);
	}
	if (r == 0)
		tempfile_test_pause("report");
	if (r == 0 && rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		r = PK2D_ERR_IO;
	}
	if (r != 0)
		unlink(tmp);
	tempfile_done(tmp);
	free(tmp);
	return r;
}
