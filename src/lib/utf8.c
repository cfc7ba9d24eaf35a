/* utf8.c: UTF-8 validation shared by the YAML and CSV readers (utf8.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>
#include "utf8.h"

static const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;

/* Whether a byte of the eight in `w` is below `n` (1 to 128): exact, not a guess. */
static bool has_byte_below(uint64_t w, unsigned n)
{
	return ((w - n * ones) & ~w & highs) != 0;
}

/* Finds the first byte that is not well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF) or is a NUL; returns its offset or `n`. */
size_t oldc_utf8_invalid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* ASCII, the bulk of a dossier or a sheet, eight bytes at a time: no byte
		 * with its high bit set, and none zero */
		uint64_t w;
		while (n - i >= 8 && (memcpy(&w, s + i, 8), !(w & highs) && !has_byte_below(w, 1)))
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
	size_t i = 0;
	for (;;) {
		/* Eight bytes at a time while none is below 0x20 and none is 0x7F (a zero
		 * byte of w ^ 0x7F7F...). A word with a tab or a line break is looked at
		 * byte by byte. */
		uint64_t w;
		while (n - i >= 8 && (memcpy(&w, s + i, 8), !has_byte_below(w, 0x20) &&
				      !has_byte_below(w ^ (0x7F * ones), 1)))
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

char *oldc_utf8_nfc(const char *s)
{
	size_t n = 0;
	uint8_t *out = u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s), NULL, &n);
	if (!out)
		return NULL;
	char *z = realloc(out, n + 1);
	if (!z) {
		free(out);
		return NULL;
	}
	z[n] = '\0';
	return z;
}

size_t oldc_utf8_invisible(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		if (len <= 0)
			return n;
		if (uc_is_property_default_ignorable_code_point(c))
			return i;
		i += (size_t)len;
	}
	return n;
}
