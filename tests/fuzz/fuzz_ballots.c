/*
 * fuzz_ballots.c: a ballots or tally sheet from the fuzzer, with every encoding path:
 * the first byte picks the options (encoding auto / GB18030 / UTF-8, the delimiter, a
 * --motion column, --owners and --total-area), the rest is the sheet. Each rule of the
 * policy is decided on what was counted, and the result rendered as text and JSON.
 */
#include "fuzz.h"
#include "oldc/render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const oldc_policy *p = fuzz_policy();
	unsigned pick = data[0];
	static const char delimiters[] = { ',', ';', '\t', ',' };
	static const oldc_encoding encodings[] = { OLDC_ENCODING_AUTO, OLDC_ENCODING_GB18030, OLDC_ENCODING_UTF8,
						   OLDC_ENCODING_AUTO };
	oldc_vote_options o = {
		.delimiter = delimiters[pick & 3],
		.encoding = encodings[(pick >> 2) & 3],
		.motion = pick & 16 ? "意见" : NULL,
		.owners = pick & 32 ? 1000 : 0,
		.total_area = pick & 64 ? 12345678 : -1,
		.data = (const char *)data + 1,
		.length = size - 1,
	};
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_vote_counts c;
	oldc_buf b;
	oldc_buf_init(&b);
	if (oldc_vote_read("fuzz.csv", &o, &c, &d) == 0) {
		for (size_t k = 0; k < p->vote_rules.count; k++) {
			oldc_vote_result r;
			oldc_vote_decide(&c, p, k, &r);
			oldc_render_vote_text(&b, "fuzz.csv", &c, &r, &d, 0, d.count, true);
			oldc_render_vote_json(&b, "fuzz.csv", &c, &r, "rule", o.motion, &d, 0, d.count);
		}
	} else {
		oldc_render_vote_text(&b, "fuzz.csv", NULL, NULL, &d, 0, d.count, false);
		oldc_render_vote_json(&b, "fuzz.csv", NULL, NULL, "rule", o.motion, &d, 0, d.count);
	}
	oldc_buf_release(&b);
	oldc_diags_release(&d);
	return 0;
}
