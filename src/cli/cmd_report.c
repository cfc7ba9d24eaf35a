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
	"  --format FORMAT       @FORMATS@\n"
	"                        (sarif, github and junit: the invalid files' findings,\n"
	"                        for CI); repeat --format for several outputs, each\n"
	"                        -o FILE after it that output's file (at most one on\n"
	"                        stdout)\n"
	"  --group-by district|year|type   the dossiers by that key, with subtotals\n"
	"  --year Y              only dossiers planned for year Y\n"
	"  --district D          only dossiers of district D\n"
	"  --bom                 begin CSV output with a UTF-8 byte order mark (for Excel)\n"
	"  --allow-outside       ballots sheets may lie outside the dossiers' repository\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --policy FILE, --lang zh|en, --color auto|always|never, --strict, -q,\n"
	"  --stdin-filename NAME, -h/--help, --version\n"
	"\n"
	"Exit status: 0 the report was made (whatever it shows), 2 an invalid or\n"
	"unreadable dossier (listed in the report, never dropped), a usage error, or\n"
	"output that could not be written.\n");

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
		a->bom = cli->bom = true;
	else
		a->allow_outside = cli->allow_outside = true;
	return 0;
}

int cmd_report(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc-report", .takes_stdin_filename = true, .usage = usage, .table = oldc_report_formats };
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
	oldc_cli_outputs outs; /* the report at the end; the CI formats, file by file, the
				* findings that keep files out of the sums */
	oldc_cli_outputs_begin(&cli, &outs);
	bool stderr_invalid = !oldc_cli_outputs_say_invalid(&outs);
	for (size_t i = 0; !oom && i < n; i++) {
		oldc_diags diags;
		oldc_diags_init(&diags);
		oldc_dossier *d = oldc_cli_dossier_load(&cli, files[i], &diags);
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
			oldc_check_options opt = { .as_of = cli.as_of, .settings = cli.settings };
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
			oldc_report_unsummed(&diags, dup > 0, r.input_invalid, &bad, &bad_end);
			if (bad == bad_end)
				oldc_report_add(&report, d, &r, &diags, 0, diags.count);
		}
		oldc_report_item item = { .base = { .file = oldc_cli_input_name(&cli, files[i]), .id = d ? d->id->text : NULL, .diags = &diags,
						    .first = bad, .end = bad_end } };
		if (!asked)
			item.base = (oldc_output_file){ .file = oldc_cli_input_name(&cli, files[i]), .id = d->id->text, .outcome = OLDC_JUNIT_SKIPPED,
							.reason = _("not in the --year or --district asked for"),
							.diags = &diags };
		else
			item.base.outcome = bad < bad_end ? OLDC_JUNIT_INVALID : OLDC_JUNIT_PASSED;
		oldc_cli_outputs_file(&outs, &item);
		if (bad < bad_end) {
			status = OLDC_EXIT_INVALID;
			oldc_report_add_invalid(&report, oldc_cli_input_name(&cli, files[i]), &diags, bad, bad_end);
			if (stderr_invalid) /* else the text report lists them itself */
				oldc_cli_print_diags(&diags, bad, bad_end);
		}
		oom |= diags.out_of_memory;
		oldc_dossier_free(d);
		oldc_diags_release(&diags);
	}
	oldc_batch_ids_release(&seen);
	if (!oom)
		oldc_report_finish(&report, args.group_by);
	oom |= report.out_of_memory; /* strings may be missing: render nothing */
	oldc_cli_outputs_finish(&cli, &outs, &report, oom, &status);
	oldc_report_release(&report);
	oldc_inputs_free(files);
done:
	oldc_cli_release(&cli);
	return status;
}
