/*
 * cmd_config.c: `oldc config`, the settings in force where it runs and where each came
 * from: the settings file (FILE:LINE), an option of the command line, the environment
 * or oldc's default. What a CI job or a puzzled planner asks before anything else:
 * which policy, which language, which date, which files, which severities.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "escape.h"
#include "i18n.h"

static const char usage[] = N_(
	"usage: oldc config [OPTIONS]\n"
	"\n"
	"Prints the settings in force here and where each comes from: the settings file\n"
	"(.oldc.yaml, found from the current folder up to the top of the git work tree;\n"
	"OLDC_SETTINGS names another, or none when empty), an option, the environment or\n"
	"the default. Options given here count as they would for any command.\n"
	"\n"
	"Options:\n"
	"  --format text|json    output format (default text)\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --policy FILE         as any command's --policy\n"
	"  --lang zh|en          as any command's --lang\n"
	"  --as-of YYYY-MM-DD    as any command's --as-of\n"
	"  -h, --help            this help\n"
	"  --version             the version\n"
	"\n"
	"Exit status: 0, or 2 for a settings file or policy that cannot be used, or a\n"
	"usage error.\n");

static const char *const formats[] = { "text", "json", NULL };

/* One setting as shown: its name, its value and where it came from. */
typedef struct setting {
	const char *name;
	oldc_buf value;          /* text; for JSON a JSON value */
	oldc_buf json;
	char source[512];
} setting;

enum { POLICY, LANG, AS_OF, INCLUDE, EXCLUDE, SEVERITY, N_SETTINGS };

static void from_file(const oldc_cli *cli, const oldc_node *n, char *source, size_t size)
{
	snprintf(source, size, "%s:%u", cli->settings->file, n->line);
}

static bool environment_language(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return true;
	}
	return false;
}

/* A list of globs of the settings, as text and as a JSON array. */
static void globs(setting *s, const oldc_cli *cli, const oldc_list *list, const oldc_node *key)
{
	const oldc_node *const *g = list->items;
	oldc_buf_puts(&s->json, "[");
	for (size_t i = 0; i < list->count; i++) {
		oldc_buf_printf(&s->value, "%s%s", i ? ", " : "", g[i]->text);
		oldc_buf_puts(&s->json, i ? ", " : "");
		oldc_buf_json_string(&s->json, g[i]->text);
	}
	oldc_buf_puts(&s->json, "]");
	if (key)
		from_file(cli, key, s->source, sizeof s->source);
	else
		snprintf(s->source, sizeof s->source, "default");
	if (!list->count)
		oldc_buf_puts(&s->value, _("(none)"));
}

/* The node of key `key` of the settings' top-level mapping, or NULL. */
static const oldc_node *key_of(const oldc_cli *cli, const char *key)
{
	return cli->settings ? oldc_node_key(cli->settings->root, key) : NULL;
}

int cmd_config(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc config", .usage = usage, .formats = formats };
	int status = OLDC_EXIT_OK;
	setting set[N_SETTINGS] = {
		[POLICY] = { .name = "policy" }, [LANG] = { .name = "lang" }, [AS_OF] = { .name = "as_of" },
		[INCLUDE] = { .name = "include" }, [EXCLUDE] = { .name = "exclude" }, [SEVERITY] = { .name = "severity" },
	};
	for (size_t i = 0; i < N_SETTINGS; i++) {
		oldc_buf_init(&set[i].value);
		oldc_buf_init(&set[i].json);
	}
	oldc_buf out;
	oldc_buf_init(&out);
	if (oldc_cli_parse(&cli, argc, argv, NULL, NULL, NULL, &status) < 0)
		goto done;
	if (cli.n_operands) {
		status = oldc_cli_usage_error(&cli, "%s", _("oldc config takes no operand"));
		goto done;
	}
	if (oldc_cli_load_policy(&cli) < 0) {
		status = OLDC_EXIT_INVALID;
		goto done;
	}
	const oldc_settings *s = cli.settings;

	/* policy */
	oldc_buf_printf(&set[POLICY].value, "%s (%s)", cli.policy_file ? cli.policy_file : _("built in"),
			cli.policy->id->text);
	oldc_buf_json_string(&set[POLICY].json, cli.policy_file ? cli.policy_file : "built-in");
	if (cli.settings_policy && cli.policy_file == cli.settings_policy)
		from_file(&cli, s->policy, set[POLICY].source, sizeof set[POLICY].source);
	else
		snprintf(set[POLICY].source, sizeof set[POLICY].source, "%s", cli.policy_file ? "option" : "default");
	/* lang */
	const char *lang = cli.lang == OLDC_LANG_ZH ? "zh" : "en";
	oldc_buf_puts(&set[LANG].value, lang);
	oldc_buf_json_string(&set[LANG].json, lang);
	if (cli.lang_given)
		snprintf(set[LANG].source, sizeof set[LANG].source, "option");
	else if (s && s->lang)
		from_file(&cli, s->lang, set[LANG].source, sizeof set[LANG].source);
	else
		snprintf(set[LANG].source, sizeof set[LANG].source, environment_language() ? "environment" : "default");
	/* as_of */
	char date[11];
	oldc_date_format(cli.as_of, date);
	oldc_buf_printf(&set[AS_OF].value, "%s%s", date,
			cli.as_of_from_commit ? _(" (the date of HEAD's commit)") : cli.as_of_given ? "" : _(" (today)"));
	oldc_buf_json_string(&set[AS_OF].json, date);
	if (cli.as_of_given)
		snprintf(set[AS_OF].source, sizeof set[AS_OF].source, "option");
	else if (cli.as_of_from_commit)
		from_file(&cli, s->as_of, set[AS_OF].source, sizeof set[AS_OF].source);
	else
		snprintf(set[AS_OF].source, sizeof set[AS_OF].source, "default");
	/* include, exclude */
	oldc_list none = { 0 };
	globs(&set[INCLUDE], &cli, s ? &s->include : &none, key_of(&cli, "include"));
	globs(&set[EXCLUDE], &cli, s ? &s->exclude : &none, key_of(&cli, "exclude"));
	/* severity */
	oldc_buf_puts(&set[SEVERITY].json, "{");
	const struct oldc_severity_override *o = s ? s->severity.items : NULL;
	for (size_t i = 0; s && i < s->severity.count; i++) {
		oldc_buf_printf(&set[SEVERITY].value, "%s%s: %s", i ? ", " : "", o[i].rule->text, o[i].level->text);
		oldc_buf_puts(&set[SEVERITY].json, i ? ", " : "");
		oldc_buf_json_string(&set[SEVERITY].json, o[i].rule->text);
		oldc_buf_puts(&set[SEVERITY].json, ": ");
		oldc_buf_json_string(&set[SEVERITY].json, o[i].level->text);
	}
	oldc_buf_puts(&set[SEVERITY].json, "}");
	if (!s || !s->severity.count)
		oldc_buf_puts(&set[SEVERITY].value, _("(none)"));
	if (key_of(&cli, "severity"))
		from_file(&cli, key_of(&cli, "severity"), set[SEVERITY].source, sizeof set[SEVERITY].source);
	else
		snprintf(set[SEVERITY].source, sizeof set[SEVERITY].source, "default");

	if (strcmp(cli.format, "json") == 0) {
		oldc_buf_printf(&out, "{\"tool\": \"oldc-config\", \"version\": \"%s\", \"settings_file\": ", oldc_version());
		if (s)
			oldc_buf_json_string(&out, s->file);
		else
			oldc_buf_puts(&out, "null");
		oldc_buf_puts(&out, ",\n \"settings\": {");
		for (size_t i = 0; i < N_SETTINGS; i++) {
			oldc_buf_printf(&out, "%s\n  \"%s\": {\"value\": ", i ? "," : "", set[i].name);
			oldc_buf_put(&out, set[i].json.data ? set[i].json.data : "null", set[i].json.data ? set[i].json.len : 4);
			oldc_buf_puts(&out, ", \"source\": ");
			oldc_buf_json_string(&out, set[i].source);
			oldc_buf_puts(&out, "}");
		}
		oldc_buf_puts(&out, "\n }}\n");
	} else {
		oldc_buf name;
		oldc_buf_init(&name);
		oldc_buf_printf(&out, "%-10s %s\n", "settings", s ? oldc_term(&name, s->file) : _("(none found)"));
		for (size_t i = 0; i < N_SETTINGS; i++) {
			oldc_buf_printf(&out, "%-10s ", set[i].name);
			oldc_term_text(&out, set[i].value.data ? set[i].value.data : "");
			oldc_buf_puts(&out, "  [");
			oldc_term_text(&out, set[i].source);
			oldc_buf_puts(&out, "]\n");
		}
		out.failed |= name.failed;
		oldc_buf_release(&name);
	}
	for (size_t i = 0; i < N_SETTINGS; i++)
		out.failed |= set[i].value.failed || set[i].json.failed;
	oldc_cli_finish(&cli, &out, false, &status);
done:
	for (size_t i = 0; i < N_SETTINGS; i++) {
		oldc_buf_release(&set[i].value);
		oldc_buf_release(&set[i].json);
	}
	oldc_buf_release(&out);
	oldc_cli_release(&cli);
	return status;
}
