/*
 * fuzz_policy.c: a policy file from the fuzzer (--policy FILE comes from a user too):
 * the loader and its checks; a policy that loads is then applied to a small dossier,
 * so that rules read whatever values the fuzzer found acceptable.
 */
#include <string.h>
#include "fuzz.h"

static const char dossier[] =
	"oldc: 1\nid: FZ-1\nname: 测试小区\ndistrict: 芝罘区\nbuilt_year: 1990\nplan_year: 2023\n"
	"scope: {households: 10, floor_area_m2: 1000.5}\n"
	"preconditions:\n  owners_committee: {assembly_held: 2022-01-01, committee_elected: 2022-01-02}\n"
	"  consultation: {tally: {owners: 10, consulted: 9, agreed: 8}}\n"
	"reviews: {joint: {result: passed, date: 2022-02-01}, expert: {result: passed, date: 2022-03-01}}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_policy *p = oldc_policy_load("fuzz-policy.yaml", (const char *)data, size, &d);
	if (p) {
		oldc_dossier *x = oldc_dossier_load("d.yaml", dossier, strlen(dossier), p, NULL, &d);
		if (x) {
			oldc_check_result r;
			oldc_check_options o = { .as_of = fuzz_as_of() };
			oldc_loaded l = { .dossier = x }; /* the dossier names no sheet */
			oldc_check(&l, p, &o, &d, &r);
		}
		oldc_dossier_free(x);
		oldc_policy_free(p);
	}
	oldc_diags_release(&d);
	return 0;
}
