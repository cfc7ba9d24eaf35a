/*
 * escape.h: writing text that came from a dossier into formats that would otherwise
 * interpret it: a CSV cell a spreadsheet might run as a formula, Markdown that a
 * pull-request comment would render, HTML a browser would run. One place, so every renderer escapes alike.
 */
#ifndef OLDC_ESCAPE_H
#define OLDC_ESCAPE_H

#include "oldc/buf.h"

/* A quoted CSV cell; a leading = + - @ (or tab, CR) gets a ' so that Excel and
 * LibreOffice show it as text instead of evaluating it. */
void oldc_csv_cell(oldc_buf *out, const char *s);

/* Markdown inline text: the characters that start emphasis, code, links, HTML or a
 * table cell are backslash-escaped; line breaks become spaces. */
void oldc_md_text(oldc_buf *out, const char *s);

/* HTML text: & < > " ' become character references, so the string stays text wherever
 * it lands (element content, a quoted attribute, SVG <text> and <title>, which the HTML
 * parser reads alike). */
void oldc_html_text(oldc_buf *out, const char *s);

#endif
