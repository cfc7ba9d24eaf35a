/*
 * test_explain.c: the rule catalog (rules.h) is sorted and found by id, every rule says
 * what to do about its findings, in English and in Chinese, and `oldc explain`
 * (explain.h) leads from a rule to what to do and to its clause's text, from a clause
 * to the rules that cite it, and from BC-A1-N to the indicator's tiers.
 */
#include "unit.h"
#include "i18n.h"
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
	assert_string_equal(oldc_rule_clause(p, policy), "OP-6");
	assert_int_equal(p->severity, OLDC_ERROR);
	assert_int_equal(p->moves, OLDC_MOVES_DEFERRED);
	assert_ptr_equal(oldc_rule_at(R_CONSULTATION_PARTICIPATION), p);
	assert_null(oldc_rule_clause(oldc_rule_find("yaml.alias"), policy));
	assert_null(oldc_rule_find("consultation"));
	assert_null(oldc_rule_find(""));
	assert_null(oldc_rule_find("zzz.zzz"));
}

/* A rule without what to do (an empty text, or its description again) fails here,
 * named; so does one whose text po/zh_CN.po does not translate. */
static void every_rule_says_what_to_do(void **state)
{
	(void)state;
	size_t n, bad = 0;
	const oldc_rule *r = oldc_rules(&n);
	for (size_t i = 0; i < n; i++) {
		const char *why = NULL;
		if (!r[i].advice || r[i].advice[0] == '\0')
			why = "no text of what to do";
		else if (strcmp(r[i].advice, r[i].summary) == 0)
			why = "what to do repeats the description";
		else {
			oldc_lang_set(OLDC_LANG_ZH);
			const char *zh = _(r[i].advice);
			oldc_lang_set(OLDC_LANG_EN);
			if (strcmp(zh, r[i].advice) == 0)
				why = "what to do has no Chinese in po/zh_CN.po";
		}
		if (why) {
			print_error("%s: %s\n", r[i].id, why);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
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
	assert_non_null(strstr(t, "Too few of the owners were consulted"));
	/* what to do comes after the description and before the clause */
	const char *todo = strstr(t, "\n\nWhat to do:\n  Reach the owners not yet consulted");
	assert_non_null(todo);
	assert_true(todo < strstr(t, "OP-6  "));
	free(t);
	t = explain("consultation.participation", true, &rc);
	assert_non_null(strstr(t, "\"advice\": \"Reach the owners not yet consulted"));
	free(t);
	t = explain("yaml.alias", false, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(t, "What to do:\n  Write the value out in full"));
	assert_non_null(strstr(t, "cites no clause"));
	free(t);
	t = explain("yaml.alias", true, &rc);
	assert_non_null(strstr(t, "\"kind\": \"rule\""));
	assert_non_null(strstr(t, "\"clause\": null"));
	free(t);
}

/* The text of what to do, as explain prints it, without its spaces and line breaks. */
static char *squeezed(const char *s, size_t n)
{
	char *out = malloc(n + 1), *o = out;
	assert_non_null(out);
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n')
			*o++ = s[i];
	*o = '\0';
	return out;
}

/* What to do is wrapped to the terminal's 78 columns in English and in Chinese (a 汉字
 * takes two), indented by two, and says the whole text: no word lost at a break. */
static void what_to_do_is_wrapped_whole(void **state)
{
	(void)state;
	size_t n;
	const oldc_rule *r = oldc_rules(&n);
	for (int zh = 0; zh < 2; zh++) {
		oldc_lang_set(zh ? OLDC_LANG_ZH : OLDC_LANG_EN);
		for (size_t i = 0; i < n; i++) {
			int rc;
			char *t = explain(r[i].id, false, &rc);
			const char *label = strstr(t, zh ? "\n\n如何处理：\n" : "\n\nWhat to do:\n");
			assert_non_null(label);
			const char *p = strchr(label + 2, '\n') + 1, *end = strstr(p, "\n\n");
			assert_non_null(end);
			for (const char *line = p; line < end;) {
				const char *nl = strchr(line, '\n');
				char *one = strndup(line, (size_t)(nl - line));
				assert_true(one[0] == ' ' && one[1] == ' ' && one[2] != ' ');
				if (oldc_display_width(one) > 78 && strchr(one + 2, ' '))
					fail_msg("%s: a line of %zu columns: %s", r[i].id, oldc_display_width(one), one);
				free(one);
				line = nl + 1;
			}
			const char *advice = _(r[i].advice);
			char *printed = squeezed(p, (size_t)(end - p)), *whole = squeezed(advice, strlen(advice));
			assert_string_equal(printed, whole);
			free(printed);
			free(whole);
			free(t);
		}
	}
	oldc_lang_set(OLDC_LANG_EN);
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
	oldc_explain_list(&b, policy, false);
	size_t n, lines = 0;
	const oldc_rule *r = oldc_rules(&n);
	for (size_t i = 0; i < b.len; i++)
		lines += b.data[i] == '\n';
	assert_true(lines >= n + 34);
	assert_non_null(strstr(b.data, r[0].id));
	assert_non_null(strstr(b.data, "\nBC-A1-34\t"));
	assert_non_null(strstr(b.data, "\nOP-6\t"));
	oldc_buf_release(&b);
	oldc_buf_init(&b);
	oldc_explain_list(&b, policy, true);
	assert_false(b.failed);
	assert_non_null(strstr(b.data, "{\"id\": \"consultation.participation\", \"kind\": \"rule\", \"summary\": "));
	assert_non_null(strstr(b.data, "{\"id\": \"OP-6\", \"kind\": \"clause\", \"summary\": "));
	assert_non_null(strstr(b.data, "{\"id\": \"BC-A1-34\", \"kind\": \"indicator\", \"summary\": "));
	assert_null(strchr(b.data, '\t'));
	oldc_buf_release(&b);
}

/* The built-in policy carries the text of every clause a rule cites, and each cites
 * a document or source the policy names. */
static void every_cited_clause_has_its_text(void **state)
{
	(void)state;
	size_t n;
	const oldc_rule *r = oldc_rules(&n);
	for (size_t i = 0; i < n; i++) {
		const char *clause = oldc_rule_clause(&r[i], policy);
		assert_true((clause != NULL) == (r[i].clause != OLDC_CLAUSE_NONE));
		if (!clause || strncmp(clause, "BC-A1-", 6) == 0)
			continue;
		const struct oldc_clause *c = oldc_policy_clause(policy, clause);
		if (!c)
			print_error("%s cites %s, which has no text\n", r[i].id, clause);
		assert_non_null(c);
		assert_non_null(oldc_policy_document(policy, c->source->text));
		assert_true(c->text->text[0] != '\0');
	}
	int rc;
	char *t = explain("OP-6", false, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(t, "三分之二以上业主意见"));
	assert_non_null(strstr(t, "at least two thirds"));
	assert_non_null(strstr(t, "consultation.participation"));
	free(t);
	t = explain("JK-63", true, &rc);
	assert_non_null(strstr(t, "\"verbatim\": false"));
	assert_non_null(strstr(t, "\"rules\": [\"demolition.ratio\""));
	free(t);
	t = explain("OP-3", true, &rc);
	assert_non_null(strstr(t, "\"verbatim\": true"));
	free(t);
}

/* A SARIF rule's help: its text is `oldc explain RULE`'s, its Markdown the same,
 * escaped, the Chinese a block quote. */
static void a_rules_help_is_what_explain_says(void **state)
{
	(void)state;
	const oldc_rule *r = oldc_rule_find("owners_committee.election");
	assert_non_null(r);
	oldc_buf text, md;
	oldc_buf_init(&text);
	oldc_buf_init(&md);
	oldc_explain_rule_help(&text, &md, policy, r);
	assert_false(text.failed || md.failed);
	int rc;
	char *t = explain("owners_committee.election", false, &rc);
	assert_string_equal(text.data, t);
	free(t);
	assert_non_null(strstr(md.data, "**owners\\_committee.election** · error · OP-3\n\n"));
	assert_non_null(strstr(md.data, "\n> 3.业委会前置"));
	assert_non_null(strstr(md.data, "未成立业主委员会的小区暂缓实施改造"));
	assert_non_null(strstr(md.data, "\n\n**What to do:** Elect the owners' committee"));
	assert_non_null(strstr(md.data, "preconditions.owners\\_committee.committee\\_elected"));
	assert_true(md.data[md.len - 1] == '\n' && md.data[md.len - 2] != '\n');
	oldc_buf_release(&text);
	oldc_buf_release(&md);
	oldc_buf_init(&text);
	oldc_buf_init(&md);
	oldc_explain_rule_help(&text, &md, policy, oldc_rule_find("yaml.alias"));
	assert_non_null(strstr(text.data, "cites no clause"));
	assert_null(strstr(md.data, "> "));
	oldc_buf_release(&text);
	oldc_buf_release(&md);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_catalog_is_sorted_and_found_by_id),
		cmocka_unit_test(every_rule_says_what_to_do),
		cmocka_unit_test(a_rule_leads_to_its_clause),
		cmocka_unit_test(what_to_do_is_wrapped_whole),
		cmocka_unit_test(an_indicator_shows_its_tiers),
		cmocka_unit_test(an_unknown_id_writes_nothing),
		cmocka_unit_test(the_list_has_every_rule),
		cmocka_unit_test(every_cited_clause_has_its_text),
		cmocka_unit_test(a_rules_help_is_what_explain_says),
	};
	return cmocka_run_group_tests_name("explain", tests, unit_setup, unit_teardown);
}
