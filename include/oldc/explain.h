/*
 * explain.h: what stands behind a finding, for `oldc explain`: a rule id's meaning,
 * what to do about its findings and its clause, a clause's text (the Chinese as the
 * policy has it, and oldc's English), the rules that cite it, and an indicator's tiers
 * (BC-A1-N). Everything comes from the rule catalog (rules.h) and the loaded policy's
 * data, so a policy file with its own clause texts explains its own clauses.
 */
#ifndef OLDC_EXPLAIN_H
#define OLDC_EXPLAIN_H

#include <stdbool.h>
#include "oldc/buf.h"
#include "oldc/policy.h"
#include "oldc/rules.h"

/*
 * Renders the explanation of `id` (a rule id such as consultation.participation, a
 * clause id such as OP-6, or an indicator's BC-A1-17) into `out`: text for a person,
 * or with `json` one JSON object {"id", "kind": "rule"|"clause"|"indicator", ...}, a
 * rule's {"id", "severity", "clause", "summary", "advice"} under "rule".
 * Returns 0, or -1 when `id` names nothing the catalog or the policy knows (nothing is
 * written). Memory failures show in out->failed.
 */
int oldc_explain(oldc_buf *out, const oldc_policy *policy, const char *id, bool json);

/*
 * The help of `rule` as a SARIF rule carries it (help.text, help.markdown): into `text`
 * what `oldc explain RULE` prints (its id, severity and clause, its description, what
 * to do, and the clause's text: the Chinese verbatim, oldc's English), into `markdown`
 * the same in Markdown, every piece of it escaped (the Chinese a block quote). Memory
 * failures show in text->failed and markdown->failed.
 */
void oldc_explain_rule_help(oldc_buf *text, oldc_buf *markdown, const oldc_policy *policy, const oldc_rule *rule);

/* Every id oldc_explain knows: the rule ids, then the clause ids of the policy, then
 * the indicators' clause ids. As text one a line, the id, a tab and a one-line
 * description; with `json` the JSON objects {"id", "kind", "summary"} separated by
 * commas, each on its own line, for the caller to put in an array. */
void oldc_explain_list(oldc_buf *out, const oldc_policy *policy, bool json);

/* The known id nearest to `id` (for a "did you mean" hint), or NULL. */
const char *oldc_explain_nearest(const oldc_policy *policy, const char *id);

#endif
