/*
 * render_report_html.c: oldc-report as one self-contained HTML page (report.h), the
 * 挂图作战 wall chart of the programme: the annual targets of OP-1 as progress bars,
 * a bar per district, the pilots of BC-1.3 on a timeline in their BC-4.3 colours with
 * the six-system profile of each, the BC-4.4 reward, the verdict counts, what needs
 * attention and the files that could not be read.
 *
 * The page loads nothing: inline CSS, charts as inline SVG, no script, no font, no
 * image, and a Content-Security-Policy that forbids all of them, so a report mailed
 * around or opened offline looks the same and an escaping slip cannot run anything.
 * Every string from a dossier, a file name or the policy goes through oldc_html_text();
 * numbers come from the report's structs only. There is no clock in here: the only
 * date is the as-of date, so the same input gives the same bytes.
 *
 * Charts keep their text at a fixed size: horizontal positions are percentages of the
 * chart's width (no viewBox scaling), so a bar chart is as readable on a 390-pixel
 * phone as on a wall, and labels sit on their own lines above the bars instead of in a
 * column that a narrow screen would crush. Colour is never the only signal: the colour
 * word is printed beside every coloured bar, for colour-blind readers and grey printers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/buf.h"
#include "oldc/check.h"
#include "oldc/oldc.h"
#include "oldc/report.h"
#include "escape.h"
#include "i18n.h"

/* BC-4.3's colours: the class names of the CSS below, and the words printed beside them. */
static const char *const colour_class[] = { "blue", "yellow", "red" };
static const char *const colour_words[] = { N_("蓝 blue"), N_("黄 yellow"), N_("红 red") };

static const char *const renovation_words[] = { N_("符合 eligible"), N_("暂缓 deferred"), N_("不符合 ineligible"),
						 N_("不适用 none (new build)") };
static const char *const pilot_words[] = { N_("符合 eligible"), N_("有条件 conditional"), N_("不符合 ineligible"),
					   N_("非试点 none") };
static const char *const attention_words[] = { N_("逾期 overdue"), N_("承诺函期限 letter"), N_("评估申请过早 early"),
					       N_("暂缓 deferred") };

/* The bytes of the UTF-8 character at p (1 for a byte that does not start a valid one,
 * as width.c counts it). */
static size_t utf8_length(const unsigned char *p)
{
	size_t n = *p < 0xC0 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* Writes s escaped, cut to `columns` display columns with "…" when it is wider: for a
 * chart's name column, where a long name would run into the bars (the whole name is in
 * the chart's <title> and in the table beside it). Cut between characters, never
 * inside one. */
static void html_text_cut(oldc_buf *out, const char *s, size_t columns)
{
	if (!s || oldc_display_width(s) <= columns) {
		oldc_html_text(out, s);
		return;
	}
	char cut[256];
	size_t used = 0, width = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = utf8_length(p);
		char ch[5];
		memcpy(ch, p, n);
		ch[n] = '\0';
		size_t w = oldc_display_width(ch);
		if (width + w + 1 > columns || used + n >= sizeof cut)
			break;
		memcpy(cut + used, ch, n);
		used += n;
		width += w;
		p += n;
	}
	cut[used] = '\0';
	oldc_html_text(out, cut);
	oldc_buf_puts(out, "…");
}

/* An integer with thousands separators: 77,000 (a wall chart is read from a distance). */
static void put_grouped(oldc_buf *out, int64_t v)
{
	char digits[24];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int n = 0;
	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		oldc_buf_putc(out, '-');
	while (n) {
		oldc_buf_putc(out, digits[--n]);
		if (n && n % 3 == 0)
			oldc_buf_putc(out, ',');
	}
}

/* v/100 with two decimals (v in hundredths, never negative here: sums of areas). */
static void put_hundredths(oldc_buf *out, int64_t v)
{
	put_grouped(out, v / 100);
	oldc_buf_printf(out, ".%02jd", (intmax_t)(v % 100));
}

/* A floor area in m², exact: the areas are hundredths of a m². */
static void put_m2(oldc_buf *out, int64_t centi)
{
	put_hundredths(out, centi);
}

/* A floor area in 万m² to two decimals, rounded down like oldc_percent_text (1万m² is
 * 1,000,000 hundredths of a m²): for the charts, where 6,500,000.00 is hard to read. */
static void put_wan_m2(oldc_buf *out, int64_t centi)
{
	put_hundredths(out, centi / 10000);
}

/* An amount of yuan in 万元, exact: the decimals only when it is not a whole 万. */
static void put_wan_yuan(oldc_buf *out, int64_t yuan)
{
	put_grouped(out, yuan / 10000);
	int64_t rest = yuan % 10000;
	if (rest) {
		char d[8];
		snprintf(d, sizeof d, "%04jd", (intmax_t)rest);
		for (size_t n = strlen(d); n && d[n - 1] == '0'; n--)
			d[n - 1] = '\0';
		oldc_buf_printf(out, ".%s", d);
	}
}

static void put_percent(oldc_buf *out, int64_t part, int64_t whole)
{
	char pct[32];
	oldc_percent_text(pct, part, whole);
	oldc_buf_puts(out, pct);
}

/* A date, never broken at its hyphens on a narrow screen. */
static void put_date(oldc_buf *out, oldc_date d)
{
	char s[11];
	oldc_date_format(d, s);
	oldc_buf_printf(out, "<span class=\"nowrap\">%s</span>", s);
}

/* The machine-readable marker of a printed figure, for tests/html/run, which compares
 * each with the JSON report: data-figure is the figure's path in the JSON object of
 * oldc-report(1), JSON, its parts joined by dots (a list element by its year, name or id, or
 * by #index), and data-value the exact number: an integer, or m² with two decimals
 * when `area` (v in hundredths). `key`, a district's name or a dossier's id, is
 * escaped; NULL parts are left out. The visible text stays as it is. */
static void figure_attrs(oldc_buf *out, const char *path, const char *key, const char *field, int64_t v, bool area)
{
	oldc_buf_printf(out, " data-figure=\"%s", path);
	if (key) {
		oldc_buf_putc(out, '.');
		oldc_html_text(out, key);
	}
	if (field)
		oldc_buf_printf(out, ".%s", field);
	if (area)
		oldc_buf_printf(out, "\" data-value=\"%jd.%02jd\"", (intmax_t)(v / 100), (intmax_t)(v % 100));
	else
		oldc_buf_printf(out, "\" data-value=\"%jd\"", (intmax_t)v);
}

/* A percentage's marker: data-value is the percentage without its %. */
static void percent_attrs(oldc_buf *out, const char *path, const char *field, int64_t part, int64_t whole)
{
	char pct[32];
	oldc_percent_text(pct, part, whole);
	pct[strlen(pct) - 1] = '\0';
	oldc_buf_printf(out, " data-figure=\"%s.%s\" data-value=\"%s\"", path, field, pct);
}

/* A number in a <span> of its own, marked (figure_attrs), printed as `put` prints it. */
static void put_figure(oldc_buf *out, void (*put)(oldc_buf *, int64_t), const char *path, const char *key,
		       const char *field, int64_t v, bool area)
{
	oldc_buf_puts(out, "<span");
	figure_attrs(out, path, key, field, v, area);
	oldc_buf_putc(out, '>');
	put(out, v);
	oldc_buf_puts(out, "</span>");
}

/* part/whole of `width`, clamped to [0, width], in integers: the lengths of the bars.
 * A part too small to see but not zero gets the thinnest visible bar. */
static int64_t scaled(int64_t part, int64_t whole, int64_t width)
{
	if (whole <= 0 || part <= 0)
		return 0;
	if (part >= whole)
		return width;
	int64_t w = whole <= INT64_MAX / width ? part * width / whole : part / (whole / width);
	return w ? w : 1;
}

/* A horizontal position or length in hundredths of a percent of the chart's width. */
static void put_x(oldc_buf *out, int64_t per10000)
{
	oldc_buf_printf(out, "%jd.%02jd%%", (intmax_t)(per10000 / 100), (intmax_t)(per10000 % 100));
}

static int64_t node_int(const oldc_node *n)
{
	return n ? n->value.integer : 0;
}

static const char *type_name(const oldc_report *r, size_t type)
{
	if (type >= r->policy->pilot.types.count)
		return "?";
	return ((const struct oldc_pilot_type *)r->policy->pilot.types.items)[type].name->text;
}

/* The coloured square and the colour word: the word carries the meaning, the square
 * only helps the eye. */
static void colour_tag(oldc_buf *out, oldc_colour c)
{
	oldc_buf_printf(out, "<span class=\"tag %s\"><span class=\"chip\" aria-hidden=\"true\">■</span> %s</span>",
			colour_class[c], _(colour_words[c]));
}

/* The reasons ("OP-3, OP-6") in the policy's words, both languages as the page has
 * them: "未成立业主委员会 <span class="en">no owners' committee</span> (OP-3); ...";
 * a clause the policy gives no short title is its id alone. */
static void html_reasons(oldc_buf *out, const oldc_policy *p, const char *reasons)
{
	for (const char *c = reasons, *next; c && *c; c = next) {
		const char *end = strstr(c, ", ");
		next = end ? end + 2 : NULL;
		size_t n = end ? (size_t)(end - c) : strlen(c);
		char id[64];
		if (n >= sizeof id) /* no clause id is this long */
			n = sizeof id - 1;
		memcpy(id, c, n);
		id[n] = '\0';
		if (c != reasons)
			oldc_buf_puts(out, "; ");
		const struct oldc_clause *cl = oldc_policy_clause(p, id);
		if (cl && cl->short_title) {
			oldc_html_text(out, cl->short_title->text);
			if (cl->short_title_en) {
				oldc_buf_puts(out, " <span class=\"en\">");
				oldc_html_text(out, cl->short_title_en->text);
				oldc_buf_puts(out, "</span>");
			}
			oldc_buf_puts(out, " (");
			oldc_html_text(out, id);
			oldc_buf_putc(out, ')');
		} else
			oldc_html_text(out, id);
	}
}

/* Beside the colour, a pilot that is not plainly eligible says so (its colour is about
 * schedule only, BC-4.3): a framed mark, solid for ineligible with the reasons in the
 * policy's words, dashed for conditional; nothing for an eligible pilot. */
static void verdict_mark(oldc_buf *out, const oldc_report *r, const oldc_report_row *row)
{
	if (row->check.pilot == OLDC_PILOT_INELIGIBLE) {
		oldc_buf_puts(out, _(" <span class=\"mark ineligible\">✗ 不符合 ineligible"));
		if (*row->pilot_reasons) {
			oldc_buf_puts(out, ": ");
			html_reasons(out, r->policy, row->pilot_reasons);
		}
		oldc_buf_puts(out, "</span>");
	} else if (row->check.pilot == OLDC_PILOT_CONDITIONAL)
		oldc_buf_puts(out, _(" <span class=\"mark conditional\">◐ 有条件 conditional</span>"));
}

/* A section's heading: its Chinese and English titles, the English followed by the
 * clauses it is about (" (OP-1)", " (BC-1.3, BC-4.3)": the loaded policy's ids, each
 * NULL when the policy names none). */
static void section_head(oldc_buf *out, const char *id, const char *zh, const char *en, const char *clause,
			 const char *clause2)
{
	oldc_buf_printf(out, "<section id=\"%s\">\n<h2>%s <span class=\"en\">%s", id, zh, en);
	if (clause || clause2)
		oldc_buf_printf(out, " (%s%s%s)", clause ? clause : "", clause && clause2 ? ", " : "",
				clause2 ? clause2 : "");
	oldc_buf_puts(out, "</span></h2>\n");
}

/* The clause id the policy gives key `key`, or NULL (policy.h; ids are [A-Z0-9.-]: no
 * escaping needed). */
static const char *clause_id(const oldc_report *r, oldc_clause_key key)
{
	return oldc_policy_clause_key(r->policy, key);
}

/* A key figure in a box; `figure` its path in the JSON report (figure_attrs), or NULL. */
static void kpi(oldc_buf *out, const char *label, const char *figure, int64_t v)
{
	oldc_buf_printf(out, "<div class=\"kpi\"><span class=\"k\">%s</span><span class=\"v\"", label);
	if (figure)
		figure_attrs(out, figure, NULL, NULL, v, false);
	oldc_buf_putc(out, '>');
	put_grouped(out, v);
	oldc_buf_puts(out, "</span></div>\n");
}

static const char style[] =
	":root{color-scheme:light}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;padding:16px;font-family:-apple-system,\"PingFang SC\",\"Noto Sans CJK SC\",\"Microsoft YaHei\","
	"\"Source Han Sans SC\",sans-serif;font-size:15px;line-height:1.5;color:#1a202c;background:#f7fafc}\n"
	".page{max-width:1100px;margin:0 auto}\n"
	"header.top{border-bottom:3px solid #2c5282;padding-bottom:8px;margin-bottom:12px}\n"
	"h1{font-size:1.6rem;line-height:1.3;margin:0 0 6px}\n"
	"h2{font-size:1.25rem;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid #cbd5e0}\n"
	"h3{font-size:1.05rem;margin:0 0 6px}\n"
	"section>h3{margin-top:18px}\n"
	".en{color:#4a5568;font-weight:normal;font-size:.85em}\n"
	".meta,.note{color:#4a5568;font-size:.9rem;margin:4px 0}\n"
	"nav ul{list-style:none;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.9rem}\n"
	"nav a{color:#2c5282}\n"
	".kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:10px 0}\n"
	".card table+table{margin-top:12px}\n"
	".kpi{background:#fff;border:1px solid #cbd5e0;border-radius:6px;padding:6px 10px}\n"
	".kpi .k{display:block;font-size:.8rem;color:#4a5568}\n"
	".kpi .v{display:block;font-size:1.5rem;font-weight:700;font-variant-numeric:tabular-nums}\n"
	".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,420px),1fr));gap:12px}\n"
	".grid.small{grid-template-columns:repeat(auto-fit,minmax(min(100%,280px),1fr))}\n"
	".card{background:#fff;border:1px solid #cbd5e0;border-radius:6px;padding:10px 12px;break-inside:avoid}\n"
	".scroll{overflow-x:auto;margin:8px 0}\n"
	"table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}\n"
	"caption{text-align:left;font-weight:600;padding:4px 0}\n"
	"th,td{border:1px solid #cbd5e0;padding:4px 8px;text-align:left;vertical-align:top}\n"
	"th{background:#edf2f7;font-weight:600}\n"
	".n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}th.n{white-space:normal}\n"
	".path{overflow-wrap:anywhere;min-width:12em}.ids{min-width:14em}\n"
	".nowrap{white-space:nowrap}\n"
	"tfoot td{font-weight:600}\n"
	"tbody th,tfoot th{min-width:6em}\n"
	".warn{border-left:4px solid #c53030;background:#fff5f5;padding:6px 10px;margin:8px 0}\n"
	".ok{color:#276749}.bad{color:#c53030}\n"
	".tag{white-space:nowrap}.chip{font-size:1.1em}\n"
	".blue .chip{color:#2b6cb0}.yellow .chip{color:#d69e2e}.red .chip{color:#c53030}\n"
	".mark{font-weight:600;border:2px solid;border-radius:3px;padding:0 .3em;margin-left:.3em}\n"
	".mark.ineligible{color:#c53030;background:#fff5f5}.mark.conditional{color:#975a16;border-style:dashed;background:#fffff0}\n"
	"svg{display:block;overflow:visible}\n"
	"svg text{font-size:13px;fill:#1a202c}\n"
	"svg .t{font-size:14px;font-weight:600}\n"
	"svg .m{fill:#4a5568}\n"
	"svg .end{text-anchor:end}\n"
	"svg .track{fill:#e2e8f0}\n"
	"svg .planned{fill:#90cdf4;stroke:#2c5282;stroke-width:1}\n"
	"svg .completed{fill:#2c5282}\n"
	"svg .gl{stroke:#cbd5e0;stroke-width:1}\n"
	"svg .asof{stroke:#1a202c;stroke-width:1;stroke-dasharray:3 2}\n"
	"svg .fin{stroke:#1a202c;stroke-width:2}\n"
	"svg .done{fill:#1a202c;stroke:#fff;stroke-width:1}\n"
	"svg .plan{fill:#fff;stroke:#1a202c;stroke-width:1.5}\n"
	"svg .bar.blue{fill:#2b6cb0}svg .bar.yellow{fill:#d69e2e}svg .bar.red{fill:#c53030}\n"
	"svg .sysbar{fill:#4a5568}svg .sysbar.full{fill:#276749}\n"
	".sys{width:100%;max-width:420px}\n"
	".timeline{list-style:none;padding:0;margin:0}\n"
	".timeline li{padding:6px 0;border-bottom:1px solid #e2e8f0;break-inside:avoid}\n"
	".legend{font-size:.85rem;color:#4a5568}\n"
	"footer{margin-top:32px;padding-top:8px;border-top:1px solid #cbd5e0;color:#4a5568;font-size:.85rem}\n"
	"@media (max-width:700px){body{padding:8px;font-size:14px}h1{font-size:1.3rem}"
	".grid,.grid.small{grid-template-columns:1fr}.kpi .v{font-size:1.25rem}}\n"
	"@media print{@page{size:A4;margin:12mm}"
	"body{background:none;padding:0;font-size:10pt}nav{display:none}"
	".card,.kpi,table,th,.warn{background:none}.scroll{overflow:visible}"
	"h2,h3,.legend,caption,thead{break-after:avoid;page-break-after:avoid}"
	"tr,svg,.card,.kpi,.timeline li{break-inside:avoid;page-break-inside:avoid}"
	"thead{display:table-header-group}.grid{grid-template-columns:1fr 1fr}"
	"a{color:inherit;text-decoration:none}}\n";

/* ---- progress bars (OP-1 annual targets, BC-1.3 pilot targets) ---- */

struct progress_bar {
	const char *label;    /* "计划 planned" */
	const char *cls;      /* "planned", "completed" */
	int64_t value;
	const char *figure;   /* the value's path in the JSON report (figure_attrs), or NULL */
};

/* One measure against its target: the title, the target on the line below it, then one
 * or two bars, each with its label, value and percentage on the line above it. */
struct progress {
	const char *title;
	const char *unit;     /* printed after the numbers; policy text, so escaped */
	bool area;            /* hundredths of m², shown in 万m² */
	bool about;           /* the policy says "about" (左右) */
	int64_t target;
	struct progress_bar bars[2];
	size_t n_bars;
	const char *figure;   /* the target's path in the JSON report, or NULL */
};

/* A value and its unit; marked when `figure` is given (never for areas, which the
 * charts round to 万m²: the table below the charts has them exact). */
static void progress_value(oldc_buf *out, const struct progress *m, int64_t v, const char *figure)
{
	if (m->area)
		put_wan_m2(out, v);
	else if (figure) {
		oldc_buf_puts(out, "<tspan");
		figure_attrs(out, figure, NULL, NULL, v, false);
		oldc_buf_putc(out, '>');
		put_grouped(out, v);
		oldc_buf_puts(out, "</tspan>");
	} else
		put_grouped(out, v);
	oldc_html_text(out, m->unit);
}

static void progress_svg(oldc_buf *out, const char *label, const struct progress *m, size_t n)
{
	int height = 0;
	for (size_t i = 0; i < n; i++)
		height += 38 + 32 * (int)m[i].n_bars + 10;
	oldc_buf_printf(out, "<svg class=\"chart\" width=\"100%%\" height=\"%d\" role=\"img\" aria-label=\"", height);
	oldc_html_text(out, label);
	oldc_buf_puts(out, "\">\n");
	int y = 0;
	for (size_t i = 0; i < n; i++) {
		oldc_buf_printf(out, "<text class=\"t\" x=\"0\" y=\"%d\">", y + 14);
		oldc_html_text(out, m[i].title);
		/* the target on a line of its own: beside a long title it would collide on a phone */
		oldc_buf_printf(out, "</text><text class=\"m\" x=\"0\" y=\"%d\">%s%s", y + 31, _("目标 target "),
				m[i].about ? _("约 about ") : "");
		progress_value(out, &m[i], m[i].target, m[i].figure);
		oldc_buf_puts(out, "</text>\n");
		y += 38;
		for (size_t b = 0; b < m[i].n_bars; b++) {
			const struct progress_bar *bar = &m[i].bars[b];
			oldc_buf_puts(out, "<g><title>");
			oldc_html_text(out, bar->label);
			oldc_buf_puts(out, ": ");
			progress_value(out, &m[i], bar->value, NULL);
			oldc_buf_puts(out, " / ");
			progress_value(out, &m[i], m[i].target, NULL);
			oldc_buf_puts(out, " (");
			put_percent(out, bar->value, m[i].target);
			oldc_buf_printf(out, ")</title>\n<text x=\"0\" y=\"%d\">", y + 12);
			oldc_html_text(out, bar->label);
			oldc_buf_putc(out, ' ');
			progress_value(out, &m[i], bar->value, bar->figure);
			oldc_buf_puts(out, " · ");
			put_percent(out, bar->value, m[i].target);
			oldc_buf_printf(out, "</text>\n<rect class=\"track\" x=\"0\" y=\"%d\" width=\"100%%\" height=\"12\"/>",
					y + 17);
			oldc_buf_printf(out, "<rect class=\"%s\" x=\"0\" y=\"%d\" width=\"", bar->cls, y + 17);
			put_x(out, scaled(bar->value, m[i].target, 10000));
			oldc_buf_puts(out, "\" height=\"12\"/></g>\n");
			y += 32;
		}
		y += 10;
	}
	oldc_buf_puts(out, "</svg>\n");
}

/* The unit of a plan year's count in Chinese: the policy counts 2022 in 片区 (areas),
 * later years in communities (个). An unknown word is shown as it is. */
static const char *unit_word(const char *unit)
{
	if (!unit || !*unit)
		return "";
	if (strcmp(unit, "area") == 0)
		return "片区";
	if (strcmp(unit, "community") == 0)
		return "个";
	return unit;
}

/* Sums as a line of text, each number marked with its path `path` in the JSON report. */
static void sums_text(oldc_buf *out, const oldc_sums *s, const char *unit, const char *path)
{
	put_figure(out, put_grouped, path, NULL, "count", s->count, false);
	oldc_html_text(out, unit);
	oldc_buf_puts(out, " · ");
	put_figure(out, put_m2, path, NULL, "floor_area_m2", s->floor_area, true);
	oldc_buf_puts(out, " m² · ");
	put_figure(out, put_grouped, path, NULL, "households", s->households, false);
	oldc_buf_puts(out, _(" 户 households"));
}

static void year_card(oldc_buf *out, const oldc_report_year *y)
{
	const char *unit = unit_word(y->unit);
	/* the figures' paths in the JSON report */
	char planned[32], completed[32], fig[6][48];
	snprintf(planned, sizeof planned, "years.%d.planned", y->year);
	snprintf(completed, sizeof completed, "years.%d.completed", y->year);
	oldc_buf_printf(out, "<article class=\"card\">\n<h3>%d年 <span class=\"en\">plan year %d</span></h3>\n", y->year,
			y->year);
	if (y->review) {
		oldc_buf_puts(out, _("<p><strong>回头看 review year, no target</strong> "
				     "<span class=\"en\">(查漏补缺、完善提升 no new quota)</span></p>\n"));
		oldc_buf_puts(out, _("<p>计划 planned: "));
		sums_text(out, &y->planned, _("个"), planned);
		oldc_buf_puts(out, _("<br>完成 completed: "));
		sums_text(out, &y->completed, _("个"), completed);
		oldc_buf_puts(out, "</p>\n</article>\n");
		return;
	}
	char title[64];
	snprintf(title, sizeof title, _("%d年改造目标 targets of %d"), y->year, y->year);
	snprintf(fig[0], sizeof fig[0], "years.%d.target.units", y->year);
	snprintf(fig[1], sizeof fig[1], "%s.count", planned);
	snprintf(fig[2], sizeof fig[2], "%s.count", completed);
	snprintf(fig[3], sizeof fig[3], "years.%d.target.households", y->year);
	snprintf(fig[4], sizeof fig[4], "%s.households", planned);
	snprintf(fig[5], sizeof fig[5], "%s.households", completed);
	struct progress m[3] = {
		{ _("改造数量 units"), unit, false, false, y->target.count,
		  { { _("计划 planned"), "planned", y->planned.count, fig[1] },
		    { _("完成 completed"), "completed", y->completed.count, fig[2] } }, 2, fig[0] },
		{ _("建筑面积 floor area"), "万m²", true, false, y->target.floor_area,
		  { { _("计划 planned"), "planned", y->planned.floor_area, NULL },
		    { _("完成 completed"), "completed", y->completed.floor_area, NULL } }, 2, NULL },
		{ _("惠及居民 households"), "户", false, false, y->target.households,
		  { { _("计划 planned"), "planned", y->planned.households, fig[4] },
		    { _("完成 completed"), "completed", y->completed.households, fig[5] } }, 2, fig[3] },
	};
	progress_svg(out, title, m, 3);
	/* A dossier is one community; the 2022 target counts areas (片区) of several. */
	if (y->unit && strcmp(y->unit, "area") == 0)
		oldc_buf_puts(out, _("<p class=\"note\">目标以片区计，档案按份计数 "
				     "<span class=\"en\">the target counts areas (片区); dossiers are counted one each</span></p>\n"));
	oldc_buf_puts(out, "</article>\n");
}

/* The names of a measure in the JSON report: in "target", in the sums, in "percent". */
struct measure_keys {
	const char *target, *sums, *percent;
};

/* A percentage cell, marked when there is a target to be a share of (else "—"). */
static void percent_cell(oldc_buf *out, const char *path, const char *field, int64_t part, int64_t whole, bool review)
{
	oldc_buf_puts(out, "<td class=\"n\"");
	if (!review && whole > 0)
		percent_attrs(out, path, field, part, whole);
	oldc_buf_putc(out, '>');
	if (!review)
		put_percent(out, part, whole);
	else
		oldc_buf_puts(out, "—");
	oldc_buf_puts(out, "</td>");
}

/* One row of the annual table per year and measure, so every figure of the charts can
 * be checked against a hand count. */
static void year_table_measure(oldc_buf *out, const oldc_report_year *y, const char *label, int64_t target,
			       int64_t planned, int64_t completed, bool area, bool first, const struct measure_keys *k)
{
	char year[24], pct[48];
	snprintf(year, sizeof year, "years.%d", y->year);
	oldc_buf_puts(out, "<tr>");
	if (first)
		oldc_buf_printf(out, "<th scope=\"rowgroup\" rowspan=\"3\">%d%s</th>", y->year,
				y->review ? _("<br><span class=\"en\">回头看 review</span>") : "");
	oldc_buf_printf(out, "<td>%s</td><td class=\"n\"", label);
	void (*put)(oldc_buf *, int64_t) = area ? put_m2 : put_grouped;
	if (y->review)
		oldc_buf_puts(out, ">—");
	else {
		figure_attrs(out, year, "target", k->target, target, area);
		oldc_buf_putc(out, '>');
		put(out, target);
	}
	oldc_buf_puts(out, "</td><td class=\"n\"");
	figure_attrs(out, year, "planned", k->sums, planned, area);
	oldc_buf_putc(out, '>');
	put(out, planned);
	oldc_buf_puts(out, "</td>");
	snprintf(pct, sizeof pct, "percent.planned_%s", k->percent);
	percent_cell(out, year, pct, planned, target, y->review);
	oldc_buf_puts(out, "<td class=\"n\"");
	figure_attrs(out, year, "completed", k->sums, completed, area);
	oldc_buf_putc(out, '>');
	put(out, completed);
	oldc_buf_puts(out, "</td>");
	snprintf(pct, sizeof pct, "percent.completed_%s", k->percent);
	percent_cell(out, year, pct, completed, target, y->review);
	oldc_buf_puts(out, "</tr>\n");
}

static void targets_section(oldc_buf *out, const oldc_report *r)
{
	section_head(out, "targets", _("年度目标完成情况"), _("Annual targets"), clause_id(r, OLDC_CLAUSE_PLAN_YEARS), NULL);
	oldc_buf_puts(out, _("<p class=\"note\">计划 = 计划年度为该年的有效档案；完成 = 其中已竣工验收者。百分比向下取整。"
			     "<span class=\"en\"> planned: valid dossiers of that plan year; completed: those whose "
			     "completion is accepted. Percentages are rounded down.</span></p>\n"));
	oldc_buf_puts(out, "<div class=\"grid\">\n");
	for (size_t i = 0; i < r->n_years; i++)
		year_card(out, &r->years[i]);
	oldc_buf_puts(out, "</div>\n");
	if (r->outside_years.count) {
		oldc_buf_puts(out, _("<p class=\"warn\">不在政策计划年度内 <span class=\"en\">outside the policy's plan "
				     "years</span>: "));
		sums_text(out, &r->outside_years, _("份 dossiers"), "outside_years");
		oldc_buf_puts(out, "</p>\n");
	}
	if (r->totals.missing_floor_area || r->totals.missing_households)
		oldc_buf_printf(out, _("<p class=\"warn\">合计偏少：%zu 份档案未填建筑面积，%zu 份未填户数 <span class=\"en\">sums "
				       "short: %zu dossiers give no floor area, %zu no households</span></p>\n"),
				r->totals.missing_floor_area, r->totals.missing_households, r->totals.missing_floor_area,
				r->totals.missing_households);
	oldc_buf_puts(out, _("<div class=\"scroll\"><table>\n<caption>年度汇总 <span class=\"en\">by plan year</span>"
			     "</caption>\n<thead><tr><th scope=\"col\">年度 year</th><th scope=\"col\">指标 measure</th>"
			     "<th scope=\"col\" class=\"n\">目标 target</th><th scope=\"col\" class=\"n\">计划 planned</th>"
			     "<th scope=\"col\" class=\"n\">%</th><th scope=\"col\" class=\"n\">完成 completed</th>"
			     "<th scope=\"col\" class=\"n\">%</th></tr></thead>\n"));
	for (size_t i = 0; i < r->n_years; i++) {
		const oldc_report_year *y = &r->years[i];
		oldc_buf_puts(out, "<tbody>\n");
		char units[48];
		snprintf(units, sizeof units, _("数量 units (%s)"), unit_word(y->unit));
		year_table_measure(out, y, y->review ? _("数量 units") : units, y->target.count, y->planned.count,
				   y->completed.count, false, true, &(struct measure_keys){ "units", "count", "units" });
		year_table_measure(out, y, _("面积 floor area m²"), y->target.floor_area, y->planned.floor_area,
				   y->completed.floor_area, true, false,
				   &(struct measure_keys){ "floor_area_m2", "floor_area_m2", "floor_area" });
		year_table_measure(out, y, _("户数 households"), y->target.households, y->planned.households,
				   y->completed.households, false, false,
				   &(struct measure_keys){ "households", "households", "households" });
		oldc_buf_puts(out, "</tbody>\n");
	}
	oldc_buf_puts(out, "</table></div>\n</section>\n");
}

/* ---- districts ---- */

/* The cells of sums: a count, an area, households; each marked with its path in the
 * JSON report, "districts.NAME.WHICH.count" ..., when `name` is given (the totals row
 * has no counterpart there). */
static void district_cells(oldc_buf *out, const oldc_sums *s, const char *name, const char *which)
{
	static const char *const fields[] = { "count", "floor_area_m2", "households" };
	const int64_t v[] = { s->count, s->floor_area, s->households };
	for (size_t i = 0; i < 3; i++) {
		oldc_buf_puts(out, "<td class=\"n\"");
		if (name) {
			char field[48];
			snprintf(field, sizeof field, "%s.%s", which, fields[i]);
			figure_attrs(out, "districts", name, field, v[i], i == 1);
		}
		oldc_buf_putc(out, '>');
		(i == 1 ? put_m2 : put_grouped)(out, v[i]);
		oldc_buf_puts(out, "</td>");
	}
}

static void districts_section(oldc_buf *out, const oldc_report *r)
{
	section_head(out, "districts", _("各区市进展"), _("Districts"), NULL, NULL);
	if (!r->n_districts) {
		oldc_buf_puts(out, _("<p>无有效档案 <span class=\"en\">no valid dossiers</span></p>\n</section>\n"));
		return;
	}
	int64_t max = 1;
	for (size_t i = 0; i < r->n_districts; i++) {
		if (r->districts[i].planned.count > max)
			max = r->districts[i].planned.count;
		if (r->districts[i].completed.count > max)
			max = r->districts[i].completed.count;
	}
	/* The name takes the first 27% of the width, the bars at most the next 60%, the
	 * numbers follow the bars' ends. */
	oldc_buf_printf(out, "<div class=\"card\"><svg class=\"chart\" width=\"100%%\" height=\"%d\" role=\"img\" "
			"aria-label=\"%s\">\n", 26 + 34 * (int)r->n_districts, _("各区市计划与完成档案数 planned and completed dossiers by district"));
	oldc_buf_printf(out, "<rect class=\"planned\" x=\"0.5\" y=\"4.5\" width=\"14\" height=\"11\"/>"
			"<text x=\"20\" y=\"14\">%s</text>"
			"<rect class=\"completed\" x=\"130\" y=\"4\" width=\"14\" height=\"12\"/>"
			"<text x=\"150\" y=\"14\">%s</text>\n", _("计划 planned"), _("完成 completed"));
	for (size_t i = 0; i < r->n_districts; i++) {
		const oldc_report_district *d = &r->districts[i];
		int y = 26 + 34 * (int)i;
		int64_t wp = scaled(d->planned.count, max, 6000), wc = scaled(d->completed.count, max, 6000);
		oldc_buf_puts(out, "<g><title>");
		oldc_html_text(out, d->name);
		oldc_buf_printf(out, _(": 计划 planned %jd, 完成 completed %jd</title>\n"), (intmax_t)d->planned.count,
				(intmax_t)d->completed.count);
		oldc_buf_printf(out, "<text x=\"0\" y=\"%d\">", y + 18);
		html_text_cut(out, d->name, 12);
		oldc_buf_printf(out, "</text>\n<rect class=\"planned\" x=\"27%%\" y=\"%d.5\" width=\"", y + 2);
		put_x(out, wp);
		oldc_buf_printf(out, "\" height=\"11\"/><text x=\"");
		put_x(out, 2700 + wp);
		oldc_buf_puts(out, "\" dx=\"4\"");
		figure_attrs(out, "districts", d->name, "planned.count", d->planned.count, false);
		oldc_buf_printf(out, " y=\"%d\">%jd</text>\n", y + 12, (intmax_t)d->planned.count);
		oldc_buf_printf(out, "<rect class=\"completed\" x=\"27%%\" y=\"%d\" width=\"", y + 16);
		put_x(out, wc);
		oldc_buf_printf(out, "\" height=\"12\"/><text x=\"");
		put_x(out, 2700 + wc);
		oldc_buf_puts(out, "\" dx=\"4\"");
		figure_attrs(out, "districts", d->name, "completed.count", d->completed.count, false);
		oldc_buf_printf(out, " y=\"%d\">%jd</text></g>\n", y + 26, (intmax_t)d->completed.count);
	}
	oldc_buf_puts(out, "</svg></div>\n");

	oldc_buf_puts(out, _("<div class=\"scroll\"><table>\n<caption>各区市汇总 <span class=\"en\">sums by district</span>"
			     "</caption>\n<thead><tr><th scope=\"col\" rowspan=\"2\">区市 district</th>"
			     "<th scope=\"colgroup\" colspan=\"3\">计划 planned</th><th scope=\"colgroup\" colspan=\"3\">完成 completed</th>"
			     "<th scope=\"col\" rowspan=\"2\" class=\"n\">完成率 share completed</th>"
			     "<th scope=\"col\" rowspan=\"2\" class=\"n\">试点 pilots</th></tr>\n"
			     "<tr><th scope=\"col\" class=\"n\">数量 count</th><th scope=\"col\" class=\"n\">m²</th>"
			     "<th scope=\"col\" class=\"n\">户 households</th><th scope=\"col\" class=\"n\">数量 count</th>"
			     "<th scope=\"col\" class=\"n\">m²</th><th scope=\"col\" class=\"n\">户 households</th></tr></thead>\n<tbody>\n"));
	oldc_sums planned = { 0 }, completed = { 0 };
	size_t pilots = 0;
	for (size_t i = 0; i < r->n_districts; i++) {
		const oldc_report_district *d = &r->districts[i];
		oldc_buf_puts(out, "<tr><th scope=\"row\">");
		oldc_html_text(out, d->name);
		oldc_buf_puts(out, "</th>");
		district_cells(out, &d->planned, d->name, "planned");
		district_cells(out, &d->completed, d->name, "completed");
		oldc_buf_puts(out, "<td class=\"n\">");
		put_percent(out, d->completed.count, d->planned.count);
		oldc_buf_puts(out, "</td><td class=\"n\"");
		figure_attrs(out, "districts", d->name, "pilots", (int64_t)d->pilots, false);
		oldc_buf_printf(out, ">%zu</td></tr>\n", d->pilots);
		planned.count += d->planned.count, planned.floor_area += d->planned.floor_area;
		planned.households += d->planned.households;
		completed.count += d->completed.count, completed.floor_area += d->completed.floor_area;
		completed.households += d->completed.households;
		pilots += d->pilots;
	}
	oldc_buf_puts(out, _("</tbody>\n<tfoot><tr><th scope=\"row\">合计 total</th>"));
	district_cells(out, &planned, NULL, NULL);
	district_cells(out, &completed, NULL, NULL);
	oldc_buf_puts(out, "<td class=\"n\">");
	put_percent(out, completed.count, planned.count);
	oldc_buf_printf(out, "</td><td class=\"n\">%zu</td></tr></tfoot>\n</table></div>\n</section>\n", pilots);
}

/* ---- pilots ---- */

/* Where a pilot's bar ends: completion, or the type's time to finish when later (a
 * pilot still inside its time shows the whole of it). 0 when neither is known. */
static oldc_date bar_end(const oldc_report_row *row)
{
	return row->completion > row->finish_by ? row->completion : row->finish_by;
}

struct axis {
	oldc_date start, stop;   /* 1 January of the first year, of the year after the last */
	int first_year, last_year;
};

static int64_t axis_x(const struct axis *a, oldc_date d)
{
	return scaled((int64_t)d - a->start, (int64_t)a->stop - a->start, 10000);
}

/* The year lines and the as-of line, behind every row, so the rows share one axis. */
static void axis_lines(oldc_buf *out, const struct axis *a, oldc_date as_of, int height)
{
	for (int y = a->first_year + 1; y <= a->last_year; y++) {
		oldc_buf_puts(out, "<line class=\"gl\" x1=\"");
		put_x(out, axis_x(a, oldc_date_from_ymd(y, 1, 1)));
		oldc_buf_puts(out, "\" x2=\"");
		put_x(out, axis_x(a, oldc_date_from_ymd(y, 1, 1)));
		oldc_buf_printf(out, "\" y1=\"0\" y2=\"%d\"/>", height);
	}
	oldc_buf_puts(out, "<line class=\"asof\" x1=\"");
	put_x(out, axis_x(a, as_of));
	oldc_buf_puts(out, "\" x2=\"");
	put_x(out, axis_x(a, as_of));
	oldc_buf_printf(out, "\" y1=\"0\" y2=\"%d\"/>\n", height);
}

static void axis_svg(oldc_buf *out, const struct axis *a, oldc_date as_of)
{
	oldc_buf_puts(out, "<li aria-hidden=\"true\"><svg width=\"100%\" height=\"20\">");
	axis_lines(out, a, as_of, 20);
	for (int y = a->first_year; y <= a->last_year; y++) {
		oldc_buf_puts(out, "<text class=\"m\" x=\"");
		put_x(out, axis_x(a, oldc_date_from_ymd(y, 1, 1)));
		oldc_buf_printf(out, "\" dx=\"3\" y=\"14\">%d</text>", y);
	}
	oldc_buf_puts(out, "</svg></li>\n");
}

static void timeline_row(oldc_buf *out, const oldc_report *r, const oldc_report_row *row, const struct axis *a)
{
	oldc_buf_puts(out, "<li><div><strong>");
	oldc_html_text(out, row->id);
	oldc_buf_puts(out, "</strong> ");
	oldc_html_text(out, row->name);
	oldc_buf_puts(out, " · ");
	oldc_html_text(out, type_name(r, row->type));
	oldc_buf_puts(out, " · ");
	colour_tag(out, row->colour);
	verdict_mark(out, r, row);
	oldc_buf_puts(out, "</div>\n");
	if (row->confirmed && a) {
		oldc_date end = bar_end(row);
		int64_t x0 = axis_x(a, row->confirmed), x1 = axis_x(a, end > row->confirmed ? end : row->confirmed);
		oldc_buf_puts(out, "<svg width=\"100%\" height=\"22\" role=\"img\" aria-label=\"");
		oldc_html_text(out, row->colour_reason);
		oldc_buf_puts(out, "\"><title>");
		oldc_html_text(out, row->id);
		oldc_buf_puts(out, ": ");
		oldc_html_text(out, row->colour_reason);
		oldc_buf_puts(out, "</title>\n");
		axis_lines(out, a, r->as_of, 22);
		oldc_buf_printf(out, "<rect class=\"bar %s\" x=\"", colour_class[row->colour]);
		put_x(out, x0);
		oldc_buf_puts(out, "\" y=\"5\" width=\"");
		put_x(out, x1 - x0 > 30 ? x1 - x0 : 30);
		oldc_buf_puts(out, "\" height=\"12\"/>");
		if (row->finish_by) {
			oldc_buf_puts(out, "<line class=\"fin\" x1=\"");
			put_x(out, axis_x(a, row->finish_by));
			oldc_buf_puts(out, "\" x2=\"");
			put_x(out, axis_x(a, row->finish_by));
			oldc_buf_puts(out, "\" y1=\"1\" y2=\"21\"/>");
		}
		if (row->completion) {
			oldc_buf_printf(out, "<circle class=\"%s\" cx=\"", row->completion_actual ? "done" : "plan");
			put_x(out, axis_x(a, row->completion));
			oldc_buf_puts(out, "\" cy=\"11\" r=\"4.5\"/>");
		}
		oldc_buf_puts(out, "\n</svg>\n");
	}
	oldc_buf_puts(out, "<div class=\"note\">");
	if (row->confirmed) {
		oldc_buf_puts(out, _("确定 confirmed "));
		put_date(out, row->confirmed);
	} else
		oldc_buf_puts(out, _("无试点确定日期 no confirmation date"));
	if (row->finish_by) {
		oldc_buf_puts(out, _(" · 期限 finish by "));
		put_date(out, row->finish_by);
	}
	if (row->completion) {
		oldc_buf_puts(out, _(" · 竣工验收 completion "));
		put_date(out, row->completion);
		oldc_buf_puts(out, row->completion_actual ? _(" (实际 actual)") : _(" (计划 planned)"));
	}
	oldc_buf_puts(out, " · ");
	oldc_html_text(out, row->colour_reason);
	oldc_buf_puts(out, "</div></li>\n");
}

static void timeline(oldc_buf *out, const oldc_report *r)
{
	struct axis a = { 0 };
	bool any = false;
	oldc_date lo = r->as_of, hi = r->as_of;
	for (size_t i = 0; i < r->n_rows; i++) {
		const oldc_report_row *row = &r->rows[i];
		if (!row->pilot || !row->confirmed)
			continue;
		any = true;
		lo = row->confirmed < lo ? row->confirmed : lo;
		hi = bar_end(row) > hi ? bar_end(row) : hi;
	}
	int m, d;
	oldc_date_to_ymd(lo, &a.first_year, &m, &d);
	oldc_date_to_ymd(hi, &a.last_year, &m, &d);
	a.start = oldc_date_from_ymd(a.first_year, 1, 1);
	a.stop = oldc_date_from_ymd(a.last_year + 1, 1, 1);

	oldc_buf_printf(out, _("<h3>进度时间轴 <span class=\"en\">timeline (%s)</span></h3>\n"), clause_id(r, OLDC_CLAUSE_SUPERVISION));
	oldc_buf_puts(out, _("<p class=\"legend\">色条：试点确定至竣工验收（或期限，取较晚者）；"
			     "│ 期限 finish by (confirmed + the type's time to finish)；● 竣工验收（实际）completion (actual)；"
			     "○ 计划 planned；┆ 截至 as of "));
	put_date(out, r->as_of);
	oldc_buf_puts(out, "</p>\n<div class=\"card\"><ol class=\"timeline\">\n");
	if (any)
		axis_svg(out, &a, r->as_of);
	for (size_t i = 0; i < r->n_rows; i++)
		if (r->rows[i].pilot)
			timeline_row(out, r, &r->rows[i], any ? &a : NULL);
	if (any)
		axis_svg(out, &a, r->as_of);
	oldc_buf_puts(out, "</ol></div>\n");
}

/* The six systems of BC-1.1, one bar each: the tier items met of those the pilot's type
 * requires in that system. A fixed viewBox: the cards are about as wide everywhere. */
static void systems_svg(oldc_buf *out, const oldc_report *r, const oldc_report_row *row)
{
	size_t n = r->policy->catalogs[OLDC_CAT_SYSTEM].count;
	const struct oldc_entry *systems = r->policy->indicators.systems.items;
	if (n > row->n_systems)
		n = row->n_systems; /* a row whose scorecard could not be made has none */
	oldc_buf_printf(out, "<svg class=\"sys\" viewBox=\"0 0 320 %d\" role=\"img\" aria-label=\"%s\">\n",
			(int)n * 20 + 2, _("指标体系 indicator systems"));
	for (size_t s = 0; s < n; s++) {
		int y = (int)s * 20;
		size_t req = row->system_required[s], met = row->system_met[s];
		oldc_buf_puts(out, "<g><title>");
		oldc_html_text(out, systems[s].name->text);
		oldc_buf_printf(out, _(": %zu of %zu required met</title>"), met, req);
		oldc_buf_printf(out, "<text x=\"0\" y=\"%d\">", y + 14);
		oldc_html_text(out, systems[s].name->text);
		oldc_buf_printf(out, "</text><rect class=\"track\" x=\"66\" y=\"%d\" width=\"180\" height=\"12\"/>", y + 4);
		if (req) {
			oldc_buf_printf(out, "<rect class=\"sysbar%s\" x=\"66\" y=\"%d\" width=\"%jd\" height=\"12\"/>",
					met >= req ? " full" : "", y + 4, (intmax_t)scaled((int64_t)met, (int64_t)req, 180));
			oldc_buf_printf(out, "<text x=\"254\" y=\"%d\">%zu/%zu%s</text>", y + 14, met, req,
					met >= req ? " ✓" : "");
		} else
			oldc_buf_printf(out, "<text class=\"m\" x=\"254\" y=\"%d\">—</text>", y + 14);
		oldc_buf_puts(out, "</g>\n");
	}
	oldc_buf_puts(out, "</svg>\n");
}

static void pilot_card(oldc_buf *out, const oldc_report *r, const oldc_report_row *row)
{
	oldc_buf_puts(out, "<article class=\"card\">\n<h3>");
	oldc_html_text(out, row->id);
	oldc_buf_puts(out, " ");
	oldc_html_text(out, row->name);
	oldc_buf_puts(out, "</h3>\n<p class=\"meta\">");
	oldc_html_text(out, row->district);
	oldc_buf_puts(out, " · ");
	oldc_html_text(out, type_name(r, row->type));
	oldc_buf_puts(out, " · ");
	colour_tag(out, row->colour);
	verdict_mark(out, r, row);
	oldc_buf_printf(out, _(" · 试点资格 pilot %s</p>\n<p>评分 scorecard <strong>"), _(pilot_words[row->check.pilot]));
	put_figure(out, put_grouped, "pilots.list", row->id, "score.met", (int64_t)row->score_met, false);
	oldc_buf_puts(out, " / ");
	put_figure(out, put_grouped, "pilots.list", row->id, "score.required", (int64_t)row->score_required, false);
	oldc_buf_puts(out, _("</strong> ("));
	put_percent(out, (int64_t)row->score_met, (int64_t)row->score_required);
	oldc_buf_printf(out, ") · %s</p>\n", row->score_passed ? _("<strong class=\"ok\">✓ 达标 passed</strong>")
								: _("<strong class=\"bad\">✗ 未达标 not passed</strong>"));
	systems_svg(out, r, row);
	oldc_buf_puts(out, "<p class=\"note\">");
	oldc_html_text(out, row->colour_reason);
	oldc_buf_puts(out, "</p>\n</article>\n");
}

static void pilots_section(oldc_buf *out, const oldc_report *r)
{
	const oldc_policy *p = r->policy;
	const oldc_report_totals *t = &r->totals;
	size_t pilots = t->pilots, started = t->started, completed = t->completed;
	const size_t *colours = t->by_colour, *verdicts = t->by_verdict;
	section_head(out, "pilots", p->pilot.name->text, p->pilot.name_en ? p->pilot.name_en->text : p->pilot.name->text,
		     clause_id(r, OLDC_CLAUSE_PILOT_TARGETS), clause_id(r, OLDC_CLAUSE_SUPERVISION));
	int64_t start_year = node_int(p->pilot.targets.started.year), by_year = node_int(p->pilot.targets.completed.by_year);
	char started_title[96], completed_title[96];
	snprintf(started_title, sizeof started_title, _("%jd年中心城区启动 started in %jd, central city"),
		 (intmax_t)start_year, (intmax_t)start_year);
	snprintf(completed_title, sizeof completed_title, _("到%jd年完成 completed by %jd"), (intmax_t)by_year,
		 (intmax_t)by_year);
	struct progress m[2] = {
		{ started_title, "个", false, true, node_int(p->pilot.targets.started.count),
		  { { _("已启动 started"), "completed", (int64_t)started, "pilots.started.count" } }, 1,
		  "pilots.started.target" },
		{ completed_title, "个", false, true, node_int(p->pilot.targets.completed.count),
		  { { _("已竣工验收 completed"), "completed", (int64_t)completed, "pilots.completed.count" } }, 1,
		  "pilots.completed.target" },
	};
	oldc_buf_puts(out, "<div class=\"grid\"><div class=\"card\">\n");
	oldc_buf targets_title;
	oldc_buf_init(&targets_title);
	oldc_buf_printf(&targets_title, _("试点目标 pilot targets (%s)"), clause_id(r, OLDC_CLAUSE_PILOT_TARGETS));
	out->failed |= targets_title.failed;
	progress_svg(out, targets_title.data ? targets_title.data : "", m, 2);
	oldc_buf_release(&targets_title);
	oldc_buf_puts(out, _("<p class=\"note\">启动以试点确定的实际日期计；完成以竣工验收的实际日期计。"
			     "<span class=\"en\"> started: the actual date of confirmation; completed: the actual "
			     "date completion was accepted.</span></p>\n</div>\n"));

	/* counts by type, verdict and colour */
	oldc_buf_puts(out, _("<div class=\"card\"><p>试点 pilots: <strong"));
	figure_attrs(out, "pilots.total", NULL, NULL, (int64_t)pilots, false);
	oldc_buf_printf(out, _(">%zu</strong></p>\n<table>\n"
			       "<thead><tr><th scope=\"col\">类型 type</th><th scope=\"col\" class=\"n\">数量 count</th></tr></thead><tbody>\n"),
			pilots);
	for (size_t k = 0; k < p->pilot.types.count; k++) {
		size_t n = t->by_type[k];
		oldc_buf_puts(out, "<tr><td>");
		oldc_html_text(out, type_name(r, k));
		oldc_buf_puts(out, " <span class=\"en\">");
		oldc_html_text(out, ((const struct oldc_pilot_type *)p->pilot.types.items)[k].name_en->text);
		oldc_buf_puts(out, "</span></td><td class=\"n\"");
		figure_attrs(out, "pilots.by_type", NULL, p->catalogs[OLDC_CAT_PILOT_TYPE].ids[k], (int64_t)n, false);
		oldc_buf_printf(out, ">%zu</td></tr>\n", n);
	}
	oldc_buf_puts(out, _("</tbody></table>\n<table>\n<thead><tr><th scope=\"col\">试点资格 pilot verdict</th>"
			     "<th scope=\"col\" class=\"n\">数量 count</th></tr></thead><tbody>\n"));
	for (size_t v = 0; v < 4; v++) {
		if (v == OLDC_PILOT_NONE && !verdicts[v])
			continue;
		oldc_buf_printf(out, "<tr><td>%s</td><td class=\"n\"", _(pilot_words[v]));
		if (v != OLDC_PILOT_NONE) /* the JSON report counts no "none" */
			figure_attrs(out, "pilots.by_verdict", NULL, oldc_pilot_word((oldc_pilot_verdict)v), (int64_t)verdicts[v],
				     false);
		oldc_buf_printf(out, ">%zu</td></tr>\n", verdicts[v]);
	}
	oldc_buf_puts(out, _("</tbody></table>\n<table>\n<thead><tr><th scope=\"col\">督导颜色 supervision colour</th>"
			     "<th scope=\"col\" class=\"n\">数量 count</th></tr></thead><tbody>\n"));
	for (size_t c = 0; c < 3; c++) {
		oldc_buf_puts(out, "<tr><td>");
		colour_tag(out, (oldc_colour)c);
		oldc_buf_puts(out, "</td><td class=\"n\"");
		figure_attrs(out, "pilots.by_colour", NULL, oldc_colour_word((oldc_colour)c), (int64_t)colours[c], false);
		oldc_buf_printf(out, ">%zu</td></tr>\n", colours[c]);
	}
	oldc_buf_puts(out, "</tbody></table></div>\n</div>\n");
	if (!pilots) {
		oldc_buf_puts(out, _("<p>无试点 <span class=\"en\">no pilots</span></p>\n</section>\n"));
		return;
	}
	timeline(out, r);
	const struct oldc_entry *systems = r->policy->indicators.systems.items;
	oldc_buf_printf(out, _("<h3>指标体系 <span class=\"en\">indicator systems and scorecard (%s, %s)</span></h3>\n"),
			r->policy->indicators.systems.count && systems[0].clause ? systems[0].clause->text : "-",
			clause_id(r, OLDC_CLAUSE_INDICATORS));
	oldc_buf_puts(out, _("<p class=\"legend\">每条：该体系内已达成的必需指标项 / 类型要求的指标项 "
			     "each bar: the required tier items met of those the type requires in that system</p>\n"
			     "<div class=\"grid small\">\n"));
	for (size_t i = 0; i < r->n_rows; i++)
		if (r->rows[i].pilot)
			pilot_card(out, r, &r->rows[i]);
	oldc_buf_puts(out, "</div>\n</section>\n");
}

/* ---- rewards ---- */

static void rewards_section(oldc_buf *out, const oldc_report *r)
{
	const oldc_policy *p = r->policy;
	int64_t quota = node_int(p->pilot.reward.count), max_yuan = node_int(p->pilot.reward.max_yuan);
	size_t candidates = r->totals.candidates, payable = r->totals.payable;
	section_head(out, "rewards", _("首批奖补"), _("First-batch reward"), clause_id(r, OLDC_CLAUSE_REWARD), NULL);
	oldc_buf_printf(out, _("<p class=\"note\">%jd年批次、中心城区的试点，评估通过后每个最高 "),
			(intmax_t)node_int(p->pilot.reward.batch_year));
	put_wan_yuan(out, max_yuan);
	oldc_buf_printf(out, _("万元，名额 %jd 个 <span class=\"en\">pilots of the %jd batch in the central city, each "
			       "at most the sum below once evaluated as passed</span></p>\n"),
			(intmax_t)quota, (intmax_t)node_int(p->pilot.reward.batch_year));
	oldc_buf_puts(out, "<div class=\"kpis\">\n");
	kpi(out, _("候选 candidates"), "rewards.candidates", (int64_t)candidates);
	kpi(out, _("政策名额 policy count"), NULL, quota);
	kpi(out, _("可兑现 payable"), "rewards.payable", (int64_t)payable);
	oldc_buf_printf(out, _("<div class=\"kpi\"><span class=\"k\">最高合计 at most (%zu × "), payable);
	put_wan_yuan(out, max_yuan);
	oldc_buf_puts(out, _("万元)</span><span class=\"v\">"));
	put_wan_yuan(out, (int64_t)payable * max_yuan);
	oldc_buf_puts(out, _("万元</span></div>\n</div>\n"));
	size_t all = candidates + r->totals.beyond_first_batch;
	if ((int64_t)all > quota)
		oldc_buf_printf(out, _("<p class=\"warn\">⚠ 候选 %zu 个，超过政策名额 %jd 个 "
				       "<span class=\"en\">%zu candidates exceed the policy's count of %jd</span></p>\n"),
				all, (intmax_t)quota, all, (intmax_t)quota);
	if (!candidates) {
		oldc_buf_puts(out, "</section>\n");
		return;
	}
	oldc_buf_puts(out, _("<div class=\"scroll\"><table>\n<caption>候选 candidates <span class=\"en\">(可兑现：评估通过 "
			     "payable: evaluated as passed)</span></caption>\n"
			     "<thead><tr><th scope=\"col\">编号 id</th><th scope=\"col\">名称 name</th>"
			     "<th scope=\"col\">区市 district</th><th scope=\"col\" class=\"n\">批次 batch</th>"
			     "<th scope=\"col\">可兑现 payable</th></tr></thead>\n<tbody>\n"));
	for (size_t i = 0; i < r->n_rows; i++) {
		const oldc_report_row *row = &r->rows[i];
		if (!row->check.reward_candidate)
			continue;
		oldc_buf_puts(out, "<tr><td class=\"nowrap\">");
		oldc_html_text(out, row->id);
		oldc_buf_puts(out, "</td><td>");
		oldc_html_text(out, row->name);
		oldc_buf_puts(out, "</td><td>");
		oldc_html_text(out, row->district);
		oldc_buf_printf(out, "</td><td class=\"n\">%d</td><td>%s</td></tr>\n", row->batch_year,
				row->check.reward_payable ? _("✓ 是 yes") : _("✗ 否 not yet"));
	}
	oldc_buf_puts(out, "</tbody></table></div>\n</section>\n");
}

/* ---- verdicts ---- */

static void verdicts_section(oldc_buf *out, const oldc_report *r)
{
	size_t counts[4] = { 0 }, complete = 0;
	for (size_t i = 0; i < r->n_rows; i++) {
		counts[r->rows[i].check.renovation]++;
		complete += r->rows[i].check.completion == OLDC_COMPLETION_COMPLETE;
	}
	int64_t all = (int64_t)(r->n_rows + r->n_invalid);
	section_head(out, "verdicts", _("改造资格结论"), _("Renovation verdicts (oldc-check)"), NULL, NULL);
	oldc_buf_puts(out, _("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">结论 verdict</th>"
			     "<th scope=\"col\" class=\"n\">份 dossiers</th><th scope=\"col\" class=\"n\">占比 share</th></tr></thead>\n<tbody>\n"));
	for (size_t v = 0; v < 4; v++) {
		oldc_buf_printf(out, "<tr><td>%s</td><td class=\"n\"", _(renovation_words[v]));
		figure_attrs(out, "verdicts", NULL, oldc_renovation_word((oldc_renovation_verdict)v), (int64_t)counts[v], false);
		oldc_buf_printf(out, ">%zu</td><td class=\"n\">", counts[v]);
		put_percent(out, (int64_t)counts[v], all);
		oldc_buf_puts(out, "</td></tr>\n");
	}
	oldc_buf_puts(out, _("<tr><td>无效 invalid</td><td class=\"n\""));
	figure_attrs(out, "verdicts.invalid", NULL, NULL, (int64_t)r->n_invalid, false);
	oldc_buf_printf(out, ">%zu</td><td class=\"n\">", r->n_invalid);
	put_percent(out, (int64_t)r->n_invalid, all);
	oldc_buf_puts(out, _("</td></tr>\n</tbody>\n<tfoot><tr><td>合计 total</td><td class=\"n\""));
	figure_attrs(out, "files", NULL, NULL, all, false);
	oldc_buf_printf(out, _(">%jd</td><td></td></tr></tfoot>\n"
			       "</table></div>\n<p class=\"note\">其中改造完成 <span class=\"en\">of which complete</span>: %zu</p>\n"),
			(intmax_t)all, complete);
	if (!counts[OLDC_RENOVATION_DEFERRED]) {
		oldc_buf_puts(out, "</section>\n");
		return;
	}
	/* The deferred grouped by their reasons: few distinct reasons among many dossiers,
	 * so a list of the distinct ones, searched linearly, is enough. */
	const char **groups = malloc(counts[OLDC_RENOVATION_DEFERRED] * sizeof *groups);
	if (!groups) {
		out->failed = true;
		return;
	}
	size_t n_groups = 0;
	for (size_t i = 0; i < r->n_rows; i++) {
		if (r->rows[i].check.renovation != OLDC_RENOVATION_DEFERRED)
			continue;
		size_t g;
		for (g = 0; g < n_groups && strcmp(groups[g], r->rows[i].reasons) != 0; g++)
			;
		if (g == n_groups)
			groups[n_groups++] = r->rows[i].reasons;
	}
	oldc_buf_puts(out, _("<div class=\"scroll\"><table>\n<caption>暂缓原因 <span class=\"en\">deferred, by the clauses that "
			     "decided</span></caption>\n<thead><tr><th scope=\"col\">原因 reasons</th><th scope=\"col\" class=\"n\">份 dossiers</th>"
			     "<th scope=\"col\">档案 ids</th></tr></thead>\n<tbody>\n"));
	for (size_t g = 0; g < n_groups; g++) {
		size_t n = 0;
		for (size_t i = 0; i < r->n_rows; i++)
			n += r->rows[i].check.renovation == OLDC_RENOVATION_DEFERRED && strcmp(r->rows[i].reasons, groups[g]) == 0;
		oldc_buf_puts(out, "<tr><td>");
		if (*groups[g])
			html_reasons(out, r->policy, groups[g]);
		else
			oldc_buf_puts(out, "—");
		oldc_buf_printf(out, "</td><td class=\"n\">%zu</td><td>", n);
		size_t k = 0;
		for (size_t i = 0; i < r->n_rows; i++)
			if (r->rows[i].check.renovation == OLDC_RENOVATION_DEFERRED && strcmp(r->rows[i].reasons, groups[g]) == 0) {
				oldc_buf_puts(out, k++ ? ", <span class=\"nowrap\">" : "<span class=\"nowrap\">");
				oldc_html_text(out, r->rows[i].id);
				oldc_buf_puts(out, "</span>");
			}
		oldc_buf_puts(out, "</td></tr>\n");
	}
	oldc_buf_puts(out, "</tbody></table></div>\n</section>\n");
	free(groups);
}

/* ---- groups (--group-by) ---- */

/* The dossiers listed by district, plan year or pilot type, each group with its
 * subtotals: the same groups, in the same order, as the text and JSON reports. */
static void groups_section(oldc_buf *out, const oldc_report *r)
{
	static const char *const titles[][2] = {
		{ "", "" },
		{ N_("按区市分组"), N_("Dossiers by district") },
		{ N_("按计划年度分组"), N_("Dossiers by plan year") },
		{ N_("按试点类型分组"), N_("Dossiers by pilot type") },
	};
	if (r->group_by == OLDC_GROUP_NONE)
		return;
	section_head(out, "groups", _(titles[r->group_by][0]), _(titles[r->group_by][1]), NULL, NULL);
	oldc_buf_puts(out, _("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">分组 group</th>"
			     "<th scope=\"col\" class=\"n\">份 dossiers</th><th scope=\"col\" class=\"n\">完成 completed</th>"
			     "<th scope=\"col\" class=\"n\">面积 floor area m²</th><th scope=\"col\" class=\"n\">户 households</th>"
			     "<th scope=\"col\" class=\"n\">试点 pilots</th><th scope=\"col\">档案 ids</th></tr></thead>\n<tbody>\n"));
	for (size_t g = 0; g < r->n_groups; g++) {
		const oldc_report_group *group = &r->groups[g];
		char path[48];
		snprintf(path, sizeof path, "groups.list.#%zu", g);
		oldc_buf_puts(out, "<tr><th scope=\"row\">");
		if (!*group->key)
			oldc_buf_puts(out, _("非试点 <span class=\"en\">no pilot</span>"));
		else if (r->group_by == OLDC_GROUP_TYPE) {
			long k = oldc_policy_find(r->policy, OLDC_CAT_PILOT_TYPE, group->key);
			oldc_html_text(out, type_name(r, k < 0 ? SIZE_MAX : (size_t)k));
			oldc_buf_puts(out, " <span class=\"en\">");
			oldc_html_text(out, group->key);
			oldc_buf_puts(out, "</span>");
		} else
			oldc_html_text(out, group->key);
		oldc_buf_puts(out, "</th><td class=\"n\"");
		figure_attrs(out, path, NULL, "ids", (int64_t)group->count, false);
		oldc_buf_putc(out, '>');
		put_grouped(out, (int64_t)group->count);
		oldc_buf_puts(out, "</td><td class=\"n\"");
		figure_attrs(out, path, NULL, "completed.count", group->completed.count, false);
		oldc_buf_puts(out, ">");
		put_grouped(out, group->completed.count);
		oldc_buf_puts(out, "</td><td class=\"n\"");
		figure_attrs(out, path, NULL, "planned.floor_area_m2", group->planned.floor_area, true);
		oldc_buf_puts(out, ">");
		put_m2(out, group->planned.floor_area);
		oldc_buf_puts(out, "</td><td class=\"n\"");
		figure_attrs(out, path, NULL, "planned.households", group->planned.households, false);
		oldc_buf_puts(out, ">");
		put_grouped(out, group->planned.households);
		oldc_buf_puts(out, "</td><td class=\"n\"");
		figure_attrs(out, path, NULL, "pilots", (int64_t)group->pilots, false);
		oldc_buf_printf(out, ">%zu</td><td class=\"ids\" data-list=\"%s.ids\">", group->pilots, path);
		for (size_t i = group->first; i < group->first + group->count; i++) {
			oldc_buf_puts(out, i > group->first ? ", <span class=\"nowrap\">" : "<span class=\"nowrap\">");
			oldc_html_text(out, r->rows[r->order[i]].id);
			oldc_buf_puts(out, "</span>");
		}
		oldc_buf_puts(out, "</td></tr>\n");
	}
	oldc_buf_puts(out, "</tbody></table></div>\n</section>\n");
}

/* ---- attention and invalid files ---- */

static void attention_section(oldc_buf *out, const oldc_report *r)
{
	section_head(out, "attention", _("需关注事项"), _("Needs attention"), NULL, NULL);
	if (!r->n_attention) {
		oldc_buf_puts(out, _("<p>无 <span class=\"en\">nothing</span></p>\n</section>\n"));
		return;
	}
	oldc_buf_puts(out, _("<p class=\"note\">按紧急程度排列 <span class=\"en\">most urgent first</span></p>\n"
			     "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">类别 kind</th>"
			     "<th scope=\"col\" class=\"n\">紧急度 urgency</th><th scope=\"col\">编号 id</th>"
			     "<th scope=\"col\">小区 community</th><th scope=\"col\">说明 text</th></tr></thead>\n<tbody>\n"));
	for (size_t i = 0; i < r->n_attention; i++) {
		const oldc_attention *a = &r->attention[i];
		oldc_buf_printf(out, "<tr><td class=\"nowrap\">%s</td><td class=\"n\">", _(attention_words[a->kind]));
		/* urgency means days only for milestones and letter deadlines; "day(s)" is
		 * the English half of a bilingual cell, the same in every language */
		if (a->kind == OLDC_ATTENTION_DEFERRED || a->kind == OLDC_ATTENTION_EARLY)
			oldc_buf_puts(out, "—");
		else if (a->urgency > 0)
			oldc_buf_printf(out, _("<strong class=\"bad\">逾期 %jd 天</strong><br><span class=\"en\">%jd %s overdue</span>"),
					(intmax_t)a->urgency, (intmax_t)a->urgency, a->urgency == 1 ? "day" : "days");
		else if (a->urgency == 0)
			oldc_buf_puts(out, _("<strong class=\"bad\">今天到期</strong><br><span class=\"en\">due today</span>"));
		else
			oldc_buf_printf(out, _("还剩 %jd 天<br><span class=\"en\">%jd %s left</span>"), (intmax_t)-a->urgency,
					(intmax_t)-a->urgency, a->urgency == -1 ? "day" : "days");
		oldc_buf_puts(out, "</td><td class=\"nowrap\">");
		oldc_html_text(out, a->id);
		oldc_buf_puts(out, "</td><td>");
		oldc_html_text(out, a->name);
		oldc_buf_puts(out, "</td><td>");
		oldc_html_text(out, a->text);
		oldc_buf_puts(out, "</td></tr>\n");
	}
	oldc_buf_puts(out, "</tbody></table></div>\n</section>\n");
}

static void invalid_section(oldc_buf *out, const oldc_report *r)
{
	section_head(out, "invalid", _("无效文件"), _("Invalid files"), NULL, NULL);
	if (!r->n_invalid) {
		oldc_buf_puts(out, _("<p>无 <span class=\"en\">none</span></p>\n</section>\n"));
		return;
	}
	oldc_buf_puts(out, _("<p class=\"note\">这些文件未计入上述任何数字；请修正后重新生成报告。<span class=\"en\"> "
			     "These files are in none of the sums above: fix them and report again.</span></p>\n"
			     "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">文件 file</th>"
			     "<th scope=\"col\" class=\"n\">行:列 line:column</th><th scope=\"col\">错误 message</th></tr></thead>\n<tbody>\n"));
	for (size_t i = 0; i < r->n_invalid; i++) {
		const struct oldc_report_invalid *e = &r->invalid[i];
		oldc_buf_puts(out, "<tr><td class=\"path\">");
		oldc_html_text(out, e->file);
		oldc_buf_puts(out, "</td><td class=\"n\">");
		if (e->line)
			oldc_buf_printf(out, "%u:%u", e->line, e->column);
		else
			oldc_buf_puts(out, "—");
		oldc_buf_puts(out, "</td><td>");
		oldc_html_text(out, e->message);
		oldc_buf_puts(out, "</td></tr>\n");
	}
	oldc_buf_puts(out, "</tbody></table></div>\n</section>\n");
}

/* ---- the page ---- */

void oldc_render_report_html(oldc_buf *out, const oldc_report *r)
{
	char as_of[11];
	oldc_date_format(r->as_of, as_of);
	size_t pilots = r->totals.pilots;
	const size_t *colours = r->totals.by_colour;

	/* The policy forbids every load (default-src 'none') and allows only the inline
	 * style: defence in depth behind html_text. */
	oldc_buf_printf(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
			"base-uri 'none'; form-action 'none'\">\n"
			"<meta name=\"generator\" content=\"oldc %s\">\n<title>", oldc_version());
	/* the city and its programme: the loaded policy's (烟台市, 城镇老旧小区改造与美好社区创建) */
	const oldc_policy *p = r->policy;
	const char *city_en = p->city_en ? p->city_en->text : p->city->text;
	const char *programme_en = p->programme_en ? p->programme_en->text : p->programme->text;
	oldc_buf heading;
	oldc_buf_init(&heading);
	/* TRANSLATORS: the city and its programme, as the policy file names them in Chinese */
	oldc_buf_printf(&heading, _("%s%s — 进展报告"), p->city->text, p->programme->text);
	out->failed |= heading.failed;
	const char *h = heading.data ? heading.data : "";
	oldc_html_text(out, h);
	oldc_buf_printf(out, " %s</title>\n<style>\n%s</style>\n</head>\n", as_of, style);
	oldc_buf_puts(out, "<body>\n<div class=\"page\">\n<header class=\"top\">\n<h1>");
	oldc_html_text(out, h);
	oldc_buf_puts(out, "</h1>\n<p class=\"meta\">");
	oldc_buf_release(&heading);
	oldc_buf_init(&heading);
	/* TRANSLATORS: the city and its programme, as the policy file names them in English */
	oldc_buf_printf(&heading, _("%s %s — progress report"), city_en, programme_en);
	out->failed |= heading.failed;
	oldc_html_text(out, heading.data ? heading.data : "");
	oldc_buf_release(&heading);
	oldc_buf_printf(out, _("<br>数据截至 as of <strong>%s</strong> · 政策 policy <strong>"), as_of);
	oldc_html_text(out, r->policy->id ? r->policy->id->text : "?");
	oldc_buf_puts(out, _("</strong> · 有效档案 dossiers "));
	put_figure(out, put_grouped, "valid", NULL, NULL, (int64_t)r->n_rows, false);
	oldc_buf_puts(out, _(" · 无效文件 invalid files "));
	put_figure(out, put_grouped, "invalid", NULL, NULL, (int64_t)r->n_invalid, false);
	oldc_buf_puts(out, "</p>\n");
	oldc_buf_puts(out, "<div class=\"kpis\">\n");
	kpi(out, _("有效档案 dossiers"), "valid", (int64_t)r->n_rows);
	kpi(out, _("无效文件 invalid files"), "invalid", (int64_t)r->n_invalid);
	kpi(out, _("试点 pilots"), "pilots.total", (int64_t)pilots);
	kpi(out, _("蓝 blue"), "pilots.by_colour.blue", (int64_t)colours[OLDC_BLUE]);
	kpi(out, _("黄 yellow"), "pilots.by_colour.yellow", (int64_t)colours[OLDC_YELLOW]);
	kpi(out, _("红 red"), "pilots.by_colour.red", (int64_t)colours[OLDC_RED]);
	kpi(out, _("需关注 attention"), "attention", (int64_t)r->n_attention);
	oldc_buf_puts(out, "</div>\n");
	oldc_buf_puts(out, _("<nav aria-label=\"目录 contents\"><ul><li><a href=\"#targets\">年度目标 targets</a></li>"
			     "<li><a href=\"#districts\">区市 districts</a></li><li><a href=\"#pilots\">试点 pilots</a></li>"
			     "<li><a href=\"#rewards\">奖补 rewards</a></li><li><a href=\"#verdicts\">结论 verdicts</a></li>"));
	if (r->group_by != OLDC_GROUP_NONE)
		oldc_buf_puts(out, _("<li><a href=\"#groups\">分组 groups</a></li>"));
	oldc_buf_puts(out, _("<li><a href=\"#attention\">需关注 attention</a></li><li><a href=\"#invalid\">无效文件 invalid</a></li>"
			     "</ul></nav>\n</header>\n<main>\n"));
	targets_section(out, r);
	districts_section(out, r);
	pilots_section(out, r);
	rewards_section(out, r);
	verdicts_section(out, r);
	groups_section(out, r);
	attention_section(out, r);
	invalid_section(out, r);
	oldc_buf_printf(out, _("</main>\n<footer>Generated by oldc %s · 数据截至 as of %s · 政策 policy "), oldc_version(), as_of);
	oldc_html_text(out, r->policy->id ? r->policy->id->text : "?");
	oldc_buf_puts(out, "</footer>\n</div>\n</body>\n</html>\n");
}
