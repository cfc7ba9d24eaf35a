/*
 * cmd_score.c: oldc-score, the scorecard of each Beautiful Community pilot (score.h):
 * which of the indicator tiers its type requires are met, system by system, and
 * whether it passes. Dossiers without a pilot are passed over and said to be.
 */
#include <stdlib.h>
#include <string.h>
#include "oldc/rules.h"
#include "cli.h"
#include "escape.h"
#include "i18n.h"

static const char usage[] = N_(/* xgettext:no-c-format */
	"usage: oldc-score [OPTIONS] PATH...\n"
	"\n"
	"Shows each pilot's scorecard: the indicator tiers its type requires (BC-A1:\n"
	"basic for 综合提升类, basic and guiding for 拆改更新类, all three for 规划新建类),\n"
	"which are met, planned or missing, system by system, and whether it passes.\n"
	"\n"
	"Options:\n"
	"  --stage plan|evaluation  plan counts planned tiers, evaluation only met ones\n"
	"                        (default: evaluation once completion is accepted, else plan)\n"
	"  --fail-under PCT      pass when at least PCT% of the required items are met\n"
	"                        (default 100: every one)\n"
	"  --verbose             add the policy's text of each missing item\n"
	"  --format FORMAT       text (default), json, csv, markdown, or for CI: sarif,\n"
	"                        github (workflow commands), junit; repeat --format for\n"
	"                        several outputs, each -o FILE after it that output's\n"
	"                        file (at most one goes to standard output)\n"
	"  --bom                 begin CSV output with a UTF-8 byte order mark (for Excel)\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --policy FILE, --lang zh|en, --color auto|always|never, --strict, -q,\n"
	"  --as-of YYYY-MM-DD, -h/--help, --version\n"
	"\n"
	"Exit status: 0 every scored pilot passes, 1 one does not, 2 an invalid file, a\n"
	"usage error, or output that could not be written.\n");

static const char *const formats[] = { "text", "json", "csv", "markdown", "sarif", "github", "junit", NULL };

static const oldc_cli_option options[] = {
	{ "stage", true }, { "fail-under", true }, { "verbose", false }, { "bom", false }, { NULL, false }
};

typedef struct score_args {
	oldc_stage stage;
	unsigned fail_under;
	bool verbose, bom;
} score_args;

static int handle(oldc_cli *cli, const char *name, const char *value, void *ctx)
{
	score_args *a = ctx;
	if (strcmp(name, "stage") == 0) {
		if (strcmp(value, "plan") == 0)
			a->stage = OLDC_STAGE_PLAN;
		else if (strcmp(value, "evaluation") == 0)
			a->stage = OLDC_STAGE_EVALUATION;
		else
			return oldc_cli_usage_error(cli, _("--stage takes plan or evaluation, not '%s'"), value), -1;
	} else if (strcmp(name, "fail-under") == 0) {
		char *end;
		long n = strtol(value, &end, 10);
		if (*end == '%')
			end++;
		if (*end || !*value || n < 0 || n > 100)
			return oldc_cli_usage_error(cli, _("--fail-under takes a whole percentage from 0 to 100, not '%s'"), value), -1;
		a->fail_under = (unsigned)n;
	} else if (strcmp(name, "verbose") == 0)
		a->verbose = cli->verbose = true; /* the scorecard's texts, and the walk's skipped files */
	else
		a->bom = true;
	return 0;
}

/* Pads to `width` terminal columns after `s` was written. */
static void pad(oldc_buf *out, const char *s, size_t width)
{
	for (size_t w = oldc_display_width(s); w < width; w++)
		oldc_buf_putc(out, ' ');
}

typedef struct line {
	char *id;
	const char *type;
	size_t met, required;
	bool passed;
} line;

enum { TEXT, JSON, CSV, MARKDOWN, CI };

static int format_of(const oldc_cli *cli, size_t k)
{
	const char *f = cli->outputs[k].format;
	return strcmp(f, "json") == 0 ? JSON : strcmp(f, "csv") == 0 ? CSV : strcmp(f, "markdown") == 0 ? MARKDOWN
		: oldc_ci_format(f) ? CI : TEXT;
}

/* One line per pilot, what a reviewer reads first (columns by display width), and the
 * totals: text, or a Markdown table. */
static void summary(oldc_buf *out, bool md, const line *lines, size_t n, size_t scored, size_t passed,
		    size_t invalid, size_t not_pilots)
{
	size_t width = oldc_display_width(_("pilot"));
	for (size_t i = 0; lines && i < n; i++)
		if (lines[i].id && oldc_display_width(lines[i].id) > width)
			width = oldc_display_width(lines[i].id);
	if (scored > 1 && md)
		oldc_buf_puts(out, _("| pilot | type | met / required | passed |\n|---|---|---:|---|\n"));
	else if (scored > 1) {
		oldc_buf_puts(out, _("pilot"));
		pad(out, _("pilot"), width + 2);
		oldc_buf_puts(out, _("type           met / required  passed\n"));
	}
	for (size_t i = 0; lines && scored > 1 && i < n; i++) {
		if (!lines[i].id)
			continue;
		char ratio[48];
		if (strcmp(lines[i].type, "-") == 0)
			snprintf(ratio, sizeof ratio, "-");
		else
			snprintf(ratio, sizeof ratio, "%zu / %zu", lines[i].met, lines[i].required);
		if (md)
			oldc_buf_printf(out, "| %s | %s | %s | %s |\n", lines[i].id, lines[i].type, ratio,
					lines[i].passed ? _("yes") : _("**no**"));
		else {
			oldc_buf_puts(out, lines[i].id);
			pad(out, lines[i].id, width + 2);
			oldc_buf_printf(out, "%-14s %-15s %s\n", lines[i].type, ratio, lines[i].passed ? _("yes") : _("NO"));
		}
	}
	oldc_buf_printf(out, _("%s%zu %s: %zu passed, %zu failed; %zu invalid %s, %zu not %s\n"),
			md && scored > 1 ? "\n" : "",
			scored, P_("pilot", "pilots", scored), passed, scored - passed,
			invalid, P_("file", "files", invalid), not_pilots,
			P_("a pilot", "pilots", not_pilots));
}

int cmd_score(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc-score", .usage = usage, .formats = formats };
	score_args args = { .stage = OLDC_STAGE_DEFAULT, .fail_under = 100 };
	int status;
	if (oldc_cli_start(&cli, argc, argv, options, handle, &args, N_("no dossier given (a file, a directory, or - for standard input)"), &status) < 0)
		goto done;
	size_t n = 0;
	char **files = oldc_cli_dossiers(&cli, &n, &status);
	line *lines = calloc(n ? n : 1, sizeof *lines);
	bool oom = !files || !lines;
	oldc_buf outs[OLDC_CLI_OUTPUTS];
	oldc_ci ci;
	oldc_ci_init(&ci, &cli);
	for (size_t k = 0; k < cli.n_outputs; k++) {
		oldc_buf_init(&outs[k]);
		if (format_of(&cli, k) == CSV) {
			if (args.bom)
				oldc_buf_puts(&outs[k], "\xEF\xBB\xBF");
			oldc_render_score_csv_header(&outs[k]);
		} else if (format_of(&cli, k) == JSON)
			oldc_cli_json_open(&cli, &outs[k]);
	}
	size_t scored = 0, passed = 0, invalid = 0, not_pilots = 0, results = 0;
	for (size_t i = 0; !oom && i < n; i++) {
		oldc_diags diags;
		oldc_diags_init(&diags);
		oldc_dossier *d = oldc_dossier_load(files[i], NULL, 0, cli.policy, NULL, &diags);
		oldc_scorecard card;
		if (!d) {
			invalid++;
			status = OLDC_EXIT_INVALID;
			oldc_diags_sort(&diags, 0);
			bool json = false;
			for (size_t k = 0; k < cli.n_outputs; k++) {
				if (format_of(&cli, k) != JSON)
					continue;
				json = true;
				oldc_buf *out = &outs[k];
				oldc_buf_puts(out, results ? ",\n  " : "\n  ");
				oldc_buf_putc(out, '{');
				oldc_buf_json_file(out, files[i]);
				oldc_buf_puts(out, ", \"id\": null, \"valid\": false, \"findings\": [");
				for (size_t k2 = 0; k2 < diags.count; k2++) {
					oldc_buf_puts(out, k2 ? ", " : "");
					oldc_render_diag_json(out, &diags.items[k2]);
				}
				oldc_buf_puts(out, "]}");
			}
			results += json;
			if (!json || cli.n_outputs > 1)
				oldc_cli_print_diags(&diags, 0, diags.count);
			oldc_ci_file(&ci, files[i], NULL, OLDC_JUNIT_INVALID, NULL, &diags, 0, diags.count);
		} else if (d->pilot.node && !d->pilot.type) {
			/* a pilot of no type cannot be scored: a failure, not a pass */
			scored++;
			if (status == OLDC_EXIT_OK)
				status = OLDC_EXIT_FAILED;
			lines[i] = (line){ .id = strdup(d->id->text), .type = "-" };
			oom |= !lines[i].id;
			oldc_cli_eprintf(_("%s: %s: the pilot has no type, so nothing can be required of it: give pilot.type\n"),
				cli.prog, files[i]);
			bool json = false;
			for (size_t k = 0; k < cli.n_outputs; k++) {
				if (format_of(&cli, k) != JSON)
					continue;
				json = true;
				oldc_buf *out = &outs[k];
				oldc_buf_puts(out, results ? ",\n  " : "\n  ");
				oldc_buf_putc(out, '{');
				oldc_buf_json_file(out, files[i]);
				oldc_buf_puts(out, ", \"id\": ");
				oldc_buf_json_string(out, d->id->text);
				oldc_buf_puts(out, ", \"type\": null, \"passed\": false, \"reason\": \"no pilot type\"}");
			}
			results += json;
			oldc_diag_add(&diags, OLDC_ERROR, files[i], d->pilot.node->line, d->pilot.node->column,
				      "score.failed", oldc_rule_clause(oldc_rule_at(R_SCORE_FAILED), cli.policy),
				      _("the pilot has no type, so nothing can be required of it: give pilot.type"));
			oldc_ci_file(&ci, files[i], d->id->text, OLDC_JUNIT_FAILED, NULL, &diags, 0, diags.count);
		} else if (!d->pilot.node) {
			not_pilots++;
			for (size_t k = 0; k < cli.n_outputs; k++)
				if (format_of(&cli, k) == TEXT && !cli.quiet)
				{
					oldc_buf s1, s2;
					oldc_buf_init(&s1);
					oldc_buf_init(&s2);
					oldc_buf_printf(&outs[k], _("%s: %s is not a pilot (no pilot section): no scorecard\n\n"),
							oldc_term(&s1, files[i]), oldc_term(&s2, d->id->text));
					oom |= s1.failed || s2.failed;
					oldc_buf_release(&s1);
					oldc_buf_release(&s2);
				}
			oldc_ci_file(&ci, files[i], d->id->text, OLDC_JUNIT_SKIPPED,
				     _("not a pilot (no pilot section): no scorecard"), &diags, 0, diags.count);
		} else if (oldc_score(d, cli.policy, args.stage, args.fail_under, cli.as_of, &card) < 0) {
			oom = true;
		} else {
			scored++;
			passed += card.passed;
			if (!card.passed && status == OLDC_EXIT_OK)
				status = OLDC_EXIT_FAILED;
			lines[i] = (line){ .id = strdup(d->id->text), .met = card.met, .required = card.required,
					   .passed = card.passed,
					   .type = cli.policy->catalogs[OLDC_CAT_PILOT_TYPE].ids[card.type] };
			oom |= !lines[i].id;
			bool json = false;
			for (size_t k = 0; k < cli.n_outputs; k++) {
				oldc_buf *out = &outs[k];
				switch (format_of(&cli, k)) {
				case JSON:
					oldc_buf_puts(out, results ? ",\n  " : "\n  ");
					json = true;
					oldc_render_score_json(out, files[i], d, cli.policy, &card);
					break;
				case CSV:
					oldc_render_score_csv(out, files[i], d, cli.policy, &card);
					break;
				case MARKDOWN:
					oldc_render_score_markdown(out, files[i], d, cli.policy, &card);
					oldc_buf_putc(out, '\n');
					break;
				case TEXT:
					if (!cli.quiet) {
						oldc_render_score_text(out, files[i], d, cli.policy, &card, args.verbose,
								       oldc_cli_color(&cli, k));
						oldc_buf_putc(out, '\n');
					}
					break;
				default:
					break;
				}
			}
			results += json;
			if (!card.passed)
				oldc_diag_add(&diags, OLDC_ERROR, files[i], d->pilot.node->line, d->pilot.node->column,
					      "score.failed", oldc_rule_clause(oldc_rule_at(R_SCORE_FAILED), cli.policy),
					      _("%zu of the %zu indicator tiers its type requires are met, and it needs %u%%: "
						"see oldc-score's scorecard for the missing ones"),
					      card.met, card.required, card.fail_under);
			oldc_ci_file(&ci, files[i], d->id->text, card.passed ? OLDC_JUNIT_PASSED : OLDC_JUNIT_FAILED,
				     NULL, &diags, 0, diags.count);
			oldc_scorecard_release(&card);
		}
		oom |= diags.out_of_memory;
		oldc_dossier_free(d);
		oldc_diags_release(&diags);
	}
	for (size_t k = 0; k < cli.n_outputs; k++) {
		oldc_buf *out = &outs[k];
		int fmt = format_of(&cli, k);
		if (oldc_ci_render(&ci, cli.outputs[k].format, out))
			continue;
		if (fmt == JSON)
			oldc_buf_printf(out, "%s],\n \"summary\": {\"files\": %zu, \"pilots\": %zu, \"passed\": %zu, \"failed\": %zu, "
					"\"invalid\": %zu, \"not_pilots\": %zu}}\n", results ? "\n " : "", n, scored, passed,
					scored - passed, invalid, not_pilots);
		else if (fmt == TEXT || fmt == MARKDOWN)
			summary(out, fmt == MARKDOWN, lines, n, scored, passed, invalid, not_pilots);
	}
	oom |= oldc_ci_failed(&ci);
	oldc_cli_finish_all(&cli, outs, oom, &status);
	oldc_ci_release(&ci);
	for (size_t i = 0; lines && i < n; i++)
		free(lines[i].id);
	free(lines);
	oldc_inputs_free(files);
done:
	oldc_cli_release(&cli);
	return status;
}
