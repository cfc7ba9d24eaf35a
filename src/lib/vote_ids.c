/*
 * vote_ids.c: how the cells that identify a part or an owner are compared, and what
 * makes one unusable. Two cells are the same id when they are the same text after
 * Unicode NFC (libunistring's normalisation: 'é' typed as one character or as e and
 * an accent), with full-width letters and digits (Ａ１, what a Chinese input method
 * types) folded to ASCII and surrounding spaces trimmed. Characters that cannot be seen
 * (zero-width spaces, joiners, byte order marks, bidirectional controls) would make two
 * ids that look the same different, so they are refused, as are numbers that Excel
 * rounded to 15 digits or wrote in scientific notation: those merge different owners.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include "vote_sheet.h"

const char *oldc_vote_identity(const char *cell, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)cell;
	size_t n = strlen(cell);
	bool ascii = true;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = p[i] < 0x80;
	if (ascii && (!n || (p[0] != ' ' && p[n - 1] != ' ')))
		return cell;
	/* fold full-width ASCII (U+FF01-U+FF5E) and the ideographic space into `tmp` */
	char tmp[1024];
	size_t t = 0;
	if (n >= sizeof tmp)
		return NULL;
	for (size_t i = 0; i < n; ) {
		if (p[i] == 0xEF && i + 2 < n && ((p[i + 1] == 0xBC && p[i + 2] >= 0x81 && p[i + 2] <= 0xBF) ||
						  (p[i + 1] == 0xBD && p[i + 2] >= 0x80 && p[i + 2] <= 0x9E))) {
			unsigned cp = 0xFF00u | (unsigned)((p[i + 1] & 0x03) << 6) | (p[i + 2] & 0x3Fu);
			tmp[t++] = (char)(cp - 0xFEE0u);
			i += 3;
		} else if (p[i] == 0xE3 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80) {
			tmp[t++] = ' ';
			i += 3;
		} else
			tmp[t++] = (char)p[i++];
	}
	size_t start = 0;
	while (start < t && tmp[start] == ' ')
		start++;
	while (t > start && tmp[t - 1] == ' ')
		t--;
	if (size == 0)
		return NULL;
	size_t len = size - 1;
	uint8_t *out = u8_normalize(UNINORM_NFC, (const uint8_t *)tmp + start, t - start, (uint8_t *)buf, &len);
	if (!out)
		return NULL;
	if (out != (uint8_t *)buf) { /* did not fit */
		free(out);
		return NULL;
	}
	buf[len] = '\0';
	return buf;
}

/* 16 or more digits, with only zeros after the 15th: what Excel keeps of a long number
 * (it holds 15 significant digits), e.g. an 18-digit id card number 370602198001011234
 * saved as 370602198001011000. */
static bool rounded_number(const char *s, size_t n)
{
	if (n < 16 || strspn(s, "0123456789") != n)
		return false;
	return strspn(s + 15, "0") == n - 15;
}

/* A number in Excel's scientific notation: 3.70602E+17, 1E+15. */
static bool e_notation(const char *s)
{
	size_t i = strspn(s, "0123456789");
	if (i == 0)
		return false;
	if (s[i] == '.') {
		size_t f = strspn(s + i + 1, "0123456789");
		if (f == 0)
			return false;
		i += 1 + f;
	}
	if (s[i] != 'E' && s[i] != 'e')
		return false;
	i++;
	if (s[i] == '+' || s[i] == '-')
		i++;
	size_t e = strspn(s + i, "0123456789");
	return e > 0 && s[i + e] == '\0';
}

enum vote_id_problem oldc_vote_id_problem(const char *cell, bool *ascii)
{
	/* one pass, as every row has two ids: what kind of characters, how many digits */
	const unsigned char *p = (const unsigned char *)cell;
	bool high = false, other = false, exponent = false;
	size_t digits = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			continue;
		}
		if (*p < 0x80) {
			other = true;
			exponent |= *p == 'E' || *p == 'e';
			continue;
		}
		high = true;
		/* U+200B-U+200F, U+202A-U+202E, U+2060, U+2066-U+2069, U+FEFF (the string is
		 * UTF-8: a lead byte is followed by its continuation bytes) */
		if (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0x8B && p[2] <= 0x8F) || (p[2] >= 0xAA && p[2] <= 0xAE)))
			return ID_INVISIBLE;
		if (p[0] == 0xE2 && p[1] == 0x81 && (p[2] == 0xA0 || (p[2] >= 0xA6 && p[2] <= 0xA9)))
			return ID_INVISIBLE;
		if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
			return ID_INVISIBLE;
	}
	*ascii = !high;
	size_t n = (size_t)(p - (const unsigned char *)cell);
	if (!high && !other && rounded_number(cell, n))
		return ID_MANGLED;
	if (!high && exponent && digits && e_notation(cell))
		return ID_MANGLED;
	return ID_OK;
}
