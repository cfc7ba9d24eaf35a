/*
 * vote_source.c: a sheet's bytes (vote_sheet.h), read in chunks so that memory grows
 * with the distinct units and owners, not with the file: from a regular file (read
 * twice when the encoding must be found first: the whole sheet must be UTF-8 before a
 * row is counted as such), from memory, or from a pipe read whole within the size
 * limit. Bytes that are not UTF-8 are read as GB18030 (what Excel on a Chinese system
 * saves), transcoded chunk by chunk on their way to the CSV parser (vote_csv.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>
#include "file.h"
#include "i18n.h"
#include "utf8.h"
#include "vote_sheet.h"
#include "xlsx.h"

/* The next bytes of the sheet (*n of them; 0 at its end). */
static const char *source_next(vote_reader *r, vote_source *s, size_t *n)
{
	if (s->fd < 0) {
		*n = s->len - s->pos < CHUNK ? s->len - s->pos : CHUNK;
		s->pos += *n;
		return s->data + s->pos - *n;
	}
	size_t got = 0;
	while (got < CHUNK) {
		ssize_t k = read(s->fd, s->chunk + got, CHUNK - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			ERR(r, 0, 0, "io.read", _("cannot read '%s': %s"), r->file, oldc_strerror(errno));
			s->failed = true;
			break;
		}
		if (k == 0)
			break;
		got += (size_t)k;
	}
	*n = s->failed ? 0 : got;
	return s->chunk;
}

static bool source_rewind(vote_reader *r, vote_source *s)
{
	s->pos = 0;
	if (s->fd >= 0 && lseek(s->fd, s->start, SEEK_SET) != s->start) {
		ERR(r, 0, 0, "io.read", _("cannot read '%s': %s"), r->file, oldc_strerror(errno));
		return false;
	}
	return true;
}

static unsigned lines_in(const char *p, size_t n)
{
	unsigned lines = 0;
	for (const char *end = p + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		lines++;
	return lines;
}

/* Finds the first byte that is not UTF-8 (a character may straddle two chunks).
 * Returns true when there is none; else sets its line and value. */
static bool all_utf8(vote_reader *r, vote_source *s, unsigned *line, unsigned char *byte)
{
	char join[CHUNK + 4];
	size_t carry = 0, n;
	*line = 1;
	for (;;) {
		const char *p = source_next(r, s, &n);
		if (s->failed)
			return true;
		memcpy(join + carry, p, n);
		size_t len = carry + n, bad = oldc_utf8_invalid((const unsigned char *)join, len);
		if (bad == len && n == 0)
			return true;
		if (bad < len && (n == 0 || len - bad >= 4)) {
			*line += lines_in(join, bad);
			*byte = (unsigned char)join[bad];
			return false;
		}
		/* the last character may go on in the next chunk */
		size_t keep = bad < len ? len - bad : 0;
		*line += lines_in(join, len - keep);
		memmove(join, join + len - keep, keep);
		carry = keep;
	}
}

/* Parses the whole sheet, converting from GB18030 when `cd` is open. Returns false
 * when the sheet could not be read to its end as text (the error is reported); a CSV
 * syntax error is reported and still returns true. */
static bool parse(vote_reader *r, vote_source *s, struct csv_parser *p, iconv_t cd, unsigned bad_line, unsigned char bad_byte)
{
	char in_buf[CHUNK + 8], out_buf[4 * CHUNK + 16];
	size_t carry = 0, n;
	unsigned line = 1;
	bool first = true;
	for (;;) {
		const char *chunk = source_next(r, s, &n);
		if (s->failed || r->oom)
			return false;
		if (r->syntax_error)
			return true;
		if (cd == (iconv_t)-1) {
			if (n == 0)
				break;
			if (!oldc_vote_csv_feed(r, p, chunk, n, &first))
				return r->syntax_error;
			continue;
		}
		memcpy(in_buf + carry, chunk, n);
		char *in = in_buf, *out = out_buf;
		size_t in_left = carry + n, out_left = sizeof out_buf;
		size_t rc = iconv(cd, &in, &in_left, &out, &out_left);
		/* EINVAL: a character goes on in the next chunk; at the end, it never ends */
		if (rc == (size_t)-1 && (errno == EILSEQ || (errno == EINVAL && n == 0))) {
			if (r->opt->encoding == OLDC_ENCODING_AUTO)
				ERR(r, bad_line, 1, "csv.encoding",
				    _("the sheet is neither UTF-8 (byte 0x%02X on this row) nor GB18030: save it as CSV UTF-8"),
				    bad_byte);
			else
				ERR(r, line + lines_in(in_buf, (size_t)(in - in_buf)), 1, "csv.encoding",
				    _("the sheet is not GB18030 as --encoding says (byte 0x%02X on this row)"), (unsigned char)*in);
			return false;
		}
		line += lines_in(in_buf, (size_t)(in - in_buf));
		carry = in_left;
		memmove(in_buf, in, carry);
		if (out > out_buf && !oldc_vote_csv_feed(r, p, out_buf, (size_t)(out - out_buf), &first))
			return r->syntax_error;
		if (n == 0)
			break;
	}
	oldc_vote_csv_finish(r, p);
	return true;
}

/* Whether the sheet is a workbook: named .xlsx, or starting as a zip does whatever its
 * name (a CSV never starts with the bytes PK 3 4). */
bool oldc_vote_source_is_workbook(const char *file, const vote_source *s)
{
	size_t n = strlen(file);
	char head[4];
	if (n >= 5 && strcasecmp(file + n - 5, ".xlsx") == 0)
		return true;
	if (s->fd < 0)
		return oldc_xlsx_sniff(s->data, s->len);
	return pread(s->fd, head, sizeof head, s->start) == (ssize_t)sizeof head && oldc_xlsx_sniff(head, sizeof head);
}

int oldc_vote_source_open(vote_reader *r, vote_source *s, size_t limit, char **whole)
{
	const oldc_vote_options *opt = r->opt;
	bool regular;
	if (opt->data) {
		if (opt->length > limit) {
			oldc_diag_add(r->diags, OLDC_ERROR, r->file, 0, 0, "limit.file_size", NULL,
				      "the input is over the limit of %zu bytes", limit);
			return -1;
		}
		s->fd = -1;
		s->data = opt->data;
		s->len = opt->length;
		regular = true; /* in memory: it can be read twice */
	} else if ((s->fd = oldc_open_input(r->file, limit, &regular, r->diags)) < 0) {
		return -1;
	}
	struct stat st;
	if (opt->data)
		r->file_size = opt->length;
	else if (regular && fstat(s->fd, &st) == 0) {
		s->start = lseek(s->fd, 0, SEEK_CUR);
		if (s->start < 0)
			s->start = 0;
		r->file_size = st.st_size > s->start ? (uint64_t)(st.st_size - s->start) : 0;
	}
	if (!regular) {
		*whole = oldc_read_fd(s->fd, r->file, limit, &s->len, r->diags);
		s->fd = -1;
		s->data = *whole;
		if (!*whole)
			return 0;
	}
	return 1;
}

bool oldc_vote_source_text(vote_reader *r, vote_source *s, struct csv_parser *p)
{
	const oldc_vote_options *opt = r->opt;
	unsigned bad_line = 0;
	unsigned char bad_byte = 0;
	bool convert = opt->encoding == OLDC_ENCODING_GB18030;
	if (!convert) {
		if (all_utf8(r, s, &bad_line, &bad_byte))
			r->out->encoding = "UTF-8";
		else if (bad_byte == 0 || opt->encoding != OLDC_ENCODING_AUTO) {
			ERR(r, bad_line, 1, "csv.encoding", bad_byte == 0
			    ? _("a NUL byte: this is not a text sheet")
			    : _("invalid UTF-8 (byte 0x%02X): save the sheet as CSV UTF-8, or give --encoding gb18030"), bad_byte);
			return false;
		} else
			convert = true;
		if (s->failed || !source_rewind(r, s))
			return false;
	}
	iconv_t cd = (iconv_t)-1;
	if (convert) {
		if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1) {
			ERR(r, 0, 0, "csv.encoding", _("this system cannot convert GB18030 text: %s"), oldc_strerror(errno));
			return false;
		}
		r->out->encoding = "GB18030";
	}
	bool read = parse(r, s, p, cd, bad_line, bad_byte);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	if (!read)
		return false;
	if (convert && !r->errors && opt->encoding == OLDC_ENCODING_AUTO)
		oldc_diag_add(r->diags, OLDC_NOTE, r->file, 0, 0, "csv.encoding", NULL,
			      _("the sheet is not UTF-8: read as GB18030 (GBK), as Excel on a Chinese system saves it"));
	return true;
}
