/* test_render_ci.c: the escaping of the CI formats (escape.h) and the renderers'
 * bookkeeping (render.h): GitHub's annotation limit, JUnit's counts, SARIF's rule
 * indexes. */
#include "unit.h"
#include "oldc/render.h"
#include "oldc/rules.h"
#include "escape.h"

typedef void (*escaper)(oldc_buf *, const char *);

static void assert_escaped(escaper f, const char *in, const char *want)
{
	oldc_buf b;
	oldc_buf_init(&b);
	f(&b, in);
	assert_false(b.failed);
	assert_string_equal(b.data ? b.data : "", want);
	oldc_buf_release(&b);
}

static void xml_text(oldc_buf *b, const char *s) { oldc_xml_text(b, s, false); }
static void xml_attribute(oldc_buf *b, const char *s) { oldc_xml_text(b, s, true); }

static void github_data_escapes_percent_and_line_breaks(void **state)
{
	(void)state;
	assert_escaped(oldc_gh_data, "", "");
	assert_escaped(oldc_gh_data, "100% done", "100%25 done");
	assert_escaped(oldc_gh_data, "a\nb\r\nc", "a%0Ab%0D%0Ac");
	/* in the data, : and , are the message's own */
	assert_escaped(oldc_gh_data, "x::error file=a,line=1::y", "x::error file=a,line=1::y");
	/* an escape already there is escaped again: GitHub unescapes once */
	assert_escaped(oldc_gh_data, "%0A", "%250A");
	assert_escaped(oldc_gh_data, "清泉路\n::warning::x", "清泉路%0A::warning::x");
}

static void github_property_escapes_colon_and_comma(void **state)
{
	(void)state;
	assert_escaped(oldc_gh_property, "d,1:2/a,b:c%.yaml", "d%2C1%3A2/a%2Cb%3Ac%25.yaml");
	assert_escaped(oldc_gh_property, "oldc-check: csv.vote (OP-6)", "oldc-check%3A csv.vote (OP-6)");
	assert_escaped(oldc_gh_property, "a\r\nb", "a%0D%0Ab");
	assert_escaped(oldc_gh_property, "卷 一.yaml", "卷 一.yaml");
}

static void github_log_breaks_the_older_command_syntax(void **state)
{
	(void)state;
	assert_escaped(oldc_gh_log, "x ##[error]y", "x ##%5Berror]y");
	assert_escaped(oldc_gh_log, "###[a", "###%5Ba");
	assert_escaped(oldc_gh_log, "a\n::error::b 5%", "a%0A::error::b 5%25");
	assert_escaped(oldc_gh_log, "##", "##");
}

static void xml_escapes_and_drops_what_xml_cannot_hold(void **state)
{
	(void)state;
	assert_escaped(xml_text, "<a href=\"x\">&'</a>", "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
	assert_escaped(xml_text, "a\tb\nc\rd", "a\tb\nc&#13;d");
	assert_escaped(xml_attribute, "a\tb\nc", "a&#9;b&#10;c");
	/* controls, U+FFFE, U+FFFF and bytes that are not UTF-8 are dropped */
	assert_escaped(xml_text, "a\x01\x1f\x7f" "b", "a\x7f" "b");
	assert_escaped(xml_text, "x\xEF\xBF\xBEy\xEF\xBF\xBFz", "xyz");
	assert_escaped(xml_text, "a\xFF\xC0\x80" "b\xED\xA0\x80" "c", "abc");
	assert_escaped(xml_text, "\xE6\xB8\x85", "清");
	assert_escaped(xml_text, "\xE6\xB8", ""); /* cut short */
	assert_escaped(xml_text, "\xF0\x9F\x8F\xA0 ok", "\xF0\x9F\x8F\xA0 ok");
	assert_escaped(xml_text, "]]>", "]]&gt;");
}

static void uri_paths_are_percent_encoded(void **state)
{
	(void)state;
	assert_escaped(oldc_uri_path, "examples/zf-2022_007.yaml~", "examples/zf-2022_007.yaml~");
	assert_escaped(oldc_uri_path, "卷 一/无效#1%.yaml", "%E5%8D%B7%20%E4%B8%80/%E6%97%A0%E6%95%88%231%25.yaml");
	assert_escaped(oldc_uri_path, "a?b&c=d;e:f,g+h", "a%3Fb%26c%3Dd%3Be%3Af%2Cg%2Bh");
}

static oldc_diag diag(oldc_severity severity, const char *rule, const char *message)
{
	return (oldc_diag){ .file = (char *)"-", .line = 3, .column = 2, .severity = severity, .rule = rule,
			    .clause = "OP-6", .message = (char *)message };
}

static void github_annotates_ten_of_each_kind(void **state)
{
	(void)state;
	oldc_github g;
	oldc_github_init(&g, "oldc-check", NULL);
	oldc_buf b;
	oldc_buf_init(&b);
	for (int i = 0; i < 12; i++) {
		oldc_diag e = diag(OLDC_ERROR, "csv.vote", "bad\n::error::x"), n = diag(OLDC_NOTE, "csv.encoding", "gbk");
		oldc_render_diag_github(&b, &e, &g);
		oldc_render_diag_github(&b, &n, &g);
	}
	oldc_diag w = diag(OLDC_WARNING, "csv.formula", "=1+1");
	oldc_render_diag_github(&b, &w, &g);
	oldc_render_github_summary(&b, &g);
	assert_false(b.failed);
	size_t errors = 0, notices = 0, warnings = 0, logged = 0, lines = 0;
	for (char *line = b.data; line && *line;) {
		char *end = strchr(line, '\n');
		assert_non_null(end);
		lines++;
		errors += strncmp(line, "::error title=oldc-check%3A csv.vote (OP-6)::bad%0A::error::x\n", (size_t)(end - line) + 1) == 0;
		notices += strncmp(line, "::notice ", 9) == 0;
		warnings += strncmp(line, "::warning ", 10) == 0;
		logged += strncmp(line, "oldc-check: -:3:2: ", 19) == 0;
		line = end + 1;
	}
	assert_int_equal(errors, 10);
	assert_int_equal(notices, 10);
	assert_int_equal(warnings, 1);
	assert_int_equal(logged, 4);
	assert_int_equal(lines, 26);
	assert_int_equal(g.logged[OLDC_ERROR], 2);
	assert_int_equal(g.logged[OLDC_NOTE], 2);
	assert_non_null(strstr(b.data, "oldc-check: 4 findings were not annotated"));
	oldc_buf_release(&b);
}

static void junit_counts_each_outcome(void **state)
{
	(void)state;
	oldc_junit j;
	oldc_junit_init(&j, "oldc-check");
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_diag_add(&d, OLDC_ERROR, "a.yaml", 1, 1, "schema.type", NULL, "a <b> & \x01" "c");
	oldc_junit_case(&j, "a.yaml", NULL, OLDC_JUNIT_INVALID, NULL, &d, 0, 1);
	oldc_junit_case(&j, "b.yaml", "B-1", OLDC_JUNIT_FAILED, NULL, &d, 0, 1);
	oldc_junit_case(&j, "c.yaml", "C-1", OLDC_JUNIT_PASSED, NULL, &d, 0, 0);
	oldc_junit_case(&j, "d.yaml", "D-1", OLDC_JUNIT_SKIPPED, "not a pilot", &d, 0, 0);
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_junit_finish(&j, &b);
	assert_false(b.failed);
	assert_non_null(strstr(b.data, "<testsuites name=\"oldc-check\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\">"));
	assert_non_null(strstr(b.data, "<error message=\"a &lt;b&gt; &amp; c\" type=\"schema.type\">"));
	assert_non_null(strstr(b.data, "classname=\"oldc-check\""));
	assert_non_null(strstr(b.data, "<skipped message=\"not a pilot\"/>"));
	assert_null(strstr(b.data, "\x01"));
	oldc_buf_release(&b);
	oldc_junit_release(&j);
	oldc_diags_release(&d);
}

static void sarif_indexes_point_at_their_rules(void **state)
{
	(void)state;
	oldc_sarif s;
	oldc_sarif_init(&s, "oldc-check", NULL);
	oldc_diag known = diag(OLDC_ERROR, "csv.vote", "x"), unknown = diag(OLDC_WARNING, "zz.not_catalogued", "y");
	oldc_sarif_add(&s, &known);
	oldc_sarif_add(&s, &unknown);
	oldc_sarif_add(&s, &unknown);
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_sarif_finish(&s, &b);
	assert_false(b.failed);
	size_t n;
	const oldc_rule *all = oldc_rules(&n);
	char want[128];
	snprintf(want, sizeof want, "\"ruleId\": \"csv.vote\", \"ruleIndex\": %zu,", (size_t)(oldc_rule_find("csv.vote") - all));
	assert_non_null(strstr(b.data, want));
	snprintf(want, sizeof want, "\"ruleId\": \"zz.not_catalogued\", \"ruleIndex\": %zu,", n);
	assert_non_null(strstr(b.data, want));
	assert_non_null(strstr(b.data, "{\"id\": \"zz.not_catalogued\"}"));
	assert_null(strstr(b.data, "locations")); /* standard input has none */
	oldc_buf_release(&b);
	oldc_sarif_release(&s);
}

/* A finding in a workbook names its cell as a spreadsheet user says it: in JSON beside
 * its row and column, and in SARIF as a property of the result. */
static void a_workbook_cell_is_named_in_json_and_sarif(void **state)
{
	(void)state;
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_diag_add(&d, OLDC_ERROR, "ballots.xlsx", 17, 3, "csv.vote", NULL, "Sheet1!C17: not an answer");
	oldc_diag_set_cell(&d, "Sheet1!C17");
	assert_false(d.out_of_memory);
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_render_diag_json(&b, &d.items[0]);
	assert_non_null(strstr(b.data, "\"line\": 17, \"column\": 3, \"cell\": \"Sheet1!C17\"}"));
	oldc_sarif s;
	oldc_repo repo = { .cwd = "/src/city", .root = "/src/" };
	oldc_sarif_init(&s, "oldc-vote", &repo);
	oldc_sarif_add(&s, &d.items[0]);
	b.len = 0;
	oldc_sarif_finish(&s, &b);
	assert_false(b.failed);
	assert_non_null(strstr(b.data, "\"region\": {\"startLine\": 17, \"startColumn\": 3}"));
	assert_non_null(strstr(b.data, "\"properties\": {\"cell\": \"Sheet1!C17\"}"));
	oldc_sarif_release(&s);
	oldc_buf_release(&b);
	oldc_diags_release(&d);
}

/* The terminal (text output, stderr): what a terminal would act on, or a reader not
 * see, is shown as <U+XXXX>; a newline as \n; a byte that is not UTF-8 as \xNN. */
static void terminal_shows_controls_bidi_and_invisible_characters(void **state)
{
	(void)state;
	assert_escaped(oldc_term_text, "", "");
	assert_escaped(oldc_term_text, "清泉路 (芝罘区), 100% ok", "清泉路 (芝罘区), 100% ok");
	assert_escaped(oldc_term_text, "a\033[2Jb", "a<U+001B>[2Jb");
	assert_escaped(oldc_term_text, "\033]8;;http://x\033\\link", "<U+001B>]8;;http://x<U+001B>\\link");
	assert_escaped(oldc_term_text, "tab\there\r", "tab<U+0009>here<U+000D>");
	assert_escaped(oldc_term_text, "x\n  renovation  eligible", "x\\n  renovation  eligible");
	assert_escaped(oldc_term_text, "\x7f\xc2\x9b" "2J", "<U+007F><U+009B>2J");        /* DEL, C1 CSI */
	assert_escaped(oldc_term_text, "abc\xe2\x80\xae" "def", "abc<U+202E>def");        /* RLO */
	assert_escaped(oldc_term_text, "a\xe2\x80\x8b" "b\xef\xbb\xbf" "c", "a<U+200B>b<U+FEFF>c");
	assert_escaped(oldc_term_text, "\xe2\x81\xa6" "x\xe2\x81\xa9", "<U+2066>x<U+2069>"); /* isolates */
	assert_escaped(oldc_term_text, "\xe2\x80\xa8", "<U+2028>");                    /* line separator */
	assert_escaped(oldc_term_text, "\xe3\x85\xa4", "<U+3164>");                    /* Hangul filler */
	assert_escaped(oldc_term_text, "gbk\xd6\xd0.yaml", "gbk\\xD6\\xD0.yaml");
	assert_escaped(oldc_term_text, "\xc0\xaf", "\\xC0\\xAF");                       /* overlong */
}

/* Markdown: & is a reference's start; a code span holds its text verbatim. */
static void markdown_text_and_code_spans(void **state)
{
	(void)state;
	assert_escaped(oldc_md_text, "长岛 & \"海岛\" *x*", "长岛 &amp; \"海岛\" \\*x\\*");
	assert_escaped(oldc_md_code, "examples/zf_2024_031.yaml:3:1", "`examples/zf_2024_031.yaml:3:1`");
	assert_escaped(oldc_md_code, "a`b``c", "```a`b``c```");
	assert_escaped(oldc_md_code, "`x", "`` `x ``");
	assert_escaped(oldc_md_code, "a|b\nc", "`a\\|b c`");
	/* what a reader would not see as it is: shown, as on a terminal (a right-to-left
	 * override would turn a file's name around in a pull request's comment) */
	assert_escaped(oldc_md_code, "d/\xe2\x80\xaelmay.exe\x1b[31m\xff.yaml", "`d/<U+202E>lmay.exe<U+001B>[31m\\xFF.yaml`");
	assert_escaped(oldc_md_text, "名\xe2\x80\xaeX\x1b\xff", "名\\<U+202E\\>X\\<U+001B\\>\\\\xFF");
	assert_escaped(oldc_md_text, "a\r\nb\tc", "a  b\\<U+0009\\>c");
}

/* The CI formats name a file relative to the repository the command gives them, from
 * strings alone: no file system is read (the paths here exist nowhere). */
static void files_are_named_relative_to_the_given_root(void **state)
{
	(void)state;
	oldc_repo repo = { .cwd = "/nowhere/repo/sub", .root = "/nowhere/repo/" };
	oldc_diag in = { .file = (char *)"../a/./d.yaml", .line = 2, .column = 1, .severity = OLDC_ERROR,
			 .rule = "csv.vote", .message = (char *)"x" };
	oldc_diag out = in;
	out.file = (char *)"/elsewhere/e.yaml";
	oldc_github g;
	oldc_github_init(&g, "oldc-check", &repo);
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_render_diag_github(&b, &in, &g);
	oldc_render_diag_github(&b, &out, &g);
	assert_false(b.failed);
	assert_non_null(strstr(b.data, "::error file=a/d.yaml,line=2,col=1,"));
	assert_non_null(strstr(b.data, "::error file=/elsewhere/e.yaml,line=2,col=1,"));
	oldc_sarif s;
	oldc_sarif_init(&s, "oldc-check", &repo);
	oldc_sarif_add(&s, &in);
	oldc_sarif_add(&s, &out);
	b.len = 0;
	oldc_sarif_finish(&s, &b);
	assert_false(b.failed);
	assert_non_null(strstr(b.data, "{\"uri\": \"a/d.yaml\", \"uriBaseId\": \"%SRCROOT%\"}"));
	assert_non_null(strstr(b.data, "{\"uri\": \"file:///elsewhere/e.yaml\"}"));
	oldc_sarif_release(&s);
	oldc_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(files_are_named_relative_to_the_given_root),
		cmocka_unit_test(github_data_escapes_percent_and_line_breaks),
		cmocka_unit_test(github_property_escapes_colon_and_comma),
		cmocka_unit_test(github_log_breaks_the_older_command_syntax),
		cmocka_unit_test(xml_escapes_and_drops_what_xml_cannot_hold),
		cmocka_unit_test(uri_paths_are_percent_encoded),
		cmocka_unit_test(terminal_shows_controls_bidi_and_invisible_characters),
		cmocka_unit_test(markdown_text_and_code_spans),
		cmocka_unit_test(github_annotates_ten_of_each_kind),
		cmocka_unit_test(junit_counts_each_outcome),
		cmocka_unit_test(sarif_indexes_point_at_their_rules),
		cmocka_unit_test(a_workbook_cell_is_named_in_json_and_sarif),
	};
	return cmocka_run_group_tests_name("render_ci", tests, NULL, NULL);
}
