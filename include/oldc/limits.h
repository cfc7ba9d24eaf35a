/*
 * limits.h: the fixed limits of oldc's checks and reports, each named once here. None
 * truncates: what would exceed one is refused with a finding. Most sizes come from the
 * policy's own counts (its indicator systems, its pilot types ...) and are allocated;
 * these are the few that are not.
 */
#ifndef OLDC_LIMITS_H
#define OLDC_LIMITS_H

/* The distinct clauses a verdict's reasons can hold (oldc_check_result). A policy that
 * could cite more in verdicts is refused when loaded (policy.range), so a check never
 * meets more. */
#define OLDC_REASONS_MAX 64

/* The approvals a policy may list (OP-8): oldc_check_result.approvals_not_needed is a
 * bit set of 64. A policy with more is refused when loaded (policy.range). */
#define OLDC_APPROVALS_MAX 64

/* The files one tree of `oldc diff` may hold (oldc/tree.h): a revision or a work tree
 * with more is refused, so a hostile repository cannot make oldc list without end. */
#define OLDC_TREE_ENTRIES_MAX 1000000

/* The largest ballots sheet read by default (oldc_vote_options.max_bytes 0), from the
 * disk or from a revision's tree: a larger one is refused (limit.file_size). */
#define OLDC_VOTE_MAX_BYTES ((size_t)512 << 20)

#endif
