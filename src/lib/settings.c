/*
 * settings.c: the settings file of a repository (settings.h), a table of schema.h like
 * the dossier's, and what it does to a run's findings and walks.
 */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/rules.h"
#include "oldc/settings.h"
#include "i18n.h"
#include "schema.h"

typedef oldc_settings S;

static const oldc_stype t_version = { .kind = S_INT, .what = N_("the settings format version (1)"),
	.min = 1, .max = 1 };
static const char *const lang_words[] = { "zh", "en", NULL };
static const oldc_stype t_lang = { .kind = S_WORD, .what = N_("language"), .words = lang_words };
static const char *const as_of_words[] = { "today", "commit", NULL };
static const oldc_stype t_as_of = { .kind = S_WORD, .what = N_("as_of setting"),
	.words = as_of_words };
static const oldc_stype t_globs = { .kind = S_LIST, .what = N_("a list of globs"), .elem = &oldc_t_line,
	.size = sizeof(const oldc_node *) };
static const char *const level_words[] = { "error", "note", NULL };
static const oldc_stype t_level = { .kind = S_WORD, .what = N_("severity level"),
	.words = level_words };
static const oldc_field t_override_fields[] = {
	{ "rule", &oldc_t_line, offsetof(struct oldc_severity_override, rule), true },
	{ "level", &t_level, offsetof(struct oldc_severity_override, level), true },
	{ NULL, NULL, 0, false },
};
static const oldc_stype t_override = { .kind = S_MAP, .what = N_("a severity override"),
	.fields = t_override_fields, .size = sizeof(struct oldc_severity_override) };
static const oldc_stype t_overrides = { .kind = S_LIST, .what = N_("'severity' (a list)"), .elem = &t_override,
	.size = sizeof(struct oldc_severity_override) };
static const oldc_field t_settings_fields[] = {
	{ "version", &t_version, offsetof(S, version), true },
	{ "policy", &oldc_t_line, offsetof(S, policy), false },
	{ "lang", &t_lang, offsetof(S, lang), false },
	{ "as_of", &t_as_of, offsetof(S, as_of), false },
	{ "include", &t_globs, offsetof(S, include), false },
	{ "exclude", &t_globs, offsetof(S, exclude), false },
	{ "severity", &t_overrides, offsetof(S, severity), false },
	{ NULL, NULL, 0, false },
};
static const oldc_stype t_settings = { .kind = S_MAP, .what = N_("the settings"), .fields = t_settings_fields,
	.size = sizeof(S) };

const oldc_stype *oldc_settings_stype(void)
{
	return &t_settings;
}

/* An override names a rule of warning level: raising or lowering an error, or naming
 * no rule, is refused. */
static void check_overrides(oldc_schema_ctx *ctx, const S *s)
{
	const struct oldc_severity_override *o = s->severity.items;
	for (size_t i = 0; i < s->severity.count; i++) {
		const oldc_node *n = o[i].rule;
		if (!n || !n->text)
			continue;
		const oldc_rule *r = oldc_schema_rule(ctx, n, "settings.severity");
		if (r && r->severity != OLDC_WARNING) {
			oldc_diag_add(ctx->diags, OLDC_ERROR, ctx->file, n->line, n->column, "settings.severity", NULL,
				      _("'%s' is not a rule of warning level: only a warning may be raised to an error "
					"or lowered to a note"), n->text);
			ctx->errors++;
		}
	}
}

oldc_settings *oldc_settings_load(const char *file, const char *data, size_t length, oldc_diags *diags)
{
	S *s = calloc(1, sizeof *s);
	oldc_arena *arena = oldc_arena_new();
	char *name = file ? strdup(file) : NULL;
	if (!s || !arena || !name) {
		free(s);
		free(name);
		oldc_arena_free(arena);
		oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.memory", NULL, _("out of memory"));
		return NULL;
	}
	s->file = name;
	s->arena = arena;
	oldc_node *root = oldc_yaml_read(file, data, length, NULL, arena, diags);
	if (!root) {
		oldc_settings_free(s);
		return NULL;
	}
	oldc_schema_ctx ctx = { .file = file, .diags = diags, .arena = arena };
	oldc_schema_check(&ctx, &t_settings, root, s);
	check_overrides(&ctx, s);
	if (ctx.errors) {
		oldc_settings_free(s);
		return NULL;
	}
	return s;
}

void oldc_settings_free(oldc_settings *s)
{
	if (!s)
		return;
	oldc_arena_free(s->arena);
	free(s->file);
	free(s);
}

void oldc_settings_apply(const oldc_settings *s, oldc_diags *diags, size_t from)
{
	if (!s)
		return;
	const struct oldc_severity_override *o = s->severity.items;
	for (size_t k = from; k < diags->count; k++) {
		oldc_diag *d = &diags->items[k];
		if (d->severity != OLDC_WARNING)
			continue;
		for (size_t i = 0; i < s->severity.count; i++)
			if (o[i].rule && o[i].level && strcmp(o[i].rule->text, d->rule) == 0)
				d->severity = strcmp(o[i].level->text, "error") == 0 ? OLDC_ERROR : OLDC_NOTE;
	}
}

bool oldc_glob_match(const char *pattern, const char *path)
{
	if (strncmp(pattern, "**", 2) == 0 && (pattern[2] == '/' || pattern[2] == '\0')) {
		const char *rest = pattern[2] ? pattern + 3 : pattern + 2;
		/* ** stands for no segment, or for one more each time round */
		for (const char *p = path;; ) {
			if (*rest ? oldc_glob_match(rest, p) : true)
				return true;
			const char *slash = strchr(p, '/');
			if (!slash)
				return false;
			p = slash + 1;
		}
	}
	const char *pslash = strchr(pattern, '/'), *slash = strchr(path, '/');
	size_t pn = pslash ? (size_t)(pslash - pattern) : strlen(pattern);
	size_t n = slash ? (size_t)(slash - path) : strlen(path);
	char seg_pattern[256], seg[256];
	if (pn >= sizeof seg_pattern || n >= sizeof seg)
		return false;
	memcpy(seg_pattern, pattern, pn);
	seg_pattern[pn] = '\0';
	memcpy(seg, path, n);
	seg[n] = '\0';
	if (fnmatch(seg_pattern, seg, FNM_PERIOD) != 0)
		return false;
	if (!pslash || !slash)
		return !pslash && !slash;
	return oldc_glob_match(pslash + 1, slash + 1);
}

bool oldc_settings_takes(const oldc_settings *s, const char *path)
{
	if (!s)
		return true;
	const oldc_node *const *in = s->include.items, *const *out = s->exclude.items;
	bool taken = s->include.count == 0;
	for (size_t i = 0; i < s->include.count && !taken; i++)
		taken = in[i] && oldc_glob_match(in[i]->text, path);
	for (size_t i = 0; i < s->exclude.count && taken; i++)
		taken = !(out[i] && oldc_glob_match(out[i]->text, path));
	return taken;
}
