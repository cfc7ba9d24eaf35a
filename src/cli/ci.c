/*
 * ci.c: the CI formats of a command (cli.h): SARIF, GitHub workflow commands and JUnit
 * XML, fed file by file with the same findings the text and JSON outputs show, and
 * rendered once at the end for every output that asked for them.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "repo.h"

bool oldc_ci_format(const char *format)
{
	return strcmp(format, "sarif") == 0 || strcmp(format, "github") == 0 || strcmp(format, "junit") == 0;
}

void oldc_ci_init(oldc_ci *ci, const oldc_cli *cli)
{
	memset(ci, 0, sizeof *ci);
	ci->cli = cli;
	for (size_t k = 0; k < cli->n_outputs; k++) {
		const char *f = cli->outputs[k].format;
		ci->sarif |= strcmp(f, "sarif") == 0;
		ci->github |= strcmp(f, "github") == 0;
		ci->junit |= strcmp(f, "junit") == 0;
	}
	char cwd[PATH_MAX];
	if ((ci->sarif || ci->github) && getcwd(cwd, sizeof cwd) && !(ci->cwd = strdup(cwd)))
		ci->repo_failed = true;
	ci->repo.cwd = ci->cwd;
	oldc_sarif_init(&ci->sarif_log, cli->prog, &ci->repo);
	oldc_github_init(&ci->github_state, cli->prog, &ci->repo);
	oldc_buf_init(&ci->github_out);
	oldc_junit_init(&ci->junit_doc, cli->prog);
}

/* The run's work tree, if not yet known: that of the first file of a finding that lies
 * in one (the nearest ancestor with a .git entry), ending in its slash. */
static void find_root(oldc_ci *ci, const oldc_diags *diags, size_t first, size_t end)
{
	for (size_t k = first; k < end && !ci->root && !ci->repo_failed; k++) {
		const char *file = diags->items[k].file;
		if (!*file || strcmp(file, "-") == 0 || (ci->probed && strcmp(ci->probed, file) == 0))
			continue;
		free(ci->probed);
		const char *rel;
		char *abs = (ci->probed = strdup(file)) ? oldc_repo_locate(file, &rel) : NULL;
		if (!abs || (rel && !(ci->root = strndup(abs, (size_t)(rel - abs)))))
			ci->repo_failed = true;
		ci->repo.root = ci->root;
		free(abs);
	}
}

void oldc_ci_file(oldc_ci *ci, const char *file, const char *classname, oldc_junit_outcome outcome,
		  const char *reason, const oldc_diags *diags, size_t first, size_t end)
{
	if (ci->sarif || ci->github)
		find_root(ci, diags, first, end);
	for (size_t k = first; k < end; k++) {
		if (ci->sarif)
			oldc_sarif_add(&ci->sarif_log, &diags->items[k]);
		if (ci->github)
			oldc_render_diag_github(&ci->github_out, &diags->items[k], &ci->github_state);
	}
	if (ci->junit)
		oldc_junit_case(&ci->junit_doc, file, classname, outcome, reason, diags, first, end);
}

bool oldc_ci_render(oldc_ci *ci, const char *format, oldc_buf *out)
{
	if (strcmp(format, "sarif") == 0) {
		ci->sarif_log.policy = ci->cli->policy; /* the rules' clauses are the loaded policy's */
		oldc_sarif_finish(&ci->sarif_log, out);
	} else if (strcmp(format, "junit") == 0)
		oldc_junit_finish(&ci->junit_doc, out);
	else if (strcmp(format, "github") == 0) {
		oldc_buf_put(out, ci->github_out.data ? ci->github_out.data : "", ci->github_out.len);
		oldc_render_github_summary(out, &ci->github_state);
		out->failed |= ci->github_out.failed;
	} else
		return false;
	return true;
}

bool oldc_ci_failed(const oldc_ci *ci)
{
	return ci->sarif_log.failed || ci->sarif_log.results.failed || ci->github_out.failed ||
	       ci->junit_doc.cases.failed || ci->repo_failed;
}

void oldc_ci_release(oldc_ci *ci)
{
	oldc_sarif_release(&ci->sarif_log);
	free(ci->cwd);
	free(ci->root);
	free(ci->probed);
	oldc_buf_release(&ci->github_out);
	oldc_junit_release(&ci->junit_doc);
}

/* A finding packed: severity, line, column, flags (uint32 each: 1 a clause, 2 a cell,
 * 4 a fix, 8 a source line), then file, rule, clause, message and cell (empty for none),
 * each NUL-terminated; with a fix, its text (NUL-terminated), line, column and end
 * column (uint32 each); with a source line, its text (NUL-terminated). */
void oldc_ci_pack(oldc_buf *out, const oldc_diags *diags, size_t first, size_t end)
{
	uint32_t n = (uint32_t)(end - first);
	oldc_buf_put(out, (const char *)&n, sizeof n);
	for (size_t k = first; k < end; k++) {
		const oldc_diag *d = &diags->items[k];
		uint32_t head[4] = { (uint32_t)d->severity, d->line, d->column,
				     (d->clause != NULL) | (uint32_t)(d->cell != NULL) << 1 |
				     (uint32_t)(d->fix.text != NULL) << 2 | (uint32_t)(d->source != NULL) << 3 };
		oldc_buf_put(out, (const char *)head, sizeof head);
		const char *strings[5] = { d->file, d->rule, d->clause ? d->clause : "", d->message,
					   d->cell ? d->cell : "" };
		for (size_t i = 0; i < 5; i++)
			oldc_buf_put(out, strings[i], strlen(strings[i]) + 1);
		if (d->fix.text) {
			uint32_t at[3] = { d->fix.line, d->fix.column, d->fix.end_column };
			oldc_buf_put(out, d->fix.text, strlen(d->fix.text) + 1);
			oldc_buf_put(out, (const char *)at, sizeof at);
		}
		if (d->source)
			oldc_buf_put(out, d->source, strlen(d->source) + 1);
	}
}

/* The string at *p, at most `left` bytes with its NUL; NULL when it is not whole. */
static const char *string_at(const char **p, const char *end)
{
	const char *s = *p, *nul = memchr(s, '\0', (size_t)(end - s));
	if (!nul)
		return NULL;
	*p = nul + 1;
	return s;
}

size_t oldc_ci_unpack(const char *data, size_t length, oldc_diags *diags)
{
	const char *p = data, *end = data + length;
	uint32_t n;
	if (length < sizeof n)
		return 0;
	memcpy(&n, p, sizeof n);
	p += sizeof n;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t head[4];
		if ((size_t)(end - p) < sizeof head)
			return 0;
		memcpy(head, p, sizeof head);
		p += sizeof head;
		const char *file = string_at(&p, end);
		const char *rule = file ? string_at(&p, end) : NULL;
		const char *clause = rule ? string_at(&p, end) : NULL;
		const char *message = clause ? string_at(&p, end) : NULL;
		const char *cell = message ? string_at(&p, end) : NULL;
		if (!cell || head[0] > OLDC_ERROR)
			return 0;
		size_t before = diags->count;
		oldc_diag_add(diags, (oldc_severity)head[0], file, head[1], head[2], rule, head[3] & 1 ? clause : NULL,
			      "%s", message);
		if (head[3] & 2)
			oldc_diag_set_cell(diags, cell);
		if (head[3] & 4) {
			const char *text = string_at(&p, end);
			uint32_t at[3];
			if (!text || (size_t)(end - p) < sizeof at)
				return 0;
			memcpy(at, p, sizeof at);
			p += sizeof at;
			oldc_diag_set_fix(diags, at[0], at[1], at[2], text);
		}
		if (head[3] & 8) {
			const char *source = string_at(&p, end);
			if (!source)
				return 0;
			oldc_diag *last = diags->count > before ? &diags->items[diags->count - 1] : NULL;
			if (last && !(last->source = strdup(source)))
				diags->out_of_memory = true;
		}
	}
	return (size_t)(p - data);
}
