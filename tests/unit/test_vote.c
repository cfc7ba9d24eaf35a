/*
 * test_vote.c: counting owners' votes exactly. The boundaries of every threshold, the
 * JI-OWNERS counting, each bad input at its row and column, each encoding, each rule,
 * and a property test: random sheets counted by the library and by a plain reference
 * written here must agree every time.
 */
#include <unistd.h>
#include "unit.h"


/* Writes `n` bytes to a new temporary file; returns its path (static buffer per call site). */
static void write_sheet(char path[64], const char *text, size_t n)
{
	snprintf(path, 64, "/tmp/oldc-vote-test-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
}

/* Reads a sheet given as text; returns 0 or -1 like oldc_vote_read. */
static int read_text(const char *text, size_t n, const oldc_vote_options *opt, oldc_vote_counts *c,
		     oldc_diags *d)
{
	char path[64];
	write_sheet(path, text, n);
	int rc = oldc_vote_read(path, opt, c, d);
	unlink(path);
	return rc;
}

static size_t rule(const char *id)
{
	long k = oldc_policy_find(policy, OLDC_CAT_VOTE_RULE, id);
	assert_true(k >= 0);
	return (size_t)k;
}

/* Decides a tally of one row under `rule_id`; returns whether it passed. */
static bool tally_passes(const char *rule_id, int64_t owners, int64_t consulted, int64_t agreed)
{
	char text[256];
	int n = snprintf(text, sizeof text, "owners,consulted,agreed\n%jd,%jd,%jd\n", (intmax_t)owners,
			 (intmax_t)consulted, (intmax_t)agreed);
	oldc_vote_counts c;
	oldc_vote_result r;
	oldc_diags d;
	oldc_diags_init(&d);
	assert_int_equal(read_text(text, (size_t)n, NULL, &c, &d), 0);
	oldc_vote_decide(&c, policy, rule(rule_id), &r);
	oldc_diags_release(&d);
	return r.passed;
}

static void op6_boundaries_are_inclusive_and_exact(void **state)
{
	(void)state;
	assert_true(tally_passes("consultation", 3000, 2000, 1500));
	assert_false(tally_passes("consultation", 3000, 1999, 1500));
	assert_true(tally_passes("consultation", 1000, 667, 501));
	assert_false(tally_passes("consultation", 1000, 666, 500));
	assert_true(tally_passes("consultation", 1000, 667, 501));   /* 501/667 = 0.7511 */
	assert_false(tally_passes("consultation", 1000, 667, 500));  /* 500/667 = 0.7496 */
	assert_true(tally_passes("consultation", 4, 4, 3));           /* exactly 3/4 */
	assert_false(tally_passes("consultation", 0, 0, 0));          /* nobody: nothing is met */
	/* near 2^63 / 10^12: exact, no overflow */
	assert_true(tally_passes("consultation", INT64_C(99999999999), INT64_C(66666666666), INT64_C(50000000000)));
	assert_false(tally_passes("consultation", INT64_C(99999999999), INT64_C(66666666665), INT64_C(50000000000)));
	assert_true(tally_passes("unanimous", 7, 7, 7));
	assert_false(tally_passes("unanimous", 7, 7, 6));
	assert_false(tally_passes("unanimous", 7, 6, 6));
}

static void cc278_counts_area_and_headcount(void **state)
{
	(void)state;
	/* 4 parts, 4 owners: 3 answer (3/4 participation), areas 100 each */
	static const char sheet[] =
		"unit,owner,area_m2,vote\n"
		"1,a,100,agree\n2,b,100.00,agree\n3,c,100,disagree\n4,d,100,\n";
	oldc_vote_counts c;
	oldc_vote_result r;
	oldc_diags d;
	oldc_diags_init(&d);
	assert_int_equal(read_text(sheet, sizeof sheet - 1, NULL, &c, &d), 0);
	assert_true(c.areas_known);
	assert_int_equal(c.area, 40000);
	assert_int_equal(c.consulted_area, 30000);
	assert_int_equal(c.agreed_area, 20000);
	oldc_vote_decide(&c, policy, rule("cc278-ordinary"), &r);
	assert_int_equal(r.n_checks, 4);
	assert_true(r.passed); /* 2/3 of 3 agree: more than half */
	oldc_vote_decide(&c, policy, rule("cc278-major"), &r);
	assert_false(r.passed); /* 2/3 is not 3/4 */
	oldc_vote_decide(&c, policy, rule("consultation"), &r);
	assert_int_equal(r.n_checks, 2);
	assert_true(r.cc278_known);
	assert_true(r.cc278_participation);
	assert_false(r.cc278_approval);
	oldc_diags_release(&d);

	/* two of three owners agree, but on exactly half of the area: no majority by area
	 * (过半数 is strictly more than half), so cc278-ordinary fails */
	static const char half[] = "unit,owner,area_m2,vote\n1,a,30,agree\n2,b,30,agree\n3,c,60,disagree\n";
	oldc_diags_init(&d);
	assert_int_equal(read_text(half, sizeof half - 1, NULL, &c, &d), 0);
	assert_int_equal(c.agreed_area * 2, c.consulted_area);
	oldc_vote_decide(&c, policy, rule("cc278-ordinary"), &r);
	assert_string_equal(r.checks[2].basis, "headcount");
	assert_true(r.checks[2].met);
	assert_string_equal(r.checks[3].basis, "area");
	assert_false(r.checks[3].met);
	assert_false(r.passed);
	oldc_diags_release(&d);
}

static void ji_owners_counting(void **state)
{
	(void)state;
	static const char sheet[] =
		"房号,业主编号,建筑面积,表决意见,开发商持有,姓名\n"
		"1-1-101,Y1,80.5,同意,,张某\n"
		"1-1-102,Y1,60,同意,,张某\n"        /* one owner, two parts: counts once */
		"1-1-201,Y2,70,不同意,否,李某\n"
		"1-1-202,,70,,是,\n"                 /* developer-held parts: one owner together */
		"1-1-301,,70,,1,\n"
		"1-1-302,Y3,70,弃权,0,王某\n"
		"1-1-401,Y4,90,√,,赵某\n";
	oldc_vote_counts c;
	oldc_diags d;
	oldc_diags_init(&d);
	assert_int_equal(read_text(sheet, sizeof sheet - 1, NULL, &c, &d), 0);
	assert_int_equal(c.parts, 7);
	assert_int_equal(c.owners, 5);  /* Y1, Y2, developer, Y3, Y4 */
	assert_int_equal(c.consulted, 4);
	assert_int_equal(c.agreed, 2);
	assert_int_equal(c.disagreed, 1);
	assert_int_equal(c.abstained, 1);
	assert_int_equal(c.owners_with_several_parts, 1);
	assert_int_equal(c.developer_parts, 2);
	assert_int_equal(c.area, 51050);
	assert_int_equal(c.agreed_area, 8050 + 6000 + 9000);
	/* 姓名 is a lesser owner column than 业主编号: not read, named by its header */
	assert_int_equal(d.count, 1);
	assert_string_equal(d.items[0].rule, "csv.ignored_column");
	assert_non_null(strstr(d.items[0].message, "6 (姓名)"));
	oldc_diags_release(&d);
}

/* Each bad sheet: invalid, with this first error at row:column. */
static void bad_sheets_are_refused_where_they_are_wrong(void **state)
{
	(void)state;
	struct { const char *text; size_t n; const char *want; } cases[] = {
#define C(s, w) { s, sizeof s - 1, w }
		C("unit,vote\n1,agree\n2,agree\n1,disagree\n", "4:1 csv.duplicate_unit"),
		C("unit,vote\n1,agree\n2,maybe\n", "3:2 csv.vote"),
		C("unit,area_m2,vote\n1,1.234,agree\n", "2:2 csv.area"),
		C("unit,area_m2,vote\n1,-5,agree\n", "2:2 csv.area"),
		C("unit,area_m2,vote\n1,\"12,000\",agree\n", "2:2 csv.area"),
		C("unit,vote\n1,agree,extra\n", "2:3 csv.fields"),
		C("unit,vote\n1,\"agree\n", "2:2 csv.syntax"),
		C("", "0:0 csv.empty"),
		C("unit,vote\n", "1:1 csv.empty"),
		C("unit,owner\n1,a\n", "1:1 csv.column"),
		C("name,phone\nx,y\n", "1:1 csv.column"),
		C("owners,consulted,agreed\n10,8,9\n", "2:3 csv.tally"),
		C("owners,consulted,agreed\n10,11,9\n", "2:2 csv.tally"),
		C("owners,consulted\n10,8\n", "1:1 csv.column"),
		C("owners,consulted,agreed,disagreed,abstained\n10,8,5,2,2\n", "2:2 csv.tally"),
		C("unit,owner,vote\n1,a,agree\n2,a,disagree\n", "3:3 csv.owner_conflict"),
		C("unit,owner,vote\n1,a,agree\n2,a,\n", "3:3 csv.owner_conflict"),
		C("unit,vote,developer_held\n1,agree,yes\n", "2:3 csv.developer_held"),
		C("unit,vote,developer_held\n1,agree,true\n2,,true\n", "3:2 csv.owner_conflict"),
		C("unit,vote\n,agree\n", "2:1 csv.unit"),
		C("unit,vote,unit\n1,agree,1\n", "1:3 csv.header"),
		C("unit,vote\n1,agree\n\xff\xfe\xfd,agree\n", "3:1 csv.encoding"),
		/* blank owners (a merged cell), ids Excel mangled, invisible characters */
		C("unit,owner,vote\n1,a,agree\n2,,agree\n", "3:2 csv.owner_blank"),
		C("unit,owner,vote\n1,3.70602E+17,agree\n", "2:2 csv.mangled_id"),
		C("unit,身份证号,vote\n1,370602198001010000,agree\n", "2:2 csv.mangled_id"),
		C("unit,owner,vote\n1E+15,a,agree\n", "2:1 csv.mangled_id"),
		C("unit,owner,vote\n1\xe2\x80\x8b,a,agree\n", "2:1 csv.invisible"),
		C("unit,owner,vote\n1,a\xe2\x80\xae,agree\n", "2:2 csv.invisible"),
		C("unit,owner,vote\n1,\xef\xbb\xbf" "a,agree\n", "2:2 csv.invisible"),
		/* total rows that do not add up */
		C("building,owners,consulted,agreed\nA,10,8,7\nB,10,8,7\n合计,20,16,15\n", "4:4 csv.total_row"),
		C("楼栋,业主总数,征求意见数,同意数\nA,10,8,7\n小 计,9,8,7\n", "3:2 csv.total_row"),
		C("unit,area_m2,vote\n1,50,agree\n2,10,agree\n总\xe3\x80\x80计,60.01,\n", "4:2 csv.total_row"),
		/* two owner ids of one rank; no header in the first rows */
		C("unit,身份证号,业主编号,vote\n1,a,a,agree\n", "1:3 csv.header"),
		C("幸福小区改造意见征询表\n\n姓名,电话\nx,y\n", "1:1 csv.column"),
		C("unit,vote\n1,agree\x00\n", "2:1 csv.encoding"),
#undef C
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		oldc_vote_counts c;
		oldc_diags d;
		oldc_diags_init(&d);
		int rc = read_text(cases[i].text, cases[i].n, NULL, &c, &d);
		size_t e = 0;
		while (e < d.count && d.items[e].severity != OLDC_ERROR)
			e++;
		char got[128] = "(no error)";
		if (e < d.count)
			snprintf(got, sizeof got, "%u:%u %s", d.items[e].line, d.items[e].column, d.items[e].rule);
		if (rc != -1 || strcmp(got, cases[i].want) != 0)
			print_error("case %zu: want %s, got rc %d and %s\n", i, cases[i].want, rc, got);
		assert_int_equal(rc, -1);
		assert_string_equal(got, cases[i].want);
		oldc_diags_release(&d);
	}
}

/* Personal data never reaches a finding: formula warnings give the position only. */
static void formula_cells_warn_without_their_content(void **state)
{
	(void)state;
	static const char sheet[] = "unit,vote,姓名,电话\n1,agree,=SUM(A1:A3),+86 13800000001\n2,agree,@张某,#REF!\n";
	oldc_vote_counts c;
	oldc_diags d;
	oldc_diags_init(&d);
	assert_int_equal(read_text(sheet, sizeof sheet - 1, NULL, &c, &d), 0);
	assert_int_equal(oldc_diags_count(&d, 0, OLDC_WARNING), 4);
	for (size_t i = 0; i < d.count; i++) {
		if (d.items[i].severity == OLDC_WARNING)
			assert_string_equal(d.items[i].rule, "csv.formula");
		assert_null(strstr(d.items[i].message, "SUM"));
		assert_null(strstr(d.items[i].message, "13800000001"));
		assert_null(strstr(d.items[i].message, "张某"));
	}
	oldc_diags_release(&d);
}

static void encodings_bom_gbk_crlf_and_delimiters(void **state)
{
	(void)state;
	/* 房号,业主编号,意见 / 同意 / 不同意 / 弃权 in GBK, with CRLF */
	static const char gbk[] = "\xb7\xbf\xba\xc5,\xd2\xb5\xd6\xf7\xb1\xe0\xba\xc5,\xd2\xe2\xbc\xfb\r\n"
				  "1,a,\xcd\xac\xd2\xe2\r\n2,b,\xb2\xbb\xcd\xac\xd2\xe2\r\n3,c,\xc6\xfa\xc8\xa8\r\n";
	static const char utf8[] = "\xef\xbb\xbf房号,业主编号,意见\r\n1,a,同意\r\n2,b,不同意\r\n3,c,弃权\r\n";
	static const char semi[] = "房号;业主编号;意见\n1;a;同意\n2;b;不同意\n3;c;弃权\n";
	static const char tab[] = "房号\t业主编号\t意见\n1\ta\t同意\n2\tb\t不同意\n3\tc\t弃权\n";
	/* a title row that Excel pads with delimiters, then the header: its delimiter is found */
	static const char titled[] = "幸福小区改造意见征询表;;\n房号;业主编号;意见\n1;a;同意\n2;b;不同意\n3;c;弃权\n";
	struct { const char *text; size_t n; char delim; oldc_encoding enc; const char *read_as; size_t notes; } cases[] = {
		{ semi, sizeof semi - 1, 0, OLDC_ENCODING_AUTO, "UTF-8", 0 },
		{ tab, sizeof tab - 1, 0, OLDC_ENCODING_AUTO, "UTF-8", 0 },
		{ gbk, sizeof gbk - 1, 0, OLDC_ENCODING_AUTO, "GB18030", 1 },
		{ titled, sizeof titled - 1, 0, OLDC_ENCODING_AUTO, "UTF-8", 1 },
		{ gbk, sizeof gbk - 1, ',', OLDC_ENCODING_AUTO, "GB18030", 1 },
		{ gbk, sizeof gbk - 1, ',', OLDC_ENCODING_GB18030, "GB18030", 0 },
		{ utf8, sizeof utf8 - 1, ',', OLDC_ENCODING_AUTO, "UTF-8", 0 },
		{ semi, sizeof semi - 1, ';', OLDC_ENCODING_AUTO, "UTF-8", 0 },
		{ tab, sizeof tab - 1, '\t', OLDC_ENCODING_UTF8, "UTF-8", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		oldc_vote_options opt = { .delimiter = cases[i].delim, .encoding = cases[i].enc, .total_area = -1 };
		oldc_vote_counts c;
		oldc_diags d;
		oldc_diags_init(&d);
		assert_int_equal(read_text(cases[i].text, cases[i].n, &opt, &c, &d), 0);
		assert_string_equal(c.encoding, cases[i].read_as);
		assert_int_equal(c.owners, 3);
		assert_int_equal(c.agreed, 1);
		assert_int_equal(c.disagreed, 1);
		assert_int_equal(c.abstained, 1);
		assert_int_equal(d.count, cases[i].notes);
		oldc_diags_release(&d);
	}
	/* GBK forced to be read as UTF-8 is refused, at its row */
	oldc_vote_options opt = { .delimiter = ',', .encoding = OLDC_ENCODING_UTF8, .total_area = -1 };
	oldc_vote_counts c;
	oldc_diags d;
	oldc_diags_init(&d);
	assert_int_equal(read_text(gbk, sizeof gbk - 1, &opt, &c, &d), -1);
	assert_string_equal(d.items[0].rule, "csv.encoding");
	assert_int_equal(d.items[0].line, 1);
	oldc_diags_release(&d);
}

static void totals_from_the_command_line(void **state)
{
	(void)state;
	static const char sheet[] = "unit,area_m2,vote\n1,50,agree\n2,50,agree\n3,50,disagree\n";
	oldc_vote_options opt = { .delimiter = ',', .owners = 5, .total_area = 30000 };
	oldc_vote_counts c;
	oldc_diags d;
	oldc_diags_init(&d);
	assert_int_equal(read_text(sheet, sizeof sheet - 1, &opt, &c, &d), 0);
	assert_true(c.owners_from_options);
	assert_int_equal(c.owners, 5);
	assert_int_equal(c.area, 30000);
	oldc_diags_release(&d);
	opt.owners = 2; /* fewer than listed */
	oldc_diags_init(&d);
	assert_int_equal(read_text(sheet, sizeof sheet - 1, &opt, &c, &d), -1);
	assert_string_equal(d.items[0].rule, "csv.owners");
	oldc_diags_release(&d);
}

/* The sheets of issue 15, as street offices export them: each counted right. */
static void sheets_as_street_offices_make_them(void **state)
{
	(void)state;
	oldc_vote_counts c;
	oldc_diags d;
	/* a tally in Chinese below a title, with a total row: the total is checked, not counted */
	static const char tally[] = "幸福小区改造意见征询汇总表,,,\n楼栋,业主总数,征求意见数,同意数\n"
				    "1号楼,68,58,55\n2号楼,55,47,43\n合计,123,105,98\n";
	oldc_diags_init(&d);
	assert_int_equal(read_text(tally, sizeof tally - 1, NULL, &c, &d), 0);
	assert_int_equal(c.shape, OLDC_SHAPE_TALLY);
	assert_int_equal(c.owners, 123);
	assert_int_equal(c.agreed, 98);
	assert_int_equal(c.rows, 2);
	assert_int_equal(c.header_row, 2);
	assert_int_equal(c.total_rows, 1);
	assert_int_equal(c.total_row[0], 5);
	assert_string_equal(d.items[0].rule, "csv.title_rows");
	oldc_diags_release(&d);

	/* 身份证号 outranks 姓名; 专有部分面积 outranks 建筑面积（㎡）; the others are named, never read */
	static const char ranked[] = "房号,姓名,身份证号,建筑面积（㎡）,专有部分面积,表决意见,备注\n"
				     "1-101,张某,A1,90,80.5,同意,x\n1-102,张某,A2,90,80.5,同意,y\n";
	oldc_diags_init(&d);
	assert_int_equal(read_text(ranked, sizeof ranked - 1, NULL, &c, &d), 0);
	assert_int_equal(c.owners, 2);
	assert_int_equal(c.area, 16100);
	assert_int_equal(c.n_ignored, 3);
	assert_string_equal(c.ignored[0], "姓名");
	assert_string_equal(c.ignored[1], "建筑面积（㎡）");
	assert_string_equal(c.ignored[2], "备注");
	assert_int_equal(d.count, 1);
	assert_null(strstr(d.items[0].message, "张某"));
	oldc_diags_release(&d);

	/* a name as the only identity: counted, with a note that names may collide */
	static const char names[] = "户号,姓名,意见\n1,张某,同意\n2,张某,同意\n";
	oldc_diags_init(&d);
	assert_int_equal(read_text(names, sizeof names - 1, NULL, &c, &d), 0);
	assert_int_equal(c.owners, 1);
	assert_string_equal(d.items[0].rule, "csv.owner_names");
	assert_null(strstr(d.items[0].message, "张某"));
	oldc_diags_release(&d);

	/* merged owner cells: refused, naming the rows; read with --fill-down owner */
	static const char merged[] = "房号,业主编号,意见,开发商持有\n1,a,同意,\n2,,同意,\n3,,同意,\n4,,,是\n5,b,同意,\n6,,同意,\n";
	oldc_diags_init(&d);
	assert_int_equal(read_text(merged, sizeof merged - 1, NULL, &c, &d), -1);
	assert_int_equal(d.count, 2);
	assert_string_equal(d.items[0].rule, "csv.owner_blank");
	assert_int_equal(d.items[0].line, 3);
	assert_non_null(strstr(d.items[0].message, "rows 3-4"));
	assert_int_equal(d.items[1].line, 7);
	oldc_diags_release(&d);
	oldc_vote_options fill = { .fill_down_owner = true, .total_area = -1 };
	oldc_diags_init(&d);
	assert_int_equal(read_text(merged, sizeof merged - 1, &fill, &c, &d), 0);
	assert_int_equal(c.owners, 3); /* a, b and the developer */
	assert_int_equal(c.filled_down, 3);
	oldc_diags_release(&d);

	/* --header-row: the header is where it says, the rows above are a title */
	static const char forced[] = "unit,vote\nunit,vote\n1,agree\n";
	oldc_vote_options second = { .header_row = 2, .total_area = -1 };
	oldc_diags_init(&d);
	assert_int_equal(read_text(forced, sizeof forced - 1, &second, &c, &d), 0);
	assert_int_equal(c.parts, 1);
	oldc_diags_release(&d);
	second.header_row = 9;
	oldc_diags_init(&d);
	assert_int_equal(read_text(forced, sizeof forced - 1, &second, &c, &d), -1);
	assert_string_equal(d.items[0].rule, "csv.column");
	oldc_diags_release(&d);
}

/* A flood of bad rows keeps OLDC_VOTE_MAX_FINDINGS findings and counts the rest. */
static void findings_beyond_the_cap_are_counted(void **state)
{
	(void)state;
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_buf_puts(&b, "unit,vote\n");
	for (int i = 0; i < 2500; i++)
		oldc_buf_printf(&b, "%d,maybe\n", i);
	oldc_vote_counts c;
	oldc_diags d;
	oldc_diags_init(&d);
	assert_int_equal(read_text(b.data, b.len, NULL, &c, &d), -1);
	assert_int_equal(d.count, OLDC_VOTE_MAX_FINDINGS + 1);
	assert_int_equal(c.suppressed, 2500 - OLDC_VOTE_MAX_FINDINGS);
	assert_string_equal(d.items[d.count - 1].rule, "limit.findings");
	assert_non_null(strstr(d.items[d.count - 1].message, "1500 more"));
	oldc_diags_release(&d);
	oldc_buf_release(&b);
}

/* A small deterministic generator (xorshift), so the property test is the same run after run. */
static uint64_t rng_state = 88172645463325252u;
static uint64_t next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* An owner id as a sheet may write it: as is, or (for the reader, the same id) with
 * full-width letters and digits, surrounding spaces, or an accent typed as a second
 * character (NFD) instead of one (NFC). */
static void owner_id(oldc_buf *b, size_t o, int variant)
{
	switch (variant) {
	case 1: /* Ｙ and full-width digits */
		oldc_buf_puts(b, "\xef\xbc\xb9");
		char digits[24];
		snprintf(digits, sizeof digits, "%zu", o);
		for (char *d = digits; *d; d++)
			oldc_buf_printf(b, "\xef\xbc%c", (char)(0x90 + (*d - '0')));
		break;
	case 2:
		oldc_buf_printf(b, " Y%zu", o);
		break;
	default:
		oldc_buf_printf(b, "Y%zu", o);
	}
	/* owners of even numbers carry an é, composed or not */
	if (o % 2 == 0)
		oldc_buf_puts(b, variant == 3 ? "e\xcc\x81" : "\xc3\xa9");
	if (variant == 2)
		oldc_buf_puts(b, "\xe3\x80\x80");
}

/* The property: a sheet made at random in every shape a street office's export takes
 * (any of the delimiters, title rows above the header, any header of the table's,
 * subtotal and total rows, merged owner cells read with --fill-down owner, ids written
 * in NFC, NFD or full width) is counted by the library exactly as a plain count of what
 * the generator meant. */
static void random_sheets_agree_with_a_plain_count(void **state)
{
	(void)state;
	static const char *const words[4] = { "", "同意", "不同意", "弃权" };
	static const char *const units[] = { "unit", "房号", "户号", "房屋编号" };
	static const char *const owners[] = { "owner", "业主编号", "身份证号", "证件号码" };
	static const char *const areas[] = { "area_m2", "建筑面积（㎡）", "专有部分面积", "面积(m²)" };
	static const char *const votes[] = { "vote", "意见", "表决意见", "是否同意" };
	static const char *const devs[] = { "developer_held", "开发商持有", "未售" };
	static const char *const totals[] = { "合计", "合 计", "总\xe3\x80\x80计" };
	static const char delims[] = { ',', ';', '\t' };
	for (int round = 0; round < 300; round++) {
		size_t parts = 1 + next() % 300, pool = 1 + next() % (parts + 1);
		char d = delims[next() % 3];
		bool fill = next() % 2, subtotals = next() % 3 == 0, total = next() % 2;
		unsigned titles = (unsigned)(next() % 4);
		int owner_answer[302];
		bool owner_seen[302] = { false };
		for (size_t o = 0; o < pool; o++)
			owner_answer[o] = (int)(next() % 4);
		int developer_answer = (int)(next() % 4);
		bool any_developer = false;
		int64_t want_owners = 0, want[4] = { 0 }, area = 0, area_by[4] = { 0 }, since = 0;
		size_t want_totals = 0, want_filled = 0;
		oldc_buf b;
		oldc_buf_init(&b);
		for (unsigned t = 0; t < titles; t++) /* a title, a date, a blank row: padded as Excel does */
			oldc_buf_printf(&b, "%s%c%c%c%c%c\n", t == 0 ? "幸福小区改造意见征询表" : t == 1 ? "填表日期：2026年11月" : "",
					d, d, d, d, d);
		oldc_buf_printf(&b, "%s%c%s%c%s%c%s%c%s%c电话\n", units[next() % 4], d, owners[next() % 4], d,
				areas[next() % 4], d, votes[next() % 4], d, devs[next() % 3], d);
		int prev_owner = -1; /* the pool owner of the row above, for a merged cell */
		for (size_t p = 0; p < parts; p++) {
			int64_t a = 3000 + (int64_t)(next() % 20000);
			int kind = (int)(next() % 10);
			int answer;
			if (kind == 0) { /* developer-held: no owner */
				answer = developer_answer;
				if (!any_developer) {
					any_developer = true;
					want_owners++;
					want[answer]++;
				}
				oldc_buf_printf(&b, "P%zu%c%c%jd.%02jd%c%s%c是%c138****%04zu\n", p, d, d, (intmax_t)(a / 100),
						(intmax_t)(a % 100), d, words[answer], d, d, p);
				prev_owner = -1;
			} else if (kind < 6) { /* an owner from the pool, maybe of several parts */
				size_t o = prev_owner >= 0 && next() % 3 == 0 ? (size_t)prev_owner : next() % pool;
				answer = owner_answer[o];
				if (!owner_seen[o]) {
					owner_seen[o] = true;
					want_owners++;
					want[answer]++;
				}
				oldc_buf_printf(&b, "P%zu%c", p, d);
				if (fill && (int)o == prev_owner)
					want_filled++; /* the merged cell: blank below its first row */
				else
					owner_id(&b, o, (int)(next() % 4));
				oldc_buf_printf(&b, "%c%jd.%02jd%c%s%c否%c138****%04zu\n", d, (intmax_t)(a / 100),
						(intmax_t)(a % 100), d, words[answer], d, d, p);
				prev_owner = (int)o;
			} else { /* an owner of one part */
				answer = (int)(next() % 4);
				want_owners++;
				want[answer]++;
				oldc_buf_printf(&b, "P%zu%cN%zu%c%jd.%02jd%c%s%c%c\n", p, d, p, d, (intmax_t)(a / 100),
						(intmax_t)(a % 100), d, words[answer], d, d);
				prev_owner = -1;
			}
			area += a;
			since += a;
			area_by[answer] += a;
			if (subtotals && next() % 25 == 0) { /* a subtotal of the rows since the last */
				oldc_buf_printf(&b, "小计%c%c%jd.%02jd%c%c%c\n", d, d, (intmax_t)(since / 100),
						(intmax_t)(since % 100), d, d, d);
				since = 0;
				want_totals++;
				prev_owner = -1; /* a merged cell does not span a total row */
			}
		}
		if (total) {
			oldc_buf_printf(&b, "%s%c%c%jd.%02jd%c%c%c\n", totals[next() % 3], d, d, (intmax_t)(area / 100),
					(intmax_t)(area % 100), d, d, d);
			want_totals++;
		}
		oldc_vote_counts c;
		oldc_diags d_;
		oldc_diags_init(&d_);
		oldc_vote_options opt = { .fill_down_owner = fill, .total_area = -1 };
		int rc = read_text(b.data, b.len, &opt, &c, &d_);
		if (rc != 0) {
			for (size_t i = 0; i < d_.count; i++)
				print_error("round %d: %u:%u %s %s\n", round, d_.items[i].line, d_.items[i].column,
					    d_.items[i].rule, d_.items[i].message);
			print_error("%s\n", b.data);
		}
		assert_int_equal(rc, 0);
		assert_int_equal(c.header_row, titles + 1);
		assert_int_equal(c.delimiter, d);
		assert_int_equal(c.total_rows, want_totals);
		assert_int_equal(c.filled_down, want_filled);
		assert_int_equal(c.parts, parts);
		assert_int_equal(c.owners, want_owners);
		assert_int_equal(c.consulted, want[1] + want[2] + want[3]);
		assert_int_equal(c.agreed, want[1]);
		assert_int_equal(c.disagreed, want[2]);
		assert_int_equal(c.abstained, want[3]);
		assert_int_equal(c.area, area);
		assert_int_equal(c.consulted_area, area_by[1] + area_by[2] + area_by[3]);
		assert_int_equal(c.agreed_area, area_by[1]);
		/* and the verdict is the exact comparison */
		oldc_vote_result r;
		oldc_vote_decide(&c, policy, rule("consultation"), &r);
		bool want_pass = want_owners > 0 && 3 * c.consulted >= 2 * want_owners &&
				 c.consulted > 0 && 4 * c.agreed >= 3 * c.consulted;
		assert_int_equal(r.passed, want_pass);
		oldc_diags_release(&d_);
		oldc_buf_release(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(op6_boundaries_are_inclusive_and_exact),
		cmocka_unit_test(cc278_counts_area_and_headcount),
		cmocka_unit_test(ji_owners_counting),
		cmocka_unit_test(bad_sheets_are_refused_where_they_are_wrong),
		cmocka_unit_test(formula_cells_warn_without_their_content),
		cmocka_unit_test(encodings_bom_gbk_crlf_and_delimiters),
		cmocka_unit_test(totals_from_the_command_line),
		cmocka_unit_test(sheets_as_street_offices_make_them),
		cmocka_unit_test(findings_beyond_the_cap_are_counted),
		cmocka_unit_test(random_sheets_agree_with_a_plain_count),
	};
	return cmocka_run_group_tests_name("vote", tests, unit_setup, unit_teardown);
}
