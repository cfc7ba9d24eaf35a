/*
 * test_policy.c: the built-in policy carries the numbers and catalogs of oldc-check(1), and a
 * policy file is checked as strictly as a dossier (each mistake below is refused).
 */
#include "unit.h"
#include "image.h"

static void builtin_policy_has_the_catalogs_of_the_rules(void **state)
{
	(void)state;
	oldc_policy *p = unit_policy();
	assert_string_equal(p->id->text, "yantai-2022");
	assert_int_equal(p->old_community.built_by_year->value.integer, 2005);
	assert_int_equal(p->catalogs[OLDC_CAT_INDICATOR].count, 34);
	assert_int_equal(p->catalogs[OLDC_CAT_SYSTEM].count, 6);
	assert_int_equal(p->catalogs[OLDC_CAT_TIER].count, 3);
	assert_int_equal(p->catalogs[OLDC_CAT_PILOT_TYPE].count, 3);
	assert_int_equal(p->catalogs[OLDC_CAT_CONDITION].count, 4);
	assert_int_equal(p->catalogs[OLDC_CAT_SECTION].count, 10);
	assert_int_equal(p->catalogs[OLDC_CAT_DRAWING].count, 5);
	assert_int_equal(p->catalogs[OLDC_CAT_APPROVAL].count, 4);
	assert_int_equal(p->catalogs[OLDC_CAT_COMMITMENT].count, 4);
	assert_int_equal(p->catalogs[OLDC_CAT_MILESTONE].count, 7);

	/* 101 tier texts: indicator 21 has no innovative tier */
	const struct oldc_indicator *ind = p->indicators.items.items;
	size_t texts = 0, per_system[6] = { 0 };
	for (size_t i = 0; i < 34; i++) {
		assert_int_equal(ind[i].no->value.integer, (int64_t)i + 1);
		const oldc_node *const *t = ind[i].tiers.items;
		for (size_t k = 0; k < 3; k++)
			texts += t[k] != NULL;
		per_system[ind[i].system->value.index]++;
		assert_non_null(t[0]);
		assert_non_null(t[1]);
		assert_int_equal(t[2] == NULL, i == 20);
	}
	assert_int_equal(texts, 101);
	static const size_t expected[6] = { 9, 7, 5, 4, 3, 6 };
	for (size_t s = 0; s < 6; s++)
		assert_int_equal(per_system[s], expected[s]);
	assert_string_equal(ind[20].id->text, "elevator_retrofit");
	assert_string_equal(ind[20].name->text, "电梯加装");

	/* 12 required content items: roof, exterior wall and the 10 of OP-2 */
	const struct oldc_content_item *c = p->content.items.items;
	size_t required = 0;
	for (size_t i = 0; i < p->content.items.count; i++)
		required += c[i].required->value.boolean;
	assert_int_equal(required, 12);

	/* OP-6: 2/3 and 3/4, inclusive; CC-278's ordinary majority strictly more than half */
	const struct oldc_vote_rule *rules = p->vote_rules.items;
	const struct oldc_vote_rule *op6 = &rules[oldc_policy_find(p, OLDC_CAT_VOTE_RULE, "consultation")];
	assert_int_equal(op6->participation.num->value.integer, 2);
	assert_int_equal(op6->participation.den->value.integer, 3);
	assert_int_equal(op6->participation.compare->value.index, OLDC_AT_LEAST);
	assert_int_equal(op6->approval.num->value.integer, 3);
	assert_int_equal(op6->approval.den->value.integer, 4);
	const struct oldc_vote_rule *ordinary = &rules[oldc_policy_find(p, OLDC_CAT_VOTE_RULE, "cc278-ordinary")];
	assert_int_equal(ordinary->approval.compare->value.index, OLDC_MORE_THAN);
	assert_string_equal(ordinary->basis->text, "headcount_and_area");

	/* the types' tiers, durations and funding rule */
	const struct oldc_pilot_type *t = p->pilot.types.items;
	assert_int_equal(t[0].required_tiers.count, 1);
	assert_int_equal(t[1].required_tiers.count, 2);
	assert_int_equal(t[2].required_tiers.count, 3);
	assert_int_equal(t[0].time_to_finish_months->value.integer, 12);
	assert_int_equal(t[1].time_to_finish_months->value.integer, 24);
	assert_int_equal(t[2].time_to_finish_months->value.integer, 36);
	assert_false(t[2].funding_plan_required->value.boolean);
	assert_false(t[2].old_community_required->value.boolean);
	assert_int_equal(p->pilot.trial_operation.months->value.integer, 3);
	assert_int_equal(p->pilot.reward.max_yuan->value.integer, 6000000);
	assert_int_equal(p->approvals.new_build_max_floor_area_m2->value.centi, 30000);
	oldc_policy_free(p);
}

/* Two trees alike node for node: kind, position, quoting, text, children in order. */
static void assert_same_tree(const oldc_node *a, const oldc_node *b)
{
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->column, b->column);
	assert_int_equal(a->plain, b->plain);
	assert_int_equal(a->count, b->count);
	if (a->kind == OLDC_SCALAR) {
		assert_int_equal(a->length, b->length);
		assert_memory_equal(a->text, b->text, a->length + 1);
	}
	size_t k = a->kind == OLDC_MAPPING ? 2 * a->count : a->kind == OLDC_SEQUENCE ? a->count : 0;
	for (size_t i = 0; i < k; i++)
		assert_same_tree(a->items[i], b->items[i]);
}

/* The tree compiled in at build time is the tree the reader makes of the built-in text
 * now, and the policy typed from either is the same. */
static void the_compiled_tree_is_the_policy_text(void **state)
{
	(void)state;
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_arena *arena = oldc_arena_new();
	const oldc_node *root = oldc_yaml_read("<text>", (const char *)oldc_builtin_policy, oldc_builtin_policy_len,
					       NULL, arena, &d);
	assert_non_null(root);
	assert_same_tree(root, oldc_builtin_policy_tree);
	oldc_policy *from_text = oldc_policy_load("<text>", (const char *)oldc_builtin_policy, oldc_builtin_policy_len, &d);
	oldc_policy *from_tree = oldc_policy_load(NULL, NULL, 0, &d);
	assert_non_null(from_text);
	assert_non_null(from_tree);
	assert_int_equal(d.count, 0);
	/* The structs made from the compiled image (image.h) are word for word those the
	 * loader fills from the text, each node pointer at the same place of the file. */
	oldc_image a = { 0 }, b = { 0 };
	oldc_policy_image(from_text, &a);
	oldc_policy_image(from_tree, &b);
	assert_false(a.failed);
	assert_false(b.failed);
	assert_true(a.count > 1000);
	assert_int_equal(a.size, b.size);
	assert_int_equal(a.count, b.count);
	for (size_t i = 0; i < a.count; i++) {
		assert_int_equal(a.words[i].at, b.words[i].at);
		assert_int_equal(a.words[i].kind, b.words[i].kind);
		if (!a.nodes[i]) {
			assert_int_equal(a.words[i].value, b.words[i].value);
			continue;
		}
		assert_int_equal(a.nodes[i]->kind, b.nodes[i]->kind);
		assert_int_equal(a.nodes[i]->line, b.nodes[i]->line);
		assert_int_equal(a.nodes[i]->column, b.nodes[i]->column);
		assert_memory_equal(&a.nodes[i]->value, &b.nodes[i]->value, sizeof a.nodes[i]->value);
	}
	oldc_image_release(&a);
	oldc_image_release(&b);
	/* ... and, read without the image's code, every word of the policy struct itself
	 * but `file` and `arena` is set on both sides or on neither, and its nodes sit at
	 * the same places (a word the image left out would be NULL in from_tree only). */
	size_t skip_file = offsetof(oldc_policy, file) / sizeof(uintptr_t);
	size_t skip_arena = offsetof(oldc_policy, arena) / sizeof(uintptr_t);
	for (size_t i = 0; i < sizeof(oldc_policy) / sizeof(uintptr_t); i++) {
		uintptr_t wt, wb;
		memcpy(&wt, (const char *)from_text + i * sizeof wt, sizeof wt);
		memcpy(&wb, (const char *)from_tree + i * sizeof wb, sizeof wb);
		if (i != skip_file && i != skip_arena)
			assert_int_equal(wt != 0, wb != 0);
	}
	assert_int_equal(from_text->pilot.reward.max_yuan->line, from_tree->pilot.reward.max_yuan->line);
	assert_int_equal(from_text->pilot.reward.max_yuan->value.integer, from_tree->pilot.reward.max_yuan->value.integer);
	assert_string_equal(from_tree->file, "<built-in>");
	for (int c = 0; c < OLDC_CAT_COUNT; c++) {
		assert_int_equal(from_text->catalogs[c].count, from_tree->catalogs[c].count);
		for (size_t i = 0; i < from_text->catalogs[c].count; i++)
			assert_string_equal(from_text->catalogs[c].ids[i], from_tree->catalogs[c].ids[i]);
	}
	oldc_policy_free(from_text);
	oldc_policy_free(from_tree);
	oldc_arena_free(arena);
	oldc_diags_release(&d);
}

/* The built-in text with `from` replaced by `to` (once) must be refused with `rule`. */
static void assert_refused(const char *from, const char *to, const char *rule)
{
	const char *text = (const char *)oldc_builtin_policy;
	const char *at = strstr(text, from);
	assert_non_null(at);
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_buf_put(&b, text, (size_t)(at - text));
	oldc_buf_puts(&b, to);
	oldc_buf_puts(&b, at + strlen(from));
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_policy *p = oldc_policy_load("p.yaml", b.data, b.len, &d);
	if (p || d.count == 0 || strcmp(d.items[0].rule, rule) != 0)
		print_error("replacing '%s' by '%s': expected %s, got %s\n", from, to, rule,
			    d.count ? d.items[0].rule : "no finding");
	assert_null(p);
	assert_true(d.count > 0);
	assert_string_equal(d.items[0].rule, rule);
	assert_int_not_equal(d.items[0].line, 0);
	oldc_diags_release(&d);
	oldc_buf_release(&b);
}

static void a_bad_policy_file_is_refused(void **state)
{
	(void)state;
	assert_refused("id: party_service_center", "id: co_governance", "policy.duplicate_id");
	assert_refused("system: mobility", "system: mobilty", "schema.enum");
	assert_refused("required_tiers: [basic]", "required_tiers: [basik]", "schema.enum");
	assert_refused("participation: {num: 2, den: 3", "participation: {num: 2, den: 0", "schema.range");
	assert_refused("compare: at_least, words: 三分之二", "compare: atleast, words: 三分之二", "schema.enum");
	assert_refused("waived_when: no_structure_change", "waived_when: no_structure", "schema.enum");
	assert_refused("owners_committee: {clause: OP-3}", "owners_committee: {}", "schema.required");
	assert_refused("letter_attention_days: 30", "letter_attention_days: -1", "schema.range");
	assert_refused("  - id: unanimous", "  - id: unanimity", "policy.vote_rule");
	assert_refused("  built_by_year: 2005", "", "schema.required");
	assert_refused("{year: 2023, unit: community, units: 322, floor_area_m2: 7580000, households: 94000}",
		       "{year: 2023, unit: community}", "policy.plan_year");
	assert_refused("{year: 2024,", "{year: 2023,", "policy.duplicate_id");
	assert_refused("population_min: 5000", "population_min: 50000", "policy.range");
	assert_refused("max_yuan: 6000000", "max_yuan: 6000000.5", "schema.type");
	assert_refused("funding_plan_required: true", "funding_plan_required: yes", "schema.boolean");
	assert_refused("oldc_policy: 1", "oldc_policy: 1\noldc_policy: 1", "yaml.duplicate_key");
	assert_refused("    - no: 2\n", "    - no: 1\n", "policy.duplicate_id");
	assert_refused("  - id: OP-2\n", "  - id: OP-1\n", "policy.duplicate_id");
	assert_refused("  - id: OP-2\n    source: OP\n", "  - id: OP-2\n    source: OQ\n", "policy.reference");
	assert_refused("  - id: OP-2\n    source: OP\n    title:", "  - id: OP-2\n    source: OP\n    titel:", "schema.unknown_key");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_policy_has_the_catalogs_of_the_rules),
		cmocka_unit_test(a_bad_policy_file_is_refused),
		cmocka_unit_test(the_compiled_tree_is_the_policy_text),
	};
	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
