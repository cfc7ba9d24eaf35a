/*
 * rule_table.h: every rule of oldc, one row each: the single source of a rule's id,
 * severity, the verdict it moves, the policy clause it cites and its description. It
 * is included by rules.h (the enum oldc_rule_id, R_...) and by src/lib/rules.c (the
 * catalog oldc_rules() lists: SARIF's rules, `oldc explain --list`, the completion);
 * there is no other list of rules. No include guard: it is meant to be included with
 * RULE defined.
 *
 *   RULE(ENUM, "id", SEVERITY, MOVES, CLAUSE, FLAGS, N_("description"))
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
 *
 * How to add a rule: these files and no others:
 *   1. include/oldc/rule_table.h  its row, in id order;
 *   2. its code: a rule of oldc-check calls oldc_finding(c, at, R_X, fmt, ...) in one
 *      of src/lib/check_*.c (check_rules.h); a finding of the loader or the vote
 *      passes the id to oldc_diag_add. A number, a clause id or a threshold's words
 *      come from the loaded policy as arguments of the message, never in the format;
 *   3. po/zh_CN.po: the description's and the messages' Chinese, appended at its end;
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
     N_("A ballots sheet named by the dossier is invalid; nothing is counted from it"))
RULE(R_BALLOTS_PATH, "ballots.path", E, NOTHING, NONE, 0,
     N_("A ballots path is absolute, leaves the dossier's repository or names no readable file"))
RULE(R_BATCH_DUPLICATE_ID, "batch.duplicate_id", E, NOTHING, NONE, 0,
     N_("Two dossiers of one batch have the same id"))
RULE(R_COMMITMENT_LETTER_DEADLINE, "commitment_letter.deadline", E, PILOT_INELIGIBLE, CONDITIONS, 0,
     N_("The commitment letter's item for an unmet pilot condition has no deadline after the letter's date"))
RULE(R_COMMITMENT_LETTER_ISSUED, "commitment_letter.issued", E, PILOT_INELIGIBLE, CONDITIONS, 0,
     N_("The commitment letter has deadlines but no date of issue"))
RULE(R_COMMITMENT_LETTER_OVERDUE, "commitment_letter.overdue", E, PILOT_INELIGIBLE, CONDITIONS, 0,
     N_("The deadline of a committed pilot condition has passed"))
RULE(R_COMPLETION_ACCEPTANCE_DATE, "completion.acceptance_date", E, NOTHING, COMPLETION, 0,
     N_("The pilot's completion milestone and the completion acceptance give different dates"))
RULE(R_COMPLETION_ACCEPTED, "completion.accepted", N, NOTHING, COMPLETION, 0,
     N_("No completion acceptance (竣工验收) yet"))
RULE(R_COMPLETION_FILED, "completion.filed", N, NOTHING, COMPLETION, 0,
     N_("The renovation is accepted but not yet filed (备案)"))
RULE(R_COMPLETION_ITEMS, "completion.items", N, NOTHING, COMPLETION, 0,
     N_("Content items are not yet accepted"))
RULE(R_COMPLETION_ONSITE_CHECK, "completion.onsite_check", N, NOTHING, COMPLETION, 0,
     N_("No on-site check (现场核查) by the district housing department yet"))
RULE(R_COMPLETION_REPRESENTATIVES, "completion.representatives", N, NOTHING, COMPLETION, 0,
     N_("The acceptance did not invite street, community and owner representatives"))
RULE(R_COMPLETION_SATISFACTION_SURVEY, "completion.satisfaction_survey", N, NOTHING, SURVEY, 0,
     N_("No satisfaction survey after the renovation is recorded"))
RULE(R_CONSULTATION_APPROVAL, "consultation.approval", E, DEFERRED, CONSULTATION, 0,
     N_("Too few of the owners consulted agree: the approval threshold of the policy is not met"))
RULE(R_CONSULTATION_COMMITMENT, "consultation.commitment", E, DEFERRED, CONSULTATION, 0,
     N_("One of the owners' commitments the policy lists is missing"))
RULE(R_CONSULTATION_MISSING, "consultation.missing", E, DEFERRED, CONSULTATION, 0,
     N_("No owners' consultation (征求意见) is given"))
RULE(R_CONSULTATION_PARTICIPATION, "consultation.participation", E, DEFERRED, CONSULTATION, 0,
     N_("Too few of the owners were consulted: the participation threshold of the policy is not met"))
RULE(R_CONSULTATION_UNCOUNTED, "consultation.uncounted", E, DEFERRED, CONSULTATION, 0,
     N_("The consultation's ballots sheet could not be counted"))
RULE(R_CONTENT_DUPLICATE, "content.duplicate", E, DEFERRED, CONTENT, 0,
     N_("A content item is listed twice"))
RULE(R_CONTENT_REASON, "content.reason", E, DEFERRED, CONTENT, 0,
     N_("A content item marked not applicable gives no reason"))
RULE(R_CONTENT_REQUIRED, "content.required", E, DEFERRED, CONTENT, 0,
     N_("A content item the policy requires is not listed"))
RULE(R_CONTENT_UNKNOWN_ITEM, "content.unknown_item", E, DEFERRED, CONTENT, 0,
     N_("A content item is not in the policy's catalog"))
RULE(R_CREATION_PLAN_DRAWING, "creation_plan.drawing", E, PILOT_INELIGIBLE, DRAWINGS, 0,
     N_("Drawings of the creation plan are missing"))
RULE(R_CREATION_PLAN_SECTION, "creation_plan.section", E, PILOT_INELIGIBLE, CREATION_PLAN, 0,
     N_("Sections of the creation plan are missing"))
RULE(R_CSV_AREA, "csv.area", E, NOTHING, NONE, 0,
     N_("An area in a ballots sheet is not a number of m² with at most two decimals"))
RULE(R_CSV_COLUMN, "csv.column", E, NOTHING, NONE, 0,
     N_("A ballots sheet lacks a column its shape needs"))
RULE(R_CSV_COUNT, "csv.count", E, NOTHING, NONE, 0,
     N_("A count in a tally sheet is not a whole number"))
RULE(R_CSV_DEVELOPER_HELD, "csv.developer_held", E, NOTHING, NONE, 0,
     N_("The developer-held column has a value that is not yes or no"))
RULE(R_CSV_DUPLICATE_UNIT, "csv.duplicate_unit", E, NOTHING, NONE, 0,
     N_("A unit appears twice in a ballots sheet"))
RULE(R_CSV_EMPTY, "csv.empty", E, NOTHING, NONE, 0,
     N_("A ballots sheet has no rows"))
RULE(R_CSV_ENCODING, "csv.encoding", E, NOTHING, NONE, 0,
     N_("A ballots sheet is neither UTF-8 nor GB18030"))
RULE(R_CSV_FIELDS, "csv.fields", E, NOTHING, NONE, 0,
     N_("A row of a ballots sheet has another number of fields than the header"))
RULE(R_CSV_FORMULA, "csv.formula", W, NOTHING, NONE, 0,
     N_("A cell of a ballots sheet starts like a spreadsheet formula"))
RULE(R_CSV_HEADER, "csv.header", E, NOTHING, NONE, 0,
     N_("A ballots sheet's header names one thing twice, or its shape cannot be told"))
RULE(R_CSV_ID, "csv.id", E, NOTHING, NONE, 0,
     N_("An id in a ballots sheet is too long to be one"))
RULE(R_CSV_IGNORED_COLUMN, "csv.ignored_column", N, NOTHING, NONE, 0,
     N_("A column of a ballots sheet is not read (its header only is named)"))
RULE(R_CSV_INVISIBLE, "csv.invisible", E, NOTHING, NONE, 0,
     N_("An id in a ballots sheet holds an invisible or text-direction character"))
RULE(R_CSV_MANGLED_ID, "csv.mangled_id", E, NOTHING, NONE, 0,
     N_("An id in a ballots sheet is a number Excel rounded or wrote in scientific notation"))
RULE(R_CSV_OWNER_BLANK, "csv.owner_blank", E, NOTHING, NONE, 0,
     N_("Rows of a ballots sheet have no owner (a merged cell exported)"))
RULE(R_CSV_OWNER_CONFLICT, "csv.owner_conflict", E, NOTHING, NONE, 0,
     N_("One owner's parts give conflicting answers"))
RULE(R_CSV_OWNER_NAMES, "csv.owner_names", N, NOTHING, NONE, 0,
     N_("A ballots sheet tells owners apart by their names"))
RULE(R_CSV_OWNERS, "csv.owners", E, NOTHING, NONE, 0,
     N_("--owners or --total-area does not fit the sheet"))
RULE(R_CSV_SYNTAX, "csv.syntax", E, NOTHING, NONE, 0,
     N_("A ballots sheet is not well-formed CSV"))
RULE(R_CSV_TALLY, "csv.tally", E, NOTHING, NONE, 0,
     N_("A tally's counts do not add up"))
RULE(R_CSV_TITLE_ROWS, "csv.title_rows", N, NOTHING, NONE, 0,
     N_("Rows above a ballots sheet's header (a title) are not read"))
RULE(R_CSV_TOTAL_ROW, "csv.total_row", E, NOTHING, NONE, 0,
     N_("A total row (合计, 小计) does not equal the rows it sums"))
RULE(R_CSV_UNIT, "csv.unit", E, NOTHING, NONE, 0,
     N_("A row of a ballots sheet has no unit"))
RULE(R_CSV_VOTE, "csv.vote", E, NOTHING, NONE, 0,
     N_("An answer is not one of agree, disagree, abstain or none"))
RULE(R_DATES_FUTURE, "dates.future", E, NOTHING, NONE, 0,
     N_("An actual date is after the as-of date"))
RULE(R_DATES_ORDER, "dates.order", E, NOTHING, NONE, 0,
     N_("Two dates are in an impossible order"))
RULE(R_DEMOLITION_RATIO, "demolition.ratio", E, PILOT_INELIGIBLE, DEMOLITION, OLDC_RULE_BREAKS_CONDITION,
     N_("New floor area exceeds the policy's ratio to the demolished area (拆建比)"))
RULE(R_DEMOLITION_RESETTLEMENT, "demolition.resettlement", W, NOTHING, DEMOLITION, 0,
     N_("On-site or nearby resettlement is below the policy's share"))
RULE(R_DEMOLITION_SHARE, "demolition.share", E, PILOT_INELIGIBLE, DEMOLITION, OLDC_RULE_BREAKS_CONDITION,
     N_("More of the existing floor area is demolished than the policy's share allows"))
RULE(R_DESIGN_PLAN_HOTLINE, "design_plan.hotline", E, DEFERRED, CONSULTATION, 0,
     N_("The design plan was published without a hotline"))
RULE(R_DESIGN_PLAN_PUBLICIZED, "design_plan.publicized", E, DEFERRED, CONSULTATION, 0,
     N_("The design plan was not posted in the community"))
RULE(R_DESIGN_PLAN_STREET_COORDINATION, "design_plan.street_coordination", E, DEFERRED, CONSULTATION, 0,
     N_("The street office did not coordinate the design plan"))
RULE(R_DIFF_GIT, "diff.git", E, NOTHING, NONE, 0,
     N_("git cannot give oldc diff a revision or the work tree to compare"))
RULE(R_DISTRICT_INVISIBLE, "district.invisible", E, NOTHING, NONE, 0,
     N_("A district's text holds an invisible character"))
RULE(R_DISTRICT_UNKNOWN, "district.unknown", E, NOTHING, NONE, 0,
     N_("A district is not one of the policy's districts"))
RULE(R_EVALUATION_EARLY, "evaluation.early", E, NOT_READY, TRIAL_OPERATION, OLDC_RULE_ATTENTION,
     N_("The pilot applied for evaluation before its trial operation had run the months the policy gives"))
RULE(R_EVALUATION_INDICATORS, "evaluation.indicators", E, NOT_READY, EVALUATION_TIERS, 0,
     N_("The pilot applied for evaluation before every indicator tier its type requires is met"))
RULE(R_EVALUATION_INDICATORS_SHORT, "evaluation.indicators_short", N, NOT_READY, EVALUATION_TIERS, 0,
     N_("The pilot is not ready for evaluation: not every indicator tier its type requires is met"))
RULE(R_EVALUATION_TRIAL_OPERATION, "evaluation.trial_operation", N, NOTHING, TRIAL_OPERATION, 0,
     N_("The pilot's trial operation has not ended yet"))
RULE(R_ILLEGAL_STRUCTURES_CLEARED_DATE, "illegal_structures.cleared_date", E, DEFERRED, ILLEGAL_STRUCTURES, 0,
     N_("Illegal structures are cleared without a date"))
RULE(R_ILLEGAL_STRUCTURES_STATUS, "illegal_structures.status", E, DEFERRED, ILLEGAL_STRUCTURES, 0,
     N_("Illegal structures are not cleared (拆违拆临)"))
RULE(R_IO_MEMORY, "io.memory", E, NOTHING, NONE, 0,
     N_("Memory ran out"))
RULE(R_IO_OUTPUT, "io.output", E, NOTHING, NONE, 0,
     N_("A ballots sheet the dossier names is also an output (-o) of the run"))
RULE(R_IO_OUTSIDE, "io.outside", E, NOTHING, NONE, 0,
     N_("A dossier is a symbolic link to a file outside its repository"))
RULE(R_IO_READ, "io.read", E, NOTHING, NONE, 0,
     N_("A file cannot be read"))
RULE(R_LIMIT_CELL, "limit.cell", E, NOTHING, NONE, 0,
     N_("A cell of a ballots sheet is longer than the limit"))
RULE(R_LIMIT_COMPRESSION, "limit.compression", E, NOTHING, NONE, 0,
     N_("A part of an .xlsx workbook inflates past its declared size or the ratio limit: a zip bomb"))
RULE(R_LIMIT_DEPTH, "limit.depth", E, NOTHING, NONE, 0,
     N_("A YAML file nests deeper than the limit"))
RULE(R_LIMIT_FILE_SIZE, "limit.file_size", E, NOTHING, NONE, 0,
     N_("A file is larger than the limit"))
RULE(R_LIMIT_FINDINGS, "limit.findings", N, NOTHING, NONE, 0,
     N_("A sheet has more findings than are kept; the rest are counted"))
RULE(R_LIMIT_NODES, "limit.nodes", E, NOTHING, NONE, 0,
     N_("A YAML file has more nodes than the limit"))
RULE(R_LIMIT_ROWS, "limit.rows", E, NOTHING, NONE, 0,
     N_("A ballots sheet has more rows than the limit"))
RULE(R_LIMIT_SCALAR_LENGTH, "limit.scalar_length", E, NOTHING, NONE, 0,
     N_("A YAML value is longer than the limit"))
RULE(R_LISTING_OLD_COMMUNITY, "listing.old_community", E, INELIGIBLE, OLD_COMMUNITY, 0,
     N_("The community was built after the policy's year: not an old community"))
RULE(R_LISTING_PLAN_YEAR, "listing.plan_year", E, DEFERRED, PLAN_YEARS, 0,
     N_("The plan year is not a year of the policy"))
RULE(R_LISTING_PRIORITY, "listing.priority", N, NOTHING, PRIORITY, 0,
     N_("The community qualifies for priority listing (优先纳入)"))
RULE(R_LISTING_REVIEW_YEAR, "listing.review_year", N, NOTHING, PLAN_YEARS, 0,
     N_("The plan year is the review year, without a target of its own"))
RULE(R_MILESTONE_OVERDUE, "milestone.overdue", W, NOTHING, SUPERVISION, 0,
     N_("A pilot's milestone is overdue"))
RULE(R_OWNERS_COMMITTEE_ASSEMBLY, "owners_committee.assembly", E, DEFERRED, OWNERS_COMMITTEE, 0,
     N_("No owners' assembly (业主大会) was held"))
RULE(R_OWNERS_COMMITTEE_ELECTION, "owners_committee.election", E, DEFERRED, OWNERS_COMMITTEE, 0,
     N_("No owners' committee (业主委员会) was elected"))
RULE(R_PILOT_CONDITION, "pilot.condition", E, PILOT_INELIGIBLE, CONDITIONS, 0,
     N_("A pilot condition is unmet and not committed to"))
RULE(R_PILOT_CONDITION_COMMITTED, "pilot.condition_committed", N, CONDITIONAL, CONDITIONS, 0,
     N_("An unmet pilot condition is covered by the commitment letter"))
RULE(R_PILOT_CONDITION_VOTE, "pilot.condition_vote", N, NOTHING, CONDITIONS, OLDC_RULE_VOTE_SHORT,
     N_("A pilot condition's vote falls short of all owners"))
RULE(R_PILOT_REWARD, "pilot.reward", N, NOTHING, REWARD, 0,
     N_("The pilot is a candidate for the city's reward"))
RULE(R_PILOT_SCALE, "pilot.scale", W, NOTHING, SCALE, 0,
     N_("The pilot's population is outside the policy's range"))
RULE(R_PILOT_TIME_TO_FINISH, "pilot.time_to_finish", W, NOTHING, TRIAL_OPERATION, 0,
     N_("Completion is later than the pilot type's time to finish"))
RULE(R_PILOT_TYPE, "pilot.type", E, PILOT_INELIGIBLE, PILOT_TYPES, 0,
     N_("The pilot has no type"))
RULE(R_PILOT_WALKING_MINUTES, "pilot.walking_minutes", W, NOTHING, SCALE, 0,
     N_("A walking time to a kindergarten or an elderly service station is over the goal"))
RULE(R_POLICY_DUPLICATE_ID, "policy.duplicate_id", E, NOTHING, NONE, 0,
     N_("A policy file gives one id twice"))
RULE(R_POLICY_PLAN_YEAR, "policy.plan_year", E, NOTHING, NONE, 0,
     N_("A plan year of a policy file lacks its targets"))
RULE(R_POLICY_RANGE, "policy.range", E, NOTHING, NONE, 0,
     N_("A policy file's number is out of its range"))
RULE(R_POLICY_REFERENCE, "policy.reference", E, NOTHING, NONE, 0,
     N_("A policy file's clause cites a source it does not define"))
RULE(R_POLICY_VOTE_RULE, "policy.vote_rule", E, NOTHING, NONE, 0,
     N_("A policy file lacks a vote rule oldc needs"))
RULE(R_RED_HEART_PROPERTY_FORMED, "red_heart_property.formed", E, DEFERRED, RED_HEART_PROPERTY, 0,
     N_("No red heart property service (红心物业) was formed"))
RULE(R_REVIEWS_EXPERT, "reviews.expert", E, DEFERRED, REVIEWS, 0,
     N_("The city's expert review (专家评审) is missing or not passed"))
RULE(R_REVIEWS_JOINT, "reviews.joint", E, DEFERRED, REVIEWS, 0,
     N_("The district's joint review (联审) is missing or not passed"))
RULE(R_SCHEMA_BOOLEAN, "schema.boolean", E, NOTHING, NONE, 0,
     N_("A yes/no value is not true or false"))
RULE(R_SCHEMA_CONTROL, "schema.control", E, NOTHING, NONE, 0,
     N_("A text holds a control character"))
RULE(R_SCHEMA_DATE, "schema.date", E, NOTHING, NONE, 0,
     N_("A date is not a real date YYYY-MM-DD"))
RULE(R_SCHEMA_DUPLICATE, "schema.duplicate", E, NOTHING, NONE, 0,
     N_("A list names one item twice"))
RULE(R_SCHEMA_EMPTY, "schema.empty", E, NOTHING, NONE, 0,
     N_("A required text or list is empty"))
RULE(R_SCHEMA_ENUM, "schema.enum", E, NOTHING, NONE, 0,
     N_("A value is not one of the allowed words"))
RULE(R_SCHEMA_EXCLUSIVE, "schema.exclusive", E, NOTHING, NONE, 0,
     N_("Two keys that exclude each other are both given"))
RULE(R_SCHEMA_LINE_BREAK, "schema.line_break", E, NOTHING, NONE, 0,
     N_("A text of one line (a name, a district, a path) holds a line break"))
RULE(R_SCHEMA_NEGATIVE, "schema.negative", E, NOTHING, NONE, 0,
     N_("A number is negative"))
RULE(R_SCHEMA_PATTERN, "schema.pattern", E, NOTHING, NONE, 0,
     N_("An id or clause id does not have the required form"))
RULE(R_SCHEMA_PRECISION, "schema.precision", E, NOTHING, NONE, 0,
     N_("An area has more than two decimals"))
RULE(R_SCHEMA_RANGE, "schema.range", E, NOTHING, NONE, 0,
     N_("A number is out of its range"))
RULE(R_SCHEMA_REQUIRED, "schema.required", E, NOTHING, NONE, 0,
     N_("A required key is missing"))
RULE(R_SCHEMA_TALLY, "schema.tally", E, NOTHING, NONE, 0,
     N_("A tally's counts do not add up"))
RULE(R_SCHEMA_TYPE, "schema.type", E, NOTHING, NONE, 0,
     N_("A value has the wrong type"))
RULE(R_SCHEMA_UNKNOWN_KEY, "schema.unknown_key", E, NOTHING, NONE, 0,
     N_("A key is not part of the format"))
RULE(R_SCHEMA_VERSION, "schema.version", E, NOTHING, NONE, 0,
     N_("The format version is not one oldc reads"))
RULE(R_SCORE_FAILED, "score.failed", E, NOTHING, INDICATORS, 0,
     N_("A pilot's scorecard does not pass: too few of the indicator tiers its type requires are met (CI formats of oldc-score)"))
RULE(R_SETTINGS_SEVERITY, "settings.severity", E, NOTHING, NONE, 0,
     N_("A severity override of the settings names no rule of oldc, or one that is not of warning level"))
RULE(R_VOTE_AREA_NEEDED, "vote.area_needed", E, NOTHING, NONE, 0,
     N_("The vote rule counts areas and the sheet gives none"))
RULE(R_VOTE_FAILED, "vote.failed", E, NOTHING, NONE, 0,
     N_("The motion fails: a share the vote rule requires is not met (CI formats of oldc-vote)"))
RULE(R_WAIVER_RULE, "waiver.rule", E, NOTHING, NONE, 0,
     N_("A waiver names no rule of oldc, or a rule whose findings are errors, which cannot be waived"))
RULE(R_WAIVER_UNUSED, "waiver.unused", W, NOTHING, NONE, 0,
     N_("A waiver of the dossier matches none of its findings"))
RULE(R_WORKS_CONTRADICTION, "works.contradiction", E, NOTHING, APPROVALS, 0,
     N_("The works add floor area but say they do not"))
RULE(R_WORKS_DESIGN_APPROVAL, "works.design_approval", E, NOTHING, DESIGN_APPROVAL, 0,
     N_("The works started before the design plan's approval, or without it"))
RULE(R_XLSX_CONTAINER, "xlsx.container", E, NOTHING, NONE, 0,
     N_("A ballots workbook is not a readable .xlsx file (not a zip, encrypted, or parts missing)"))
RULE(R_XLSX_DATE, "xlsx.date", E, NOTHING, NONE, 0,
     N_("A cell of a ballots workbook holds a date where the sheet needs text or a number"))
RULE(R_XLSX_FORMULA, "xlsx.formula", E, NOTHING, NONE, 0,
     N_("A cell of a ballots workbook holds a formula that was never calculated: it has no value"))
RULE(R_XLSX_MERGE, "xlsx.merge", E, NOTHING, NONE, 0,
     N_("A merged range of a ballots workbook spans the header and the rows below it, or two columns read"))
RULE(R_XLSX_MERGED, "xlsx.merged", N, NOTHING, NONE, 0,
     N_("Cells of a ballots workbook's merged ranges took their range's value"))
RULE(R_XLSX_PART, "xlsx.part", E, NOTHING, NONE, 0,
     N_("A part of a ballots workbook is not well-formed spreadsheet XML, or declares a document type"))
RULE(R_XLSX_SHEET, "xlsx.sheet", E, NOTHING, NONE, 0,
     N_("A ballots workbook has no sheet by the name or number given; or which sheet was read"))
RULE(R_YAML_ALIAS, "yaml.alias", E, NOTHING, NONE, 0,
     N_("YAML aliases are refused"))
RULE(R_YAML_ANCHOR, "yaml.anchor", E, NOTHING, NONE, 0,
     N_("YAML anchors are refused"))
RULE(R_YAML_COMMENT, "yaml.comment", E, NOTHING, NONE, 0,
     N_("A YAML comment is glued to what is before it"))
RULE(R_YAML_COMPLEX_KEY, "yaml.complex_key", E, NOTHING, NONE, 0,
     N_("A YAML key is not plain text"))
RULE(R_YAML_DUPLICATE_KEY, "yaml.duplicate_key", E, NOTHING, NONE, 0,
     N_("A YAML key is given twice"))
RULE(R_YAML_EMPTY, "yaml.empty", E, NOTHING, NONE, 0,
     N_("A YAML file is empty"))
RULE(R_YAML_ENCODING, "yaml.encoding", E, NOTHING, NONE, 0,
     N_("A YAML file is not valid UTF-8 or holds a NUL"))
RULE(R_YAML_INDENTATION, "yaml.indentation", E, NOTHING, NONE, 0,
     N_("A value over several lines is not indented under its key"))
RULE(R_YAML_MULTIPLE_DOCUMENTS, "yaml.multiple_documents", E, NOTHING, NONE, 0,
     N_("A YAML file holds more than one document"))
RULE(R_YAML_SYNTAX, "yaml.syntax", E, NOTHING, NONE, 0,
     N_("A YAML file is not well-formed"))
RULE(R_YAML_TAG, "yaml.tag", E, NOTHING, NONE, 0,
     N_("YAML tags are refused"))
