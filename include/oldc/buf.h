/*
 * A growable byte buffer: renderers write into one instead of printing, so the library
 * never touches stdout. An allocation failure makes the buffer "failed" (sticky): later
 * writes are ignored and the caller checks `failed` once at the end.
 */
#ifndef OLDC_BUF_H
#define OLDC_BUF_H

#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define OLDC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define OLDC_PRINTF(f, a)
#endif

typedef struct oldc_buf {
	char *data;   /* NUL-terminated when len > 0 and not failed */
	size_t len;
	size_t cap;
	bool failed;  /* an allocation failed: the content is incomplete */
} oldc_buf;

void oldc_buf_init(oldc_buf *b);
void oldc_buf_release(oldc_buf *b);
void oldc_buf_put(oldc_buf *b, const char *s, size_t n);
void oldc_buf_puts(oldc_buf *b, const char *s);
void oldc_buf_putc(oldc_buf *b, char c);
void oldc_buf_printf(oldc_buf *b, const char *fmt, ...) OLDC_PRINTF(2, 3);
/* The same with a va_list (which it leaves to the caller to va_end). */
void oldc_buf_vprintf(oldc_buf *b, const char *fmt, va_list ap) OLDC_PRINTF(2, 0);
/* Writes s as a JSON string literal, quotes included (control characters escaped). */
void oldc_buf_json_string(oldc_buf *b, const char *s);
/* `"file": NAME` for the JSON outputs (oldc(1)): a name that is not UTF-8 has
 * U+FFFD for each byte that is not, and then `, "file_bytes": NAME` with those bytes
 * written exactly as \xNN, so JSON stays valid for any file name and a script can
 * still find the file. */
void oldc_buf_json_file(oldc_buf *b, const char *file);
/* The same under another key: `"KEY": NAME` and `, "KEY_bytes": NAME`. */
void oldc_buf_json_file_as(oldc_buf *b, const char *key, const char *file);

#endif
