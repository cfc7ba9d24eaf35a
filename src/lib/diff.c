/*
 * diff.c: oldc diff's two halves (diff.h). A snapshot judges one revision whole, as
 * oldc check and oldc report would judge it checked out: its settings, its policy, the
 * walk's choice of dossiers, each dossier with the sheets it names, all read from the
 * revision's tree. A comparison pairs the dossiers of two snapshots by id (the same id
 * in the same file first; a file that is no dossier yet, by its path) and keeps only
 * what changed.
 *
 * A finding is matched across revisions by its rule, its severity and waiver as judged,
 * the YAML path of the node it is at (the consultation's ballots, written
 * consultation.ballots; the status of the content item heating,
 * content[item=heating].status) and its message with its numbers left out, not by its
 * line: a line or an item added above must not make every finding
 * below it new, and a count that moved leaves a finding the same one. Findings of one
 * key are matched as many times as both revisions have them.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "oldc/diff.h"
#include "oldc/dossier.h"
#include "oldc/load.h"
#include "oldc/node.h"
#include "oldc/output.h"
#include "oldc/score.h"
#include "oldc/sniff.h"
#include "hashset.h"
#include "i18n.h"

/* ---- the YAML path of a finding ---------------------------------------------- */

/* What names sequence item `v` whatever its place: a scalar's own text; a mapping's
 * value of the key that the dossier's sequences name their items by (content's `item`,
 * a commitment letter's `condition`, a waiver's `rule`); NULL when it has none. *key
 * is that key ("" for a scalar). */
static const char *item_name(const oldc_node *v, const char **key)
{
	static const char *const keys[] = { "item", "condition", "rule" };
	*key = "";
	if (v->kind == OLDC_SCALAR)
		return v->text;
	for (size_t k = 0; v->kind == OLDC_MAPPING && k < sizeof keys / sizeof *keys; k++) {
		const oldc_node *name = oldc_node_get(v, keys[k]);
		if (name && name->kind == OLDC_SCALAR && name->text) {
			*key = keys[k];
			return name->text;
		}
	}
	return NULL;
}

/* Writes into `out` the path of the node of `n` (whose own path is `out` as it stands)
 * that is at line:column, key or value; true when found. A sequence item is named by
 * item_name when it can be ("content[item=heating].status"), by its place otherwise
 * ("[3]"): a content item inserted at the top must not make the findings of every
 * item below it new. */
static bool path_to(const oldc_node *n, unsigned line, unsigned column, oldc_buf *out)
{
	if (!n)
		return false;
	if (n->line == line && n->column == column)
		return true;
	if (n->kind == OLDC_SCALAR || n->line > line)
		return false;
	size_t mark = out->len;
	for (size_t i = 0; i < n->count; i++) {
		const oldc_node *key = n->kind == OLDC_MAPPING ? n->items[2 * i] : NULL;
		const oldc_node *value = n->kind == OLDC_MAPPING ? n->items[2 * i + 1] : n->items[i];
		out->len = mark;
		if (key) {
			if (mark)
				oldc_buf_putc(out, '.');
			oldc_buf_puts(out, key->text ? key->text : "?");
			if (key->line == line && key->column == column)
				return true;
		} else {
			const char *name_key, *name = item_name(value, &name_key);
			if (name)
				oldc_buf_printf(out, "[%s=%s]", name_key, name);
			else
				oldc_buf_printf(out, "[%zu]", i + 1);
		}
		if (path_to(value, line, column, out))
			return true;
	}
	out->len = mark;
	return false;
}

/* Writes `message` as a key holds it: each run of digits as one '#' (a count, a date, a
 * line that moved is the same finding still) and a path quoted from the dossier's
 * folder (its first `folder` bytes of `file`) without that folder (a sheet that moved
 * with its dossier is the same sheet). */
static void message_key(oldc_buf *b, const char *message, const char *file, size_t folder)
{
	for (const char *p = message; *p;) {
		if (*p >= '0' && *p <= '9') {
			oldc_buf_putc(b, '#');
			while (*p >= '0' && *p <= '9')
				p++;
			continue;
		}
		oldc_buf_putc(b, *p);
		if (*p++ == '\'' && folder && strncmp(p, file, folder) == 0)
			p += folder;
	}
}

/* Starts the key of finding `d` in `b`: its rule, and its weight as judged: a warning
 * the settings raise to an error, or one a waiver now covers, is another finding (the
 * error is new; the waived one fails nothing). */
static void key_head(oldc_buf *b, const oldc_diag *d)
{
	oldc_buf_printf(b, "%s\t%d%s\t", d->rule, (int)d->severity, d->waived ? "w" : "");
}

/* The key of finding `d` of a dossier whose nodes start at `root` (NULL: it did not
 * load): "rule\tpath\tmessage", or "rule\t=\tmessage" when the finding is at no node
 * ("rule\t=sheet:\tmessage" in a sheet), its message as message_key writes it. The
 * message is part of it because one rule says several things at one node (each
 * required content item that is missing, at content:): one of them fixed and another
 * made is a change. malloc'd. */
static char *finding_key(const oldc_diag *d, const oldc_node *root, const char *file)
{
	/* the dossier's folder: a sheet's path is named from it, so that the two moved
	 * together are the same */
	const char *slash = strrchr(file, '/');
	size_t folder = slash ? (size_t)(slash - file + 1) : 0;
	oldc_buf b;
	oldc_buf_init(&b);
	key_head(&b, d);
	size_t mark = b.len;
	bool here = d->line && strcmp(d->file, file) == 0 && !d->cell;
	oldc_buf path;
	oldc_buf_init(&path);
	if (here && path_to(root, d->line, d->column, &path)) {
		oldc_buf_puts(&b, "/");
		oldc_buf_put(&b, path.data ? path.data : "", path.len);
	} else {
		b.len = mark;
		oldc_buf_puts(&b, "=");
		if (strcmp(d->file, file) != 0) {
			/* a sheet's: its file is part of what it is */
			oldc_buf_puts(&b, strncmp(d->file, file, folder) == 0 ? d->file + folder : d->file);
			oldc_buf_putc(&b, ':');
		}
	}
	oldc_buf_putc(&b, '\t');
	message_key(&b, d->message, file, folder);
	oldc_buf_putc(&b, '\0');
	bool failed = b.failed || path.failed;
	oldc_buf_release(&path);
	if (failed) {
		oldc_buf_release(&b);
		return NULL;
	}
	return b.data;
}

/* ---- a snapshot --------------------------------------------------------------- */

/* A digest of a file's bytes (FNV-1a), to tell whether two revisions' settings or
 * policy files differ; never 0, which stands for no such file. */
static uint64_t digest_of(const char *data, size_t length)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < length; i++)
		h = (h ^ (unsigned char)data[i]) * 1099511628211u;
	return h ? h : 1;
}

/* oldc_snapshot_settings, with the digest of the file's bytes (0: none) */
static int read_settings(const oldc_tree *tree, oldc_settings **out, oldc_diags *problems, uint64_t *digest)
{
	*out = NULL;
	*digest = 0;
	/* from the folder the command runs in up to the top, as in the work tree */
	const char *prefix = tree->prefix ? tree->prefix : "";
	size_t n = strlen(prefix);
	char *path = malloc(n + sizeof OLDC_SETTINGS_FILE);
	if (!path) {
		problems->out_of_memory = true;
		return -1;
	}
	for (;;) {
		memcpy(path, prefix, n);
		memcpy(path + n, OLDC_SETTINGS_FILE, sizeof OLDC_SETTINGS_FILE);
		if (oldc_tree_find(tree, path))
			break;
		if (n == 0) {
			free(path);
			return 0;
		}
		n--; /* the slash that ends the folder, then back to the one before */
		while (n > 0 && prefix[n - 1] != '/')
			n--;
	}
	char *data;
	size_t length;
	if (oldc_tree_read(tree, path, oldc_default_limits.max_file_bytes, &data, &length, NULL) < 0) {
		/* EXDEV, a link out of the tree, would be said "Invalid cross-device link" */
		if (errno == EXDEV)
			oldc_diag_add(problems, OLDC_ERROR, path, 0, 0, "io.outside", NULL,
				      _("'%s' is a symbolic link that leads out of the repository: not read"), path);
		else
			oldc_diag_add(problems, OLDC_ERROR, path, 0, 0, "io.read", NULL, _("cannot read '%s' of %s: %s"),
				      path, tree->name, oldc_strerror(errno));
		free(path);
		return -1;
	}
	*out = oldc_settings_load(path, data, length, problems);
	*digest = digest_of(data, length);
	free(data);
	free(path);
	return *out ? 0 : -1;
}

int oldc_snapshot_settings(const oldc_tree *tree, oldc_settings **out, oldc_diags *problems)
{
	uint64_t digest;
	return read_settings(tree, out, problems, &digest);
}

/* The folder of the settings file (`file`: a path of the tree), "" or ending in '/'. */
static size_t settings_folder_length(const oldc_settings *s)
{
	const char *slash = strrchr(s->file, '/');
	return slash ? (size_t)(slash - s->file + 1) : 0;
}

/* Whether the walk takes the file `path` of the tree: a YAML name, no dot-file or
 * dot-folder on the way, at or below `prefix`. */
static bool walk_takes(const char *path, const char *prefix)
{
	if (strncmp(path, prefix, strlen(prefix)) != 0 || !oldc_is_yaml_name(path))
		return false;
	for (const char *p = path; p; p = strchr(p, '/')) {
		if (*p == '/')
			p++;
		if (*p == '.')
			return false;
	}
	return true;
}

static oldc_snapshot_dossier *new_dossier(oldc_snapshot *s, const char *file)
{
	if (s->n_dossiers == s->cap_dossiers) {
		size_t cap = s->cap_dossiers ? s->cap_dossiers * 2 : 64;
		oldc_snapshot_dossier *d = realloc(s->dossiers, cap * sizeof *d);
		if (!d)
			return NULL;
		s->dossiers = d;
		s->cap_dossiers = cap;
	}
	oldc_snapshot_dossier *d = &s->dossiers[s->n_dossiers];
	*d = (oldc_snapshot_dossier){ .file = strdup(file) };
	if (!d->file)
		return NULL;
	oldc_diags_init(&d->diags);
	s->n_dossiers++;
	return d;
}

/* Gives each finding of `e` its key (finding_key; the dossier's nodes start at `root`,
 * NULL when it did not load), with room for one more: batch.duplicate_id, which
 * duplicate_ids may add. */
static void make_keys(oldc_snapshot *s, oldc_snapshot_dossier *e, const oldc_node *root)
{
	if (!(e->keys = calloc(e->diags.count + 1, sizeof *e->keys)))
		s->out_of_memory = true;
	for (size_t i = 0; e->keys && i < e->diags.count; i++)
		if (!(e->keys[i] = finding_key(&e->diags.items[i], root, e->file)))
			s->out_of_memory = true;
}

/* Says in s->problems that `path` of the revision cannot be read (EIO: git or the disk
 * failed, not the file): the revision cannot be judged. A finding of the dossier
 * instead would be the same on both sides when the cause is, and a verdict that could
 * not be read would pass for unchanged. Returns -1. */
static int unreadable_revision(oldc_snapshot *s, const char *path, int err)
{
	oldc_diag_add(&s->problems, OLDC_ERROR, path, 0, 0, "io.read", NULL, _("cannot read '%s' of %s: %s"), path,
		      s->tree->name, oldc_strerror(err));
	return -1;
}

/* Judges one dossier: loaded from `data`, its sheets from the tree, checked, scored,
 * summed into the report. Returns 0, or -1 when a sheet it names cannot be read for a
 * reason that is not the revision's (unreadable_revision). */
static int judge(oldc_snapshot *s, oldc_snapshot_dossier *e, const char *data, size_t length)
{
	oldc_dossier *x = oldc_dossier_load(e->file, data, length, s->policy, NULL, &e->diags);
	if (x) {
		e->id = strdup(x->id->text);
		e->name = x->name && x->name->text ? strdup(x->name->text) : NULL;
		e->id_line = x->id->line;
		e->id_column = x->id->column;
		oldc_check_options opt = { .as_of = s->as_of, .settings = s->settings };
		oldc_load_options lopt = { .tree = s->tree };
		oldc_loaded loaded;
		int load = oldc_load(x, &lopt, &loaded);
		for (size_t i = 0; i < loaded.n_sheets; i++)
			if (loaded.sheets[i].status == OLDC_SHEET_UNOPENED && loaded.sheets[i].error == EIO) {
				unreadable_revision(s, loaded.sheets[i].path, EIO);
				oldc_loaded_release(&loaded);
				oldc_dossier_free(x);
				return -1;
			}
		int checked = oldc_check(&loaded, s->policy, &opt, &e->diags, &e->check);
		oldc_loaded_release(&loaded);
		if (!e->id || (x->name && x->name->text && !e->name) || load < 0 || checked < 0)
			s->out_of_memory = true;
		if (x->pilot.node && x->pilot.type) {
			oldc_scorecard card;
			if (oldc_score(x, s->policy, OLDC_STAGE_DEFAULT, 100, s->as_of, &card) == 0) {
				e->score = (oldc_diff_score){ .known = true, .met = card.met, .required = card.required,
							      .passed = card.passed };
				oldc_scorecard_release(&card);
			}
		}
		size_t bad, bad_end;
		oldc_report_unsummed(&e->diags, false, e->check.input_invalid, &bad, &bad_end);
		if (bad == bad_end)
			oldc_report_add(&s->report, x, &e->check, &e->diags, 0, e->diags.count);
		else
			oldc_report_add_invalid(&s->report, e->file, &e->diags, bad, bad_end);
	} else
		oldc_report_add_invalid(&s->report, e->file, &e->diags, 0, e->diags.count);
	oldc_diags_sort(&e->diags, 0);
	make_keys(s, e, x ? x->root : NULL);
	s->out_of_memory |= e->diags.out_of_memory;
	oldc_dossier_free(x);
	return 0;
}

/* Ids are unique in a repository, as in a batch: a second dossier with an id is
 * judged, and told so. */
static void duplicate_ids(oldc_snapshot *s)
{
	oldc_hashset seen = { 0 };
	oldc_arena *arena = oldc_arena_new();
	if (!arena) {
		s->out_of_memory = true;
		return;
	}
	for (size_t i = 0; i < s->n_dossiers; i++) {
		oldc_snapshot_dossier *e = &s->dossiers[i];
		if (!e->id)
			continue;
		bool added;
		oldc_hashset_slot *slot = oldc_hashset_get(&seen, arena, e->id, oldc_hashset_hash(e->id), &added);
		if (!slot) {
			s->out_of_memory = true;
			break;
		}
		if (added) {
			slot->value = (uint32_t)i;
			continue;
		}
		const oldc_snapshot_dossier *first = &s->dossiers[slot->value];
		oldc_diag_add(&e->diags, OLDC_ERROR, e->file, e->id_line, e->id_column, "batch.duplicate_id", NULL,
			      _("id '%s' is also the id of %s (line %u): ids are unique in a batch"), e->id, first->file,
			      first->id_line);
		if (e->diags.out_of_memory || !e->keys) {
			s->out_of_memory = true;
			continue;
		}
		/* its key has room (make_keys made one more): at the id, its path is the id's;
		 * the file and line it names are no part of it */
		oldc_buf key;
		oldc_buf_init(&key);
		key_head(&key, &e->diags.items[e->diags.count - 1]);
		oldc_buf_puts(&key, "/id\t");
		oldc_buf_putc(&key, '\0');
		if (key.failed) {
			oldc_buf_release(&key);
			s->out_of_memory = true;
		} else
			e->keys[e->diags.count - 1] = key.data;
	}
	oldc_hashset_release(&seen);
	oldc_arena_free(arena);
}

int oldc_snapshot_judge(oldc_snapshot *s, const oldc_tree *tree, const oldc_policy *policy,
			const oldc_policy *builtin, oldc_date as_of)
{
	*s = (oldc_snapshot){ .tree = tree, .as_of = as_of };
	oldc_diags_init(&s->problems);
	if (read_settings(tree, &s->settings, &s->problems, &s->settings_digest) < 0)
		return -1;
	s->policy = policy ? policy : builtin;
	if (!policy && s->settings && s->settings->policy) {
		size_t folder = settings_folder_length(s->settings);
		char *dir = strndup(s->settings->file, folder);
		char *file = dir ? oldc_tree_join(dir, s->settings->policy->text) : NULL;
		int err = errno;
		free(dir);
		char *data;
		size_t length;
		if (file && oldc_tree_read(tree, file, oldc_default_limits.max_file_bytes, &data, &length, NULL) < 0) {
			err = errno;
			if (err != EXDEV) /* EXDEV: through a link out of the tree, said below */
				oldc_diag_add(&s->problems, OLDC_ERROR, s->settings->file, s->settings->policy->line,
					      s->settings->policy->column, "io.read", NULL,
					      _("cannot read the policy file '%s' of %s: %s"), file, tree->name,
					      oldc_strerror(err));
			free(file);
			file = NULL;
			if (err != EXDEV)
				return -1;
		}
		if (!file) {
			if (err == ENOMEM)
				s->out_of_memory = true;
			else
				oldc_diag_add(&s->problems, OLDC_ERROR, s->settings->file, s->settings->policy->line,
					      s->settings->policy->column, "io.outside", NULL,
					      _("the policy file '%s' lies outside the repository"), s->settings->policy->text);
			return -1;
		}
		s->policy_digest = digest_of(data, length);
		s->own_policy = oldc_policy_load(file, data, length, &s->problems);
		free(data);
		free(file);
		if (!s->own_policy)
			return -1;
		s->policy = s->own_policy;
	}
	if (oldc_report_init(&s->report, s->policy, as_of) < 0) {
		s->out_of_memory = true;
		return -1;
	}
	s->report_ready = true;
	const char *prefix = tree->prefix ? tree->prefix : "";
	size_t folder = s->settings ? settings_folder_length(s->settings) : 0;
	for (size_t i = 0; i < tree->n_entries && !s->out_of_memory; i++) {
		const oldc_tree_entry *t = &tree->entries[i];
		if (!walk_takes(t->path, prefix))
			continue;
		if (s->settings && strncmp(t->path, s->settings->file, folder) == 0 &&
		    !oldc_settings_takes(s->settings, t->path + folder)) {
			s->skipped++;
			continue;
		}
		char *data;
		size_t length;
		oldc_diags sniffed;
		oldc_diags_init(&sniffed);
		oldc_sniff kind = OLDC_SNIFF_BAD;
		int err = 0;
		if (oldc_tree_read(tree, t->path, oldc_default_limits.max_file_bytes, &data, &length, NULL) < 0) {
			err = errno;
			if (err == EIO)
				return unreadable_revision(s, t->path, err);
		} else
			kind = oldc_sniff_data(t->path, data, length, &sniffed);
		if (kind == OLDC_SNIFF_OTHER) {
			s->skipped++;
			free(data);
			oldc_diags_release(&sniffed);
			continue;
		}
		oldc_snapshot_dossier *e = new_dossier(s, t->path);
		if (!e) {
			s->out_of_memory = true;
			if (!err)
				free(data);
			oldc_diags_release(&sniffed);
			break;
		}
		if (err) { /* as the walk says it of a file it cannot read */
			if (err == ENOMEM)
				s->out_of_memory = true;
			else if (err == EXDEV)
				oldc_diag_add(&e->diags, OLDC_ERROR, t->path, 0, 0, "io.outside", NULL,
					      _("'%s' is a symbolic link that leads out of the repository: not read"), t->path);
			else if (err == EFBIG)
				oldc_diag_add(&e->diags, OLDC_ERROR, t->path, 0, 0, "limit.file_size", NULL,
					      _("'%s' is over the limit of %zu bytes"), t->path,
					      oldc_default_limits.max_file_bytes);
			else
				oldc_diag_add(&e->diags, OLDC_ERROR, t->path, 0, 0, "io.read", NULL, _("cannot open '%s': %s"),
					      t->path, oldc_strerror(err));
			make_keys(s, e, NULL);
			oldc_report_add_invalid(&s->report, e->file, &e->diags, 0, e->diags.count);
		} else if (judge(s, e, data, length) < 0) { /* a file that does not parse: the loader says where */
			free(data);
			oldc_diags_release(&sniffed);
			return -1;
		}
		free(err ? NULL : data);
		oldc_diags_release(&sniffed);
	}
	duplicate_ids(s);
	oldc_report_finish(&s->report, OLDC_GROUP_NONE);
	s->out_of_memory |= s->report.out_of_memory;
	return s->out_of_memory ? -1 : 0;
}

void oldc_snapshot_release(oldc_snapshot *s)
{
	for (size_t i = 0; i < s->n_dossiers; i++) {
		oldc_snapshot_dossier *e = &s->dossiers[i];
		for (size_t k = 0; e->keys && k < e->diags.count; k++)
			free(e->keys[k]);
		free(e->keys);
		free(e->file);
		free(e->id);
		free(e->name);
		oldc_diags_release(&e->diags);
	}
	free(s->dossiers);
	if (s->report_ready)
		oldc_report_release(&s->report);
	oldc_settings_free(s->settings);
	oldc_policy_free(s->own_policy);
	oldc_diags_release(&s->problems);
	*s = (oldc_snapshot){ 0 };
}

/* ---- comparing two snapshots -------------------------------------------------- */

const char *oldc_diff_verdict_name(size_t verdict)
{
	static const char *const names[] = { "renovation", "pilot", "completion", "evaluation", "consultation" };
	return verdict < OLDC_DIFF_VERDICTS ? names[verdict] : NULL;
}

/* A dossier's verdict `v` as a word and its rank (0 best; -1: `none`, which is no rank:
 * a change to or from it is a change, never worse). */
static const char *verdict_of(const oldc_snapshot_dossier *e, size_t v, int *rank)
{
	const oldc_check_result *r = &e->check;
	*rank = -1;
	if (!e->id)
		return "invalid";
	switch (v) {
	case OLDC_DIFF_RENOVATION:
		*rank = r->renovation == OLDC_RENOVATION_NONE ? -1 : (int)r->renovation;
		return oldc_renovation_word(r->renovation);
	case OLDC_DIFF_PILOT:
		*rank = r->pilot == OLDC_PILOT_NONE ? -1 : (int)r->pilot;
		return oldc_pilot_word(r->pilot);
	case OLDC_DIFF_COMPLETION:
		*rank = (int)r->completion;
		return oldc_completion_word(r->completion);
	case OLDC_DIFF_EVALUATION:
		*rank = r->evaluation == OLDC_EVALUATION_NONE ? -1 : (int)r->evaluation;
		return oldc_evaluation_word(r->evaluation);
	default:
		if (!r->consultation_judged || !r->consultation.decided)
			return "none";
		*rank = r->consultation.passed ? 0 : 1;
		return r->consultation.passed ? "passed" : "failed";
	}
}

/* Sorts indices of findings by key, so that two lists can be walked side by side. */
static char **sort_keys; /* qsort has no context: set around each call (one thread) */
static int by_key(const void *a, const void *b)
{
	int c = strcmp(sort_keys[*(const size_t *)a], sort_keys[*(const size_t *)b]);
	return c ? c : (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

static size_t *sorted_findings(const oldc_snapshot_dossier *e)
{
	size_t n = e ? e->diags.count : 0;
	size_t *idx = malloc((n ? n : 1) * sizeof *idx);
	if (!idx)
		return NULL;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	if (n) {
		sort_keys = e->keys;
		qsort(idx, n, sizeof *idx, by_key);
		sort_keys = NULL;
	}
	return idx;
}

static int by_index(const void *a, const void *b)
{
	return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

/* Fills c->introduced and c->resolved: the findings of one revision whose key the
 * other lacks (as many times as it lacks it). */
static int match_findings(oldc_diff_change *c)
{
	const oldc_snapshot_dossier *a = c->before, *b = c->after;
	size_t na = a ? a->diags.count : 0, nb = b ? b->diags.count : 0;
	size_t *ia = sorted_findings(a), *ib = sorted_findings(b);
	c->introduced = malloc((nb ? nb : 1) * sizeof *c->introduced);
	c->resolved = malloc((na ? na : 1) * sizeof *c->resolved);
	if (!ia || !ib || !c->introduced || !c->resolved) {
		free(ia);
		free(ib);
		return -1;
	}
	size_t i = 0, j = 0;
	while (i < na || j < nb) {
		int cmp = i == na ? 1 : j == nb ? -1 : strcmp(a->keys[ia[i]], b->keys[ib[j]]);
		if (cmp == 0)
			i++, j++;
		else if (cmp < 0)
			c->resolved[c->n_resolved++] = ia[i++];
		else
			c->introduced[c->n_introduced++] = ib[j++];
	}
	free(ia);
	free(ib);
	/* back in reading order */
	qsort(c->introduced, c->n_introduced, sizeof *c->introduced, by_index);
	qsort(c->resolved, c->n_resolved, sizeof *c->resolved, by_index);
	for (size_t k = 0; k < c->n_introduced; k++) {
		const oldc_diag *d = &b->diags.items[c->introduced[k]];
		c->new_errors += d->severity == OLDC_ERROR && !d->waived;
	}
	return 0;
}

/* Fills in the change of `c` (kind, before and after set); false when nothing
 * changed. */
static int compare(oldc_diff_change *c, bool *changed)
{
	*changed = c->kind != OLDC_DIFF_CHANGED ||
		   (c->before->id && c->after->id && strcmp(c->before->id, c->after->id) != 0) ||
		   !c->before->id != !c->after->id;
	for (size_t v = 0; v < OLDC_DIFF_VERDICTS; v++) {
		oldc_diff_verdict *x = &c->verdicts[v];
		int ra = -1, rb = -1;
		x->before = c->before ? verdict_of(c->before, v, &ra) : NULL;
		x->after = c->after ? verdict_of(c->after, v, &rb) : NULL;
		x->changed = x->before && x->after && strcmp(x->before, x->after) != 0;
		x->worse = x->changed && ra >= 0 && rb > ra;
		*changed |= x->changed;
		c->worse |= x->worse;
	}
	if (c->before)
		c->score_before = c->before->score;
	if (c->after)
		c->score_after = c->after->score;
	const oldc_diff_score *sa = &c->score_before, *sb = &c->score_after;
	*changed |= c->before && c->after &&
		    (sa->known != sb->known || sa->met != sb->met || sa->required != sb->required || sa->passed != sb->passed);
	if (match_findings(c) < 0)
		return -1;
	*changed |= c->n_introduced || c->n_resolved;
	c->worse |= c->new_errors > 0;
	return 0;
}

static int add_change(oldc_diff *d, oldc_diff_kind kind, const oldc_snapshot_dossier *before,
		      const oldc_snapshot_dossier *after)
{
	oldc_diff_change c = { .kind = kind, .before = before, .after = after };
	bool changed;
	if (compare(&c, &changed) < 0) {
		free(c.introduced);
		free(c.resolved);
		return -1;
	}
	if (!changed) {
		free(c.introduced);
		free(c.resolved);
		d->unchanged++;
		return 0;
	}
	oldc_diff_change *grown = realloc(d->changes, (d->n_changes + 1) * sizeof *grown);
	if (!grown) {
		free(c.introduced);
		free(c.resolved);
		return -1;
	}
	d->changes = grown;
	d->changes[d->n_changes++] = c;
	d->worse += c.worse;
	d->new_errors += c.new_errors;
	return 0;
}

static const char *change_file(const oldc_diff_change *c)
{
	return c->after ? c->after->file : c->before->file;
}

static int by_file(const void *a, const void *b)
{
	return strcmp(change_file(a), change_file(b));
}

/* Indexes the dossiers of `s` by id (`by_id`) or by file into `set`: the first of each
 * key. -1 when memory ran out. */
static int index_dossiers(const oldc_snapshot *s, bool by_id, oldc_hashset *set, oldc_arena *arena)
{
	for (size_t i = 0; i < s->n_dossiers; i++) {
		const char *k = by_id ? s->dossiers[i].id : s->dossiers[i].file;
		bool added;
		oldc_hashset_slot *slot = k ? oldc_hashset_get(set, arena, k, oldc_hashset_hash(k), &added) : NULL;
		if (k && !slot)
			return -1;
		if (k && added)
			slot->value = (uint32_t)i;
	}
	return 0;
}

/* The dossier of `before` that `key` finds in `set`, if it is not yet paired. */
static size_t unpaired(const oldc_hashset *set, const char *key, const bool *paired)
{
	const oldc_hashset_slot *slot = key ? oldc_hashset_find(set, key, oldc_hashset_hash(key)) : NULL;
	return slot && !paired[slot->value] ? slot->value : SIZE_MAX;
}

int oldc_diff_compare(const oldc_snapshot *before, const oldc_snapshot *after, oldc_diff *out)
{
	*out = (oldc_diff){ .before = before, .after = after,
			    .settings_changed = before->settings_digest != after->settings_digest,
			    .policy_changed = before->policy_digest != after->policy_digest };
	oldc_hashset ids = { 0 }, files = { 0 };
	oldc_arena *arena = oldc_arena_new();
	bool *paired = calloc(before->n_dossiers + 1, sizeof *paired);
	size_t *pair = malloc((after->n_dossiers + 1) * sizeof *pair);
	int rc = -1;
	if (!arena || !paired || !pair || index_dossiers(before, true, &ids, arena) < 0 ||
	    index_dossiers(before, false, &files, arena) < 0)
		goto done;
	/* a dossier with its id in its own file first: a copy of it elsewhere (a second
	 * dossier with its id) must not take its place and make it look added */
	for (size_t j = 0; j < after->n_dossiers; j++) {
		const oldc_snapshot_dossier *b = &after->dossiers[j];
		pair[j] = unpaired(&files, b->file, paired);
		if (pair[j] != SIZE_MAX && (!b->id || !before->dossiers[pair[j]].id ||
					    strcmp(b->id, before->dossiers[pair[j]].id) != 0))
			pair[j] = SIZE_MAX;
		if (pair[j] != SIZE_MAX)
			paired[pair[j]] = true;
	}
	/* then by id, everywhere: a dossier that moved is paired wherever it went */
	for (size_t j = 0; j < after->n_dossiers; j++) {
		if (pair[j] == SIZE_MAX && (pair[j] = unpaired(&ids, after->dossiers[j].id, paired)) != SIZE_MAX)
			paired[pair[j]] = true;
	}
	/* then what is left by its file: a file that is a dossier now and was not (or the
	 * other way), an id changed in place, the second of a duplicate id */
	for (size_t j = 0; j < after->n_dossiers; j++)
		if (pair[j] == SIZE_MAX && (pair[j] = unpaired(&files, after->dossiers[j].file, paired)) != SIZE_MAX)
			paired[pair[j]] = true;
	for (size_t j = 0; j < after->n_dossiers; j++) {
		const oldc_snapshot_dossier *b = &after->dossiers[j];
		const oldc_snapshot_dossier *a = pair[j] != SIZE_MAX ? &before->dossiers[pair[j]] : NULL;
		oldc_diff_kind kind = !a ? OLDC_DIFF_ADDED : strcmp(a->file, b->file) != 0 ? OLDC_DIFF_RENAMED : OLDC_DIFF_CHANGED;
		if (add_change(out, kind, a, b) < 0)
			goto done;
	}
	for (size_t i = 0; i < before->n_dossiers; i++)
		if (!paired[i] && add_change(out, OLDC_DIFF_REMOVED, &before->dossiers[i], NULL) < 0)
			goto done;
	if (out->n_changes)
		qsort(out->changes, out->n_changes, sizeof *out->changes, by_file);
	rc = 0;
done:
	out->out_of_memory = rc < 0;
	oldc_hashset_release(&ids);
	oldc_hashset_release(&files);
	oldc_arena_free(arena);
	free(paired);
	free(pair);
	return rc;
}

void oldc_diff_release(oldc_diff *d)
{
	for (size_t i = 0; i < d->n_changes; i++) {
		free(d->changes[i].introduced);
		free(d->changes[i].resolved);
	}
	free(d->changes);
	*d = (oldc_diff){ 0 };
}

bool oldc_diff_fails(const oldc_diff *d, oldc_fail_on fail_on)
{
	switch (fail_on) {
	case OLDC_FAIL_ON_NEW_ERRORS:
		return d->new_errors > 0;
	case OLDC_FAIL_ON_ANY:
		return d->n_changes > 0;
	default:
		return d->worse > 0;
	}
}
