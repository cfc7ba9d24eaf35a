/*
 * cmd_vote.c: oldc-vote, the owners' votes of CSV sheets counted exactly (vote.h) and
 * judged under a rule of the policy: consultation (OP-6, the default), unanimous
 * (BC-3.2.3), cc278-major and cc278-ordinary (CC-278). Each sheet gets its own result.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cli.h"
#include "i18n.h"

static const char usage[] = N_(
	"usage: oldc-vote [OPTIONS] SHEET...\n"
	"\n"
	"Counts the owners' votes of each sheet, CSV or an .xlsx workbook's (ballots: one\n"
	"row per exclusive part; or a tally: counts per building), and says whether the\n"
	"motion passes.\n"
	"\n"
	"Options:\n"
	"  --rule RULE           consultation (OP-6, default), unanimous (BC-3.2.3),\n"
	"                        cc278-major or cc278-ordinary (CC-278)\n"
	"  --motion COLUMN       the column holding the votes (default: vote, 意见, ...)\n"
	"  --owners N            the number of owners, for a sheet listing only those who answered\n"
	"  --total-area M2       likewise, the total exclusive area in m²\n"
	"  --encoding ENC        utf-8 or gb18030 (gbk); default: UTF-8, else GB18030\n"
	"  --delimiter D         , ; or tab; default: found from the header row\n"
	"  --header-row N        the header is row N (default: the first of the first 10\n"
	"                        rows that names the columns; rows above are a title)\n"
	"  --fill-down owner     a blank owner cell takes the owner of the row above\n"
	"                        (a merged cell exported); default: an error\n"
	"  --sheet NAME|N        a workbook's (.xlsx) sheet, by name or number from 1\n"
	"                        (default: the first whose first rows hold a header)\n"
	"  --format FORMAT       text (default), json, or for CI: sarif, github\n"
	"                        (workflow commands), junit; repeat --format for\n"
	"                        several outputs, each -o FILE after it that output's\n"
	"                        file (at most one goes to standard output)\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --strict              warnings fail too (exit 1)\n"
	"  --policy FILE         use this policy file instead of the built-in one\n"
	"  --lang zh|en, --color auto|always|never, -q, -h/--help, --version\n"
	"\n"
	"Exit status: 0 every motion passed, 1 one failed (or, with --strict, a warning),\n"
	"2 an invalid sheet, a usage error, or output that could not be written.\n"
	"Names, phone numbers and every column the format does not name are never printed.\n");

static const char *const formats[] = { "text", "json", "sarif", "github", "junit", NULL };

static const oldc_cli_option options[] = {
	{ "rule", true }, { "motion", true }, { "owners", true }, { "total-area", true },
	{ "encoding", true }, { "delimiter", true }, { "header-row", true }, { "fill-down", true }, { "sheet", true },
	{ NULL, false }
};

typedef struct vote_args {
	const char *rule;
	oldc_vote_options opt;
} vote_args;

static int handle(oldc_cli *cli, const char *name, const char *value, void *ctx)
{
	vote_args *a = ctx;
	if (strcmp(name, "rule") == 0)
		a->rule = value;
	else if (strcmp(name, "motion") == 0)
		a->opt.motion = value;
	else if (strcmp(name, "owners") == 0) {
		char *end;
		long long n = strtoll(value, &end, 10);
		if (*end || n <= 0 || n > 1000000000000LL)
			return oldc_cli_usage_error(cli, _("--owners needs a positive whole number, not '%s'"), value), -1;
		a->opt.owners = n;
	} else if (strcmp(name, "total-area") == 0) {
		int64_t x = 0;
		int decimals = -1;
		for (const char *p = value; *p; p++) {
			if (*p == '.' && decimals < 0) {
				decimals = 0;
				continue;
			}
			if (*p < '0' || *p > '9' || decimals >= 2 || x > INT64_C(100000000000000))
				return oldc_cli_usage_error(cli, _("--total-area needs an area in m² with at most two decimals, not '%s'"), value), -1;
			x = x * 10 + (*p - '0');
			decimals += decimals >= 0;
		}
		for (int d = decimals < 0 ? 0 : decimals; d < 2; d++)
			x *= 10;
		if (!*value)
			return oldc_cli_usage_error(cli, _("--total-area needs an area")), -1;
		a->opt.total_area = x;
	} else if (strcmp(name, "encoding") == 0) {
		if (strcasecmp(value, "utf-8") == 0 || strcasecmp(value, "utf8") == 0)
			a->opt.encoding = OLDC_ENCODING_UTF8;
		else if (strcasecmp(value, "gb18030") == 0 || strcasecmp(value, "gbk") == 0 || strcasecmp(value, "gb2312") == 0)
			a->opt.encoding = OLDC_ENCODING_GB18030;
		else
			return oldc_cli_usage_error(cli, _("--encoding takes utf-8 or gb18030 (gbk), not '%s'"), value), -1;
	} else if (strcmp(name, "header-row") == 0) {
		char *end;
		long n = strtol(value, &end, 10);
		if (*end || !*value || n < 1 || n > 1000000)
			return oldc_cli_usage_error(cli, _("--header-row needs a row number from 1, not '%s'"), value), -1;
		a->opt.header_row = (unsigned)n;
	} else if (strcmp(name, "sheet") == 0) {
		if (!*value)
			return oldc_cli_usage_error(cli, _("--sheet needs a sheet's name or its number from 1")), -1;
		a->opt.sheet = value;
	} else if (strcmp(name, "fill-down") == 0) {
		if (strcmp(value, "owner") != 0)
			return oldc_cli_usage_error(cli, _("--fill-down takes owner (the one column filled down), not '%s'"),
						    value), -1;
		a->opt.fill_down_owner = true;
	} else if (strcmp(name, "delimiter") == 0) {
		if (strcmp(value, ",") == 0 || strcmp(value, ";") == 0)
			a->opt.delimiter = value[0];
		else if (strcmp(value, "tab") == 0 || strcmp(value, "\\t") == 0 || strcmp(value, "\t") == 0)
			a->opt.delimiter = '\t';
		else
			return oldc_cli_usage_error(cli, _("--delimiter takes , ; or tab, not '%s'"), value), -1;
	}
	return 0;
}

/* The finding the CI formats show for a vote that fails: each share that is not met,
 * against its requirement, under the rule's clause. */
static void failed_vote(oldc_diags *diags, const char *file, const oldc_vote_result *r)
{
	static const char *const words[] = { N_("at least"), N_("more than"), N_("at most"), N_("less than") };
	oldc_buf why;
	oldc_buf_init(&why);
	for (size_t i = 0; i < r->n_checks; i++) {
		const oldc_vote_check *k = &r->checks[i];
		if (k->met)
			continue;
		char pct[32];
		oldc_percent_text(pct, k->count, k->of);
		const struct oldc_fraction *f = k->required;
		char count[48], of[48];
		if (strcmp(k->basis, "area") == 0) {
			snprintf(count, sizeof count, "%jd.%02jd m²", (intmax_t)(k->count / 100), (intmax_t)(k->count % 100));
			snprintf(of, sizeof of, "%jd.%02jd m²", (intmax_t)(k->of / 100), (intmax_t)(k->of % 100));
		} else {
			snprintf(count, sizeof count, "%jd", (intmax_t)k->count);
			snprintf(of, sizeof of, "%jd", (intmax_t)k->of);
		}
		oldc_buf_printf(&why, _("%s%s by %s %s of %s = %s, needs %s %jd/%jd"), why.len ? "; " : "",
				strcmp(k->name, "participation") == 0 ? _("participation") : _("approval"),
				strcmp(k->basis, "area") == 0 ? _("area") : _("headcount"), count, of, pct,
				_(words[f->compare->value.index]), (intmax_t)f->num->value.integer,
				(intmax_t)f->den->value.integer);
	}
	oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "vote.failed", r->rule->clause ? r->rule->clause->text : NULL,
		      _("the motion fails under %s: %s"), r->rule->id->text, why.data ? why.data : "");
	diags->out_of_memory |= why.failed;
	oldc_buf_release(&why);
}

int cmd_vote(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc-vote", .usage = usage, .formats = formats };
	vote_args args = { .rule = "consultation", .opt = { .total_area = -1 } };
	int status;
	if (oldc_cli_start(&cli, argc, argv, options, handle, &args,
			   N_("no sheet given (a CSV file, or - for standard input)"), &status) < 0)
		goto done;
	long rule = oldc_policy_find(cli.policy, OLDC_CAT_VOTE_RULE, args.rule);
	if (rule < 0) {
		oldc_buf list;
		oldc_buf_init(&list);
		for (size_t i = 0; i < cli.policy->catalogs[OLDC_CAT_VOTE_RULE].count; i++)
			oldc_buf_printf(&list, "%s%s", i ? ", " : "", cli.policy->catalogs[OLDC_CAT_VOTE_RULE].ids[i]);
		status = oldc_cli_usage_error(&cli, _("unknown rule '%s' (one of: %s)"), args.rule, list.data ? list.data : "");
		oldc_buf_release(&list);
		goto done;
	}
	oldc_buf outs[OLDC_CLI_OUTPUTS];
	oldc_ci ci;
	oldc_ci_init(&ci, &cli);
	for (size_t k = 0; k < cli.n_outputs; k++) {
		oldc_buf_init(&outs[k]);
		if (strcmp(cli.outputs[k].format, "json") == 0)
			oldc_cli_json_open(&cli, &outs[k]);
	}
	bool oom = false;
	size_t passed = 0, failed = 0, invalid = 0;
	for (int i = 0; i < cli.n_operands; i++) {
		const char *file = cli.operands[i];
		oldc_diags diags;
		oldc_diags_init(&diags);
		oldc_vote_counts counts;
		oldc_vote_result result;
		bool valid = oldc_vote_read(file, &args.opt, &counts, &diags) == 0;
		if (valid) {
			oldc_vote_decide(&counts, cli.policy, (size_t)rule, &result);
			if (!result.decided) {
				oldc_diag_add(&diags, OLDC_ERROR, file, 0, 0, "vote.area_needed", NULL,
					      _("the rule %s counts area, and the sheet gives none: add an area column"),
					      args.rule);
				valid = false;
			}
		}
		int this_status = !valid ? OLDC_EXIT_INVALID
				: !result.passed || (cli.strict && oldc_diags_count(&diags, 0, OLDC_WARNING))
				? OLDC_EXIT_FAILED : OLDC_EXIT_OK;
		if (this_status > status)
			status = this_status;
		invalid += !valid;
		passed += valid && result.passed;
		failed += valid && !result.passed;
		size_t shown = diags.count; /* the findings every output shows */
		for (size_t k = 0; k < cli.n_outputs; k++) {
			oldc_buf *out = &outs[k];
			const char *format = cli.outputs[k].format;
			bool color = oldc_cli_color(&cli, k);
			if (oldc_ci_format(format))
				continue;
			if (strcmp(format, "json") == 0) {
				oldc_buf_puts(out, i ? ",\n  " : "\n  ");
				oldc_render_vote_json(out, file, &counts, valid ? &result : NULL, args.rule,
						      args.opt.motion, &diags, 0, shown);
			} else if (cli.quiet) {
				for (size_t k2 = 0; k2 < shown; k2++)
					oldc_render_diag_text(out, &diags.items[k2], color);
				/* quiet still says that a motion failed, and why */
				if (valid && !result.passed) {
					oldc_diags why;
					oldc_diags_init(&why);
					failed_vote(&why, file, &result);
					for (size_t k2 = 0; k2 < why.count; k2++)
						oldc_render_diag_text(out, &why.items[k2], color);
					oom |= why.out_of_memory;
					oldc_diags_release(&why);
				}
			} else {
				if (i)
					oldc_buf_putc(out, '\n');
				oldc_render_vote_text(out, file, valid ? &counts : NULL, valid ? &result : NULL, &diags, 0,
						      shown, color);
			}
		}
		if (ci.sarif || ci.github || ci.junit) {
			/* a failed vote is a finding of its own for CI: what failed, and its clause */
			if (valid && !result.passed)
				failed_vote(&diags, file, &result);
			oldc_ci_file(&ci, file, NULL, !valid ? OLDC_JUNIT_INVALID
				     : this_status == OLDC_EXIT_FAILED ? OLDC_JUNIT_FAILED : OLDC_JUNIT_PASSED,
				     NULL, &diags, 0, diags.count);
		}
		oom |= diags.out_of_memory;
		oldc_diags_release(&diags);
	}
	for (size_t k = 0; k < cli.n_outputs; k++) {
		oldc_buf *out = &outs[k];
		if (oldc_ci_render(&ci, cli.outputs[k].format, out))
			continue;
		if (strcmp(cli.outputs[k].format, "json") == 0)
			oldc_buf_printf(out, "\n ],\n \"summary\": {\"files\": %d, \"passed\": %zu, \"failed\": %zu, \"invalid\": %zu}}\n",
					cli.n_operands, passed, failed, invalid);
		else if (!cli.quiet && cli.n_operands > 1)
			oldc_buf_printf(out, _("\n%d sheets: %zu passed, %zu failed, %zu invalid\n"), cli.n_operands,
					passed, failed, invalid);
	}
	oom |= oldc_ci_failed(&ci);
	oldc_cli_finish_all(&cli, outs, oom, &status);
	oldc_ci_release(&ci);
done:
	oldc_cli_release(&cli);
	return status;
}
