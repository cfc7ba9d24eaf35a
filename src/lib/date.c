/* date.c: civil dates as day numbers, and Civil Code periods (date.h). */
#include <stddef.h>
#include <time.h>
#include "oldc/date.h"

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool oldc_date_valid_ymd(int y, int m, int d)
{
	return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Days from civil (H. Hinnant's algorithm): exact for the proleptic Gregorian calendar. */
oldc_date oldc_date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void oldc_date_to_ymd(oldc_date z, int *year, int *month, int *day)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int y = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp + (mp < 10 ? 3 : -9);
	*year = y + (m <= 2);
	*month = m;
	*day = d;
}

int oldc_date_parse(const char *s, size_t n, oldc_date *out)
{
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	int v[3] = { 0, 0, 0 };
	static const int start[] = { 0, 5, 8 }, len[] = { 4, 2, 2 };
	for (int f = 0; f < 3; f++)
		for (int i = start[f]; i < start[f] + len[f]; i++) {
			if (s[i] < '0' || s[i] > '9')
				return -1;
			v[f] = v[f] * 10 + (s[i] - '0');
		}
	if (!oldc_date_valid_ymd(v[0], v[1], v[2]))
		return -1;
	*out = oldc_date_from_ymd(v[0], v[1], v[2]);
	return 0;
}

void oldc_date_format(oldc_date d, char out[11])
{
	int y, m, dd;
	oldc_date_to_ymd(d, &y, &m, &dd);
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + dd / 10);
	out[9] = (char)('0' + dd % 10);
	out[10] = '\0';
}

oldc_date oldc_date_period_end(oldc_date start, int months)
{
	int y, m, d;
	oldc_date_to_ymd(start, &y, &m, &d);
	int total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	return oldc_date_from_ymd(y, m, d);
}

oldc_date oldc_date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return 0;
	return oldc_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
