/* commands.c: the one table of oldc's commands (see cli.h for how to add one). */
#include <stddef.h>
#include "cli.h"
#include "i18n.h"

const oldc_command oldc_commands[] = {
	{ "check", cmd_check,
	  N_("the policy applied: listing, deferral (暂缓), pilot, completion, evaluation"),
	  oldc_check_formats, true },
	{ "vote", cmd_vote,
	  N_("owners' votes from CSV ballots or tallies, counted exactly (OP-6, CC-278)"),
	  oldc_vote_formats, true },
	{ "score", cmd_score,
	  N_("pilots' indicator scorecards: the tiers each type requires (BC-A1)"),
	  oldc_score_formats, true },
	{ "report", cmd_report,
	  N_("the city against its targets: years, districts, pilots, rewards, attention"),
	  oldc_report_formats, true },
	{ "init", cmd_init,
	  N_("a new dossier from the policy, to fill in: content items, a pilot's indicators"),
	  NULL, true },
	{ "fix", cmd_fix,
	  N_("apply the fixes oldc is sure of to dossiers: the one command that writes them"),
	  NULL, true },
	{ "diff", cmd_diff,
	  N_("what a change moves: verdicts and findings between two git revisions"),
	  oldc_diff_formats, true },
	{ "validate", cmd_validate,
	  N_("check dossiers against the dossier format and the policy's catalogs"),
	  oldc_validate_formats, true },
	{ "config", cmd_config,
	  N_("the settings in force here (.oldc.yaml, options, defaults) and where each comes from"),
	  NULL, false },
	{ "explain", cmd_explain,
	  N_("the policy text behind a rule or clause id, in Chinese and English"),
	  NULL, true },
	{ NULL, NULL, NULL, NULL, false }
};
