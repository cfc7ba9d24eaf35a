/*
 * rules.c: the catalog of rule ids (rules.h). One row per id any finding can carry,
 * kept sorted by id so that a lookup is a binary search and every listing (SARIF's
 * rules, `oldc explain --list`, the completion) comes out in one stable order.
 * tests/rules/run holds the sources to it: an id the code emits and the table lacks,
 * or a row no code emits, fails `make check`.
 *
 * The clause is the one the built-in policy gives the rule's findings; a policy file
 * may name another per finding (its `clause` keys), and the finding carries that one.
 */
#include <string.h>
#include "oldc/rules.h"
#include "i18n.h"

#define E OLDC_ERROR
#define W OLDC_WARNING
#define N OLDC_NOTE

static const oldc_rule rules[] = {
	{ "ballots.invalid", NULL, E, N_("A ballots sheet named by the dossier is invalid; nothing is counted from it") },
	{ "ballots.path", NULL, E, N_("A ballots path is absolute, leaves the dossier's repository or names no readable file") },
	{ "batch.duplicate_id", NULL, E, N_("Two dossiers of one batch have the same id") },
	{ "commitment_letter.deadline", "BC-3.2.3", E, N_("The commitment letter's item for an unmet pilot condition has no deadline after the letter's date") },
	{ "commitment_letter.issued", "BC-3.2.3", E, N_("The commitment letter has deadlines but no date of issue") },
	{ "commitment_letter.overdue", "BC-3.2.3", E, N_("The deadline of a committed pilot condition has passed") },
	{ "completion.acceptance_date", "OP-12", E, N_("The pilot's completion milestone and the completion acceptance give different dates") },
	{ "completion.accepted", "OP-12", N, N_("No completion acceptance (竣工验收) yet") },
	{ "completion.filed", "OP-12", N, N_("The renovation is accepted but not yet filed (备案)") },
	{ "completion.items", "OP-12", N, N_("Content items are not yet accepted") },
	{ "completion.onsite_check", "OP-12", N, N_("No on-site check (现场核查) by the district housing department yet") },
	{ "completion.representatives", "OP-12", N, N_("The acceptance did not invite street, community and owner representatives") },
	{ "completion.satisfaction_survey", "OP-3", N, N_("No satisfaction survey after the renovation is recorded") },
	{ "consultation.approval", "OP-6", E, N_("Fewer than three quarters of the owners consulted agree") },
	{ "consultation.commitment", "OP-6", E, N_("One of the owners' four commitments is missing") },
	{ "consultation.missing", "OP-6", E, N_("No owners' consultation (征求意见) is given") },
	{ "consultation.participation", "OP-6", E, N_("Fewer than two thirds of the owners were consulted") },
	{ "consultation.uncounted", "OP-6", E, N_("The consultation's ballots sheet could not be counted") },
	{ "content.duplicate", "OP-2", E, N_("A content item is listed twice") },
	{ "content.reason", "OP-2", E, N_("A content item marked not applicable gives no reason") },
	{ "content.required", "OP-2", E, N_("A content item the policy requires is not listed") },
	{ "content.unknown_item", "OP-2", E, N_("A content item is not in the policy's catalog") },
	{ "creation_plan.drawing", "BC-A2-7", E, N_("Drawings of the creation plan are missing") },
	{ "creation_plan.section", "BC-A2", E, N_("Sections of the creation plan are missing") },
	{ "csv.area", NULL, E, N_("An area in a ballots sheet is not a number of m² with at most two decimals") },
	{ "csv.column", NULL, E, N_("A ballots sheet lacks a column its shape needs") },
	{ "csv.count", NULL, E, N_("A count in a tally sheet is not a whole number") },
	{ "csv.developer_held", NULL, E, N_("The developer-held column has a value that is not yes or no") },
	{ "csv.duplicate_unit", NULL, E, N_("A unit appears twice in a ballots sheet") },
	{ "csv.empty", NULL, E, N_("A ballots sheet has no rows") },
	{ "csv.encoding", NULL, E, N_("A ballots sheet is neither UTF-8 nor GB18030") },
	{ "csv.fields", NULL, E, N_("A row of a ballots sheet has another number of fields than the header") },
	{ "csv.formula", NULL, W, N_("A cell of a ballots sheet starts like a spreadsheet formula") },
	{ "csv.header", NULL, E, N_("A ballots sheet's header names one thing twice, or its shape cannot be told") },
	{ "csv.id", NULL, E, N_("An id in a ballots sheet is too long to be one") },
	{ "csv.ignored_column", NULL, N, N_("A column of a ballots sheet is not read (its header only is named)") },
	{ "csv.invisible", NULL, E, N_("An id in a ballots sheet holds an invisible or text-direction character") },
	{ "csv.mangled_id", NULL, E, N_("An id in a ballots sheet is a number Excel rounded or wrote in scientific notation") },
	{ "csv.owner_blank", NULL, E, N_("Rows of a ballots sheet have no owner (a merged cell exported)") },
	{ "csv.owner_conflict", NULL, E, N_("One owner's parts give conflicting answers") },
	{ "csv.owner_names", NULL, N, N_("A ballots sheet tells owners apart by their names") },
	{ "csv.owners", NULL, E, N_("--owners or --total-area does not fit the sheet") },
	{ "csv.syntax", NULL, E, N_("A ballots sheet is not well-formed CSV") },
	{ "csv.tally", NULL, E, N_("A tally's counts do not add up") },
	{ "csv.title_rows", NULL, N, N_("Rows above a ballots sheet's header (a title) are not read") },
	{ "csv.total_row", NULL, E, N_("A total row (合计, 小计) does not equal the rows it sums") },
	{ "csv.unit", NULL, E, N_("A row of a ballots sheet has no unit") },
	{ "csv.vote", NULL, E, N_("An answer is not one of agree, disagree, abstain or none") },
	{ "dates.future", NULL, E, N_("An actual date is after the as-of date") },
	{ "dates.order", NULL, E, N_("Two dates are in an impossible order") },
	{ "demolition.ratio", "JK-63", E, N_("New floor area is more than twice the demolished area (拆建比 over 2)") },
	{ "demolition.resettlement", "JK-63", W, N_("On-site or nearby resettlement is below 50%") },
	{ "demolition.share", "JK-63", E, N_("More than 20% of the existing floor area is demolished") },
	{ "design_plan.hotline", "OP-6", E, N_("The design plan was published without a hotline") },
	{ "design_plan.publicized", "OP-6", E, N_("The design plan was not posted in the community") },
	{ "design_plan.street_coordination", "OP-6", E, N_("The street office did not coordinate the design plan") },
	{ "district.invisible", NULL, E, N_("A district's text holds an invisible character") },
	{ "district.unknown", NULL, E, N_("A district is not one of the policy's districts") },
	{ "evaluation.early", "BC-4.2", E, N_("The pilot applied for evaluation before three months of trial operation") },
	{ "evaluation.indicators", "BC-3.3.5", E, N_("The pilot applied for evaluation before every indicator tier its type requires is met") },
	{ "evaluation.indicators_short", "BC-3.3.5", N, N_("The pilot is not ready for evaluation: not every indicator tier its type requires is met") },
	{ "evaluation.trial_operation", "BC-4.2", N, N_("The pilot's trial operation has not ended yet") },
	{ "illegal_structures.cleared_date", "OP-5", E, N_("Illegal structures are cleared without a date") },
	{ "illegal_structures.status", "OP-5", E, N_("Illegal structures are not cleared (拆违拆临)") },
	{ "io.memory", NULL, E, N_("Memory ran out") },
	{ "io.output", NULL, E, N_("A ballots sheet the dossier names is also an output (-o) of the run") },
	{ "io.outside", NULL, E, N_("A dossier is a symbolic link to a file outside its repository") },
	{ "io.read", NULL, E, N_("A file cannot be read") },
	{ "limit.cell", NULL, E, N_("A cell of a ballots sheet is longer than the limit") },
	{ "limit.compression", NULL, E, N_("A part of an .xlsx workbook inflates past its declared size or the ratio limit: a zip bomb") },
	{ "limit.depth", NULL, E, N_("A YAML file nests deeper than the limit") },
	{ "limit.file_size", NULL, E, N_("A file is larger than the limit") },
	{ "limit.findings", NULL, N, N_("A sheet has more findings than are kept; the rest are counted") },
	{ "limit.nodes", NULL, E, N_("A YAML file has more nodes than the limit") },
	{ "limit.rows", NULL, E, N_("A ballots sheet has more rows than the limit") },
	{ "limit.scalar_length", NULL, E, N_("A YAML value is longer than the limit") },
	{ "listing.old_community", "BC-1.3.1", E, N_("The community was built after 2005: not an old community") },
	{ "listing.plan_year", "OP-1", E, N_("The plan year is not a year of the policy") },
	{ "listing.priority", "OP-1", N, N_("The community qualifies for priority listing (优先纳入)") },
	{ "listing.review_year", "OP-1", N, N_("The plan year is the review year, without a target of its own") },
	{ "milestone.overdue", "BC-4.3", W, N_("A pilot's milestone is overdue") },
	{ "owners_committee.assembly", "OP-3", E, N_("No owners' assembly (业主大会) was held") },
	{ "owners_committee.election", "OP-3", E, N_("No owners' committee (业主委员会) was elected") },
	{ "pilot.condition", "BC-3.2.3", E, N_("A pilot condition is unmet and not committed to") },
	{ "pilot.condition_committed", "BC-3.2.3", N, N_("An unmet pilot condition is covered by the commitment letter") },
	{ "pilot.condition_vote", "BC-3.2.3", N, N_("A pilot condition's vote falls short of all owners") },
	{ "pilot.reward", "BC-4.4", N, N_("The pilot is a candidate for the city's reward") },
	{ "pilot.scale", "BC-3.2.1", W, N_("The pilot's population is outside the policy's range") },
	{ "pilot.time_to_finish", "BC-4.2", W, N_("Completion is later than the pilot type's time to finish") },
	{ "pilot.type", "BC-3.2.2", E, N_("The pilot has no type") },
	{ "pilot.walking_minutes", "BC-3.2.1", W, N_("A walking time to a kindergarten or an elderly service station is over the goal") },
	{ "policy.duplicate_id", NULL, E, N_("A policy file gives one id twice") },
	{ "policy.plan_year", NULL, E, N_("A plan year of a policy file lacks its targets") },
	{ "policy.range", NULL, E, N_("A policy file's number is out of its range") },
	{ "policy.reference", NULL, E, N_("A policy file's clause cites a source it does not define") },
	{ "policy.vote_rule", NULL, E, N_("A policy file lacks a vote rule oldc needs") },
	{ "red_heart_property.formed", "OP-4", E, N_("No red heart property service (红心物业) was formed") },
	{ "reviews.expert", "OP-7", E, N_("The city's expert review (专家评审) is missing or not passed") },
	{ "reviews.joint", "OP-7", E, N_("The district's joint review (联审) is missing or not passed") },
	{ "schema.boolean", NULL, E, N_("A yes/no value is not true or false") },
	{ "schema.control", NULL, E, N_("A text holds a control character") },
	{ "schema.date", NULL, E, N_("A date is not a real date YYYY-MM-DD") },
	{ "schema.duplicate", NULL, E, N_("A list names one item twice") },
	{ "schema.empty", NULL, E, N_("A required text or list is empty") },
	{ "schema.enum", NULL, E, N_("A value is not one of the allowed words") },
	{ "schema.exclusive", NULL, E, N_("Two keys that exclude each other are both given") },
	{ "schema.line_break", NULL, E, N_("A text of one line (a name, a district, a path) holds a line break") },
	{ "schema.negative", NULL, E, N_("A number is negative") },
	{ "schema.pattern", NULL, E, N_("An id or clause id does not have the required form") },
	{ "schema.precision", NULL, E, N_("An area has more than two decimals") },
	{ "schema.range", NULL, E, N_("A number is out of its range") },
	{ "schema.required", NULL, E, N_("A required key is missing") },
	{ "schema.tally", NULL, E, N_("A tally's counts do not add up") },
	{ "schema.type", NULL, E, N_("A value has the wrong type") },
	{ "schema.unknown_key", NULL, E, N_("A key is not part of the format") },
	{ "schema.version", NULL, E, N_("The format version is not one oldc reads") },
	{ "score.failed", "BC-A1", E, N_("A pilot's scorecard does not pass: too few of the indicator tiers its type requires are met (CI formats of oldc-score)") },
	{ "vote.area_needed", NULL, E, N_("The vote rule counts areas and the sheet gives none") },
	{ "vote.failed", NULL, E, N_("The motion fails: a share the vote rule requires is not met (CI formats of oldc-vote)") },
	{ "works.contradiction", "OP-8", E, N_("The works add floor area but say they do not") },
	{ "works.design_approval", "BC-3.3.3", E, N_("The works started before the design plan's approval, or without it") },
	{ "xlsx.container", NULL, E, N_("A ballots workbook is not a readable .xlsx file (not a zip, encrypted, or parts missing)") },
	{ "xlsx.date", NULL, E, N_("A cell of a ballots workbook holds a date where the sheet needs text or a number") },
	{ "xlsx.formula", NULL, E, N_("A cell of a ballots workbook holds a formula that was never calculated: it has no value") },
	{ "xlsx.merge", NULL, E, N_("A merged range of a ballots workbook spans the header and the rows below it, or two columns read") },
	{ "xlsx.merged", NULL, N, N_("Cells of a ballots workbook's merged ranges took their range's value") },
	{ "xlsx.part", NULL, E, N_("A part of a ballots workbook is not well-formed spreadsheet XML, or declares a document type") },
	{ "xlsx.sheet", NULL, E, N_("A ballots workbook has no sheet by the name or number given; or which sheet was read") },
	{ "yaml.alias", NULL, E, N_("YAML aliases are refused") },
	{ "yaml.anchor", NULL, E, N_("YAML anchors are refused") },
	{ "yaml.comment", NULL, E, N_("A YAML comment is glued to what is before it") },
	{ "yaml.complex_key", NULL, E, N_("A YAML key is not plain text") },
	{ "yaml.duplicate_key", NULL, E, N_("A YAML key is given twice") },
	{ "yaml.empty", NULL, E, N_("A YAML file is empty") },
	{ "yaml.encoding", NULL, E, N_("A YAML file is not valid UTF-8 or holds a NUL") },
	{ "yaml.indentation", NULL, E, N_("A value over several lines is not indented under its key") },
	{ "yaml.multiple_documents", NULL, E, N_("A YAML file holds more than one document") },
	{ "yaml.syntax", NULL, E, N_("A YAML file is not well-formed") },
	{ "yaml.tag", NULL, E, N_("YAML tags are refused") },
};

#undef E
#undef W
#undef N

const oldc_rule *oldc_rules(size_t *count)
{
	*count = sizeof rules / sizeof rules[0];
	return rules;
}

const oldc_rule *oldc_rule_find(const char *id)
{
	size_t lo = 0, hi = sizeof rules / sizeof rules[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(id, rules[mid].id);
		if (c == 0)
			return &rules[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
