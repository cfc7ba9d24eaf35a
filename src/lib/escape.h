/*
 * escape.h: writing text that came from a dossier into formats that would otherwise
 * interpret it: a CSV cell a spreadsheet might run as a formula, Markdown that a
 * pull-request comment would render, HTML a browser would run. One place, so every renderer escapes alike.
 */
#ifndef OLDC_ESCAPE_H
#define OLDC_ESCAPE_H

#include <stdbool.h>
#include "oldc/buf.h"

/* A quoted CSV cell; a leading = + - @ (or tab, CR) gets a ' so that Excel and
 * LibreOffice show it as text instead of evaluating it. */
void oldc_csv_cell(oldc_buf *out, const char *s);

/* Markdown inline text: the characters that start emphasis, code, links, HTML or a
 * table cell are backslash-escaped, & is written &amp; (so no character reference is
 * read); line breaks become spaces; the characters oldc_term_text shows as <U+XXXX>
 * (controls, bidirectional and other invisible ones, which a pull request's comment
 * would otherwise render: a name turned around) are shown so here too, and a byte that
 * is not UTF-8 as \xNN. */
void oldc_md_text(oldc_buf *out, const char *s);

/* A Markdown code span holding s verbatim (backslashes are not escapes in a code span,
 * so nothing is escaped): fenced by one backtick more than the longest run of
 * backticks in s, with a space inside the fences when s starts or ends with one; line
 * breaks become spaces and | is \| (a code span in a table cell ends at a bare |);
 * hidden characters and bytes that are not UTF-8 are shown as by oldc_md_text. */
void oldc_md_code(oldc_buf *out, const char *s);

/* Text from an input, for a terminal (the text format, standard error): every
 * character that a terminal would act on or that a reader would not see is shown as
 * <U+XXXX> (oldc(1), Text): the C0 and C1 controls (ESC, so no escape
 * sequence of the input reaches the terminal; CR, tab), DEL, the format characters
 * (Unicode Cf: the bidirectional marks, embeddings, overrides and isolates, zero-width
 * space and joiners, the byte order mark), the line and paragraph separators, and
 * every other default-ignorable code point (libunistring's tables). A newline, which
 * only a multi-line field can hold (the loader refuses it elsewhere), is shown as \n;
 * a byte that is not UTF-8 as \xNN. Everything else is copied. */
void oldc_term_text(oldc_buf *out, const char *s);
/* The same into `scratch` (emptied first), for a printf argument: returns its text,
 * valid until scratch changes ("" when memory ran out; scratch->failed says so). */
const char *oldc_term(oldc_buf *scratch, const char *s);
/* Whether code point c is one that oldc_term_text shows as <U+XXXX>. */
bool oldc_term_hidden(unsigned long c);

/* HTML text: & < > " ' become character references, so the string stays text wherever
 * it lands (element content, a quoted attribute, SVG <text> and <title>, which the HTML
 * parser reads alike). */
void oldc_html_text(oldc_buf *out, const char *s);

/* GitHub workflow commands (`::error file=F,line=L::MESSAGE`), escaped as GitHub's
 * toolkit does, so that no text can end the command early or start another: data (the
 * message) % CR LF as %25 %0D %0A; a property (file, title) also : and , as %3A %2C. */
void oldc_gh_data(oldc_buf *out, const char *s);
void oldc_gh_property(oldc_buf *out, const char *s);
/* A plain log line of a workflow's output that must not be read as a command: data
 * escaping, and the runner's older `##[command]` syntax (recognised anywhere in a
 * line) broken as ##%5B. The caller makes sure the line does not start with `::`. */
void oldc_gh_log(oldc_buf *out, const char *s);

/* XML 1.0 character data or (with `attribute`) a quoted attribute value: & < > " '
 * as references; characters XML cannot hold (controls other than tab, LF and CR,
 * U+FFFE, U+FFFF) and bytes that are not UTF-8 are dropped; in an attribute tab, LF
 * and CR become references so that a parser does not fold them into spaces. */
void oldc_xml_text(oldc_buf *out, const char *s, bool attribute);

/* A path as a URI path (RFC 3986): every byte but the unreserved characters and '/'
 * percent-encoded in upper-case hex, UTF-8 byte by byte (一 is %E4%B8%80). */
void oldc_uri_path(oldc_buf *out, const char *s);

#endif
