/*
 * vote_columns.c: the one table of the column names a ballots sheet or a tally may use
 * (oldc-vote(1)), English and the Chinese of the street offices' own sheets,
 * ranked within each role: an owner's id before an owner's name, the registered
 * exclusive area before the built area before a bare 面积. The reader takes the best
 * column of each role and refuses two only at the same rank. Also the words of a total
 * row (合计, 小计, 总计), which are never counted.
 */
#include <string.h>
#include <strings.h>
#include "vote_sheet.h"

static const struct alias {
	const char *name;
	enum vote_role role;
	unsigned rank;
	bool is_name;
} aliases[] = {
	/* the first name of each role is the format's own, used in messages */
	{ "unit", COL_UNIT, 0, false }, { "房号", COL_UNIT, 0, false }, { "户号", COL_UNIT, 0, false },
	{ "房屋编号", COL_UNIT, 0, false }, { "专有部分", COL_UNIT, 0, false },
	/* not 单元号: that is an entrance of a building, shared by many parts */
	{ "owner_id", COL_OWNER, 0, false }, { "业主编号", COL_OWNER, 0, false },
	{ "身份证号", COL_OWNER, 0, false }, { "身份证号码", COL_OWNER, 0, false },
	{ "证件号码", COL_OWNER, 0, false }, { "不动产权证号", COL_OWNER, 0, false },
	{ "owner", COL_OWNER, 0, false },
	/* names: identity only when no id column exists (two owners may share a name) */
	{ "业主", COL_OWNER, 1, true }, { "产权人", COL_OWNER, 1, true },
	{ "姓名", COL_OWNER, 2, true }, { "业主姓名", COL_OWNER, 2, true },
	{ "area_m2", COL_AREA, 0, false }, { "专有部分面积", COL_AREA, 0, false },
	{ "建筑面积", COL_AREA, 1, false }, { "面积", COL_AREA, 2, false },
	{ "vote", COL_VOTE, 0, false }, { "意见", COL_VOTE, 0, false }, { "表决意见", COL_VOTE, 0, false },
	{ "是否同意", COL_VOTE, 0, false },
	{ "developer_held", COL_DEVELOPER, 0, false }, { "开发商持有", COL_DEVELOPER, 0, false },
	{ "未售", COL_DEVELOPER, 0, false },
	{ "owners", COL_OWNERS, 0, false }, { "业主总数", COL_OWNERS, 0, false }, { "户数", COL_OWNERS, 0, false },
	{ "consulted", COL_CONSULTED, 0, false }, { "征求意见数", COL_CONSULTED, 0, false },
	{ "参与数", COL_CONSULTED, 0, false },
	{ "agreed", COL_AGREED, 0, false }, { "同意数", COL_AGREED, 0, false },
	{ "disagreed", COL_DISAGREED, 0, false }, { "不同意数", COL_DISAGREED, 0, false },
	{ "abstained", COL_ABSTAINED, 0, false }, { "弃权数", COL_ABSTAINED, 0, false },
	{ "consulted_area_m2", COL_CONSULTED_AREA, 0, false }, { "agreed_area_m2", COL_AGREED_AREA, 0, false },
	{ "building", COL_LABEL, 0, false }, { "楼栋", COL_LABEL, 0, false }, { "楼号", COL_LABEL, 0, false },
};

/* Units of area a header may end with, after full-width brackets became ASCII ones. */
static const char *const area_units[] = { "㎡", "m²", "m2", "平方米", "平米", NULL };

static void trim_ascii(char *s)
{
	size_t start = strspn(s, " \t"), n = strlen(s);
	while (n > start && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	memmove(s, s + start, n - start);
	s[n - start] = '\0';
}

/* Drops a trailing unit of area: "建筑面积(㎡)", "面积 m²", "面积（平方米）". */
static void drop_area_unit(char *s)
{
	size_t n = strlen(s);
	bool bracket = n && s[n - 1] == ')';
	if (bracket)
		n--;
	for (size_t i = 0; area_units[i]; i++) {
		size_t u = strlen(area_units[i]);
		if (n < u || memcmp(s + n - u, area_units[i], u) != 0)
			continue;
		size_t at = n - u;
		/* a bare unit only after a space or a Chinese word: area_m2 keeps its m2 */
		if (!bracket && at && s[at - 1] != ' ' && (unsigned char)s[at - 1] < 0x80)
			return;
		while (at && s[at - 1] == ' ')
			at--;
		if (bracket && (!at || s[at - 1] != '('))
			return;
		if (bracket)
			at--;
		if (at == 0)
			return; /* the header is only a unit: leave it to be unknown */
		s[at] = '\0';
		trim_ascii(s);
		return;
	}
}

vote_column oldc_vote_column_of(const char *header)
{
	char buf[256], name[256];
	const char *id = oldc_vote_identity(header, buf, sizeof buf);
	if (!id || strlen(id) >= sizeof name)
		return (vote_column){ COL_OTHER, 0, false };
	strcpy(name, id);
	trim_ascii(name);
	drop_area_unit(name);
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		if (strcasecmp(name, aliases[i].name) == 0)
			return (vote_column){ aliases[i].role, aliases[i].rank, aliases[i].is_name };
	return (vote_column){ COL_OTHER, 0, false };
}

const char *oldc_vote_role_name(enum vote_role role)
{
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		if (aliases[i].role == role)
			return aliases[i].name;
	return role == COL_TOTAL_AREA ? "area_m2" : "";
}

int oldc_vote_total_word(const char *cell)
{
	/* every row asks: a cell that starts with a letter or digit is no total word */
	unsigned char c0 = (unsigned char)*cell;
	if (c0 != ' ' && c0 != '\t' && c0 != 0xE3 && c0 != 0xE5 && c0 != 0xE6)
		return 0;
	/* at most a few characters with spaces between: copy without the spaces */
	char word[16];
	size_t n = 0;
	for (const char *p = cell; *p; ) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if (strncmp(p, "\xE3\x80\x80", 3) == 0) /* U+3000, the ideographic space */
			p += 3;
		else if (n + 1 < sizeof word)
			word[n++] = *p++;
		else
			return 0;
	}
	word[n] = '\0';
	if (strcmp(word, "小计") == 0)
		return 1;
	if (strcmp(word, "合计") == 0 || strcmp(word, "总计") == 0)
		return 2;
	return 0;
}
