/* width.c: the display width of UTF-8 text in a terminal (score.h), so that tables with
 * Chinese names line up: a 汉字 takes two columns, a letter one, a combining mark none.
 * The widths are libunistring's (Unicode's East Asian Width, the widths the C library's
 * wcwidth gives in a UTF-8 locale), not tables of our own; a byte that is not UTF-8
 * counts as one column. */
#include <uniwidth.h>
#include "oldc/score.h"

size_t oldc_display_width(const char *s)
{
	/* "UTF-8": ambiguous characters (✓, ×) are narrow, as outside a CJK legacy locale */
	int w = u8_strwidth((const uint8_t *)s, "UTF-8");
	return w > 0 ? (size_t)w : 0;
}
