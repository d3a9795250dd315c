/*
 * redact.h - keeps personal identifiers out of the reasons rows are noted or
 * rejected with, which every report, log and the history store show.
 *
 * A plugin quotes a cell's text in a reason between apostrophes ("unreadable
 * weight: 'abc'"); a NIK, a KK number or a person's name typed into the
 * wrong column would then be shown word for word. So every reason is
 * masked where it is recorded:
 *  - every run of nine or more digits keeps only its ends: four and four
 *    from twelve digits on (a NIK 6302092007000051 is 6302…0051), two and
 *    two below. Shorter runs stay: a period (202306), a compact date
 *    (20230615) or a count is what a person needs to read, and the
 *    identifiers of people (NIK and KK 16 digits, NISN 10) are longer;
 *  - inside '…' quotes, every word of three or more letters keeps only its
 *    first letter ('Siti Aminah' is 'S… A…').
 * The line the reason is kept with is what finds the row; the full values
 * are only in the by-name follow-up files a plugin writes itself.
 */
#ifndef PK2D_REDACT_H
#define PK2D_REDACT_H

/* text masked as above, malloc'd; NULL when nothing needed masking (or out
 * of memory: then text is kept as it is). */
char *redact_reason(const char *text);

#endif
