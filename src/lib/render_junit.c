/*
 * render_junit.c: a run as JUnit XML (render.h), what CI servers (GitLab, Jenkins,
 * Azure) show as a test report: one <testsuite> named after the command, one
 * <testcase> per input file; a file that failed its check has a <failure>, an invalid
 * one an <error>, one not checked (a dossier without a pilot, for oldc-score) is
 * <skipped>; the findings are the element's text, one compiler-style line each. No
 * time, no host name: one input gives one document.
 */
#include <string.h>
#include "oldc/render.h"
#include "escape.h"
#include "i18n.h"

void oldc_junit_init(oldc_junit *j, const char *suite)
{
	memset(j, 0, sizeof *j);
	j->suite = suite;
	oldc_buf_init(&j->cases);
}

void oldc_junit_release(oldc_junit *j)
{
	oldc_buf_release(&j->cases);
}

void oldc_junit_case(oldc_junit *j, const char *file, const char *classname, oldc_junit_outcome outcome,
		     const char *reason, const oldc_diags *diags, size_t first, size_t end)
{
	oldc_buf *out = &j->cases;
	j->tests++;
	j->failures += outcome == OLDC_JUNIT_FAILED;
	j->errors += outcome == OLDC_JUNIT_INVALID;
	j->skipped += outcome == OLDC_JUNIT_SKIPPED;
	oldc_buf_puts(out, "  <testcase name=\"");
	oldc_xml_text(out, file, true);
	oldc_buf_puts(out, "\" classname=\"");
	oldc_xml_text(out, classname ? classname : j->suite, true);
	oldc_buf_puts(out, "\" file=\"");
	oldc_xml_text(out, file, true);
	oldc_buf_puts(out, "\">\n");
	/* the message: the reason, else the first finding of the worst severity */
	const oldc_diag *worst = NULL;
	for (size_t k = first; k < end; k++)
		if (!worst || diags->items[k].severity > worst->severity)
			worst = &diags->items[k];
	static const char *const elements[] = { NULL, "failure", "error", "skipped" };
	const char *element = elements[outcome];
	if (element) {
		oldc_buf_printf(out, "   <%s message=\"", element);
		if (reason)
			oldc_xml_text(out, reason, true);
		else if (worst)
			oldc_xml_text(out, worst->message, true);
		if (end - first > 1 && !reason)
			oldc_buf_printf(out, _(" (and %zu more findings)"), end - first - 1);
		oldc_buf_putc(out, '"');
		if (outcome != OLDC_JUNIT_SKIPPED)
			oldc_buf_printf(out, " type=\"%s\"", worst ? worst->rule : outcome == OLDC_JUNIT_INVALID ? "invalid" : "failed");
	} else if (first < end)
		oldc_buf_puts(out, "   <system-out");
	if (element || first < end) {
		if (first == end)
			oldc_buf_puts(out, "/>\n");
		else {
			oldc_buf_putc(out, '>');
			oldc_buf text;
			oldc_buf_init(&text);
			for (size_t k = first; k < end; k++)
				oldc_render_diag_text(&text, &diags->items[k], false);
			oldc_xml_text(out, text.data ? text.data : "", false);
			out->failed |= text.failed;
			oldc_buf_release(&text);
			oldc_buf_printf(out, "</%s>\n", element ? element : "system-out");
		}
	}
	oldc_buf_puts(out, "  </testcase>\n");
}

void oldc_junit_finish(const oldc_junit *j, oldc_buf *out)
{
	oldc_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	oldc_buf_printf(out, "<testsuites name=\"");
	oldc_xml_text(out, j->suite, true);
	oldc_buf_printf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\">\n", j->tests,
			j->failures, j->errors, j->skipped);
	oldc_buf_puts(out, " <testsuite name=\"");
	oldc_xml_text(out, j->suite, true);
	oldc_buf_printf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\">\n", j->tests,
			j->failures, j->errors, j->skipped);
	oldc_buf_put(out, j->cases.data ? j->cases.data : "", j->cases.len);
	oldc_buf_puts(out, " </testsuite>\n</testsuites>\n");
	out->failed |= j->cases.failed;
}
