/*
 * test_check.c: the rules on structs alone (issue 16). A dossier is loaded from a
 * string and its ballots sheet made in memory, as the load stage (load.h) would hand
 * it over; oldc_check then judges them without a file: the dossier's name and its
 * sheet's path name nothing on disk.
 */
#include "unit.h"

/* A dossier whose only shortfall can be its consultation (OP-6), with a ballots sheet
 * at line 18. Its name and the sheet's lie in a folder that does not exist. */
static const char text[] =
	"oldc: 1\n"
	"id: ZF-2024-031\n"
	"name: 只楚南小区\n"
	"district: 芝罘区\n"
	"street: 只楚街道\n"
	"central_city: true\n"
	"built_year: 1989\n"
	"plan_year: 2024\n"
	"scope: {buildings: 8, households: 312, floor_area_m2: 23227.98, population: 860}\n"
	"preconditions:\n"
	"  owners_committee: {assembly_held: 2023-04-08, committee_elected: 2023-04-22}\n"
	"  red_heart_property: {formed: 2023-05-30, provider: 烟台芝罘某物业服务有限公司}\n"
	"  illegal_structures: {status: cleared, cleared: 2023-07-12}\n"
	"  consultation:\n"
	"    commitments: {support_renovation: true, demolish_illegal_structures: true,\n"
	"                  property_service_mode: true, public_resource_use: true}\n"
	"    motion: 是否同意改造\n"
	"    ballots: ballots/nowhere.csv\n"
	"  design_plan: {designer: 某设计院, publicized: 2023-08-28, hotline: \"0535-6000031\",\n"
	"                street_coordination: true}\n"
	"reviews:\n"
	"  joint: {result: passed, date: 2023-10-10}\n"
	"  expert: {result: passed, date: 2023-11-14}\n"
	"content:\n"
	"  - {item: roof_repair, status: planned}\n"
	"  - {item: exterior_wall_repair, status: planned}\n"
	"  - {item: property_service_rooms, status: planned}\n"
	"  - {item: accessibility_ageing, status: planned}\n"
	"  - {item: car_parking, status: planned}\n"
	"  - {item: bicycle_parking_charging, status: planned}\n"
	"  - {item: outdoor_fitness_space, status: planned}\n"
	"  - {item: smart_parcel_lockers, status: planned}\n"
	"  - {item: culture_leisure, status: planned}\n"
	"  - {item: information_display, status: planned}\n"
	"  - {item: smart_community, status: planned}\n"
	"  - {item: construction_waste_reuse, status: planned}\n"
	"works:\n"
	"  land_ownership_change: false\n"
	"  adds_floor_area: false\n"
	"  changes_function_or_structure: false\n"
	"  changes_main_structure: false\n"
	"  new_build_floor_area_m2: 0\n"
	"  ownership_registration_change: false\n"
	"  high_risk_work: false\n";

static const char dossier_file[] = "/nonexistent/oldc-test/zf-2024-031.yaml";

static oldc_dossier *load(void)
{
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_dossier *x = oldc_dossier_load(dossier_file, text, sizeof text - 1, policy, NULL, &d);
	for (size_t i = 0; i < d.count; i++)
		print_error("%u:%u %s %s\n", d.items[i].line, d.items[i].column, d.items[i].rule, d.items[i].message);
	assert_non_null(x);
	oldc_diags_release(&d);
	return x;
}

/* A counted ballots sheet: `owners` owners, `consulted` of them answered, `agreed` of
 * those agree, the rest disagree. */
static oldc_sheet counted(const oldc_dossier *x, int64_t owners, int64_t consulted, int64_t agreed)
{
	oldc_sheet s = { .node = x->preconditions.consultation.ballots, .status = OLDC_SHEET_COUNTED };
	oldc_diags_init(&s.diags);
	s.counts = (oldc_vote_counts){ .shape = OLDC_SHAPE_BALLOTS, .encoding = "UTF-8", .rows = (size_t)owners,
				       .parts = (size_t)owners, .owners = owners, .consulted = consulted,
				       .agreed = agreed, .disagreed = consulted - agreed, .answers_split = true,
				       .header_row = 1, .delimiter = ',' };
	return s;
}

static bool has(const oldc_diags *d, const char *rule, unsigned line)
{
	for (size_t i = 0; i < d->count; i++)
		if (strcmp(d->items[i].rule, rule) == 0 && d->items[i].line == line)
			return true;
	return false;
}

static oldc_check_result check(const oldc_loaded *l, oldc_diags *d)
{
	oldc_check_options o = { .as_of = 0 };
	assert_int_equal(oldc_date_parse("2026-11-28", 10, &o.as_of), 0);
	oldc_check_result r;
	assert_int_equal(oldc_check(l, policy, &o, d, &r), 0);
	return r;
}

/* 198 of 310 owners consulted: short of two thirds, the listing is deferred (OP-6) at
 * the dossier's ballots: line; 300 of 310: eligible. */
static void a_sheet_in_memory_is_judged(void **state)
{
	(void)state;
	oldc_dossier *x = load();
	oldc_sheet s = counted(x, 310, 198, 170);
	oldc_loaded l = { .dossier = x, .sheets = &s, .n_sheets = 1 };
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_check_result r = check(&l, &d);
	assert_int_equal(r.renovation, OLDC_RENOVATION_DEFERRED);
	assert_true(r.consultation_judged);
	assert_false(r.input_invalid);
	assert_true(has(&d, "consultation.participation", 18));
	oldc_diags_release(&d);

	s = counted(x, 310, 300, 280);
	oldc_diags_init(&d);
	r = check(&l, &d);
	assert_int_equal(r.renovation, OLDC_RENOVATION_ELIGIBLE);
	assert_true(r.consultation_judged);
	assert_false(has(&d, "consultation.participation", 18));
	oldc_diags_release(&d);
	oldc_dossier_free(x);
}

/* A sheet the load stage could not count: its own findings come through, then
 * ballots.invalid at the dossier's line, and the input is invalid. A refused path is
 * reported at the same line. A sheet the stage never loaded is not counted. */
static void a_sheet_that_failed_is_reported(void **state)
{
	(void)state;
	oldc_dossier *x = load();
	oldc_sheet s = { .node = x->preconditions.consultation.ballots, .status = OLDC_SHEET_INVALID,
			 .path = (char *)"/nonexistent/oldc-test/ballots/nowhere.csv" };
	oldc_diags_init(&s.diags);
	oldc_diag_add(&s.diags, OLDC_ERROR, s.path, 7, 2, "csv.duplicate_unit", NULL, "unit listed twice");
	oldc_loaded l = { .dossier = x, .sheets = &s, .n_sheets = 1 };
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_check_result r = check(&l, &d);
	assert_true(r.input_invalid);
	assert_false(r.consultation_judged);
	assert_true(has(&d, "csv.duplicate_unit", 7));
	assert_true(has(&d, "ballots.invalid", 18));
	assert_true(r.errors >= 2);
	oldc_diags_release(&d);
	oldc_diags_release(&s.diags);

	s = (oldc_sheet){ .node = x->preconditions.consultation.ballots, .status = OLDC_SHEET_OUTSIDE };
	oldc_diags_init(&s.diags);
	oldc_diags_init(&d);
	r = check(&l, &d);
	assert_true(r.input_invalid);
	assert_true(has(&d, "ballots.path", 18));
	oldc_diags_release(&d);

	oldc_loaded none = { .dossier = x };
	oldc_diags_init(&d);
	r = check(&none, &d);
	assert_false(r.consultation_judged);
	assert_true(has(&d, "consultation.uncounted", 18));
	oldc_diags_release(&d);
	oldc_dossier_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_sheet_in_memory_is_judged),
		cmocka_unit_test(a_sheet_that_failed_is_reported),
	};
	return cmocka_run_group_tests_name("check", tests, unit_setup, unit_teardown);
}
