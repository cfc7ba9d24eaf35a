/*
 * rule_table.h: every rule of oldc, one row each: the single source of a rule's id,
 * severity, the verdict it moves, the policy clause it cites, its description and what
 * to do about its findings. It is included by rules.h (the enum oldc_rule_id, R_...)
 * and by src/lib/rules.c (the catalog oldc_rules() lists: SARIF's rules, `oldc explain`
 * and its --list, the completion); there is no other list of rules. No include guard:
 * it is meant to be included with RULE defined.
 *
 *   RULE(ENUM, "id", SEVERITY, MOVES, CLAUSE, FLAGS, N_("description"), N_("what to do"))
 *
 *   ENUM      R_ and the id in capitals, dots as underscores (tests/rules/run holds
 *             the two together)
 *   id        stable: never renamed, never reused; rows sorted by it (every listing
 *             comes out in this order)
 *   SEVERITY  E, W or N: what its findings are (the worst one, where a rule may report
 *             a breach the commitment letter covers as a note)
 *   MOVES     the verdict an error of the rule moves (oldc_moves without OLDC_MOVES_):
 *             NOTHING, DEFERRED, INELIGIBLE, PILOT_INELIGIBLE, CONDITIONAL, NOT_READY
 *   CLAUSE    the policy clause it cites, by key (oldc_clause_key without
 *             OLDC_CLAUSE_): the clause id is the loaded policy's (policy.h
 *             oldc_policy_clause_key), never written in C; NONE for the rules of the
 *             loader (syntax, types, limits), which cite no clause
 *   FLAGS     oldc_rule_flag bits (rules.h), 0 for most
 *   description
 *             one line, English (N_): what a finding of the rule means
 *   what to do
 *             a sentence or two, English (N_), for the planner who has the finding:
 *             how to make it go away (the dossier key to fill, as oldc-dossier(5)
 *             spells it; the document to obtain, the date to correct, the vote to hold
 *             again); for a rule of the policy, what the policy requires, the verdict
 *             following once it is met; for a note that needs nothing, that it needs
 *             nothing. Never empty (tests/unit/test_explain.c). `oldc explain RULE`
 *             prints it, and so does a SARIF rule's help. Like the description it
 *             names a threshold in words ("the policy's participation threshold"),
 *             never by its number, and no clause id or city (tests/policy/names)
 *
 * How to add a rule: these files and no others:
 *   1. include/oldc/rule_table.h  its row, in id order;
 *   2. its code: a rule of oldc-check calls oldc_finding(c, at, R_X, fmt, ...) in one
 *      of src/lib/check_*.c (check_rules.h); a finding of the loader or the vote
 *      passes the id to oldc_diag_add. A number, a clause id or a threshold's words
 *      come from the loaded policy as arguments of the message, never in the format;
 *   3. po/zh_CN.po: the Chinese of the description, of what to do and of the messages,
 *      appended at its end;
 *   4. a test: a golden case under tests/golden/cases/ that makes the finding (and,
 *      re-blessed, the expected outputs that list every rule: explain-list and the
 *      SARIF logs, whose tool.driver.rules gains the row).
 * The catalog, SARIF's rules, `oldc explain`, the completion and the verdicts follow.
 * Only a rule that cites a clause the policy file does not name yet needs more: a key
 * (policy.h oldc_clause_key and its case in policy.c), the policy's new key (policy.c's
 * table, schemas/policy/yantai-2022.yaml, schemas/policy.schema.json, oldc-policy(5))
 * and the same key in tests/policy/other-city.yaml.
 */

RULE(R_BALLOTS_INVALID, "ballots.invalid", E, NOTHING, NONE, 0,
     N_("A ballots sheet named by the dossier is invalid; nothing is counted from it"),
     N_("Correct the sheet where its own findings, listed with this one at SHEET:ROW:COLUMN, "
        "point, then check again; oldc vote on the sheet alone shows the same findings while you "
        "work."))
RULE(R_BALLOTS_PATH, "ballots.path", E, NOTHING, NONE, 0,
     N_("A ballots path is absolute, leaves the dossier's repository or names no readable file"),
     N_("Keep the sheet inside the dossier's repository and name it by a path relative to the "
        "dossier's folder, such as ballots/consultation.csv, checking that the file exists under "
        "that name; a sheet kept elsewhere on purpose needs --allow-outside."))
RULE(R_BATCH_DUPLICATE_ID, "batch.duplicate_id", E, NOTHING, NONE, 0,
     N_("Two dossiers of one batch have the same id"),
     N_("Give each dossier its own id: correct the id of the dossier that has the wrong one (the "
        "message names the other file), or remove the copy if both files describe the same "
        "project."))
RULE(R_COMMITMENT_LETTER_DEADLINE, "commitment_letter.deadline", E, PILOT_INELIGIBLE, CONDITIONS, 0,
     N_("The commitment letter's item for an unmet pilot condition has no deadline after the letter's date"),
     N_("Record the completion deadline (完成时限) the letter sets for this condition in the item's "
        "deadline under pilot.commitment_letter.items, a date after commitment_letter.issued; if "
        "the letter sets none, or none after its own date, the district government must issue a "
        "letter that does."))
RULE(R_COMMITMENT_LETTER_ISSUED, "commitment_letter.issued", E, PILOT_INELIGIBLE, CONDITIONS, 0,
     N_("The commitment letter has deadlines but no date of issue"),
     N_("Record the date on which the district government issued the commitment letter in "
        "pilot.commitment_letter.issued; each item's deadline must fall after it."))
RULE(R_COMMITMENT_LETTER_OVERDUE, "commitment_letter.overdue", E, PILOT_INELIGIBLE, CONDITIONS, 0,
     N_("The deadline of a committed pilot condition has passed"),
     N_("Meet the condition and record it under pilot.conditions, or obtain a new commitment "
        "letter from the district government and record its date (issued) and the item's new "
        "deadline; until then the pilot is ineligible."))
RULE(R_COMPLETION_ACCEPTANCE_DATE, "completion.acceptance_date", E, NOTHING, COMPLETION, 0,
     N_("The pilot's completion milestone and the completion acceptance give different dates"),
     N_("Write the one date of the completion acceptance (竣工验收), as its record gives it, both in "
        "completion.accepted and as the actual date of pilot.milestones.completion_accepted."))
RULE(R_COMPLETION_ACCEPTED, "completion.accepted", N, NOTHING, COMPLETION, 0,
     N_("No completion acceptance (竣工验收) yet"),
     N_("Once the completion acceptance (竣工验收) has been held, record its date in "
        "completion.accepted; until then the renovation is incomplete, a note and no failure."))
RULE(R_COMPLETION_FILED, "completion.filed", N, NOTHING, COMPLETION, 0,
     N_("The renovation is accepted but not yet filed (备案)"),
     N_("File the accepted renovation with the city housing bureau (备案) and record the filing "
        "date in completion.filed."))
RULE(R_COMPLETION_ITEMS, "completion.items", N, NOTHING, COMPLETION, 0,
     N_("Content items are not yet accepted"),
     N_("Bring each content item the note names to acceptance and set its status to accepted, or "
        "mark an item that does not apply not_applicable with a reason; the renovation is "
        "complete when every item is one or the other."))
RULE(R_COMPLETION_ONSITE_CHECK, "completion.onsite_check", N, NOTHING, COMPLETION, 0,
     N_("No on-site check (现场核查) by the district housing department yet"),
     N_("Ask the district housing department for its on-site check (现场核查) that every content "
        "item is finished and accepted, and record its date in completion.onsite_check, on or "
        "after completion.accepted."))
RULE(R_COMPLETION_REPRESENTATIVES, "completion.representatives", N, NOTHING, COMPLETION, 0,
     N_("The acceptance did not invite street, community and owner representatives"),
     N_("If street, community and owner representatives took part in the acceptance, record "
        "completion.representatives_invited: true; if they did not, the renovation counts as "
        "complete only once an acceptance with them has been held."))
RULE(R_COMPLETION_SATISFACTION_SURVEY, "completion.satisfaction_survey", N, NOTHING, SURVEY, 0,
     N_("No satisfaction survey after the renovation is recorded"),
     N_("Survey the residents' satisfaction after the renovation (改造后满意度调查) and record its date "
        "in completion.satisfaction_survey, on or after completion.accepted; the note moves no "
        "verdict."))
RULE(R_CONSULTATION_APPROVAL, "consultation.approval", E, DEFERRED, CONSULTATION, 0,
     N_("Too few of the owners consulted agree: the approval threshold of the policy is not met"),
     N_("Check that the ballots sheet or the tally (agreed) records every owner who agreed; if "
        "the agreement still falls short of the policy's approval threshold, the renovation "
        "stays deferred until a consultation of the owners reaches it and is recorded in "
        "preconditions.consultation."))
RULE(R_CONSULTATION_COMMITMENT, "consultation.commitment", E, DEFERRED, CONSULTATION, 0,
     N_("One of the owners' commitments the policy lists is missing"),
     N_("Obtain the owners' commitment the message names and record it as true under "
        "preconditions.consultation.commitments; the renovation stays deferred until every "
        "commitment the policy lists is given."))
RULE(R_CONSULTATION_MISSING, "consultation.missing", E, DEFERRED, CONSULTATION, 0,
     N_("No owners' consultation (征求意见) is given"),
     N_("Consult the owners on the renovation (征求意见) and record the result in "
        "preconditions.consultation: the path of the ballots sheet in ballots, or the counts in "
        "tally (owners, consulted, agreed)."))
RULE(R_CONSULTATION_PARTICIPATION, "consultation.participation", E, DEFERRED, CONSULTATION, 0,
     N_("Too few of the owners were consulted: the participation threshold of the policy is not met"),
     N_("Reach the owners not yet consulted and record their answers, in the ballots sheet or in "
        "consulted and agreed of the tally, until those consulted reach the policy's "
        "participation threshold of all owners; until then the renovation stays deferred."))
RULE(R_CONSULTATION_UNCOUNTED, "consultation.uncounted", E, DEFERRED, CONSULTATION, 0,
     N_("The consultation's ballots sheet could not be counted"),
     N_("Make the ballots sheet countable: correct what the findings listed with this one say "
        "(ballots.path, ballots.invalid and the sheet's own), then check again; oldc vote counts "
        "the sheet alone."))
RULE(R_CONTENT_DUPLICATE, "content.duplicate", E, DEFERRED, CONTENT, 0,
     N_("A content item is listed twice"),
     N_("Keep one entry per item in content: merge the two entries into one with the item's "
        "current status and delete the other."))
RULE(R_CONTENT_REASON, "content.reason", E, DEFERRED, CONTENT, 0,
     N_("A content item marked not applicable gives no reason"),
     N_("Give the entry a reason saying why the item does not apply to this community (no space "
        "for a car park, say), or replace not_applicable by the item's real status."))
RULE(R_CONTENT_REQUIRED, "content.required", E, DEFERRED, CONTENT, 0,
     N_("A content item the policy requires is not listed"),
     N_("Add an entry for the item to content with its status (planned, in_progress, done or "
        "accepted), or, if it does not apply to this community, with status: not_applicable and "
        "a reason."))
RULE(R_CONTENT_UNKNOWN_ITEM, "content.unknown_item", E, DEFERRED, CONTENT, 0,
     N_("A content item is not in the policy's catalog"),
     N_("Write the item's id as the policy's content catalog has it (the message suggests the "
        "nearest; oldc-dossier(5) lists them), or remove the entry."))
RULE(R_CREATION_PLAN_DRAWING, "creation_plan.drawing", E, PILOT_INELIGIBLE, DRAWINGS, 0,
     N_("Drawings of the creation plan are missing"),
     N_("Add the missing drawings to the creation plan (创建方案) and list their ids in "
        "pilot.creation_plan.drawings."))
RULE(R_CREATION_PLAN_SECTION, "creation_plan.section", E, PILOT_INELIGIBLE, CREATION_PLAN, 0,
     N_("Sections of the creation plan are missing"),
     N_("Write the missing sections into the creation plan (创建方案) and list their ids in "
        "pilot.creation_plan.sections; every section the policy requires of the pilot's type "
        "must be there."))
RULE(R_CSV_AREA, "csv.area", E, NOTHING, NONE, 0,
     N_("An area in a ballots sheet is not a number of m² with at most two decimals"),
     N_("Write the area as digits with at most two decimals, without unit or thousands separator "
        "(86.25); if the spreadsheet shows it otherwise, format the column as a number and "
        "export again."))
RULE(R_CSV_COLUMN, "csv.column", E, NOTHING, NONE, 0,
     N_("A ballots sheet lacks a column its shape needs"),
     N_("Name the columns as oldc-vote(1) lists them (a ballots sheet needs a unit column such "
        "as 房号 and a vote column such as 意见; a tally needs owners, consulted and agreed), or "
        "name the vote column with --motion or the header's row with --header-row (motion and "
        "header_row in a dossier)."))
RULE(R_CSV_COUNT, "csv.count", E, NOTHING, NONE, 0,
     N_("A count in a tally sheet is not a whole number"),
     N_("Write the count as a whole number of owners, without decimals, separators or units."))
RULE(R_CSV_DEVELOPER_HELD, "csv.developer_held", E, NOTHING, NONE, 0,
     N_("The developer-held column has a value that is not yes or no"),
     N_("Write true, false, 是, 否, 1 or 0 in the developer-held column, or leave the cell empty "
        "for a part the developer does not hold."))
RULE(R_CSV_DUPLICATE_UNIT, "csv.duplicate_unit", E, NOTHING, NONE, 0,
     N_("A unit appears twice in a ballots sheet"),
     N_("List each exclusive part once: delete the repeated row, or correct the unit that was "
        "mistyped."))
RULE(R_CSV_EMPTY, "csv.empty", E, NOTHING, NONE, 0,
     N_("A ballots sheet has no rows"),
     N_("Export the sheet again with its header row and one row per exclusive part."))
RULE(R_CSV_ENCODING, "csv.encoding", E, NOTHING, NONE, 0,
     N_("A ballots sheet is neither UTF-8 nor GB18030"),
     N_("Save the sheet again as CSV UTF-8, or use the Excel workbook (.xlsx) itself; UTF-16 "
        "text and binary files cannot be read. The note that a sheet was read as GB18030 needs "
        "nothing."))
RULE(R_CSV_FIELDS, "csv.fields", E, NOTHING, NONE, 0,
     N_("A row of a ballots sheet has another number of fields than the header"),
     N_("Give the row as many fields as the header: look for a comma inside a value that is not "
        "in double quotes, or a delimiter missing or added."))
RULE(R_CSV_FORMULA, "csv.formula", W, NOTHING, NONE, 0,
     N_("A cell of a ballots sheet starts like a spreadsheet formula"),
     N_("Check that the value counted is the one meant; safer, paste the values over the "
        "formulas in the spreadsheet and export (or save) again, so that the sheet holds what "
        "was counted."))
RULE(R_CSV_HEADER, "csv.header", E, NOTHING, NONE, 0,
     N_("A ballots sheet's header names one thing twice, or its shape cannot be told"),
     N_("Rename or delete one of the two columns that name the same thing (the message names "
        "both); if the header was not found, give its row with --header-row (header_row in a "
        "dossier)."))
RULE(R_CSV_ID, "csv.id", E, NOTHING, NONE, 0,
     N_("An id in a ballots sheet is too long to be one"),
     N_("Check the column: a unit or an owner id is short, and a cell this long is a note or a "
        "column out of place."))
RULE(R_CSV_IGNORED_COLUMN, "csv.ignored_column", N, NOTHING, NONE, 0,
     N_("A column of a ballots sheet is not read (its header only is named)"),
     N_("Nothing needs doing if the columns named are not to be counted; a column meant as unit, "
        "owner, area_m2, vote or developer_held needs one of the names oldc-vote(1) lists."))
RULE(R_CSV_INVISIBLE, "csv.invisible", E, NOTHING, NONE, 0,
     N_("An id in a ballots sheet holds an invisible or text-direction character"),
     N_("Type the id in that cell again: an invisible or text-direction character makes it "
        "differ from the id it looks like."))
RULE(R_CSV_MANGLED_ID, "csv.mangled_id", E, NOTHING, NONE, 0,
     N_("An id in a ballots sheet is a number Excel rounded or wrote in scientific notation"),
     N_("Format the id column as text in the spreadsheet, type the ids again in full and export "
        "again."))
RULE(R_CSV_OWNER_BLANK, "csv.owner_blank", E, NOTHING, NONE, 0,
     N_("Rows of a ballots sheet have no owner (a merged cell exported)"),
     N_("Fill in each row's owner, or give --fill-down owner (fill_down: owner in a dossier) so "
        "that a blank owner cell takes the owner of the row above."))
RULE(R_CSV_OWNER_CONFLICT, "csv.owner_conflict", E, NOTHING, NONE, 0,
     N_("One owner's parts give conflicting answers"),
     N_("Give all the parts of one owner the one answer the owner gave (an owner counts once), "
        "or correct the owner column where two different owners share an id."))
RULE(R_CSV_OWNER_NAMES, "csv.owner_names", N, NOTHING, NONE, 0,
     N_("A ballots sheet tells owners apart by their names"),
     N_("Add an owner id column (业主编号, 身份证号) so that two owners of one name count as two; with "
        "names alone, check that no two owners share one."))
RULE(R_CSV_OWNERS, "csv.owners", E, NOTHING, NONE, 0,
     N_("--owners or --total-area does not fit the sheet"),
     N_("Give --owners at least the number of owners the sheet lists, and --total-area at least "
        "the area it lists, with an area column in the sheet."))
RULE(R_CSV_SYNTAX, "csv.syntax", E, NOTHING, NONE, 0,
     N_("A ballots sheet is not well-formed CSV"),
     N_("Close the quote near the position given, or put a value holding quotes in double quotes "
        "with each quote inside doubled; exporting the sheet again from the spreadsheet usually "
        "mends it."))
RULE(R_CSV_TALLY, "csv.tally", E, NOTHING, NONE, 0,
     N_("A tally's counts do not add up"),
     N_("Correct the row's counts from the record of the vote: consulted at most owners, agreed "
        "at most consulted, agreed, disagreed and abstained adding up to consulted, and the "
        "areas likewise."))
RULE(R_CSV_TITLE_ROWS, "csv.title_rows", N, NOTHING, NONE, 0,
     N_("Rows above a ballots sheet's header (a title) are not read"),
     N_("Nothing needs doing if the rows above the header are a title; if one of them is the "
        "header, give --header-row (header_row in a dossier)."))
RULE(R_CSV_TOTAL_ROW, "csv.total_row", E, NOTHING, NONE, 0,
     N_("A total row (合计, 小计) does not equal the rows it sums"),
     N_("Correct the total row or the rows it sums so that they agree, or delete the total row: "
        "a total row is checked, never counted."))
RULE(R_CSV_UNIT, "csv.unit", E, NOTHING, NONE, 0,
     N_("A row of a ballots sheet has no unit"),
     N_("Fill in the unit (房号) of every row; Excel writes a merged cell's value in its first row "
        "only, so unmerge and fill the cells before exporting."))
RULE(R_CSV_VOTE, "csv.vote", E, NOTHING, NONE, 0,
     N_("An answer is not one of agree, disagree, abstain or none"),
     N_("Write each answer as 同意, 不同意 (or 反对) or 弃权 (agree, disagree, abstain), or leave the "
        "cell empty for an owner who was not consulted."))
RULE(R_DATES_FUTURE, "dates.future", E, NOTHING, NONE, 0,
     N_("An actual date is after the as-of date"),
     N_("Correct the date if it was mistyped; a step still to come has no actual date yet, so "
        "leave it out until it happens (a milestone keeps its plan under planned). A dossier "
        "judged as of another day needs --as-of."))
RULE(R_DATES_ORDER, "dates.order", E, NOTHING, NONE, 0,
     N_("Two dates are in an impossible order"),
     N_("Correct whichever of the two dates the records (minutes, certificates, letters) show to "
        "be wrong; the message names both."))
RULE(R_DEMOLITION_RATIO, "demolition.ratio", E, PILOT_INELIGIBLE, DEMOLITION, OLDC_RULE_BREAKS_CONDITION,
     N_("New floor area exceeds the policy's ratio to the demolished area (拆建比)"),
     N_("Keep the new floor area (pilot.demolition.new_floor_area_m2) within the policy's ratio "
        "to the demolished area (拆建比), or correct the figures if they are wrong; a breach leaves "
        "the pilot condition on demolition (不大拆大建) unmet unless the commitment letter covers it."))
RULE(R_DEMOLITION_RESETTLEMENT, "demolition.resettlement", W, NOTHING, DEMOLITION, 0,
     N_("On-site or nearby resettlement is below the policy's share"),
     N_("Plan to resettle on site or nearby at least the policy's share of the residents and "
        "record it in pilot.demolition.onsite_resettlement_pct; if the city allows a lower "
        "share, record its approval as a waiver of this rule."))
RULE(R_DEMOLITION_SHARE, "demolition.share", E, PILOT_INELIGIBLE, DEMOLITION, OLDC_RULE_BREAKS_CONDITION,
     N_("More of the existing floor area is demolished than the policy's share allows"),
     N_("Demolish no more than the policy's share of the existing floor area, or record in "
        "pilot.demolition.exempt_floor_area_m2 the illegal structures and certified dangerous "
        "buildings, which do not count; a breach leaves the pilot condition on demolition "
        "(不大拆大建) unmet unless the commitment letter covers it."))
RULE(R_DESIGN_PLAN_HOTLINE, "design_plan.hotline", E, DEFERRED, CONSULTATION, 0,
     N_("The design plan was published without a hotline"),
     N_("Publish a service hotline with the posted design plan (公示服务电话) and record it, in "
        "quotes, in preconditions.design_plan.hotline."))
RULE(R_DESIGN_PLAN_PUBLICIZED, "design_plan.publicized", E, DEFERRED, CONSULTATION, 0,
     N_("The design plan was not posted in the community"),
     N_("Post the design plan in a prominent place in the community (张贴公示) and record the date "
        "in preconditions.design_plan.publicized."))
RULE(R_DESIGN_PLAN_STREET_COORDINATION, "design_plan.street_coordination", E, DEFERRED, CONSULTATION, 0,
     N_("The street office did not coordinate the design plan"),
     N_("Once the street office and the community have their coordination for the renovation in "
        "place (街道社区配合机制), record preconditions.design_plan.street_coordination: true; until "
        "then the renovation is deferred."))
RULE(R_DIFF_GIT, "diff.git", E, NOTHING, NONE, 0,
     N_("git cannot give oldc diff a revision or the work tree to compare"),
     N_("Run oldc diff inside a git work tree, with git installed, and name as BASE and HEAD "
        "revisions that exist there (a branch, a tag or a commit); the message says what git "
        "refused."))
RULE(R_DISTRICT_INVISIBLE, "district.invisible", E, NOTHING, NONE, 0,
     N_("A district's text holds an invisible character"),
     N_("Type the district again in district rather than pasting it; oldc init --list-districts "
        "prints the names, clean, to copy."))
RULE(R_DISTRICT_UNKNOWN, "district.unknown", E, NOTHING, NONE, 0,
     N_("A district is not one of the policy's districts"),
     N_("Write the district exactly as the policy names it: the message suggests the nearest, "
        "and oldc init --list-districts lists them all."))
RULE(R_EVALUATION_EARLY, "evaluation.early", E, NOT_READY, TRIAL_OPERATION, OLDC_RULE_ATTENTION,
     N_("The pilot applied for evaluation before its trial operation had run the months the policy gives"),
     N_("Apply for evaluation only after the completion acceptance, the delivery and the trial "
        "operation the policy requires; correct pilot.milestones.evaluation_applied if its date "
        "is wrong, or else apply again once all three are over."))
RULE(R_EVALUATION_INDICATORS, "evaluation.indicators", E, NOT_READY, EVALUATION_TIERS, 0,
     N_("The pilot applied for evaluation before every indicator tier its type requires is met"),
     N_("Meet the indicator tiers the pilot's type requires (oldc score lists the missing ones) "
        "and record each as met under pilot.indicators; until all are met the evaluation is not "
        "ready."))
RULE(R_EVALUATION_INDICATORS_SHORT, "evaluation.indicators_short", N, NOT_READY, EVALUATION_TIERS, 0,
     N_("The pilot is not ready for evaluation: not every indicator tier its type requires is met"),
     N_("Work on the tiers oldc score lists as missing and record each as met under "
        "pilot.indicators when it is; the pilot may apply for evaluation once every tier its "
        "type requires is met."))
RULE(R_EVALUATION_TRIAL_OPERATION, "evaluation.trial_operation", N, NOTHING, TRIAL_OPERATION, 0,
     N_("The pilot's trial operation has not ended yet"),
     N_("Wait for the trial operation (试运营) to end: the note gives the first day on which the "
        "pilot may apply for evaluation, to be recorded in pilot.milestones.evaluation_applied."))
RULE(R_ILLEGAL_STRUCTURES_CLEARED_DATE, "illegal_structures.cleared_date", E, DEFERRED, ILLEGAL_STRUCTURES, 0,
     N_("Illegal structures are cleared without a date"),
     N_("Record the date on which the illegal structures were cleared in "
        "preconditions.illegal_structures.cleared."))
RULE(R_ILLEGAL_STRUCTURES_STATUS, "illegal_structures.status", E, DEFERRED, ILLEGAL_STRUCTURES, 0,
     N_("Illegal structures are not cleared (拆违拆临)"),
     N_("Clear the community's illegal and temporary structures (拆违拆临) and record status: "
        "cleared with its date in cleared, or status: none_found when an inspection finds none; "
        "until then the renovation is deferred."))
RULE(R_IO_MEMORY, "io.memory", E, NOTHING, NONE, 0,
     N_("Memory ran out"),
     N_("Run again with more memory free or with fewer files at a time (a lower -j); if one file "
        "causes it, check that it is a dossier or a ballots sheet."))
RULE(R_IO_OUTPUT, "io.output", E, NOTHING, NONE, 0,
     N_("A ballots sheet the dossier names is also an output (-o) of the run"),
     N_("Write the output (-o) to another file: oldc never writes over its inputs."))
RULE(R_IO_OUTSIDE, "io.outside", E, NOTHING, NONE, 0,
     N_("A dossier is a symbolic link to a file outside its repository"),
     N_("Keep the file itself inside the repository instead of a symbolic link to a file outside "
        "it, or give --allow-outside where reading outside is intended."))
RULE(R_IO_READ, "io.read", E, NOTHING, NONE, 0,
     N_("A file cannot be read"),
     N_("Check that the path is right, that the file exists and may be read, and that it names a "
        "file, not a folder."))
RULE(R_LIMIT_CELL, "limit.cell", E, NOTHING, NONE, 0,
     N_("A cell of a ballots sheet is longer than the limit"),
     N_("Check that this is the right file: a ballots sheet holds short cells, one part per row; "
        "a cell or a workbook this large is no ballots sheet."))
RULE(R_LIMIT_COMPRESSION, "limit.compression", E, NOTHING, NONE, 0,
     N_("A part of an .xlsx workbook inflates past its declared size or the ratio limit: a zip bomb"),
     N_("Open the workbook in Excel or WPS and save it again, or export the sheet as CSV UTF-8; "
        "a workbook that inflates like this is refused as unsafe."))
RULE(R_LIMIT_DEPTH, "limit.depth", E, NOTHING, NONE, 0,
     N_("A YAML file nests deeper than the limit"),
     N_("Check the indentation: a dossier nests a few levels deep, and this file nests far "
        "deeper; correct or remove the part nested too deep."))
RULE(R_LIMIT_FILE_SIZE, "limit.file_size", E, NOTHING, NONE, 0,
     N_("A file is larger than the limit"),
     N_("Check that this is the right file: a dossier or a ballots sheet is far smaller; split a "
        "sheet that is really this large into several."))
RULE(R_LIMIT_FINDINGS, "limit.findings", N, NOTHING, NONE, 0,
     N_("A sheet has more findings than are kept; the rest are counted"),
     N_("Correct the findings shown; those beyond them are counted, most often the same mistake "
        "repeated, and appear once the first are corrected."))
RULE(R_LIMIT_NODES, "limit.nodes", E, NOTHING, NONE, 0,
     N_("A YAML file has more nodes than the limit"),
     N_("Check that this is the right file: a dossier has far fewer keys and values; split a "
        "generated file into one dossier per file."))
RULE(R_LIMIT_ROWS, "limit.rows", E, NOTHING, NONE, 0,
     N_("A ballots sheet has more rows than the limit"),
     N_("Split the sheet into several (by building, say) and count each, or check that this is "
        "the right file."))
RULE(R_LIMIT_SCALAR_LENGTH, "limit.scalar_length", E, NOTHING, NONE, 0,
     N_("A YAML value is longer than the limit"),
     N_("Shorten the value: keep a long text (a report, the minutes) in a document of its own "
        "and name it in the dossier."))
RULE(R_LISTING_OLD_COMMUNITY, "listing.old_community", E, INELIGIBLE, OLD_COMMUNITY, 0,
     N_("The community was built after the policy's year: not an old community"),
     N_("Check built_year against the community's completion records and correct it if it is "
        "wrong; if it is right, the community is not an old community under the policy and "
        "cannot be listed, and a pilot there must be of a type the policy does not tie to the "
        "year (such as new_build)."))
RULE(R_LISTING_PLAN_YEAR, "listing.plan_year", E, DEFERRED, PLAN_YEARS, 0,
     N_("The plan year is not a year of the policy"),
     N_("Set plan_year to the year of the renovation plan that lists the project, one of the "
        "years the policy covers (the message gives them)."))
RULE(R_LISTING_PRIORITY, "listing.priority", N, NOTHING, PRIORITY, 0,
     N_("The community qualifies for priority listing (优先纳入)"),
     N_("Nothing needs doing: all four priority facts are true, and the community is listed with "
        "priority (优先纳入)."))
RULE(R_LISTING_REVIEW_YEAR, "listing.review_year", N, NOTHING, PLAN_YEARS, 0,
     N_("The plan year is the review year, without a target of its own"),
     N_("Nothing needs doing if the project belongs to the review year; if it belongs to an "
        "earlier plan, correct plan_year."))
RULE(R_MILESTONE_OVERDUE, "milestone.overdue", W, NOTHING, SUPERVISION, 0,
     N_("A pilot's milestone is overdue"),
     N_("Record the milestone's actual date under pilot.milestones once it has happened; until "
        "then it counts as overdue in the supervision, unless a new date agreed with the "
        "district is recorded as planned."))
RULE(R_OWNERS_COMMITTEE_ASSEMBLY, "owners_committee.assembly", E, DEFERRED, OWNERS_COMMITTEE, 0,
     N_("No owners' assembly (业主大会) was held"),
     N_("Hold the owners' assembly (业主大会) and record its date in "
        "preconditions.owners_committee.assembly_held; the renovation stays deferred until the "
        "owners' committee is formed."))
RULE(R_OWNERS_COMMITTEE_ELECTION, "owners_committee.election", E, DEFERRED, OWNERS_COMMITTEE, 0,
     N_("No owners' committee (业主委员会) was elected"),
     N_("Elect the owners' committee (业主委员会) at the owners' assembly and record the election "
        "date in preconditions.owners_committee.committee_elected; the renovation stays deferred "
        "until then."))
RULE(R_PILOT_CONDITION, "pilot.condition", E, PILOT_INELIGIBLE, CONDITIONS, 0,
     N_("A pilot condition is unmet and not committed to"),
     N_("Meet the condition and record it under pilot.conditions (true, or the owners' vote), or "
        "have the district government cover it in its commitment letter "
        "(pilot.commitment_letter, an item with a deadline); until then the pilot is ineligible."))
RULE(R_PILOT_CONDITION_COMMITTED, "pilot.condition_committed", N, CONDITIONAL, CONDITIONS, 0,
     N_("An unmet pilot condition is covered by the commitment letter"),
     N_("Meet the condition before the letter's deadline and record it under pilot.conditions; "
        "the pilot stays conditional until then, and becomes ineligible once the deadline "
        "passes."))
RULE(R_PILOT_CONDITION_VOTE, "pilot.condition_vote", N, NOTHING, CONDITIONS, OLDC_RULE_VOTE_SHORT,
     N_("A pilot condition's vote falls short of all owners"),
     N_("Seek the agreement of the owners still missing (every owner must be consulted and "
        "agree) and record it in the sheet or the tally; until then the condition is unmet, and "
        "the finding beside this one says what follows."))
RULE(R_PILOT_REWARD, "pilot.reward", N, NOTHING, REWARD, 0,
     N_("The pilot is a candidate for the city's reward"),
     N_("Nothing needs doing now: the reward is payable once pilot.milestones.evaluated has an "
        "actual date and result: passed."))
RULE(R_PILOT_SCALE, "pilot.scale", W, NOTHING, SCALE, 0,
     N_("The pilot's population is outside the policy's range"),
     N_("Give the resident population in scope.population; if it lies outside the policy's range "
        "and the city allows the pilot all the same, record that approval as a waiver of this "
        "rule."))
RULE(R_PILOT_TIME_TO_FINISH, "pilot.time_to_finish", W, NOTHING, TRIAL_OPERATION, 0,
     N_("Completion is later than the pilot type's time to finish"),
     N_("Check the dates of the confirmed and completion_accepted milestones; if they are right, "
        "bring the acceptance forward, or record the city's approval of the longer time as a "
        "waiver of this rule."))
RULE(R_PILOT_TYPE, "pilot.type", E, PILOT_INELIGIBLE, PILOT_TYPES, 0,
     N_("The pilot has no type"),
     N_("Set pilot.type to the pilot's type, one of those the message lists: the type decides "
        "the tiers required, the time to finish and the limits that apply."))
RULE(R_PILOT_WALKING_MINUTES, "pilot.walking_minutes", W, NOTHING, SCALE, 0,
     N_("A walking time to a kindergarten or an elderly service station is over the goal"),
     N_("Plan the kindergarten or elderly service station within the policy's walking time and "
        "record the new time under pilot.walking_minutes; if the city accepts the longer walk, "
        "record that as a waiver of this rule."))
RULE(R_POLICY_DUPLICATE_ID, "policy.duplicate_id", E, NOTHING, NONE, 0,
     N_("A policy file gives one id twice"),
     N_("Give each entry of the policy file its own id (or year, number, name or code); the "
        "message names the line of the first."))
RULE(R_POLICY_PLAN_YEAR, "policy.plan_year", E, NOTHING, NONE, 0,
     N_("A plan year of a policy file lacks its targets"),
     N_("Give the plan year its targets (unit, units, floor_area_m2 and households), or mark it "
        "review: true."))
RULE(R_POLICY_RANGE, "policy.range", E, NOTHING, NONE, 0,
     N_("A policy file's number is out of its range"),
     N_("Correct the number in the policy file to one within its range; oldc-policy(5) gives the "
        "range of each."))
RULE(R_POLICY_REFERENCE, "policy.reference", E, NOTHING, NONE, 0,
     N_("A policy file's clause cites a source it does not define"),
     N_("Define the source the clause cites under documents or sources of the policy file, or "
        "correct the clause's source (for demolition.condition: one of the pilot conditions)."))
RULE(R_POLICY_VOTE_RULE, "policy.vote_rule", E, NOTHING, NONE, 0,
     N_("A policy file lacks a vote rule oldc needs"),
     N_("Add the vote rule the message names to vote_rules of the policy file: oldc check judges "
        "the owners' consultation and the pilot conditions' votes with it."))
RULE(R_RED_HEART_PROPERTY_FORMED, "red_heart_property.formed", E, DEFERRED, RED_HEART_PROPERTY, 0,
     N_("No red heart property service (红心物业) was formed"),
     N_("Form the red heart property service (红心物业) and record the date in "
        "preconditions.red_heart_property.formed, with its provider; the renovation stays "
        "deferred until it is formed."))
RULE(R_REVIEWS_EXPERT, "reviews.expert", E, DEFERRED, REVIEWS, 0,
     N_("The city's expert review (专家评审) is missing or not passed"),
     N_("Submit the project to the city's expert review (专家评审) and, once it passes, record "
        "result: passed and its date under reviews.expert; a review pending or failed keeps the "
        "renovation deferred."))
RULE(R_REVIEWS_JOINT, "reviews.joint", E, DEFERRED, REVIEWS, 0,
     N_("The district's joint review (联审) is missing or not passed"),
     N_("Take the project through the district's joint review (联审) and, once it passes, record "
        "result: passed and its date under reviews.joint; a review pending or failed keeps the "
        "renovation deferred."))
RULE(R_SCHEMA_BOOLEAN, "schema.boolean", E, NOTHING, NONE, 0,
     N_("A yes/no value is not true or false"),
     N_("Write true or false, in lower case and without quotes; oldc fix rewrites 是, 否, yes and "
        "no."))
RULE(R_SCHEMA_CONTROL, "schema.control", E, NOTHING, NONE, 0,
     N_("A text holds a control character"),
     N_("Remove the control character, often pasted in from another program; type the text again "
        "if it cannot be seen."))
RULE(R_SCHEMA_DATE, "schema.date", E, NOTHING, NONE, 0,
     N_("A date is not a real date YYYY-MM-DD"),
     N_("Write the date as YYYY-MM-DD, a day that exists; oldc fix rewrites a date written with "
        "slashes, with dots or with 年月日."))
RULE(R_SCHEMA_DUPLICATE, "schema.duplicate", E, NOTHING, NONE, 0,
     N_("A list names one item twice"),
     N_("List the section or drawing once."))
RULE(R_SCHEMA_EMPTY, "schema.empty", E, NOTHING, NONE, 0,
     N_("A required text or list is empty"),
     N_("Give the key a value, or remove the key while the fact is not known (an absent key "
        "means the step has not happened yet)."))
RULE(R_SCHEMA_ENUM, "schema.enum", E, NOTHING, NONE, 0,
     N_("A value is not one of the allowed words"),
     N_("Write one of the allowed words, in lower case, as the message lists them or suggests "
        "the nearest; oldc-dossier(5) lists each key's words."))
RULE(R_SCHEMA_EXCLUSIVE, "schema.exclusive", E, NOTHING, NONE, 0,
     N_("Two keys that exclude each other are both given"),
     N_("Keep one of the two keys: a vote is given by a ballots sheet or by a tally, not both."))
RULE(R_SCHEMA_LINE_BREAK, "schema.line_break", E, NOTHING, NONE, 0,
     N_("A text of one line (a name, a district, a path) holds a line break"),
     N_("Write the value on one line."))
RULE(R_SCHEMA_NEGATIVE, "schema.negative", E, NOTHING, NONE, 0,
     N_("A number is negative"),
     N_("Correct the value: an area is 0 or more."))
RULE(R_SCHEMA_PATTERN, "schema.pattern", E, NOTHING, NONE, 0,
     N_("An id or clause id does not have the required form"),
     N_("Write the id with the allowed characters only (the message says which), without spaces, "
        "and quote an id that looks like a number."))
RULE(R_SCHEMA_PRECISION, "schema.precision", E, NOTHING, NONE, 0,
     N_("An area has more than two decimals"),
     N_("Round the value to two decimals (hundredths)."))
RULE(R_SCHEMA_RANGE, "schema.range", E, NOTHING, NONE, 0,
     N_("A number is out of its range"),
     N_("Correct the number to one in the range the message gives."))
RULE(R_SCHEMA_REQUIRED, "schema.required", E, NOTHING, NONE, 0,
     N_("A required key is missing"),
     N_("Add the key the message names, or remove the entry or section that lacks it."))
RULE(R_SCHEMA_TALLY, "schema.tally", E, NOTHING, NONE, 0,
     N_("A tally's counts do not add up"),
     N_("Correct the tally from the record of the vote: consulted at most owners, agreed at most "
        "consulted, agreed, disagreed and abstained adding up to consulted, and the areas "
        "likewise."))
RULE(R_SCHEMA_TYPE, "schema.type", E, NOTHING, NONE, 0,
     N_("A value has the wrong type"),
     N_("Give a value of the kind the key needs (the message says which): quote text that looks "
        "like a number or a boolean, and write numbers and booleans without quotes; oldc fix "
        "rewrites a number written with separators or a unit."))
RULE(R_SCHEMA_UNKNOWN_KEY, "schema.unknown_key", E, NOTHING, NONE, 0,
     N_("A key is not part of the format"),
     N_("Correct the key's spelling (the message suggests the nearest) or remove it; "
        "oldc-dossier(5) lists the keys, and a note belongs in a comment (#)."))
RULE(R_SCHEMA_VERSION, "schema.version", E, NOTHING, NONE, 0,
     N_("The format version is not one oldc reads"),
     N_("Write oldc: 1, the version of the format this oldc reads."))
RULE(R_SCORE_FAILED, "score.failed", E, NOTHING, INDICATORS, 0,
     N_("A pilot's scorecard does not pass: too few of the indicator tiers its type requires are met (CI formats of oldc-score)"),
     N_("Meet the indicator tiers the scorecard lists as missing and record them as met under "
        "pilot.indicators, or give pilot.type if the message says it is missing."))
RULE(R_SETTINGS_SEVERITY, "settings.severity", E, NOTHING, NONE, 0,
     N_("A severity override of the settings names no rule of oldc, or one that is not of warning level"),
     N_("Name in the severity list of .oldc.yaml only rules of warning level, by their ids (oldc "
        "explain RULE shows a rule's level); an error cannot be lowered."))
RULE(R_VOTE_AREA_NEEDED, "vote.area_needed", E, NOTHING, NONE, 0,
     N_("The vote rule counts areas and the sheet gives none"),
     N_("Add an area column (area_m2, 专有部分面积) to the sheet, or count with a rule that counts "
        "owners only."))
RULE(R_VOTE_FAILED, "vote.failed", E, NOTHING, NONE, 0,
     N_("The motion fails: a share the vote rule requires is not met (CI formats of oldc-vote)"),
     N_("Check the sheet and the --rule chosen; if both are right, the motion has failed, and "
        "only another vote of the owners can pass it."))
RULE(R_WAIVER_RULE, "waiver.rule", E, NOTHING, NONE, 0,
     N_("A waiver names no rule of oldc, or a rule whose findings are errors, which cannot be waived"),
     N_("Waive only a rule of warning or note level, by its id as oldc explain --list gives it; "
        "the finding of an error must be mended, not waived."))
RULE(R_WAIVER_UNUSED, "waiver.unused", W, NOTHING, NONE, 0,
     N_("A waiver of the dossier matches none of its findings"),
     N_("Remove the waiver if the finding it allowed is gone, or correct its rule id."))
RULE(R_WORKS_CONTRADICTION, "works.contradiction", E, NOTHING, APPROVALS, 0,
     N_("The works add floor area but say they do not"),
     N_("Set works.adds_floor_area: true, as a new build adds floor area, or correct "
        "works.new_build_floor_area_m2 to 0 if nothing is newly built."))
RULE(R_WORKS_DESIGN_APPROVAL, "works.design_approval", E, NOTHING, DESIGN_APPROVAL, 0,
     N_("The works started before the design plan's approval, or without it"),
     N_("Correct the milestones' actual dates if the records differ; if they are right, the "
        "works began before the design plan was approved, which the policy does not allow: "
        "record the approval under pilot.milestones.design_approved once it is given."))
RULE(R_XLSX_CONTAINER, "xlsx.container", E, NOTHING, NONE, 0,
     N_("A ballots workbook is not a readable .xlsx file (not a zip, encrypted, or parts missing)"),
     N_("Open the workbook in Excel or WPS and save it again as an Excel workbook (.xlsx) "
        "without a password, or export the sheet as CSV UTF-8."))
RULE(R_XLSX_DATE, "xlsx.date", E, NOTHING, NONE, 0,
     N_("A cell of a ballots workbook holds a date where the sheet needs text or a number"),
     N_("Format the column as text (or as a number) in the spreadsheet, type its values again, "
        "and save."))
RULE(R_XLSX_FORMULA, "xlsx.formula", E, NOTHING, NONE, 0,
     N_("A cell of a ballots workbook holds a formula that was never calculated: it has no value"),
     N_("Open the workbook in Excel or WPS and save it again, so that each formula's value is "
        "stored, or paste the values over the formulas."))
RULE(R_XLSX_MERGE, "xlsx.merge", E, NOTHING, NONE, 0,
     N_("A merged range of a ballots workbook spans the header and the rows below it, or two columns read"),
     N_("Unmerge the range the message names, so that the header is one row and each column read "
        "has its own cells, and save again."))
RULE(R_XLSX_MERGED, "xlsx.merged", N, NOTHING, NONE, 0,
     N_("Cells of a ballots workbook's merged ranges took their range's value"),
     N_("Nothing needs doing if each merged value belongs to every row its range spans; "
        "otherwise unmerge the cells and fill in each row."))
RULE(R_XLSX_PART, "xlsx.part", E, NOTHING, NONE, 0,
     N_("A part of a ballots workbook is not well-formed spreadsheet XML, or declares a document type"),
     N_("Open the workbook in Excel or WPS and save it again; a part that is not well-formed, or "
        "declares a document type, comes from a damaged or crafted file."))
RULE(R_XLSX_SHEET, "xlsx.sheet", E, NOTHING, NONE, 0,
     N_("A ballots workbook has no sheet by the name or number given; or which sheet was read"),
     N_("Give the sheet to read by its name or its number from 1 (--sheet, or sheet in a "
        "dossier), as the message lists them; the note that names the sheet read needs nothing "
        "if it is the right one."))
RULE(R_YAML_ALIAS, "yaml.alias", E, NOTHING, NONE, 0,
     N_("YAML aliases are refused"),
     N_("Write the value out in full where the alias (*name) stands."))
RULE(R_YAML_ANCHOR, "yaml.anchor", E, NOTHING, NONE, 0,
     N_("YAML anchors are refused"),
     N_("Remove the anchor (&name) and write the value out in full wherever it is needed."))
RULE(R_YAML_COMMENT, "yaml.comment", E, NOTHING, NONE, 0,
     N_("A YAML comment is glued to what is before it"),
     N_("Put a space before the # that starts the comment, or put the value in quotes if the # "
        "belongs to it."))
RULE(R_YAML_COMPLEX_KEY, "yaml.complex_key", E, NOTHING, NONE, 0,
     N_("A YAML key is not plain text"),
     N_("Write the key as a plain word: the format's keys are lower-case words joined by "
        "underscores."))
RULE(R_YAML_DUPLICATE_KEY, "yaml.duplicate_key", E, NOTHING, NONE, 0,
     N_("A YAML key is given twice"),
     N_("Keep one of the two keys: move what the second holds into the first and delete the "
        "second."))
RULE(R_YAML_EMPTY, "yaml.empty", E, NOTHING, NONE, 0,
     N_("A YAML file is empty"),
     N_("Fill the file in, or start it again with oldc init, which writes a dossier from the "
        "policy."))
RULE(R_YAML_ENCODING, "yaml.encoding", E, NOTHING, NONE, 0,
     N_("A YAML file is not valid UTF-8 or holds a NUL"),
     N_("Save the file again as UTF-8 (an editor may have saved it as GBK); a file that holds a "
        "NUL byte is not a text file."))
RULE(R_YAML_INDENTATION, "yaml.indentation", E, NOTHING, NONE, 0,
     N_("A value over several lines is not indented under its key"),
     N_("Indent the lines that go on a value more than its key, with spaces, or close the quote "
        "or bracket on the line where it opens."))
RULE(R_YAML_MULTIPLE_DOCUMENTS, "yaml.multiple_documents", E, NOTHING, NONE, 0,
     N_("A YAML file holds more than one document"),
     N_("Keep one dossier per file: remove the --- line and what follows it, or move that part "
        "to a file of its own."))
RULE(R_YAML_SYNTAX, "yaml.syntax", E, NOTHING, NONE, 0,
     N_("A YAML file is not well-formed"),
     N_("Correct the YAML at the position given or on the line above: a space missing after a "
        "colon, a tab, an unclosed quote or bracket; oldc fix rewrites full-width colons and "
        "spaces."))
RULE(R_YAML_TAG, "yaml.tag", E, NOTHING, NONE, 0,
     N_("YAML tags are refused"),
     N_("Remove the tag (!!str, !x or a TAG directive); to make a value text, put it in quotes."))
