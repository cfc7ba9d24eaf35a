/*
 * cmd_diff.c: oldc diff, what a change moves (oldc-diff(1), diff.h). The two
 * revisions are read through git itself (git.c: ls-tree and cat-file, nothing checked
 * out), each judged whole with its own settings and policy, as of one date, and
 * compared; the outputs are the library's (output.h: oldc_diff_formats).
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "git.h"
#include "i18n.h"
#include "oldc/diff.h"

static const char usage[] = N_(
	"usage: oldc diff [OPTIONS] [BASE [HEAD]]\n"
	"\n"
	"What a change moves: each dossier's verdicts before and after, the findings it\n"
	"introduces and resolves, the plan years' totals. BASE and HEAD are git\n"
	"revisions, read through git (nothing is checked out); BASE defaults to the merge\n"
	"base of HEAD with origin/HEAD, else main, else master; HEAD to the work tree.\n"
	"Each revision is judged with its own .oldc.yaml and policy file.\n"
	"\n"
	"Options:\n"
	"  --format FORMAT       @FORMATS@\n"
	"                        (markdown: a pull request's comment; github: annotations);\n"
	"                        repeat --format for several outputs, each -o FILE after it\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --fail-on WHAT        worse (default): exit 1 when a verdict gets worse or an\n"
	"                        error is introduced; new-errors: only when an error is\n"
	"                        introduced; any: on any change\n"
	"  --as-of YYYY-MM-DD    the date both revisions are judged as of (default: as\n"
	"                        HEAD's .oldc.yaml says, else today)\n"
	"  --policy FILE         judge both revisions with this policy file\n"
	"  --lang zh|en          language of messages (default from the locale)\n"
	"  --color auto|always|never\n"
	"  -q, --quiet           only the changed dossiers: no heading, no summary\n"
	"  -h, --help            this help\n"
	"  --version             the version\n"
	"\n"
	"Exit status: 0 nothing got worse (as --fail-on says), 1 it did, 2 a usage\n"
	"error, no git repository or revision, settings or a policy that cannot be read,\n"
	"or output that could not be written. See man oldc-diff(1).\n");

static const oldc_cli_option options[] = { { "fail-on", true }, { NULL, false } };

static int handle(oldc_cli *cli, const char *name, const char *value, void *ctx)
{
	(void)name;
	oldc_fail_on *fail_on = ctx;
	if (strcmp(value, "worse") == 0)
		*fail_on = OLDC_FAIL_ON_WORSE;
	else if (strcmp(value, "new-errors") == 0)
		*fail_on = OLDC_FAIL_ON_NEW_ERRORS;
	else if (strcmp(value, "any") == 0)
		*fail_on = OLDC_FAIL_ON_ANY;
	else
		return oldc_cli_usage_error(cli, _("--fail-on takes worse, new-errors or any, not '%s'"), value), -1;
	return 0;
}

/* Says why revision `name` cannot be judged, with its findings. */
static void cannot_judge(const oldc_cli *cli, const char *name, const oldc_diags *problems)
{
	oldc_cli_print_diags(problems, 0, problems->count);
	if (problems->out_of_memory || !problems->count)
		oldc_cli_eprintf(_("%s: out of memory\n"), cli->prog);
	oldc_cli_eprintf(_("%s: cannot judge %s\n"), cli->prog, name);
}

int cmd_diff(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc diff", .usage = usage, .table = oldc_diff_formats };
	oldc_fail_on fail_on = OLDC_FAIL_ON_WORSE;
	int status;
	char *top = NULL, *prefix = NULL, *base_commit = NULL, *base_name = NULL;
	oldc_tree base = { 0 }, head = { 0 }; /* closing one never opened does nothing */
	oldc_policy *builtin = NULL;
	oldc_snapshot before = { 0 }, after = { 0 };
	oldc_diff diff = { 0 };
	oldc_diags diags;
	oldc_diags_init(&diags);
	if (oldc_cli_parse(&cli, argc, argv, options, handle, &fail_on, &status) < 0)
		goto done;
	status = OLDC_EXIT_INVALID;
	if (cli.n_operands > 2) {
		status = oldc_cli_usage_error(&cli, _("at most two revisions, BASE and HEAD, not %d"), cli.n_operands);
		goto done;
	}
	/* --policy judges both revisions; a policy the work tree's settings name is the
	 * work tree's alone: each revision's settings name its own */
	bool policy_given = cli.policy_file && cli.policy_file != cli.settings_policy;
	if (!policy_given)
		cli.policy_file = NULL;
	if (oldc_cli_load_policy(&cli) < 0)
		goto done;
	if (!policy_given)
		builtin = cli.policy;
	if (oldc_git_top(&top, &prefix, &diags) < 0)
		goto problems;
	const char *base_rev = cli.n_operands > 0 ? cli.operands[0] : NULL;
	if (!base_rev) {
		if (oldc_git_default_base(&base_commit, &base_name, &diags) < 0)
			goto problems;
		base_rev = base_commit;
	}
	if (oldc_git_tree_open(base_rev, prefix, &base, &diags) < 0)
		goto problems;
	const char *base_shown = base_name ? base_name : base.name; /* the default base: named by git.c */
	if (cli.n_operands > 1 ? oldc_git_tree_open(cli.operands[1], prefix, &head, &diags) < 0
			       : oldc_git_worktree_open(top, prefix, &head, &diags) < 0)
		goto problems;
	/* one date for both, so that only the files move verdicts: --as-of, else what
	 * HEAD's settings say (as_of: commit, HEAD's commit date), else today */
	if (!cli.as_of_given) {
		oldc_settings *settings;
		if (oldc_snapshot_settings(&head, &settings, &diags) < 0) {
			cannot_judge(&cli, head.name, &diags);
			goto done;
		}
		cli.as_of = oldc_date_today();
		if (settings && settings->as_of && strcmp(settings->as_of->text, "commit") == 0) {
			if (!head.date) {
				oldc_cli_eprintf(_("%s: %s:%u: as_of: commit, but %s has no commit to take the date of: give "
						   "--as-of\n"), cli.prog, settings->file, settings->as_of->line, head.name);
				oldc_settings_free(settings);
				goto done;
			}
			cli.as_of = head.date;
		}
		oldc_settings_free(settings);
	}
	const oldc_policy *both = policy_given ? cli.policy : NULL;
	if (oldc_snapshot_judge(&before, &base, both, builtin, cli.as_of) < 0) {
		cannot_judge(&cli, base_shown, &before.problems);
		goto done;
	}
	if (oldc_snapshot_judge(&after, &head, both, builtin, cli.as_of) < 0) {
		cannot_judge(&cli, head.name, &after.problems);
		goto done;
	}
	bool oom = oldc_diff_compare(&before, &after, &diff) < 0;
	status = !oom && oldc_diff_fails(&diff, fail_on) ? OLDC_EXIT_FAILED : OLDC_EXIT_OK;
	oldc_diff_summary summary = { .diff = &diff, .base = base_shown, .head = head.name, .base_commit = base.commit,
				      .head_commit = head.commit, .fail_on = (int)fail_on };
	oldc_cli_outputs outs;
	oldc_cli_outputs_begin(&cli, &outs);
	outs.opt.tool = "oldc-diff";
	outs.opt.policy = after.policy;
	oldc_cli_outputs_finish(&cli, &outs, &summary, oom, &status);
	goto done;
problems:
	oldc_cli_print_diags(&diags, 0, diags.count);
done:
	oldc_diff_release(&diff);
	oldc_snapshot_release(&before);
	oldc_snapshot_release(&after);
	oldc_git_tree_close(&base);
	oldc_git_tree_close(&head);
	free(top);
	free(prefix);
	free(base_commit);
	free(base_name);
	oldc_diags_release(&diags);
	oldc_cli_release(&cli);
	return status;
}
