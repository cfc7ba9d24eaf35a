/*
 * main_oldc.c: `oldc`, the one program, the git way. `oldc NAME ARGS` runs a command
 * of the table in commands.c; started under the name oldc-NAME (the links oldc-check,
 * oldc-vote, oldc-score and oldc-report that `make` and `make install` make), it runs
 * that command at once. For a NAME the table lacks, `oldc NAME` runs the program
 * oldc-NAME found beside this one or on PATH; `oldc help NAME` opens a manual page;
 * `oldc --help` lists the commands.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "schema.h"
#include "i18n.h"

static void help(FILE *out)
{
	fputs(_("usage: oldc COMMAND [ARGS]\n"
		"       oldc help [COMMAND | dossier | policy]\n"
		"       oldc --help | --version\n"
		"\n"
		"oldc checks the dossiers of Yantai's old-community renovation programme\n"
		"(城镇老旧小区改造) and its Beautiful Community pilots (美好社区创建试点)\n"
		"against the city's 2022 policy.\n"
		"\n"
		"Commands:\n"), out);
	for (const oldc_command *c = oldc_commands; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, _(c->summary));
	fputs(_("\n"
		"Every command runs inside oldc; oldc-check, oldc-vote, oldc-score and\n"
		"oldc-report are oldc under another name. 'oldc NAME' for any other NAME runs\n"
		"the program oldc-NAME from beside oldc or from PATH.\n"
		"\n"
		"'oldc help dossier' explains the dossier format, 'oldc help NAME' a command.\n"), out);
}

/* The directory this program was started from (for finding oldc-NAME and the manual
 * pages beside it), or NULL. */
static char *self_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return strdup(dirname(buf));
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* `oldc help TOPIC`: the manual page, from the installed tree (BIN/../share/man) or the
 * build tree (build/bin/../../man), else from man's own search path. */
static int cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		help(stdout);
		return fflush(stdout) == 0 && !ferror(stdout) ? OLDC_EXIT_OK : OLDC_EXIT_INVALID;
	}
	const char *topic = argv[1];
	char page[128];
	const char *section = "1";
	if (strcmp(topic, "oldc") == 0)
		snprintf(page, sizeof page, "oldc");
	else if (strcmp(topic, "dossier") == 0 || strcmp(topic, "policy") == 0) {
		snprintf(page, sizeof page, "oldc-%s", topic);
		section = "5";
	} else {
		bool section_of_oldc = false;
		for (const oldc_command *c = oldc_commands; c->name; c++)
			section_of_oldc |= strcmp(c->name, topic) == 0 && !c->own_page;
		snprintf(page, sizeof page, section_of_oldc ? "oldc" : "oldc-%s", topic);
	}
	char *dir = self_dir();
	char path[PATH_MAX + 256];
	const char *found = NULL;
	if (dir) {
		snprintf(path, sizeof path, "%s/../share/man/man%s/%s.%s", dir, section, page, section);
		if (is_file(path))
			found = path;
		else {
			snprintf(path, sizeof path, "%s/../../man/%s.%s", dir, page, section);
			if (is_file(path))
				found = path;
		}
		free(dir);
	}
	fflush(stdout);
	if (found)
		execlp("man", "man", "-l", found, (char *)NULL);
	else
		execlp("man", "man", section, page, (char *)NULL);
	fprintf(stderr, _("oldc help: cannot run man (%s)%s%s\n"), oldc_strerror(errno),
		found ? _("; the page is ") : "", found ? found : "");
	return OLDC_EXIT_INVALID;
}

/* Runs oldc-NAME from beside this program, else from PATH. Returns only on failure. */
static int run_external(const char *name, int argc, char **argv)
{
	char program[256];
	if (snprintf(program, sizeof program, "oldc-%s", name) >= (int)sizeof program)
		return -1;
	for (const char *p = name; *p; p++)
		if (*p == '/')
			return -1;
	argv[0] = program;
	(void)argc;
	char *dir = self_dir();
	if (dir) {
		char path[PATH_MAX + 256];
		snprintf(path, sizeof path, "%s/%s", dir, program);
		free(dir);
		if (access(path, X_OK) == 0)
			execv(path, argv);
	}
	execvp(program, argv);
	return errno == ENOENT ? -1 : -2;
}

/* `oldc __complete formats NAME` (hidden, for the bash completion): the formats of
 * command NAME, one a line, from its table (output.h). Exit 2 for a command without. */
static int complete(int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[1], "formats") != 0)
		return OLDC_EXIT_INVALID;
	for (const oldc_command *c = oldc_commands; c->name; c++)
		if (strcmp(c->name, argv[2]) == 0 && c->formats) {
			for (const oldc_output_format *f = c->formats; f->name; f++)
				puts(f->name);
			return fflush(stdout) == 0 && !ferror(stdout) ? OLDC_EXIT_OK : OLDC_EXIT_INVALID;
		}
	return OLDC_EXIT_INVALID;
}

/* The command this program runs under its own name: oldc-NAME (a link to oldc) runs
 * NAME. Returns NULL for any other name (oldc itself). */
static const char *link_name(const char *argv0)
{
	const char *base = strrchr(argv0, '/');
	base = base ? base + 1 : argv0;
	return strncmp(base, "oldc-", 5) == 0 ? base + 5 : NULL;
}

int main(int argc, char **argv)
{
	oldc_lang_set(oldc_lang_from_environment());
	const char *as = argc > 0 ? link_name(argv[0]) : NULL;
	if (as) {
		for (const oldc_command *c = oldc_commands; c->name; c++)
			if (strcmp(c->name, as) == 0)
				return c->run(argc, argv);
		/* never run oldc-NAME again: that may be this very link */
		fprintf(stderr, _("oldc-%s: '%s' is not an oldc command: oldc-%s is a link to oldc, which has no "
				  "command of that name\n"), as, as, as);
		return OLDC_EXIT_INVALID;
	}
	if (argc < 2) {
		help(stderr);
		return OLDC_EXIT_INVALID;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		help(stdout);
		return fflush(stdout) == 0 && !ferror(stdout) ? OLDC_EXIT_OK : OLDC_EXIT_INVALID;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
		printf("oldc %s\n", oldc_version());
		return fflush(stdout) == 0 && !ferror(stdout) ? OLDC_EXIT_OK : OLDC_EXIT_INVALID;
	}
	if (strcmp(name, "help") == 0)
		return cmd_help(argc - 1, argv + 1);
	if (strcmp(name, "__complete") == 0)
		return complete(argc - 1, argv + 1);
	if (name[0] == '-') {
		fprintf(stderr, _("oldc: unknown option '%s'\nTry 'oldc --help' for more information.\n"), name);
		return OLDC_EXIT_INVALID;
	}
	for (const oldc_command *c = oldc_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c->run(argc - 1, argv + 1);
	int rc = run_external(name, argc - 1, argv + 1);
	if (rc == -2) {
		fprintf(stderr, _("oldc: cannot run 'oldc-%s': %s\n"), name, oldc_strerror(errno));
		return OLDC_EXIT_INVALID;
	}
	const char *names[32];
	size_t k = 0;
	for (const oldc_command *c = oldc_commands; c->name && k < 30; c++)
		names[k++] = c->name;
	names[k++] = "help";
	const char *near = oldc_nearest(name, names, k);
	fprintf(stderr, _("oldc: '%s' is not an oldc command (no program oldc-%s beside oldc or on PATH)\n"),
		name, name);
	if (near)
		fprintf(stderr, _("Did you mean 'oldc %s'?\n"), near);
	fputs(_("See 'oldc --help'.\n"), stderr);
	return OLDC_EXIT_INVALID;
}
