/*
 * template.c: a new dossier from the policy (template.h), for `oldc init`.
 *
 * Every catalog the template lists (content items, priority conditions, commitments,
 * pilot types, conditions, milestones, creation-plan sections and drawings, systems,
 * indicators, tiers and their texts) and every number it quotes (the old-community
 * year, the plan years, the pilot's population range, its time to finish, the trial
 * operation, the JK-63 limits) is read from the policy. What is written here is the
 * dossier format itself: its keys, and a bilingual line on what each one takes. The
 * clauses of the four preconditions and the reviews, which the policy file does not
 * carry, are those of the rules that check them (rules.h).
 *
 * The form of a line: a key with its value, or "# key:" for a fact to fill in (the
 * planner writes the value and removes the "# "), and a comment at column 34.
 */
#include <stdio.h>
#include <string.h>
#include "oldc/template.h"
#include "oldc/rules.h"
#include "oldc/score.h"

enum { COMMENT_COLUMN = 33 };

/* Starts a line: "# " when it is a field to fill in, then the indentation. Returns
 * where the line starts, for note(). */
static size_t begin(oldc_buf *out, bool fill, int indent)
{
	size_t start = out->len;
	if (fill)
		oldc_buf_puts(out, "# ");
	for (int i = 0; i < indent; i++)
		oldc_buf_putc(out, ' ');
	return start;
}

/* Pads the line begun at `start` to `column` and opens its comment. */
static void note_at(oldc_buf *out, size_t start, size_t column)
{
	if (out->failed || !out->data)
		return;
	size_t width = oldc_display_width(out->data + start);
	for (size_t i = width; i < column; i++)
		oldc_buf_putc(out, ' ');
	oldc_buf_puts(out, width < column ? "# " : " # ");
}

static void note(oldc_buf *out, size_t start)
{
	note_at(out, start, COMMENT_COLUMN);
}

/* One line: `text`, and `comment` when not NULL. */
static void field(oldc_buf *out, bool fill, int indent, const char *text, const char *comment)
{
	size_t start = begin(out, fill, indent);
	oldc_buf_puts(out, text);
	if (comment) {
		note(out, start);
		oldc_buf_puts(out, comment);
	}
	oldc_buf_putc(out, '\n');
}

/* A whole-line comment at `indent`. */
static void remark(oldc_buf *out, int indent, const char *text)
{
	for (int i = 0; i < indent; i++)
		oldc_buf_putc(out, ' ');
	oldc_buf_puts(out, "# ");
	oldc_buf_puts(out, text);
	oldc_buf_putc(out, '\n');
}

/* A text value: plain when YAML cannot read it as anything but this text (it begins
 * with a character outside ASCII, as Chinese names do, and holds no ASCII but letters,
 * digits, spaces inside and - _ . ( )), else double-quoted (JSON's escapes are YAML's). */
static void text_value(oldc_buf *out, const char *s)
{
	bool plain = (unsigned char)s[0] >= 0x80;
	size_t n = strlen(s);
	for (size_t i = 0; plain && i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		plain = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			(c && strchr("-_.()", c)) || (c == ' ' && i + 1 < n);
	}
	if (plain)
		oldc_buf_puts(out, s);
	else
		oldc_buf_json_string(out, s);
}

bool oldc_template_id_ok(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)id[i];
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
		      c == '_' || c == '-'))
			return false;
	}
	return true;
}

/* An id as YAML: plain when it begins with a letter and is no YAML word
 * (true, null, ...), else quoted so that it stays text. */
static void id_value(oldc_buf *out, const char *id)
{
	static const char *const words[] = { "true", "false", "null", "yes", "no", "on", "off", "y", "n", NULL };
	bool plain = (id[0] >= 'A' && id[0] <= 'Z') || (id[0] >= 'a' && id[0] <= 'z');
	for (const char *const *w = words; plain && *w; w++) {
		size_t i = 0;
		while (id[i] && (id[i] | 0x20) == (*w)[i])
			i++;
		plain = !(id[i] == '\0' && (*w)[i] == '\0');
	}
	if (plain)
		oldc_buf_puts(out, id);
	else
		oldc_buf_json_string(out, id);
}

/* The clause the policy gives a rule's findings, or NULL. */
static const char *rule_clause(const oldc_policy *p, oldc_rule_id rule)
{
	return oldc_rule_clause(oldc_rule_at(rule), p);
}

/* " (CLAUSE)" when there is one. */
static void clause_note(oldc_buf *out, const char *clause)
{
	if (clause && *clause)
		oldc_buf_printf(out, " (%s)", clause);
}

static const char *text_of(const oldc_node *n)
{
	return n ? n->text : "";
}

/* A line to fill in whose comment ends with the clause that asks for it. */
static void clause_field(oldc_buf *out, int indent, const char *key, const char *comment, const char *clause)
{
	size_t s = begin(out, true, indent);
	oldc_buf_puts(out, key);
	note(out, s);
	oldc_buf_puts(out, comment);
	clause_note(out, clause);
	oldc_buf_putc(out, '\n');
}

/* "name / name_en" of a catalog entry. */
static void names(oldc_buf *out, const struct oldc_entry *e)
{
	oldc_buf_puts(out, text_of(e->name));
	if (e->name_en)
		oldc_buf_printf(out, " / %s", e->name_en->text);
}

/* A fraction of the policy as a person writes it: 20%, 2, 3/4. */
static void fraction(oldc_buf *out, const struct oldc_fraction *f)
{
	static const char *const signs[] = { "≥ ", "> ", "≤ ", "< " };
	if (!f->num || !f->den || !f->compare)
		return;
	intmax_t num = (intmax_t)f->num->value.integer, den = (intmax_t)f->den->value.integer;
	oldc_buf_puts(out, signs[f->compare->value.index & 3]);
	if (den == 100)
		oldc_buf_printf(out, "%jd%%", num);
	else if (den == 1)
		oldc_buf_printf(out, "%jd", num);
	else
		oldc_buf_printf(out, "%jd/%jd", num, den);
}

static void header(oldc_buf *out, const oldc_policy *p, const oldc_template *t,
		   const struct oldc_pilot_type *type)
{
	if (t->schema && *t->schema)
		oldc_buf_printf(out, "# yaml-language-server: $schema=%s\n", t->schema);
	oldc_buf_printf(out, "# %s：改造项目档案，由 oldc init 依据政策 %s（%s）生成的模板。\n", t->name,
			text_of(p->id), text_of(p->title));
	oldc_buf_printf(out, "# %s: a renovation dossier, a template made by oldc init from the policy %s",
			t->name, text_of(p->id));
	if (p->title_en)
		oldc_buf_printf(out, "\n#   (%s)", p->title_en->text);
	oldc_buf_puts(out, ".\n");
	if (type) {
		oldc_buf_printf(out, "# 同时是美好社区创建试点，类型 %s（%s）。\n", text_of(type->name), text_of(type->id));
		oldc_buf_printf(out, "# It is also a Beautiful Community pilot of the type %s (%s).\n",
				type->name_en ? type->name_en->text : text_of(type->name), text_of(type->id));
	}
	oldc_buf_puts(out,
		"#\n"
		"# 填写：形如 \"# key:\" 的行是待填的事项：填上值，删去行首的 \"# \"（它上级的键也一样）。\n"
		"#   尚未发生的事（会议、公示、评审、验收的日期）保持注释即可：oldc check 会把它列为尚待完成。\n"
		"#   格式见 oldc help dossier；填好后运行 oldc validate 与 oldc check。\n"
		"# To fill in: a line \"# key:\" is a fact to give: write its value and remove the \"# \" (from\n"
		"#   the keys above it too). Leave what has not happened yet (a meeting, a posting, a review,\n"
		"#   an acceptance) commented out: oldc check lists it as still to be done. The format:\n"
		"#   oldc help dossier; then run oldc validate and oldc check on this file.\n");
}

static void identity(oldc_buf *out, const oldc_policy *p, const oldc_template *t, const struct oldc_pilot_type *type)
{
	size_t s;
	field(out, false, 0, "oldc: 1", "格式版本 / format version");
	s = begin(out, false, 0);
	oldc_buf_puts(out, "id: ");
	id_value(out, t->id);
	note(out, s);
	oldc_buf_puts(out, "档案编号，各档案互不相同 / the dossier's id, unique among the dossiers\n");
	s = begin(out, false, 0);
	oldc_buf_puts(out, "name: ");
	text_value(out, t->name);
	note(out, s);
	oldc_buf_puts(out, "小区（片区）名称 / the community's name\n");
	s = begin(out, false, 0);
	oldc_buf_puts(out, "district: ");
	text_value(out, t->district);
	note(out, s);
	oldc_buf_puts(out, "所在区 / district\n");
	field(out, true, 0, "street:", "所属街道 / street (街道)");
	field(out, true, 0, "central_city:", "位于中心城区时填 true / true in the central urban area (中心城区)");
	s = begin(out, false, 0);
	oldc_buf_printf(out, "built_year: %jd", (intmax_t)t->built_year);
	note(out, s);
	oldc_buf_puts(out, "建成年份 / the year it was completed");
	if (p->old_community.built_by_year && (!type || !type->old_community_required ||
					       type->old_community_required->value.boolean)) {
		intmax_t by = (intmax_t)p->old_community.built_by_year->value.integer;
		oldc_buf_printf(out, "; 老旧小区：%jd年底前建成 / old: completed by the end of %jd", by, by);
		clause_note(out, text_of(p->old_community.clause));
	}
	oldc_buf_putc(out, '\n');
	s = begin(out, false, 0);
	oldc_buf_printf(out, "plan_year: %jd", (intmax_t)t->plan_year);
	note(out, s);
	oldc_buf_puts(out, "改造计划年度 / plan year:");
	const struct oldc_plan_year *y = p->plan_years.years.items;
	for (size_t i = 0; i < p->plan_years.years.count; i++)
		oldc_buf_printf(out, "%s%jd", i ? ", " : " ", (intmax_t)y[i].year->value.integer);
	clause_note(out, text_of(p->plan_years.clause));
	oldc_buf_puts(out, "\n\n");

	remark(out, 0, "规模：填写下列各项时删去 {} / scope: remove the {} when you fill in the lines below");
	field(out, false, 0, "scope: {}", NULL);
	field(out, true, 2, "buildings:", "楼栋数 / buildings");
	field(out, true, 2, "households:", "惠及居民户数 / households benefiting");
	field(out, true, 2, "floor_area_m2:", "改造建筑面积，m²，至多两位小数 / floor area renovated, m²");
	s = begin(out, true, 2);
	oldc_buf_puts(out, "population:");
	note(out, s);
	oldc_buf_puts(out, "常住人口 / resident population");
	if (type && p->pilot.scale.population_min && p->pilot.scale.population_max) {
		oldc_buf_printf(out, "; 试点原则上 %jd—%jd 人 / a pilot: %jd to %jd in principle",
				(intmax_t)p->pilot.scale.population_min->value.integer,
				(intmax_t)p->pilot.scale.population_max->value.integer,
				(intmax_t)p->pilot.scale.population_min->value.integer,
				(intmax_t)p->pilot.scale.population_max->value.integer);
		clause_note(out, text_of(p->pilot.scale.clause));
	}
	oldc_buf_putc(out, '\n');
}

/* A commented-out catalog map: "# key:" per entry, with its names. */
static void catalog_fields(oldc_buf *out, int indent, const oldc_list *entries)
{
	const struct oldc_entry *e = entries->items;
	for (size_t i = 0; i < entries->count; i++) {
		size_t s = begin(out, true, indent);
		oldc_buf_printf(out, "%s:", text_of(e[i].id));
		note(out, s);
		names(out, &e[i]);
		oldc_buf_putc(out, '\n');
	}
}

static void preconditions(oldc_buf *out, const oldc_policy *p)
{
	size_t s;
	oldc_buf_putc(out, '\n');
	s = begin(out, true, 0);
	oldc_buf_puts(out, "priority:");
	note(out, s);
	oldc_buf_puts(out, "优先纳入：以下各项都为 true / priority inclusion: all of these true");
	clause_note(out, text_of(p->priority.clause));
	oldc_buf_putc(out, '\n');
	catalog_fields(out, 2, &p->priority.conditions);

	oldc_buf_putc(out, '\n');
	remark(out, 0, "改造前置条件：缺一项，改造暂缓 / the preconditions: each one missing defers the renovation");
	field(out, true, 0, "preconditions:", NULL);
	s = begin(out, true, 2);
	oldc_buf_puts(out, "owners_committee:");
	note(out, s);
	oldc_buf_puts(out, "业主大会与业主委员会 / owners' assembly and committee");
	clause_note(out, rule_clause(p, R_OWNERS_COMMITTEE_ELECTION));
	oldc_buf_putc(out, '\n');
	field(out, true, 4, "assembly_held:", "业主大会召开日期 YYYY-MM-DD / date of the owners' assembly");
	field(out, true, 4, "committee_elected:", "业主委员会选举日期 / date the committee was elected");
	s = begin(out, true, 2);
	oldc_buf_puts(out, "red_heart_property:");
	note(out, s);
	oldc_buf_puts(out, "红心物业 / \"red heart\" property service");
	clause_note(out, rule_clause(p, R_RED_HEART_PROPERTY_FORMED));
	oldc_buf_putc(out, '\n');
	field(out, true, 4, "formed:", "组建日期 / date formed");
	field(out, true, 4, "provider:", "物业服务企业 / the property service company");
	s = begin(out, true, 2);
	oldc_buf_puts(out, "illegal_structures:");
	note(out, s);
	oldc_buf_puts(out, "拆违拆临 / illegal and temporary structures");
	clause_note(out, rule_clause(p, R_ILLEGAL_STRUCTURES_STATUS));
	oldc_buf_putc(out, '\n');
	field(out, true, 4, "status:", "cleared | none_found | in_progress | not_started");
	field(out, true, 4, "cleared:", "拆除完成日期（status: cleared 时）/ date cleared");
	s = begin(out, true, 2);
	oldc_buf_puts(out, "consultation:");
	note(out, s);
	oldc_buf_puts(out, "征求业主意见：ballots 与 tally 二选一 / owners' consultation: ballots or tally");
	clause_note(out, text_of(p->consultation.clause));
	oldc_buf_putc(out, '\n');
	field(out, true, 4, "ballots:", "逐户表决表，相对本文件的路径 / ballots sheet (CSV), relative to this file");
	field(out, true, 4, "tally:", "或汇总数 / or the totals");
	field(out, true, 6, "owners:", "业主总数 / owners");
	field(out, true, 6, "consulted:", "征求到意见的业主数 / owners consulted");
	field(out, true, 6, "agreed:", "其中同意的业主数 / of them, owners agreeing");
	field(out, true, 4, "commitments:", "业主的承诺：各项为 true / the owners' commitments: each true");
	catalog_fields(out, 6, &p->consultation.commitments);
	s = begin(out, true, 2);
	oldc_buf_puts(out, "design_plan:");
	note(out, s);
	oldc_buf_puts(out, "设计方案 / design plan");
	clause_note(out, text_of(p->consultation.clause));
	oldc_buf_putc(out, '\n');
	field(out, true, 4, "designer:", "设计单位 / designer");
	field(out, true, 4, "publicized:", "在小区张贴公示的日期 / date posted in the community");
	field(out, true, 4, "hotline:", "服务电话，加引号 \"0535-...\" / service hotline, quoted");
	field(out, true, 4, "street_coordination:", "街道社区配合机制到位 true / street and community coordination");

	oldc_buf_putc(out, '\n');
	s = begin(out, true, 0);
	oldc_buf_puts(out, "reviews:");
	note(out, s);
	oldc_buf_puts(out, "评审 / reviews: result passed | failed | pending, date YYYY-MM-DD");
	clause_note(out, rule_clause(p, R_REVIEWS_JOINT));
	oldc_buf_putc(out, '\n');
	field(out, true, 2, "joint:", "区级联审 / joint review by the district");
	field(out, true, 4, "result:", NULL);
	field(out, true, 4, "date:", NULL);
	field(out, true, 2, "expert:", "市级专家评审 / expert review by the city");
	field(out, true, 4, "result:", NULL);
	field(out, true, 4, "date:", NULL);
}

static void content(oldc_buf *out, const oldc_policy *p)
{
	const struct oldc_content_item *items = p->content.items.items;
	size_t required = 0;
	for (size_t i = 0; i < p->content.items.count; i++)
		required += items[i].required && items[i].required->value.boolean;
	oldc_buf_putc(out, '\n');
	oldc_buf_puts(out, "# 改造内容 / renovation content");
	clause_note(out, text_of(p->content.clause));
	oldc_buf_printf(out, ": 政策要求的 %zu 项都已列为 planned；不适用的改为 not_applicable 并写明 reason。\n"
			"#   The %zu items the policy requires, each planned; one that cannot apply becomes\n"
			"#   not_applicable with a reason. status: planned | in_progress | done | accepted | not_applicable\n",
			required, required);
	field(out, false, 0, "content:", NULL);
	/* the comments of the items in one column, after the longest: "#   - {item: ID, status: planned}" */
	size_t column = COMMENT_COLUMN;
	for (size_t i = 0; i < p->content.items.count; i++) {
		size_t width = strlen("#   - {item: , status: planned} ") + strlen(text_of(items[i].id));
		column = width > column ? width : column;
	}
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && required < p->content.items.count)
			remark(out, 2, "政策目录中的其他内容，按需要列入 / the policy's other items, as the plan needs them:");
		for (size_t i = 0; i < p->content.items.count; i++) {
			bool is_required = items[i].required && items[i].required->value.boolean;
			if (is_required != (pass == 0))
				continue;
			size_t s = begin(out, pass == 1, 2);
			oldc_buf_printf(out, "- {item: %s, status: planned}", text_of(items[i].id));
			note_at(out, s, column);
			oldc_buf_puts(out, text_of(items[i].name));
			if (items[i].name_en)
				oldc_buf_printf(out, " / %s", items[i].name_en->text);
			oldc_buf_putc(out, '\n');
		}
	}
}

static void works_and_completion(oldc_buf *out, const oldc_policy *p)
{
	size_t s;
	oldc_buf_putc(out, '\n');
	s = begin(out, true, 0);
	oldc_buf_puts(out, "works:");
	note(out, s);
	oldc_buf_puts(out, "决定哪些审批可免的事实，true/false / facts that decide the approvals not needed");
	clause_note(out, text_of(p->approvals.clause));
	oldc_buf_putc(out, '\n');
	field(out, true, 2, "land_ownership_change:", "土地权属变化 / land changes hands");
	field(out, true, 2, "adds_floor_area:", "增加建筑面积 / adds floor area (加装电梯、外保温、平改坡不算)");
	field(out, true, 2, "changes_function_or_structure:", "改变使用功能或结构 / changes function or structure");
	field(out, true, 2, "changes_main_structure:", "改变主体结构 / changes the main structure");
	field(out, true, 2, "new_build_floor_area_m2:", "新建建筑面积 m² / new-build floor area");
	field(out, true, 2, "new_build_low_risk:", "新建部分低风险 / the new build is low-risk");
	field(out, true, 2, "ownership_registration_change:", "涉及产权登记变更 / ownership registration changes");
	field(out, true, 2, "high_risk_work:", "高空作业、重物吊装、基坑深挖 / high-risk work");

	oldc_buf_putc(out, '\n');
	s = begin(out, true, 0);
	oldc_buf_puts(out, "completion:");
	note(out, s);
	oldc_buf_puts(out, "竣工 / completion");
	clause_note(out, text_of(p->completion.clause));
	oldc_buf_putc(out, '\n');
	field(out, true, 2, "accepted:", "竣工验收日期 / date of the completion acceptance");
	field(out, true, 2, "representatives_invited:",
	      "验收邀请街道、社区及业主代表参加 / street, community and owner representatives invited: true");
	field(out, true, 2, "onsite_check:", "区住建部门现场核查日期 / date of the district's on-site check");
	field(out, true, 2, "filed:", "向市住建局备案日期 / date filed with the city housing bureau");
	clause_field(out, 2, "satisfaction_survey:", "改造后满意度调查日期 / date of the satisfaction survey after the renovation",
		     text_of(p->completion.survey_clause));
}

static void tier_names(oldc_buf *out, const oldc_policy *p, const struct oldc_pilot_type *type)
{
	const struct oldc_entry *tiers = p->indicators.tiers.items;
	const oldc_node *const *req = type->required_tiers.items;
	for (size_t i = 0; i < type->required_tiers.count; i++) {
		size_t k = req[i]->value.index;
		oldc_buf_printf(out, "%s%s %s", i ? ", " : "", text_of(tiers[k].name), text_of(tiers[k].id));
	}
}

static void indicators(oldc_buf *out, const oldc_policy *p, const struct oldc_pilot_type *type)
{
	const struct oldc_entry *systems = p->indicators.systems.items;
	const struct oldc_entry *tiers = p->indicators.tiers.items;
	const struct oldc_indicator *ind = p->indicators.items.items;
	const oldc_node *const *req = type->required_tiers.items;
	size_t s = begin(out, false, 2);
	oldc_buf_puts(out, "indicators:");
	note(out, s);
	oldc_buf_printf(out, "创建指标 / indicators: %zu", p->indicators.items.count);
	clause_note(out, text_of(p->indicators.clause));
	oldc_buf_putc(out, '\n');
	oldc_buf_puts(out, "    # 本类型要求的层级 / the tiers this type requires: ");
	tier_names(out, p, type);
	oldc_buf_printf(out, ".\n"
		"    # 状态 / status: met | planned | not_met，或 / or {status: met, evidence: 证明材料 / evidence}.\n"
		"    # 其他层级可作为加分项列入 / other tiers may be added as extras: oldc explain %s-N shows them.\n",
		text_of(p->indicators.clause));
	for (size_t sys = 0; sys < p->indicators.systems.count; sys++) {
		size_t n = 0;
		for (size_t i = 0; i < p->indicators.items.count; i++)
			n += ind[i].system->value.index == sys;
		oldc_buf_printf(out, "\n    # %s", text_of(systems[sys].name));
		if (systems[sys].name_en)
			oldc_buf_printf(out, " / %s", systems[sys].name_en->text);
		oldc_buf_printf(out, ": %zu", n);
		clause_note(out, text_of(systems[sys].clause));
		oldc_buf_putc(out, '\n');
		for (size_t i = 0; i < p->indicators.items.count; i++) {
			if (ind[i].system->value.index != sys)
				continue;
			const oldc_node *const *texts = ind[i].tiers.items;
			size_t listed = 0;
			for (size_t r = 0; r < type->required_tiers.count; r++)
				listed += texts[req[r]->value.index] != NULL;
			s = begin(out, false, 4);
			oldc_buf_printf(out, "%s:%s", text_of(ind[i].id), listed ? "" : " {}");
			note(out, s);
			oldc_buf_printf(out, "%jd %s", (intmax_t)ind[i].no->value.integer, text_of(ind[i].name));
			if (ind[i].name_en)
				oldc_buf_printf(out, " / %s", ind[i].name_en->text);
			clause_note(out, text_of(ind[i].clause));
			if (!listed)
				oldc_buf_puts(out, "; 无本类型要求的层级 / none of the tiers this type requires");
			oldc_buf_putc(out, '\n');
			for (size_t r = 0; r < type->required_tiers.count; r++) {
				size_t k = req[r]->value.index;
				if (!texts[k])
					continue;
				oldc_buf_printf(out, "      # %s %s: %s\n", text_of(tiers[k].name), text_of(tiers[k].id),
						texts[k]->text);
				oldc_buf_printf(out, "      %s: not_met\n", text_of(tiers[k].id));
			}
		}
	}
}

static void pilot(oldc_buf *out, const oldc_policy *p, const oldc_template *t, const struct oldc_pilot_type *type)
{
	size_t s;
	oldc_buf_putc(out, '\n');
	oldc_buf_printf(out, "# 美好社区创建试点 / Beautiful Community pilot: %s", text_of(type->name));
	if (type->name_en)
		oldc_buf_printf(out, " / %s", type->name_en->text);
	oldc_buf_putc(out, '\n');
	field(out, false, 0, "pilot:", NULL);
	s = begin(out, false, 2);
	oldc_buf_printf(out, "type: %s", text_of(type->id));
	note(out, s);
	oldc_buf_puts(out, "试点类型 / pilot type:");
	const struct oldc_pilot_type *types = p->pilot.types.items;
	for (size_t i = 0; i < p->pilot.types.count; i++)
		oldc_buf_printf(out, "%s%s", i ? " | " : " ", text_of(types[i].id));
	clause_note(out, text_of(type->clause));
	oldc_buf_putc(out, '\n');
	s = begin(out, true, 2);
	oldc_buf_puts(out, "batch_year:");
	note(out, s);
	oldc_buf_printf(out, "试点批次年度，如 %jd / the pilot's batch year, e.g. %jd\n", (intmax_t)t->plan_year,
			(intmax_t)t->plan_year);

	char walk[128];
	snprintf(walk, sizeof walk, "步行分钟数，目标不超过 %jd / minutes on foot, the goal at most %jd",
		 (intmax_t)p->pilot.scale.walking_minutes_max->value.integer,
		 (intmax_t)p->pilot.scale.walking_minutes_max->value.integer);
	clause_field(out, 2, "walking_minutes:", walk, text_of(p->pilot.scale.clause));
	field(out, true, 4, "kindergarten:", "到幼儿园 / to a kindergarten");
	field(out, true, 4, "elderly_service_station:", "到老年服务站 / to an elderly service station");

	const struct oldc_entry *conds = p->pilot.conditions.items;
	s = begin(out, true, 2);
	oldc_buf_puts(out, "conditions:");
	note(out, s);
	oldc_buf_puts(out, "试点条件：true，或全体业主的表决 / pilot conditions: true, or {ballots: FILE}");
	clause_note(out, rule_clause(p, R_PILOT_CONDITION));
	oldc_buf_putc(out, '\n');
	catalog_fields(out, 4, &p->pilot.conditions);
	field(out, true, 2, "commitment_letter:",
	      "区政府承诺函，针对尚未满足的条件 / the district's commitment letter, for conditions not yet met");
	field(out, true, 4, "issued:", "出具日期 / date issued");
	field(out, true, 4, "items:", "每项未满足的条件及完成时限 / each unmet condition and its deadline");
	if (p->pilot.conditions.count) {
		begin(out, true, 6);
		oldc_buf_printf(out, "- {condition: %s, deadline: YYYY-MM-DD}\n", text_of(conds[0].id));
	}

	if (type->demolition_limits && type->demolition_limits->value.boolean) {
		s = begin(out, true, 2);
		oldc_buf_puts(out, "demolition:");
		note(out, s);
		oldc_buf_puts(out, "拆除与新建 / demolition and new build: 拆除 ");
		fraction(out, &p->pilot.demolition.demolished_share_max);
		oldc_buf_puts(out, ", 拆建比 ");
		fraction(out, &p->pilot.demolition.rebuild_ratio_max);
		oldc_buf_puts(out, ", 就地安置 ");
		fraction(out, &p->pilot.demolition.resettlement_min);
		clause_note(out, text_of(p->pilot.demolition.clause));
		oldc_buf_putc(out, '\n');
		field(out, true, 4, "existing_floor_area_m2:", "现状总建筑面积 / existing floor area, m²");
		field(out, true, 4, "demolished_floor_area_m2:", "拆除建筑面积 / demolished floor area");
		field(out, true, 4, "exempt_floor_area_m2:", "其中违法建筑、危房 / of which illegal or dangerous");
		field(out, true, 4, "new_floor_area_m2:", "新建建筑面积 / new floor area");
		field(out, true, 4, "onsite_resettlement_pct:", "就地就近安置率 % / resettled on site or nearby, %");
	}

	const struct oldc_section *sections = p->pilot.creation_plan.sections.items;
	const struct oldc_entry *drawings = p->pilot.creation_plan.drawings.items;
	bool funding = type->funding_plan_required && type->funding_plan_required->value.boolean;
	field(out, true, 2, "creation_plan:", "创建方案已有的章节与图纸 / what the creation plan has");
	field(out, true, 4, "sections:", NULL);
	for (size_t i = 0; i < p->pilot.creation_plan.sections.count; i++) {
		s = begin(out, true, 6);
		oldc_buf_printf(out, "- %s", text_of(sections[i].id));
		note(out, s);
		oldc_buf_puts(out, text_of(sections[i].name));
		if (sections[i].name_en)
			oldc_buf_printf(out, " / %s", sections[i].name_en->text);
		clause_note(out, text_of(sections[i].clause));
		if (sections[i].funding && sections[i].funding->value.boolean && !funding)
			oldc_buf_puts(out, "; 本类型可不编 / optional for this type");
		oldc_buf_putc(out, '\n');
	}
	field(out, true, 4, "drawings:", NULL);
	for (size_t i = 0; i < p->pilot.creation_plan.drawings.count; i++) {
		s = begin(out, true, 6);
		oldc_buf_printf(out, "- %s", text_of(drawings[i].id));
		note(out, s);
		names(out, &drawings[i]);
		clause_note(out, text_of(drawings[i].clause));
		oldc_buf_putc(out, '\n');
	}

	const struct oldc_entry *ms = p->pilot.milestones.items;
	if (type->time_to_finish_months) {
		intmax_t months = (intmax_t)type->time_to_finish_months->value.integer;
		oldc_buf_printf(out, "  # 节点：原则上自试点确定起 %jd 个月内竣工验收 / milestones: accepted within %jd months of"
				" confirmation, in principle", months, months);
		clause_note(out, rule_clause(p, R_PILOT_TIME_TO_FINISH));
		oldc_buf_puts(out, ";\n");
	}
	if (p->pilot.trial_operation.months) {
		intmax_t months = (intmax_t)p->pilot.trial_operation.months->value.integer;
		oldc_buf_printf(out, "  # 交付后试运营 %jd 个月方可申请评估 / evaluation is applied for after %jd months of trial"
				" operation", months, months);
		clause_note(out, text_of(p->pilot.trial_operation.clause));
		oldc_buf_puts(out, ";\n  # 评估节点另填 result: passed | failed / the evaluation also takes its result.\n");
	}
	s = begin(out, true, 2);
	oldc_buf_puts(out, "milestones:");
	note(out, s);
	oldc_buf_puts(out, "计划与实际日期 / planned and actual dates");
	clause_note(out, text_of(p->pilot.supervision.clause));
	oldc_buf_putc(out, '\n');
	for (size_t i = 0; i < p->pilot.milestones.count; i++) {
		s = begin(out, true, 4);
		oldc_buf_printf(out, "%s:", text_of(ms[i].id));
		note(out, s);
		names(out, &ms[i]);
		oldc_buf_putc(out, '\n');
		field(out, true, 6, "planned:", NULL);
		field(out, true, 6, "actual:", NULL);
	}
	indicators(out, p, type);
}

int oldc_template_dossier(oldc_buf *out, const oldc_policy *p, const oldc_template *t)
{
	const struct oldc_pilot_type *type = NULL;
	if (t->pilot_type >= 0 && (size_t)t->pilot_type < p->pilot.types.count)
		type = (const struct oldc_pilot_type *)p->pilot.types.items + t->pilot_type;
	header(out, p, t, type);
	identity(out, p, t, type);
	preconditions(out, p);
	content(out, p);
	works_and_completion(out, p);
	if (type)
		pilot(out, p, t, type);
	return out->failed ? -1 : 0;
}
