/*
 * liboldc: the core of oldc, the checker of Yantai's old-community renovation and
 * Beautiful Community pilot dossiers. The commands (src/cli) are thin mains over it.
 *
 * Rules that hold for the whole API, stated once here:
 *  - The library never prints and never exits. Problems with the input are reported as
 *    diagnostics (diag.h) added to a caller's list; a function returns -1 (or NULL) when
 *    it could not produce its result, 0 (or the object) when it could.
 *  - Ownership: a function that returns a new object says so and names the function
 *    that frees it (x_free). Pointers into an object (nodes, strings) are borrowed and
 *    live as long as the object. Strings passed in are copied when kept.
 *  - Exactness: counts are int64_t, areas are int64_t hundredths of a m² ("centi"),
 *    dates are days since 1970-01-01; no floating point in a verdict.
 *  - Out of memory is an error like any other: the result is -1/NULL with a diagnostic
 *    when the diagnostic list can still hold one.
 */
#ifndef OLDC_OLDC_H
#define OLDC_OLDC_H

#include "oldc/buf.h"
#include "oldc/diag.h"
#include "oldc/date.h"
#include "oldc/node.h"
#include "oldc/policy.h"
#include "oldc/dossier.h"
#include "oldc/load.h"
#include "oldc/render.h"
#include "oldc/check.h"
#include "oldc/vote.h"
#include "oldc/score.h"
#include "oldc/report.h"
#include "oldc/lang.h"
#include "oldc/output.h"
#include "oldc/settings.h"
#include "oldc/tree.h"
#include "oldc/diff.h"

/* The version of liboldc and of the programs, e.g. "0.1.0". */
const char *oldc_version(void);

#endif
