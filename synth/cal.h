/*
 * cal.h - proleptic Gregorian calendar arithmetic on day numbers
 * (days since 1970-01-01), after Howard Hinnant's civil-date algorithms.
 */
#ifndef PK2D_SYNTH_CAL_H
#define PK2D_SYNTH_CAL_H

long cal_days(int y, int m, int d);
void cal_civil(long days, int *y, int *m, int *d);

#endif
