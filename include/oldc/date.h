/*
 * Civil dates as day numbers (days since 1970-01-01, proleptic Gregorian), and the
 * period arithmetic of the Civil Code (CC-201, CC-202): a period of months does not
 * count its first day and ends on the same-numbered day of the last month, or on that
 * month's last day when it has none.
 */
#ifndef OLDC_DATE_H
#define OLDC_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t oldc_date;

/* Parses exactly "YYYY-MM-DD" (n bytes) with a real calendar day, years 1000-9999.
 * Returns 0 and sets *out, or -1 (nothing set). */
int oldc_date_parse(const char *s, size_t n, oldc_date *out);
/* Writes "YYYY-MM-DD" and a NUL into out (at least 11 bytes). */
void oldc_date_format(oldc_date d, char out[11]);
oldc_date oldc_date_from_ymd(int year, int month, int day);
void oldc_date_to_ymd(oldc_date d, int *year, int *month, int *day);
bool oldc_date_valid_ymd(int year, int month, int day);
/* The last day of a period of `months` months starting on `start` (CC-201/202):
 * 2023-03-10 + 3 months ends 2023-06-10; 2023-11-30 + 3 months ends 2024-02-29. */
oldc_date oldc_date_period_end(oldc_date start, int months);
/* Today in local time. */
oldc_date oldc_date_today(void);

#endif
