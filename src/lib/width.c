/* width.c: the display width of UTF-8 text in a terminal (score.h), so that tables with
 * Chinese names line up: a 汉字 takes two columns, a letter one. The ranges are those
 * of Unicode's East Asian Width W and F that Chinese text uses, and the common
 * combining marks. */
#include <stdint.h>
#include "oldc/score.h"

static int char_width(uint32_t c)
{
	static const uint32_t wide[][2] = {
		{ 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
		{ 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
		{ 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
		{ 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
	};
	if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F))
		return 0;
	for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
		if (c >= wide[i][0] && c <= wide[i][1])
			return 2;
	return 1;
}

size_t oldc_display_width(const char *s)
{
	size_t w = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t c;
		int n;
		if (*p < 0x80)
			c = *p, n = 1;
		else if ((*p & 0xE0) == 0xC0)
			c = *p & 0x1F, n = 2;
		else if ((*p & 0xF0) == 0xE0)
			c = *p & 0x0F, n = 3;
		else
			c = *p & 0x07, n = 4;
		for (int i = 1; i < n; i++) {
			if ((p[i] & 0xC0) != 0x80) { /* not UTF-8: count the byte and go on */
				n = 1;
				c = '?';
				break;
			}
			c = (c << 6) | (p[i] & 0x3F);
		}
		w += (size_t)char_width(c);
		p += n;
	}
	return w;
}
