/*
 * xlsx.c - a workbook's table, streamed (xlsx.h).
 *
 * libzip unpacks the parts. expat parses the small parts (workbook, its
 * relationships, styles) whole when the book opens. The shared strings
 * (read whole when the book opens too) and the sheets, nearly all of a
 * workbook's bytes, are the hot path: they are read by the hand-written
 * xml_scan.h, a token at a time, and each xlsx_next() scans on to the end
 * of the next <row>.
 */
#include "config.h"

#include <expat.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "pk2d/plugin.h"
#include "suggest.h"
#include "utf8.h"
#include "xlsx.h"
#include "xml_scan.h"
#include "xlsx_cell.h"

#define CHUNK (64 * 1024)
/* Unpacked bytes every part may have whatever its packed size. */
#define RATIO_GRACE ((uint64_t)16 << 20)
/* The most text of one cell (Excel's own limit is 32,767 characters) and
 * of one row. */
#define CELL_MAX ((size_t)1 << 20)
#define ROW_MAX ((size_t)32 << 20)
#define MAX_ENTRIES 100000

static uint64_t part_limit = (uint64_t)4 << 30;
static size_t strings_limit = (size_t)512 << 20;

void xlsx_tune(uint64_t part, size_t strings)
{
	if (part)
		part_limit = part;
	if (strings)
		strings_limit = strings;
}

struct sheet {
	char *name, *rid, *part, *where;
	int hidden;
	long rows, first_row;   /* after the table's end: its rows with text */
};

/* One zip entry being unpacked. */
struct part {
	zip_file_t *zf;
	char *name;
	uint64_t packed, total;
};

/* A cell of the row being parsed: its column, where its text is (in the
 * row buffer, or a shared string's in theirs), and whether it was a whole
 * number (for the code checks). */
enum { CELL_TEXT, CELL_INTEGER, CELL_LONG };
struct cell {
	int col;
	int kind;
	int shared;
	size_t off;
};

/* A part read by xml_scan: a sheet, or the shared strings (read as far as
 * the rows need them, beside the sheet). */
struct scan {
	xlsx_book *b;
	struct part part;
	xml_scan x;
	int on;                 /* x is set up */
	int collect;            /* the scan's text goes to text */
	int in_rph;             /* inside phonetic text: skipped */
	char *text;
	size_t text_len, text_cap;
};

struct xlsx_book {
	zip_t *zip;
	char *file;
	char err[200];
	int failed;
	/* workbook */
	struct sheet *sheets;
	int n_sheets;
	int date1904;
	char *strings_part, *styles_part;
	long *xf_date;          /* per cell format: its numFmtId, then whether it
	                           shows a date (resolve_styles) */
	size_t n_xf;
	long *fmt_date;         /* custom number formats that show dates */
	size_t n_fmt_date;
	/* shared strings: text arena (each one trimmed and cleaned as a
	 * cell's text is), each one's offset and UTF8_FIXED_* bits */
	char *ss;
	size_t ss_len, ss_cap, *ss_off, n_ss, cap_ss;
	unsigned char *ss_fixed;
	struct scan strings;    /* the rest of them */
	int strings_done;       /* all read */
	/* a small part's parse (expat) */
	XML_Parser xp;
	struct part part;
	int depth;              /* elements open */
	int in_xfs;             /* styles: inside cellXfs */
	char why[160];          /* a scan's malformed XML */
	/* the sheet being read */
	struct scan sheet;
	int cur;                /* index in sheets */
	int table_sheet;        /* its number in the table (0: the first) */
	int *table_sheets;      /* the sheets index of each of the table's sheets */
	int row_fixed;          /* UTF8_FIXED_* bits of the row's text */
	int sheet_done, done;
	long row, last_row;
	long sheet_rows, sheet_first; /* rows with cells read on the sheet, the first's */
	char row_ref[8];        /* the row's number as cell references write it */
	size_t row_ref_len;
	int col, cell_type, cell_style, in_cell;
	struct cell *cells;
	int n_cells, cap_cells;
	char *rowbuf;
	size_t row_len, row_cap;
	/* the table */
	int first_col;          /* -1 until the header sets it */
	long header_row;        /* the selector's row, or where the header was found */
	int header_given;       /* the selector named the header cell */
	char **header;
	int n_header, header_seen;
	char **fields;
	int cap_fields;
	size_t *zeros;          /* per table column: longest code with a leading 0 seen */
	int cap_zeros;
};

static char empty_field[1];

/* ---- errors -------------------------------------------------------------- */

static int fail(xlsx_book *b, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(xlsx_book *b, int rc, const char *fmt, ...)
{
	va_list ap;

	if (!b->failed) {
		va_start(ap, fmt);
		vsnprintf(b->err, sizeof b->err, fmt, ap);
		va_end(ap);
		b->failed = rc;
	}
	if (b->xp)
		XML_StopParser(b->xp, XML_FALSE);
	return rc;
}

static int nomem(xlsx_book *b)
{
	return fail(b, PK2D_ERR_NOMEM, "out of memory");
}

/* The current cell's reference, "C17". */
static const char *cell_name(const xlsx_book *b, char out[16])
{
	char col[4];

	xlsx_colname(b->col, col);
	snprintf(out, 16, "%s%ld", col, b->row);
	return out;
}

/* ---- parts ---------------------------------------------------------------- */

static void part_close(struct part *p)
{
	if (p->zf)
		zip_fclose(p->zf);
	free(p->name);
	memset(p, 0, sizeof *p);
}

/* Opens the entry name: 1, 0 when the workbook has none, <0 on error. */
static int part_open(xlsx_book *b, struct part *p, const char *name)
{
	zip_int64_t i = zip_name_locate(b->zip, name, ZIP_FL_NOCASE);
	zip_stat_t st;

	memset(p, 0, sizeof *p);
	if (i < 0)
		return 0;
	zip_stat_init(&st);
	if (zip_stat_index(b->zip, (zip_uint64_t)i, 0, &st) < 0)
		return fail(b, PK2D_ERR_DATA, "%s: %s", name, zip_strerror(b->zip));
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return fail(b, PK2D_ERR_DATA, "%s: encrypted: save the workbook without a password",
		            name);
	if ((st.valid & ZIP_STAT_SIZE) && st.size > part_limit)
		return fail(b, PK2D_ERR_DATA, "%s: unpacks to %llu bytes, more than the %llu read: "
		            "not read", name, (unsigned long long)st.size,
		            (unsigned long long)part_limit);
	p->packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
	if (!(p->name = strdup(name)))
		return nomem(b);
	if (!(p->zf = zip_fopen_index(b->zip, (zip_uint64_t)i, 0)))
		return fail(b, PK2D_ERR_DATA, "%s: %s", name, zip_strerror(b->zip));
	return 1;
}

/* Unpacks up to n bytes: how many (0 at the end), or <0. The bytes
 * counted against the part's packed size stop a zip bomb early. */
static zip_int64_t part_read(xlsx_book *b, struct part *p, char *buf, size_t n)
{
	zip_int64_t got = zip_fread(p->zf, buf, n);

	if (got < 0)
		return fail(b, PK2D_ERR_DATA, "%s: cannot unpack: %s", p->name,
		            zip_file_strerror(p->zf));
	p->total += (uint64_t)got;
	if (p->total > part_limit)
		return fail(b, PK2D_ERR_DATA, "%s: unpacks to more than %llu bytes: not read",
		            p->name, (unsigned long long)part_limit);
	if (p->total > RATIO_GRACE && p->total / XLSX_RATIO > p->packed)
		return fail(b, PK2D_ERR_DATA, "%s: unpacks to more than %d times its packed size: "
		            "not read (a zip bomb?)", p->name, XLSX_RATIO);
	return got;
}

/* ---- XML ------------------------------------------------------------------- */

/* The name without its prefix ("x:row" is "row"); a loop rather than
 * strrchr, for names of a few letters. */
static const char *local(const char *name)
{
	const char *n = name;

	for (const char *p = name; *p; p++)
		if (*p == ':')
			n = p + 1;
	return n;
}

static const char *attr(const char **a, const char *name)
{
	for (; a[0]; a += 2)
		if (strcmp(local(a[0]), name) == 0)
			return a[1];
	return NULL;
}

/* Every start handler calls it first: 0, or -1 when the nesting is too
 * deep (the parse is stopped). */
static int enter(xlsx_book *b)
{
	if (++b->depth > XLSX_DEPTH) {
		fail(b, PK2D_ERR_DATA, "%s: XML nested more than %d deep: not read", b->part.name,
		     XLSX_DEPTH);
		return -1;
	}
	return 0;
}

static void leave(xlsx_book *b)
{
	b->depth--;
}

static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sys, const XML_Char *pub,
                       int internal)
{
	xlsx_book *b = ud;

	(void)name, (void)sys, (void)pub, (void)internal;
	fail(b, PK2D_ERR_DATA, "%s: a DOCTYPE, which no workbook has: not read", b->part.name);
}

/* Appends the scan's text to the text collected: 0, or <0. */
static int append_text(struct scan *s)
{
	xlsx_book *b = s->b;
	size_t len = s->x.text_len;

	if (s->text_len + len + 1 > CELL_MAX) {
		char ref[16];
		if (s == &b->sheet && b->in_cell)
			return fail(b, PK2D_ERR_DATA, "%s: more than %zu bytes of text in one cell",
			            cell_name(b, ref), CELL_MAX);
		return fail(b, PK2D_ERR_DATA, "%s: a text of more than %zu bytes", s->part.name,
		            CELL_MAX);
	}
	if (s->text_len + len + 1 > s->text_cap) {
		size_t cap = s->text_cap ? s->text_cap : 256;
		char *t;

		while (cap < s->text_len + len + 1)
			cap *= 2;
		if (!(t = realloc(s->text, cap)))
			return nomem(b);
		s->text = t;
		s->text_cap = cap;
	}
	memcpy(s->text + s->text_len, s->x.text, len);
	s->text_len += len;
	s->text[s->text_len] = '\0';
	return 0;
}

static XML_Parser parser_new(xlsx_book *b, XML_StartElementHandler start,
                             XML_EndElementHandler end)
{
	XML_Parser p = XML_ParserCreate(NULL);

	if (!p)
		return NULL;
	XML_SetUserData(p, b);
	XML_SetElementHandler(p, start, end);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	b->depth = 0;
	return p;
}

/* The message for a parse that stopped: the handler's, or expat's. */
static int xml_failed(xlsx_book *b)
{
	if (b->failed)
		return b->failed;
	return fail(b, PK2D_ERR_DATA, "%s: malformed XML at line %lu, column %lu: %s",
	            b->part.name, (unsigned long)XML_GetCurrentLineNumber(b->xp),
	            (unsigned long)XML_GetCurrentColumnNumber(b->xp),
	            XML_ErrorString(XML_GetErrorCode(b->xp)));
}

/* Parses the whole part name with the handlers: 1, 0 when the workbook has
 * no such part, <0 on error. */
static int parse_part(xlsx_book *b, const char *name, XML_StartElementHandler start,
                      XML_EndElementHandler end)
{
	char *buf = malloc(CHUNK);
	int rc = part_open(b, &b->part, name);
	zip_int64_t n;

	if (!buf)
		rc = nomem(b);
	if (rc <= 0) {
		free(buf);
		part_close(&b->part);
		return rc;
	}
	if (!(b->xp = parser_new(b, start, end))) {
		free(buf);
		part_close(&b->part);
		return nomem(b);
	}
	do {
		if ((n = part_read(b, &b->part, buf, CHUNK)) < 0)
			break;
		if (XML_Parse(b->xp, buf, (int)n, n == 0) != XML_STATUS_OK) {
			xml_failed(b);
			break;
		}
	} while (n > 0);
	XML_ParserFree(b->xp);
	b->xp = NULL;
	free(buf);
	part_close(&b->part);
	return b->failed ? b->failed : 1;
}

static long long scan_read(void *ud, char *buf, size_t n)
{
	struct scan *s = ud;

	return part_read(s->b, &s->part, buf, n);
}

static void scan_close(struct scan *s)
{
	if (s->on)
		xml_scan_free(&s->x);
	s->on = 0;
	part_close(&s->part);
}

/* Opens the part name for a scan: 1, 0 when the workbook has none, <0. */
static int scan_open(xlsx_book *b, struct scan *s, const char *name)
{
	int rc;

	scan_close(s);
	s->b = b;
	if ((rc = part_open(b, &s->part, name)) <= 0)
		return rc;
	s->x = (xml_scan){ .ud = s, .read = scan_read };
	if (xml_scan_init(&s->x) < 0)
		return nomem(b);
	s->on = 1;
	s->collect = s->in_rph = 0;
	s->text_len = 0;
	return 1;
}

/* The scan's next token (XML_SCAN_*), 0 at the part's end, or <0 with the
 * error set. */
static int scan_token(struct scan *s)
{
	xlsx_book *b = s->b;
	int rc = xml_scan_next(&s->x, b->why, sizeof b->why);

	if (rc == XML_SCAN_START && s->x.depth > XLSX_DEPTH)
		return fail(b, PK2D_ERR_DATA, "%s: XML nested more than %d deep: not read",
		            s->part.name, XLSX_DEPTH);
	if (rc >= 0)
		return rc;
	if (b->failed) /* the part's reader failed */
		return b->failed;
	if (rc == -3)
		return nomem(b);
	return fail(b, PK2D_ERR_DATA, "%s: %s", s->part.name, b->why);
}

/* The local part of the name of len bytes at name; *len becomes its
 * length. */
static const char *local_n(const char *name, size_t *len)
{
	const char *n = name;

	for (size_t i = 0; i < *len; i++)
		if (name[i] == ':')
			n = name + i + 1;
	*len -= (size_t)(n - name);
	return n;
}

/* The local name of the element the scan is at, and its length. */
static const char *scan_local(const struct scan *s, size_t *len)
{
	*len = s->x.name_len;
	return local_n(s->x.name, len);
}

/* ---- workbook, relationships, styles, shared strings --------------------- */

static void wb_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	xlsx_book *b = ud;
	const char *n = local(name), *v;

	if (enter(b) < 0)
		return;
	if (strcmp(n, "workbookPr") == 0 && (v = attr(a, "date1904")))
		b->date1904 = strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0;
	if (strcmp(n, "sheet") != 0)
		return;
	const char *sname = attr(a, "name"), *rid = attr(a, "id"), *state = attr(a, "state");
	struct sheet *s;

	if (!sname || !rid) {
		fail(b, PK2D_ERR_DATA, "%s: a sheet without a name or relationship", b->part.name);
		return;
	}
	if (b->n_sheets >= MAX_ENTRIES) {
		fail(b, PK2D_ERR_DATA, "%s: more than %d sheets", b->part.name, MAX_ENTRIES);
		return;
	}
	if (!(s = realloc(b->sheets, (size_t)(b->n_sheets + 1) * sizeof *s))) {
		nomem(b);
		return;
	}
	b->sheets = s;
	s = &b->sheets[b->n_sheets++];
	memset(s, 0, sizeof *s);
	s->hidden = state && strcmp(state, "visible") != 0;
	if (!(s->name = utf8_clean_dup(sname, &(int){ 0 })))
		s->name = strdup(sname);
	s->rid = strdup(rid);
	if (!s->name || !s->rid)
		nomem(b);
}

/* The part a relationship's target names, from the folder xl/. */
static char *target_part(const char *target)
{
	char *p;

	if (target[0] == '/')
		return strdup(target + 1);
	if (strncmp(target, "../", 3) == 0)
		return strdup(target + 3);
	if (asprintf(&p, "xl/%s", target) < 0)
		return NULL;
	return p;
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

static void rels_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	xlsx_book *b = ud;
	const char *id = attr(a, "Id"), *target = attr(a, "Target"), *type = attr(a, "Type");
	char **slot = NULL;

	if (enter(b) < 0 || strcmp(local(name), "Relationship") != 0 || !id || !target || !type)
		return;
	if (ends_with(type, "/sharedStrings"))
		slot = &b->strings_part;
	else if (ends_with(type, "/styles"))
		slot = &b->styles_part;
	for (int i = 0; !slot && i < b->n_sheets; i++)
		if (!b->sheets[i].part && strcmp(b->sheets[i].rid, id) == 0)
			slot = &b->sheets[i].part;
	if (!slot || *slot)
		return;
	if (!(*slot = target_part(target)))
		nomem(b);
}

/* numFmts come before cellXfs in every workbook seen, but the schema does
 * not promise it: cellXfs keep their numFmtId until the part is read. */
static void styles_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	xlsx_book *b = ud;
	const char *n = local(name), *id = attr(a, "numFmtId");

	if (enter(b) < 0)
		return;
	if (strcmp(n, "cellXfs") == 0)
		b->in_xfs = 1;
	if (!id)
		return;
	if (strcmp(n, "numFmt") == 0) {
		const char *code = attr(a, "formatCode");
		long *f;

		if (!code || !xlsx_format_is_date(code) || b->n_fmt_date >= MAX_ENTRIES)
			return;
		if (!(f = realloc(b->fmt_date, (b->n_fmt_date + 1) * sizeof *f))) {
			nomem(b);
			return;
		}
		b->fmt_date = f;
		f[b->n_fmt_date++] = strtol(id, NULL, 10);
	} else if (strcmp(n, "xf") == 0 && b->in_xfs) {
		long *x;

		if (b->n_xf >= MAX_ENTRIES) {
			fail(b, PK2D_ERR_DATA, "%s: more than %d cell formats", b->part.name,
			     MAX_ENTRIES);
			return;
		}
		if (!(x = realloc(b->xf_date, (b->n_xf + 1) * sizeof *x))) {
			nomem(b);
			return;
		}
		b->xf_date = x;
		x[b->n_xf++] = strtol(id, NULL, 10);
	}
}

static void styles_end(void *ud, const XML_Char *name)
{
	xlsx_book *b = ud;

	leave(b);
	if (strcmp(local(name), "cellXfs") == 0)
		b->in_xfs = 0;
}

/* Turns each cell format's numFmtId into whether it shows a date. */
static void resolve_styles(xlsx_book *b)
{
	for (size_t i = 0; i < b->n_xf; i++) {
		long id = b->xf_date[i];
		int date = xlsx_builtin_is_date(id);

		for (size_t k = 0; !date && k < b->n_fmt_date; k++)
			date = b->fmt_date[k] == id;
		b->xf_date[i] = date;
	}
}

static void end_plain(void *ud, const XML_Char *name)
{
	(void)name;
	leave(ud);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Appends the text collected, unescaped, as the next shared string,
 * trimmed and cleaned once here rather than in every cell: 0, or <0. */
static int sst_add(xlsx_book *b)
{
	struct scan *s = &b->strings;
	size_t len = s->text_len ? xlsx_unescape(s->text, s->text_len) : 0;
	const char *t = s->text;
	int fixed = 0;

	while (len > 0 && is_blank(*t)) {
		t++;
		len--;
	}
	while (len > 0 && is_blank(t[len - 1]))
		len--;

	if (b->ss_len + len + 1 > strings_limit)
		return fail(b, PK2D_ERR_DATA, "%s: more than %zu bytes of shared strings: not read",
		            s->part.name, strings_limit);
	if (b->n_ss == b->cap_ss) {
		size_t cap = b->cap_ss ? b->cap_ss * 2 : 1024;
		size_t *o = realloc(b->ss_off, cap * sizeof *o);
		unsigned char *f = o ? realloc(b->ss_fixed, cap) : NULL;

		if (o)
			b->ss_off = o;
		if (!f)
			return nomem(b);
		b->ss_fixed = f;
		b->cap_ss = cap;
	}
	if (b->ss_len + UTF8_CLEAN_MAX(len) > b->ss_cap) {
		size_t cap = b->ss_cap ? b->ss_cap : 65536;
		char *arena;

		while (cap < b->ss_len + UTF8_CLEAN_MAX(len))
			cap *= 2;
		if (!(arena = realloc(b->ss, cap)))
			return nomem(b);
		b->ss = arena;
		b->ss_cap = cap;
	}
	b->ss_off[b->n_ss] = b->ss_len;
	if (utf8_is_clean(t, len)) {
		/* t is NULL for an empty <si/> read first: nothing to copy. */
		if (len)
			memcpy(b->ss + b->ss_len, t, len);
		b->ss[b->ss_len + len] = '\0';
	} else {
		len = utf8_clean(t, len, b->ss + b->ss_len, &fixed);
	}
	b->ss_fixed[b->n_ss++] = (unsigned char)fixed;
	b->ss_len += len + 1;
	return 0;
}

/* Reads on in the shared strings to the end of the next <si>, its <t>
 * texts (its runs) with the phonetic ones left out: 1, 0 at their end, <0
 * on error. They are read as far as the rows need them: a book opened
 * for its header reads a few of them. */
static int strings_more(xlsx_book *b)
{
	struct scan *s = &b->strings;
	int rc;

	if (b->strings_done)
		return 0;
	while ((rc = scan_token(s)) > 0) {
		size_t len;
		const char *n;

		if (rc == XML_SCAN_TEXT) {
			if (s->collect && !s->in_rph && append_text(s) < 0)
				return b->failed;
			continue;
		}
		n = scan_local(s, &len);
		if (len == 2 && !memcmp(n, "si", 2) && rc == XML_SCAN_START) {
			s->text_len = 0;
			/* Most are <si><t>text</t></si>: read at once. */
			if (!s->in_rph && s->x.depth < XLSX_DEPTH && xml_scan_value(&s->x, "t", 1))
				return append_text(s) < 0 || sst_add(b) < 0 ? b->failed : 1;
		} else if (len == 1 && n[0] == 't') {
			s->collect = rc == XML_SCAN_START;
		} else if (len == 3 && !memcmp(n, "rPh", 3)) {
			s->in_rph = rc == XML_SCAN_START;
		} else if (len == 2 && !memcmp(n, "si", 2)) {
			return sst_add(b) < 0 ? b->failed : 1;
		}
	}
	if (rc == 0) {
		b->strings_done = 1;
		scan_close(s);
	}
	return rc;
}

/* ---- a sheet's rows ------------------------------------------------------- */

static int reserve_row(xlsx_book *b, size_t more)
{
	if (b->row_len + more > ROW_MAX)
		return fail(b, PK2D_ERR_DATA, "row %ld: more than %zu bytes of text", b->row, ROW_MAX);
	if (b->row_len + more > b->row_cap) {
		size_t cap = b->row_cap ? b->row_cap : 4096;
		char *r;

		while (cap < b->row_len + more)
			cap *= 2;
		if (!(r = realloc(b->rowbuf, cap)))
			return nomem(b);
		b->rowbuf = r;
		b->row_cap = cap;
	}
	return 0;
}

/* A new cell of the row at the current column: NULL when out of memory. */
static struct cell *new_cell(xlsx_book *b, int kind)
{
	struct cell *c;

	if (b->n_cells == b->cap_cells) {
		int cap = b->cap_cells ? b->cap_cells * 2 : 64;
		struct cell *nc = realloc(b->cells, (size_t)cap * sizeof *nc);

		if (!nc) {
			nomem(b);
			return NULL;
		}
		b->cells = nc;
		b->cap_cells = cap;
	}
	c = &b->cells[b->n_cells++];
	c->col = b->col;
	c->kind = kind;
	c->shared = 0;
	c->off = b->row_len;
	return c;
}

/* Adds the current cell's text (len bytes at s) to the row, trimmed of
 * blanks, cleaned (ascii: it is printable ASCII already); nothing for an
 * empty one. */
static void add_cell(xlsx_book *b, const char *s, size_t len, int kind, int ascii)
{
	while (len > 0 && is_blank(*s)) {
		s++;
		len--;
	}
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	if (len == 0 || reserve_row(b, UTF8_CLEAN_MAX(len)) < 0 || !new_cell(b, kind))
		return;
	if (ascii || utf8_is_clean(s, len)) {
		memcpy(b->rowbuf + b->row_len, s, len);
		b->rowbuf[b->row_len + len] = '\0';
		b->row_len += len + 1;
	} else {
		int fixed;
		b->row_len += utf8_clean(s, len, b->rowbuf + b->row_len, &fixed) + 1;
		b->row_fixed |= fixed;
	}
}

/* The shared string index v, digits only: 0 and *i when it names one
 * (the strings read on as far as it), or -1. */
static int ss_index(xlsx_book *b, const char *v, size_t *i)
{
	size_t x = 0;

	if (!*v)
		return -1;
	/* More strings than the bytes they may take are none. */
	for (; *v >= '0' && *v <= '9'; v++)
		if ((x = x * 10 + (size_t)(*v - '0')) >= strings_limit)
			return -1;
	if (*v)
		return -1;
	while (x >= b->n_ss && strings_more(b) > 0)
		;
	*i = x;
	return x < b->n_ss ? 0 : -1;
}

/* The text of a finished cell from its type and value. */
static void finish_cell(xlsx_book *b)
{
	char ref[16], num[XLSX_NUM_MAX];
	char *v = b->sheet.text_len ? b->sheet.text : empty_field;
	size_t len = b->sheet.text_len;
	int t = b->cell_type;

	if (t == 's') {
		struct cell *c;
		size_t i;

		if (!len)
			return;
		if (ss_index(b, v, &i) < 0) {
			while (strings_more(b) > 0) /* all of them, for their count */
				;
			if (b->failed)
				return;
			fail(b, PK2D_ERR_DATA, "%s: shared string '%.20s' of %zu", cell_name(b, ref), v,
			     b->n_ss);
			return;
		}
		if (b->ss[b->ss_off[i]] && (c = new_cell(b, CELL_TEXT))) {
			c->shared = 1;
			c->off = b->ss_off[i];
			b->row_fixed |= b->ss_fixed[i];
		}
	} else if (t == 'i') { /* inlineStr */
		add_cell(b, v, xlsx_unescape(v, len), CELL_TEXT, 0);
	} else if (t == 'b') {
		/* 1 or 0, as the plugins' yes/no columns read them (a CSV
		 * file's TRUE stays the plugin's to read or refuse). */
		if (len)
			add_cell(b, v[0] == '1' ? "1" : "0", 1, CELL_TEXT, 1);
	} else if (t == 'd') { /* ISO 8601: the date, and the time when it has one */
		char *tee = strchr(v, 'T');
		if (tee && strncmp(tee, "T00:00:00", 9) == 0 && strspn(tee + 9, ".0Z") == strlen(tee + 9))
			len = (size_t)(tee - v);
		else if (tee)
			*tee = ' ';
		add_cell(b, v, len, CELL_TEXT, 0);
	} else if (t == 'n' && len) {
		int date = b->cell_style >= 0 && (size_t)b->cell_style < b->n_xf &&
		           b->xf_date[b->cell_style];
		int rc = xlsx_number(v, date, b->date1904, num), digits = 1;
		size_t n;

		for (n = 0; num[n]; n++)
			if (num[n] < '0' || num[n] > '9')
				digits = 0;
		add_cell(b, num, n,
		         rc == XLSX_NUM_LONG                          ? CELL_LONG
		         : !date && rc == XLSX_NUM_OK && digits ? CELL_INTEGER
		                                                      : CELL_TEXT,
		         rc != XLSX_NUM_UNREADABLE);
	} else { /* str (a formula's text), e (an error: "#N/A") */
		add_cell(b, v, len, CELL_TEXT, 0);
	}
}

/* The elements of a sheet that are read. */
enum { EL_OTHER, EL_ROW, EL_C, EL_V, EL_T, EL_RPH, EL_SHEETDATA };

static int sheet_element(const xlsx_book *b)
{
	size_t len;
	const char *n = scan_local(&b->sheet, &len);

	switch (len) {
	case 1:
		return n[0] == 'c' ? EL_C : n[0] == 'v' ? EL_V : n[0] == 't' ? EL_T : EL_OTHER;
	case 3:
		return !memcmp(n, "row", 3) ? EL_ROW : !memcmp(n, "rPh", 3) ? EL_RPH : EL_OTHER;
	case 9:
		return !memcmp(n, "sheetData", 9) ? EL_SHEETDATA : EL_OTHER;
	default:
		return EL_OTHER;
	}
}

/* The scan's attribute of one-letter local name c, or NULL. */
static const xml_attr *scan_attr(const xlsx_book *b, char c)
{
	for (int i = 0; i < b->sheet.x.n_attrs; i++) {
		size_t len = b->sheet.x.attrs[i].name_len;
		const char *n = local_n(b->sheet.x.attrs[i].name, &len);

		if (len == 1 && n[0] == c)
			return &b->sheet.x.attrs[i];
	}
	return NULL;
}

/* The attribute's value as a number of digits only: 0, or -1 when it is
 * not one or is more than max. */
static int attr_number(const xml_attr *a, long max, long *out)
{
	long n = 0;

	if (a->value_len == 0)
		return -1;
	for (size_t i = 0; i < a->value_len; i++)
		if (a->value[i] < '0' || a->value[i] > '9' ||
		    (n = n * 10 + (a->value[i] - '0')) > max)
			return -1;
	*out = n;
	return 0;
}

/* At most 12 bytes of an attribute's value, for a message. */
#define SHOWN(a) (int)((a)->value_len < 12 ? (a)->value_len : 12), (a)->value

static int row_start(xlsx_book *b)
{
	const xml_attr *a = scan_attr(b, 'r');
	long r = b->last_row + 1;

	if (a && (attr_number(a, XLSX_MAX_ROWS, &r) < 0 || r <= b->last_row))
		return fail(b, PK2D_ERR_DATA, "%s: row '%.*s' after row %ld", b->sheet.part.name, SHOWN(a),
		            b->last_row);
	b->row = b->last_row = r;
	b->row_ref_len = 0;
	for (long k = r; k > 0; k /= 10)
		b->row_ref_len++;
	for (long k = r, i = (long)b->row_ref_len - 1; i >= 0; k /= 10, i--)
		b->row_ref[i] = (char)('0' + k % 10);
	b->col = -1;
	b->n_cells = 0;
	b->row_len = 0;
	b->row_fixed = 0;
	return 0;
}

/* Whether the cell reference ref is a column of the current row as its
 * number is written there (nearly every one is: read without
 * xlsx_cellref_n); *col then its column. */
static int same_row(const xlsx_book *b, const xml_attr *ref, int *col)
{
	const char *v = ref->value, *end = v + ref->value_len;
	long c = 0;

	while (v < end && *v >= 'A' && *v <= 'Z' && c <= XLSX_MAX_COLS)
		c = c * 26 + (*v++ - 'A' + 1);
	if (c == 0 || c > XLSX_MAX_COLS || (size_t)(end - v) != b->row_ref_len)
		return 0;
	for (size_t i = 0; i < b->row_ref_len; i++)
		if (v[i] != b->row_ref[i])
			return 0;
	*col = (int)c - 1;
	return 1;
}

/* A <c>: its place, type and style from its attributes r, t and s. */
static int cell_start(xlsx_book *b)
{
	const xml_attr *ref = NULL, *t = NULL;
	char name[16];
	int col = b->col + 1;
	long row = b->row, style = 0;

	for (int i = 0; i < b->sheet.x.n_attrs; i++) {
		const xml_attr *a = &b->sheet.x.attrs[i];
		size_t len = a->name_len;
		const char *n = len == 1 ? a->name : local_n(a->name, &len);

		if (len != 1)
			continue;
		if (n[0] == 'r')
			ref = a;
		else if (n[0] == 't')
			t = a;
		else if (n[0] == 's' && attr_number(a, INT_MAX, &style) < 0)
			style = -1; /* no format: not a date */
	}
	if (ref && !same_row(b, ref, &col) &&
	    (xlsx_cellref_n(ref->value, ref->value_len, &col, &row) < 0 || row != b->row))
		col = -1;
	if (col <= b->col)
		return fail(b, PK2D_ERR_DATA, "%s: cell '%.*s' out of place in row %ld",
		            b->sheet.part.name, SHOWN(ref), b->row);
	if (col >= XLSX_MAX_COLS)
		return fail(b, PK2D_ERR_DATA, "%s: more than %d columns", cell_name(b, name),
		            XLSX_MAX_COLS);
	b->col = col;
	b->in_cell = 1;
	b->sheet.text_len = 0;
	b->cell_style = (int)style;
	b->cell_type = !t || (t->value_len == 1 && t->value[0] == 'n') ? 'n'
	               : t->value_len == 9 && !memcmp(t->value, "inlineStr", 9) ? 'i'
	               : t->value_len == 3 && !memcmp(t->value, "str", 3) ? 'f'
	               : t->value_len ? t->value[0]
	                              : 'n';
	return 0;
}

/* Starts reading sheet i as the table's sheet table_sheet, or (table 0)
 * to count its rows only. */
static int sheet_open(xlsx_book *b, int i, int table)
{
	const struct sheet *s = &b->sheets[i];
	int *t = realloc(b->table_sheets, (size_t)(b->table_sheet + 1) * sizeof *t);
	int rc;

	scan_close(&b->sheet);
	if (!t)
		return nomem(b);
	b->table_sheets = t;
	if (table)
		t[b->table_sheet] = i;
	b->cur = i;
	b->sheet_done = 0;
	b->sheet_rows = b->sheet_first = 0;
	b->row = b->last_row = 0;
	b->in_cell = 0;
	if (!s->part)
		return fail(b, PK2D_ERR_DATA, "sheet '%s': no part in the workbook's relationships",
		            s->name);
	if ((rc = scan_open(b, &b->sheet, s->part)) < 0)
		return rc;
	if (rc == 0)
		return fail(b, PK2D_ERR_DATA, "sheet '%s': its part %s is missing", s->name, s->part);
	return 0;
}

/* Scans on to the end of the next row with cells: 1, 0 at the end of the
 * sheet's data (what follows, merged ranges and print settings, is not
 * read), <0 on error. */
static int sheet_row(xlsx_book *b)
{
	if (b->failed)
		return b->failed;
	if (b->sheet_done)
		return 0;
	for (;;) {
		int rc = scan_token(&b->sheet), el;

		if (rc < 0)
			return rc;
		if (rc == 0)
			return fail(b, PK2D_ERR_DATA, "%s: ends without </sheetData>", b->sheet.part.name);
		if (rc == XML_SCAN_TEXT) {
			if (b->sheet.collect && !b->sheet.in_rph && append_text(&b->sheet) < 0)
				return b->failed;
			continue;
		}
		el = sheet_element(b);
		if (rc == XML_SCAN_START) {
			if (el == EL_ROW && row_start(b) < 0)
				return b->failed;
			if (el == EL_C && cell_start(b) < 0)
				return b->failed;
			/* Most cells are <c ...><v>value</v></c>: read at once. */
			if (el == EL_C && !b->sheet.in_rph && b->sheet.x.depth < XLSX_DEPTH &&
			    xml_scan_value(&b->sheet.x, "v", 1)) {
				if (append_text(&b->sheet) < 0)
					return b->failed;
				b->in_cell = 0;
				finish_cell(b);
				if (b->failed)
					return b->failed;
			} else if (b->in_cell && (el == EL_V || (el == EL_T && b->cell_type == 'i'))) {
				b->sheet.collect = 1;
			} else if (el == EL_RPH) {
				b->sheet.in_rph = 1;
			}
			continue;
		}
		if (el == EL_V || el == EL_T) {
			b->sheet.collect = 0;
		} else if (el == EL_RPH) {
			b->sheet.in_rph = 0;
		} else if (el == EL_C) {
			b->in_cell = 0;
			finish_cell(b);
			if (b->failed)
				return b->failed;
		} else if (el == EL_ROW && b->n_cells > 0) {
			if (b->sheet_rows++ == 0)
				b->sheet_first = b->row;
			return 1;
		} else if (el == EL_SHEETDATA) {
			b->sheet_done = 1;
			return 0;
		}
	}
}

/* ---- the table ------------------------------------------------------------- */

static char *cell_text(const xlsx_book *b, const struct cell *c)
{
	return (c->shared ? b->ss : b->rowbuf) + c->off;
}

/* The row just parsed as the table's fields: 0, or <0. */
static int build_fields(xlsx_book *b, xlsx_row *out)
{
	int n = 0;

	for (int i = 0; i < b->n_cells; i++)
		if (b->cells[i].col >= b->first_col && b->cells[i].col - b->first_col + 1 > n)
			n = b->cells[i].col - b->first_col + 1;
	if (n > b->cap_fields) {
		char **f = realloc(b->fields, (size_t)n * sizeof *f);
		if (!f)
			return nomem(b);
		b->fields = f;
		b->cap_fields = n;
	}
	for (int i = 0; i < n; i++)
		b->fields[i] = empty_field;
	for (int i = 0; i < b->n_cells; i++)
		if (b->cells[i].col >= b->first_col)
			b->fields[b->cells[i].col - b->first_col] = cell_text(b, &b->cells[i]);
	*out = (xlsx_row){ .fields = b->fields, .n = n, .line = b->row, .sheet = b->table_sheet,
	                   .fixed = b->row_fixed };
	return 0;
}

/* The code checks of a data row: a 16-digit number, and a number in a
 * column whose codes have leading zeros. */
static int check_codes(xlsx_book *b, xlsx_row *row)
{
	if (b->cap_zeros < row->n) {
		size_t *z = realloc(b->zeros, (size_t)row->n * sizeof *z);
		if (!z)
			return nomem(b);
		memset(z + b->cap_zeros, 0, (size_t)(row->n - b->cap_zeros) * sizeof *z);
		b->zeros = z;
		b->cap_zeros = row->n;
	}
	for (int i = 0; i < b->n_cells; i++) {
		const struct cell *c = &b->cells[i];
		const char *t = cell_text(b, c);
		int k = c->col - b->first_col;

		if (k < 0)
			continue;
		if (c->kind == CELL_LONG && !(row->cells & XLSX_ROW_LONG))
			row->cells |= XLSX_ROW_LONG | (uint32_t)c->col;
		else if (c->kind == CELL_INTEGER && b->zeros[k] &&
		         xlsx_is_short_integer(t, b->zeros[k]) && !(row->cells & XLSX_ROW_ZEROS))
			row->cells |= XLSX_ROW_ZEROS | (uint32_t)c->col << 15;
		else if (c->kind == CELL_TEXT && t[0] == '0' && t[1] &&
		         strspn(t, "0123456789") == strlen(t) && strlen(t) > b->zeros[k])
			b->zeros[k] = strlen(t);
	}
	return 0;
}

static int same_as_header(const xlsx_book *b, const xlsx_row *row)
{
	if (row->n != b->n_header)
		return 0;
	for (int i = 0; i < row->n; i++)
		if (strcmp(row->fields[i], b->header[i]) != 0)
			return 0;
	return 1;
}

static int keep_header(xlsx_book *b, const xlsx_row *row)
{
	if (!(b->header = calloc((size_t)row->n, sizeof *b->header)))
		return nomem(b);
	for (int i = 0; i < row->n; i++)
		if (!(b->header[b->n_header++] = strdup(row->fields[i])))
			return nomem(b);
	b->header_row = b->row;
	return 0;
}

/* The next visible sheet after the current one: 1, 0 when none is left. */
static int next_sheet(xlsx_book *b)
{
	for (int i = b->cur + 1; i < b->n_sheets; i++)
		if (!b->sheets[i].hidden) {
			b->table_sheet++;
			b->header_seen = 0;
			return sheet_open(b, i, 1) < 0 ? b->failed : 1;
		}
	return 0;
}

/* The table ended on the current sheet, which does not continue it:
 * counts its rows with text, and those of every visible sheet after it,
 * for xlsx_unread(). 0, or <0. */
static int count_unread(xlsx_book *b)
{
	int rc;

	b->done = 1;
	b->table_sheet--;
	for (;;) {
		while ((rc = sheet_row(b)) == 1)
			;
		if (rc < 0)
			return rc;
		b->sheets[b->cur].rows = b->sheet_rows;
		b->sheets[b->cur].first_row = b->sheet_first;
		int i = b->cur + 1;
		while (i < b->n_sheets && b->sheets[i].hidden)
			i++;
		if (i == b->n_sheets)
			return 0;
		if (sheet_open(b, i, 0) < 0)
			return b->failed;
	}
}

int xlsx_unread(const xlsx_book *b, int n, const char **sheet, long *first_row, long *rows)
{
	for (int i = 0; i < b->n_sheets; i++)
		if (b->sheets[i].rows > 0 && n-- == 0) {
			*sheet = b->sheets[i].name;
			*first_row = b->sheets[i].first_row;
			*rows = b->sheets[i].rows;
			return 1;
		}
	return 0;
}

int xlsx_next(xlsx_book *b, xlsx_row *row)
{
	char col[4];

	for (;;) {
		int rc;

		if (b->done)
			return 0;
		rc = sheet_row(b);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			if (!b->header) {
				xlsx_colname(b->first_col < 0 ? 0 : b->first_col, col);
				return b->header_given
				               ? fail(b, PK2D_ERR_DATA, "%s!%s%ld: the header row is empty",
				                      b->sheets[b->cur].name, col, b->header_row)
				               : fail(b, PK2D_ERR_DATA, "sheet '%s' is empty: no header row",
				                      b->sheets[b->cur].name);
			}
			/* A sheet with rows and without the header: the table ended
			 * before it. */
			if (b->table_sheet > 0 && !b->header_seen && b->sheet_rows > 0)
				return count_unread(b) < 0 ? b->failed : 0;
			if ((rc = next_sheet(b)) <= 0) {
				b->done = 1;
				return rc;
			}
			continue;
		}
		if (!b->header) {
			if (b->header_given && b->row < b->header_row)
				continue; /* the title block */
			if (b->header_given && b->row > b->header_row) {
				xlsx_colname(b->first_col, col);
				return fail(b, PK2D_ERR_DATA, "%s!%s%ld: the header row is empty",
				            b->sheets[b->cur].name, col, b->header_row);
			}
			if (b->first_col < 0) {
				b->first_col = XLSX_MAX_COLS;
				for (int i = 0; i < b->n_cells; i++)
					if (b->cells[i].col < b->first_col)
						b->first_col = b->cells[i].col;
			}
			if (build_fields(b, row) < 0)
				return b->failed;
			if (row->n == 0) {
				xlsx_colname(b->first_col, col);
				return fail(b, PK2D_ERR_DATA, "%s!%s%ld: the header row is empty",
				            b->sheets[b->cur].name, col, b->row);
			}
			return keep_header(b, row) < 0 ? b->failed : 1;
		}
		if (build_fields(b, row) < 0)
			return b->failed;
		if (row->n == 0)
			continue; /* text only left of the table */
		if (!b->header_seen && b->table_sheet > 0) {
			if (same_as_header(b, row)) {
				b->header_seen = 1;
				continue;
			}
			if (b->row > b->header_row + XLSX_TITLE_ROWS) /* not the table's continuation */
				return count_unread(b) < 0 ? b->failed : 0;
			continue;
		}
		if (check_codes(b, row) < 0)
			return b->failed;
		return 1;
	}
}

/* ---- opening ------------------------------------------------------------- */

int xlsx_is_zip(const unsigned char *head, size_t n)
{
	return n >= 4 && memcmp(head, "PK\3\4", 4) == 0;
}

/* Finds the table's first sheet from the selector's sheet name (NULL:
 * the first visible sheet). */
static int pick_sheet(xlsx_book *b, const char *name)
{
	if (!name || !*name) {
		for (int i = 0; i < b->n_sheets; i++)
			if (!b->sheets[i].hidden)
				return i;
		return fail(b, PK2D_ERR_DATA, "no visible sheet");
	}
	for (int i = 0; i < b->n_sheets; i++)
		if (strcasecmp(b->sheets[i].name, name) == 0)
			return i;
	const char **names = malloc((size_t)b->n_sheets * sizeof *names + 1);
	const char *near;

	if (!names)
		return nomem(b);
	for (int i = 0; i < b->n_sheets; i++)
		names[i] = b->sheets[i].name;
	near = did_you_mean(name, names, (size_t)b->n_sheets);
	if (near)
		fail(b, PK2D_ERR_DATA, "no sheet '%s'; did you mean '%s'?", name, near);
	else
		fail(b, PK2D_ERR_DATA, "no sheet '%s' (the sheets: %s%s)", name,
		     b->n_sheets ? b->sheets[0].name : "none", b->n_sheets > 1 ? ", ..." : "");
	free(names);
	return b->failed;
}

/* Reads the selector "SHEET" or "SHEET!A5" into sheet (a copy) and the
 * header cell. */
static int parse_selector(xlsx_book *b, const char *sel, char **sheet)
{
	const char *bang = sel ? strrchr(sel, '!') : NULL;
	long row;
	int col;

	*sheet = NULL;
	if (!sel || !*sel)
		return 0;
	if (bang && xlsx_cellref(bang + 1, &col, &row) == 0) {
		b->header_given = 1;
		b->first_col = col;
		b->header_row = row;
	} else if (bang) {
		return fail(b, PK2D_ERR_DATA, "'%s' is not a cell such as A5 (in '#%s')", bang + 1,
		            sel);
	} else {
		bang = sel + strlen(sel);
	}
	if (!(*sheet = strndup(sel, (size_t)(bang - sel))))
		return nomem(b);
	return 0;
}

static int load_workbook(xlsx_book *b, const char *sel)
{
	char *sheet;
	int rc, i;

	if ((rc = parse_part(b, "xl/workbook.xml", wb_start, end_plain)) < 0)
		return rc;
	if (rc == 0)
		return fail(b, PK2D_ERR_DATA, "a zip file without xl/workbook.xml: not an Excel "
		            "workbook (.xlsx)");
	if ((rc = parse_part(b, "xl/_rels/workbook.xml.rels", rels_start, end_plain)) < 0)
		return rc;
	if (b->styles_part && (rc = parse_part(b, b->styles_part, styles_start, styles_end)) < 0)
		return rc;
	resolve_styles(b);
	if (b->strings_part && (rc = scan_open(b, &b->strings, b->strings_part)) < 0)
		return rc;
	b->strings_done = !b->strings.on;
	for (i = 0; i < b->n_sheets; i++)
		if (asprintf(&b->sheets[i].where, "%s:%s", b->file, b->sheets[i].name) < 0) {
			b->sheets[i].where = NULL;
			return nomem(b);
		}
	if (parse_selector(b, sel, &sheet) < 0)
		return b->failed;
	i = pick_sheet(b, sheet);
	free(sheet);
	if (i < 0)
		return i;
	return sheet_open(b, i, 1);
}

xlsx_book *xlsx_open(const char *path, const char *sel, char *err, size_t errlen)
{
	xlsx_book *b = calloc(1, sizeof *b);
	int zerr = 0;

	if (!b || !(b->file = strdup(path))) {
		snprintf(err, errlen, "out of memory");
		free(b);
		return NULL;
	}
	b->first_col = -1;
	if (!(b->zip = zip_open(path, ZIP_RDONLY, &zerr))) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		snprintf(err, errlen, "not a readable workbook: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		xlsx_close(b);
		return NULL;
	}
	if (zip_get_num_entries(b->zip, 0) > MAX_ENTRIES)
		fail(b, PK2D_ERR_DATA, "more than %d files in the workbook: not read", MAX_ENTRIES);
	else
		load_workbook(b, sel);
	if (b->failed) {
		snprintf(err, errlen, "%s", b->err);
		xlsx_close(b);
		return NULL;
	}
	return b;
}

const char *xlsx_error(const xlsx_book *b)
{
	return b->err;
}

const char *xlsx_where(const xlsx_book *b, int sheet)
{
	if (sheet < 0 || sheet > b->table_sheet || !b->table_sheets)
		return b->file;
	return b->sheets[b->table_sheets[sheet]].where;
}

const char *xlsx_sheet(const xlsx_book *b, int sheet)
{
	if (sheet < 0 || sheet > b->table_sheet || !b->table_sheets)
		return "";
	return b->sheets[b->table_sheets[sheet]].name;
}

void xlsx_close(xlsx_book *b)
{
	if (!b)
		return;
	scan_close(&b->sheet);
	scan_close(&b->strings);
	if (b->zip)
		zip_discard(b->zip);
	for (int i = 0; i < b->n_sheets; i++) {
		free(b->sheets[i].name);
		free(b->sheets[i].rid);
		free(b->sheets[i].part);
		free(b->sheets[i].where);
	}
	for (int i = 0; i < b->n_header; i++)
		free(b->header[i]);
	free(b->header);
	free(b->sheets);
	free(b->table_sheets);
	free(b->strings_part);
	free(b->styles_part);
	free(b->xf_date);
	free(b->fmt_date);
	free(b->ss);
	free(b->ss_off);
	free(b->ss_fixed);
	free(b->sheet.text);
	free(b->strings.text);
	free(b->cells);
	free(b->rowbuf);
	free(b->fields);
	free(b->zeros);
	free(b->file);
	free(b);
}
