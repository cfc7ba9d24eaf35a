/*
 * fuzz_dossier.c: a dossier from the fuzzer through everything that reads one: the
 * strict loader, every rule of oldc-check, the scorecard, and every renderer of
 * oldc-check, oldc-score and oldc-report (text, JSON, CSV, Markdown, HTML, and the CI
 * formats SARIF, GitHub and JUnit), so that findings and strings built from hostile
 * input reach each output.
 *
 * Speed is the fuzzer's coverage, so what holds nothing of the input is not redone at
 * every run. The output buffer lives as long as the process and is emptied after each
 * renderer, so a run grows no memory once a large output has been seen. The SARIF
 * log's tail, the driver's rules with their help (a third of a run when rendered every
 * time, about 350 KB), depends on the policy alone: the results are escaped as each
 * finding is added, and under libFuzzer (`make fuzz` defines OLDC_FUZZ_SARIF_EVERY as
 * 16) the log is finished for one input in 16, by its size; replay.c finishes every
 * log.
 */
#include <stdlib.h>
#include "fuzz.h"
#include "oldc/render.h"

/* The outputs, one after another; the process ends with it (LeakSanitizer sees it
 * reachable). */
static oldc_buf b;

#ifndef OLDC_FUZZ_SARIF_EVERY
#define OLDC_FUZZ_SARIF_EVERY 1
#endif

/* Forgets what the last renderer wrote, keeping the memory. */
static void drain(oldc_buf *out)
{
	out->len = 0;
	out->failed = false;
	if (out->data)
		out->data[0] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const oldc_policy *p = fuzz_policy();
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_dossier *x = oldc_dossier_load("fuzz.yaml", (const char *)data, size, p, NULL, &d);
	drain(&b);
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
		oldc_render_check_text(&b, "fuzz.yaml", x, &r, p, &d, 0, d.count, true);
		oldc_render_check_json(&b, "fuzz.yaml", x, &r, p, &d, 0, d.count);
		if (x->pilot.node && x->pilot.type) {
			oldc_scorecard c;
			if (oldc_score(x, p, OLDC_STAGE_DEFAULT, 100, fuzz_as_of(), &c) == 0) {
				oldc_render_score_text(&b, "fuzz.yaml", x, p, &c, true, true);
				oldc_render_score_json(&b, "fuzz.yaml", x, p, &c);
				oldc_render_score_csv(&b, "fuzz.yaml", x, p, &c);
				oldc_render_score_markdown(&b, "fuzz.yaml", x, p, &c);
				oldc_scorecard_release(&c);
			}
		}
		oldc_report_add(&report, x, &r, &d, 0, d.count);
	} else {
		oldc_render_check_text(&b, "fuzz.yaml", NULL, NULL, p, &d, 0, d.count, false);
		oldc_render_check_json(&b, "fuzz.yaml", NULL, NULL, p, &d, 0, d.count);
		oldc_report_add_invalid(&report, "fuzz.yaml", &d, 0, d.count);
	}
	/* the CI formats: SARIF, GitHub workflow commands, JUnit */
	oldc_sarif sarif;
	oldc_github github;
	oldc_junit junit;
	static const oldc_repo repo = { .cwd = "/src/city", .root = "/src/" }; /* as a command finds it */
	oldc_sarif_init(&sarif, "oldc-check", &repo);
	oldc_github_init(&github, "oldc-check", &repo);
	oldc_junit_init(&junit, "oldc-check");
	for (size_t k = 0; k < d.count; k++) {
		oldc_render_diag_text(&b, &d.items[k], false);
		oldc_render_diag_json(&b, &d.items[k]);
		oldc_sarif_add(&sarif, &d.items[k]);
		oldc_render_diag_github(&b, &d.items[k], &github);
	}
	oldc_junit_case(&junit, "fuzz.yaml", x ? x->id->text : NULL, x ? OLDC_JUNIT_FAILED : OLDC_JUNIT_INVALID, NULL,
			&d, 0, d.count);
	oldc_render_github_summary(&b, &github);
	drain(&b);
	if (size % OLDC_FUZZ_SARIF_EVERY == 0)
		oldc_sarif_finish(&sarif, &b);
	drain(&b);
	oldc_junit_finish(&junit, &b);
	oldc_sarif_release(&sarif);
	oldc_junit_release(&junit);
	oldc_report_finish(&report, (oldc_group_by)(size % 4));
	if (!report.out_of_memory) {
		oldc_render_report_text(&b, &report);
		oldc_render_report_json(&b, &report);
		oldc_render_report_csv(&b, &report, true);
		oldc_render_report_markdown(&b, &report);
		drain(&b);
		oldc_render_report_html(&b, &report);
	}
	oldc_report_release(&report);
	oldc_dossier_free(x);
	oldc_diags_release(&d);
	return 0;
}
