/*
 * cmd_init.c: `oldc init NAME`, a new dossier from the policy (template.h) for a
 * planner to fill in. The library makes the text; this checks the command line, makes
 * sure the text loads (a template oldc itself refused would be a bug), and writes it to
 * standard output or to a new file: an existing file is a planner's work, and is only
 * replaced with --force.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "i18n.h"
#include "schema.h"
#include "utf8.h"
#include "oldc/template.h"

static const char usage[] = N_(
	"usage: oldc init [OPTIONS] --district DISTRICT --built-year YEAR NAME\n"
	"       oldc init --list-pilots\n"
	"       oldc init --list-districts\n"
	"\n"
	"Writes a new dossier for the community NAME (Chinese is fine) from the policy:\n"
	"a template in the dossier format (man oldc-dossier(5)) that lists every content\n"
	"item the policy requires and, with --pilot, every indicator, system by system,\n"
	"with the tiers the pilot's type requires and their texts. A fact that has not\n"
	"happened yet is a commented-out line '# key:' to fill in, so 'oldc check' on the\n"
	"new dossier lists only what is still to be done.\n"
	"\n"
	"Options:\n"
	"  --district DISTRICT   the district (所在区), e.g. 芝罘区, one of the policy's; by\n"
	"                        default the one whose code starts the id (ZF-2024-101)\n"
	"  --built-year YEAR     the year the community was completed; required\n"
	"  --id ID               the dossier's id (letters, digits, '.', '_', '-'); by\n"
	"                        default the name of -o FILE without .yaml, in capitals\n"
	"                        (-o zf-2022-011.yaml gives ZF-2022-011)\n"
	"  --plan-year YEAR      the renovation plan year, one the policy covers\n"
	"                        (default: the first year the policy covers)\n"
	"  --pilot TYPE          also a Beautiful Community pilot of this type, one of the\n"
	"                        policy's pilot types (see --list-pilots)\n"
	"  --list-pilots         print the policy's pilot types, one a line, and exit\n"
	"  --list-districts      print the policy's districts (name, code), one a line, and\n"
	"                        exit\n"
	"  --schema PATH         the JSON Schema named on the first line, for editors\n"
	"                        (default: the one installed in share/oldc beside the\n"
	"                        program, else ../schemas/dossier.schema.json, as in\n"
	"                        the examples; --schema '' leaves the line out)\n"
	"  -o FILE               write the dossier to FILE (default: standard output);\n"
	"                        a FILE that exists is not overwritten\n"
	"  -f, --force           overwrite FILE when it exists\n"
	"  --policy FILE         use this policy file instead of the built-in one\n"
	"  --lang zh|en          language of messages (the template has both)\n"
	"  -h, --help            this help\n"
	"  --version             the version\n"
	"\n"
	"Exit status: 0 the dossier was written, 2 a usage error, FILE exists (without\n"
	"--force), or the dossier could not be written.\n");

static const char *const formats[] = { "yaml", NULL };
static const oldc_cli_option options[] = {
	{ "district", true }, { "built-year", true }, { "id", true }, { "plan-year", true },
	{ "pilot", true }, { "list-pilots", false }, { "list-districts", false }, { "schema", true },
	{ "force", false },
	{ "f", false }, { NULL, false }
};

typedef struct init_args {
	const char *district, *built_year, *id, *plan_year, *pilot, *schema;
	bool list_pilots, list_districts, force;
} init_args;

static int handle(oldc_cli *cli, const char *name, const char *value, void *ctx)
{
	init_args *a = ctx;
	(void)cli;
	if (strcmp(name, "district") == 0)
		a->district = value;
	else if (strcmp(name, "built-year") == 0)
		a->built_year = value;
	else if (strcmp(name, "id") == 0)
		a->id = value;
	else if (strcmp(name, "plan-year") == 0)
		a->plan_year = value;
	else if (strcmp(name, "pilot") == 0)
		a->pilot = value;
	else if (strcmp(name, "schema") == 0)
		a->schema = value;
	else if (strcmp(name, "list-pilots") == 0)
		a->list_pilots = true;
	else if (strcmp(name, "list-districts") == 0)
		a->list_districts = true;
	else
		a->force = true;
	return 0;
}

/* A year: four digits within the dossier format's range for `type`. */
static bool parse_year(const char *s, const oldc_stype *type, int64_t *year)
{
	if (strlen(s) != 4)
		return false;
	int64_t y = 0;
	for (const char *c = s; *c; c++) {
		if (*c < '0' || *c > '9')
			return false;
		y = y * 10 + (*c - '0');
	}
	*year = y;
	return y >= type->min && y <= type->max;
}

/* A name as a dossier may hold it: well-formed UTF-8, not empty, without control
 * characters (C0, DEL, C1) or the line and paragraph separators YAML would break at. */
static bool text_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || oldc_utf8_invalid((const unsigned char *)s, n) != n)
		return false;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c < 0x20 || *c == 0x7F)
			return false;
		if (c[0] == 0xC2 && c[1] >= 0x80 && c[1] <= 0x9F)
			return false;
		if (c[0] == 0xE2 && c[1] == 0x80 && (c[2] == 0xA8 || c[2] == 0xA9))
			return false;
	}
	return true;
}

/* The id -o FILE suggests: its name without the directory and .yaml/.yml, in capitals
 * (examples/zf-2022-007.yaml holds ZF-2022-007). Returns a malloc'd id, or NULL. */
static char *id_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
		n -= 4;
	char *id = malloc(n + 1);
	if (!id)
		return NULL;
	for (size_t i = 0; i < n; i++)
		id[i] = base[i] >= 'a' && base[i] <= 'z' ? (char)(base[i] - 'a' + 'A') : base[i];
	id[n] = '\0';
	if (!oldc_template_id_ok(id)) {
		free(id);
		return NULL;
	}
	return id;
}

static int write_all(int fd, const char *data, size_t length)
{
	while (length > 0) {
		ssize_t n = write(fd, data, length);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		length -= (size_t)n;
	}
	return 0;
}

static int refuse_existing(const oldc_cli *cli, const char *path)
{
	fprintf(stderr, _("%s: '%s' exists: oldc init does not overwrite a file (--force does)\n"), cli->prog, path);
	return -1;
}

/*
 * Writes a new file `path` and never replaces one: the text goes to a temporary file
 * beside it, which is then linked to `path` (link() fails when `path` exists, so no
 * file written in between is lost) and removed. Where the file system has no hard links,
 * the file is created with O_EXCL and written in place. A FIFO or a device is written
 * directly. Returns 0, or -1 after saying why.
 */
static int write_new(const oldc_cli *cli, const char *path, const char *data, size_t length)
{
	struct stat st;
	if (lstat(path, &st) == 0) {
		if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))
			return refuse_existing(cli, path);
		return oldc_cli_write_to(cli, path, data, length); /* a FIFO, a device, or a directory's error */
	}
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
	const char *base = slash ? slash + 1 : path;
	char *tmp = malloc(dirlen + strlen(base) + 16);
	int saved = ENOMEM, rc = -1;
	if (!tmp)
		goto fail;
	sprintf(tmp, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		saved = errno;
		goto fail;
	}
	mode_t mask = umask(0);
	umask(mask);
	rc = fchmod(fd, 0666 & ~mask);
	if (rc == 0)
		rc = write_all(fd, data, length);
	if (rc == 0)
		rc = fsync(fd);
	saved = errno;
	if (close(fd) < 0 && rc == 0)
		rc = -1, saved = errno;
	if (rc == 0 && link(tmp, path) < 0) {
		saved = errno;
		rc = -1;
		if (saved == EEXIST) {
			unlink(tmp);
			free(tmp);
			return refuse_existing(cli, path);
		}
		if (saved == EPERM || saved == ENOTSUP || saved == EOPNOTSUPP || saved == EMLINK) {
			/* no hard links here: create the file exclusively instead */
			int out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
			if (out < 0 && errno == EEXIST) {
				unlink(tmp);
				free(tmp);
				return refuse_existing(cli, path);
			}
			rc = out < 0 ? -1 : write_all(out, data, length);
			saved = errno;
			if (out >= 0 && close(out) < 0 && rc == 0)
				rc = -1, saved = errno;
			if (out >= 0 && rc < 0)
				unlink(path);
		}
	}
	unlink(tmp);
fail:
	free(tmp);
	if (rc == 0)
		return 0;
	errno = saved;
	fprintf(stderr, _("%s: cannot write '%s': %s\n"), cli->prog, path, oldc_strerror(errno));
	return -1;
}

static void list_pilots(const oldc_policy *p, oldc_buf *out)
{
	const struct oldc_pilot_type *t = p->pilot.types.items;
	const struct oldc_entry *tiers = p->indicators.tiers.items;
	for (size_t i = 0; i < p->pilot.types.count; i++) {
		oldc_buf_printf(out, "%s\t%s", t[i].id->text, t[i].name ? t[i].name->text : "");
		if (t[i].name_en)
			oldc_buf_printf(out, " / %s", t[i].name_en->text);
		const oldc_node *const *req = t[i].required_tiers.items;
		for (size_t k = 0; k < t[i].required_tiers.count; k++)
			oldc_buf_printf(out, "%s%s", k ? ", " : "\t", tiers[req[k]->value.index].id->text);
		oldc_buf_putc(out, '\n');
	}
}

static void list_districts(const oldc_policy *p, oldc_buf *out)
{
	const struct oldc_district *d = p->districts.items;
	for (size_t i = 0; i < p->districts.count; i++)
		oldc_buf_printf(out, "%s\t%s\t%s\n", d[i].name->text, d[i].code->text,
				d[i].full_name ? d[i].full_name->text : "");
}

/* The district whose code starts `id` ("ZF-2024-101": 芝罘区), or NULL. */
static const struct oldc_district *district_of_id(const oldc_policy *p, const char *id)
{
	const char *dash = strchr(id, '-');
	if (!dash || dash - id != 2)
		return NULL;
	char code[3] = { id[0], id[1], '\0' };
	return oldc_policy_district_code(p, code);
}

/* The plan year an id gives ("ZF-2024-101": "2024"), in a caller's buffer, or NULL. */
static const char *plan_year_of_id(const char *id, char year[5])
{
	const char *dash = strchr(id, '-');
	if (!dash || strlen(dash) < 6 || (dash[5] != '-' && dash[5] != '\0'))
		return NULL;
	memcpy(year, dash + 1, 4);
	year[4] = '\0';
	return year;
}

/* The JSON Schema a new dossier names by default: the one `make install` put in
 * share/oldc beside the running program's bin/, by its absolute path, so that an editor
 * finds it wherever the dossier is saved. Returns that path, which the caller frees,
 * or NULL when oldc runs from a build tree (or is not installed that way): then the
 * default is the path the repository's examples use. */
static char *default_schema(void)
{
	char exe[4096], *installed = NULL;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 || (size_t)n >= sizeof exe - 1)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	static const char beside[] = "/../share/oldc/dossier.schema.json";
	char candidate[sizeof exe + sizeof beside];
	snprintf(candidate, sizeof candidate, "%s%s", exe, beside);
	if (access(candidate, F_OK) == 0)
		installed = realpath(candidate, NULL);
	return installed;
}

static void pilot_ids(const oldc_policy *p, oldc_buf *out)
{
	const struct oldc_pilot_type *t = p->pilot.types.items;
	for (size_t i = 0; i < p->pilot.types.count; i++)
		oldc_buf_printf(out, "%s%s", i ? ", " : "", t[i].id->text);
}

int cmd_init(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc init", .usage = usage, .formats = formats };
	char *installed_schema = default_schema();
	init_args a = { .schema = installed_schema ? installed_schema : "../schemas/dossier.schema.json" };
	int status = OLDC_EXIT_OK;
	char *id = NULL;
	oldc_buf out, list;
	oldc_buf_init(&out);
	oldc_buf_init(&list);
	if (oldc_cli_parse(&cli, argc, argv, options, handle, &a, &status) < 0)
		goto done;
	if (!a.list_pilots && !a.list_districts) {
		if (cli.n_operands != 1) {
			status = oldc_cli_usage_error(&cli, "%s", cli.n_operands ? _("one NAME only (quote a name with spaces)")
										: _("no NAME given (the community's name)"));
			goto done;
		}
		if (!text_ok(cli.operands[0])) {
			status = oldc_cli_usage_error(&cli, "%s", _("NAME must be text: UTF-8, not empty, no control characters"));
			goto done;
		}
		if (a.district && !text_ok(a.district)) {
			status = oldc_cli_usage_error(&cli, "%s", _("--district must be text: UTF-8, not empty, no control characters"));
			goto done;
		}
		if (!a.built_year) {
			status = oldc_cli_usage_error(&cli, "%s", _("--built-year YEAR is required (the year the community was completed)"));
			goto done;
		}
		if (a.id && !oldc_template_id_ok(a.id)) {
			status = oldc_cli_usage_error(&cli, _("'%s' is not a valid id: 1 to 64 letters, digits, '.', '_' or '-'"), a.id);
			goto done;
		}
		if (!a.id && !cli.output) {
			status = oldc_cli_usage_error(&cli, "%s", _("no id: give --id ID, or -o FILE, whose name makes the id"));
			goto done;
		}
		if (!a.id && !(id = id_from_path(cli.output))) {
			status = oldc_cli_usage_error(&cli, _("the name of '%s' makes no id: give --id ID"), cli.output);
			goto done;
		}
	}
	if (oldc_cli_load_policy(&cli) < 0) {
		status = OLDC_EXIT_INVALID;
		goto done;
	}
	const oldc_policy *p = cli.policy;
	if (a.list_pilots || a.list_districts) {
		if (a.list_pilots)
			list_pilots(p, &out);
		else
			list_districts(p, &out);
		oldc_cli_finish(&cli, &out, false, &status);
		goto done;
	}
	/* The district: as given, one of the policy's; else from the id's code. */
	const char *the_id = a.id ? a.id : id;
	char year_buf[5];
	if (!a.plan_year && plan_year_of_id(the_id, year_buf)) {
		/* only a year the policy covers; else the default below */
		const struct oldc_plan_year *py = p->plan_years.years.items;
		for (size_t i = 0; i < p->plan_years.years.count; i++)
			if (py[i].year->value.integer == strtol(year_buf, NULL, 10))
				a.plan_year = year_buf;
	}
	if (!a.district) {
		const struct oldc_district *from_id = district_of_id(p, the_id);
		if (!from_id) {
			status = oldc_cli_usage_error(&cli, "%s", _("--district DISTRICT is required (the district, e.g. 芝罘区), "
								    "unless the id starts with a district's code (ZF-2024-101)"));
			goto done;
		}
		a.district = from_id->name->text;
	} else if (p->districts.count) {
		bool oom = false;
		const struct oldc_district *known = oldc_policy_district(p, a.district, &oom);
		if (!known) {
			list_districts(p, &list);
			status = oldc_cli_usage_error(&cli, _("unknown district '%s': one of the policy's (oldc init --list-districts)"),
						      a.district);
			goto done;
		}
		a.district = known->name->text;
	}
	oldc_template t = { .id = a.id ? a.id : id, .name = cli.operands[0], .district = a.district,
			    .pilot_type = -1, .schema = a.schema };
	if (!parse_year(a.built_year, &oldc_t_year, &t.built_year)) {
		status = oldc_cli_usage_error(&cli, _("--built-year needs a year from %jd to %jd, not '%s'"),
					      (intmax_t)oldc_t_year.min, (intmax_t)oldc_t_year.max, a.built_year);
		goto done;
	}
	const struct oldc_plan_year *years = p->plan_years.years.items;
	t.plan_year = years[0].year->value.integer;
	if (a.plan_year) {
		size_t i = 0;
		int64_t y = 0;
		if (parse_year(a.plan_year, &oldc_t_year, &y))
			while (i < p->plan_years.years.count && years[i].year->value.integer != y)
				i++;
		if (y == 0 || i == p->plan_years.years.count) {
			for (size_t k = 0; k < p->plan_years.years.count; k++)
				oldc_buf_printf(&list, "%s%jd", k ? ", " : "", (intmax_t)years[k].year->value.integer);
			status = oldc_cli_usage_error(&cli, _("--plan-year '%s' is not a year the policy covers (%s)"),
						      a.plan_year, list.data ? list.data : "");
			goto done;
		}
		t.plan_year = y;
	}
	if (a.pilot && (t.pilot_type = oldc_policy_find(p, OLDC_CAT_PILOT_TYPE, a.pilot)) < 0) {
		pilot_ids(p, &list);
		status = oldc_cli_usage_error(&cli, _("unknown pilot type '%s' (one of: %s)"), a.pilot,
					      list.data ? list.data : "");
		goto done;
	}
	/* A community completed after the policy's year is no old community: only a
	 * pilot of a type that needs none (the planned new build) may be one. Said now,
	 * not when oldc check first finds the dossier ineligible. */
	bool needs_old = t.pilot_type < 0 ||
			 ((const struct oldc_pilot_type *)p->pilot.types.items)[t.pilot_type]
				 .old_community_required->value.boolean;
	if (needs_old && t.built_year > p->old_community.built_by_year->value.integer)
		fprintf(stderr, _("%s: warning: built in %jd: an old community (城镇老旧小区) is one completed "
				  "by the end of %jd, so oldc check will find it ineligible (%s) unless it is "
				  "a pilot of a type that needs none\n"),
			cli.prog, (intmax_t)t.built_year,
			(intmax_t)p->old_community.built_by_year->value.integer, p->old_community.clause->text);
	if (oldc_template_dossier(&out, p, &t) < 0) {
		fprintf(stderr, _("%s: out of memory\n"), cli.prog);
		status = OLDC_EXIT_INVALID;
		goto done;
	}
	/* What oldc init writes, oldc validate accepts: checked here, so that a policy file
	 * or a name the template does not yet handle is a message, not a broken file. */
	oldc_diags diags;
	oldc_diags_init(&diags);
	oldc_dossier *d = oldc_dossier_load(cli.prog, out.data, out.len, p, NULL, &diags);
	bool oom = diags.out_of_memory;
	for (size_t i = 0; i < diags.count; i++)
		oom |= strcmp(diags.items[i].rule, "io.memory") == 0;
	if (!d && oom)
		fprintf(stderr, _("%s: out of memory\n"), cli.prog);
	else if (!d) {
		oldc_cli_print_diags(&diags, 0, diags.count);
		fprintf(stderr, _("%s: the new dossier would not be valid, so nothing was written (a bug: please report it)\n"),
			cli.prog);
	}
	if (!d)
		status = OLDC_EXIT_INVALID;
	oldc_dossier_free(d);
	oldc_diags_release(&diags);
	if (status != OLDC_EXIT_OK)
		goto done;
	if (cli.output && !a.force) {
		if (write_new(&cli, cli.output, out.data, out.len) < 0)
			status = OLDC_EXIT_INVALID;
	} else if (oldc_cli_write_to(&cli, cli.output, out.data, out.len) < 0)
		status = OLDC_EXIT_INVALID;
done:
	oldc_buf_release(&out);
	oldc_buf_release(&list);
	free(id);
	free(installed_schema);
	oldc_cli_release(&cli);
	return status;
}
