/*
 * outputs.c: a run's outputs (cli.h): one oldc_output of the command's table of formats
 * (oldc/output.h) per --format, begun, fed input by input, ended and written.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "repo.h"

void oldc_cli_outputs_begin(const oldc_cli *cli, oldc_cli_outputs *o)
{
	memset(o, 0, sizeof *o);
	o->opt = (oldc_output_options){ .tool = cli->prog, .policy = cli->policy, .as_of = cli->as_of,
					.quiet = cli->quiet, .verbose = cli->verbose, .bom = cli->bom };
	o->n = cli->n_outputs;
	for (size_t k = 0; k < o->n; k++) { /* the rows that name files relative to a repository */
		const oldc_output_format *f = oldc_output_find(cli->table, cli->outputs[k].format);
		o->needs_repo |= f && (f->begin == oldc_output_sarif_begin || f->begin == oldc_output_github_begin);
	}
	char cwd[PATH_MAX];
	if (o->needs_repo && getcwd(cwd, sizeof cwd) && !(o->cwd = strdup(cwd)))
		o->repo_failed = true;
	o->repo.cwd = o->cwd;
	o->opt.repo = &o->repo;
	for (size_t k = 0; k < o->n; k++)
		oldc_output_begin(&o->outs[k], oldc_output_find(cli->table, cli->outputs[k].format), &o->opt,
				  oldc_cli_color(cli, k));
}

void oldc_cli_outputs_locate(oldc_cli_outputs *o, const oldc_output_file *f)
{
	if (!o->needs_repo)
		return;
	for (size_t k = f->first; f->diags && k < f->end && !o->root && !o->repo_failed; k++) {
		const char *file = f->diags->items[k].file;
		if (!*file || strcmp(file, "-") == 0 || (o->probed && strcmp(o->probed, file) == 0))
			continue;
		free(o->probed);
		const char *rel;
		char *abs = (o->probed = strdup(file)) ? oldc_repo_locate(file, &rel) : NULL;
		if (!abs || (rel && !(o->root = strndup(abs, (size_t)(rel - abs)))))
			o->repo_failed = true;
		o->repo.root = o->root;
		free(abs);
	}
}

void oldc_cli_outputs_file(oldc_cli_outputs *o, const void *item)
{
	oldc_cli_outputs_locate(o, item); /* every command's item starts with its oldc_output_file */
	for (size_t k = 0; k < o->n; k++)
		oldc_output_file_add(&o->outs[k], item);
}

bool oldc_cli_outputs_say_invalid(const oldc_cli_outputs *o)
{
	for (size_t k = 0; k < o->n; k++)
		if (o->outs[k].format->says_invalid)
			return true;
	return false;
}

void oldc_cli_outputs_finish(const oldc_cli *cli, oldc_cli_outputs *o, const void *summary, bool out_of_memory,
			     int *status)
{
	oldc_buf bufs[OLDC_CLI_OUTPUTS];
	out_of_memory |= o->repo_failed;
	for (size_t k = 0; k < o->n; k++)
		out_of_memory |= oldc_output_failed(&o->outs[k]);
	for (size_t k = 0; k < o->n; k++) {
		if (!out_of_memory) /* what ran out may be missing: render nothing of it */
			oldc_output_end(&o->outs[k], summary);
		bufs[k] = o->outs[k].out;
		oldc_buf_init(&o->outs[k].out);
		out_of_memory |= oldc_output_failed(&o->outs[k]);
		oldc_output_release(&o->outs[k]);
	}
	free(o->cwd);
	free(o->root);
	free(o->probed);
	oldc_cli_finish_all(cli, bufs, out_of_memory, status);
}
