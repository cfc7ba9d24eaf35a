/*
 * template.h: a new dossier written from the policy, for `oldc init`: a planner's form
 * in the dossier format (man oldc-dossier(5)) that the strict loader accepts as it is.
 *
 * What the template holds comes from the policy it is given: every content item the
 * policy requires (planned), its optional items (commented out), the owners'
 * commitments, the priority conditions, and for a pilot the type, its conditions,
 * milestones, creation-plan sections and drawings, and every indicator, system by
 * system, with the tiers the type requires (not_met) and their texts as comments.
 * A fact that has not happened yet (a meeting, a review, a date) is a commented-out
 * line "# key:" for the planner to fill in: an absent fact is what the format means by
 * "not yet", so `oldc check` on the template reports only what is still to be done.
 * The comments are bilingual, Chinese first, as the file is read by planners: they are
 * the file's content, not messages, and do not follow --lang.
 */
#ifndef OLDC_TEMPLATE_H
#define OLDC_TEMPLATE_H

#include <stdbool.h>
#include <stdint.h>
#include "oldc/buf.h"
#include "oldc/policy.h"

typedef struct oldc_template {
	const char *id;         /* the dossier's id: 1 to 64 of A-Z a-z 0-9 . _ - */
	const char *name;       /* the community's name (well-formed UTF-8, no control characters) */
	const char *district;   /* likewise */
	int64_t built_year;     /* the year the community was completed */
	int64_t plan_year;      /* a plan year of the policy */
	long pilot_type;        /* index in policy->pilot.types, or -1 for no pilot section */
	const char *schema;     /* the JSON Schema for editors' first line
				 * (# yaml-language-server: $schema=...), or NULL for none */
} oldc_template;

/*
 * Appends the template to `out`. The caller has checked the fields as their comments
 * say; the text is the same for the same policy and fields (no date of today in it).
 * Returns 0, or -1 when memory ran out (out->failed).
 */
int oldc_template_dossier(oldc_buf *out, const oldc_policy *policy, const oldc_template *t);

/* Whether `id` has the form of a dossier id (1 to 64 of A-Z a-z 0-9 . _ -). */
bool oldc_template_id_ok(const char *id);

#endif
