/*
 * cmd_explain.c: `oldc explain ID...`, the policy behind a finding. A reviewer who sees
 * [consultation.participation] (OP-6) in a pull request asks what OP-6 says, and the
 * planner what to do about it; this prints both, the clause in the Chinese of the
 * policy and in oldc's English, with the rules that cite it, so that it can be quoted.
 * The texts come from the rule catalog and the policy (explain.h).
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "i18n.h"
#include "oldc/explain.h"

static const char usage[] = N_(
	"usage: oldc explain [OPTIONS] ID...\n"
	"       oldc explain --list\n"
	"\n"
	"Prints what stands behind a finding: for a rule id (consultation.participation)\n"
	"its meaning, what to do about it and the text of the clause it cites; for a\n"
	"clause id (OP-6, BC-3.2.3, JK-63) the policy's text in Chinese, as the document\n"
	"has it, and in English, with the rules that cite it; for an indicator\n"
	"(BC-A1-17) its tiers.\n"
	"\n"
	"Options:\n"
	"  --list                every id it knows, with a line on each\n"
	"  --format text|json    output format (default text)\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --policy FILE         explain this policy file's clauses instead of the built-in\n"
	"  --lang zh|en          language of messages (default from the locale)\n"
	"  -h, --help            this help\n"
	"  --version             the version\n"
	"\n"
	"Exit status: 0 every id was explained, 2 an unknown id or a usage error.\n");

static const char *const formats[] = { "text", "json", NULL };
static const oldc_cli_option options[] = { { "list", false }, { NULL, false } };

static int handle(oldc_cli *cli, const char *name, const char *value, void *ctx)
{
	(void)cli, (void)name, (void)value;
	*(bool *)ctx = true;
	return 0;
}

/* One output: the list and the explanations of the known ids, as text or as one JSON
 * document {"tool", "version", "policy", "ids": [...] (with --list), "results": [...]}
 * (no as-of date: nothing here depends on it). */
static void render(const oldc_cli *cli, oldc_buf *out, bool json, bool list, const bool *known)
{
	if (json) {
		oldc_buf_printf(out, "{\"tool\": \"%s\", \"version\": \"%s\", \"policy\": ", cli->prog, oldc_version());
		oldc_buf_json_string(out, cli->policy->id->text);
	}
	if (list) {
		if (json)
			oldc_buf_puts(out, ",\n \"ids\": [");
		oldc_explain_list(out, cli->policy, json);
		if (json)
			oldc_buf_puts(out, "\n ]");
	}
	if (json && cli->n_operands)
		oldc_buf_puts(out, ",\n \"results\": [");
	size_t shown = 0;
	for (int i = 0; i < cli->n_operands; i++) {
		if (!known[i])
			continue;
		if (json)
			oldc_buf_puts(out, shown ? ",\n  " : "\n  ");
		else if (shown || list)
			oldc_buf_puts(out, "\n");
		oldc_explain(out, cli->policy, cli->operands[i], json);
		shown++;
	}
	if (json && cli->n_operands)
		oldc_buf_puts(out, shown ? "\n ]" : "]");
	if (json)
		oldc_buf_puts(out, "}\n");
}

int cmd_explain(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc explain", .usage = usage, .formats = formats };
	int status = OLDC_EXIT_OK;
	bool list = false;
	if (oldc_cli_parse(&cli, argc, argv, options, handle, &list, &status) < 0)
		goto done;
	if (!list && cli.n_operands == 0) {
		status = oldc_cli_usage_error(&cli, "%s", _("no id given (a rule id, a clause id of the policy, or --list)"));
		goto done;
	}
	if (oldc_cli_load_policy(&cli) < 0) {
		status = OLDC_EXIT_INVALID;
		goto done;
	}
	/* An unknown id is said once, however many outputs the run has. */
	bool *known = calloc((size_t)cli.n_operands + 1, sizeof *known);
	if (!known) {
		fprintf(stderr, "%s: %s\n", cli.prog, _("out of memory"));
		status = OLDC_EXIT_INVALID;
		goto done;
	}
	for (int i = 0; i < cli.n_operands; i++) {
		const char *id = cli.operands[i];
		oldc_buf probe;
		oldc_buf_init(&probe);
		known[i] = oldc_explain(&probe, cli.policy, id, false) == 0;
		oldc_buf_release(&probe);
		if (known[i])
			continue;
		const char *near = oldc_explain_nearest(cli.policy, id);
		if (near)
			fprintf(stderr, _("%s: unknown id '%s'; did you mean '%s'?\n"), cli.prog, id, near);
		else
			fprintf(stderr, _("%s: unknown id '%s' (oldc explain --list shows every id)\n"), cli.prog, id);
		status = OLDC_EXIT_INVALID;
	}
	oldc_buf outs[OLDC_CLI_OUTPUTS];
	for (size_t k = 0; k < cli.n_outputs; k++) {
		oldc_buf_init(&outs[k]);
		render(&cli, &outs[k], strcmp(cli.outputs[k].format, "json") == 0, list, known);
	}
	free(known);
	oldc_cli_finish_all(&cli, outs, false, &status);
done:
	oldc_cli_release(&cli);
	return status;
}
