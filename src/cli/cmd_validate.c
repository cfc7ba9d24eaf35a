/*
 * cmd_validate.c: `oldc validate PATH...`, the strict loader on its own. It checks that
 * each dossier is well-formed (YAML, the dossier format, the policy's catalogs) and
 * says nothing about verdicts: that is oldc-check's. It is what a pre-commit hook or an
 * editor's "check on save" wants: fast, and only about the file's form.
 */
#include <stdlib.h>
#include "cli.h"
#include "i18n.h"

static const char usage[] = N_(
	"usage: oldc validate [OPTIONS] PATH...\n"
	"\n"
	"Checks dossiers against the dossier format and the policy's catalogs\n"
	"(man oldc-dossier(5)). PATH is a file, a directory (searched for *.yaml and\n"
	"*.yml) or - for standard input.\n"
	"\n"
	"Options:\n"
	"  --format FORMAT       @FORMATS@\n"
	"                        (sarif, github and junit are for CI); repeat --format\n"
	"                        for several outputs, each -o FILE after it that\n"
	"                        output's file (at most one goes to standard output)\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --policy FILE         use this policy file instead of the built-in one\n"
	"  --stdin-filename NAME the name standard input (-) goes by in the findings\n"
	"  --lang zh|en          language of messages (default from the locale)\n"
	"  --color auto|always|never\n"
	"  -q, --quiet           print findings only: no 'valid' lines, no summary\n"
	"  --strict              warnings fail too\n"
	"  --as-of YYYY-MM-DD    the date deadlines are judged against (default today)\n"
	"  -h, --help            this help\n"
	"  --version             the version\n"
	"\n"
	"Exit status: 0 every file is valid, 2 a file is invalid or unreadable, or a\n"
	"usage error.\n");

int cmd_validate(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc validate", .takes_stdin_filename = true, .usage = usage, .table = oldc_validate_formats };
	int status;
	if (oldc_cli_start(&cli, argc, argv, NULL, NULL, NULL,
			   N_("no dossier given (a file, a directory, or - for standard input)"), &status) < 0)
		goto done;
	size_t n = 0;
	char **files = oldc_cli_dossiers(&cli, &n, &status);
	if (!files) {
		fprintf(stderr, _("%s: out of memory\n"), cli.prog);
		status = OLDC_EXIT_INVALID;
		goto done;
	}
	oldc_cli_outputs outs;
	oldc_cli_outputs_begin(&cli, &outs);
	oldc_validate_summary summary = { 0 };
	bool oom = false;
	for (size_t i = 0; i < n; i++) {
		oldc_diags diags;
		oldc_diags_init(&diags);
		oldc_dossier *d = oldc_cli_dossier_load(&cli, files[i], &diags);
		oldc_diags_sort(&diags, 0);
		oldc_validate_item item = {
			.base = { .file = oldc_cli_input_name(&cli, files[i]), .id = d ? d->id->text : NULL,
				  .outcome = d ? OLDC_JUNIT_PASSED : OLDC_JUNIT_INVALID, .diags = &diags,
				  .first = 0, .end = diags.count },
			.valid = d != NULL };
		if (!d)
			status = OLDC_EXIT_INVALID;
		oldc_cli_outputs_file(&outs, &item);
		oldc_validate_summary_add(&summary, &item);
		oom |= diags.out_of_memory;
		oldc_dossier_free(d);
		oldc_diags_release(&diags);
	}
	oldc_cli_outputs_finish(&cli, &outs, &summary, oom, &status);
	oldc_inputs_free(files);
done:
	oldc_cli_release(&cli);
	return status;
}
