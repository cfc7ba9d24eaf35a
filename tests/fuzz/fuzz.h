/*
 * fuzz.h: what the fuzz harnesses share (tests/fuzz/README.md). Each harness is a
 * LLVMFuzzerTestOneInput: built with libFuzzer by `make fuzz`, and with replay.c by
 * `make check`, which runs it over the seeds and the regression corpus under the
 * sanitizers. The built-in policy is loaded once per process.
 */
#ifndef OLDC_FUZZ_H
#define OLDC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include "oldc/oldc.h"
#include "oldc/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The built-in policy (loaded at the first call; the process ends with it). */
static inline const oldc_policy *fuzz_policy(void)
{
	static oldc_policy *policy;
	if (!policy) {
		oldc_diags d;
		oldc_diags_init(&d);
		policy = oldc_policy_load(NULL, NULL, 0, &d);
		oldc_diags_release(&d);
		if (!policy)
			__builtin_trap(); /* the built-in policy always loads */
	}
	return policy;
}

/* A fixed as-of date, so that a finding is the same at every run: 2026-11-28. */
static inline oldc_date fuzz_as_of(void)
{
	return oldc_date_from_ymd(2026, 11, 28);
}

#endif
