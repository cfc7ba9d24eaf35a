/*
 * cmd_fix.c: `oldc fix FILE...`, the one command that writes an input, and only when
 * asked: it applies to each named dossier the fix-its of its findings (the
 * replacements oldc is sure of: a full-width colon, 2023/5/1, 1,240, 240户, 是), prints
 * each change, and writes the file atomically (a link is written through). A fix can
 * uncover the next finding (a syntax error hides the types behind it), so the file is
 * read again after each round, up to FIX_ROUNDS. The fixing itself is the library's
 * (fix.h); here are only the files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "escape.h"
#include "file.h"
#include "i18n.h"
#include "oldc/fix.h"

/* Rounds of load-and-fix per file: each finds what the one before uncovered. A file
 * needs as many as it has layers of mistakes; more than this and what is left is
 * shown, not fixed. */
enum { FIX_ROUNDS = 8 };

static const char usage[] = N_(
	"usage: oldc fix [OPTIONS] FILE...\n"
	"\n"
	"Applies to each dossier FILE the fixes oldc is sure of: a full-width colon or\n"
	"space where YAML needs ASCII, a date written 2023/5/1 or 2023年5月1日, a number\n"
	"written 1,240 or 240户, 是/否 or yes/no for true/false. Each change is printed as\n"
	"FILE:LINE:COL: 'before' → 'after'; then what is left to fix by hand. The file is\n"
	"written atomically, and only the files named (no folder, no standard input):\n"
	"this is the one command of oldc that writes its input.\n"
	"\n"
	"Options:\n"
	"  -n, --dry-run         print the changes, write nothing\n"
	"  --policy FILE         use this policy file instead of the built-in one\n"
	"  --lang zh|en          language of messages (default from the locale)\n"
	"  --color auto|always|never\n"
	"  -q, --quiet           print the changes and findings only, no summary\n"
	"  -h, --help            this help\n"
	"  --version             the version\n"
	"\n"
	"Exit status: 0 nothing is left to fix, 1 findings remain that need a person,\n"
	"2 a file cannot be read or written, or a usage error.\n");

static const char *const formats[] = { "text", NULL };
static const oldc_cli_option options[] = { { "dry-run", false }, { "n", false }, { NULL, false } };

static int handle(oldc_cli *cli, const char *name, const char *value, void *ctx)
{
	(void)cli, (void)value;
	if (strcmp(name, "dry-run") == 0 || strcmp(name, "n") == 0)
		*(bool *)ctx = true;
	return 0;
}

/* Fixes one file; returns its exit status (0, 1 or 2) and appends its lines to out. */
static int fix_file(const oldc_cli *cli, const char *file, bool dry_run, oldc_buf *out, size_t *n_changes)
{
	oldc_buf name;
	oldc_buf_init(&name);
	oldc_term(&name, file);
	struct stat st;
	if (strcmp(file, "-") == 0 || (stat(file, &st) == 0 && S_ISDIR(st.st_mode))) {
		oldc_cli_eprintf(strcmp(file, "-") == 0
				 ? _("%s: standard input cannot be fixed in place: name the file\n")
				 : _("%s: '%s' is a folder: oldc fix writes only the files it is named\n"),
				 cli->prog, name.data);
		oldc_buf_release(&name);
		return OLDC_EXIT_INVALID;
	}
	oldc_diags diags;
	oldc_diags_init(&diags);
	size_t length = 0;
	char *original = oldc_read_file(file, oldc_default_limits.max_file_bytes, &length, &diags);
	if (!original) {
		oldc_cli_print_diags(&diags, 0, diags.count);
		oldc_diags_release(&diags);
		oldc_buf_release(&name);
		return OLDC_EXIT_INVALID;
	}
	oldc_buf text;
	oldc_buf_init(&text);
	oldc_buf_put(&text, original, length);
	free(original);
	oldc_changes changes = { 0 };
	bool oom = text.failed;
	bool current = false; /* diags are the findings of the text as it now is */
	for (int round = 0; round < FIX_ROUNDS && !oom; round++) {
		oldc_diags_release(&diags);
		oldc_dossier_free(oldc_dossier_load(file, text.data ? text.data : "", text.len, cli->policy, NULL, &diags));
		oldc_buf next;
		oldc_buf_init(&next);
		size_t before = changes.count;
		long applied = oldc_fix_apply(text.data ? text.data : "", text.len, &diags, 0, diags.count, &next,
					      &changes);
		oom = applied < 0 || diags.out_of_memory;
		for (size_t i = before; i < changes.count; i++) {
			oldc_buf a, b;
			oldc_buf_init(&a);
			oldc_buf_init(&b);
			oldc_buf_printf(out, _("%s:%u:%u: '%s' → '%s'\n"), name.data, changes.items[i].line,
					changes.items[i].column, oldc_term(&a, changes.items[i].before),
					oldc_term(&b, changes.items[i].after));
			oldc_buf_release(&a);
			oldc_buf_release(&b);
		}
		if (applied <= 0) {
			oldc_buf_release(&next);
			current = applied == 0;
			break;
		}
		oldc_buf_release(&text);
		text = next;
	}
	int status = OLDC_EXIT_OK;
	if (oom) {
		oldc_cli_eprintf(_("%s: out of memory\n"), cli->prog);
		status = OLDC_EXIT_INVALID;
	} else if (changes.count && !dry_run && oldc_cli_write_to(cli, file, text.data, text.len) < 0)
		status = OLDC_EXIT_INVALID;
	if (status == OLDC_EXIT_OK) {
		/* what is left: the findings of the text as it now is (read again only when the
		 * last round still changed it) */
		if (!current) {
			oldc_diags_release(&diags);
			oldc_dossier_free(oldc_dossier_load(file, text.data ? text.data : "", text.len, cli->policy, NULL,
							    &diags));
		}
		oldc_diags_sort(&diags, 0);
		for (size_t k = 0; k < diags.count; k++)
			oldc_render_diag_text(out, &diags.items[k], oldc_cli_color(cli, 0));
		if (diags.count)
			status = OLDC_EXIT_FAILED;
	}
	*n_changes = changes.count;
	oldc_changes_release(&changes);
	oldc_diags_release(&diags);
	oldc_buf_release(&text);
	oldc_buf_release(&name);
	return status;
}

int cmd_fix(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc fix", .usage = usage, .formats = formats };
	bool dry_run = false;
	int status;
	if (oldc_cli_start(&cli, argc, argv, options, handle, &dry_run, N_("no file given (the dossiers to fix)"),
			   &status) < 0)
		goto done;
	if (cli.output) {
		status = oldc_cli_usage_error(&cli, "%s", _("oldc fix writes the files it fixes: it takes no -o"));
		goto done;
	}
	oldc_buf out;
	oldc_buf_init(&out);
	size_t total = 0, files = 0;
	status = OLDC_EXIT_OK;
	for (int i = 0; i < cli.n_operands; i++) {
		size_t n = 0;
		int rc = fix_file(&cli, cli.operands[i], dry_run, &out, &n);
		total += n;
		files += n > 0;
		status = rc > status ? rc : status;
	}
	if (!cli.quiet) {
		/* each count with its own plural: "1 change in 2 files" */
		char in_files[128];
		snprintf(in_files, sizeof in_files, P_("%zu file", "%zu files", files), files);
		oldc_buf_printf(&out, dry_run ? P_("%zu change in %s (not written: --dry-run)\n",
						   "%zu changes in %s (not written: --dry-run)\n", total)
					      : P_("%zu change in %s\n", "%zu changes in %s\n", total),
				total, in_files);
	}
	if (oldc_cli_write_to(&cli, NULL, out.data ? out.data : "", out.len) < 0)
		status = OLDC_EXIT_INVALID;
	oldc_buf_release(&out);
done:
	oldc_cli_release(&cli);
	return status;
}
