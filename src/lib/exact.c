/* exact.c: threshold comparisons by cross-multiplication (check.h). Counts and areas
 * reach 10^12 and thresholds 10^9, so products need more than 64 bits: 128-bit
 * integers (a GNU extension that gcc and clang share) keep them exact. */
#include <stdio.h>
#include "oldc/check.h"

__extension__ typedef __int128 wide;

int oldc_ratio_compare(int64_t a, int64_t b, int64_t num, int64_t den)
{
	wide left = (wide)a * den, right = (wide)num * b;
	return left < right ? -1 : left > right;
}

bool oldc_fraction_met(const struct oldc_fraction *f, int64_t part, int64_t whole)
{
	if (whole <= 0)
		return false;
	int c = oldc_ratio_compare(part, whole, f->num->value.integer, f->den->value.integer);
	switch ((oldc_compare)f->compare->value.index) {
	case OLDC_AT_LEAST: return c >= 0;
	case OLDC_MORE_THAN: return c > 0;
	case OLDC_AT_MOST: return c <= 0;
	default: return c < 0;
	}
}

void oldc_percent_text(char out[32], int64_t part, int64_t whole)
{
	if (whole <= 0) {
		snprintf(out, 32, "-");
		return;
	}
	wide bp = (wide)part * 10000 / whole; /* hundredths of a percent, rounded down */
	snprintf(out, 32, "%jd.%02jd%%", (intmax_t)(bp / 100), (intmax_t)(bp % 100));
}
