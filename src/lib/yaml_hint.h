/*
 * yaml_hint.h: what a person most likely typed wrong where libyaml stops (a
 * full-width colon or space from a Chinese keyboard, a tab in the indentation, a
 * quote or bracket never closed), said in the person's words at the place of the
 * mistake, which is often a line or more before the place libyaml reports.
 */
#ifndef OLDC_YAML_HINT_H
#define OLDC_YAML_HINT_H

#include <stddef.h>
#include <yaml.h>
#include "oldc/diag.h"

/* Reports the syntax error `p` stopped at, as one `yaml.syntax` finding of `file`
 * in `diags`: at the mistake with what to write instead when the text around it shows
 * a usual cause, else at libyaml's place in libyaml's words (translated). `src` and
 * `len` are the text libyaml read, after any byte-order mark (its marks count from
 * there). Never fails but for memory, which oldc_diag_add records. */
void oldc_yaml_syntax_error(oldc_diags *diags, const char *file, const unsigned char *src,
			    size_t len, const yaml_parser_t *p);

/* Libyaml's text (a problem or a context of yaml_parser_t) in the language of the
 * messages; a text the table lacks comes back as it is. */
const char *oldc_yaml_words(const char *libyaml_text);

#endif
