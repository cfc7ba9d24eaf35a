/*
 * utf8.h: UTF-8 as RFC 3629 defines it, for the readers: a dossier or a ballots sheet
 * must be well-formed text before anything else looks at it.
 */
#ifndef OLDC_UTF8_H
#define OLDC_UTF8_H

#include <stddef.h>

/* The offset of the first byte of `s` (n bytes) that is not well-formed UTF-8 (no
 * overlong forms, no surrogates, nothing past U+10FFFF) or is a NUL; `n` when all is. */
size_t oldc_utf8_invalid(const unsigned char *s, size_t n);

/* The offset of the first control character of `s` (n bytes): a byte below 0x20 other
 * than tab and line feed, or DEL (0x7F); `n` when there is none. UTF-8 needs no
 * decoding for this, since no byte of a multi-byte character is below 0x80. */
size_t oldc_utf8_control(const unsigned char *s, size_t n);

/* Cuts off a character left incomplete at the end of `s` (as snprintf leaves one when
 * it truncates Chinese text), so a shortened text is still well-formed. */
void oldc_utf8_trim(char *s);

/* `s` (well-formed UTF-8) in Unicode Normalization Form C, malloc'd (libunistring's
 * u8_normalize); NULL when memory runs out. Names are compared in this form, so a
 * 区 typed as another sequence of code points still matches. */
char *oldc_utf8_nfc(const char *s);

/* The offset of the first default-ignorable ("invisible") character of `s` (n bytes,
 * well-formed UTF-8): U+200B ZERO WIDTH SPACE and its kin (Unicode's
 * Default_Ignorable_Code_Point, libunistring); `n` when there is none. */
size_t oldc_utf8_invisible(const char *s, size_t n);

#endif
