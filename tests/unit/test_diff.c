/*
 * test_diff.c: oldc diff's library side (diff.h, tree.h) on trees made in memory: a
 * revision is a list of paths whose bytes come from the examples or from strings, so
 * the judging and the comparing are tested without git. What the command adds (git
 * itself) is tested through its golden cases.
 */
#include <errno.h>
#include "unit.h"
#include "oldc/diff.h"
#include "oldc/tree.h"

/* One file of a tree in memory: its bytes are `text`, or those of the file `disk`
 * with `text` put before them; with neither, reading it fails with EIO (git died). */
typedef struct mem_file {
	const char *path;
	oldc_tree_kind kind;
	const char *disk;
	const char *text;
} mem_file;

typedef struct mem_tree {
	oldc_tree tree;
	oldc_tree_entry entries[512];
	const mem_file *files;
} mem_tree;

static int mem_read(void *ctx, const char *path, size_t limit, char **data, size_t *length)
{
	const mem_tree *m = ctx;
	for (size_t i = 0; i < m->tree.n_entries; i++) {
		const mem_file *f = &m->files[i];
		if (strcmp(f->path, path) != 0)
			continue;
		if (!f->text && !f->disk) {
			errno = EIO;
			return -1;
		}
		oldc_buf b;
		oldc_buf_init(&b);
		if (f->text)
			oldc_buf_puts(&b, f->text);
		if (f->disk) {
			FILE *in = fopen(f->disk, "rb");
			assert_non_null(in);
			char chunk[4096];
			size_t n;
			while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
				oldc_buf_put(&b, chunk, n);
			fclose(in);
		}
		oldc_buf_putc(&b, '\0');
		assert_false(b.failed);
		if (b.len - 1 > limit) {
			oldc_buf_release(&b);
			errno = EFBIG;
			return -1;
		}
		*data = b.data;
		*length = b.len - 1;
		return 0;
	}
	errno = ENOENT;
	return -1;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const mem_file *)a)->path, ((const mem_file *)b)->path);
}

/* `files` (n of them, sorted here) as revision `name`. */
static void mem_tree_make(mem_tree *m, const char *name, mem_file *files, size_t n)
{
	qsort(files, n, sizeof *files, by_path);
	*m = (mem_tree){ .files = files };
	for (size_t i = 0; i < n; i++)
		m->entries[i] = (oldc_tree_entry){ .path = (char *)files[i].path, .kind = files[i].kind };
	m->tree = (oldc_tree){ .name = name, .entries = m->entries, .n_entries = n, .prefix = "", .read = mem_read,
			       .ctx = m };
}

#define KF "examples/kf-2022-001.yaml"
#define KF_SHEET "examples/ballots/kf-2022-001.csv"
#define FAILING_SHEET "examples/ballots/zf-2024-031.csv"

static oldc_policy *policy;

static int setup(void **state)
{
	(void)state;
	policy = unit_policy();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	oldc_policy_free(policy);
	return 0;
}

/* Judges both trees as of one date and compares them. */
static void judge_both(mem_tree *a, mem_tree *b, oldc_snapshot *sa, oldc_snapshot *sb, oldc_diff *d)
{
	oldc_date as_of = oldc_date_from_ymd(2024, 6, 30);
	assert_int_equal(oldc_snapshot_judge(sa, &a->tree, NULL, policy, as_of), 0);
	assert_int_equal(oldc_snapshot_judge(sb, &b->tree, NULL, policy, as_of), 0);
	assert_int_equal(oldc_diff_compare(sa, sb, d), 0);
}

static void release_all(oldc_snapshot *sa, oldc_snapshot *sb, oldc_diff *d)
{
	oldc_diff_release(d);
	oldc_snapshot_release(sa);
	oldc_snapshot_release(sb);
}

/* A ballots sheet replaced by one whose owners did not agree: the consultation fails,
 * the renovation is deferred, errors are introduced, and it is worse. Other YAML and
 * dot-files are no dossiers. */
static void test_broken_vote_is_worse(void **state)
{
	(void)state;
	mem_file before[] = {
		{ "d/kf.yaml", OLDC_TREE_FILE, KF, NULL },
		{ "d/ballots/kf-2022-001.csv", OLDC_TREE_FILE, KF_SHEET, NULL },
		{ ".pre-commit-config.yaml", OLDC_TREE_FILE, NULL, "repos: []\n" },
		{ "ci/lint.yml", OLDC_TREE_FILE, NULL, "rules: {}\n" },
	};
	mem_file after[] = {
		{ "d/kf.yaml", OLDC_TREE_FILE, KF, NULL },
		{ "d/ballots/kf-2022-001.csv", OLDC_TREE_FILE, FAILING_SHEET, NULL },
		{ ".pre-commit-config.yaml", OLDC_TREE_FILE, NULL, "repos: []\n" },
		{ "ci/lint.yml", OLDC_TREE_FILE, NULL, "rules: {}\n" },
	};
	mem_tree a, b;
	mem_tree_make(&a, "main", before, 4);
	mem_tree_make(&b, "worktree", after, 4);
	oldc_snapshot sa, sb;
	oldc_diff d;
	judge_both(&a, &b, &sa, &sb, &d);
	assert_int_equal(sa.n_dossiers, 1);
	assert_int_equal(sa.skipped, 1); /* ci/lint.yml; the dot-file is not even looked at */
	assert_int_equal(d.n_changes, 1);
	const oldc_diff_change *c = &d.changes[0];
	assert_int_equal(c->kind, OLDC_DIFF_CHANGED);
	assert_string_equal(c->verdicts[OLDC_DIFF_CONSULTATION].before, "passed");
	assert_string_equal(c->verdicts[OLDC_DIFF_CONSULTATION].after, "failed");
	assert_true(c->verdicts[OLDC_DIFF_CONSULTATION].worse);
	assert_string_equal(c->verdicts[OLDC_DIFF_RENOVATION].before, "eligible");
	assert_string_not_equal(c->verdicts[OLDC_DIFF_RENOVATION].after, "eligible");
	assert_true(c->verdicts[OLDC_DIFF_RENOVATION].worse);
	assert_true(c->n_introduced > 0);
	assert_true(c->new_errors > 0);
	assert_true(c->worse);
	assert_true(oldc_diff_fails(&d, OLDC_FAIL_ON_WORSE));
	assert_true(oldc_diff_fails(&d, OLDC_FAIL_ON_NEW_ERRORS));
	/* the other way round it is better, not worse: errors resolved */
	oldc_diff back;
	assert_int_equal(oldc_diff_compare(&sb, &sa, &back), 0);
	assert_int_equal(back.n_changes, 1);
	assert_false(back.changes[0].worse);
	assert_int_equal(back.changes[0].n_introduced, 0);
	assert_true(back.changes[0].n_resolved > 0);
	assert_false(oldc_diff_fails(&back, OLDC_FAIL_ON_WORSE));
	assert_true(oldc_diff_fails(&back, OLDC_FAIL_ON_ANY));
	oldc_diff_release(&back);
	release_all(&sa, &sb, &d);
}

/* Lines added above every finding move none of them: findings are matched by rule
 * and YAML path. The same dossier under another path is renamed, not removed and
 * added. */
static void test_moved_lines_and_rename(void **state)
{
	(void)state;
	mem_file before[] = {
		{ "d/zf.yaml", OLDC_TREE_FILE, "examples/zf-2024-031.yaml", NULL },
		{ "d/ballots/zf-2024-031.csv", OLDC_TREE_FILE, FAILING_SHEET, NULL },
	};
	mem_file after[] = {
		{ "e/zf.yaml", OLDC_TREE_FILE, "examples/zf-2024-031.yaml", "# moved, and two lines above\n\n" },
		{ "e/ballots/zf-2024-031.csv", OLDC_TREE_FILE, FAILING_SHEET, NULL },
	};
	mem_tree a, b;
	mem_tree_make(&a, "main", before, 2);
	mem_tree_make(&b, "worktree", after, 2);
	oldc_snapshot sa, sb;
	oldc_diff d;
	judge_both(&a, &b, &sa, &sb, &d);
	assert_true(sa.dossiers[0].diags.count > 0); /* it has findings, none of which moved */
	assert_int_equal(d.n_changes, 1);
	assert_int_equal(d.changes[0].kind, OLDC_DIFF_RENAMED);
	assert_int_equal(d.changes[0].n_introduced, 0);
	assert_int_equal(d.changes[0].n_resolved, 0);
	assert_false(d.changes[0].worse);
	assert_false(oldc_diff_fails(&d, OLDC_FAIL_ON_WORSE));
	assert_true(oldc_diff_fails(&d, OLDC_FAIL_ON_ANY));
	release_all(&sa, &sb, &d);
}

/* An added dossier with errors is worse; a removed one is not. A file that does not
 * parse is a dossier with a finding, paired by its path once it parses. */
static void test_added_removed_and_broken(void **state)
{
	(void)state;
	mem_file before[] = {
		{ "a.yaml", OLDC_TREE_FILE, "examples/zf-2022-007.yaml", NULL },
		{ "b.yaml", OLDC_TREE_FILE, NULL, "oldc: 1\nid: [unclosed\n" },
	};
	mem_file after[] = {
		{ "b.yaml", OLDC_TREE_FILE, "examples/zf-2022-007.yaml", NULL },
		{ "c.yaml", OLDC_TREE_FILE, NULL, "oldc: 1\nid: ZF-2024-999\n" },
	};
	mem_tree a, b;
	mem_tree_make(&a, "main", before, 2);
	mem_tree_make(&b, "worktree", after, 2);
	oldc_snapshot sa, sb;
	oldc_diff d;
	judge_both(&a, &b, &sa, &sb, &d);
	assert_null(sa.dossiers[1].id);
	/* a.yaml's dossier now lives in b.yaml: renamed; b.yaml's broken text is gone with
	 * it (its file is paired to nothing: removed); c.yaml is added with errors */
	assert_int_equal(d.n_changes, 3);
	size_t kinds[4] = { 0 };
	for (size_t i = 0; i < d.n_changes; i++) {
		kinds[d.changes[i].kind]++;
		if (d.changes[i].kind == OLDC_DIFF_ADDED) {
			assert_string_equal(d.changes[i].after->file, "c.yaml");
			assert_true(d.changes[i].worse);
		} else
			assert_false(d.changes[i].worse);
	}
	assert_int_equal(kinds[OLDC_DIFF_ADDED], 1);
	assert_int_equal(kinds[OLDC_DIFF_REMOVED], 1);
	assert_int_equal(kinds[OLDC_DIFF_RENAMED], 1);
	release_all(&sa, &sb, &d);
}

/* A content item inserted at the top moves every item below it one place down: a
 * finding of one of them is still the same finding, matched by the item's name rather
 * than its place. */
static void test_item_inserted_above(void **state)
{
	(void)state;
	static const char head[] = "oldc: 1\nid: MP-2024-900\nname: x\ndistrict: 牟平区\nbuilt_year: 1990\n"
				   "plan_year: 2024\nscope: {buildings: 1, households: 10, floor_area_m2: 1000, "
				   "population: 30}\ncontent:\n";
	static const char items[] = "  - {item: roof_repair, status: planned}\n"
				    "  - {item: heating, status: not_applicable}\n";
	char before_text[1024], after_text[1024];
	snprintf(before_text, sizeof before_text, "%s%s", head, items);
	snprintf(after_text, sizeof after_text, "%s  - {item: exterior_wall_repair, status: planned}\n%s", head, items);
	mem_file before[] = { { "mp.yaml", OLDC_TREE_FILE, NULL, before_text } };
	mem_file after[] = { { "mp.yaml", OLDC_TREE_FILE, NULL, after_text } };
	mem_tree a, b;
	mem_tree_make(&a, "main", before, 1);
	mem_tree_make(&b, "worktree", after, 1);
	oldc_snapshot sa, sb;
	oldc_diff d;
	judge_both(&a, &b, &sa, &sb, &d);
	bool reason = false; /* heating's: not_applicable without a reason */
	for (size_t i = 0; i < sa.dossiers[0].diags.count; i++)
		reason |= strcmp(sa.dossiers[0].diags.items[i].rule, "content.reason") == 0;
	assert_true(reason);
	/* one change: exterior_wall_repair is no longer missing (and the note of the items
	 * not yet accepted lists one more); heating's finding neither comes nor goes */
	assert_int_equal(d.n_changes, 1);
	const oldc_diff_change *c = &d.changes[0];
	size_t required = 0;
	for (size_t k = 0; k < c->n_introduced; k++)
		assert_string_equal(sb.dossiers[0].diags.items[c->introduced[k]].rule, "completion.items");
	for (size_t k = 0; k < c->n_resolved; k++) {
		const char *rule = sa.dossiers[0].diags.items[c->resolved[k]].rule;
		assert_string_not_equal(rule, "content.reason");
		required += strcmp(rule, "content.required") == 0;
	}
	assert_int_equal(required, 1);
	assert_int_equal(c->new_errors, 0);
	assert_false(c->worse);
	release_all(&sa, &sb, &d);
}

/* One rule says several things at one node: each required content item that is
 * missing, at content:. One of them planned and another taken out is a change, an
 * error resolved and one introduced, not the same finding; the count in a message that
 * moved (the owners who agreed) leaves a finding the same one. */
static void test_one_rule_two_subjects(void **state)
{
	(void)state;
	mem_file before[] = {
		{ "d/kf.yaml", OLDC_TREE_FILE, NULL, NULL },
		{ "d/ballots/kf-2022-001.csv", OLDC_TREE_FILE, FAILING_SHEET, NULL },
	};
	mem_file after[] = {
		{ "d/kf.yaml", OLDC_TREE_FILE, NULL, NULL },
		{ "d/ballots/kf-2022-001.csv", OLDC_TREE_FILE, NULL, NULL },
	};
	/* the example with its first content item taken out, then its second instead */
	FILE *in = fopen(KF, "rb");
	assert_non_null(in);
	static char text[3][16384];
	size_t n = fread(text[0], 1, sizeof text[0] - 1, in);
	fclose(in);
	text[0][n] = '\0';
	char *items = strstr(text[0], "\ncontent:");
	assert_non_null(items);
	char *first = strchr(items + 1, '\n') + 1, *second = strchr(first, '\n') + 1, *third = strchr(second, '\n') + 1;
	snprintf(text[1], sizeof text[1], "%.*s%s", (int)(first - text[0]), text[0], second);
	snprintf(text[2], sizeof text[2], "%.*s%s", (int)(second - text[0]), text[0], third);
	before[0].text = text[1];
	after[0].text = text[2];
	/* a sheet where one more owner took part, still too few */
	static char sheet[2][65536];
	in = fopen(FAILING_SHEET, "rb");
	assert_non_null(in);
	n = fread(sheet[0], 1, sizeof sheet[0] - 1, in);
	fclose(in);
	sheet[0][n] = '\0';
	char *blank = strstr(sheet[0], "Y0004,72.54,,");
	assert_non_null(blank);
	blank += strlen("Y0004,72.54,");
	snprintf(sheet[1], sizeof sheet[1], "%.*s同意%s", (int)(blank - sheet[0]), sheet[0], blank);
	after[1].text = sheet[1];
	mem_tree a, b;
	mem_tree_make(&a, "main", before, 2);
	mem_tree_make(&b, "worktree", after, 2);
	oldc_snapshot sa, sb;
	oldc_diff d;
	judge_both(&a, &b, &sa, &sb, &d);
	assert_int_equal(d.n_changes, 1);
	const oldc_diff_change *c = &d.changes[0];
	assert_int_equal(c->n_introduced, 1);
	assert_int_equal(c->n_resolved, 1);
	const oldc_diag *now = &sb.dossiers[0].diags.items[c->introduced[0]];
	const oldc_diag *was = &sa.dossiers[0].diags.items[c->resolved[0]];
	assert_string_equal(now->rule, "content.required");
	assert_string_equal(was->rule, "content.required");
	assert_string_not_equal(now->message, was->message);
	assert_true(c->worse);
	/* the participation's finding is there on both sides, its count moved */
	size_t moved = 0;
	for (size_t i = 0; i < sa.dossiers[0].diags.count; i++)
		for (size_t j = 0; j < sb.dossiers[0].diags.count; j++) {
			const oldc_diag *x = &sa.dossiers[0].diags.items[i], *y = &sb.dossiers[0].diags.items[j];
			moved += strcmp(x->rule, "consultation.participation") == 0 &&
				 strcmp(y->rule, x->rule) == 0 && strcmp(x->message, y->message) != 0;
		}
	assert_int_equal(moved, 1);
	release_all(&sa, &sb, &d);
}

/* A copy of a dossier under a name that sorts before it: the copy is added (with the
 * duplicate id's error, which the walk gives to the second in path order), and the
 * dossier that stayed in its file is not taken for renamed. */
static void test_copy_is_added(void **state)
{
	(void)state;
	mem_file before[] = {
		{ "d/kf.yaml", OLDC_TREE_FILE, KF, NULL },
		{ "d/ballots/kf-2022-001.csv", OLDC_TREE_FILE, KF_SHEET, NULL },
	};
	mem_file after[] = {
		{ "d/kf.yaml", OLDC_TREE_FILE, KF, NULL },
		{ "d/ballots/kf-2022-001.csv", OLDC_TREE_FILE, KF_SHEET, NULL },
		{ "d/0-copy.yaml", OLDC_TREE_FILE, KF, NULL },
	};
	mem_tree a, b;
	mem_tree_make(&a, "main", before, 2);
	mem_tree_make(&b, "worktree", after, 3);
	oldc_snapshot sa, sb;
	oldc_diff d;
	judge_both(&a, &b, &sa, &sb, &d);
	assert_int_equal(d.n_changes, 2);
	assert_int_equal(d.changes[0].kind, OLDC_DIFF_ADDED);
	assert_string_equal(d.changes[0].after->file, "d/0-copy.yaml");
	assert_int_equal(d.changes[1].kind, OLDC_DIFF_CHANGED);
	assert_string_equal(d.changes[1].before->file, "d/kf.yaml");
	assert_string_equal(d.changes[1].after->file, "d/kf.yaml");
	assert_int_equal(d.changes[1].n_introduced, 1); /* batch.duplicate_id */
	assert_int_equal(d.unchanged, 0);
	release_all(&sa, &sb, &d);
}

/* A file git could not give (cat-file died, an object is missing) is no finding of the
 * dossier: on both sides it would pair as unchanged, and one side's would be a change
 * nobody made. The revision cannot be judged, and says which file. */
static void test_unreadable_revision(void **state)
{
	(void)state;
	mem_file dossier[] = {
		{ "d/kf.yaml", OLDC_TREE_FILE, NULL, NULL },
	};
	mem_file sheet[] = {
		{ "d/kf.yaml", OLDC_TREE_FILE, KF, NULL },
		{ "d/ballots/kf-2022-001.csv", OLDC_TREE_FILE, NULL, NULL },
	};
	mem_file *files[] = { dossier, sheet };
	size_t counts[] = { 1, 2 };
	const char *named[] = { "d/kf.yaml", "d/ballots/kf-2022-001.csv" };
	for (size_t k = 0; k < 2; k++) {
		mem_tree m;
		mem_tree_make(&m, "main", files[k], counts[k]);
		oldc_snapshot s;
		assert_int_equal(oldc_snapshot_judge(&s, &m.tree, NULL, policy, oldc_date_from_ymd(2024, 6, 30)), -1);
		assert_false(s.out_of_memory);
		assert_int_equal(s.problems.count, 1);
		assert_string_equal(s.problems.items[0].file, named[k]);
		assert_string_equal(s.problems.items[0].rule, "io.read");
		oldc_snapshot_release(&s);
	}
}

/* Links are followed inside the tree only, and through a linked folder. */
static void test_tree_links(void **state)
{
	(void)state;
	mem_file files[] = {
		{ "data/x.csv", OLDC_TREE_FILE, NULL, "unit,vote\n" },
		{ "sheets", OLDC_TREE_LINK, NULL, "data" },
		{ "up", OLDC_TREE_LINK, NULL, "../outside.csv" },
		{ "abs", OLDC_TREE_LINK, NULL, "/etc/passwd" },
		{ "loop", OLDC_TREE_LINK, NULL, "loop" },
	};
	mem_tree m;
	mem_tree_make(&m, "t", files, 5);
	char *data, *resolved;
	size_t n;
	assert_int_equal(oldc_tree_read(&m.tree, "sheets/x.csv", 1000, &data, &n, &resolved), 0);
	assert_string_equal(resolved, "data/x.csv");
	assert_int_equal(n, 10);
	free(data);
	free(resolved);
	assert_int_equal(oldc_tree_read(&m.tree, "up", 1000, &data, &n, NULL), -1);
	assert_int_equal(errno, EXDEV);
	assert_int_equal(oldc_tree_read(&m.tree, "abs", 1000, &data, &n, NULL), -1);
	assert_int_equal(errno, EXDEV);
	assert_int_equal(oldc_tree_read(&m.tree, "loop", 1000, &data, &n, NULL), -1);
	assert_int_equal(errno, ELOOP);
	assert_int_equal(oldc_tree_read(&m.tree, "nothing", 1000, &data, &n, NULL), -1);
	assert_int_equal(errno, ENOENT);
	char *j = oldc_tree_join("a/b/", "../c/./d");
	assert_string_equal(j, "a/c/d");
	free(j);
	assert_null(oldc_tree_join("a/", "../../x"));
	assert_int_equal(errno, EXDEV);
}

/* A pull request's comment stays under GitHub's limit of 65,536 characters however
 * many dossiers change: the worse ones first, then a line that says how many are not
 * shown; and a dossier's findings are listed up to a count, the rest counted. */
static void test_markdown_limit(void **state)
{
	(void)state;
	enum { N = 400 };
	static mem_file after[N];
	static char paths[N][32];
	static const char broken[] = "oldc: 1\nid: [a\n";
	static char many[2048] = "oldc: 1\n"; /* 40 unknown keys, each a finding */
	for (int k = 0; k < 40; k++)
		snprintf(many + strlen(many), sizeof many - strlen(many), "key%d: 1\n", k);
	for (size_t i = 0; i < N; i++) {
		snprintf(paths[i], sizeof paths[i], "d/%03zu-a-long-folder-name.yaml", i);
		after[i] = (mem_file){ paths[i], OLDC_TREE_FILE, NULL, i == 0 ? many : broken };
	}
	mem_tree a, b;
	mem_tree_make(&a, "main", after, 0);
	mem_tree_make(&b, "worktree", after, N);
	oldc_snapshot sa, sb;
	oldc_diff d;
	judge_both(&a, &b, &sa, &sb, &d);
	assert_int_equal(d.n_changes, N);
	oldc_output_options opt = { .tool = "oldc-diff", .policy = policy, .as_of = oldc_date_from_ymd(2024, 6, 30) };
	oldc_diff_summary summary = { .diff = &d, .base = "main", .head = "worktree" };
	oldc_output o;
	oldc_output_begin(&o, oldc_output_find(oldc_diff_formats, "markdown"), &opt, false);
	oldc_output_end(&o, &summary);
	assert_false(oldc_output_failed(&o));
	assert_true(o.out.len < 65536);
	assert_true(o.out.len > 60000);
	oldc_buf_putc(&o.out, '\0');
	assert_non_null(strstr(o.out.data, "<!-- oldc-diff -->\n"));
	assert_non_null(strstr(o.out.data, "more changed dossiers, not shown here"));
	assert_non_null(strstr(o.out.data, "- … and 2"));  /* of the first's findings */
	assert_non_null(strstr(o.out.data, " more introduced\n"));
	oldc_output_release(&o);
	release_all(&sa, &sb, &d);
}

/* A dossier that can no longer be read is one annotation, as it is one row of the
 * other formats: not a notice for each of its verdicts, which would take half of
 * GitHub's ten notices of a step. Its findings are annotated as ever. */
static void test_github_unreadable_is_one_notice(void **state)
{
	(void)state;
	mem_file before[] = {
		{ "d/kf.yaml", OLDC_TREE_FILE, KF, NULL },
		{ "d/ballots/kf-2022-001.csv", OLDC_TREE_FILE, KF_SHEET, NULL },
	};
	mem_file after[] = {
		{ "d/kf.yaml", OLDC_TREE_FILE, NULL, "oldc: 1\nid: [unclosed\n" },
		{ "d/ballots/kf-2022-001.csv", OLDC_TREE_FILE, KF_SHEET, NULL },
	};
	mem_tree a, b;
	mem_tree_make(&a, "main", before, 2);
	mem_tree_make(&b, "worktree", after, 2);
	oldc_snapshot sa, sb;
	oldc_diff d;
	judge_both(&a, &b, &sa, &sb, &d);
	oldc_output_options opt = { .tool = "oldc-diff", .policy = policy, .as_of = oldc_date_from_ymd(2024, 6, 30) };
	oldc_diff_summary summary = { .diff = &d, .base = "main", .head = "worktree" };
	oldc_output o;
	oldc_output_begin(&o, oldc_output_find(oldc_diff_formats, "github"), &opt, false);
	oldc_output_end(&o, &summary);
	assert_false(oldc_output_failed(&o));
	oldc_buf_putc(&o.out, '\0');
	size_t notices = 0;
	for (const char *p = o.out.data; (p = strstr(p, "::notice ")) != NULL; p++)
		notices++;
	assert_int_equal(notices, 1);
	assert_non_null(strstr(o.out.data, "::notice file=d/kf.yaml,title=oldc diff%3A dossier::d/kf.yaml dossier: "
					   "read → not readable as a dossier\n"));
	assert_non_null(strstr(o.out.data, "::error file=d/kf.yaml,line=2,"));
	oldc_output_release(&o);
	release_all(&sa, &sb, &d);
}

/* A revision's policy may list any plan year the format allows (1800 to 2100): the
 * table of the plan years whose totals moved stops short of GitHub's limit too, after
 * the dossiers that filled the comment, and says how many it left out. */
static void test_markdown_limit_plan_years(void **state)
{
	(void)state;
	enum { YEARS = 222, N = YEARS + 2 };
	static char policy_text[65536], dossiers[YEARS][512], paths[YEARS][32];
	FILE *in = fopen("schemas/policy/yantai-2022.yaml", "rb");
	assert_non_null(in);
	size_t n = fread(policy_text, 1, sizeof policy_text - 1, in);
	fclose(in);
	policy_text[n] = '\0';
	/* the years 1800 to 2021 before the policy's own */
	char *years = strstr(policy_text, "  years:\n");
	assert_non_null(years);
	years += strlen("  years:\n");
	static char rest[65536], rows[65536];
	snprintf(rest, sizeof rest, "%s", years);
	rows[0] = '\0';
	for (int y = 0; y < YEARS; y++)
		snprintf(rows + strlen(rows), sizeof rows - strlen(rows),
			 "    - {year: %d, unit: community, units: 1, floor_area_m2: 1, households: 1}\n", 1800 + y);
	snprintf(years, sizeof policy_text - (size_t)(years - policy_text), "%s%s", rows, rest);
	static mem_file before[2], after[N];
	before[0] = (mem_file){ ".oldc.yaml", OLDC_TREE_FILE, NULL, "version: 1\npolicy: policy.yaml\n" };
	before[1] = (mem_file){ "policy.yaml", OLDC_TREE_FILE, NULL, policy_text };
	after[0] = before[0];
	after[1] = before[1];
	for (int i = 0; i < YEARS; i++) {
		snprintf(paths[i], sizeof paths[i], "d/%d.yaml", 1800 + i);
		snprintf(dossiers[i], sizeof dossiers[i],
			 "oldc: 1\nid: MP-%d-001\nname: x\ndistrict: 牟平区\nbuilt_year: 1800\nplan_year: %d\n"
			 "scope: {buildings: 1, households: 10, floor_area_m2: 1000, population: 30}\n",
			 1800 + i, 1800 + i);
		after[2 + i] = (mem_file){ paths[i], OLDC_TREE_FILE, NULL, dossiers[i] };
	}
	mem_tree a, b;
	mem_tree_make(&a, "main", before, 2);
	mem_tree_make(&b, "worktree", after, N);
	oldc_snapshot sa, sb;
	oldc_diff d;
	judge_both(&a, &b, &sa, &sb, &d);
	assert_int_equal(d.n_changes, YEARS);
	oldc_output_options opt = { .tool = "oldc-diff", .policy = sb.policy, .as_of = oldc_date_from_ymd(2024, 6, 30) };
	oldc_diff_summary summary = { .diff = &d, .base = "main", .head = "worktree" };
	oldc_output o;
	oldc_output_begin(&o, oldc_output_find(oldc_diff_formats, "markdown"), &opt, false);
	oldc_output_end(&o, &summary);
	assert_false(oldc_output_failed(&o));
	assert_true(o.out.len < 65536);
	oldc_buf_putc(&o.out, '\0');
	assert_non_null(strstr(o.out.data, "more changed dossiers, not shown here"));
	assert_non_null(strstr(o.out.data, "| 1800 | 0 → 1 |"));
	assert_non_null(strstr(o.out.data, " more plan years whose totals moved, not shown here.\n"));
	oldc_output_release(&o);
	release_all(&sa, &sb, &d);
}

/* A finding's weight is part of what it is: a warning the revision's settings raise to
 * an error is a new error (worse), and one a waiver now covers is a change that fails
 * nothing. */
static void test_severity_and_waiver(void **state)
{
	(void)state;
	static const char raise[] = "version: 1\nseverity:\n  - {rule: pilot.scale, level: error}\n";
	static const char waiver[] = "waivers:\n  - {rule: pilot.scale, reason: 区政府批复同意,\n"
				     "     approved_by: 高新区管委, date: 2024-05-06}\n";
	mem_file before[] = { { "gx.yaml", OLDC_TREE_FILE, "examples/gx-2024-001.yaml", NULL } };
	mem_file raised[] = { { "gx.yaml", OLDC_TREE_FILE, "examples/gx-2024-001.yaml", NULL },
			      { ".oldc.yaml", OLDC_TREE_FILE, NULL, raise } };
	mem_tree a, b;
	mem_tree_make(&a, "main", before, 1);
	mem_tree_make(&b, "worktree", raised, 2);
	oldc_snapshot sa, sb;
	oldc_diff d;
	judge_both(&a, &b, &sa, &sb, &d);
	assert_int_equal(d.n_changes, 1);
	assert_int_equal(d.changes[0].n_introduced, 1);
	assert_int_equal(d.changes[0].n_resolved, 1);
	assert_int_equal(d.changes[0].new_errors, 1);
	assert_true(oldc_diff_fails(&d, OLDC_FAIL_ON_NEW_ERRORS));
	assert_true(d.settings_changed); /* said before the dossiers */
	assert_false(d.policy_changed);
	release_all(&sa, &sb, &d);

	/* a policy file the settings name: the same rules as the built-in, but its own */
	mem_file own[] = { { "gx.yaml", OLDC_TREE_FILE, "examples/gx-2024-001.yaml", NULL },
			   { ".oldc.yaml", OLDC_TREE_FILE, NULL, "version: 1\npolicy: city.yaml\n" },
			   { "city.yaml", OLDC_TREE_FILE, "schemas/policy/yantai-2022.yaml", NULL } };
	mem_tree_make(&b, "worktree", own, 3);
	judge_both(&a, &b, &sa, &sb, &d);
	assert_int_equal(d.n_changes, 0);
	assert_true(d.settings_changed);
	assert_true(d.policy_changed);
	release_all(&sa, &sb, &d);

	/* the waiver: appended to the dossier as its last key */
	static char waived_text[65536];
	FILE *in = fopen("examples/gx-2024-001.yaml", "rb");
	assert_non_null(in);
	size_t n = fread(waived_text, 1, sizeof waived_text - sizeof waiver, in);
	fclose(in);
	memcpy(waived_text + n, waiver, sizeof waiver);
	mem_file waived[] = { { "gx.yaml", OLDC_TREE_FILE, NULL, waived_text } };
	mem_tree_make(&b, "worktree", waived, 1);
	judge_both(&a, &b, &sa, &sb, &d);
	assert_int_equal(d.n_changes, 1);
	assert_int_equal(d.changes[0].n_introduced, 1);
	assert_non_null(d.changes[0].after->diags.items[d.changes[0].introduced[0]].waived);
	assert_false(d.changes[0].worse);
	assert_true(oldc_diff_fails(&d, OLDC_FAIL_ON_ANY));
	assert_false(d.settings_changed);
	release_all(&sa, &sb, &d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_broken_vote_is_worse),
		cmocka_unit_test(test_moved_lines_and_rename),
		cmocka_unit_test(test_added_removed_and_broken),
		cmocka_unit_test(test_item_inserted_above),
		cmocka_unit_test(test_one_rule_two_subjects),
		cmocka_unit_test(test_copy_is_added),
		cmocka_unit_test(test_unreadable_revision),
		cmocka_unit_test(test_tree_links),
		cmocka_unit_test(test_severity_and_waiver),
		cmocka_unit_test(test_markdown_limit),
		cmocka_unit_test(test_markdown_limit_plan_years),
		cmocka_unit_test(test_github_unreadable_is_one_notice),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
