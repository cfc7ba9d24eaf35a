/*
 * settings_cli.c: the settings file of the repository a command runs in (cli.h,
 * oldc/settings.h): found the way git finds .git, read, and laid under the command
 * line: an option given wins, what it leaves unsaid the settings say.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "i18n.h"

/* The settings file for a run started in the current folder, malloc'd, or NULL: the
 * first .oldc.yaml from here up to the top of the git work tree (a folder with a .git
 * entry), or to / when there is none. */
static char *find_settings(void)
{
	const char *env = getenv("OLDC_SETTINGS");
	if (env)
		return *env ? strdup(env) : NULL;
	char dir[PATH_MAX];
	if (!getcwd(dir, sizeof dir))
		return NULL;
	/* named relative to here, as a person would: .oldc.yaml, ../.oldc.yaml ... */
	char up[PATH_MAX] = "";
	for (;;) {
		char path[PATH_MAX + sizeof "/" OLDC_SETTINGS_FILE];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, OLDC_SETTINGS_FILE);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			snprintf(path, sizeof path, "%s%s", up, OLDC_SETTINGS_FILE);
			return strdup(path);
		}
		if (strlen(up) + 4 >= sizeof up)
			return NULL;
		strcat(up, "../");
		snprintf(path, sizeof path, "%s/.git", strcmp(dir, "/") == 0 ? "" : dir);
		if (lstat(path, &st) == 0) /* the top of the work tree: no further */
			return NULL;
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			return NULL;
		*slash = '\0';
	}
}

/* The date of the last commit of the work tree at `dir` (git log, the committer's
 * date), or -1. */
static int commit_date(const char *dir, oldc_date *out)
{
	char command[PATH_MAX + 64];
	if (strchr(dir, '\''))
		return -1;
	snprintf(command, sizeof command, "git -C '%s' log -1 --format=%%cs 2>/dev/null", dir);
	FILE *p = popen(command, "r");
	if (!p)
		return -1;
	char line[32] = "";
	bool read = fgets(line, sizeof line, p) != NULL;
	int rc = pclose(p);
	line[strcspn(line, "\n")] = '\0';
	return read && rc == 0 && oldc_date_parse(line, strlen(line), out) == 0 ? 0 : -1;
}

int oldc_cli_settings(oldc_cli *cli, int *status)
{
	char *file = find_settings();
	if (!file)
		return 0;
	oldc_diags diags;
	oldc_diags_init(&diags);
	cli->settings = oldc_settings_load(file, NULL, 0, &diags);
	const char *slash = strrchr(file, '/');
	cli->settings_dir = slash ? strndup(file, (size_t)(slash - file + (slash == file))) : strdup(".");
	free(file);
	if (!cli->settings || !cli->settings_dir) {
		oldc_cli_print_diags(&diags, 0, diags.count);
		oldc_diags_release(&diags);
		*status = OLDC_EXIT_INVALID;
		return -1;
	}
	oldc_diags_release(&diags);
	cli->settings_real_dir = realpath(cli->settings_dir, NULL); /* once, not per file of a walk */
	const oldc_settings *s = cli->settings;
	if (s->lang && !cli->lang_given) {
		(void)oldc_lang_parse(s->lang->text, &cli->lang);
		oldc_lang_set(cli->lang);
	}
	if (s->policy && !cli->policy_file) {
		const char *p = s->policy->text;
		size_t n = strlen(cli->settings_dir) + strlen(p) + 2;
		if (!(cli->settings_policy = malloc(n))) {
			*status = OLDC_EXIT_INVALID;
			return -1;
		}
		if (p[0] == '/' || strcmp(cli->settings_dir, ".") == 0)
			snprintf(cli->settings_policy, n, "%s", p);
		else
			snprintf(cli->settings_policy, n, "%s/%s", cli->settings_dir, p);
		cli->policy_file = cli->settings_policy;
	}
	if (s->as_of && strcmp(s->as_of->text, "commit") == 0 && !cli->as_of_given) {
		if (commit_date(cli->settings_dir, &cli->as_of) < 0) {
			oldc_cli_eprintf(_("%s: %s:%u: as_of: commit, but the folder has no git commit to take the "
					   "date of: give --as-of, or commit\n"),
					 cli->prog, cli->settings->file, s->as_of->line);
			*status = OLDC_EXIT_INVALID;
			return -1;
		}
		cli->as_of_from_commit = true;
	}
	return 0;
}

bool oldc_cli_settings_take(const oldc_cli *cli, const char *file)
{
	if (!cli->settings || (!cli->settings->include.count && !cli->settings->exclude.count))
		return true;
	const char *real_dir = cli->settings_real_dir;
	char real[PATH_MAX];
	if (!real_dir || !realpath(file, real))
		return true; /* what cannot be placed is read, and its own error said */
	size_t n = strlen(real_dir);
	if (strncmp(real, real_dir, n) != 0 || (real[n] != '/' && n != 1))
		return true; /* outside the settings' folder: the globs do not speak of it */
	return oldc_settings_takes(cli->settings, real + (n == 1 ? 1 : n + 1));
}
