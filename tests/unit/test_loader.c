/*
 * test_loader.c: the dossier loader against every case of tests/loader/cases.tsv (each
 * refusal at its exact line, column and rule id, each valid case accepted), and the
 * typed values a valid dossier carries.
 */
#include "unit.h"


static void every_case_reports_exactly_what_it_expects(void **state)
{
	(void)state;
	FILE *f = fopen("tests/loader/cases.tsv", "r");
	assert_non_null(f);
	char line[4096];
	int cases = 0, refusals = 0, failures = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char *file = strtok(line, "\t"), *expect = strtok(NULL, "\t\n");
		assert_non_null(file);
		assert_non_null(expect);
		char path[512];
		snprintf(path, sizeof path, "tests/loader/cases/%s", file);
		oldc_diags d;
		oldc_diags_init(&d);
		oldc_dossier *dossier = oldc_dossier_load(path, NULL, 0, policy, NULL, &d);
		oldc_diags_sort(&d, 0);
		char *got = unit_findings(&d);
		bool valid = strcmp(expect, "valid") == 0;
		if (valid ? (dossier == NULL || d.count != 0) : (dossier != NULL || strcmp(got, expect) != 0)) {
			print_error("%s: expected %s, got %s%s\n", file, expect, dossier ? "valid " : "", got);
			failures++;
		}
		for (size_t i = 0; i < d.count; i++) {
			assert_null(d.items[i].clause); /* loader findings cite no clause */
			assert_int_equal(d.items[i].severity, OLDC_ERROR);
		}
		refusals += !valid;
		cases++;
		free(got);
		oldc_dossier_free(dossier);
		oldc_diags_release(&d);
	}
	fclose(f);
	assert_int_equal(failures, 0);
	assert_true(refusals >= 30);
	assert_true(cases > refusals);
}

static const char full[] =
	"oldc: 1\n"
	"id: ZF-2022-007\n"
	"name: 毓璜顶西片区\n"
	"district: 芝罘区\n"
	"central_city: true\n"
	"built_year: 1996\n"
	"plan_year: 2022\n"
	"scope: {buildings: 24, households: 1860, floor_area_m2: 126500.5, population: 6200}\n"
	"priority: {illegal_structures_removed_voluntarily: true, public_revenue_ceded: false}\n"
	"preconditions:\n"
	"  consultation:\n"
	"    tally: {owners: 1860, consulted: 1500, agreed: 1200}\n"
	"    commitments: {support_renovation: true}\n"
	"content:\n"
	"  - {item: roof_repair, status: accepted}\n"
	"  - {item: car_parking, status: not_applicable, reason: 小区内无可用场地}\n"
	"pilot:\n"
	"  type: renewal\n"
	"  conditions: {public_space_agreement: {ballots: b.csv}, party_led_governance: false}\n"
	"  demolition: {onsite_resettlement_pct: 62.5}\n"
	"  milestones:\n"
	"    delivered: {planned: 2023-03-10, actual: 2023-03-12}\n"
	"  indicators:\n"
	"    co_governance: {basic: met, guiding: {status: planned, evidence: 表4-2}}\n";

static void a_valid_dossier_carries_typed_values(void **state)
{
	(void)state;
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_dossier *x = oldc_dossier_load("full.yaml", full, sizeof full - 1, policy, NULL, &d);
	assert_int_equal(d.count, 0);
	assert_non_null(x);
	assert_string_equal(x->id->text, "ZF-2022-007");
	assert_true(x->central_city->value.boolean);
	assert_int_equal(x->scope.floor_area_m2->value.centi, 12650050);
	assert_int_equal(x->scope.households->value.integer, 1860);
	assert_int_equal(x->scope.households->line, 8);

	const oldc_node *const *priority = x->priority.items;
	assert_int_equal(x->priority.count, policy->catalogs[OLDC_CAT_PRIORITY].count);
	assert_true(priority[oldc_policy_find(policy, OLDC_CAT_PRIORITY, "illegal_structures_removed_voluntarily")]->value.boolean);
	assert_false(priority[oldc_policy_find(policy, OLDC_CAT_PRIORITY, "public_revenue_ceded")]->value.boolean);
	assert_null(priority[oldc_policy_find(policy, OLDC_CAT_PRIORITY, "resident_funding_agreed")]);

	assert_int_equal(x->preconditions.consultation.tally.agreed->value.integer, 1200);
	assert_null(x->preconditions.consultation.ballots);

	const struct oldc_content_entry *c = x->content.items;
	assert_int_equal(x->content.count, 2);
	assert_string_equal(c[1].item->text, "car_parking");
	assert_int_equal(c[1].status->value.index, OLDC_CS_NOT_APPLICABLE);
	assert_non_null(c[1].reason);

	assert_int_equal(x->pilot.type->value.index, (size_t)oldc_policy_find(policy, OLDC_CAT_PILOT_TYPE, "renewal"));
	const struct oldc_condition *cond = x->pilot.conditions.items;
	long agreement = oldc_policy_find(policy, OLDC_CAT_CONDITION, "public_space_agreement");
	long party = oldc_policy_find(policy, OLDC_CAT_CONDITION, "party_led_governance");
	assert_string_equal(cond[agreement].ballots->text, "b.csv");
	assert_null(cond[agreement].value);
	assert_false(cond[party].value->value.boolean);
	assert_int_equal(x->pilot.demolition.onsite_resettlement_pct->value.centi, 6250);

	const struct oldc_milestone *m = x->pilot.milestones.items;
	long delivered = oldc_policy_find(policy, OLDC_CAT_MILESTONE, "delivered");
	char s[11];
	oldc_date_format(m[delivered].actual->value.date, s);
	assert_string_equal(s, "2023-03-12");
	assert_null(m[0].node);

	const struct oldc_tier *tiers = oldc_dossier_tiers(x, 0);
	assert_int_equal(tiers[0].status->value.index, OLDC_TS_MET);
	assert_int_equal(tiers[1].status->value.index, OLDC_TS_PLANNED);
	assert_string_equal(tiers[1].evidence->text, "表4-2");
	assert_null(tiers[2].node);
	/* every indicator has its tiers allocated, given or not */
	assert_int_equal(x->pilot.indicators.count, 34);
	assert_null(oldc_dossier_tiers(x, 33)[0].node);
	oldc_dossier_free(x);
	oldc_diags_release(&d);
}

static void an_absent_pilot_still_has_empty_catalog_maps(void **state)
{
	(void)state;
	static const char minimal[] = "oldc: 1\nid: A\nname: 甲\ndistrict: 芝罘区\nbuilt_year: 1990\nplan_year: 2023\nscope: {}\n";
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_dossier *x = oldc_dossier_load("m.yaml", minimal, sizeof minimal - 1, policy, NULL, &d);
	assert_non_null(x);
	assert_null(x->pilot.node);
	assert_int_equal(x->pilot.milestones.count, policy->catalogs[OLDC_CAT_MILESTONE].count);
	assert_int_equal(x->pilot.conditions.count, 4);
	assert_int_equal(x->content.count, 0);
	assert_null(x->preconditions.node);
	oldc_dossier_free(x);
	oldc_diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_case_reports_exactly_what_it_expects),
		cmocka_unit_test(a_valid_dossier_carries_typed_values),
		cmocka_unit_test(an_absent_pilot_still_has_empty_catalog_maps),
	};
	return cmocka_run_group_tests_name("loader", tests, unit_setup, unit_teardown);
}
