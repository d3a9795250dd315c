/*
 * present.h - what the plugins declared for the reports (display.h), laid
 * out once for every writer: an agency's table by its groups without the
 * hidden rows, the headline indicators, a value's class and the declared
 * tables of an agency. No writer names a plugin or an indicator.
 */
#ifndef PK2D_PRESENT_H
#define PK2D_PRESENT_H

#include <stddef.h>
#include "assess.h"
#include "display.h"
#include "registry.h"

/* One line of an agency's table: a group's heading or a row. */
typedef struct present_line {
	const reg_group *group;   /* a heading (indent by group->depth); NULL for a row */
	const assess_row *row;    /* a row; NULL for a heading */
	size_t no;                /* a row's number in the table, 1.. */
} present_line;

/* The agency's table: the rows in declared groups under their headings (a
 * group's rows, then its subgroups, in declaration order; a heading only
 * above rows), then the rows in no declared group, in declaration order;
 * hidden rows are left out. *n lines (0: nothing to show), allocated. */
present_line *present_agency(const registry *r, const assess_agency *ag, size_t *n);

/* The headline indicators in declaration order; *n of them, allocated
 * (NULL when none). */
const reg_indicator **present_headlines(const registry *r, size_t *n);

/* The class of an indicator's value; NULL without classes or value. */
const reg_class *present_class(const registry *r, const reg_indicator *d, double value);

/* Non-zero when the table is the agency's and has a value in the area. */
int present_table_shown(const registry *r, const reg_table *t, const char *agency,
                        const char *area, const char *period);

/* "sum", "count", "percent", "mean", "sd": a column rule's name for the
 * machine formats (enum pk2d_cell_rule). */
const char *present_rule_name(int rule);

/* Calls fn for each distinct classes source of the agency's shown rows
 * (lines from present_agency), for the note under its table. */
void present_class_sources(const registry *r, const present_line *lines, size_t n,
                           void (*fn)(void *ud, const char *source), void *ud);

#endif
