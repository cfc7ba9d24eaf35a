/*
 * main_oldc.c: `oldc`, the one program, the git way. `oldc NAME ARGS` runs a command
 * of the table in commands.c; started under the name oldc-NAME (the links oldc-check,
 * oldc-vote, oldc-score and oldc-report that `make` and `make install` make), it runs
 * that command at once. For a NAME the table lacks, `oldc NAME` runs the program
 * oldc-NAME found beside this one or on PATH; `oldc help NAME` opens a manual page;
 * `oldc --help` lists the commands.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli.h"
#include "schema.h"
#include "i18n.h"

static void help(FILE *out)
{
	fputs(_("usage: oldc [--lang zh|en] COMMAND [ARGS]\n"
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

/* Runs man with `args` as a child (quiet: its output to /dev/null) and returns its exit
 * status, or -1 with errno set when it could not be run. Man runs as a child so that
 * its own status (16: no such page) never becomes oldc's. */
static int run_man(char *const args[], bool quiet)
{
	fflush(stdout);
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		fcntl(fds[1], F_SETFD, FD_CLOEXEC);
		if (quiet) {
			int null = open("/dev/null", O_WRONLY);
			if (null >= 0) {
				dup2(null, 1);
				dup2(null, 2);
			}
		}
		execvp(args[0], args);
		int e = errno;
		(void)!write(fds[1], &e, sizeof e);
		_exit(127);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return -1;
	}
	int e = 0;
	ssize_t got = read(fds[0], &e, sizeof e);
	close(fds[0]);
	int wstatus;
	while (waitpid(pid, &wstatus, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (got == (ssize_t)sizeof e) { /* exec failed: the child said why */
		errno = e;
		return -1;
	}
	return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128;
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
	bool known = true;           /* oldc's own topic */
	if (strcmp(topic, "oldc") == 0)
		snprintf(page, sizeof page, "oldc");
	else if (strcmp(topic, "dossier") == 0 || strcmp(topic, "policy") == 0) {
		snprintf(page, sizeof page, "oldc-%s", topic);
		section = "5";
	} else {
		bool section_of_oldc = false;
		known = false;
		for (const oldc_command *c = oldc_commands; c->name; c++)
			if (strcmp(c->name, topic) == 0) {
				known = true;
				section_of_oldc = !c->own_page;
			}
		/* a topic oldc does not know is no topic: never let man's status speak for it
		 * (a program oldc-NAME of someone else's brings its own page: man finds it) */
		if (!known && (strchr(topic, '/') || strlen(topic) > 64)) {
			fprintf(stderr, _("oldc help: no manual page for '%s'\n"), topic);
			fputs(_("See 'oldc --help' for the commands.\n"), stderr);
			return OLDC_EXIT_INVALID;
		}
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
	if (!found && !known) {
		/* a page of someone else's oldc-NAME, if man knows one; else no such topic */
		char *const where[] = { "man", "-w", (char *)section, page, NULL };
		if (run_man(where, true) != 0) {
			fprintf(stderr, _("oldc help: no manual page for '%s'\n"), topic);
			fputs(_("See 'oldc --help' for the commands.\n"), stderr);
			return OLDC_EXIT_INVALID;
		}
	}
	char *const show_file[] = { "man", "-l", path, NULL };
	char *const show_page[] = { "man", (char *)section, page, NULL };
	int rc = run_man(found ? show_file : show_page, false);
	if (rc < 0)
		fprintf(stderr, _("oldc help: cannot run man (%s)%s%s\n"), oldc_strerror(errno),
			found ? _("; the page is ") : "", found ? found : "");
	return rc == 0 ? OLDC_EXIT_OK : OLDC_EXIT_INVALID;
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

/* Runs the command argv[1] names, with the rest of argv: one of oldc's own, help, the
 * shell completion, or a program oldc-NAME beside oldc or on PATH. Returns its exit
 * status, or OLDC_EXIT_INVALID (with a message) for a name that is none of them. */
static int dispatch(int argc, char **argv)
{
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
	/* --lang before the command: the language of what oldc itself says, and handed to
	 * the command as its first option (`oldc --lang zh check X` is `oldc check --lang
	 * zh X`; a --lang of the command's own, later, wins) */
	const char *lang = NULL;
	char **with_lang = NULL; /* argv with the command's --lang, freed once it has run */
	while (argc >= 2 && (strcmp(argv[1], "--lang") == 0 || strncmp(argv[1], "--lang=", 7) == 0)) {
		bool joined = argv[1][6] == '=';
		if (!joined && argc < 3) {
			fputs(_("oldc: option '--lang' needs a value\nTry 'oldc --help' for more information.\n"), stderr);
			return OLDC_EXIT_INVALID;
		}
		const char *value = joined ? argv[1] + 7 : argv[2];
		oldc_lang l;
		if (oldc_lang_parse(value, &l) < 0) {
			fprintf(stderr, _("oldc: --lang takes zh or en, not '%s'\nTry 'oldc --help' for more information.\n"),
				value);
			return OLDC_EXIT_INVALID;
		}
		oldc_lang_set(l);
		lang = value;
		argc -= joined ? 1 : 2;
		argv += joined ? 1 : 2;
	}
	if (argc < 2) {
		help(stderr);
		return OLDC_EXIT_INVALID;
	}
	if (lang && strcmp(argv[1], "help") != 0 && argv[1][0] != '-') {
		/* NAME --lang VALUE ARGS...: a new vector, argv[0] kept before it */
		with_lang = malloc((size_t)(argc + 3) * sizeof *with_lang);
		if (!with_lang) {
			fprintf(stderr, "oldc: %s\n", oldc_strerror(ENOMEM));
			return OLDC_EXIT_INVALID;
		}
		with_lang[0] = argv[0];
		with_lang[1] = argv[1];
		with_lang[2] = "--lang";
		with_lang[3] = (char *)lang;
		for (int i = 2; i <= argc; i++)
			with_lang[i + 2] = argv[i];
		argc += 2;
		argv = with_lang;
	}
	int rc = dispatch(argc, argv);
	free(with_lang);
	return rc;
}
