/*
 * check_rules.h: what the rule files of oldc-check share (check.c drives them;
 * check_ctx.c defines the helpers): the context, and oldc_finding, the one way a rule
 * reports, which also records the verdict the finding moves (oldc-check(1)). A rule is
 * a row of include/oldc/rule_table.h, which says how to add one.
 *
 *   check_renovation.c  BC-1.3.1, OP-1 ... OP-8, OP-12: listing, content, completion
 *   check_pilot.c       BC-3.2.1 ... BC-4.4, JK-63, BC-A2: the pilot
 *   check_dates.c       the orders of dates, and no actual date after --as-of
 */
#ifndef OLDC_CHECK_RULES_H
#define OLDC_CHECK_RULES_H

#include "oldc/check.h"
#include "oldc/limits.h"
#include "oldc/rules.h"
#include "oldc/vote.h"
#include "i18n.h"

typedef struct oldc_check_ctx {
	const oldc_dossier *d;
	const oldc_loaded *loaded;  /* d with the sheets it names, counted (load.h) */
	const oldc_policy *p;
	oldc_date as_of;
	oldc_diags *diags;
	oldc_check_result *r;
	long type;               /* the pilot's type in OLDC_CAT_PILOT_TYPE, or -1 */
	bool deferred, ineligible, pilot_ineligible, conditional, not_ready;
	const char *deferred_reasons[OLDC_REASONS_MAX];
	size_t n_deferred_reasons;
} oldc_check_ctx;

/* Reports a finding of rule `rule` at `at` (a node of the dossier: for an absent key,
 * its parent; NULL: the root) with the severity, the moved verdict and the clause its
 * row of rule_table.h gives (the clause resolved through the loaded policy). The
 * message is a printf format; numbers, clause ids and a threshold's words come from
 * the policy as arguments. When memory runs out, diags->out_of_memory is set. */
void oldc_finding(oldc_check_ctx *c, const oldc_node *at, oldc_rule_id rule, const char *fmt, ...)
	OLDC_PRINTF(4, 5);

/* The same with what the row cannot say: a finding of `severity` that moves `moves`
 * (a breach the commitment letter covers is a note that makes the pilot conditional),
 * citing `clause` (the text of a clause node of the policy: the entry of a catalog the
 * finding is about; NULL: the row's clause). */
void oldc_finding_ex(oldc_check_ctx *c, const oldc_node *at, oldc_rule_id rule, oldc_severity severity,
		     oldc_moves moves, const char *clause, const char *fmt, ...) OLDC_PRINTF(7, 8);

/* oldc_finding citing `clause` (the text of a clause node of the policy: the entry of
 * a catalog the finding is about), or, when it is NULL, the row's clause. */
void oldc_finding_cites(oldc_check_ctx *c, const oldc_node *at, oldc_rule_id rule, const char *clause,
			const char *fmt, ...) OLDC_PRINTF(5, 6);

/* The first node that is not NULL (for "the key, else its parent, else the root"). */
const oldc_node *oldc_where(const oldc_node *a, const oldc_node *b, const oldc_node *c);

/* "2023-06-10" of a date node, in a caller's buffer. */
const char *oldc_date_text(oldc_date d, char buf[11]);
/* True when a boolean node is given and true. */
bool oldc_is_true(const oldc_node *n);
/* The text of a clause node of the policy (an entry's own), else the clause the policy
 * gives key `key`; NULL when it gives none. */
const char *oldc_clause_of(const oldc_check_ctx *c, const oldc_node *clause, oldc_clause_key key);
/* The text of an entry's own clause node, or NULL (then a finding cites its row's). */
#define OLDC_OWN_CLAUSE(node) ((node) ? (node)->text : NULL)

/* Three arguments for "%s%s%s" at the end of a message: " (", a text of the policy that
 * quotes the notice (a threshold's `words`: 三分之二以上业主意见), ")", the brackets
 * translated (full-width in Chinese); three empty strings when the policy gives none.
 * Nothing is copied, so nothing is cut. */
#define OLDC_WORDS(n) (n) ? oldc_words_open() : "", (n) ? (n)->text : "", (n) ? oldc_words_close() : ""
const char *oldc_words_open(void);
const char *oldc_words_close(void);

/* A vote the dossier gives (a ballots sheet, as the load stage counted it, or an inline
 * tally) judged under vote rule `rule`
 * (check_votes.c). Returns false when there is nothing to judge:
 * no vote given, or a sheet that cannot be used (its errors are reported and the
 * result marked input_invalid). */
bool oldc_judge_vote(oldc_check_ctx *c, const oldc_node *ballots, const struct oldc_tally *tally,
		     const char *rule, oldc_vote_counts *counts, oldc_vote_result *result);

void oldc_check_renovation(oldc_check_ctx *c);
void oldc_check_completion(oldc_check_ctx *c);
void oldc_check_pilot(oldc_check_ctx *c);
void oldc_check_dates(oldc_check_ctx *c);

#endif
