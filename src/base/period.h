/*
 * period.h - the syntax of a period: yyyy, yyyySn (semester), yyyyQn
 * (quarter), yyyyMM (month). The configuration, the registry, the store and
 * the assessment check periods with it.
 */
#ifndef PK2D_PERIOD_H
#define PK2D_PERIOD_H

/* Non-zero when p is a period in one of the forms above. */
int period_valid(const char *p);

#endif
