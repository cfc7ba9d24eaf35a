/* commands.c: the one table of oldc's commands (see cli.h for how to add one). */
#include <stddef.h>
#include "cli.h"
#include "i18n.h"

const oldc_command oldc_commands[] = {
	{ "check", cmd_check, N_("the policy applied: listing, deferral (暂缓), pilot, completion, evaluation"), true },
	{ "vote", cmd_vote, N_("owners' votes from CSV ballots or tallies, counted exactly (OP-6, CC-278)"), true },
	{ "score", cmd_score, N_("pilots' indicator scorecards: the tiers each type requires (BC-A1)"), true },
	{ "report", cmd_report, N_("the city against its targets: years, districts, pilots, rewards, attention"), true },
	{ "init", cmd_init, N_("a new dossier from the policy, to fill in: content items, a pilot's indicators"), false },
	{ "validate", cmd_validate, N_("check dossiers against the dossier format and the policy's catalogs"), false },
	{ "explain", cmd_explain, N_("the policy text behind a rule or clause id, in Chinese and English"), false },
	{ NULL, NULL, NULL, false }
};
