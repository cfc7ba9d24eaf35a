/*
 * xlsx.c: a worksheet of an .xlsx workbook as a stream of cells (xlsx.h). The parts
 * are found the way the format says, through relationships (_rels/.rels, then the
 * workbook's own), never by guessing a name; each is inflated by libzip in chunks and
 * fed to expat as it comes.
 *
 * A sheet is read in up to three passes over its inflated bytes: a plain search for
 * "mergeCell" (merged ranges are listed after the cells, so they must be known before
 * the first row is given), the ranges themselves when there are any, then the cells.
 * Only the current row is held.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <expat.h>
#include <zip.h>
#include "xlsx.h"
#include "file.h"
#include "i18n.h"
#include "oldc/buf.h"

enum { CHUNK = 64 * 1024, SMALL_PART = 1 << 20, MAX_PATH = 512 };

typedef struct sheet_entry {
	char *name;
	char *part;                  /* the zip entry of its XML */
} sheet_entry;

struct oldc_xlsx {
	const char *file;
	zip_t *zip;
	char *owned;                 /* standard input's bytes */
	char chunk[CHUNK];
	sheet_entry *sheets;
	size_t n_sheets;
	char *strings;               /* the shared strings, each NUL-terminated */
	size_t strings_len, strings_cap;
	size_t *offsets;
	size_t n_strings, offsets_cap;
	unsigned char *xf_date;      /* per cell format (xf): 1 when a date or time format */
	size_t n_xf;
	unsigned long long inflated; /* bytes inflated so far, all parts and passes */
};

/* ---- findings ---- */

/* A part's name as it may be shown: it comes from the zip, so anything but a plain
 * path character is replaced. */
static void shown_name(const char *name, char *out, size_t size)
{
	size_t i = 0;
	for (; name[i] && i + 1 < size; i++) {
		unsigned char c = (unsigned char)name[i];
		out[i] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
				 c == '/' || c == '.' || c == '_' || c == '-' ? (char)c : '?';
	}
	out[i] = '\0';
}

/* What libzip's error means for the person who saved the file, in their language;
 * libzip's own (English) text for the rare rest. */
static const char *zip_reason(zip_error_t *err)
{
	switch (zip_error_code_zip(err)) {
	case ZIP_ER_NOZIP:
		return _("it is not a zip archive, as every .xlsx workbook is");
	case ZIP_ER_INCONS: case ZIP_ER_EOF: case ZIP_ER_READ: case ZIP_ER_SEEK:
		return _("its zip archive is damaged or cut short");
	case ZIP_ER_CRC: case ZIP_ER_ZLIB: case ZIP_ER_COMPRESSED_DATA:
		return _("a part of it is damaged (it does not inflate, or its checksum does not match)");
	case ZIP_ER_ENCRNOTSUPP: case ZIP_ER_NOPASSWD: case ZIP_ER_WRONGPASSWD:
		return _("it is protected by a password");
	case ZIP_ER_COMPNOTSUPP:
		return _("a part of it is compressed in a way spreadsheet programs do not use");
	case ZIP_ER_MEMORY:
		return _("out of memory");
	default:
		return zip_error_strerror(err);
	}
}

static void container_error(oldc_xlsx *b, oldc_diags *d, const char *what)
{
	oldc_diag_add(d, OLDC_ERROR, b->file, 0, 0, "xlsx.container", NULL,
		      _("not a readable .xlsx workbook: %s; save it again from Excel or WPS as an Excel workbook (.xlsx)"),
		      what);
}

static void out_of_memory(oldc_xlsx *b, oldc_diags *d)
{
	oldc_diag_add(d, OLDC_ERROR, b->file, 0, 0, "io.memory", NULL, _("out of memory"));
}

/* ---- zip parts ---- */

typedef int (*sink_fn)(void *ctx, const char *bytes, size_t n, int last);

/* Inflates the part `name` into `sink`, chunk by chunk. Returns 1 when the zip has no
 * such part, 0 when it was read (or the sink stopped it: its nonzero return is passed
 * on as -1 with no finding of its own), -1 after an error. */
static int inflate_part(oldc_xlsx *b, const char *name, sink_fn sink, void *ctx, oldc_diags *d)
{
	char shown[MAX_PATH];
	zip_int64_t i = zip_name_locate(b->zip, name, ZIP_FL_NOCASE);
	if (i < 0)
		return 1;
	shown_name(name, shown, sizeof shown);
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(b->zip, (zip_uint64_t)i, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
		container_error(b, d, zip_reason(zip_get_error(b->zip)));
		return -1;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
		oldc_diag_add(d, OLDC_ERROR, b->file, 0, 0, "xlsx.container", NULL,
			      _("the workbook is protected by a password; save a copy without one"));
		return -1;
	}
	/* Both limits are judged on the sizes the zip declares, before anything is
	 * inflated, and again on the bytes as they come (a declared size can lie). */
	if (st.size > OLDC_XLSX_MAX_PART) {
		oldc_diag_add(d, OLDC_ERROR, b->file, 0, 0, "limit.file_size", NULL,
			      _("the workbook's part %s would inflate to %llu bytes, over the limit of %d"),
			      shown, (unsigned long long)st.size, (int)OLDC_XLSX_MAX_PART);
		return -1;
	}
	if (st.size > SMALL_PART && st.size / (st.comp_size ? st.comp_size : 1) > OLDC_XLSX_MAX_RATIO) {
		oldc_diag_add(d, OLDC_ERROR, b->file, 0, 0, "limit.compression", NULL,
			      _("the workbook's part %s inflates %llu times its size (the limit is %d): a zip bomb, not a spreadsheet"),
			      shown, (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)),
			      (int)OLDC_XLSX_MAX_RATIO);
		return -1;
	}
	zip_file_t *f = zip_fopen_index(b->zip, (zip_uint64_t)i, 0);
	if (!f) {
		container_error(b, d, zip_reason(zip_get_error(b->zip)));
		return -1;
	}
	zip_uint64_t total = 0;
	int rc = 0;
	for (;;) {
		zip_int64_t n = zip_fread(f, b->chunk, sizeof b->chunk);
		if (n < 0) {
			container_error(b, d, zip_reason(zip_file_get_error(f)));
			rc = -1;
			break;
		}
		total += (zip_uint64_t)n;
		b->inflated += (unsigned long long)n;
		if (b->inflated > OLDC_XLSX_MAX_INFLATED) {
			oldc_diag_add(d, OLDC_ERROR, b->file, 0, 0, "limit.compression", NULL,
				      _("the workbook inflates to more than %llu bytes in all: a zip bomb, not a spreadsheet"),
				      OLDC_XLSX_MAX_INFLATED);
			rc = -1;
			break;
		}
		if (total > st.size) {
			oldc_diag_add(d, OLDC_ERROR, b->file, 0, 0, "limit.compression", NULL,
				      _("the workbook's part %s inflates beyond the size it declares: a zip bomb, not a spreadsheet"),
				      shown);
			rc = -1;
			break;
		}
		if (sink(ctx, b->chunk, (size_t)n, n == 0) != 0) {
			rc = -1;
			break;
		}
		if (n == 0)
			break;
	}
	zip_fclose(f);
	return rc;
}

/* ---- XML ---- */

/* What every XML pass shares: the parser, the part's name, and how it ended. */
typedef struct xml_pass {
	oldc_xlsx *book;
	oldc_diags *diags;
	XML_Parser parser;
	const char *part;
	int status;                  /* 0 going on; -1 an error was added; 1 stopped, no finding */
} xml_pass;

/* An element's or attribute's name without its prefix ("x:c" is "c"). Namespaces are
 * not resolved: every part read has one vocabulary, and a writer may name its prefix as
 * it likes; resolving them would cost expat a copy of every name. */
static const char *local_name(const XML_Char *name)
{
	const char *colon = strchr(name, ':');
	return colon ? colon + 1 : name;
}

static const char *attribute(const XML_Char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(local_name(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

static void pass_stop(xml_pass *x, int status)
{
	if (x->status == 0)
		x->status = status;
	XML_StopParser(x->parser, XML_FALSE);
}

/* A document type declaration is where entities are declared: a spreadsheet has none,
 * so one is refused before anything it declares can be expanded. */
static void XMLCALL refuse_doctype(void *data, const XML_Char *name, const XML_Char *sysid,
				   const XML_Char *pubid, int has_internal_subset)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
	xml_pass *x = data;
	char shown[MAX_PATH];
	shown_name(x->part, shown, sizeof shown);
	oldc_diag_add(x->diags, OLDC_ERROR, x->book->file, 0, 0, "xlsx.part", NULL,
		      _("the workbook's part %s declares a document type (DTD); a spreadsheet has none, and its entities are not expanded"),
		      shown);
	pass_stop(x, -1);
}

static int xml_sink(void *ctx, const char *bytes, size_t n, int last)
{
	xml_pass *x = ctx;
	if (XML_Parse(x->parser, bytes, (int)n, last) != XML_STATUS_ERROR)
		return 0;
	if (x->status == 0) {
		char shown[MAX_PATH];
		shown_name(x->part, shown, sizeof shown);
		oldc_diag_add(x->diags, OLDC_ERROR, x->book->file, 0, 0, "xlsx.part", NULL,
			      _("the workbook's part %s is not well-formed XML (line %lu: %s)"), shown,
			      (unsigned long)XML_GetCurrentLineNumber(x->parser),
			      XML_ErrorString(XML_GetErrorCode(x->parser)));
		x->status = -1;
	}
	return -1;
}

/* Parses the part x->part with the handlers given (x is their user data). Returns 1
 * when the part is absent, 0 when parsed, -1 after an error or a stop (x->status
 * tells which). */
static int parse_part(xml_pass *x, XML_StartElementHandler start, XML_EndElementHandler end,
		      XML_CharacterDataHandler text)
{
	x->parser = XML_ParserCreate(NULL);
	if (!x->parser) {
		out_of_memory(x->book, x->diags);
		return -1;
	}
	XML_SetUserData(x->parser, x);
	XML_SetElementHandler(x->parser, start, end);
	XML_SetCharacterDataHandler(x->parser, text);
	XML_SetStartDoctypeDeclHandler(x->parser, refuse_doctype);
	XML_SetParamEntityParsing(x->parser, XML_PARAM_ENTITY_PARSING_NEVER);
	x->status = 0;
	int rc = inflate_part(x->book, x->part, xml_sink, x, x->diags);
	XML_ParserFree(x->parser);
	x->parser = NULL;
	return rc;
}

/* ---- relationships and the list of sheets ---- */

/* The part a relationship's target names, from the folder of the part that holds the
 * relationship: "worksheets/sheet1.xml" from "xl/" is "xl/worksheets/sheet1.xml", "/x"
 * is "x", ".." goes up. Returns false when the target leaves the zip or is too long. */
static bool resolve(const char *folder, const char *target, char *out, size_t size)
{
	char path[MAX_PATH];
	int n = target[0] == '/' ? snprintf(path, sizeof path, "%s", target + 1)
				 : snprintf(path, sizeof path, "%s%s", folder, target);
	if (n < 0 || (size_t)n >= sizeof path || size < sizeof path || strchr(path, '\\'))
		return false;
	size_t len = 0;
	for (char *seg = path, *next; seg; seg = next) {
		next = strchr(seg, '/');
		if (next)
			*next++ = '\0';
		if (!*seg || strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			if (len == 0)
				return false;
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			continue;
		}
		len += (size_t)snprintf(out + len, size - len, "%s%s", len ? "/" : "", seg);
	}
	out[len] = '\0';
	return len > 0;
}

typedef struct rel {
	char *id, *type, *target;    /* target resolved to a part name */
} rel;

typedef struct rels_pass {
	xml_pass x;
	const char *folder;
	rel *items;
	size_t n, cap;
} rels_pass;

static void XMLCALL rels_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	rels_pass *r = data;
	if (strcmp(local_name(name), "Relationship") != 0)
		return;
	const char *id = attribute(atts, "Id"), *type = attribute(atts, "Type"),
		   *target = attribute(atts, "Target"), *mode = attribute(atts, "TargetMode");
	char part[MAX_PATH];
	if (!id || !type || !target || (mode && strcmp(mode, "External") == 0) ||
	    !resolve(r->folder, target, part, sizeof part))
		return; /* not a part of this zip: nothing of ours points at it */
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 8;
		if (cap > 4096) { /* Excel writes a handful; a workbook of thousands is no ballots */
			container_error(r->x.book, r->x.diags, _("too many relationships"));
			pass_stop(&r->x, -1);
			return;
		}
		rel *grown = realloc(r->items, cap * sizeof *grown);
		if (!grown) {
			out_of_memory(r->x.book, r->x.diags);
			pass_stop(&r->x, -1);
			return;
		}
		r->items = grown, r->cap = cap;
	}
	rel *e = &r->items[r->n];
	e->id = strdup(id), e->type = strdup(type), e->target = strdup(part);
	if (!e->id || !e->type || !e->target) {
		free(e->id), free(e->type), free(e->target);
		out_of_memory(r->x.book, r->x.diags);
		pass_stop(&r->x, -1);
		return;
	}
	r->n++;
}

static void rels_free(rels_pass *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->items[i].id), free(r->items[i].type), free(r->items[i].target);
	free(r->items);
}

/* The first relationship whose type ends with "/kind" (the namespaces differ between
 * transitional and strict workbooks; the last word does not). */
static const rel *rel_of_type(const rels_pass *r, const char *kind)
{
	size_t k = strlen(kind);
	for (size_t i = 0; i < r->n; i++) {
		size_t t = strlen(r->items[i].type);
		if (t > k && r->items[i].type[t - k - 1] == '/' && strcmp(r->items[i].type + t - k, kind) == 0)
			return &r->items[i];
	}
	return NULL;
}

/* Reads the relationships of `part` ("" for the package's own, _rels/.rels). */
static int read_rels(oldc_xlsx *b, const char *part, rels_pass *r, oldc_diags *d)
{
	char name[MAX_PATH], folder[MAX_PATH];
	const char *slash = strrchr(part, '/');
	size_t dir = slash ? (size_t)(slash - part) + 1 : 0;
	snprintf(folder, sizeof folder, "%.*s", (int)dir, part);
	snprintf(name, sizeof name, "%.*s_rels/%s.rels", (int)dir, part, part + dir);
	*r = (rels_pass){ .x = { .book = b, .diags = d, .part = name }, .folder = folder };
	int rc = parse_part(&r->x, rels_start, NULL, NULL);
	r->x.part = NULL;
	r->folder = NULL;
	return rc;
}

typedef struct workbook_pass {
	xml_pass x;
	const rels_pass *rels;
} workbook_pass;

static void XMLCALL workbook_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	workbook_pass *w = data;
	oldc_xlsx *b = w->x.book;
	if (strcmp(local_name(name), "sheet") != 0)
		return;
	const char *sheet = attribute(atts, "name"), *id = NULL;
	for (size_t i = 0; atts[i]; i += 2) /* r:id: the id with the relationships' prefix */
		if (strchr(atts[i], ':') && strcmp(local_name(atts[i]), "id") == 0)
			id = atts[i + 1];
	const rel *target = NULL;
	for (size_t i = 0; id && i < w->rels->n && !target; i++)
		if (strcmp(w->rels->items[i].id, id) == 0)
			target = &w->rels->items[i];
	size_t t = target ? strlen(target->type) : 0;
	if (!sheet || !target || t < 10 || strcmp(target->type + t - 10, "/worksheet") != 0)
		return; /* a chart sheet or a dialog sheet: no cells */
	if (b->n_sheets == OLDC_XLSX_MAX_SHEETS) {
		oldc_diag_add(w->x.diags, OLDC_ERROR, b->file, 0, 0, "xlsx.container", NULL,
			      _("the workbook lists more than %d worksheets"), (int)OLDC_XLSX_MAX_SHEETS);
		pass_stop(&w->x, -1);
		return;
	}
	for (size_t i = 0; i < b->n_sheets; i++)
		if (strcmp(b->sheets[i].part, target->target) == 0) {
			/* Excel writes each sheet once: a part read again and again is a trap */
			container_error(b, w->x.diags, _("it lists one worksheet twice"));
			pass_stop(&w->x, -1);
			return;
		}
	sheet_entry *grown = realloc(b->sheets, (b->n_sheets + 1) * sizeof *grown);
	char *n = strdup(sheet), *p = strdup(target->target);
	for (char *c = n; c && *c; c++) /* a sheet's name is shown: Excel allows no control in it */
		if ((unsigned char)*c < 0x20 || *c == 0x7F)
			*c = '?';
	if (!grown || !n || !p) {
		if (grown)
			b->sheets = grown;
		free(n), free(p);
		out_of_memory(b, w->x.diags);
		pass_stop(&w->x, -1);
		return;
	}
	b->sheets = grown;
	b->sheets[b->n_sheets++] = (sheet_entry){ n, p };
}

/* ---- shared strings ---- */

typedef struct strings_pass {
	xml_pass x;
	bool in_text;
	int phonetic;                /* inside <rPh>: a reading aid, not the cell's text */
	size_t start;                /* where the current string began */
} strings_pass;

static bool strings_put(oldc_xlsx *b, const char *s, size_t n)
{
	if (n == 0)
		return true;
	if (b->strings_cap - b->strings_len < n + 1) {
		size_t cap = b->strings_cap ? b->strings_cap : 4096;
		while (cap - b->strings_len < n + 1)
			cap *= 2;
		char *grown = realloc(b->strings, cap);
		if (!grown)
			return false;
		b->strings = grown, b->strings_cap = cap;
	}
	memcpy(b->strings + b->strings_len, s, n);
	b->strings_len += n;
	return true;
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* OOXML writes a character XML cannot hold as _xHHHH_ (a carriage return is _x000D_,
 * an underscore before such a pattern _x005F_): decoded in place, to UTF-8, so that
 * the reader of the cell judges the character itself. Returns the new length. */
static size_t decode_escapes(char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		if (i + 7 <= n && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_') {
			int h[4] = { hex_digit(s[i + 2]), hex_digit(s[i + 3]), hex_digit(s[i + 4]), hex_digit(s[i + 5]) };
			if (h[0] >= 0 && h[1] >= 0 && h[2] >= 0 && h[3] >= 0) {
				unsigned cp = (unsigned)(h[0] << 12 | h[1] << 8 | h[2] << 4 | h[3]);
				if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)
					cp = 0xFFFD; /* a NUL would cut the text short */
				if (cp < 0x80)
					s[o++] = (char)cp;
				else if (cp < 0x800)
					s[o++] = (char)(0xC0 | cp >> 6), s[o++] = (char)(0x80 | (cp & 0x3F));
				else
					s[o++] = (char)(0xE0 | cp >> 12), s[o++] = (char)(0x80 | (cp >> 6 & 0x3F)),
					s[o++] = (char)(0x80 | (cp & 0x3F));
				i += 7;
				continue;
			}
		}
		s[o++] = s[i++];
	}
	return o;
}

static void XMLCALL strings_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	(void)atts;
	strings_pass *s = data;
	oldc_xlsx *b = s->x.book;
	const char *l = local_name(name);
	if (strcmp(l, "si") == 0) {
		s->start = b->strings_len;
	} else if (strcmp(l, "rPh") == 0) {
		s->phonetic++;
	} else if (strcmp(l, "t") == 0 && !s->phonetic) {
		s->in_text = true;
	}
}

static void XMLCALL strings_end(void *data, const XML_Char *name)
{
	strings_pass *s = data;
	oldc_xlsx *b = s->x.book;
	const char *l = local_name(name);
	if (strcmp(l, "t") == 0) {
		s->in_text = false;
	} else if (strcmp(l, "rPh") == 0) {
		s->phonetic--;
	} else if (strcmp(l, "si") == 0) {
		if (b->strings_len > s->start)
			b->strings_len = s->start + decode_escapes(b->strings + s->start, b->strings_len - s->start);
		if (b->n_strings == OLDC_XLSX_MAX_STRINGS) {
			oldc_diag_add(s->x.diags, OLDC_ERROR, b->file, 0, 0, "limit.cell", NULL,
				      _("the workbook has more than %d shared strings: this is not a ballots sheet"),
				      (int)OLDC_XLSX_MAX_STRINGS);
			pass_stop(&s->x, -1);
			return;
		}
		if (b->n_strings == b->offsets_cap) {
			size_t cap = b->offsets_cap ? 2 * b->offsets_cap : 1024;
			size_t *grown = realloc(b->offsets, cap * sizeof *grown);
			if (!grown)
				goto oom;
			b->offsets = grown, b->offsets_cap = cap;
		}
		if (!strings_put(b, "", 1))
			goto oom;
		b->offsets[b->n_strings++] = s->start;
	}
	return;
oom:
	out_of_memory(b, s->x.diags);
	pass_stop(&s->x, -1);
}

static void XMLCALL strings_text(void *data, const XML_Char *text, int len)
{
	strings_pass *s = data;
	oldc_xlsx *b = s->x.book;
	if (!s->in_text || s->x.status)
		return;
	if (b->strings_len - s->start + (size_t)len > OLDC_XLSX_MAX_CELL + 8 ||
	    b->strings_len + (size_t)len > OLDC_XLSX_MAX_STRING_BYTES) {
		oldc_diag_add(s->x.diags, OLDC_ERROR, b->file, 0, 0, "limit.cell", NULL,
			      b->strings_len + (size_t)len > OLDC_XLSX_MAX_STRING_BYTES
			      ? _("the workbook's shared strings hold more than %zu bytes: this is not a ballots sheet")
			      : _("a shared string of more than %zu bytes: this is not a ballots sheet"),
			      b->strings_len + (size_t)len > OLDC_XLSX_MAX_STRING_BYTES ? OLDC_XLSX_MAX_STRING_BYTES
										 : (size_t)OLDC_XLSX_MAX_CELL);
		pass_stop(&s->x, -1);
		return;
	}
	if (!strings_put(b, text, (size_t)len)) {
		out_of_memory(s->x.book, s->x.diags);
		pass_stop(&s->x, -1);
	}
}

/* ---- styles: which cell formats are dates ---- */

/* Excel's built-in formats that show a date or a time, the East Asian ones included. */
static bool builtin_date(unsigned id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	       (id >= 50 && id <= 58);
}

/* Whether a format code shows a date or a time: a y, m, d, h or s (or 年 月 日) outside
 * quotes, brackets other than [h] [m] [s], and escaped characters. */
static bool code_is_date(const char *code)
{
	if (strcmp(code, "General") == 0)
		return false;
	for (const char *p = code; *p; p++) {
		switch (*p) {
		case '"':
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
			break;
		case '\\': case '_': case '*':
			if (p[1])
				p++;
			break;
		case '[':
			if (strchr("hHmMsS", p[1]))
				return true;
			while (p[1] && p[1] != ']')
				p++;
			break;
		default:
			if (strchr("yYmMdDhHsS", *p))
				return true;
			if (strncmp(p, "年", 3) == 0 || strncmp(p, "月", 3) == 0 || strncmp(p, "日", 3) == 0)
				return true;
		}
	}
	return false;
}

typedef struct styles_pass {
	xml_pass x;
	int in_xfs;                  /* inside <cellXfs> */
	unsigned *date_ids;          /* the custom formats that are dates */
	size_t n_ids;
} styles_pass;

static bool number_attr(const char *s, unsigned *out)
{
	if (!s || !*s)
		return false;
	unsigned long v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000)
			return false;
		v = v * 10 + (unsigned)(*s - '0');
	}
	*out = (unsigned)v;
	return true;
}

static void XMLCALL styles_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	styles_pass *s = data;
	oldc_xlsx *b = s->x.book;
	const char *l = local_name(name);
	unsigned id;
	if (strcmp(l, "cellXfs") == 0) {
		s->in_xfs++;
	} else if (strcmp(l, "numFmt") == 0 && !s->in_xfs) {
		const char *code = attribute(atts, "formatCode");
		if (number_attr(attribute(atts, "numFmtId"), &id) && code && code_is_date(code) && s->n_ids < 4096) {
			unsigned *grown = realloc(s->date_ids, (s->n_ids + 1) * sizeof *grown);
			if (!grown)
				goto oom;
			s->date_ids = grown;
			s->date_ids[s->n_ids++] = id;
		}
	} else if (strcmp(l, "xf") == 0 && s->in_xfs) {
		if (b->n_xf >= 65536)
			return; /* more formats than Excel allows: the rest are read as numbers */
		unsigned char *grown = realloc(b->xf_date, b->n_xf + 1);
		if (!grown)
			goto oom;
		b->xf_date = grown;
		bool date = false;
		if (number_attr(attribute(atts, "numFmtId"), &id)) {
			date = builtin_date(id);
			for (size_t i = 0; i < s->n_ids && !date; i++)
				date = s->date_ids[i] == id;
		}
		b->xf_date[b->n_xf++] = date;
	}
	return;
oom:
	out_of_memory(b, s->x.diags);
	pass_stop(&s->x, -1);
}

static void XMLCALL styles_end(void *data, const XML_Char *name)
{
	styles_pass *s = data;
	if (strcmp(local_name(name), "cellXfs") == 0)
		s->in_xfs--;
}

/* ---- opening ---- */

bool oldc_xlsx_sniff(const char *bytes, size_t length)
{
	return length >= 4 && memcmp(bytes, "PK\3\4", 4) == 0;
}

oldc_xlsx *oldc_xlsx_open(const char *file, const char *data, size_t length, size_t limit,
			  oldc_diags *d)
{
	oldc_xlsx *b = calloc(1, sizeof *b);
	if (!b) {
		oldc_diag_add(d, OLDC_ERROR, file, 0, 0, "io.memory", NULL, _("out of memory"));
		return NULL; /* no workbook yet to name */
	}
	b->file = file;
	zip_error_t err;
	zip_error_init(&err);
	if (!data && strcmp(file, "-") == 0) {
		/* A pipe cannot be sought in: the zip's directory is at its end. */
		b->owned = oldc_read_file(file, limit, &length, d);
		if (!b->owned)
			goto fail;
		data = b->owned;
	}
	static const char ole[8] = { '\xD0', '\xCF', '\x11', '\xE0', '\xA1', '\xB1', '\x1A', '\xE1' };
	char head[8] = { 0 };
	if (data)
		memcpy(head, data, length < sizeof head ? length : sizeof head);
	if (memcmp(head, ole, sizeof ole) == 0) {
		/* Excel keeps a workbook with a password, and an old .xls, in a compound file */
		container_error(b, d, _("it is protected by a password, or is an old .xls workbook"));
		goto fail;
	}
	if (data) {
		zip_source_t *src = zip_source_buffer_create(data, length, 0, &err);
		if (src && !(b->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err)))
			zip_source_free(src);
	} else {
		bool regular;
		int fd = oldc_open_input(file, limit, &regular, d); /* the size limit, and a clear io.read */
		if (fd < 0)
			goto fail;
		bool compound = read(fd, head, sizeof head) == (ssize_t)sizeof head && memcmp(head, ole, sizeof ole) == 0;
		close(fd);
		if (compound) {
			container_error(b, d, _("it is protected by a password, or is an old .xls workbook"));
			goto fail;
		}
		int code = 0;
		b->zip = zip_open(file, ZIP_RDONLY | ZIP_CHECKCONS, &code);
		zip_error_init_with_code(&err, code);
	}
	if (!b->zip) {
		container_error(b, d, zip_reason(&err));
		zip_error_fini(&err);
		goto fail;
	}
	zip_error_fini(&err);

	/* The workbook: the package's officeDocument, then its own relationships. */
	rels_pass r;
	char workbook[MAX_PATH] = "xl/workbook.xml";
	int rc = read_rels(b, "", &r, d);
	if (rc < 0)
		goto fail_rels;
	const rel *office = rel_of_type(&r, "officeDocument");
	if (office)
		snprintf(workbook, sizeof workbook, "%s", office->target);
	rels_free(&r);
	rc = read_rels(b, workbook, &r, d);
	if (rc != 0) {
		if (rc > 0)
			container_error(b, d, _("it has no list of its parts (relationships)"));
		goto fail_rels;
	}
	workbook_pass w = { .x = { .book = b, .diags = d, .part = workbook }, .rels = &r };
	rc = parse_part(&w.x, workbook_start, NULL, NULL);
	if (rc > 0)
		container_error(b, d, _("it has no workbook part"));
	if (rc == 0 && b->n_sheets == 0) {
		container_error(b, d, _("it has no worksheet"));
		rc = -1;
	}
	const rel *strings = rel_of_type(&r, "sharedStrings"), *styles = rel_of_type(&r, "styles");
	if (rc == 0 && strings) {
		strings_pass s = { .x = { .book = b, .diags = d, .part = strings->target } };
		rc = parse_part(&s.x, strings_start, strings_end, strings_text);
		if (rc > 0)
			rc = 0; /* named but absent: a sheet that uses one is refused at the cell */
	}
	if (rc == 0 && styles) {
		styles_pass s = { .x = { .book = b, .diags = d, .part = styles->target } };
		rc = parse_part(&s.x, styles_start, styles_end, NULL);
		free(s.date_ids);
		if (rc > 0)
			rc = 0;
	}
	rels_free(&r);
	if (rc != 0)
		goto fail;
	return b;
fail_rels:
	rels_free(&r);
fail:
	oldc_xlsx_close(b);
	return NULL;
}

void oldc_xlsx_close(oldc_xlsx *b)
{
	if (!b)
		return;
	if (b->zip)
		zip_discard(b->zip);
	for (size_t i = 0; i < b->n_sheets; i++)
		free(b->sheets[i].name), free(b->sheets[i].part);
	free(b->sheets);
	free(b->strings);
	free(b->offsets);
	free(b->xf_date);
	free(b->owned);
	free(b);
}

size_t oldc_xlsx_sheets(const oldc_xlsx *b)
{
	return b->n_sheets;
}

const char *oldc_xlsx_sheet_name(const oldc_xlsx *b, size_t n)
{
	return n < b->n_sheets ? b->sheets[n].name : NULL;
}

long oldc_xlsx_sheet_find(const oldc_xlsx *b, const char *which)
{
	for (size_t i = 0; i < b->n_sheets; i++)
		if (strcmp(b->sheets[i].name, which) == 0)
			return (long)i;
	unsigned n;
	if (number_attr(which, &n) && n >= 1 && n <= b->n_sheets)
		return (long)n - 1;
	return -1;
}

void oldc_xlsx_cell_name(const char *sheet, unsigned row, unsigned column, char *out, size_t size)
{
	char col[8], ref[24];
	size_t n = 0, k = 0;
	for (unsigned c = column; c > 0 && n < sizeof col; c = (c - 1) / 26)
		col[n++] = (char)('A' + (c - 1) % 26);
	bool plain = sheet[0] && !(sheet[0] >= '0' && sheet[0] <= '9');
	for (const char *p = sheet; *p && plain; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			*p == '_' || *p == '.' || (unsigned char)*p >= 0x80;
	/* written within `size` (no allocation: a finding is named even when memory ran out),
	 * cut at the end of a character when the name is too long */
	size_t room = size > sizeof ref + 3 ? size - sizeof ref - 3 : 0;
	if (!plain && k < room)
		out[k++] = '\'';
	for (const char *p = sheet; *p; p++) {
		unsigned char c = (unsigned char)*p;
		size_t need = c == '\'' && !plain ? 2 : 1;
		if (k + need > room) {
			if ((c & 0xC0) == 0x80) { /* within a character: drop its first bytes too */
				while (k > 0 && ((unsigned char)out[k - 1] & 0xC0) == 0x80)
					k--;
				if (k > 0)
					k--;
			}
			break;
		}
		if (need == 2)
			out[k++] = '\'';
		out[k++] = c < 0x20 || c == 0x7F ? '?' : (char)c;
	}
	if (!plain && k < room + 1)
		out[k++] = '\'';
	size_t r = 0;
	ref[r++] = '!';
	while (n > 0)
		ref[r++] = col[--n];
	snprintf(ref + r, sizeof ref - r, "%u", row);
	snprintf(out + k, size - k, "%s", ref);
}

/* ---- numbers ---- */

bool oldc_xlsx_number_text(const char *raw, char *out, size_t size)
{
	char digits[24];             /* significant digits, the first never 0 */
	size_t nd = 0;
	long point = 0;              /* the value is 0.DIGITS x 10^point */
	bool negative = false, any = false, after_point = false;
	const char *p = raw;
	if (*p == '-' || *p == '+')
		negative = *p++ == '-';
	int next = -1;               /* the first digit past the 15th, for rounding */
	for (; *p; p++) {
		if (*p == '.') {
			if (after_point)
				return false;
			after_point = true;
			continue;
		}
		if (*p < '0' || *p > '9')
			break;
		any = true;
		if (nd == 0 && *p == '0') {
			if (after_point)
				point--;
			continue;
		}
		if (nd < 15)
			digits[nd++] = *p;
		else if (next < 0)
			next = *p - '0';
		if (!after_point)
			point++;
	}
	if (!any)
		return false;
	if (*p == 'e' || *p == 'E') {
		p++;
		bool neg = false;
		if (*p == '-' || *p == '+')
			neg = *p++ == '-';
		if (*p < '0' || *p > '9')
			return false;
		long e = 0;
		for (; *p >= '0' && *p <= '9'; p++)
			if ((e = e * 10 + (*p - '0')) > 1000)
				return false;
		point += neg ? -e : e;
	}
	if (*p)
		return false;
	if (next >= 5) { /* half away from zero, on the decimal digits */
		size_t i = nd;
		while (i > 0 && digits[i - 1] == '9')
			digits[--i] = '0';
		if (i == 0) {
			digits[0] = '1';
			for (size_t k = 1; k < nd; k++)
				digits[k] = '0';
			point++;
		} else {
			digits[i - 1]++;
		}
	}
	while (nd > 0 && digits[nd - 1] == '0')
		nd--;
	if (point > 400 || point < -400)
		return false;
	/* the text is written within `size`, or not at all */
	size_t n = 0;
#define PUT(c) do { if (n + 1 >= size) return false; out[n++] = (c); } while (0)
	if (nd == 0) {
		PUT('0');
	} else {
		if (negative)
			PUT('-');
		if (point <= 0) {
			PUT('0');
			PUT('.');
			for (long i = 0; i < -point; i++)
				PUT('0');
		}
		for (size_t i = 0; i < nd; i++) {
			if (point > 0 && (long)i == point)
				PUT('.');
			PUT(digits[i]);
		}
		for (long i = (long)nd; i < point; i++)
			PUT('0');
	}
#undef PUT
	out[n] = '\0';
	return true;
}

/* ---- the sheet ---- */

typedef struct merge {
	unsigned r1, c1, r2, c2;
	char *value;                 /* the first cell's text, once seen */
	oldc_xlsx_kind kind;
	bool formula, date;
} merge;

typedef struct row_cell {
	unsigned column;
	oldc_xlsx_kind kind;
	bool formula, date;
	const merge *merge;          /* the range whose value it took, or NULL */
	size_t offset, length;       /* in the row's text; a merged cell's is the range's */
} row_cell;

typedef struct sheet_pass {
	xml_pass x;
	const char *sheet;
	const oldc_xlsx_handler *handler;
	/* merged ranges, sorted by first row; `active` those spanning the current row */
	merge *merges;
	size_t n_merges, cap_merges, next_merge;
	unsigned long long merged_cells; /* the cells they span, within OLDC_XLSX_MAX_MERGED */
	size_t *active;
	size_t n_active;
	unsigned char *taken;        /* per column: a range gave the current row's cell there */
	/* the current row */
	unsigned row, last_row, next_column;
	bool in_row, in_cell, in_value, in_inline, in_text;
	int phonetic;
	row_cell *cells;
	size_t n_cells, cap_cells;
	oldc_buf text;               /* the row's cell texts, each NUL-terminated */
	/* the current cell */
	unsigned column;
	char type;                   /* its t attribute: 'n' number (the default), 's' shared
				      * string, 'i' inline string, 'f' formula string (str),
				      * 'b' boolean, 'e' error, 'd' ISO date, '?' none of these */
	unsigned style;
	bool formula, has_value;
	oldc_buf value;
} sheet_pass;

static void sheet_oom(sheet_pass *s)
{
	out_of_memory(s->x.book, s->x.diags);
	pass_stop(&s->x, -1);
}

static void cell_error(sheet_pass *s, unsigned row, unsigned column, const char *rule,
		       const char *fmt, ...) OLDC_PRINTF(5, 6);
static void cell_error(sheet_pass *s, unsigned row, unsigned column, const char *rule,
		       const char *fmt, ...)
{
	char name[160], what[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	oldc_xlsx_cell_name(s->sheet, row, column, name, sizeof name);
	size_t before = s->x.diags->count;
	oldc_diag_add(s->x.diags, OLDC_ERROR, s->x.book->file, row, column, rule, NULL, "%s: %s", name, what);
	if (s->x.diags->count > before)
		oldc_diag_set_cell(s->x.diags, name);
	pass_stop(&s->x, -1);
}

/* "C17" into its row and column; false when it is not a cell reference within the
 * sheet's bounds. */
static bool cell_reference(const char *ref, unsigned *row, unsigned *column)
{
	unsigned c = 0, r = 0;
	const char *p = ref;
	for (; *p >= 'A' && *p <= 'Z'; p++)
		if ((c = c * 26 + (unsigned)(*p - 'A' + 1)) > OLDC_XLSX_MAX_COLUMNS)
			return false;
	for (; *p >= '0' && *p <= '9'; p++)
		if ((r = r * 10 + (unsigned)(*p - '0')) > OLDC_XLSX_MAX_ROWS)
			return false;
	if (*p || c == 0 || r == 0)
		return false;
	*row = r, *column = c;
	return true;
}

/* Adds a cell to the row: its own text copied, or, for a cell of a merged range, the
 * range's first cell's (not copied: a range as wide as the columns read costs a cell
 * record a column, not its text again). */
static bool row_add(sheet_pass *s, unsigned column, oldc_xlsx_kind kind, bool formula, bool date,
		    const merge *m, const char *text, size_t length)
{
	if (s->n_cells == s->cap_cells) {
		size_t cap = s->cap_cells ? 2 * s->cap_cells : 32;
		row_cell *grown = realloc(s->cells, cap * sizeof *grown);
		if (!grown)
			return false;
		s->cells = grown, s->cap_cells = cap;
	}
	s->cells[s->n_cells++] = (row_cell){ column, kind, formula, date, m, m ? 0 : s->text.len, length };
	if (!m) {
		oldc_buf_put(&s->text, text, length);
		oldc_buf_putc(&s->text, '\0');
	}
	return !s->text.failed;
}

static int by_column(const void *a, const void *b)
{
	const row_cell *x = a, *y = b;
	return x->column < y->column ? -1 : x->column > y->column ? 1 : (x->merge != NULL) - (y->merge != NULL);
}

/* The row's own cell in `column` (its cells are in column order, as the reader refuses
 * them otherwise), or NULL. */
static row_cell *own_cell(sheet_pass *s, size_t own, unsigned column)
{
	size_t lo = 0, hi = own;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->cells[mid].column < column)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < own && s->cells[lo].column == column ? &s->cells[lo] : NULL;
}

/* Gives the row `row` to the handler: its own cells and, in the columns it reads, those
 * of the merged ranges spanning it, in column order. */
static void row_flush(sheet_pass *s, unsigned row)
{
	/* ranges that ended leave the active ones; those that start here join */
	size_t k = 0;
	for (size_t i = 0; i < s->n_active; i++) {
		merge *m = &s->merges[s->active[i]];
		if (m->r2 >= row)
			s->active[k++] = s->active[i];
		else
			free(m->value), m->value = NULL;
	}
	s->n_active = k;
	while (s->next_merge < s->n_merges && s->merges[s->next_merge].r1 <= row) {
		if (s->merges[s->next_merge].r2 >= row)
			s->active[s->n_active++] = s->next_merge;
		s->next_merge++;
	}
	size_t own = s->n_cells;
	unsigned columns = s->handler->columns;
	for (size_t i = 0; i < s->n_active; i++) {
		merge *m = &s->merges[s->active[i]];
		const row_cell *first = m->r1 == row ? own_cell(s, own, m->c1) : NULL;
		if (first && first->kind != OLDC_XLSX_BLANK) { /* the first cell: its value is the range's */
			free(m->value);
			if (!(m->value = strdup(s->text.data + first->offset))) {
				sheet_oom(s);
				return;
			}
			m->kind = first->kind, m->formula = first->formula, m->date = first->date;
		}
		for (unsigned col = m->c1; col <= m->c2 && col <= columns; col++) {
			if (s->taken[col]) {
				cell_error(s, row, col, "xlsx.part", _("two merged ranges cover this cell: the workbook is damaged"));
				break;
			}
			s->taken[col] = 1;
			if (row == m->r1 && col == m->c1)
				continue;
			row_cell *hidden = own_cell(s, own, col);
			if (hidden) /* what Excel keeps under a merged range is not shown */
				hidden->column = 0;
			if (!row_add(s, col, m->value ? m->kind : OLDC_XLSX_BLANK, m->formula, m->date, m, NULL,
				     m->value ? strlen(m->value) : 0)) {
				sheet_oom(s);
				return;
			}
		}
	}
	bool sorted = true; /* as every writer writes them, unless a merged range added some */
	for (size_t c = 1; c < s->n_cells && sorted; c++)
		sorted = s->cells[c - 1].column < s->cells[c].column;
	if (!sorted)
		qsort(s->cells, s->n_cells, sizeof *s->cells, by_column);
	for (size_t i = 0; i < s->n_active; i++)
		for (unsigned col = s->merges[s->active[i]].c1; col <= s->merges[s->active[i]].c2 && col <= columns; col++)
			s->taken[col] = 0;
	for (size_t c = 0; c < s->n_cells; c++) {
		const row_cell *rc = &s->cells[c];
		if (rc->column == 0 || s->x.status)
			continue;
		const char *text = !rc->merge ? s->text.data + rc->offset : rc->merge->value ? rc->merge->value : "";
		oldc_xlsx_cell cell = { row, rc->column, rc->kind, text, rc->length, rc->formula, rc->date,
					rc->merge != NULL, rc->merge ? rc->merge->r1 : 0, rc->merge ? rc->merge->c1 : 0 };
		if (s->handler->cell && s->handler->cell(s->handler->data, &cell) != 0)
			pass_stop(&s->x, 1);
	}
	if (s->x.status == 0 && s->handler->row_end && s->handler->row_end(s->handler->data, row) != 0)
		pass_stop(&s->x, 1);
	s->n_cells = 0;
	s->text.len = 0;
}

/* Rows the sheet leaves out but a merged range spans are given too, in the columns read:
 * the range's value belongs to every row it covers. Rows no range spans are skipped
 * at once, not one by one. */
static void rows_between(sheet_pass *s, unsigned to)
{
	unsigned r = s->last_row + 1;
	while (r < to && s->x.status == 0 && s->handler->columns) {
		bool spanned = false;
		for (size_t i = 0; i < s->n_active && !spanned; i++)
			spanned = s->merges[s->active[i]].r2 >= r;
		if (!spanned) {
			if (s->next_merge >= s->n_merges)
				return;
			if (s->merges[s->next_merge].r1 > r) {
				r = s->merges[s->next_merge].r1;
				continue;
			}
		}
		row_flush(s, r++);
	}
}

static void XMLCALL sheet_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	sheet_pass *s = data;
	const char *l = local_name(name);
	if (s->x.status)
		return;
	if (strcmp(l, "row") == 0) {
		unsigned r = 0;
		if (s->in_row) {
			cell_error(s, s->row, 1, "xlsx.part", _("a row inside a row"));
			return;
		}
		const char *ref = attribute(atts, "r");
		if (ref ? !number_attr(ref, &r) || r == 0 : (r = s->last_row + 1) == 0) {
			cell_error(s, s->last_row + 1, 1, "xlsx.part", _("a row's number is not one"));
			return;
		}
		if (r > OLDC_XLSX_MAX_ROWS) {
			oldc_diag_add(s->x.diags, OLDC_ERROR, s->x.book->file, 0, 0, "limit.rows", NULL,
				      _("the sheet '%s' has a row past the last a workbook may have (%d)"), s->sheet,
				      (int)OLDC_XLSX_MAX_ROWS);
			pass_stop(&s->x, -1);
			return;
		}
		if (r <= s->last_row) {
			cell_error(s, r, 1, "xlsx.part", _("the rows are out of order"));
			return;
		}
		rows_between(s, r);
		s->row = r, s->in_row = true, s->next_column = 1;
	} else if (strcmp(l, "c") == 0 && s->in_row) {
		const char *ref = attribute(atts, "r"), *type = attribute(atts, "t"), *style = attribute(atts, "s");
		unsigned r = s->row, c = s->next_column;
		if (s->in_cell) {
			cell_error(s, s->row, s->column, "xlsx.part", _("a cell inside a cell"));
			return;
		}
		if (ref && (!cell_reference(ref, &r, &c) || r != s->row)) {
			cell_error(s, s->row, s->next_column, "xlsx.part", _("a cell's reference does not name a cell of its row"));
			return;
		}
		if (c < s->next_column) { /* two values for one cell: which would count? */
			cell_error(s, s->row, c, "xlsx.part", _("the cell is given twice, or the cells of its row are out of order"));
			return;
		}
		if (c > OLDC_XLSX_MAX_COLUMNS) {
			cell_error(s, s->row, OLDC_XLSX_MAX_COLUMNS, "xlsx.part", _("a row has more columns than a workbook may"));
			return;
		}
		s->column = c, s->next_column = c + 1;
		s->type = !type || strcmp(type, "n") == 0 ? 'n' : strcmp(type, "s") == 0 ? 's'
			: strcmp(type, "inlineStr") == 0 ? 'i' : strcmp(type, "str") == 0 ? 'f'
			: strcmp(type, "b") == 0 ? 'b' : strcmp(type, "e") == 0 ? 'e' : strcmp(type, "d") == 0 ? 'd' : '?';
		if (!style || !number_attr(style, &s->style))
			s->style = 0;
		s->in_cell = true, s->formula = false, s->has_value = false;
		s->value.len = 0;
	} else if (s->in_cell && strcmp(l, "f") == 0) {
		s->formula = true;
	} else if (s->in_cell && strcmp(l, "v") == 0) {
		s->in_value = true, s->has_value = true;
	} else if (s->in_cell && strcmp(l, "is") == 0) {
		s->in_inline = true, s->has_value = true;
	} else if (s->in_inline && strcmp(l, "rPh") == 0) {
		s->phonetic++;
	} else if (s->in_inline && strcmp(l, "t") == 0 && !s->phonetic) {
		s->in_text = true;
	} else if (strcmp(l, "mergeCell") == 0) {
		/* read in the pass before; nothing to do here */
	}
}

static void cell_end(sheet_pass *s)
{
	oldc_xlsx *b = s->x.book;
	oldc_buf_putc(&s->value, '\0');
	if (s->value.failed) {
		sheet_oom(s);
		return;
	}
	s->value.len--;
	const char *v = s->value.data;
	size_t n = s->value.len;
	char number[448];
	oldc_xlsx_kind kind = OLDC_XLSX_STRING;
	bool date = false;
	if (!s->has_value) {
		kind = OLDC_XLSX_BLANK, v = "", n = 0;
	} else if (s->type == '?') {
		cell_error(s, s->row, s->column, "xlsx.part", _("the cell's type is none a spreadsheet has"));
		return;
	} else if (s->type == 's') {
		unsigned i;
		if (!number_attr(v, &i) || i >= b->n_strings) {
			cell_error(s, s->row, s->column, "xlsx.part", _("the cell names a shared string the workbook does not have"));
			return;
		}
		v = b->strings + b->offsets[i];
		n = strlen(v);
	} else if (s->type == 'i' || s->type == 'f') {
		n = decode_escapes(s->value.data, n);
		s->value.data[n] = '\0';
	} else if (s->type == 'b') {
		kind = OLDC_XLSX_BOOLEAN;
		v = strcmp(v, "0") == 0 ? "FALSE" : "TRUE";
		n = strlen(v);
	} else if (s->type == 'e') {
		kind = OLDC_XLSX_ERROR;
	} else if (s->type == 'd') {
		date = true;          /* an ISO 8601 date, as text */
	} else if (n == 0) {
		kind = OLDC_XLSX_BLANK;
	} else {
		if (!oldc_xlsx_number_text(v, number, sizeof number)) {
			cell_error(s, s->row, s->column, "xlsx.part", _("the cell's value is not a number though the cell says it is one"));
			return;
		}
		kind = OLDC_XLSX_NUMBER, v = number, n = strlen(number);
		date = s->style < b->n_xf && b->xf_date[s->style];
	}
	if (n > OLDC_XLSX_MAX_CELL) {
		cell_error(s, s->row, s->column, "limit.cell",
				   _("a cell of more than %u bytes: this is not a ballots sheet"), (unsigned)OLDC_XLSX_MAX_CELL);
		return;
	}
	if (!row_add(s, s->column, kind, s->formula, date, NULL, v, n))
		sheet_oom(s);
}

static void XMLCALL sheet_end(void *data, const XML_Char *name)
{
	sheet_pass *s = data;
	const char *l = local_name(name);
	if (s->x.status)
		return;
	if (strcmp(l, "v") == 0) {
		s->in_value = false;
	} else if (strcmp(l, "t") == 0) {
		s->in_text = false;
	} else if (strcmp(l, "rPh") == 0 && s->phonetic) {
		s->phonetic--;
	} else if (strcmp(l, "is") == 0) {
		s->in_inline = false;
	} else if (strcmp(l, "c") == 0 && s->in_cell) {
		s->in_cell = false;
		cell_end(s);
	} else if (strcmp(l, "row") == 0 && s->in_row) {
		s->in_row = false;
		row_flush(s, s->row);
		s->last_row = s->row;
	} else if (strcmp(l, "sheetData") == 0) {
		rows_between(s, OLDC_XLSX_MAX_ROWS + 1); /* ranges below the last row */
	}
}

static void XMLCALL sheet_text(void *data, const XML_Char *text, int len)
{
	sheet_pass *s = data;
	if (s->x.status || !(s->in_value || s->in_text))
		return;
	if (s->value.len + (size_t)len > OLDC_XLSX_MAX_CELL + 8) {
		cell_error(s, s->row, s->column, "limit.cell",
				   _("a cell of more than %u bytes: this is not a ballots sheet"), (unsigned)OLDC_XLSX_MAX_CELL);
		return;
	}
	oldc_buf_put(&s->value, text, (size_t)len);
}

/* "A2:B4" into the range's corners; false when it is not a range of cells. */
static bool range_reference(const char *ref, merge *m)
{
	char first[16], last[16];
	const char *colon = ref ? strchr(ref, ':') : NULL;
	if (!colon || (size_t)(colon - ref) >= sizeof first || strlen(colon + 1) >= sizeof last)
		return false;
	snprintf(first, sizeof first, "%.*s", (int)(colon - ref), ref);
	snprintf(last, sizeof last, "%s", colon + 1);
	return cell_reference(first, &m->r1, &m->c1) && cell_reference(last, &m->r2, &m->c2) &&
	       m->r1 <= m->r2 && m->c1 <= m->c2;
}

/* The merged ranges: collected in their own pass, then sorted by first row. */
static void XMLCALL merges_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	sheet_pass *s = data;
	if (s->x.status || strcmp(local_name(name), "mergeCell") != 0)
		return;
	merge m = { 0 };
	if (!range_reference(attribute(atts, "ref"), &m)) {
		cell_error(s, 1, 1, "xlsx.part", _("a merged range is not of the form A1:B2"));
		return;
	}
	s->merged_cells += (unsigned long long)(m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
	if (s->merged_cells > OLDC_XLSX_MAX_MERGED) {
		cell_error(s, m.r1, m.c1, "xlsx.part", _("the sheet's merged ranges span more than %d cells"),
			   (int)OLDC_XLSX_MAX_MERGED);
		return;
	}
	if (s->n_merges == OLDC_XLSX_MAX_MERGES) {
		cell_error(s, m.r1, m.c1, "xlsx.part", _("the sheet has more merged ranges than the limit of %d"),
			   (int)OLDC_XLSX_MAX_MERGES);
		return;
	}
	if (s->n_merges == s->cap_merges) {
		size_t cap = s->cap_merges ? 2 * s->cap_merges : 64;
		merge *grown = realloc(s->merges, cap * sizeof *grown);
		if (!grown) {
			sheet_oom(s);
			return;
		}
		s->merges = grown, s->cap_merges = cap;
	}
	s->merges[s->n_merges++] = m;
}

static int by_first_row(const void *a, const void *b)
{
	const merge *x = a, *y = b;
	return x->r1 < y->r1 ? -1 : x->r1 > y->r1 ? 1 : x->c1 < y->c1 ? -1 : x->c1 > y->c1;
}

/* The search for "mergeCell" in the inflated bytes, across chunk boundaries. */
typedef struct find_pass {
	char tail[16];
	size_t n_tail;
	bool found;
} find_pass;

static int find_sink(void *ctx, const char *bytes, size_t n, int last)
{
	static const char word[] = "mergeCell";
	enum { W = sizeof word - 1 };
	find_pass *f = ctx;
	(void)last;
	if (f->found || n == 0)
		return 0;
	char joined[2 * W];
	size_t head = n < W - 1 ? n : W - 1;
	memcpy(joined, f->tail, f->n_tail);
	memcpy(joined + f->n_tail, bytes, head);
	for (size_t i = 0; i + W <= f->n_tail + head && !f->found; i++)
		f->found = memcmp(joined + i, word, W) == 0;
	for (size_t i = 0; i + W <= n && !f->found; i++) {
		const char *m = memchr(bytes + i, 'm', n - i - W + 1);
		if (!m)
			break;
		i = (size_t)(m - bytes);
		f->found = memcmp(m, word, W) == 0;
	}
	size_t keep = n < W - 1 ? n : W - 1;
	if (f->n_tail + keep > W - 1) { /* keep the last W-1 bytes seen */
		size_t drop = f->n_tail + keep - (W - 1);
		memmove(f->tail, f->tail + drop, f->n_tail - drop);
		f->n_tail -= drop;
	}
	memcpy(f->tail + f->n_tail, bytes + n - keep, keep);
	f->n_tail += keep;
	return 0;
}

int oldc_xlsx_read(oldc_xlsx *b, size_t n, const oldc_xlsx_handler *handler, oldc_diags *d)
{
	if (n >= b->n_sheets)
		return -1;
	sheet_pass s = { .x = { .book = b, .diags = d, .part = b->sheets[n].part },
			 .sheet = b->sheets[n].name, .handler = handler };
	oldc_buf_init(&s.text);
	oldc_buf_init(&s.value);
	find_pass f = { .found = false };
	/* the first rows alone want no merged ranges: the sheet is not read through for them */
	int rc = handler->first_rows ? zip_name_locate(b->zip, s.x.part, ZIP_FL_NOCASE) < 0
				     : inflate_part(b, s.x.part, find_sink, &f, d);
	if (rc > 0) {
		container_error(b, d, _("a worksheet's part is missing"));
		rc = -1;
	}
	if (rc == 0 && f.found) {
		rc = parse_part(&s.x, merges_start, NULL, NULL);
		if (rc == 0) {
			qsort(s.merges, s.n_merges, sizeof *s.merges, by_first_row);
			s.active = malloc((s.n_merges ? s.n_merges : 1) * sizeof *s.active);
			s.taken = calloc(OLDC_XLSX_MAX_COLUMNS + 1, 1);
			if (!s.active || !s.taken) {
				out_of_memory(b, d);
				rc = -1;
			}
		}
	}
	if (rc == 0) {
		rc = parse_part(&s.x, sheet_start, sheet_end, sheet_text);
		if (rc < 0 && s.x.status == 1)
			rc = 0; /* the handler stopped it */
	}
	for (size_t i = 0; i < s.n_merges; i++)
		free(s.merges[i].value);
	free(s.merges);
	free(s.active);
	free(s.taken);
	free(s.cells);
	oldc_buf_release(&s.text);
	oldc_buf_release(&s.value);
	return rc < 0 ? -1 : 0;
}
