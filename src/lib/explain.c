/*
 * explain.c: `oldc explain` rendered (explain.h). A rule says what to do about its
 * findings and leads to its clause; a clause shows its text and the rules that cite it;
 * an indicator (BC-A1-N) shows its tiers. The Chinese text of a clause is printed as
 * the policy file has it, unwrapped, so that a reviewer can copy it whole; the English
 * and what to do are wrapped for the terminal.
 */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>
#include "oldc/explain.h"
#include "oldc/rules.h"
#include "escape.h"
#include "i18n.h"
#include "schema.h"

enum { WRAP = 78 };

/* Where the text of a rule's explanation goes: plain text for a terminal, or the same
 * in Markdown (a SARIF rule's help.markdown): then every piece of text is escaped
 * (escape.h), the Chinese is a block quote and the English one paragraph. */
typedef struct sink {
	oldc_buf *out;
	bool md;
} sink;

/* A paragraph of text, made with printf's `fmt` the way the text output has it (its
 * own line breaks, leading and trailing, included); as Markdown those breaks go, the
 * text is escaped and a blank line ends it. */
static void OLDC_PRINTF(2, 3) para(const sink *k, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (!k->md) {
		oldc_buf_vprintf(k->out, fmt, ap);
		va_end(ap);
		return;
	}
	oldc_buf b;
	oldc_buf_init(&b);
	oldc_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	const char *t = b.data ? b.data : "";
	size_t n = b.len;
	while (n && (t[n - 1] == '\n' || t[n - 1] == ' '))
		n--;
	while (n && (*t == '\n' || *t == ' ')) {
		t++;
		n--;
	}
	char *piece = strndup(t, n);
	if (piece) {
		oldc_md_text(k->out, piece);
		oldc_buf_puts(k->out, "\n\n");
	}
	k->out->failed |= b.failed || !piece;
	free(piece);
	oldc_buf_release(&b);
}

static const char *text_of(const oldc_node *n)
{
	return n && n->text ? n->text : NULL;
}

/* English text wrapped at spaces to WRAP columns, each line indented by two. */
static void wrap(oldc_buf *out, const char *s)
{
	while (*s) {
		while (*s == ' ' || *s == '\n')
			s++;
		if (!*s)
			break;
		size_t len = strlen(s), take = len;
		if (len > WRAP - 2) {
			take = WRAP - 2;
			while (take > 0 && s[take] != ' ')
				take--;
			if (take == 0) /* one long word: break it after it */
				for (take = WRAP - 2; s[take] && s[take] != ' '; take++)
					;
		}
		oldc_buf_puts(out, "  ");
		oldc_buf_put(out, s, take);
		oldc_buf_putc(out, '\n');
		s += take;
	}
}

/* Whether a line may break before `c`, which follows `prev`: after a space and, in
 * Chinese text, beside a wide (CJK) character, which needs no space to be broken at,
 * but not before the punctuation that closes (，。、）) nor after the one that opens
 * (（“). English text breaks at its spaces only, so that a Chinese term in it, such as
 * (拆违拆临), stays whole. */
static bool breaks_before(ucs4_t prev, ucs4_t c, bool chinese)
{
	static const ucs4_t closing[] = { 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF09,
					  0x300B, 0x300D, 0x300F, 0x3011, 0x3009, 0x201D, 0x2019, 0x2026,
					  ',', '.', ';', ':', '!', '?', ')' };
	static const ucs4_t opening[] = { 0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3008, 0x201C, 0x2018, '(' };
	if (c == ' ')
		return false;
	if (prev == ' ')
		return true;
	if (!chinese || (uc_width(prev, "UTF-8") < 2 && uc_width(c, "UTF-8") < 2))
		return false;
	for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
		if (c == closing[i])
			return false;
	for (size_t i = 0; i < sizeof opening / sizeof opening[0]; i++)
		if (prev == opening[i])
			return false;
	return true;
}

/* A paragraph of one line, in the language of the messages, wrapped to WRAP columns of
 * the terminal (a 汉字 takes two), each line indented by two. A word longer than a line
 * overflows it. */
static void wrap_wide(oldc_buf *out, const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	bool chinese = oldc_lang_get() == OLDC_LANG_ZH;
	while (p < end && *p == ' ')
		p++;
	while (p < end) {
		const uint8_t *q = p, *cut = end, *resume = NULL;
		size_t width = 0;
		ucs4_t prev = 0;
		while (q < end) {
			ucs4_t c;
			int len = u8_mbtouc(&c, q, (size_t)(end - q));
			if (q > p && breaks_before(prev, c, chinese)) {
				resume = q;
				for (cut = q; cut > p && cut[-1] == ' '; cut--)
					;
			}
			int w = uc_width(c, "UTF-8");
			if (c != ' ' && width + (size_t)(w > 0 ? w : 0) > WRAP - 2 && resume)
				break;
			width += (size_t)(w > 0 ? w : 0);
			prev = c;
			q += len;
		}
		if (q == end) /* the rest fits */
			for (cut = end, resume = end; cut > p && cut[-1] == ' '; cut--)
				;
		oldc_buf_puts(out, "  ");
		oldc_buf_put(out, (const char *)p, (size_t)(cut - p));
		oldc_buf_putc(out, '\n');
		p = resume;
	}
}

/* A Chinese paragraph: indented, its own line breaks kept, not wrapped. */
static void indent(oldc_buf *out, const char *s)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		oldc_buf_puts(out, "  ");
		oldc_buf_put(out, s, n);
		oldc_buf_putc(out, '\n');
		s += n + (nl != NULL);
	}
}

/* A Chinese paragraph: indented, its own line breaks kept, not wrapped; as Markdown a
 * block quote, a line of the text a paragraph of the quote. */
static void indent_to(const sink *k, const char *s)
{
	if (k->md) {
		while (*s) {
			const char *nl = strchr(s, '\n');
			size_t n = nl ? (size_t)(nl - s) : strlen(s);
			char *line = strndup(s, n);
			oldc_buf_puts(k->out, "> ");
			if (line)
				oldc_md_text(k->out, line);
			k->out->failed |= !line;
			free(line);
			s += n + (nl != NULL);
			oldc_buf_puts(k->out, *s ? "\n>\n" : "\n\n");
		}
		return;
	}
	indent(k->out, s);
}

static const struct oldc_indicator *indicator(const oldc_policy *p, const char *id)
{
	const struct oldc_indicator *ind = p->indicators.items.items;
	for (size_t i = 0; i < p->indicators.items.count; i++)
		if (ind[i].clause && strcmp(ind[i].clause->text, id) == 0)
			return &ind[i];
	return NULL;
}

/* Does a rule's clause cover clause `id`? Its own, or its family: creation_plan.section
 * cites BC-A2 and its findings BC-A2-1 ... BC-A2-6. */
static bool cites(const oldc_rule *r, const oldc_policy *p, const char *id)
{
	const char *clause = oldc_rule_clause(r, p);
	if (!clause)
		return false;
	size_t n = strlen(clause);
	return strncmp(clause, id, n) == 0 && (id[n] == '\0' || id[n] == '-');
}

static void text_clause(const sink *k, const oldc_policy *p, const char *id, const struct oldc_clause *c)
{
	oldc_buf *out = k->out;
	if (k->md) {
		oldc_buf_puts(out, "**");
		oldc_md_text(out, id);
		oldc_buf_puts(out, "** ");
		oldc_md_text(out, c ? c->title->text : "");
		if (c && c->title_en) {
			oldc_buf_puts(out, " (");
			oldc_md_text(out, c->title_en->text);
			oldc_buf_putc(out, ')');
		}
		oldc_buf_puts(out, "\n\n");
	} else {
		oldc_buf_printf(out, "%s  %s\n", id, c ? c->title->text : "");
		if (c && c->title_en)
			oldc_buf_printf(out, "%*s  %s\n", (int)strlen(id), "", c->title_en->text);
	}
	if (!c) {
		para(k, _("  The policy (%s) has no text for this clause.\n"), text_of(p->id));
		return;
	}
	const struct oldc_document *d = oldc_policy_document(p, c->source->text);
	if (d)
		para(k, _("Source: 《%s》 (%s)\n"), d->title->text, c->source->text);
	else
		para(k, _("Source: %s\n"), c->source->text);
	bool verbatim = !c->verbatim || c->verbatim->value.boolean;
	if (!k->md)
		oldc_buf_puts(out, "\n");
	para(k, "%s", verbatim ? _("原文 (the Chinese text, verbatim):\n") : _("中文 (the Chinese text, restated):\n"));
	indent_to(k, c->text->text);
	if (c->text_en) {
		para(k, "%s", _("\nEnglish (oldc's rendering, not an official translation):\n"));
		if (k->md)
			para(k, "%s", c->text_en->text);
		else
			wrap(out, c->text_en->text);
	}
}

static void text_citing(oldc_buf *out, const oldc_policy *p, const char *id)
{
	size_t n;
	const oldc_rule *r = oldc_rules(&n);
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (!cites(&r[i], p, id))
			continue;
		if (!any)
			oldc_buf_puts(out, _("\nRules that cite it:\n"));
		any = true;
		oldc_buf_printf(out, "  %-34s %-8s %s\n", r[i].id, _(oldc_severity_name(r[i].severity)), _(r[i].summary));
	}
}

static void text_indicator(oldc_buf *out, const oldc_policy *p, const struct oldc_indicator *ind)
{
	oldc_buf_printf(out, "%s  %s", ind->clause->text, ind->name->text);
	if (ind->name_en)
		oldc_buf_printf(out, " (%s)", ind->name_en->text);
	oldc_buf_putc(out, '\n');
	long sys = oldc_policy_find(p, OLDC_CAT_SYSTEM, ind->system->text);
	if (sys >= 0) {
		const struct oldc_entry *s = &((const struct oldc_entry *)p->indicators.systems.items)[sys];
		oldc_buf_printf(out, _("Indicator %jd of the system %s"), (intmax_t)ind->no->value.integer, s->name->text);
		if (s->name_en)
			oldc_buf_printf(out, " (%s)", s->name_en->text);
		oldc_buf_putc(out, '\n');
	}
	const struct oldc_entry *tiers = p->indicators.tiers.items;
	const oldc_node *const *texts = ind->tiers.items;
	for (size_t t = 0; t < p->indicators.tiers.count && t < ind->tiers.count; t++) {
		oldc_buf_printf(out, "\n%s", tiers[t].name->text);
		if (tiers[t].name_en)
			oldc_buf_printf(out, " (%s)", tiers[t].name_en->text);
		oldc_buf_puts(out, ":\n");
		if (texts[t])
			indent(out, texts[t]->text);
		else
			oldc_buf_puts(out, _("  (none: the indicator has no such tier)\n"));
	}
	const char *tier_rule = text_of(p->indicators.clause);
	if (tier_rule)
		oldc_buf_printf(out, _("\nWhich tiers a pilot must meet depends on its type: oldc explain %s\n"), tier_rule);
}

static void json_clause(oldc_buf *out, const oldc_policy *p, const struct oldc_clause *c)
{
	if (!c) {
		oldc_buf_puts(out, "null");
		return;
	}
	const struct oldc_document *d = oldc_policy_document(p, c->source->text);
	oldc_buf_puts(out, "{\"id\": ");
	oldc_buf_json_string(out, c->id->text);
	oldc_buf_puts(out, ", \"source\": ");
	oldc_buf_json_string(out, c->source->text);
	oldc_buf_puts(out, ", \"source_title\": ");
	if (d)
		oldc_buf_json_string(out, d->title->text);
	else
		oldc_buf_puts(out, "null");
	const oldc_node *fields[] = { c->title, c->title_en, c->text, c->text_en };
	const char *keys[] = { "title", "title_en", "text", "text_en" };
	for (size_t i = 0; i < 4; i++) {
		oldc_buf_printf(out, ", \"%s\": ", keys[i]);
		if (fields[i])
			oldc_buf_json_string(out, fields[i]->text);
		else
			oldc_buf_puts(out, "null");
	}
	oldc_buf_printf(out, ", \"verbatim\": %s}", !c->verbatim || c->verbatim->value.boolean ? "true" : "false");
}

static void json_rule(oldc_buf *out, const oldc_policy *p, const oldc_rule *r)
{
	const char *clause = oldc_rule_clause(r, p);
	oldc_buf_puts(out, "{\"id\": ");
	oldc_buf_json_string(out, r->id);
	oldc_buf_printf(out, ", \"severity\": \"%s\", \"clause\": ", oldc_severity_name(r->severity));
	if (clause)
		oldc_buf_json_string(out, clause);
	else
		oldc_buf_puts(out, "null");
	oldc_buf_puts(out, ", \"summary\": ");
	oldc_buf_json_string(out, _(r->summary));
	oldc_buf_puts(out, ", \"advice\": ");
	oldc_buf_json_string(out, _(r->advice));
	oldc_buf_putc(out, '}');
}

static void json_citing(oldc_buf *out, const oldc_policy *p, const char *id)
{
	size_t n;
	const oldc_rule *r = oldc_rules(&n);
	oldc_buf_puts(out, ", \"rules\": [");
	bool first = true;
	for (size_t i = 0; i < n; i++)
		if (cites(&r[i], p, id)) {
			oldc_buf_puts(out, first ? "" : ", ");
			oldc_buf_json_string(out, r[i].id);
			first = false;
		}
	oldc_buf_putc(out, ']');
}

/* A rule: its id, severity and clause, its description, what to do, then the clause's
 * text. */
static void text_rule(const sink *k, const oldc_policy *p, const oldc_rule *rule)
{
	const char *rule_clause = oldc_rule_clause(rule, p);
	oldc_buf *out = k->out;
	if (k->md) {
		oldc_buf_puts(out, "**");
		oldc_md_text(out, rule->id);
		oldc_buf_puts(out, "** · ");
		oldc_md_text(out, _(oldc_severity_name(rule->severity)));
		if (rule_clause) {
			oldc_buf_puts(out, " · ");
			oldc_md_text(out, rule_clause);
		}
		oldc_buf_puts(out, "\n\n");
		para(k, "%s", _(rule->summary));
		oldc_buf_puts(out, "**");
		oldc_md_text(out, _("What to do:"));
		oldc_buf_puts(out, "** ");
		oldc_md_text(out, _(rule->advice));
		oldc_buf_puts(out, "\n\n");
	} else {
		oldc_buf_printf(out, "%s  %s", rule->id, _(oldc_severity_name(rule->severity)));
		if (rule_clause)
			oldc_buf_printf(out, "  %s", rule_clause);
		oldc_buf_printf(out, "\n  %s\n\n%s\n", _(rule->summary), _("What to do:"));
		wrap_wide(out, _(rule->advice));
	}
	if (!rule_clause) {
		para(k, "%s", _("\nThis rule is about the form of the input (its syntax, types, limits or\n"
				"files), not about the policy: it cites no clause.\n"));
		return;
	}
	if (!k->md)
		oldc_buf_putc(out, '\n');
	text_clause(k, p, rule_clause, oldc_policy_clause(p, rule_clause));
}

void oldc_explain_rule_help(oldc_buf *text, oldc_buf *markdown, const oldc_policy *p, const oldc_rule *rule)
{
	const sink t = { text, false }, m = { markdown, true };
	text_rule(&t, p, rule);
	text_rule(&m, p, rule);
	if (markdown->len && markdown->data[markdown->len - 1] == '\n')
		markdown->data[--markdown->len] = '\0';
}

int oldc_explain(oldc_buf *out, const oldc_policy *p, const char *id, bool json)
{
	const oldc_rule *rule = oldc_rule_find(id);
	const struct oldc_indicator *ind = rule ? NULL : indicator(p, id);
	const char *rule_clause = rule ? oldc_rule_clause(rule, p) : NULL;
	const struct oldc_clause *clause = oldc_policy_clause(p, rule_clause ? rule_clause : id);
	if (!rule && !ind && !clause)
		return -1;
	if (json) {
		oldc_buf_puts(out, "{\"id\": ");
		oldc_buf_json_string(out, id);
		oldc_buf_printf(out, ", \"kind\": \"%s\"", rule ? "rule" : ind ? "indicator" : "clause");
		if (rule) {
			oldc_buf_puts(out, ", \"rule\": ");
			json_rule(out, p, rule);
		}
		if (ind) {
			oldc_buf_puts(out, ", \"indicator\": {\"no\": ");
			oldc_buf_printf(out, "%jd, \"id\": ", (intmax_t)ind->no->value.integer);
			oldc_buf_json_string(out, ind->id->text);
			oldc_buf_puts(out, ", \"name\": ");
			oldc_buf_json_string(out, ind->name->text);
			oldc_buf_puts(out, ", \"system\": ");
			oldc_buf_json_string(out, ind->system->text);
			oldc_buf_puts(out, ", \"tiers\": {");
			const struct oldc_entry *tiers = p->indicators.tiers.items;
			const oldc_node *const *texts = ind->tiers.items;
			bool first = true;
			for (size_t t = 0; t < p->indicators.tiers.count && t < ind->tiers.count; t++)
				if (texts[t]) {
					oldc_buf_puts(out, first ? "" : ", ");
					oldc_buf_json_string(out, tiers[t].id->text);
					oldc_buf_puts(out, ": ");
					oldc_buf_json_string(out, texts[t]->text);
					first = false;
				}
			oldc_buf_puts(out, "}}");
		} else {
			oldc_buf_puts(out, ", \"clause\": ");
			json_clause(out, p, rule && !rule_clause ? NULL : clause);
			if (!rule)
				json_citing(out, p, id);
		}
		oldc_buf_putc(out, '}');
		return 0;
	}
	if (rule) {
		const sink k = { out, false };
		text_rule(&k, p, rule);
		return 0;
	}
	if (ind) {
		text_indicator(out, p, ind);
		return 0;
	}
	const sink k = { out, false };
	text_clause(&k, p, id, clause);
	text_citing(out, p, id);
	return 0;
}

/* One entry of the list: a tab-separated line, or a JSON object after its comma. */
static void list_entry(oldc_buf *out, bool json, bool *first, const char *id, const char *kind, const char *summary)
{
	if (!json) {
		oldc_buf_printf(out, "%s\t%s\n", id, summary);
		return;
	}
	oldc_buf_puts(out, *first ? "\n  {\"id\": " : ",\n  {\"id\": ");
	oldc_buf_json_string(out, id);
	oldc_buf_printf(out, ", \"kind\": \"%s\", \"summary\": ", kind);
	oldc_buf_json_string(out, summary);
	oldc_buf_puts(out, "}");
	*first = false;
}

void oldc_explain_list(oldc_buf *out, const oldc_policy *p, bool json)
{
	bool first = true;
	size_t n;
	const oldc_rule *r = oldc_rules(&n);
	for (size_t i = 0; i < n; i++)
		list_entry(out, json, &first, r[i].id, "rule", _(r[i].summary));
	const struct oldc_clause *c = p->clauses.items;
	for (size_t i = 0; i < p->clauses.count; i++)
		list_entry(out, json, &first, c[i].id->text, "clause", c[i].title->text);
	const struct oldc_indicator *ind = p->indicators.items.items;
	for (size_t i = 0; i < p->indicators.items.count; i++)
		if (ind[i].clause)
			list_entry(out, json, &first, ind[i].clause->text, "indicator", ind[i].name->text);
}

const char *oldc_explain_nearest(const oldc_policy *p, const char *id)
{
	size_t n;
	const oldc_rule *r = oldc_rules(&n);
	size_t total = n + p->clauses.count + p->indicators.items.count;
	const char **ids = malloc((total ? total : 1) * sizeof *ids);
	if (!ids)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		ids[k++] = r[i].id;
	const struct oldc_clause *c = p->clauses.items;
	for (size_t i = 0; i < p->clauses.count; i++)
		ids[k++] = c[i].id->text;
	const struct oldc_indicator *ind = p->indicators.items.items;
	for (size_t i = 0; i < p->indicators.items.count; i++)
		if (ind[i].clause)
			ids[k++] = ind[i].clause->text;
	const char *near = oldc_nearest(id, ids, k);
	free(ids);
	return near;
}
