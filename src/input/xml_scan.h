/*
 * xml_scan.h - a streaming scanner for the XML of a workbook's sheets, the
 * biggest part of a workbook by far (xlsx.c parses the small parts with
 * expat).
 *
 * It reads what a sheet holds: elements with attributes, character data
 * with the five predefined entities and character references, CDATA
 * sections, comments and processing instructions (skipped). A DOCTYPE is
 * refused (no workbook has one: no entity of the document's own is ever
 * expanded), and so is anything not well-formed that the scan meets: an
 * end tag that does not close the open element, an undefined entity, a
 * document that ends inside an element, a tag or a comment longer than
 * XML_SCAN_TOKEN_MAX. It checks no more than that: the sheet's own checks
 * are xlsx.c's. The handlers get names as written (with any prefix) and
 * attributes as expat gives them (name, value, ..., NULL), so that one
 * set of handlers serves both.
 */
#ifndef PK2D_XML_SCAN_H
#define PK2D_XML_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* The longest tag, comment, CDATA section or processing instruction. */
#define XML_SCAN_TOKEN_MAX ((size_t)1 << 20)
/* The most attributes of one element, and elements open at once. */
#define XML_SCAN_ATTRS 32
#define XML_SCAN_DEPTH 64

typedef struct xml_scan {
	void *ud;
	void (*start)(void *ud, const char *name, const char **attrs);
	void (*end)(void *ud, const char *name);
	void (*text)(void *ud, const char *s, int len);
	/* Non-zero when the scan must stop after the handler just called
	 * (a row is complete, an error): xml_scan_run() then returns 1. */
	int (*halt)(void *ud);
	/* Reads up to n more bytes of the document: how many, 0 at its end,
	 * <0 on an error the reader has reported. */
	long long (*read)(void *ud, char *buf, size_t n);
	/* private */
	char *buf;
	size_t len, pos, cap;
	int eof;
	char *open[XML_SCAN_DEPTH]; /* the open elements' names, in open_names */
	size_t open_n[XML_SCAN_DEPTH]; /* and their lengths */
	char *open_names;
	size_t open_len, open_cap;
	int depth, seen_root;
	uint64_t base;           /* document offset of buf[0] */
	uint64_t counted;        /* newlines counted up to this offset */
	unsigned long line;      /* newlines before counted, plus one */
	uint64_t line_start;     /* offset after the last newline counted */
} xml_scan;

/* Makes x ready to scan a document (the handlers and read set by the
 * caller); 0, or -1 out of memory. */
int xml_scan_init(xml_scan *x);
void xml_scan_free(xml_scan *x);
/* Scans on: 1 when halt() asked to stop (call again to go on), 0 at the
 * document's end, -1 on malformed XML with why set ("malformed XML at line
 * L, column C: what", column counted from 0 in bytes as expat does), -2
 * when read() failed, -3 out of memory. */
int xml_scan_run(xml_scan *x, char *why, size_t len);

#endif
