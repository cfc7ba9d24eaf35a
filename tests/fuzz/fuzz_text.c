/*
 * fuzz_text.c: the text output shows an input, never runs it (issue 18). The fuzzer
 * writes a dossier; its first line, up to the first newline, is also the dossier's
 * file name. The dossier goes through the loader, the check, and the text renderers
 * of oldc-check, oldc-score and oldc-report (no colour: every ESC would be the
 * input's), and the bytes themselves through oldc_term_text. The harness aborts when
 * an output holds a control byte other than the line ends (ESC, CR, BEL, a C1
 * control, DEL), a character oldc_term_text would hide (a bidirectional override, a
 * zero-width space), or a byte that is not UTF-8.
 */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "oldc/render.h"
#include "escape.h"

/* The check below is the harness's own, not oldc's: it decodes UTF-8 itself (the
 * strict form: no overlong form, no surrogate, nothing past U+10FFFF) and asks oldc
 * only which characters it hides. It is left out of libFuzzer's coverage, whose
 * counters it would fill with the output's characters and whose hooks made it most of
 * a run. */
#if defined(__clang__)
#define NO_COVERAGE __attribute__((no_sanitize("coverage")))
#else
#define NO_COVERAGE
#endif

/* The length and code point of the well-formed UTF-8 character at s, or 0. */
NO_COVERAGE static size_t char_at(const unsigned char *s, size_t n, unsigned long *cp)
{
	static const unsigned long least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t len = s[0] < 0x80 ? 1 : s[0] < 0xC2 ? 0 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : s[0] < 0xF5 ? 4 : 0;
	if (len == 0 || len > n)
		return 0;
	unsigned long c = len == 1 ? s[0] : s[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < least[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Aborts when the text shows anything a terminal would act on or hide. */
NO_COVERAGE static void assert_shown(const oldc_buf *b)
{
	const unsigned char *s = (const unsigned char *)(b->data ? b->data : "");
	for (size_t i = 0, n = b->len; i < n;) {
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			i++; /* printable ASCII, most of any output */
			continue;
		}
		unsigned long c;
		size_t len = char_at(s + i, n - i, &c);
		if (!len)
			abort(); /* not UTF-8 */
		if (c != '\n' && ((c < 0x20 || (c >= 0x7F && c < 0xA0)) || oldc_term_hidden(c)))
			abort(); /* a control, C1, bidirectional or invisible character */
		i += len;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const oldc_policy *p = fuzz_policy();
	const char *nl = memchr(data, '\n', size);
	size_t name_len = nl ? (size_t)(nl - (const char *)data) : size < 64 ? size : 64;
	char *name = malloc(name_len + 16), *text = malloc(size + 1);
	if (!name || !text)
		abort();
	memcpy(name, data, name_len);
	memcpy(name + name_len, ".yaml", 6);
	memcpy(text, data, size);
	text[size] = '\0';
	if (memchr(name, '\0', name_len))
		strcpy(name, "nul.yaml"); /* a file name holds no NUL */

	oldc_buf b;
	oldc_buf_init(&b);
	oldc_term_text(&b, text); /* the bytes, up to a NUL, as such */
	assert_shown(&b);

	b.len = 0;
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_dossier *x = oldc_dossier_load(name, (const char *)data, size, p, NULL, &d);
	oldc_report report;
	if (oldc_report_init(&report, p, fuzz_as_of()) < 0)
		abort();
	if (x) {
		oldc_check_result r;
		oldc_check_options o = { .as_of = fuzz_as_of() };
		oldc_loaded l; /* the sheets it names, as oldc-check reads them */
		oldc_load(x, NULL, &l);
		oldc_check(&l, p, &o, &d, &r);
		oldc_loaded_release(&l);
		oldc_diags_sort(&d, 0);
		oldc_render_check_text(&b, name, x, &r, p, &d, 0, d.count, false);
		if (x->pilot.node && x->pilot.type) {
			oldc_scorecard c;
			if (oldc_score(x, p, OLDC_STAGE_DEFAULT, 100, fuzz_as_of(), &c) == 0) {
				oldc_render_score_text(&b, name, x, p, &c, true, false);
				oldc_scorecard_release(&c);
			}
		}
		oldc_report_add(&report, x, &r, &d, 0, d.count);
	} else {
		oldc_render_check_text(&b, name, NULL, NULL, p, &d, 0, d.count, false);
		oldc_report_add_invalid(&report, name, &d, 0, d.count);
	}
	oldc_report_finish(&report, (oldc_group_by)(size % 4));
	if (!report.out_of_memory)
		oldc_render_report_text(&b, &report);
	if (!b.failed)
		assert_shown(&b);
	oldc_report_release(&report);
	oldc_buf_release(&b);
	oldc_dossier_free(x);
	oldc_diags_release(&d);
	free(name);
	free(text);
	return 0;
}
