/*
 * sniff.h: which YAML files are dossiers (oldc(1), Paths).
 * A directory holds other YAML besides dossiers (CI settings, schemas): a walk reads
 * as a dossier only a file whose top-level mapping has the key `oldc:`, skips (and
 * counts) the other YAML files, and reports one that does not parse, so that nothing
 * is dropped silently.
 */
#ifndef OLDC_SNIFF_H
#define OLDC_SNIFF_H

#include <stdbool.h>
#include "oldc/diag.h"

/* Whether `name` (a file name, or a path) ends in .yaml or .yml, in any case. */
bool oldc_is_yaml_name(const char *name);

typedef enum { OLDC_SNIFF_DOSSIER, OLDC_SNIFF_OTHER, OLDC_SNIFF_BAD } oldc_sniff;

/*
 * Reads `file` (a regular file, at most the dossier's size limit) and says whether it
 * is a dossier: a line that starts with the key oldc (`oldc:`, quoted or not) makes it
 * one without more ado (the loader then judges it whole); otherwise the YAML is parsed
 * (libyaml, anchors and tags allowed: it need not be a dossier) and it is a dossier
 * when the top-level mapping of its first document has the key oldc. OLDC_SNIFF_BAD:
 * it cannot be read or does not parse, said in `diags` (io.read, limit.file_size,
 * yaml.syntax) at FILE:LINE:COL. Never prints.
 */
oldc_sniff oldc_sniff_file(const char *file, oldc_diags *diags);

/* The same for the `length` bytes of `text`, named `file` in the findings (a file of a
 * revision, tree.h): only yaml.syntax can make it OLDC_SNIFF_BAD. */
oldc_sniff oldc_sniff_data(const char *file, const char *text, size_t length, oldc_diags *diags);

#endif
