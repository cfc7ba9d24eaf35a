/* commands.c: the one table of oldc's commands (see cli.h for how to add one). */
#include <stddef.h>
#include "cli.h"
#include "i18n.h"

const oldc_command oldc_commands[] = {
	{ "check", NULL, N_("the policy applied: listing, deferral (暂缓), pilot, completion, evaluation") },
	{ "vote", NULL, N_("owners' votes from CSV ballots or tallies, counted exactly (OP-6, CC-278)") },
	{ "score", NULL, N_("pilots' indicator scorecards: the tiers each type requires (BC-A1)") },
	{ "report", NULL, N_("the city against its targets: years, districts, pilots, rewards, attention") },
	{ "init", cmd_init, N_("a new dossier from the policy, to fill in: content items, a pilot's indicators") },
	{ "fix", cmd_fix, N_("apply the fixes oldc is sure of to dossiers: the one command that writes them") },
	{ "validate", cmd_validate, N_("check dossiers against the dossier format and the policy's catalogs") },
	{ "explain", cmd_explain, N_("the policy text behind a rule or clause id, in Chinese and English") },
	{ NULL, NULL, NULL }
};
