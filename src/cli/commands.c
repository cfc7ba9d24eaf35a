/* commands.c: the one table of oldc's commands (see cli.h for how to add one). */
#include <stddef.h>
#include "cli.h"

const oldc_command oldc_commands[] = {
	{ "validate", cmd_validate, "check dossiers against the dossier format and the policy's catalogs" },
	{ NULL, NULL, NULL }
};
