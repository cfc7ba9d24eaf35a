/*
 * load_dossier.c: an input of the dossier commands (check, validate, score, report)
 * read as a dossier (cli.h, oldc_cli_dossier_load). Standard input is named by
 * --stdin-filename when it is given: its findings carry that name, and the ballots
 * sheets it names resolve from that name's folder (load.c takes them from the
 * dossier's file), as if the file had been read from there.
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "file.h"
#include "oldc/node.h"

oldc_dossier *oldc_cli_dossier_load(const oldc_cli *cli, const char *file, oldc_diags *diags)
{
	if (strcmp(file, "-") != 0 || !cli->stdin_filename)
		return oldc_dossier_load(file, NULL, 0, cli->policy, NULL, diags);
	size_t length;
	char *data = oldc_read_file("-", oldc_default_limits.max_file_bytes, &length, diags);
	if (!data)
		return NULL;
	oldc_dossier *d = oldc_dossier_load(cli->stdin_filename, data, length, cli->policy, NULL, diags);
	free(data); /* the dossier keeps its own copy of the text */
	return d;
}

const char *oldc_cli_input_name(const oldc_cli *cli, const char *file)
{
	return cli->stdin_filename && strcmp(file, "-") == 0 ? cli->stdin_filename : file;
}
