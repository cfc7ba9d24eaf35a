/*
 * rule_kind.h: what kind of thing a rule's findings are about, by rule id, for the
 * library's own decisions (output_report.c): the rules stay named in one place.
 */
#ifndef OLDC_RULE_KIND_H
#define OLDC_RULE_KIND_H

#include <stdbool.h>

/* Whether findings of `rule` are about an input the dossier names rather than the
 * dossier itself: a ballots sheet that cannot be read or counted (ballots.*, csv.*) or
 * a file that cannot be read (io.*). */
bool oldc_rule_is_input(const char *rule);

/* Whether `rule` is the one of a dossier whose id an earlier dossier of the batch has. */
bool oldc_rule_is_duplicate(const char *rule);

#endif
