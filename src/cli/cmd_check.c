/*
 * cmd_check.c: oldc-check, the policy applied to each dossier (check.h): may the
 * community be listed for renovation, may it be a pilot, is it complete, may it apply
 * for evaluation. Files are read, checked, rendered and freed one at a time, so a
 * city's repository costs the memory of one dossier; the output is written at the end,
 * whole or not at all.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "i18n.h"

static const char usage[] = N_(
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
	"  --format FORMAT       @FORMATS@\n"
	"                        (sarif, github and junit are for CI); repeat --format\n"
	"                        for several outputs, each -o FILE after it that\n"
	"                        output's file (at most one goes to standard output)\n"
	"  -o FILE               write the output to FILE (atomically)\n"
	"  --strict              warnings fail too (exit 1)\n"
	"  --allow-outside       ballots sheets may lie outside the dossier's repository\n"
	"  -j, --jobs N          check in N processes (output and exit status as with one);\n"
	"                        0 or auto: one per core\n"
	"  --policy FILE         use this policy file instead of the built-in one\n"
	"  --stdin-filename NAME the name standard input (-) goes by: in the findings,\n"
	"                        and the folder its ballots paths resolve from\n"
	"  --lang zh|en          language of messages (default from the locale)\n"
	"  --color auto|always|never\n"
	"  -q, --quiet           print findings only: no verdict blocks, no summary\n"
	"  -h, --help            this help\n"
	"  --version             the version\n"
	"\n"
	"Exit status: 0 every dossier passed (incomplete, not ready, conditional and\n"
	"none are statuses, not failures), 1 an error finding (deferred, ineligible ...)\n"
	"or, with --strict, a warning, 2 an invalid or unreadable file, a usage error, or\n"
	"output that could not be written. See man oldc-check(1) for every rule.\n");

static const oldc_cli_option options[] = { { "allow-outside", false }, { "jobs", true }, { "j", true }, { NULL, false } };

typedef struct check_args {
	bool allow_outside;
	unsigned jobs;
} check_args;

static int handle(oldc_cli *cli, const char *name, const char *value, void *ctx)
{
	check_args *a = ctx;
	if (strcmp(name, "jobs") == 0 || strcmp(name, "j") == 0) {
		/* 0 and auto: one process per core online, within the same bounds */
		char *end;
		long j = strcmp(value, "auto") == 0 ? 0 : strtol(value, &end, 10);
		if (strcmp(value, "auto") != 0 && (!*value || *end || j < 0 || j > 256))
			return oldc_cli_usage_error(cli, _("--jobs takes a number of processes from 1 to 256, or 0 or auto "
							   "for one per core, not '%s'"), value), -1;
		if (j == 0) {
			long cores = sysconf(_SC_NPROCESSORS_ONLN);
			j = cores < 1 ? 1 : cores > 256 ? 256 : cores;
		}
		a->jobs = (unsigned)j;
	} else
		a->allow_outside = cli->allow_outside = true;
	return 0;
}


/* What one dossier's check leaves for the batch, made by check_one (perhaps in a
 * child process, jobs.c) and passed on as the head of its record; then come the id,
 * each output's rendering of the file (a length, the bytes; nothing for a format that
 * keeps state across files, which the parent renders) and, when such a format is
 * asked for, the findings themselves (ci.c). */
typedef struct file_result {
	bool loaded, input_invalid, failed, out_of_memory;
	bool sheet_is_output;      /* a ballots sheet it names is an -o of the run */
	int renovation, pilot;
	size_t errors, warnings, notes;
	size_t suppressed;         /* findings of its sheets beyond their cap, counted only */
	unsigned id_line, id_column;
	size_t id_length;
} file_result;

typedef struct batch {
	oldc_cli *cli;
	check_args *args;
	char **files;
	oldc_batch_ids *seen;      /* NULL: ids are checked by the caller */
	oldc_cli_outputs *outs;    /* the run's outputs: their formats and options */
	bool across;               /* a format keeps state across files: records carry the findings */
	/* the parent's side */
	oldc_check_summary summary;
	int *status;
	bool oom;
} batch;

static oldc_junit_outcome outcome_of(const file_result *fr)
{
	return !fr->loaded || fr->input_invalid ? OLDC_JUNIT_INVALID : fr->failed ? OLDC_JUNIT_FAILED : OLDC_JUNIT_PASSED;
}

/* Reads, checks and renders file i into `out`: a file_result, the id, each output's
 * text, the findings. */
static void check_one(size_t i, oldc_buf *out, void *ctx)
{
	batch *b = ctx;
	const oldc_cli *cli = b->cli;
	oldc_diags diags;
	oldc_diags_init(&diags);
	oldc_dossier *d = oldc_cli_dossier_load(cli, b->files[i], &diags);
	oldc_check_result r;
	file_result fr = { .loaded = d != NULL };
	if (d) {
		oldc_check_options opt = { .as_of = cli->as_of, .settings = cli->settings };
		oldc_load_options lopt = { .allow_outside = b->args->allow_outside };
		fr.sheet_is_output = oldc_cli_dossier_sheets(cli, d, &diags);
		oldc_loaded loaded;
		int load = oldc_load(d, &lopt, &loaded);
		fr.out_of_memory = oldc_check(&loaded, cli->policy, &opt, &diags, &r) < 0 || load < 0;
		oldc_loaded_release(&loaded);
		if (b->seen)
			fr.out_of_memory |= oldc_batch_ids_check(b->seen, d->id->text, d->file, d->id->line, d->id->column,
								 &diags) < 0;
		fr.input_invalid = r.input_invalid;
		fr.suppressed = r.suppressed;
		fr.renovation = r.renovation;
		fr.pilot = r.pilot;
		fr.id_line = d->id->line;
		fr.id_column = d->id->column;
		fr.id_length = strlen(d->id->text);
	}
	oldc_diags_sort(&diags, 0);
	fr.errors = oldc_diags_count(&diags, 0, OLDC_ERROR);
	fr.warnings = oldc_diags_count(&diags, 0, OLDC_WARNING);
	fr.notes = oldc_diags_count(&diags, 0, OLDC_NOTE);
	fr.failed = fr.errors || (cli->strict && fr.warnings);
	fr.out_of_memory |= diags.out_of_memory;
	size_t head = out->len;
	oldc_buf_put(out, (const char *)&fr, sizeof fr);
	if (d)
		oldc_buf_put(out, d->id->text, fr.id_length);
	oldc_check_item item = {
		.base = { .file = oldc_cli_input_name(b->cli, b->files[i]), .id = d ? d->id->text : NULL, .outcome = outcome_of(&fr),
			  .diags = &diags, .first = 0, .end = diags.count },
		.dossier = d, .result = d ? &r : NULL };
	oldc_buf text;
	oldc_buf_init(&text);
	for (size_t k = 0; k < b->outs->n; k++) {
		const oldc_output *o = &b->outs->outs[k];
		text.len = 0;
		if (!o->format->across_files)
			oldc_output_render_file(o->format, o->opt, o->color, i, &item, &text);
		uint64_t length = text.len;
		oldc_buf_put(out, (const char *)&length, sizeof length);
		oldc_buf_put(out, text.data ? text.data : "", text.len);
		fr.out_of_memory |= text.failed;
	}
	if (b->across)
		oldc_ci_pack(out, &diags, 0, diags.count);
	if (fr.out_of_memory && out->len >= head + sizeof fr) /* said in the record's head */
		memcpy(out->data + head, &fr, sizeof fr);
	oldc_buf_release(&text);
	oldc_dossier_free(d);
	oldc_diags_release(&diags);
}

/* A record's parts (check_one); false when it is not whole (its memory ran out). */
typedef struct record {
	file_result fr;
	const char *id;
	const char *text[OLDC_CLI_OUTPUTS];
	size_t length[OLDC_CLI_OUTPUTS];
	const char *findings;
	size_t findings_length;
} record;

static bool parse_record(const batch *b, const char *data, size_t length, record *rec)
{
	const char *p = data, *end = data + length;
	if (length < sizeof rec->fr)
		return false;
	memcpy(&rec->fr, p, sizeof rec->fr);
	p += sizeof rec->fr;
	if (rec->fr.id_length > (size_t)(end - p))
		return false;
	rec->id = p;
	p += rec->fr.id_length;
	for (size_t k = 0; k < b->outs->n; k++) {
		uint64_t n;
		if ((size_t)(end - p) < sizeof n)
			return false;
		memcpy(&n, p, sizeof n);
		p += sizeof n;
		if (n > (uint64_t)(end - p))
			return false;
		rec->text[k] = p;
		rec->length[k] = (size_t)n;
		p += n;
	}
	rec->findings = p;
	rec->findings_length = (size_t)(end - p);
	return true;
}

/* Adds file i's record to the outputs, in order. Ids are unique in a batch: a dossier
 * whose id came before is checked again here, with the set of ids, so that its
 * findings name the first one (rare: one more check per copy). */
static void collect(size_t i, const char *data, size_t length, void *ctx)
{
	batch *b = ctx;
	const oldc_cli *cli = b->cli;
	record rec;
	oldc_buf again;
	oldc_buf_init(&again);
	if (!parse_record(b, data, length, &rec)) {
		b->oom = true; /* a record that is not whole: its memory ran out */
		return;
	}
	if (rec.fr.loaded) {
		char *copy = strndup(rec.id, rec.fr.id_length);
		oldc_diags none;
		oldc_diags_init(&none);
		int dup = copy ? oldc_batch_ids_check(b->seen, copy, oldc_cli_input_name(b->cli, b->files[i]), rec.fr.id_line, rec.fr.id_column,
						       &none) : -1;
		oldc_diags_release(&none);
		free(copy);
		b->oom |= dup < 0;
		if (dup > 0) {
			check_one(i, &again, b); /* b->seen holds the first: the finding names it */
			if (again.failed || !parse_record(b, again.data, again.len, &rec)) {
				b->oom = true;
				oldc_buf_release(&again);
				return;
			}
		}
	}
	file_result fr = rec.fr;
	oldc_check_summary_add(&b->summary, fr.loaded, fr.renovation, fr.pilot, fr.errors, fr.warnings, fr.notes,
			       fr.suppressed);
	if (fr.sheet_is_output)
		oldc_cli_refuse_outputs(cli, NULL, NULL); /* its finding says which */
	if (!fr.loaded || fr.input_invalid || fr.sheet_is_output)
		*b->status = OLDC_EXIT_INVALID;
	else if (*b->status == OLDC_EXIT_OK && fr.failed)
		*b->status = OLDC_EXIT_FAILED;
	b->oom |= fr.out_of_memory;
	oldc_diags diags;
	oldc_diags_init(&diags);
	char *id = fr.loaded ? strndup(rec.id, fr.id_length) : NULL;
	if (b->across && (oldc_ci_unpack(rec.findings, rec.findings_length, &diags) == 0 || (fr.loaded && !id)))
		b->oom = true;
	/* what the formats that keep state across files read: the file, its id and findings */
	oldc_check_item item = { .base = { .file = oldc_cli_input_name(b->cli, b->files[i]), .id = id, .outcome = outcome_of(&fr),
					   .diags = &diags, .first = 0, .end = diags.count } };
	if (!b->oom)
		oldc_cli_outputs_locate(b->outs, &item.base);
	for (size_t k = 0; k < b->outs->n; k++) {
		oldc_output *o = &b->outs->outs[k];
		if (o->format->across_files) {
			if (!b->oom)
				oldc_output_file_add(o, &item);
		} else {
			oldc_buf_put(&o->out, rec.text[k], rec.length[k]);
			o->files++;
			o->results++;
		}
	}
	b->oom |= diags.out_of_memory;
	free(id);
	oldc_diags_release(&diags);
	oldc_buf_release(&again);
}

int cmd_check(int argc, char **argv)
{
	oldc_cli cli = { .prog = "oldc-check", .takes_stdin_filename = true, .usage = usage, .table = oldc_check_formats };
	int status;
	check_args args = { .jobs = 1 };
	if (oldc_cli_start(&cli, argc, argv, options, handle, &args,
			   N_("no dossier given (a file, a directory, or - for standard input)"), &status) < 0)
		goto done;
	size_t n = 0;
	char **files = oldc_cli_dossiers(&cli, &n, &status);
	oldc_batch_ids seen = { 0 };
	oldc_cli_outputs outs;
	oldc_cli_outputs_begin(&cli, &outs);
	bool across = false;
	for (size_t k = 0; k < outs.n; k++)
		across |= outs.outs[k].format->across_files;
	/* the children check without the ids; the parent checks them in order */
	batch work = { .cli = &cli, .args = &args, .files = files, .outs = &outs, .across = across };
	batch parent = work;
	parent.seen = &seen;
	parent.status = &status;
	parent.oom = !files;
	bool stdin_read = false;
	for (size_t i = 0; i < n; i++)
		stdin_read |= strcmp(files[i], "-") == 0;
	if (files) /* standard input can be read once, by one process */
		oldc_jobs_run(n, stdin_read ? 1 : args.jobs, check_one, &work, collect, &parent);
	parent.summary.skipped = oldc_cli_skipped();
	oldc_cli_outputs_finish(&cli, &outs, &parent.summary, parent.oom, &status);
	oldc_batch_ids_release(&seen);
	oldc_inputs_free(files);
done:
	oldc_cli_release(&cli);
	return status;
}
