/*
 * vote_read.c: reading a ballots or tally sheet (vote.h), the driver of the reader's
 * parts (vote_sheet.h says which does what): the bytes are found (vote_source.c), a
 * workbook's sheet read as rows (vote_workbook.c) or the text split as CSV
 * (vote_csv.c), every row checked and counted (vote_count.c) before anything counts;
 * then the counts are made whole, and what the reader owned is freed.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "file.h"
#include "oldc/limits.h"
#include "i18n.h"
#include "vote_sheet.h"

int oldc_vote_read(const char *file, const oldc_vote_options *opt, oldc_vote_counts *out,
		   oldc_diags *diags)
{
	static const oldc_vote_options defaults = { .total_area = -1 };
	if (!opt)
		opt = &defaults;
	*out = (oldc_vote_counts){ .encoding = "UTF-8", .answers_split = true };
	vote_reader r = { .file = file, .opt = opt, .diags = diags, .out = out };
	size_t first_finding = diags->count;
	size_t limit = opt->max_bytes ? opt->max_bytes : OLDC_VOTE_MAX_BYTES;
	vote_source *src = calloc(1, sizeof *src);
	char *whole = NULL;
	struct csv_parser *parser = NULL;
	int rc = -1;
	if (!src) {
		r.oom = true;
		goto done;
	}
	int opened = oldc_vote_source_open(&r, src, limit, &whole);
	if (opened < 0) {
		free(src);
		return -1;
	}
	if (opened == 0)
		goto done;
	r.arena = oldc_arena_new();
	if (!r.arena) {
		r.oom = true;
		goto done;
	}
	if (oldc_vote_source_is_workbook(file, src)) {
		const char *bytes = src->fd < 0 ? src->data : NULL;
		size_t length = src->len;
		if (!bytes && strcmp(file, "-") == 0) { /* from standard input's offset, whole */
			whole = oldc_read_fd(src->fd, file, limit, &length, diags);
			if (!(bytes = whole))
				goto done;
		}
		r.file_size = 0; /* a workbook is compressed: its size foretells no rows */
		r.workbook = true;
		if (!oldc_vote_read_workbook(&r, bytes, length, limit))
			goto done;
	} else {
		if (opt->sheet)
			NOTE(&r, 0, 0, "xlsx.sheet", _("--sheet is for a workbook's sheets: this sheet is CSV, read whole"));
		if (!(parser = oldc_vote_csv_new())) {
			r.oom = true;
			goto done;
		}
		if (!oldc_vote_source_text(&r, src, parser))
			goto done;
	}
	if (r.oom)
		goto done;
	oldc_vote_count_finish(&r);
	rc = r.errors ? -1 : 0;
done:
	if (r.workbook && out->sheet[0])
		oldc_vote_name_cells(&r, first_finding, out->sheet);
	out->fill_down_owner = opt->fill_down_owner;
	if (out->suppressed)
		oldc_diag_add(diags, OLDC_NOTE, file, 0, 0, "limit.findings", NULL,
			      _("… and %zu more findings like these: only the first %u of a sheet are kept"),
			      out->suppressed, (unsigned)OLDC_VOTE_MAX_FINDINGS);
	if (r.oom) {
		oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.memory", NULL, _("out of memory"));
		rc = -1;
	}
	for (size_t c = 0; r.header && c < r.columns; c++)
		free(r.header[c]);
	free(r.header);
	free(r.role_at);
	free(r.last_owner);
	free(r.fields);
	free(r.text);
	free(r.offsets);
	oldc_hashset_release(&r.units);
	oldc_hashset_release(&r.owners);
	oldc_arena_free(r.arena);
	oldc_vote_csv_free(parser);
	if (src && src->fd >= 0 && src->fd != STDIN_FILENO)
		close(src->fd);
	free(src);
	free(whole);
	return rc;
}
