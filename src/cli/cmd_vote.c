/*
 * cmd_vote.c: oldc-vote, the owners' votes of CSV sheets counted exactly (vote.h) and
 * judged under a rule of the policy: consultation (OP-6, the default), unanimous
 * (BC-3.2.3), cc278-major and cc278-ordinary (CC-278). Each sheet gets its own result,
 * handed to the command's formats (output_vote.c).
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
	"  --format FORMAT       @FORMATS@\n"
	"                        (sarif, github and junit are for CI); repeat --format\n"
	"                        for several outputs, each -o FILE after it that\n"
	"                        output's file (at most one goes to standard output)\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --strict              warnings fail too (exit 1)\n"
	"  --policy FILE         use this policy file instead of the built-in one\n"
	"  --lang zh|en, --color auto|always|never, -q, -h/--help, --version\n"
	"\n"
	"Exit status: 0 every motion passed, 1 one failed (or, with --strict, a warning),\n"
	"2 an invalid sheet, a usage error, or output that could not be written.\n"
	"Names, phone numbers and every column the format does not name are never printed.\n");

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

int cmd_vote(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc-vote", .usage = usage, .table = oldc_vote_formats };
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
	oldc_cli_outputs outs;
	oldc_cli_outputs_begin(&cli, &outs);
	bool oom = false;
	oldc_vote_summary summary = { 0 };
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
		summary.files++;
		summary.invalid += !valid;
		summary.passed += valid && result.passed;
		summary.failed += valid && !result.passed;
		size_t shown = diags.count; /* the sheet's findings; then why a motion failed */
		if (valid && !result.passed)
			oldc_vote_failure(&diags, file, &result);
		oldc_vote_item item = {
			.base = { .file = file, .outcome = !valid ? OLDC_JUNIT_INVALID
				  : this_status == OLDC_EXIT_FAILED ? OLDC_JUNIT_FAILED : OLDC_JUNIT_PASSED,
				  .diags = &diags, .first = 0, .end = diags.count },
			.counts = &counts, .result = valid ? &result : NULL, .rule = args.rule,
			.motion = args.opt.motion, .shown = shown };
		oldc_cli_outputs_file(&outs, &item);
		oom |= diags.out_of_memory;
		oldc_diags_release(&diags);
	}
	oldc_cli_outputs_finish(&cli, &outs, &summary, oom, &status);
done:
	oldc_cli_release(&cli);
	return status;
}
