/*
 * cmd_validate.c: `oldc validate PATH...`, the strict loader on its own. It checks that
 * each dossier is well-formed (YAML, the dossier format, the policy's catalogs) and
 * says nothing about verdicts: that is oldc-check's. It is what a pre-commit hook or an
 * editor's "check on save" wants: fast, and only about the file's form.
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "escape.h"
#include "i18n.h"

static const char usage[] = N_(
	"usage: oldc validate [OPTIONS] PATH...\n"
	"\n"
	"Checks dossiers against the dossier format and the policy's catalogs\n"
	"(man oldc-dossier(5)). PATH is a file, a directory (searched for *.yaml and\n"
	"*.yml) or - for standard input.\n"
	"\n"
	"Options:\n"
	"  --format FORMAT       text (default), json, or for CI: sarif, github\n"
	"                        (workflow commands), junit; repeat --format for\n"
	"                        several outputs, each -o FILE after it that output's\n"
	"                        file (at most one goes to standard output)\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --policy FILE         use this policy file instead of the built-in one\n"
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

static const char *const formats[] = { "text", "json", "sarif", "github", "junit", NULL };

typedef struct result {
	const char *file;
	char *id;                /* from a valid dossier (owned), else NULL */
	bool valid;
	size_t first, end;       /* its findings in the shared list */
} result;

static void render_text(const oldc_cli *cli, oldc_buf *out, const oldc_diags *diags,
			const result *r, size_t n, bool color)
{
	size_t valid = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t k = r[i].first; k < r[i].end; k++)
			oldc_render_diag_text(out, &diags->items[k], color);
		valid += r[i].valid;
		if (r[i].valid && !cli->quiet)
		{
			oldc_buf name;
			oldc_buf_init(&name);
			oldc_buf_printf(out, _("%s: valid\n"), oldc_term(&name, r[i].file));
			out->failed |= name.failed;
			oldc_buf_release(&name);
		}
	}
	if (!cli->quiet)
		oldc_buf_printf(out, P_("%zu file: %zu valid, %zu invalid\n", "%zu files: %zu valid, %zu invalid\n", n),
				n, valid, n - valid);
}

static void render_json(const oldc_cli *cli, oldc_buf *out, const oldc_diags *diags,
			const result *r, size_t n)
{
	oldc_cli_json_open(cli, out);
	size_t valid = 0, errors = 0, warnings = 0;
	for (size_t i = 0; i < n; i++) {
		oldc_buf_puts(out, i ? ",\n  {" : "\n  {");
		oldc_buf_json_file(out, r[i].file);
		oldc_buf_puts(out, ", \"id\": ");
		if (r[i].id)
			oldc_buf_json_string(out, r[i].id);
		else
			oldc_buf_puts(out, "null");
		oldc_buf_printf(out, ", \"valid\": %s, \"findings\": [", r[i].valid ? "true" : "false");
		for (size_t k = r[i].first; k < r[i].end; k++) {
			if (k > r[i].first)
				oldc_buf_puts(out, ", ");
			oldc_render_diag_json(out, &diags->items[k]);
		}
		oldc_buf_puts(out, "]}");
		valid += r[i].valid;
		errors += oldc_diags_count(diags, r[i].first, OLDC_ERROR) -
			  oldc_diags_count(diags, r[i].end, OLDC_ERROR);
		warnings += oldc_diags_count(diags, r[i].first, OLDC_WARNING) -
			    oldc_diags_count(diags, r[i].end, OLDC_WARNING);
	}
	oldc_buf_printf(out, "%s],\n \"summary\": {\"files\": %zu, \"valid\": %zu, \"invalid\": %zu, "
			"\"errors\": %zu, \"warnings\": %zu}}\n",
			n ? "\n " : "", n, valid, n - valid, errors, warnings);
}

int cmd_validate(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc validate", .usage = usage, .formats = formats };
	int status;
	if (oldc_cli_start(&cli, argc, argv, NULL, NULL, NULL,
			   N_("no dossier given (a file, a directory, or - for standard input)"), &status) < 0)
		goto done;
	oldc_diags diags;
	oldc_diags_init(&diags);
	size_t n = 0;
	char **files = oldc_cli_dossiers(&cli, &n, &status);
	result *results = calloc(n ? n : 1, sizeof *results);
	if (!files || !results) {
		fprintf(stderr, _("%s: out of memory\n"), cli.prog);
		status = OLDC_EXIT_INVALID;
		goto release;
	}
	for (size_t i = 0; i < n; i++) {
		results[i].file = files[i];
		results[i].first = diags.count;
		oldc_dossier *d = oldc_dossier_load(files[i], NULL, 0, cli.policy, NULL, &diags);
		oldc_diags_sort(&diags, results[i].first);
		results[i].end = diags.count;
		results[i].valid = d != NULL;
		if (d && !(results[i].id = strdup(d->id->text)))
			diags.out_of_memory = true;
		if (!d)
			status = OLDC_EXIT_INVALID;
		oldc_dossier_free(d);
	}
	oldc_ci ci;
	oldc_ci_init(&ci, &cli);
	for (size_t i = 0; i < n; i++)
		oldc_ci_file(&ci, results[i].file, results[i].id, results[i].valid ? OLDC_JUNIT_PASSED : OLDC_JUNIT_INVALID,
			     NULL, &diags, results[i].first, results[i].end);
	oldc_buf outs[OLDC_CLI_OUTPUTS];
	for (size_t k = 0; k < cli.n_outputs; k++) {
		oldc_buf_init(&outs[k]);
		if (oldc_ci_render(&ci, cli.outputs[k].format, &outs[k]))
			;
		else if (strcmp(cli.outputs[k].format, "json") == 0)
			render_json(&cli, &outs[k], &diags, results, n);
		else
			render_text(&cli, &outs[k], &diags, results, n, oldc_cli_color(&cli, k));
	}
	oldc_cli_finish_all(&cli, outs, diags.out_of_memory || oldc_ci_failed(&ci), &status);
	oldc_ci_release(&ci);
release:
	for (size_t i = 0; results && i < n; i++)
		free(results[i].id);
	free(results);
	oldc_inputs_free(files);
	oldc_diags_release(&diags);
done:
	oldc_cli_release(&cli);
	return status;
}
