/*
 * test_explain.c: the rule catalog (rules.h) is sorted and found by id, and
 * `oldc explain` (explain.h) leads from a rule to its clause's text, from a clause to
 * the rules that cite it, and from BC-A1-N to the indicator's tiers.
 */
#include "unit.h"
#include "oldc/explain.h"
#include "oldc/rules.h"

static void the_catalog_is_sorted_and_found_by_id(void **state)
{
	(void)state;
	size_t n;
	const oldc_rule *r = oldc_rules(&n);
	assert_true(n > 50);
	for (size_t i = 1; i < n; i++)
		assert_true(strcmp(r[i - 1].id, r[i].id) < 0);
	for (size_t i = 0; i < n; i++) {
		assert_ptr_equal(oldc_rule_find(r[i].id), &r[i]);
		assert_true(r[i].summary[0] != '\0');
	}
	const oldc_rule *p = oldc_rule_find("consultation.participation");
	assert_non_null(p);
	assert_string_equal(p->clause, "OP-6");
	assert_int_equal(p->severity, OLDC_ERROR);
	assert_null(oldc_rule_find("yaml.alias")->clause);
	assert_null(oldc_rule_find("consultation"));
	assert_null(oldc_rule_find(""));
	assert_null(oldc_rule_find("zzz.zzz"));
}

static char *explain(const char *id, bool json, int *rc)
{
	oldc_buf b;
	oldc_buf_init(&b);
	*rc = oldc_explain(&b, policy, id, json);
	assert_false(b.failed);
	return b.data; /* NULL when nothing was written */
}

static void a_rule_leads_to_its_clause(void **state)
{
	(void)state;
	int rc;
	char *t = explain("consultation.participation", false, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(t, "consultation.participation  error  OP-6\n"));
	assert_non_null(strstr(t, "Fewer than two thirds"));
	assert_non_null(strstr(t, "OP-6  "));
	free(t);
	t = explain("yaml.alias", false, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(t, "cites no clause"));
	free(t);
	t = explain("yaml.alias", true, &rc);
	assert_non_null(strstr(t, "\"kind\": \"rule\""));
	assert_non_null(strstr(t, "\"clause\": null"));
	free(t);
}

static void an_indicator_shows_its_tiers(void **state)
{
	(void)state;
	int rc;
	char *t = explain("BC-A1-21", false, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(t, "电梯加装"));
	assert_non_null(strstr(t, "基础性"));
	assert_non_null(strstr(t, "(none: the indicator has no such tier)")); /* 21 has no innovative tier */
	free(t);
	t = explain("BC-A1-21", true, &rc);
	assert_non_null(strstr(t, "\"kind\": \"indicator\""));
	assert_null(strstr(t, "\"innovative\""));
	free(t);
}

static void an_unknown_id_writes_nothing(void **state)
{
	(void)state;
	int rc;
	assert_null(explain("OP-99", false, &rc));
	assert_int_equal(rc, -1);
	assert_null(explain("consultation.participatoin", true, &rc));
	assert_int_equal(rc, -1);
	assert_string_equal(oldc_explain_nearest(policy, "consultation.participatoin"), "consultation.participation");
	assert_null(oldc_explain_nearest(policy, "zzzzzzzzzzzzzzzz"));
}

static void the_list_has_every_rule(void **state)
{
	(void)state;
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_explain_list(&b, policy);
	size_t n, lines = 0;
	const oldc_rule *r = oldc_rules(&n);
	for (size_t i = 0; i < b.len; i++)
		lines += b.data[i] == '\n';
	assert_true(lines >= n + 34);
	assert_non_null(strstr(b.data, r[0].id));
	assert_non_null(strstr(b.data, "\nBC-A1-34\t"));
	oldc_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_catalog_is_sorted_and_found_by_id),
		cmocka_unit_test(a_rule_leads_to_its_clause),
		cmocka_unit_test(an_indicator_shows_its_tiers),
		cmocka_unit_test(an_unknown_id_writes_nothing),
		cmocka_unit_test(the_list_has_every_rule),
	};
	return cmocka_run_group_tests_name("explain", tests, unit_setup, unit_teardown);
}
