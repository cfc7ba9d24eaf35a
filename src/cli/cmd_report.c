/*
 * cmd_report.c: oldc-report, the city's programme at a glance (report.h): a folder of
 * dossiers checked and scored with the same code as oldc-check and oldc-score, summed
 * against the annual and pilot targets, with what needs attention, as text, Markdown,
 * CSV, JSON or one self-contained HTML page.
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "i18n.h"

static const char usage[] = N_(
	"usage: oldc-report [OPTIONS] PATH...\n"
	"\n"
	"Sums a folder of dossiers against the policy's annual targets (OP-1), its pilot\n"
	"targets (BC-1.3), the 蓝黄红 supervision (BC-4.3) and the first-batch reward\n"
	"(BC-4.4), with what needs attention, most urgent first.\n"
	"\n"
	"Options:\n"
	"  --as-of YYYY-MM-DD    the date deadlines and colours are judged against\n"
	"  --format FORMAT       text (default), markdown, csv, json, html, or for CI\n"
	"                        (the invalid files' findings): sarif, github, junit;\n"
	"                        repeat --format for several outputs, each -o FILE\n"
	"                        after it that output's file (at most one on stdout)\n"
	"  --group-by district|year|type   the dossiers by that key, with subtotals\n"
	"  --year Y              only dossiers planned for year Y\n"
	"  --district D          only dossiers of district D\n"
	"  --bom                 begin CSV output with a UTF-8 byte order mark (for Excel)\n"
	"  --allow-outside       ballots sheets may lie outside the dossiers' repository\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --policy FILE, --lang zh|en, --color auto|always|never, --strict, -q,\n"
	"  -h/--help, --version\n"
	"\n"
	"Exit status: 0 the report was made (whatever it shows), 2 an invalid or\n"
	"unreadable dossier (listed in the report, never dropped), a usage error, or\n"
	"output that could not be written.\n");

static const char *const formats[] = { "text", "markdown", "csv", "json", "html", "sarif", "github", "junit", NULL };

static const oldc_cli_option options[] = {
	{ "group-by", true }, { "year", true }, { "district", true }, { "bom", false },
	{ "allow-outside", false }, { NULL, false }
};

typedef struct report_args {
	oldc_group_by group_by;
	const char *district;
	long year;
	bool bom, allow_outside;
} report_args;

static int handle(oldc_cli *cli, const char *name, const char *value, void *ctx)
{
	report_args *a = ctx;
	if (strcmp(name, "group-by") == 0) {
		for (a->group_by = OLDC_GROUP_DISTRICT; a->group_by <= OLDC_GROUP_TYPE; a->group_by++)
			if (strcmp(value, oldc_group_by_word(a->group_by)) == 0)
				return 0;
		return oldc_cli_usage_error(cli, _("--group-by takes district, year or type, not '%s'"), value), -1;
	} else if (strcmp(name, "year") == 0) {
		char *end;
		a->year = strtol(value, &end, 10);
		if (*end || a->year < 1800 || a->year > 2100)
			return oldc_cli_usage_error(cli, _("--year needs a year, not '%s'"), value), -1;
	} else if (strcmp(name, "district") == 0)
		a->district = value;
	else if (strcmp(name, "bom") == 0)
		a->bom = true;
	else
		a->allow_outside = cli->allow_outside = true;
	return 0;
}

int cmd_report(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc-report", .usage = usage, .formats = formats };
	report_args args = { 0 };
	int status;
	if (oldc_cli_start(&cli, argc, argv, options, handle, &args,
			   N_("no dossier given (a folder, files, or - for standard input)"), &status) < 0)
		goto done;
	size_t n = 0;
	char **files = oldc_cli_dossiers(&cli, &n, &status);
	oldc_report report = { 0 };
	bool oom = !files || oldc_report_init(&report, cli.policy, cli.as_of) < 0;
	oldc_batch_ids seen = { 0 };
	bool text = false;
	for (size_t k = 0; k < cli.n_outputs; k++)
		text |= strcmp(cli.outputs[k].format, "text") == 0;
	oldc_ci ci; /* the CI formats: the findings that keep files out of the sums */
	oldc_ci_init(&ci, &cli);
	for (size_t i = 0; !oom && i < n; i++) {
		oldc_diags diags;
		oldc_diags_init(&diags);
		oldc_dossier *d = oldc_dossier_load(files[i], NULL, 0, cli.policy, NULL, &diags);
		/* the finding that keeps a file out of the sums: [bad, bad_end) */
		size_t bad = 0, bad_end = 0;
		bool asked = !d || ((!args.year || d->plan_year->value.integer == args.year) &&
				    (!args.district || strcmp(d->district->text, args.district) == 0));
		if (!d) {
			oldc_diags_sort(&diags, 0);
			bad_end = diags.count;
		} else if (asked) {
			oldc_check_result r;
			if (oldc_cli_dossier_sheets(&cli, d, &diags)) {
				oldc_cli_refuse_outputs(&cli, NULL, NULL); /* its finding says which */
				status = OLDC_EXIT_INVALID;
			}
			oldc_check_options opt = { .as_of = cli.as_of };
			oldc_load_options lopt = { .allow_outside = args.allow_outside };
			int dup = oldc_batch_ids_check(&seen, d->id->text, d->file, d->id->line, d->id->column, &diags);
			oldc_loaded loaded;
			int load = oldc_load(d, &lopt, &loaded);
			int checked = oldc_check(&loaded, cli.policy, &opt, &diags, &r);
			oldc_loaded_release(&loaded);
			if (dup < 0 || load < 0 || checked < 0) {
				oom = true; /* the result is not whole: nothing of it is summed */
				oldc_dossier_free(d);
				oldc_diags_release(&diags);
				break;
			}
			oldc_diags_sort(&diags, 0);
			/* a copy of a dossier, or a ballots sheet that cannot be counted: listed
			 * with the invalid files, never summed */
			for (size_t k = 0; k < diags.count && bad == bad_end; k++) {
				const char *rule = diags.items[k].rule;
				if (diags.items[k].severity == OLDC_ERROR &&
				    ((dup > 0 && strcmp(rule, "batch.duplicate_id") == 0) ||
				     (r.input_invalid && (!strncmp(rule, "ballots.", 8) || !strncmp(rule, "csv.", 4) ||
							  !strncmp(rule, "io.", 3)))))
					bad = k, bad_end = k + 1;
			}
			if (bad == bad_end)
				oldc_report_add(&report, d, &r, &diags, 0, diags.count);
		}
		if (asked)
			oldc_ci_file(&ci, files[i], d ? d->id->text : NULL, bad < bad_end ? OLDC_JUNIT_INVALID : OLDC_JUNIT_PASSED,
				     NULL, &diags, bad, bad_end);
		else
			oldc_ci_file(&ci, files[i], d->id->text, OLDC_JUNIT_SKIPPED, _("not in the --year or --district asked for"),
				     &diags, 0, 0);
		if (bad < bad_end) {
			status = OLDC_EXIT_INVALID;
			oldc_report_add_invalid(&report, files[i], &diags, bad, bad_end);
			if (!text) /* the text report lists them itself */
				oldc_cli_print_diags(&diags, bad, bad_end);
		}
		oom |= diags.out_of_memory;
		oldc_dossier_free(d);
		oldc_diags_release(&diags);
	}
	oldc_batch_ids_release(&seen);
	oldc_buf outs[OLDC_CLI_OUTPUTS];
	if (!oom)
		oldc_report_finish(&report, args.group_by);
	oom |= report.out_of_memory || oldc_ci_failed(&ci); /* strings may be missing: render nothing */
	for (size_t k = 0; k < cli.n_outputs; k++) {
		const char *format = cli.outputs[k].format;
		oldc_buf *out = &outs[k];
		oldc_buf_init(out);
		if (oom || oldc_ci_render(&ci, format, out))
			;
		else if (strcmp(format, "json") == 0)
			oldc_render_report_json(out, &report);
		else if (strcmp(format, "csv") == 0)
			oldc_render_report_csv(out, &report, args.bom);
		else if (strcmp(format, "markdown") == 0)
			oldc_render_report_markdown(out, &report);
		else if (strcmp(format, "html") == 0)
			oldc_render_report_html(out, &report);
		else if (!cli.quiet)
			oldc_render_report_text(out, &report);
	}
	oldc_cli_finish_all(&cli, outs, oom, &status);
	oldc_ci_release(&ci);
	oldc_report_release(&report);
	oldc_inputs_free(files);
done:
	oldc_cli_release(&cli);
	return status;
}
