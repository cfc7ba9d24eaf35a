/*
 * cmd_explain.c: `oldc explain ID...`, the policy behind a finding. A reviewer who sees
 * [consultation.participation] (OP-6) in a pull request asks what OP-6 says; this
 * prints it, in the Chinese of the policy and in oldc's English, with the rules that
 * cite it, so that it can be quoted. The texts come from the policy (explain.h).
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
	"its meaning and the text of the clause it cites; for a clause id (OP-6,\n"
	"BC-3.2.3, JK-63) the policy's text in Chinese, as the document has it, and in\n"
	"English, with the rules that cite it; for an indicator (BC-A1-17) its tiers.\n"
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

int cmd_explain(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc explain", .usage = usage, .formats = formats };
	int status = OLDC_EXIT_OK;
	bool list = false;
	if (oldc_cli_parse(&cli, argc, argv, options, handle, &list, &status) < 0)
		goto done;
	if (!list && cli.n_operands == 0) {
		status = oldc_cli_usage_error(&cli, "%s", _("no id given (a rule id, a clause id such as OP-6, or --list)"));
		goto done;
	}
	if (oldc_cli_load_policy(&cli) < 0) {
		status = OLDC_EXIT_INVALID;
		goto done;
	}
	bool json = strcmp(cli.format, "json") == 0;
	oldc_buf out;
	oldc_buf_init(&out);
	if (list)
		oldc_explain_list(&out, cli.policy);
	if (json && cli.n_operands) { /* as oldc_cli_json_open, but no as-of date: nothing here depends on it */
		oldc_buf_printf(&out, "{\"tool\": \"%s\", \"version\": \"%s\", \"policy\": ", cli.prog, oldc_version());
		oldc_buf_json_string(&out, cli.policy->id->text);
		oldc_buf_puts(&out, ",\n \"results\": [");
	}
	size_t shown = 0;
	for (int i = 0; i < cli.n_operands; i++) {
		const char *id = cli.operands[i];
		oldc_buf one;
		oldc_buf_init(&one);
		if (oldc_explain(&one, cli.policy, id, json) < 0) {
			const char *near = oldc_explain_nearest(cli.policy, id);
			if (near)
				fprintf(stderr, _("%s: unknown id '%s'; did you mean '%s'?\n"), cli.prog, id, near);
			else
				fprintf(stderr, _("%s: unknown id '%s' (oldc explain --list shows every id)\n"), cli.prog, id);
			status = OLDC_EXIT_INVALID;
		} else {
			if (json)
				oldc_buf_puts(&out, shown ? ",\n  " : "\n  ");
			else if (shown)
				oldc_buf_puts(&out, "\n");
			oldc_buf_put(&out, one.data ? one.data : "", one.len);
			out.failed |= one.failed;
			shown++;
		}
		oldc_buf_release(&one);
	}
	if (json && cli.n_operands)
		oldc_buf_printf(&out, "%s]}\n", shown ? "\n " : "");
	oldc_cli_finish(&cli, &out, false, &status);
done:
	oldc_cli_release(&cli);
	return status;
}
