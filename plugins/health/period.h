/*
 * period.h - DHIS2 periods (2023, 2023S1, 2023Q2, 202306) as day ranges, to
 * decide whether an activity falls in the run's period.
 */
#ifndef HEALTH_PERIOD_H
#define HEALTH_PERIOD_H

/* Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
long period_days(long year, int month, int day);

/* The calendar date of a day count (the inverse of period_days). */
void period_civil(long days, long *year, int *month, int *day);

/* The first and last day of a period. 0, or PK2D_ERR_INVALID when p is not
 * one of the four forms. */
int period_range(const char *p, long *first, long *last);

#endif
