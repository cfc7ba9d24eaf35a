/*
 * cmd_score.c: oldc-score, the scorecard of each Beautiful Community pilot (score.h):
 * which of the indicator tiers its type requires are met, system by system, and
 * whether it passes. Dossiers without a pilot are passed over and said to be. What came
 * of each is the library's (oldc_score_judge); its formats are output_score.c's.
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
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
	"  --format FORMAT       @FORMATS@\n"
	"                        (sarif, github and junit are for CI); repeat --format\n"
	"                        for several outputs, each -o FILE after it that\n"
	"                        output's file (at most one goes to standard output)\n"
	"  --bom                 begin CSV output with a UTF-8 byte order mark (for Excel)\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --policy FILE, --lang zh|en, --color auto|always|never, --strict, -q,\n"
	"  --as-of YYYY-MM-DD, --stdin-filename NAME, -h/--help, --version\n"
	"\n"
	"Exit status: 0 every scored pilot passes, 1 one does not, 2 an invalid file, a\n"
	"usage error, or output that could not be written.\n");

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
		a->bom = cli->bom = true;
	return 0;
}

int cmd_score(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc-score", .takes_stdin_filename = true, .usage = usage, .table = oldc_score_formats };
	score_args args = { .stage = OLDC_STAGE_DEFAULT, .fail_under = 100 };
	int status;
	if (oldc_cli_start(&cli, argc, argv, options, handle, &args, N_("no dossier given (a file, a directory, or - for standard input)"), &status) < 0)
		goto done;
	size_t n = 0;
	char **files = oldc_cli_dossiers(&cli, &n, &status);
	bool oom = !files;
	oldc_cli_outputs outs;
	oldc_cli_outputs_begin(&cli, &outs);
	/* the findings of a file that did not load go to stderr unless the one output is
	 * a format that shows them */
	bool stderr_invalid = !oldc_cli_outputs_say_invalid(&outs) || cli.n_outputs > 1;
	oldc_score_summary summary = { 0 };
	for (size_t i = 0; !oom && i < n; i++) {
		oldc_diags diags;
		oldc_diags_init(&diags);
		oldc_dossier *d = oldc_cli_dossier_load(&cli, files[i], &diags);
		if (!d)
			oldc_diags_sort(&diags, 0);
		oldc_scorecard card;
		oldc_score_outcome outcome;
		if (oldc_score_judge(d, cli.policy, args.stage, args.fail_under, cli.as_of, &card, &diags, &outcome) < 0) {
			oom = true;
			oldc_dossier_free(d);
			oldc_diags_release(&diags);
			break;
		}
		static const oldc_junit_outcome junit[] = {
			[OLDC_SCORED_PASSED] = OLDC_JUNIT_PASSED, [OLDC_SCORED_FAILED] = OLDC_JUNIT_FAILED,
			[OLDC_SCORE_NO_TYPE] = OLDC_JUNIT_FAILED, [OLDC_SCORE_NOT_PILOT] = OLDC_JUNIT_SKIPPED,
			[OLDC_SCORE_INVALID] = OLDC_JUNIT_INVALID,
		};
		bool scored = outcome == OLDC_SCORED_PASSED || outcome == OLDC_SCORED_FAILED;
		oldc_score_item item = {
			.base = { .file = oldc_cli_input_name(&cli, files[i]), .id = d ? d->id->text : NULL, .outcome = junit[outcome],
				  .reason = outcome == OLDC_SCORE_NOT_PILOT ? _("not a pilot (no pilot section): no scorecard")
				  : NULL, .diags = &diags, .first = 0, .end = diags.count },
			.outcome = outcome, .dossier = d, .card = scored ? &card : NULL };
		if (outcome == OLDC_SCORE_INVALID) {
			status = OLDC_EXIT_INVALID;
			if (stderr_invalid)
				oldc_cli_print_diags(&diags, 0, diags.count);
		} else if ((outcome == OLDC_SCORE_NO_TYPE || outcome == OLDC_SCORED_FAILED) && status == OLDC_EXIT_OK)
			status = OLDC_EXIT_FAILED;
		if (outcome == OLDC_SCORE_NO_TYPE)
			oldc_cli_eprintf(_("%s: %s: the pilot has no type, so nothing can be required of it: give pilot.type\n"),
					 cli.prog, oldc_cli_input_name(&cli, files[i]));
		oldc_cli_outputs_file(&outs, &item);
		oldc_score_summary_add(&summary, &item, cli.policy);
		if (scored)
			oldc_scorecard_release(&card);
		oom |= diags.out_of_memory || summary.failed;
		oldc_dossier_free(d);
		oldc_diags_release(&diags);
	}
	oldc_cli_outputs_finish(&cli, &outs, &summary, oom, &status);
	oldc_score_summary_release(&summary);
	oldc_inputs_free(files);
done:
	oldc_cli_release(&cli);
	return status;
}
