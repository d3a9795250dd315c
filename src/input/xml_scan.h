/*
 * xml_scan.h - a streaming scanner for the XML of a workbook's sheets and
 * shared strings, the biggest parts of a workbook by far (xlsx.c parses
 * the small parts with expat).
 *
 * Why not expat there: a sheet is millions of tiny elements (<c r="B7"
 * s="1" t="s"><v>42</v></c>), and expat's handler calls and attribute
 * arrays cost several times the work of reading them. Here the reader
 * pulls one token at a time and reads a tag's attributes from a small
 * array in place, in one pass over its bytes.
 *
 * It reads what those parts hold: elements with attributes, character
 * data with the five predefined entities and character references, CDATA
 * sections, comments and processing instructions (skipped). A DOCTYPE is
 * refused (no workbook has one: no entity of the document's own is ever
 * expanded), and so is anything not well-formed that the scan meets: an
 * end tag that does not close the open element, an undefined entity, a
 * NUL byte, a document that ends inside an element, a tag or a comment
 * longer than XML_SCAN_TOKEN_MAX. It checks no more than that: the
 * part's own checks are xlsx.c's.
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

/* What xml_scan_next() found. */
enum { XML_SCAN_START = 1, XML_SCAN_END = 2, XML_SCAN_TEXT = 3 };

typedef struct xml_attr {
	const char *name, *value; /* as written (with any prefix), and decoded */
	size_t name_len, value_len;
} xml_attr;

typedef struct xml_scan {
	void *ud;
	/* Reads up to n more bytes of the document: how many, 0 at its end,
	 * <0 on an error the reader has reported. */
	long long (*read)(void *ud, char *buf, size_t n);
	/* The token found, valid until the next call; no name, value or text
	 * is NUL-ended. START and END: the element's name as written (with
	 * any prefix); START: its attributes (an empty element <x/> is a
	 * START and then an END). TEXT: character data, decoded; an
	 * element's text may come in several pieces. depth counts the open
	 * elements, the one just started included. */
	const char *name;
	size_t name_len;
	int n_attrs;
	xml_attr attrs[XML_SCAN_ATTRS];
	const char *text;
	size_t text_len;
	int depth;
	/* private */
	char *buf;
	size_t len, pos, cap;
	int eof, seen_root, pending_end;
	char *open[XML_SCAN_DEPTH]; /* the open elements' names, in open_names */
	size_t open_n[XML_SCAN_DEPTH]; /* and their lengths */
	char *open_names;
	size_t open_len, open_cap;
	uint64_t base;           /* document offset of buf[0] */
	uint64_t counted;        /* newlines counted up to this offset */
	unsigned long line;      /* newlines before counted, plus one */
	uint64_t line_start;     /* offset after the last newline counted */
} xml_scan;

/* Makes x ready to scan a document (read set by the caller); 0, or -1 out
 * of memory. */
int xml_scan_init(xml_scan *x);
void xml_scan_free(xml_scan *x);
/* The next token: XML_SCAN_START, _END or _TEXT, 0 at the document's end,
 * -1 on malformed XML with why set ("malformed XML at line L, column C:
 * what", column counted from 0 in bytes as expat does), -2 when read()
 * failed, -3 out of memory. */
int xml_scan_next(xml_scan *x, char *why, size_t len);
/* Right after a START, when the element holds just <child>, written so
 * and holding text only (no entity), then ends, all whole in the buffer:
 * 1 with all of it read, the child's text in text (as a TEXT would give
 * it) and the element closed (no END follows). Else 0 and nothing read:
 * xml_scan_next() goes on. Most of a sheet's cells are such elements
 * (<c r="B7" t="s"><v>42</v></c>), and most shared strings (<si><t>Agus
 * </t></si>): one call instead of a START, a TEXT and two ENDs. */
int xml_scan_value(xml_scan *x, const char *child, size_t n);

#endif
