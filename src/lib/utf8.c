/* utf8.c: UTF-8 validation shared by the YAML and CSV readers (utf8.h). */
#include <stdint.h>
#include <string.h>
#include "utf8.h"

/* Finds the first byte that is not well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF) or is a NUL; returns its offset or `n`. */
size_t oldc_utf8_invalid(const unsigned char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;
	while (i < n) {
		/* ASCII, the bulk of a dossier or a sheet, eight bytes at a time: no byte
		 * with its high bit set, and none zero */
		uint64_t w;
		while (n - i >= 8 && (memcpy(&w, s + i, 8), !(w & highs) && !((w - ones) & ~w & highs)))
			i += 8;
		if (i >= n)
			break;
		unsigned c = s[i];
		/* a 3-byte character without a special case (most of Chinese text): the two
		 * continuation bytes in 80-BF, tested together */
		if (c >= 0xE1 && c <= 0xEF && c != 0xED && n - i >= 3 &&
		    ((s[i + 1] ^ 0x80u) | (s[i + 2] ^ 0x80u)) < 0x40u) {
			i += 3;
			continue;
		}
		if (c == 0)
			return i;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned lo = 0x80, hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			len = 2;
		else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			if (c == 0xE0) lo = 0xA0;
			if (c == 0xED) hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			if (c == 0xF0) lo = 0x90;
			if (c == 0xF4) hi = 0x8F;
		} else
			return i;
		if (n - i < len)
			return i;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t k = 2; k < len; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return i;
		i += len;
	}
	return n;
}

size_t oldc_utf8_control(const unsigned char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;
	for (;;) {
		/* Eight bytes at a time while none is below 0x20 and none is 0x7F (the
		 * bit tricks test "a byte less than" and "a zero byte" exactly). A word
		 * with a tab or a line break is looked at byte by byte. */
		uint64_t w, del;
		while (n - i >= 8 && (memcpy(&w, s + i, 8), del = w ^ (0x7F * ones),
				      !((w - 0x20 * ones) & ~w & highs) && !((del - ones) & ~del & highs)))
			i += 8;
		size_t end = n - i >= 8 ? i + 8 : n;
		for (; i < end; i++)
			if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n') || s[i] == 0x7F)
				return i;
		if (i >= n)
			return n;
	}
}

void oldc_utf8_trim(char *s)
{
	s[oldc_utf8_invalid((const unsigned char *)s, strlen(s))] = '\0';
}
