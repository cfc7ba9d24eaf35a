/* options.c: the shared options of every command (oldc(1)), parsed in one place. */
#include <stdarg.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "escape.h"
#include "oldc/sniff.h"
#include "i18n.h"

/* Set when an output of the run is --format github: the Actions runner reads workflow
 * commands from standard error too, so everything said there goes out as an escaped
 * log line that starts with the program's name (oldc_cli_stderr). */
static const char *github_prog;

int oldc_cli_usage_error(const oldc_cli *cli, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", cli->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("\nTry '%s --help' for more information.\n"), cli->prog);
	return OLDC_EXIT_INVALID;
}

/* The language of the messages, set in the library before anything is said or
 * loaded (a finding's message is made with the finding): the last --lang that names
 * one (--lang zh, --lang=en), else the environment's, as gettext would choose it
 * (oldc/lang.h). A bad --lang value is refused later, in the language chosen so far. */
static oldc_lang choose_lang(int argc, char **argv)
{
	oldc_lang lang = oldc_lang_from_environment();
	for (int i = 1; i < argc; i++) {
		const char *value = NULL;
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			value = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			value = argv[i] + 7;
		if (value)
			(void)oldc_lang_parse(value, &lang);
	}
	return lang;
}

static bool color_auto(void)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
	if (no && *no)
		return false;
	if (term && strcmp(term, "dumb") == 0)
		return false;
	return isatty(STDOUT_FILENO);
}

static const char *const shared_with_value[] = {
	"format", "policy", "as-of", "lang", "color", NULL
};

static bool in(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

/* The name of the command's format i (the first is the default), or NULL past the last. */
static const char *format_name(const oldc_cli *cli, size_t i)
{
	return cli->table ? cli->table[i].name : cli->formats[i];
}

void oldc_cli_format_list(const oldc_cli *cli, oldc_buf *out)
{
	oldc_buf list, more;
	oldc_buf_init(&list);
	oldc_buf_init(&more);
	/* TRANSLATORS: the default --format of a command, first in the list of its formats */
	oldc_buf_printf(&list, _("%s (default)"), format_name(cli, 0));
	for (size_t i = 1; format_name(cli, i); i++) {
		more.len = 0;
		/* TRANSLATORS: a list of a command's formats in its usage text, and one more */
		oldc_buf_printf(&more, _("%s, %s"), list.data ? list.data : "", format_name(cli, i));
		oldc_buf tmp = list;
		list = more;
		more = tmp;
	}
	oldc_buf_put(out, list.data ? list.data : "", list.len);
	out->failed |= list.failed || more.failed;
	oldc_buf_release(&list);
	oldc_buf_release(&more);
}

/* The usage text, its @FORMATS@ replaced by the list of the command's formats, wrapped
 * at 80 columns under the options' descriptions (column 25). */
static void print_usage(const oldc_cli *cli)
{
	const char *text = _(cli->usage), *at = strstr(text, "@FORMATS@");
	if (!at) {
		fputs(text, stdout);
		return;
	}
	fwrite(text, 1, (size_t)(at - text), stdout);
	oldc_buf list;
	oldc_buf_init(&list);
	oldc_cli_format_list(cli, &list);
	const char *line_start = at;
	while (line_start > text && line_start[-1] != '\n')
		line_start--;
	size_t column = (size_t)(at - line_start), indent = column;
	for (const char *w = list.data ? list.data : ""; *w;) {
		const char *space = strchr(w, ' ');
		size_t n = space ? (size_t)(space - w) : strlen(w);
		if (column > indent && column + 1 + n > 80) {
			printf("\n%*s", (int)indent, "");
			column = indent;
		} else if (column > indent) {
			putchar(' ');
			column++;
		}
		fwrite(w, 1, n, stdout);
		column += n;
		w += n + (space != NULL);
	}
	oldc_buf_release(&list);
	fputs(at + strlen("@FORMATS@"), stdout);
}

/* Applies one shared option; returns 0, 1 when it was not a shared option, or -1 after
 * a usage error. */
static int shared_option(oldc_cli *cli, const char *name, const char *value, int *status)
{
	if (strcmp(name, "strict") == 0)
		cli->strict = true;
	else if (strcmp(name, "verbose") == 0)
		cli->verbose = true;
	else if (strcmp(name, "skip-non-dossiers") == 0)
		cli->skip_non_dossiers = true;
	else if (strcmp(name, "no-source") == 0)
		oldc_render_set_source(false); /* the text format without source lines */
	else if (strcmp(name, "q") == 0 || strcmp(name, "quiet") == 0)
		cli->quiet = true;
	else if (strcmp(name, "o") == 0 || strcmp(name, "output") == 0) {
		cli->output = value;
		if (cli->n_format_options == 0)
			cli->leading_output = value;
		else
			cli->outputs[cli->n_outputs - 1].path = value;
	}
	else if (strcmp(name, "policy") == 0)
		cli->policy_file = value;
	else if (strcmp(name, "stdin-filename") == 0) {
		if (!*value || strcmp(value, "-") == 0) {
			*status = oldc_cli_usage_error(cli, _("--stdin-filename takes the name of a file, not '%s'"), value);
			return -1;
		}
		cli->stdin_filename = value;
	}
	else if (strcmp(name, "format") == 0) {
		if (cli->table ? !oldc_output_find(cli->table, value) : !in(cli->formats, value)) {
			oldc_buf list;
			oldc_buf_init(&list);
			for (size_t i = 0; format_name(cli, i); i++)
				oldc_buf_printf(&list, "%s%s", i ? ", " : "", format_name(cli, i));
			*status = oldc_cli_usage_error(cli, _("unknown format '%s' (one of: %s)"), value,
						       list.data ? list.data : "");
			oldc_buf_release(&list);
			return -1;
		}
		cli->format = value;
		if (cli->n_outputs == OLDC_CLI_OUTPUTS) {
			*status = oldc_cli_usage_error(cli, _("at most %d --format options"), OLDC_CLI_OUTPUTS);
			return -1;
		}
		cli->n_format_options++;
		cli->outputs[cli->n_outputs++] = (oldc_cli_output){ .format = value };
	} else if (strcmp(name, "as-of") == 0) {
		cli->as_of_given = true;
		if (oldc_date_parse(value, strlen(value), &cli->as_of) < 0) {
			*status = oldc_cli_usage_error(cli, _("--as-of needs a real date YYYY-MM-DD, not '%s'"), value);
			return -1;
		}
	} else if (strcmp(name, "lang") == 0) {
		cli->lang_given = true;
		if (oldc_lang_parse(value, &cli->lang) < 0) {
			*status = oldc_cli_usage_error(cli, _("--lang takes zh or en, not '%s'"), value);
			return -1;
		}
	} else if (strcmp(name, "color") == 0 || strcmp(name, "colour") == 0) {
		if (strcmp(value, "always") == 0)
			cli->color = true;
		else if (strcmp(value, "never") == 0)
			cli->color = false;
		else if (strcmp(value, "auto") == 0)
			cli->color = color_auto();
		else {
			*status = oldc_cli_usage_error(cli, _("--color takes auto, always or never, not '%s'"), value);
			return -1;
		}
	} else
		return 1;
	return 0;
}

/* Settles cli->outputs once the options are read (cli.h); -1 after a usage error. */
static int outputs(oldc_cli *cli, int *status)
{
	if (cli->n_format_options <= 1) {
		cli->outputs[0] = (oldc_cli_output){ .format = cli->format, .path = cli->output };
		cli->n_outputs = 1;
	} else if (cli->leading_output) {
		if (cli->n_outputs == OLDC_CLI_OUTPUTS) {
			*status = oldc_cli_usage_error(cli, _("at most %d outputs"), OLDC_CLI_OUTPUTS);
			return -1;
		}
		memmove(cli->outputs + 1, cli->outputs, cli->n_outputs * sizeof *cli->outputs);
		cli->outputs[0] = (oldc_cli_output){ .format = format_name(cli, 0), .path = cli->leading_output };
		cli->n_outputs++;
	}
	size_t to_stdout = 0;
	for (size_t k = 0; k < cli->n_outputs; k++) {
		oldc_cli_output *o = &cli->outputs[k];
		if (o->path && strcmp(o->path, "-") == 0)
			o->path = NULL;
		to_stdout += !o->path;
		for (size_t j = 0; j < k && o->path; j++)
			if (cli->outputs[j].path && strcmp(cli->outputs[j].path, o->path) == 0) {
				*status = oldc_cli_usage_error(cli, _("two outputs go to '%s'"), o->path);
				return -1;
			}
	}
	if (to_stdout > 1) {
		*status = oldc_cli_usage_error(cli, _("%zu outputs go to standard output, and only one can: "
						 "give -o FILE after each --format but one"), to_stdout);
		return -1;
	}
	for (size_t k = 0; k < cli->n_outputs; k++) {
		oldc_cli_output *o = &cli->outputs[k];
		struct stat st;
		const oldc_output_format *f = cli->table ? oldc_output_find(cli->table, o->format) : NULL;
		if (f && f->begin == oldc_output_github_begin) /* the runner reads stderr too */
			github_prog = cli->prog;
		/* what -o names now, to tell it from the inputs (through a link: what the
		 * link points at is what would be written) */
		if (o->path && stat(o->path, &st) == 0 && S_ISREG(st.st_mode)) {
			o->exists = true;
			o->dev = (unsigned long long)st.st_dev;
			o->ino = (unsigned long long)st.st_ino;
		}
	}
	/* Source lines are for the text format: a run with none (JSON, the CI formats)
	 * logs its findings on standard error without them */
	bool text = false;
	for (size_t k = 0; k < cli->n_outputs; k++)
		text |= strcmp(cli->outputs[k].format, "text") == 0;
	if (!text)
		oldc_render_set_source(false);
	cli->format = cli->outputs[0].format;
	cli->output = cli->outputs[0].path;
	if (cli->n_outputs == 1 && cli->output)
		cli->color = false; /* colour is for standard output only */
	return 0;
}

bool oldc_cli_color(const oldc_cli *cli, size_t k)
{
	return cli->color && k < cli->n_outputs && !cli->outputs[k].path;
}

int oldc_cli_parse(oldc_cli *cli, int argc, char **argv, const oldc_cli_option *extra,
		   int (*handle)(oldc_cli *, const char *, const char *, void *),
		   void *ctx, int *status)
{
	cli->format = format_name(cli, 0);
	cli->as_of = oldc_date_today();
	cli->lang = choose_lang(argc, argv);
	oldc_lang_set(cli->lang);
	cli->color = color_auto();
	cli->operands = calloc((size_t)argc + 1, sizeof *cli->operands);
	if (!cli->operands) {
		fprintf(stderr, _("%s: out of memory\n"), cli->prog);
		*status = OLDC_EXIT_INVALID;
		return -1;
	}
	bool options_done = false;
	for (int i = 1; i < argc; i++) {
		char *arg = argv[i];
		if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
			cli->operands[cli->n_operands++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			options_done = true;
			continue;
		}
		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			print_usage(cli);
			*status = fflush(stdout) == 0 && !ferror(stdout) ? OLDC_EXIT_OK : OLDC_EXIT_INVALID;
			return -1;
		}
		if (strcmp(arg, "--version") == 0) {
			printf("%s %s\n", cli->prog, oldc_version());
			*status = fflush(stdout) == 0 && !ferror(stdout) ? OLDC_EXIT_OK : OLDC_EXIT_INVALID;
			return -1;
		}
		/* -o FILE, -oFILE, -q; --name, --name=value, --name value */
		char name[64];
		const char *value = NULL;
		bool long_form = arg[1] == '-';
		if (long_form) {
			const char *eq = strchr(arg + 2, '=');
			size_t n = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
			if (n >= sizeof name)
				n = sizeof name - 1;
			memcpy(name, arg + 2, n);
			name[n] = '\0';
			if (eq)
				value = eq + 1;
		} else {
			name[0] = arg[1];
			name[1] = '\0';
			if (arg[2])
				value = arg + 2;
		}
		bool wants_value = strcmp(name, "o") == 0 || strcmp(name, "output") == 0 ||
				   in(shared_with_value, name) ||
				   (cli->takes_stdin_filename && strcmp(name, "stdin-filename") == 0);
		const oldc_cli_option *x = NULL;
		for (const oldc_cli_option *e = extra; e && e->name; e++)
			if (strcmp(e->name, name) == 0)
				x = e;
		if (x)
			wants_value = x->has_value;
		bool known = x || wants_value || strcmp(name, "strict") == 0 || strcmp(name, "q") == 0 ||
			     strcmp(name, "quiet") == 0 || strcmp(name, "verbose") == 0 ||
			     strcmp(name, "skip-non-dossiers") == 0 || strcmp(name, "no-source") == 0;
		if (!known) {
			*status = oldc_cli_usage_error(cli, _("unknown option '%s'"), arg);
			return -1;
		}
		if (wants_value && !value) {
			if (i + 1 >= argc) {
				*status = oldc_cli_usage_error(cli, _("option '%s' needs a value"), arg);
				return -1;
			}
			value = argv[++i];
		} else if (!wants_value && value) {
			*status = oldc_cli_usage_error(cli, _("option '%s' takes no value"), arg);
			return -1;
		}
		if (x) {
			if (handle(cli, name, value, ctx) < 0) {
				*status = OLDC_EXIT_INVALID;
				return -1;
			}
			continue;
		}
		if (shared_option(cli, name, value, status) < 0)
			return -1;
	}
	if (outputs(cli, status) < 0)
		return -1;
	return oldc_cli_settings(cli, status);
}

void oldc_cli_stderr(const char *text)
{
	size_t prog = github_prog ? strlen(github_prog) : 0;
	oldc_buf line, out;
	oldc_buf_init(&line);
	oldc_buf_init(&out);
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		line.len = 0;
		oldc_buf_put(&line, text, n);
		oldc_buf_putc(&line, '\0');
		const char *rest = line.data ? line.data : "";
		/* a terminal shows what an input says, never runs it (oldc(1)) */
		oldc_buf shown;
		oldc_buf_init(&shown);
		rest = oldc_term(&shown, rest);
		if (!github_prog) {
			oldc_buf_puts(&out, rest);
		} else {
			/* the line starts with the program's name, never with "::" */
			if (strncmp(rest, github_prog, prog) == 0 && strncmp(rest + prog, ": ", 2) == 0)
				rest += prog + 2;
			oldc_buf_puts(&out, github_prog);
			oldc_buf_puts(&out, ": ");
			oldc_gh_log(&out, rest);
		}
		out.failed |= shown.failed;
		oldc_buf_release(&shown);
		oldc_buf_putc(&out, '\n');
		text += n + (nl != NULL);
	}
	if (line.failed || out.failed)
		fputs("out of memory\n", stderr);
	else
		fputs(out.data ? out.data : "", stderr);
	oldc_buf_release(&line);
	oldc_buf_release(&out);
}

void oldc_cli_eprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char small[1];
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(small, sizeof small, fmt, copy);
	va_end(copy);
	char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (text)
		vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	oldc_cli_stderr(text ? text : "out of memory\n");
	free(text);
}

void oldc_cli_print_diags(const oldc_diags *diags, size_t first, size_t end)
{
	oldc_buf err;
	oldc_buf_init(&err);
	for (size_t k = first; k < end; k++)
		oldc_render_diag_text(&err, &diags->items[k], false);
	oldc_cli_stderr(err.failed ? "out of memory\n" : err.data ? err.data : "");
	oldc_buf_release(&err);
}

int oldc_cli_load_policy(oldc_cli *cli)
{
	oldc_diags diags;
	oldc_diags_init(&diags);
	cli->policy = oldc_policy_load(cli->policy_file, NULL, 0, &diags);
	if (!cli->policy) {
		oldc_cli_print_diags(&diags, 0, diags.count);
		if (diags.out_of_memory || !diags.count)
			fprintf(stderr, _("%s: out of memory\n"), cli->prog);
		oldc_cli_eprintf(_("%s: cannot use the policy %s\n"), cli->prog,
			cli->policy_file ? cli->policy_file : _("built in"));
	}
	oldc_diags_release(&diags);
	return cli->policy ? 0 : -1;
}

void oldc_cli_release(oldc_cli *cli)
{
	oldc_settings_free(cli->settings);
	free(cli->settings_dir);
	free(cli->settings_real_dir);
	free(cli->settings_policy);
	cli->settings = NULL;
	cli->settings_dir = cli->settings_policy = NULL;
	oldc_policy_free(cli->policy);
	free(cli->operands);
	cli->policy = NULL;
	cli->operands = NULL;
}

int oldc_cli_start(oldc_cli *cli, int argc, char **argv, const oldc_cli_option *extra,
		   int (*handle)(oldc_cli *, const char *, const char *, void *),
		   void *ctx, const char *what, int *status)
{
	*status = OLDC_EXIT_OK;
	if (oldc_cli_parse(cli, argc, argv, extra, handle, ctx, status) < 0)
		return -1;
	if (cli->n_operands == 0) {
		*status = oldc_cli_usage_error(cli, "%s", _(what));
		return -1;
	}
	if (oldc_cli_load_policy(cli) < 0) {
		*status = OLDC_EXIT_INVALID;
		return -1;
	}
	return 0;
}

static size_t skipped_files;

size_t oldc_cli_skipped(void)
{
	return skipped_files;
}

char **oldc_cli_dossiers(const oldc_cli *cli, size_t *count, int *status)
{
	oldc_diags diags;
	oldc_diags_init(&diags);
	char **skipped = NULL;
	oldc_inputs_options opt = { .skip_non_dossiers = cli->skip_non_dossiers, .allow_outside = cli->allow_outside };
	char **files = oldc_inputs(cli->operands, cli->n_operands, &opt, &diags, count, &skipped, &skipped_files);
	oldc_cli_print_diags(&diags, 0, diags.count);
	for (size_t i = 0; cli->verbose && i < skipped_files; i++)
		if (oldc_is_yaml_name(skipped[i]))
			oldc_cli_eprintf(_("%s: skipped '%s': not a dossier (its top-level mapping has no oldc: key)\n"),
					 cli->prog, skipped[i]);
		else
			oldc_cli_eprintf(_("%s: skipped '%s': not a dossier's name (*.yaml or *.yml)\n"), cli->prog,
					 skipped[i]);
	oldc_inputs_free(skipped);
	/* the settings' include and exclude globs choose among the files a walk found; a
	 * file named on the command line is always read */
	size_t kept = 0;
	for (size_t i = 0; files && i < *count; i++) {
		bool named = false;
		for (int k = 0; k < cli->n_operands && !named; k++)
			named = strcmp(cli->operands[k], files[i]) == 0;
		if (named || oldc_cli_settings_take(cli, files[i])) {
			files[kept++] = files[i];
			continue;
		}
		skipped_files++;
		if (cli->verbose)
			oldc_cli_eprintf(_("%s: skipped '%s': excluded by the settings (%s)\n"), cli->prog, files[i],
					 cli->settings->file);
		free(files[i]);
	}
	if (files) {
		files[kept] = NULL;
		*count = kept;
	}
	for (size_t i = 0; files && i < *count; i++) {
		const char *output = oldc_cli_input_is_output(cli, files[i]);
		if (output) {
			oldc_cli_refuse_outputs(cli, output, files[i]);
			*status = OLDC_EXIT_INVALID;
		}
	}
	if (diags.count || diags.out_of_memory)
		*status = OLDC_EXIT_INVALID;
	else if (files && *count == 0 && !cli->skip_non_dossiers) {
		oldc_cli_eprintf(_("%s: no dossier found (*.yaml or *.yml) in what was given\n"), cli->prog);
		*status = OLDC_EXIT_INVALID;
	}
	oldc_diags_release(&diags);
	return files;
}

/* Whether the outputs may be written: no operand named on the command line is one of
 * them (a directory's files were compared when it was walked, oldc_cli_dossiers; the
 * sheets a dossier names, when it was loaded). */
static bool outputs_allowed(const oldc_cli *cli)
{
	for (int i = 0; i < cli->n_operands && !oldc_cli_outputs_refused(); i++) {
		const char *output = oldc_cli_input_is_output(cli, cli->operands[i]);
		if (output)
			oldc_cli_refuse_outputs(cli, output, cli->operands[i]);
	}
	return !oldc_cli_outputs_refused();
}

void oldc_cli_finish_all(const oldc_cli *cli, oldc_buf *outs, bool out_of_memory, int *status)
{
	for (size_t k = 0; k < cli->n_outputs; k++)
		out_of_memory |= outs[k].failed;
	if (out_of_memory) {
		oldc_cli_eprintf("%s: out of memory\n", cli->prog);
		*status = OLDC_EXIT_INVALID;
	}
	bool allowed = outputs_allowed(cli);
	if (!allowed)
		*status = OLDC_EXIT_INVALID;
	/* the files first, standard output last: a reader that stops early (| head)
	 * may end the run, but the files are whole by then */
	for (int to_stdout = 0; to_stdout < 2; to_stdout++)
		for (size_t k = 0; k < cli->n_outputs; k++)
			if ((cli->outputs[k].path == NULL) == to_stdout && !out_of_memory && allowed &&
			    oldc_cli_write_to(cli, cli->outputs[k].path, outs[k].data ? outs[k].data : "", outs[k].len) < 0)
				*status = OLDC_EXIT_INVALID;
	for (size_t k = 0; k < cli->n_outputs; k++)
		oldc_buf_release(&outs[k]);
}

void oldc_cli_finish(const oldc_cli *cli, oldc_buf *out, bool out_of_memory, int *status)
{
	if (out_of_memory || out->failed) {
		oldc_cli_eprintf(_("%s: out of memory\n"), cli->prog);
		*status = OLDC_EXIT_INVALID;
	} else if (!outputs_allowed(cli) || oldc_cli_write(cli, out->data ? out->data : "", out->len) < 0)
		*status = OLDC_EXIT_INVALID;
	oldc_buf_release(out);
}
