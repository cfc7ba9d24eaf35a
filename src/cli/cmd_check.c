/*
 * cmd_check.c: oldc-check, the policy applied to each dossier (check.h): may the
 * community be listed for renovation, may it be a pilot, is it complete, may it apply
 * for evaluation. Files are read, checked, rendered and freed one at a time, so a
 * city's repository costs the memory of one dossier; the output is written at the end,
 * whole or not at all.
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "i18n.h"

static const char usage[] =
	"usage: oldc-check [OPTIONS] PATH...\n"
	"\n"
	"Applies the policy to each dossier: may the community be listed for renovation\n"
	"(eligible, deferred 暂缓, ineligible), may it be a Beautiful Community pilot\n"
	"(eligible, conditional, ineligible, none), is the renovation complete, may the\n"
	"pilot apply for evaluation. PATH is a file, a directory (searched for *.yaml\n"
	"and *.yml) or - for standard input.\n"
	"\n"
	"Options:\n"
	"  --as-of YYYY-MM-DD    the date deadlines are judged against (default today)\n"
	"  --format text|json    output format (default text)\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --strict              warnings fail too (exit 1)\n"
	"  --allow-outside       ballots sheets may lie outside the dossier's repository\n"
	"  --policy FILE         use this policy file instead of the built-in one\n"
	"  --lang zh|en          language of messages (default from the locale)\n"
	"  --color auto|always|never\n"
	"  -q, --quiet           print findings only: no verdict blocks, no summary\n"
	"  -h, --help            this help\n"
	"  --version             the version\n"
	"\n"
	"Exit status: 0 every dossier passed (incomplete, not ready, conditional and\n"
	"none are statuses, not failures), 1 an error finding (deferred, ineligible ...)\n"
	"or, with --strict, a warning, 2 an invalid or unreadable file, a usage error, or\n"
	"output that could not be written. See man oldc-check(1) for every rule.\n";

static const char *const formats[] = { "text", "json", NULL };

static const oldc_cli_option options[] = { { "allow-outside", false }, { NULL, false } };

static int handle(oldc_cli *cli, const char *name, const char *value, void *ctx)
{
	(void)cli, (void)name, (void)value;
	*(bool *)ctx = true; /* --allow-outside */
	return 0;
}


typedef struct tally {
	size_t files, valid, by_renovation[3], by_pilot[4], errors, warnings, notes;
} tally;

static void count(tally *t, const oldc_diags *d, size_t from)
{
	t->errors += oldc_diags_count(d, from, OLDC_ERROR);
	t->warnings += oldc_diags_count(d, from, OLDC_WARNING);
	t->notes += oldc_diags_count(d, from, OLDC_NOTE);
}

int cmd_check(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc-check", .usage = usage, .formats = formats };
	int status;
	bool allow_outside = false;
	if (oldc_cli_start(&cli, argc, argv, options, handle, &allow_outside,
			   "no dossier given (a file, a directory, or - for standard input)", &status) < 0)
		goto done;
	bool json = strcmp(cli.format, "json") == 0;
	size_t n = 0;
	char **files = oldc_cli_dossiers(&cli, &n, &status);
	oldc_batch_ids seen = { 0 };
	oldc_buf out;
	oldc_buf_init(&out);
	tally t = { 0 };
	bool oom = !files;
	if (json)
		oldc_cli_json_open(&cli, &out);
	for (size_t i = 0; !oom && i < n; i++) {
		oldc_diags diags;
		oldc_diags_init(&diags);
		oldc_dossier *d = oldc_dossier_load(files[i], NULL, 0, cli.policy, NULL, &diags);
		oldc_check_result r;
		t.files++;
		if (d) {
			t.valid++;
			oldc_check_options opt = { .as_of = cli.as_of, .allow_outside = allow_outside };
			if (oldc_check(d, cli.policy, &opt, &diags, &r) < 0)
				oom = true;
			if (r.input_invalid)
				status = OLDC_EXIT_INVALID;
			t.by_renovation[r.renovation]++;
			t.by_pilot[r.pilot]++;
			oom |= oldc_batch_ids_check(&seen, d, &diags) < 0;
		}
		oldc_diags_sort(&diags, 0);
		count(&t, &diags, 0);
		if (!d)
			status = OLDC_EXIT_INVALID;
		else if (status == OLDC_EXIT_OK &&
			 (oldc_diags_count(&diags, 0, OLDC_ERROR) || (cli.strict && oldc_diags_count(&diags, 0, OLDC_WARNING))))
			status = OLDC_EXIT_FAILED;
		if (json) {
			oldc_buf_puts(&out, i ? ",\n  " : "\n  ");
			oldc_render_check_json(&out, files[i], d, d ? &r : NULL, cli.policy, &diags, 0, diags.count);
		} else if (cli.quiet) {
			for (size_t k = 0; k < diags.count; k++)
				oldc_render_diag_text(&out, &diags.items[k], cli.color);
		} else {
			if (i)
				oldc_buf_putc(&out, '\n');
			oldc_render_check_text(&out, files[i], d, d ? &r : NULL, cli.policy, &diags, 0,
					       diags.count, cli.color);
		}
		oom |= diags.out_of_memory;
		oldc_dossier_free(d);
		oldc_diags_release(&diags);
	}
	if (json)
		oldc_buf_printf(&out, "%s],\n \"summary\": {\"files\": %zu, \"valid\": %zu, \"invalid\": %zu, "
				"\"errors\": %zu, \"warnings\": %zu, \"notes\": %zu,\n  \"renovation\": "
				"{\"eligible\": %zu, \"deferred\": %zu, \"ineligible\": %zu},\n  \"pilot\": "
				"{\"eligible\": %zu, \"conditional\": %zu, \"ineligible\": %zu}}}\n",
				n ? "\n " : "", t.files, t.valid, t.files - t.valid, t.errors, t.warnings, t.notes,
				t.by_renovation[0], t.by_renovation[1], t.by_renovation[2],
				t.by_pilot[0], t.by_pilot[1], t.by_pilot[2]);
	else if (!cli.quiet) {
		oldc_buf_printf(&out, t.files == 1 ? _("\n%zu dossier, %zu invalid.") : _("\n%zu dossiers, %zu invalid."),
				t.files, t.files - t.valid);
		oldc_buf_printf(&out, _(" Renovation: %zu eligible, %zu deferred, %zu ineligible."),
				t.by_renovation[0], t.by_renovation[1], t.by_renovation[2]);
		if (t.valid > t.by_pilot[OLDC_PILOT_NONE])
			oldc_buf_printf(&out, _(" Pilots: %zu eligible, %zu conditional, %zu ineligible."),
					t.by_pilot[0], t.by_pilot[1], t.by_pilot[2]);
		oldc_buf_printf(&out, _(" Findings: %zu %s, %zu %s, %zu %s.\n"),
				t.errors, t.errors == 1 ? _("error") : _("errors"),
				t.warnings, t.warnings == 1 ? _("warning") : _("warnings"),
				t.notes, t.notes == 1 ? _("note") : _("notes"));
	}
	oldc_cli_finish(&cli, &out, oom, &status);
	oldc_batch_ids_release(&seen);
	oldc_inputs_free(files);
done:
	oldc_cli_release(&cli);
	return status;
}
