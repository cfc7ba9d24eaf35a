/*
 * render_sarif.c: findings as one SARIF 2.1.0 log (render.h), what code-scanning
 * services (GitHub's among them) read. The driver's rules are the whole catalog
 * (rules.h), so a result's ruleIndex is its rule's place there; an id the catalog lacks
 * is listed after it, with its id only. Files inside the run's git work tree (given by
 * the command: oldc_repo, render.h) are named relative to it, under the base id %SRCROOT%;
 * a file outside it is a file:// URI. Nothing of the run (a date, the machine's paths)
 * goes in, so one input gives one log; no file system is read. Each rule carries its
 * description (fullDescription) and, once, the help `oldc explain RULE` gives (the
 * clause's text verbatim; explain.c), as text and as Markdown.
 */
#include <stdlib.h>
#include <string.h>
#include "oldc/oldc.h"
#include "oldc/explain.h"
#include "oldc/render.h"
#include "oldc/rules.h"
#include "escape.h"
#include "i18n.h"
#include "repo.h"

static const char *const levels[] = { "note", "warning", "error" };

void oldc_sarif_init(oldc_sarif *s, const char *tool, const oldc_repo *repo)
{
	memset(s, 0, sizeof *s);
	s->tool = tool;
	s->repo = repo;
	oldc_buf_init(&s->results);
}

void oldc_sarif_release(oldc_sarif *s)
{
	oldc_buf_release(&s->results);
	for (size_t i = 0; i < s->n_extra; i++)
		free(s->extra[i]);
	free(s->extra);
	free(s->last_file);
	free(s->last_location);
	s->extra = NULL;
	s->last_file = s->last_location = NULL;
	s->n_extra = 0;
}

/* The index of rule `id` in the driver's rules, adding it after the catalog when the
 * catalog lacks it; (size_t)-1 when memory ran out. */
static size_t rule_index(oldc_sarif *s, const char *id)
{
	size_t n;
	const oldc_rule *all = oldc_rules(&n);
	const oldc_rule *r = oldc_rule_find(id);
	if (r)
		return (size_t)(r - all);
	for (size_t i = 0; i < s->n_extra; i++)
		if (strcmp(s->extra[i], id) == 0)
			return n + i;
	char **grown = realloc(s->extra, (s->n_extra + 1) * sizeof *grown);
	if (!grown)
		return (size_t)-1;
	s->extra = grown;
	if (!(s->extra[s->n_extra] = strdup(id)))
		return (size_t)-1;
	return n + s->n_extra++;
}

/* The artifactLocation of `file` (JSON), kept for the next finding of the same file. */
static const char *location(oldc_sarif *s, const char *file)
{
	if (s->last_file && strcmp(s->last_file, file) == 0)
		return s->last_location;
	free(s->last_file);
	free(s->last_location);
	s->last_file = s->last_location = NULL;
	const char *cwd = s->repo ? s->repo->cwd : NULL, *root = s->repo ? s->repo->root : NULL;
	bool relative = file[0] != '/' && !cwd; /* no directory to take it from */
	char *abs = relative ? NULL : oldc_repo_absolute(cwd, file);
	if (!relative && !abs)
		return NULL;
	const char *rel = abs ? oldc_repo_below(abs, root) : NULL;
	oldc_buf b;
	oldc_buf_init(&b);
	/* under %SRCROOT% when the file is in the run's work tree; else an absolute URI */
	oldc_buf uri;
	oldc_buf_init(&uri);
	if (rel) {
		oldc_uri_path(&uri, rel);
		oldc_buf_puts(&b, "{\"uri\": ");
		oldc_buf_json_string(&b, uri.data ? uri.data : "");
		oldc_buf_puts(&b, ", \"uriBaseId\": \"%SRCROOT%\"}");
	} else {
		if (abs)
			oldc_buf_puts(&uri, "file://");
		oldc_uri_path(&uri, abs ? abs : file);
		oldc_buf_puts(&b, "{\"uri\": ");
		oldc_buf_json_string(&b, uri.data ? uri.data : "");
		oldc_buf_putc(&b, '}');
	}
	b.failed |= uri.failed;
	oldc_buf_release(&uri);
	free(abs);
	if (b.failed || !(s->last_file = strdup(file))) {
		oldc_buf_release(&b);
		return NULL;
	}
	s->last_location = b.data;
	return s->last_location;
}

void oldc_sarif_add(oldc_sarif *s, const oldc_diag *d)
{
	size_t index = rule_index(s, d->rule);
	bool stdin_ = strcmp(d->file, "-") == 0 || !*d->file;
	const char *loc = stdin_ ? "" : location(s, d->file);
	if (index == (size_t)-1 || !loc) {
		s->failed = true;
		return;
	}
	oldc_buf *out = &s->results;
	oldc_buf_puts(out, s->count++ ? ",\n    {\"ruleId\": " : "\n    {\"ruleId\": ");
	oldc_buf_json_string(out, d->rule);
	oldc_buf_printf(out, ", \"ruleIndex\": %zu, \"level\": \"%s\",\n     \"message\": {\"text\": ", index,
			levels[d->severity]);
	oldc_buf_json_string(out, d->message);
	oldc_buf_putc(out, '}');
	if (!stdin_) {
		oldc_buf_printf(out, ",\n     \"locations\": [{\"physicalLocation\": {\"artifactLocation\": %s", loc);
		if (d->line)
			oldc_buf_printf(out, ", \"region\": {\"startLine\": %u, \"startColumn\": %u}", d->line,
					d->column ? d->column : 1);
		oldc_buf_puts(out, "}}]");
		if (d->fix.text && d->fix.line) {
			/* the fix-it: one replacement in the finding's own file */
			oldc_buf description;
			oldc_buf_init(&description);
			oldc_buf_printf(&description, _("Write '%s'"), d->fix.text);
			oldc_buf_puts(out, ",\n     \"fixes\": [{\"description\": {\"text\": ");
			oldc_buf_json_string(out, description.data ? description.data : d->fix.text);
			out->failed |= description.failed;
			oldc_buf_release(&description);
			oldc_buf_printf(out, "}, \"artifactChanges\": [{\"artifactLocation\": %s, \"replacements\": "
					"[{\"deletedRegion\": {\"startLine\": %u, \"startColumn\": %u, \"endColumn\": %u}, "
					"\"insertedContent\": {\"text\": ", loc, d->fix.line, d->fix.column, d->fix.end_column);
			oldc_buf_json_string(out, d->fix.text);
			oldc_buf_puts(out, "}}]}]}]");
		}
	}
	if (d->waived) {
		/* still a result, and shown, but accepted: code scanning lists it as dismissed */
		oldc_buf_puts(out, ",\n     \"suppressions\": [{\"kind\": \"external\", \"status\": \"accepted\", "
				   "\"justification\": ");
		oldc_buf waived;
		oldc_buf_init(&waived);
		oldc_buf_printf(&waived, _("%s (approved by %s on %s)"), d->waived->reason, d->waived->approved_by,
				d->waived->date);
		oldc_buf_json_string(out, waived.data ? waived.data : d->waived->reason);
		out->failed |= waived.failed;
		oldc_buf_release(&waived);
		oldc_buf_puts(out, "}]");
	}
	if (d->clause || d->cell) {
		const char *sep = ",\n     \"properties\": {";
		if (d->clause) {
			oldc_buf_printf(out, "%s\"clause\": ", sep);
			oldc_buf_json_string(out, d->clause);
			sep = ", ";
		}
		if (d->cell) {
			oldc_buf_printf(out, "%s\"cell\": ", sep);
			oldc_buf_json_string(out, d->cell);
		}
		oldc_buf_putc(out, '}');
	}
	oldc_buf_putc(out, '}');
}

void oldc_sarif_finish(const oldc_sarif *s, oldc_buf *out)
{
	const char *v = oldc_version();
	oldc_buf_puts(out, "{\"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\", \"version\": \"2.1.0\",\n"
			   " \"runs\": [{\n  \"tool\": {\"driver\": {\"name\": ");
	oldc_buf_json_string(out, s->tool);
	/* no informationUri: the project has no address of its own to give */
	oldc_buf_printf(out, ", \"version\": \"%s\", \"semanticVersion\": \"%s\",\n   \"rules\": [", v, v);
	size_t n;
	const oldc_rule *all = oldc_rules(&n);
	for (size_t i = 0; i < n + s->n_extra; i++) {
		const oldc_rule *r = i < n ? &all[i] : NULL;
		oldc_buf_puts(out, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		oldc_buf_json_string(out, r ? r->id : s->extra[i - n]);
		if (r) {
			oldc_buf_puts(out, ", \"shortDescription\": {\"text\": ");
			oldc_buf_json_string(out, _(r->summary));
			oldc_buf_puts(out, "},\n     \"fullDescription\": {\"text\": ");
			oldc_buf_json_string(out, _(r->summary));
			/* the help: what `oldc explain RULE` says, once per rule, not per result */
			if (s->policy) {
				oldc_buf text, markdown;
				oldc_buf_init(&text);
				oldc_buf_init(&markdown);
				oldc_explain_rule_help(&text, &markdown, s->policy, r);
				oldc_buf_puts(out, "},\n     \"help\": {\"text\": ");
				oldc_buf_json_string(out, text.data ? text.data : "");
				oldc_buf_puts(out, ", \"markdown\": ");
				oldc_buf_json_string(out, markdown.data ? markdown.data : "");
				out->failed |= text.failed || markdown.failed;
				oldc_buf_release(&text);
				oldc_buf_release(&markdown);
			}
			oldc_buf_printf(out, "},\n     \"defaultConfiguration\": {\"level\": \"%s\"}", levels[r->severity]);
			const char *clause = oldc_rule_clause(r, s->policy);
			if (clause) {
				oldc_buf_puts(out, ", \"properties\": {\"clause\": ");
				oldc_buf_json_string(out, clause);
				oldc_buf_putc(out, '}');
			}
		}
		oldc_buf_putc(out, '}');
	}
	oldc_buf_puts(out, "]}},\n  \"columnKind\": \"unicodeCodePoints\",\n"
			   "  \"originalUriBaseIds\": {\"%SRCROOT%\": {\"description\": {\"text\": "
			   "\"The top of the git work tree that holds the inputs\"}}},\n  \"results\": [");
	oldc_buf_put(out, s->results.data ? s->results.data : "", s->results.len);
	oldc_buf_puts(out, s->count ? "\n  ]}]}\n" : "]}]}\n");
	out->failed |= s->failed || s->results.failed;
}
