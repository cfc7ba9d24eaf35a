/* buf.c: the growable output buffer of buf.h. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/buf.h"
#include "utf8.h"

void oldc_buf_init(oldc_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

void oldc_buf_release(oldc_buf *b)
{
	free(b->data);
	oldc_buf_init(b);
}

/* Makes room for n more bytes plus a NUL; false (and failed set) when it cannot. */
static bool reserve(oldc_buf *b, size_t n)
{
	if (b->failed)
		return false;
	if (n > SIZE_MAX / 2 - b->len) {
		b->failed = true;
		return false;
	}
	if (b->len + n + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->failed = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

void oldc_buf_put(oldc_buf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void oldc_buf_puts(oldc_buf *b, const char *s)
{
	oldc_buf_put(b, s, strlen(s));
}

void oldc_buf_putc(oldc_buf *b, char c)
{
	oldc_buf_put(b, &c, 1);
}

void oldc_buf_vprintf(oldc_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	char small[256];
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	if (n < 0) {
		b->failed = true;
		va_end(again);
		return;
	}
	if ((size_t)n < sizeof small) {
		oldc_buf_put(b, small, (size_t)n);
		va_end(again);
		return;
	}
	if (reserve(b, (size_t)n)) {
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

void oldc_buf_printf(oldc_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	oldc_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* The n bytes at s (well-formed UTF-8) as the inside of a JSON string. */
static void json_run(oldc_buf *b, const char *s, const char *end)
{
	const char *run = s;
	for (; s < end; s++) {
		unsigned char c = (unsigned char)*s;
		const char *esc = NULL;
		char u[8];
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default:
			if (c < 0x20 || c == 0x7f) {
				snprintf(u, sizeof u, "\\u%04x", c);
				esc = u;
			}
		}
		if (esc) {
			oldc_buf_put(b, run, (size_t)(s - run));
			oldc_buf_puts(b, esc);
			run = s + 1;
		}
	}
	oldc_buf_put(b, run, (size_t)(s - run));
}

/* s as the inside of a JSON string; each byte that is not UTF-8 as U+FFFD, or with
 * `exact` as the text \xNN, so the document stays valid JSON whatever s holds. */
static void json_text(oldc_buf *b, const char *s, bool exact)
{
	size_t n = strlen(s);
	while (n) {
		size_t k = oldc_utf8_invalid((const unsigned char *)s, n);
		json_run(b, s, s + k);
		if (k == n)
			break;
		if (exact)
			oldc_buf_printf(b, "\\\\x%02X", (unsigned char)s[k]);
		else
			oldc_buf_puts(b, "\\ufffd");
		s += k + 1;
		n -= k + 1;
	}
}

void oldc_buf_json_string(oldc_buf *b, const char *s)
{
	oldc_buf_putc(b, '"');
	json_text(b, s, false);
	oldc_buf_putc(b, '"');
}

void oldc_buf_json_file(oldc_buf *b, const char *file)
{
	oldc_buf_json_file_as(b, "file", file);
}

void oldc_buf_json_file_as(oldc_buf *b, const char *key, const char *file)
{
	oldc_buf_printf(b, "\"%s\": ", key);
	oldc_buf_json_string(b, file);
	if (oldc_utf8_invalid((const unsigned char *)file, strlen(file)) < strlen(file)) {
		oldc_buf_printf(b, ", \"%s_bytes\": \"", key);
		json_text(b, file, true);
		oldc_buf_putc(b, '"');
	}
}
