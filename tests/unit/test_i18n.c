/* test_i18n.c: the lookup of translated messages (i18n.c): a catalog built here byte by
 * byte in the GNU .mo layout, the built-in Chinese one, plurals, English passthrough,
 * malformed catalogs (which must be refused, never read out of bounds) and the choice
 * of the language from the environment. */
#include "unit.h"
#include "i18n.h"

/* A .mo file of `n` (original, translation) pairs, given sorted; `length` includes
 * the NULs inside a plural's strings. Little-endian, or big-endian when `swapped`. */
typedef struct pair {
	const char *original, *translation;
	size_t original_length, translation_length;
} pair;

static void put32(unsigned char *p, uint32_t v, bool swapped)
{
	for (int i = 0; i < 4; i++)
		p[swapped ? 3 - i : i] = (unsigned char)(v >> (8 * i));
}

static unsigned char *make_mo(const pair *pairs, uint32_t n, bool swapped, size_t *size)
{
	size_t total = 28 + 16u * n;
	for (uint32_t i = 0; i < n; i++)
		total += pairs[i].original_length + 1 + pairs[i].translation_length + 1;
	unsigned char *mo = calloc(1, total);
	assert_non_null(mo);
	put32(mo, 0x950412de, swapped);
	put32(mo + 8, n, swapped);
	put32(mo + 12, 28, swapped);
	put32(mo + 16, 28 + 8 * n, swapped);
	size_t at = 28 + 16u * n;
	for (int table = 0; table < 2; table++)
		for (uint32_t i = 0; i < n; i++) {
			const char *s = table ? pairs[i].translation : pairs[i].original;
			size_t len = table ? pairs[i].translation_length : pairs[i].original_length;
			put32(mo + 28 + 8u * n * (uint32_t)table + 8 * i, (uint32_t)len, swapped);
			put32(mo + 28 + 8u * n * (uint32_t)table + 8 * i + 4, (uint32_t)at, swapped);
			memcpy(mo + at, s, len);
			at += len + 1;
		}
	*size = total;
	return mo;
}

#define PAIR(o, t) { o, t, sizeof o - 1, sizeof t - 1 }

static const pair sample[] = {
	PAIR("", "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1; plural=0;\n"),
	PAIR("%zu file\0%zu files", "%zu 个文件"),
	PAIR("day\0days", "天"),
	PAIR("deferred", "暂缓"),
	PAIR("eligible", "符合"),
	PAIR("untranslated", ""),
};

static void lookup_finds_and_misses(void **state)
{
	(void)state;
	for (int swapped = 0; swapped < 2; swapped++) {
		size_t size;
		unsigned char *mo = make_mo(sample, 6, swapped, &size);
		oldc_mo c;
		assert_int_equal(oldc_mo_open(&c, mo, size), 0);
		assert_int_equal(c.nplurals, 1);
		assert_string_equal(oldc_mo_gettext(&c, "deferred"), "暂缓");
		assert_string_equal(oldc_mo_gettext(&c, "eligible"), "符合");
		assert_null(oldc_mo_gettext(&c, "ineligible"));      /* not there */
		assert_null(oldc_mo_gettext(&c, "a"));               /* before the first */
		assert_null(oldc_mo_gettext(&c, "zzz"));             /* after the last */
		assert_null(oldc_mo_gettext(&c, "untranslated"));    /* empty: none */
		assert_null(oldc_mo_gettext(&c, ""));                /* the header is not a message */
		/* plurals: one form in Chinese, whatever n */
		assert_string_equal(oldc_mo_ngettext(&c, "day", 1), "天");
		assert_string_equal(oldc_mo_ngettext(&c, "day", 7), "天");
		assert_string_equal(oldc_mo_ngettext(&c, "%zu file", 0), "%zu 个文件");
		assert_null(oldc_mo_ngettext(&c, "week", 2));
		free(mo);
	}
}

static void lookup_plural_forms_of_two(void **state)
{
	(void)state;
	static const pair two[] = {
		PAIR("", "Plural-Forms: nplurals=2; plural=(n != 1);\n"),
		PAIR("day\0days", "Tag\0Tage"),
	};
	size_t size;
	unsigned char *mo = make_mo(two, 2, false, &size);
	oldc_mo c;
	assert_int_equal(oldc_mo_open(&c, mo, size), 0);
	assert_int_equal(c.nplurals, 2);
	assert_string_equal(oldc_mo_ngettext(&c, "day", 1), "Tag");
	assert_string_equal(oldc_mo_ngettext(&c, "day", 0), "Tage");
	assert_string_equal(oldc_mo_ngettext(&c, "day", 2), "Tage");
	free(mo);
}

static void malformed_catalogs_are_refused(void **state)
{
	(void)state;
	size_t size;
	unsigned char *mo = make_mo(sample, 6, false, &size);
	unsigned char *bad = malloc(size);
	assert_non_null(bad);
	oldc_mo c;
	assert_int_equal(oldc_mo_open(&c, NULL, 0), -1);
	assert_int_equal(oldc_mo_open(&c, mo, 27), -1);                 /* shorter than a header */
	for (size_t cut = 28; cut < size; cut += 7)                      /* every truncation */
		assert_int_equal(oldc_mo_open(&c, mo, cut), -1);
	memcpy(bad, mo, size);
	bad[0] ^= 1;                                                     /* magic */
	assert_int_equal(oldc_mo_open(&c, bad, size), -1);
	memcpy(bad, mo, size);
	put32(bad + 4, 2u << 16, false);                                 /* major revision 2 */
	assert_int_equal(oldc_mo_open(&c, bad, size), -1);
	memcpy(bad, mo, size);
	put32(bad + 8, 0x20000000, false);                               /* count past the end */
	assert_int_equal(oldc_mo_open(&c, bad, size), -1);
	memcpy(bad, mo, size);
	put32(bad + 16, (uint32_t)size - 4, false);                      /* table past the end */
	assert_int_equal(oldc_mo_open(&c, bad, size), -1);
	memcpy(bad, mo, size);
	put32(bad + 28 + 8 * 3 + 4, 0xfffffff0u, false);                 /* a string's offset */
	assert_int_equal(oldc_mo_open(&c, bad, size), -1);
	memcpy(bad, mo, size);
	put32(bad + 28 + 8 * 3, 1000000, false);                         /* a string's length */
	assert_int_equal(oldc_mo_open(&c, bad, size), -1);
	/* a string without its NUL: "deferred" made one byte longer */
	memcpy(bad, mo, size);
	put32(bad + 28 + 8 * 3, (uint32_t)strlen("deferred") + 1, false);
	assert_int_equal(oldc_mo_open(&c, bad, size), -1);
	/* originals out of order: the binary search would miss, so it is refused */
	static const pair unsorted[] = { PAIR("b", "乙"), PAIR("a", "甲") };
	unsigned char *u = make_mo(unsorted, 2, false, &size);
	assert_int_equal(oldc_mo_open(&c, u, size), -1);
	free(u);
	free(bad);
	free(mo);
}

/* The built-in catalog (po/zh_CN.po) through _() and P_(): Chinese when chosen, the
 * sources' English otherwise, and an unknown message as it is. */
static void builtin_chinese_and_english(void **state)
{
	(void)state;
	oldc_lang_set(OLDC_LANG_EN);
	assert_string_equal(_("out of memory"), "out of memory");
	assert_string_equal(P_("error", "errors", 1), "error");
	assert_string_equal(P_("error", "errors", 2), "errors");
	oldc_lang_set(OLDC_LANG_ZH);
	assert_int_equal(oldc_lang_get(), OLDC_LANG_ZH);
	assert_string_equal(_("out of memory"), "内存不足");
	assert_string_equal(_("deferred (暂缓)"), "暂缓");
	assert_string_equal(P_("error", "errors", 1), "错误");
	assert_string_equal(P_("error", "errors", 5), "错误");
	assert_string_equal(_("not a message of oldc"), "not a message of oldc");
	assert_string_equal(P_("not a message", "not messages", 2), "not messages");
	oldc_lang_set(OLDC_LANG_EN);
}

/* A finding made in Chinese keeps its rule id and clause id. */
static void findings_are_made_in_the_language(void **state)
{
	(void)state;
	oldc_lang_set(OLDC_LANG_ZH);
	oldc_diags d;
	oldc_diags_init(&d);
	oldc_dossier *x = oldc_dossier_load("tests/unit/no-such-file.yaml", NULL, 0, policy, NULL, &d);
	assert_null(x);
	assert_true(d.count >= 1);
	assert_string_equal(d.items[0].rule, "io.read");
	assert_non_null(strstr(d.items[0].message, "无法打开"));
	oldc_diags_release(&d);
	oldc_lang_set(OLDC_LANG_EN);
}

static void set_env(const char *language, const char *lc_all, const char *lc_messages, const char *lang)
{
	const char *names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *values[] = { language, lc_all, lc_messages, lang };
	for (int i = 0; i < 4; i++)
		if (values[i])
			setenv(names[i], values[i], 1);
		else
			unsetenv(names[i]);
}

static void language_from_the_environment(void **state)
{
	(void)state;
	set_env(NULL, NULL, NULL, NULL);
	assert_int_equal(oldc_lang_from_environment(), OLDC_LANG_EN);
	set_env(NULL, NULL, NULL, "zh_CN.UTF-8");
	assert_int_equal(oldc_lang_from_environment(), OLDC_LANG_ZH);
	set_env(NULL, "C.UTF-8", NULL, "zh_CN.UTF-8");              /* LC_ALL first */
	assert_int_equal(oldc_lang_from_environment(), OLDC_LANG_EN);
	set_env(NULL, "", "zh_TW.UTF-8", "en_US.UTF-8");            /* empty is unset */
	assert_int_equal(oldc_lang_from_environment(), OLDC_LANG_ZH);
	set_env("zh_CN:en", NULL, NULL, "en_US.UTF-8");             /* LANGUAGE before the locale */
	assert_int_equal(oldc_lang_from_environment(), OLDC_LANG_ZH);
	set_env("fr:de:zh", NULL, NULL, "en_GB.UTF-8");             /* the first oldc has */
	assert_int_equal(oldc_lang_from_environment(), OLDC_LANG_ZH);
	set_env("en:zh", NULL, NULL, "zh_CN.UTF-8");
	assert_int_equal(oldc_lang_from_environment(), OLDC_LANG_EN);
	set_env("fr", NULL, NULL, "zh_CN.UTF-8");                   /* none oldc has: English */
	assert_int_equal(oldc_lang_from_environment(), OLDC_LANG_EN);
	set_env("zh_CN", "C", NULL, NULL);                          /* the C locale ignores LANGUAGE */
	assert_int_equal(oldc_lang_from_environment(), OLDC_LANG_EN);
	set_env("zh_CN", NULL, NULL, NULL);
	assert_int_equal(oldc_lang_from_environment(), OLDC_LANG_EN);
	set_env(NULL, NULL, NULL, NULL);
	oldc_lang lang = OLDC_LANG_EN;
	assert_int_equal(oldc_lang_parse("zh", &lang), 0);
	assert_int_equal(lang, OLDC_LANG_ZH);
	assert_int_equal(oldc_lang_parse("en_US.UTF-8", &lang), 0);
	assert_int_equal(lang, OLDC_LANG_EN);
	assert_int_equal(oldc_lang_parse("zh_CN.UTF-8", &lang), 0);
	assert_int_equal(lang, OLDC_LANG_ZH);
	assert_int_equal(oldc_lang_parse("fr", &lang), -1);
	assert_int_equal(oldc_lang_parse("zhx", &lang), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookup_finds_and_misses),
		cmocka_unit_test(lookup_plural_forms_of_two),
		cmocka_unit_test(malformed_catalogs_are_refused),
		cmocka_unit_test(builtin_chinese_and_english),
		cmocka_unit_test(findings_are_made_in_the_language),
		cmocka_unit_test(language_from_the_environment),
	};
	return cmocka_run_group_tests_name("i18n", tests, unit_setup, unit_teardown);
}
