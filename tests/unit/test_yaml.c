/*
 * test_yaml.c: the strict reader's limits and traps: each limit refuses at its bound and
 * not below it, a file over the size limit is refused before it is read, aliases are
 * refused without being expanded, and nesting and key counts cost no stack or n².
 */
#include <fcntl.h>
#include <unistd.h>
#include "unit.h"
#include "utf8.h"

static oldc_node *read_text(const char *text, const oldc_limits *limits, oldc_arena *a, oldc_diags *d)
{
	return oldc_yaml_read("t.yaml", text, strlen(text), limits, a, d);
}

static const char *first_rule(const oldc_diags *d)
{
	return d->count ? d->items[0].rule : "(none)";
}

static void positions_count_characters_not_bytes(void **state)
{
	(void)state;
	oldc_arena *a = oldc_arena_new();
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_node *root = read_text("名称: 毓璜顶\r\n街道: {区: 芝罘区}\r\n", NULL, a, &d);
	assert_non_null(root);
	const oldc_node *v = oldc_node_get(root, "街道");
	assert_int_equal(v->line, 2);
	assert_int_equal(v->column, 5);
	assert_int_equal(oldc_node_get(v, "区")->column, 9);
	assert_string_equal(oldc_node_get(root, "名称")->text, "毓璜顶");
	oldc_diags_release(&d);
	oldc_arena_free(a);
}

static void each_limit_refuses_at_its_bound(void **state)
{
	(void)state;
	oldc_limits small = { .max_file_bytes = 64, .max_depth = 3, .max_scalar_bytes = 5, .max_nodes = 7 };
	struct { const char *text; const char *rule; } cases[] = {
		{ "a: [[1]]\n", NULL },                  /* depth 3 */
		{ "a: [[[1]]]\n", "limit.depth" },       /* depth 4 */
		{ "a: 12345\n", NULL },
		{ "a: 123456\n", "limit.scalar_length" },
		{ "a: 1\nb: 2\nc: 3\n", NULL },          /* 7 nodes */
		{ "a: 1\nb: 2\nc: 3\nd: 4\n", "limit.nodes" },
		{ "a: 1 # a comment that makes the text longer than sixty-four bytes\n", "limit.file_size" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		oldc_arena *a = oldc_arena_new();
		oldc_diags d;
		oldc_diags_init(&d);
		oldc_node *root = read_text(cases[i].text, &small, a, &d);
		if (cases[i].rule) {
			assert_null(root);
			assert_string_equal(first_rule(&d), cases[i].rule);
		} else {
			assert_non_null(root);
			assert_int_equal(d.count, 0);
		}
		oldc_diags_release(&d);
		oldc_arena_free(a);
	}
}

/* A 9 MiB sparse file: refused by its size, before a byte of it is read. */
static void a_large_file_is_refused_before_reading(void **state)
{
	(void)state;
	char path[] = "/tmp/oldc-test-large-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 9 << 20), 0);
	close(fd);
	oldc_arena *a = oldc_arena_new();
	oldc_diags d;
	oldc_diags_init(&d);
	assert_null(oldc_yaml_read(path, NULL, 0, NULL, a, &d));
	assert_string_equal(first_rule(&d), "limit.file_size");
	assert_non_null(strstr(d.items[0].message, "9437184 bytes"));
	unlink(path);
	oldc_diags_release(&d);
	oldc_arena_free(a);
}

/* Billion laughs: the first alias stops the reader; nothing is expanded. */
static void billion_laughs_stops_at_the_first_alias(void **state)
{
	(void)state;
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_buf_puts(&b, "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
	for (char c = 'b'; c <= 'i'; c++)
		oldc_buf_printf(&b, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c]\n", c, c, c - 1,
				c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
	oldc_arena *a = oldc_arena_new();
	oldc_diags d;
	oldc_diags_init(&d);
	assert_null(read_text(b.data, NULL, a, &d));
	assert_string_equal(d.items[d.count - 1].rule, "yaml.alias");
	assert_int_equal(d.items[d.count - 1].line, 2);
	oldc_diags_release(&d);
	oldc_arena_free(a);
	oldc_buf_release(&b);
}

static void deep_nesting_is_refused_without_recursion(void **state)
{
	(void)state;
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_buf_puts(&b, "a: ");
	for (int i = 0; i < 100000; i++)
		oldc_buf_putc(&b, '[');
	oldc_arena *a = oldc_arena_new();
	oldc_diags d;
	oldc_diags_init(&d);
	assert_null(read_text(b.data, NULL, a, &d));
	assert_string_equal(first_rule(&d), "limit.depth");
	oldc_diags_release(&d);
	oldc_arena_free(a);
	oldc_buf_release(&b);
}

/* 20,000 keys with one repeated: found (through the sorted path), naming the first. */
static void duplicate_keys_in_a_large_mapping(void **state)
{
	(void)state;
	oldc_buf b;
	oldc_buf_init(&b);
	for (int i = 0; i < 20000; i++)
		oldc_buf_printf(&b, "k%d: %d\n", i, i);
	oldc_buf_puts(&b, "k123: again\n");
	oldc_arena *a = oldc_arena_new();
	oldc_diags d;
	oldc_diags_init(&d);
	assert_null(read_text(b.data, NULL, a, &d));
	assert_int_equal(d.count, 1);
	assert_string_equal(d.items[0].rule, "yaml.duplicate_key");
	assert_int_equal(d.items[0].line, 20001);
	assert_non_null(strstr(d.items[0].message, "line 124"));
	oldc_diags_release(&d);
	oldc_arena_free(a);
	oldc_buf_release(&b);
}

/* The scan takes ASCII eight bytes at a time: a bad byte or a NUL is found at every
 * offset, whatever its place in a word, and a Chinese character across a word's end
 * is still whole. */
static void utf8_scan_finds_every_offset(void **state)
{
	(void)state;
	unsigned char buf[64];
	static const unsigned char bad[] = { 0x00, 0xFF, 0x80, 0xC0 };
	for (size_t b = 0; b < sizeof bad; b++)
		for (size_t at = 0; at < sizeof buf; at++) {
			memset(buf, 'a', sizeof buf);
			buf[at] = bad[b];
			assert_int_equal(oldc_utf8_invalid(buf, sizeof buf), at);
			assert_int_equal(oldc_utf8_invalid(buf, at), at); /* before it, all is well */
		}
	for (size_t at = 0; at + 3 <= sizeof buf; at++) {
		memset(buf, 'a', sizeof buf);
		memcpy(buf + at, "\xe6\xaf\x93", 3); /* 毓 */
		assert_int_equal(oldc_utf8_invalid(buf, sizeof buf), sizeof buf);
		assert_int_equal(oldc_utf8_invalid(buf, at + 2), at); /* cut short */
	}
}

/* The control-character scan of texts (schema.control) finds every control byte at
 * every offset, lets tabs and line breaks pass wherever they stand, and is not fooled
 * by the bytes of Chinese text, all at or above 0x80. */
static void control_scan_finds_every_offset(void **state)
{
	(void)state;
	unsigned char buf[67];
	static const unsigned char bad[] = { 0x00, 0x01, 0x0D, 0x1B, 0x1F, 0x7F };
	static const unsigned char fill[][3] = { { 'a', 'a', 'a' }, { 0xE6, 0xAF, 0x93 }, { '\t', '\n', ' ' } };
	for (size_t f = 0; f < sizeof fill / sizeof fill[0]; f++) {
		for (size_t i = 0; i < sizeof buf; i++)
			buf[i] = fill[f][i % 3];
		assert_int_equal(oldc_utf8_control(buf, sizeof buf), sizeof buf);
		for (size_t b = 0; b < sizeof bad; b++)
			for (size_t at = 0; at < sizeof buf; at++) {
				unsigned char keep = buf[at];
				buf[at] = bad[b];
				assert_int_equal(oldc_utf8_control(buf, sizeof buf), at);
				assert_int_equal(oldc_utf8_control(buf, at), at);
				buf[at] = keep;
			}
	}
	static const unsigned char edge[] = { 0x20, 0x7E, 0x80, 0xFF, '\t', '\n' };
	memset(buf, 'a', sizeof buf);
	for (size_t e = 0; e < sizeof edge; e++)
		for (size_t at = 0; at < sizeof buf; at++) {
			buf[at] = edge[e];
			assert_int_equal(oldc_utf8_control(buf, sizeof buf), sizeof buf);
			buf[at] = 'a';
		}
}

static void utf8_errors_point_at_the_bad_character(void **state)
{
	(void)state;
	struct { const char *text; unsigned line, col; } cases[] = {
		{ "a: b\nc: \xe6\xaf\x93\xff\n", 2, 5 },      /* 毓 then a stray byte */
		{ "\xef\xbb\xbf" "a: \xc0\xaf\n", 1, 4 },     /* overlong '/', after a BOM */
		{ "a: \xed\xa0\x80\n", 1, 4 },                 /* a surrogate */
		{ "a: \xf4\x90\x80\x80\n", 1, 4 },             /* past U+10FFFF */
		{ "a: \xf0\x9f\x8f\n", 1, 4 },                 /* cut short */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		oldc_arena *a = oldc_arena_new();
		oldc_diags d;
		oldc_diags_init(&d);
		assert_null(read_text(cases[i].text, NULL, a, &d));
		assert_string_equal(first_rule(&d), "yaml.encoding");
		assert_int_equal(d.items[0].line, cases[i].line);
		assert_int_equal(d.items[0].column, cases[i].col);
		oldc_diags_release(&d);
		oldc_arena_free(a);
	}
	/* GB18030 four-byte sequences are not UTF-8 either */
	oldc_arena *a = oldc_arena_new();
	oldc_diags d;
	oldc_diags_init(&d);
	assert_null(read_text("a: \x81\x30\x81\x30\n", NULL, a, &d));
	assert_string_equal(first_rule(&d), "yaml.encoding");
	oldc_diags_release(&d);
	oldc_arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(positions_count_characters_not_bytes),
		cmocka_unit_test(each_limit_refuses_at_its_bound),
		cmocka_unit_test(a_large_file_is_refused_before_reading),
		cmocka_unit_test(billion_laughs_stops_at_the_first_alias),
		cmocka_unit_test(deep_nesting_is_refused_without_recursion),
		cmocka_unit_test(duplicate_keys_in_a_large_mapping),
		cmocka_unit_test(utf8_errors_point_at_the_bad_character),
		cmocka_unit_test(control_scan_finds_every_offset),
		cmocka_unit_test(utf8_scan_finds_every_offset),
	};
	return cmocka_run_group_tests_name("yaml", tests, NULL, NULL);
}
