/*
 * settings.h: a repository's settings file, `.oldc.yaml`, found upward from the
 * current folder the way git finds .git, and read as strictly as a dossier: which files
 * of a walk are dossiers (include and exclude globs, relative to the file's folder), the
 * policy file, the default language, what --as-of means for CI (today, or the date of
 * HEAD's commit, so that a run is reproducible), and severity overrides, which may raise
 * a warning to an error or lower it to a note and never touch an error. Options on the
 * command line win over it (src/cli/options.c); `oldc config` shows what is in force.
 */
#ifndef OLDC_SETTINGS_H
#define OLDC_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include "oldc/diag.h"
#include "oldc/node.h"
#include "oldc/policy.h"  /* oldc_list */

/* The name the file has in a repository. */
#define OLDC_SETTINGS_FILE ".oldc.yaml"

struct oldc_severity_override {
	const oldc_node *node, *rule, *level;   /* level: error or note */
};

typedef struct oldc_settings {
	const oldc_node *root;          /* first: the schema check fills it as the map's node */
	const oldc_node *version, *policy, *lang, *as_of;
	oldc_list include, exclude;     /* const oldc_node * (text): globs */
	oldc_list severity;             /* struct oldc_severity_override */
	char *file;                     /* owned: the path it was read from */
	struct oldc_arena *arena;
} oldc_settings;

/* Reads a settings file (`data` of `length` bytes, or from disk when `data` is NULL):
 * NULL after adding its errors (io.read, yaml.*, schema.*, settings.severity) to
 * `diags`. Free with oldc_settings_free. */
oldc_settings *oldc_settings_load(const char *file, const char *data, size_t length, oldc_diags *diags);
void oldc_settings_free(oldc_settings *s);

/* The overrides of `s` (may be NULL) on the findings from index `from` on: a warning of
 * an overridden rule becomes an error or a note. Errors are never touched. */
void oldc_settings_apply(const oldc_settings *s, oldc_diags *diags, size_t from);

/* Whether `path` (relative, '/'-separated) matches the glob `pattern`: fnmatch's *, ?
 * and [...] within one path segment, and a segment `**` for any number of segments
 * (none included). */
bool oldc_glob_match(const char *pattern, const char *path);

/* Whether a file found in a walk, at `path` relative to the settings file's folder,
 * is one the settings take: it matches an include glob (all files, when there is
 * none) and no exclude glob. */
bool oldc_settings_takes(const oldc_settings *s, const char *path);

#endif
