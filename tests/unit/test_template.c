/*
 * test_template.c: `oldc init`'s template (template.h) loads as it is written, lists
 * every content item the policy requires and, for each pilot type of the policy, every
 * indicator with exactly the tiers the type requires; oldc-check finds in it only what
 * is still to be done.
 */
#include "unit.h"
#include "oldc/template.h"

static oldc_dossier *make(const oldc_template *t, oldc_buf *b)
{
	oldc_buf_init(b);
	assert_int_equal(oldc_template_dossier(b, policy, t), 0);
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_dossier *dossier = oldc_dossier_load("template.yaml", b->data, b->len, policy, NULL, &d);
	for (size_t i = 0; i < d.count; i++)
		print_error("%u:%u %s %s\n", d.items[i].line, d.items[i].column, d.items[i].rule, d.items[i].message);
	assert_non_null(dossier);
	assert_int_equal(d.count, 0);
	oldc_diags_release(&d);
	return dossier;
}

static oldc_template plain(void)
{
	const struct oldc_plan_year *y = policy->plan_years.years.items;
	return (oldc_template){ .id = "ZF-2022-101", .name = "幸福小区", .district = "芝罘区", .built_year = 1995,
				.plan_year = y[0].year->value.integer, .pilot_type = -1,
				.schema = "../schemas/dossier.schema.json" };
}

static void the_required_content_is_planned(void **state)
{
	(void)state;
	oldc_template t = plain();
	oldc_buf b;
	oldc_dossier *d = make(&t, &b);
	const struct oldc_content_item *items = policy->content.items.items;
	const struct oldc_content_entry *e = d->content.items;
	size_t required = 0;
	for (size_t k = 0; k < policy->content.items.count; k++) {
		if (!items[k].required->value.boolean)
			continue;
		assert_true(required < d->content.count);
		assert_string_equal(e[required].item->text, items[k].id->text);
		assert_string_equal(e[required].status->text, "planned");
		required++;
	}
	assert_int_equal(d->content.count, required); /* the optional ones are comments */
	assert_string_equal(d->id->text, "ZF-2022-101");
	assert_string_equal(d->name->text, "幸福小区");
	assert_null(d->pilot.node);
	assert_null(d->preconditions.node); /* nothing happened yet */
	assert_true(strncmp(b.data, "# yaml-language-server: $schema=../schemas/dossier.schema.json\n", 63) == 0);
	oldc_dossier_free(d);
	oldc_buf_release(&b);
}

static void every_type_gets_every_indicator_with_its_tiers(void **state)
{
	(void)state;
	const struct oldc_pilot_type *types = policy->pilot.types.items;
	const struct oldc_indicator *ind = policy->indicators.items.items;
	assert_true(policy->pilot.types.count >= 3);
	assert_int_equal(policy->indicators.items.count, 34);
	for (size_t k = 0; k < policy->pilot.types.count; k++) {
		oldc_template t = plain();
		t.pilot_type = (long)k;
		oldc_buf b;
		oldc_dossier *d = make(&t, &b);
		assert_string_equal(d->pilot.type->text, types[k].id->text);
		assert_int_equal(d->pilot.indicators.count, policy->indicators.items.count);
		const oldc_list *given = d->pilot.indicators.items;
		size_t items = 0;
		for (size_t i = 0; i < policy->indicators.items.count; i++) {
			assert_non_null(given[i].node); /* every indicator is listed */
			const struct oldc_tier *tiers = given[i].items;
			const oldc_node *const *texts = ind[i].tiers.items;
			for (size_t tier = 0; tier < given[i].count; tier++) {
				bool required = false;
				const oldc_node *const *req = types[k].required_tiers.items;
				for (size_t r = 0; r < types[k].required_tiers.count; r++)
					required |= req[r]->value.index == tier;
				bool expected = required && texts[tier] != NULL;
				assert_int_equal(tiers[tier].node != NULL, expected);
				if (expected) {
					assert_string_equal(tiers[tier].status->text, "not_met");
					/* the tier's text, verbatim, just above it */
					assert_non_null(strstr(b.data, texts[tier]->text));
					items++;
				}
			}
		}
		/* 34 basic; 68 with guiding; 101 with innovative (indicator 21 has none) */
		static const size_t expected_items[] = { 34, 68, 101 };
		if (k < 3)
			assert_int_equal(items, expected_items[types[k].required_tiers.count - 1]);
		oldc_dossier_free(d);
		oldc_buf_release(&b);
	}
}

/* What oldc-check may say of a template: only what is still to be done. */
static const char *const to_be_done[] = {
	"owners_committee.assembly", "owners_committee.election", "red_heart_property.formed",
	"illegal_structures.status", "consultation.missing", "consultation.commitment",
	"design_plan.publicized", "design_plan.hotline", "design_plan.street_coordination",
	"reviews.joint", "reviews.expert", "completion.accepted", "completion.items",
	"pilot.scale", "pilot.condition", "creation_plan.section", "creation_plan.drawing",
	"listing.review_year", "evaluation.indicators_short", "completion.representatives",
	"completion.onsite_check", NULL
};

static void the_check_finds_only_what_is_to_be_done(void **state)
{
	(void)state;
	const struct oldc_plan_year *years = policy->plan_years.years.items;
	for (long k = -1; k < (long)policy->pilot.types.count; k++)
		for (size_t y = 0; y < policy->plan_years.years.count; y++) {
			oldc_template t = plain();
			t.pilot_type = k;
			t.plan_year = years[y].year->value.integer;
			oldc_buf b;
			oldc_dossier *d = make(&t, &b);
			oldc_diags diags;
			oldc_diags_init(&diags);
			oldc_check_result r;
			oldc_check_options o = { .as_of = 0 };
			assert_int_equal(oldc_date_parse("2026-11-28", 10, &o.as_of), 0);
			oldc_loaded loaded = { .dossier = d }; /* a new dossier names no sheet */
			assert_int_equal(oldc_check(&loaded, policy, &o, &diags, &r), 0);
			for (size_t i = 0; i < diags.count; i++) {
				bool known = false;
				for (const char *const *id = to_be_done; *id && !known; id++)
					known = strcmp(*id, diags.items[i].rule) == 0;
				if (!known)
					print_error("%s\n", diags.items[i].rule);
				assert_true(known);
			}
			assert_int_equal(r.completion, OLDC_COMPLETION_INCOMPLETE);
			oldc_diags_release(&diags);
			oldc_dossier_free(d);
			oldc_buf_release(&b);
		}
}

static void names_and_ids_stay_text(void **state)
{
	(void)state;
	static const char *const names[] = { "Name: \"#x\" 'y'", "A区", "1995", "- a", "true", "  空格  ", "x\\y", NULL };
	for (const char *const *n = names; *n; n++) {
		oldc_template t = plain();
		t.name = *n;
		t.district = "芝罘区"; /* one of the policy's: the loader refuses another */
		t.id = strcmp(*n, "true") == 0 ? "true" : "2022.001";
		t.schema = NULL;
		oldc_buf b;
		oldc_dossier *d = make(&t, &b);
		assert_string_equal(d->name->text, *n);
		assert_string_equal(d->district->text, t.district);
		assert_string_equal(d->id->text, t.id);
		assert_true(strncmp(b.data, "# yaml-language-server", 22) != 0);
		oldc_dossier_free(d);
		oldc_buf_release(&b);
	}
	assert_true(oldc_template_id_ok("ZF-2022-007"));
	assert_true(oldc_template_id_ok("a.b_c-1"));
	assert_false(oldc_template_id_ok(""));
	assert_false(oldc_template_id_ok("a b"));
	assert_false(oldc_template_id_ok("幸福"));
	assert_false(oldc_template_id_ok("12345678901234567890123456789012345678901234567890123456789012345"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_required_content_is_planned),
		cmocka_unit_test(every_type_gets_every_indicator_with_its_tiers),
		cmocka_unit_test(the_check_finds_only_what_is_to_be_done),
		cmocka_unit_test(names_and_ids_stay_text),
	};
	return cmocka_run_group_tests_name("template", tests, unit_setup, unit_teardown);
}
