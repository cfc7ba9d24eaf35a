/*
 * render_github.c: findings as GitHub Actions workflow commands (render.h): one
 * `::error file=F,line=L,col=C,title=T::MESSAGE` line each, which GitHub shows as an
 * annotation on the file. GitHub shows at most 10 annotations of each kind (error,
 * warning, notice) per step; past that, findings are printed as plain log lines, and a
 * summary says how many were not annotated. Every piece of text is escaped (escape.h),
 * so nothing a dossier says can end an annotation early or start a command.
 */
#include <stdlib.h>
#include <string.h>
#include "oldc/render.h"
#include "escape.h"
#include "i18n.h"
#include "repo.h"

static const char *const commands[] = { "notice", "warning", "error" };

void oldc_github_init(oldc_github *g, const char *tool, const oldc_repo *repo)
{
	memset(g, 0, sizeof *g);
	g->tool = tool;
	g->repo = repo;
}

/* The file as GitHub names it: relative to the top of the repository when it lies in
 * the run's git work tree (g->repo), else as given. */
static void file_property(oldc_buf *out, const char *file, const oldc_github *g)
{
	const char *cwd = g->repo ? g->repo->cwd : NULL, *root = g->repo ? g->repo->root : NULL;
	char *abs = root && (file[0] == '/' || cwd) ? oldc_repo_absolute(cwd, file) : NULL;
	const char *rel = abs ? oldc_repo_below(abs, root) : NULL;
	oldc_gh_property(out, rel ? rel : file);
	out->failed |= root && (file[0] == '/' || cwd) && !abs;
	free(abs);
}

void oldc_render_diag_github(oldc_buf *out, const oldc_diag *d, oldc_github *g)
{
	if (g->annotated[d->severity] >= OLDC_GITHUB_ANNOTATIONS) {
		/* a log line: it starts with the tool's name, never with "::" */
		g->logged[d->severity]++;
		oldc_buf_puts(out, g->tool);
		oldc_buf_puts(out, ": ");
		oldc_buf tmp;
		oldc_buf_init(&tmp);
		oldc_diag one_line = *d; /* a log line: no source line under it */
		one_line.source = NULL;
		oldc_render_diag_text(&tmp, &one_line, false);
		if (tmp.len)
			tmp.data[--tmp.len] = '\0'; /* its newline */
		oldc_gh_log(out, tmp.data ? tmp.data : "");
		out->failed |= tmp.failed;
		oldc_buf_release(&tmp);
		oldc_buf_putc(out, '\n');
		return;
	}
	g->annotated[d->severity]++;
	/* a waived finding is a notice: the city allowed it, nobody need act on it */
	oldc_buf_printf(out, "::%s ", commands[d->waived ? OLDC_NOTE : d->severity]);
	if (*d->file && strcmp(d->file, "-") != 0) {
		oldc_buf_puts(out, "file=");
		file_property(out, d->file, g);
		if (d->line)
			oldc_buf_printf(out, ",line=%u,col=%u", d->line, d->column);
		oldc_buf_putc(out, ',');
	}
	oldc_buf title;
	oldc_buf_init(&title);
	oldc_buf_printf(&title, "%s: %s", g->tool, d->rule);
	if (d->clause)
		oldc_buf_printf(&title, " (%s)", d->clause);
	if (d->waived)
		oldc_buf_puts(&title, _(", waived"));
	oldc_buf_puts(out, "title=");
	oldc_gh_property(out, title.data ? title.data : "");
	out->failed |= title.failed;
	oldc_buf_release(&title);
	oldc_buf_puts(out, "::");
	oldc_gh_data(out, d->message);
	if (d->waived) {
		oldc_buf waived;
		oldc_buf_init(&waived);
		oldc_gh_data(out, " ");
		oldc_gh_data(out, oldc_render_waived(&waived, d->waived));
		out->failed |= waived.failed;
		oldc_buf_release(&waived);
	}
	oldc_buf_putc(out, '\n');
}

void oldc_render_github_summary(oldc_buf *out, const oldc_github *g)
{
	size_t n = g->logged[0] + g->logged[1] + g->logged[2];
	if (!n)
		return;
	oldc_buf_printf(out, P_("%s: %zu finding was not annotated (GitHub shows %d errors, %d warnings "
				"and %d notices a step): %zu errors, %zu warnings, %zu notes, printed above "
				"as log lines\n",
				"%s: %zu findings were not annotated (GitHub shows %d errors, %d warnings "
				"and %d notices a step): %zu errors, %zu warnings, %zu notes, printed above "
				"as log lines\n", n),
			g->tool, n, OLDC_GITHUB_ANNOTATIONS, OLDC_GITHUB_ANNOTATIONS, OLDC_GITHUB_ANNOTATIONS,
			g->logged[OLDC_ERROR], g->logged[OLDC_WARNING], g->logged[OLDC_NOTE]);
}
