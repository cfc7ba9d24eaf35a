/*
 * test_score.c: scorecards count what BC-A1 requires of each pilot type (34, 68 and
 * 101 tier items: indicator 21 has no innovative tier), the stages count planned tiers
 * or not, and display widths make Chinese text line up.
 */
#include "unit.h"

#define AS_OF oldc_date_from_ymd(2026, 11, 28)

/* A pilot of `type` whose every indicator has `status` on every tier it has. */
static oldc_dossier *pilot(const char *type, const char *status, bool accepted, oldc_diags *d)
{
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_buf_printf(&b, "oldc: 1\nid: P\nname: 测试\ndistrict: 芝罘区\nbuilt_year: 1990\nplan_year: 2023\nscope: {}\n%s"
			"pilot:\n  type: %s\n  indicators:\n", accepted ? "completion: {accepted: 2024-01-01}\n" : "", type);
	const struct oldc_indicator *ind = policy->indicators.items.items;
	for (size_t i = 0; i < policy->indicators.items.count; i++) {
		oldc_buf_printf(&b, "    %s: {basic: %s, guiding: %s", ind[i].id->text, status, status);
		if (strcmp(ind[i].id->text, "elevator_retrofit") != 0)
			oldc_buf_printf(&b, ", innovative: %s", status);
		oldc_buf_puts(&b, "}\n");
	}
	oldc_dossier *x = oldc_dossier_load("p.yaml", b.data, b.len, policy, NULL, d);
	oldc_buf_release(&b);
	assert_non_null(x);
	return x;
}

static void each_type_requires_its_tiers(void **state)
{
	(void)state;
	struct { const char *type; size_t required, extra; } cases[] = {
		{ "comprehensive", 34, 67 }, { "renewal", 68, 33 }, { "new_build", 101, 0 },
	};
	for (size_t i = 0; i < 3; i++) {
		oldc_diags d;
		oldc_diags_init(&d);
		oldc_dossier *x = pilot(cases[i].type, "met", false, &d);
		oldc_scorecard c;
		assert_int_equal(oldc_score(x, policy, OLDC_STAGE_DEFAULT, 100, AS_OF, &c), 0);
		assert_int_equal(c.required, cases[i].required);
		assert_int_equal(c.met, cases[i].required);
		assert_int_equal(c.extra, cases[i].extra);
		assert_true(c.passed);
		size_t sum = 0;
		for (size_t s = 0; s < c.n_systems; s++)
			sum += c.system_required[s];
		assert_int_equal(sum, c.required);
		assert_int_equal(oldc_score_at(&c, 20, 2)->state, OLDC_TIER_NONE); /* 21: no innovative */
		oldc_scorecard_release(&c);
		oldc_dossier_free(x);
		oldc_diags_release(&d);
	}
}

static void stages_count_planned_tiers_or_not(void **state)
{
	(void)state;
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_dossier *x = pilot("renewal", "planned", false, &d);
	oldc_scorecard c;
	assert_int_equal(oldc_score(x, policy, OLDC_STAGE_DEFAULT, 100, AS_OF, &c), 0);
	assert_int_equal(c.stage, OLDC_STAGE_PLAN);
	assert_true(c.stage_defaulted);
	assert_true(c.passed);
	oldc_scorecard_release(&c);
	assert_int_equal(oldc_score(x, policy, OLDC_STAGE_EVALUATION, 100, AS_OF, &c), 0);
	assert_int_equal(c.met, 0);
	assert_false(c.passed);
	assert_int_equal(oldc_score_at(&c, 0, 0)->state, OLDC_TIER_MISSING);
	oldc_scorecard_release(&c);
	assert_int_equal(oldc_score(x, policy, OLDC_STAGE_EVALUATION, 0, AS_OF, &c), 0);
	assert_true(c.passed); /* --fail-under 0 */
	oldc_scorecard_release(&c);
	oldc_dossier_free(x);
	x = pilot("renewal", "planned", true, &d);
	assert_int_equal(oldc_score(x, policy, OLDC_STAGE_DEFAULT, 100, AS_OF, &c), 0);
	assert_int_equal(c.stage, OLDC_STAGE_EVALUATION); /* completion accepted */
	oldc_scorecard_release(&c);
	/* accepted after the as-of date: not yet, so the plan stage */
	assert_int_equal(oldc_score(x, policy, OLDC_STAGE_DEFAULT, 100, oldc_date_from_ymd(2023, 12, 31), &c), 0);
	assert_int_equal(c.stage, OLDC_STAGE_PLAN);
	oldc_scorecard_release(&c);
	oldc_dossier_free(x);
	oldc_diags_release(&d);
}

static void display_width_counts_columns(void **state)
{
	(void)state;
	assert_int_equal(oldc_display_width(""), 0);
	assert_int_equal(oldc_display_width("abc"), 3);
	assert_int_equal(oldc_display_width("共建共治共享"), 12);
	assert_int_equal(oldc_display_width("建筑微更新"), 10);
	assert_int_equal(oldc_display_width("（全角）"), 8);
	assert_int_equal(oldc_display_width("✓ met"), 5);
	assert_int_equal(oldc_display_width("e\xcc\x81"), 1); /* e + combining acute */
	assert_int_equal(oldc_display_width("\xff"), 1);     /* not UTF-8: one column, no overread */
	assert_int_equal(oldc_display_width("\xf0\x9f\x9a\x80"), 2); /* U+1F680: wide, as Unicode's tables say */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_type_requires_its_tiers),
		cmocka_unit_test(stages_count_planned_tiers_or_not),
		cmocka_unit_test(display_width_counts_columns),
	};
	return cmocka_run_group_tests_name("score", tests, unit_setup, unit_teardown);
}
