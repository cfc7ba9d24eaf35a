/*
 * cli.h: what every oldc command shares: the command table, the shared options of
 * oldc(1) (parsed in one place), the list of inputs, and output that is written
 * in full or not at all.
 *
 * How to add a command (the git way: one program, `oldc`, holds every command):
 *  1. write `int cmd_NAME(int argc, char **argv)` in src/cli/cmd_NAME.c; its return
 *     value is the exit status (0 passed, 1 failed, 2 invalid input or usage);
 *  2. add a row to the table in commands.c; `oldc NAME` runs it, and so does a link
 *     named oldc-NAME to oldc (main_oldc.c dispatches on argv[0]'s base name: list
 *     the link in the Makefile's LINKS when the command should run under that name
 *     too, as check, vote, score and report do; own_page says whether `oldc help
 *     NAME` shows man/oldc-NAME.1 or oldc(1));
 *  3. parse options with oldc_cli_parse, so the shared ones mean the same everywhere;
 *     a command is parse, loop over the inputs, finish: its outputs are a table of
 *     formats of the library (oldc/output.h: {name, begin, one file, end}, the JSON
 *     envelope and the CI formats among them), named in the command's oldc_cli
 *     (.table) and its row of commands.c; oldc_cli_outputs_begin, _file and _finish
 *     drive them, and the usage text's @FORMATS@, --format's check and the bash
 *     completion (`oldc __complete formats NAME`) read the table;
 *  4. add man/oldc-NAME.1 (or a section of oldc.1) and golden cases.
 * `oldc NAME` for a NAME the table lacks runs the program oldc-NAME from beside oldc
 * or from PATH, as git does.
 *
 * How to add a format to a command: its renderer (src/lib/render_*.c), its row in the
 * command's table (src/lib/output_NAME.c), golden cases and the man page. No file of
 * src/cli names a format of those tables (`oldc explain` has its own two, text and
 * json, outside them).
 */
#ifndef OLDC_CLI_H
#define OLDC_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "oldc/oldc.h"
#include "oldc/check.h"
#include "oldc/render.h"
#include "hashset.h"
#include "oldc/output.h"

enum { OLDC_EXIT_OK = 0, OLDC_EXIT_FAILED = 1, OLDC_EXIT_INVALID = 2 };

typedef struct oldc_command {
	const char *name;
	int (*run)(int argc, char **argv);  /* argv[0]: "check", or "oldc-check" by a link */
	const char *summary;
	const oldc_output_format *formats;  /* its table (output.h), or NULL
	 * (then the formats are those of its oldc_cli) */
	bool own_page;               /* its manual is oldc-NAME(1), else a section of oldc(1) */
} oldc_command;

extern const oldc_command oldc_commands[];   /* terminated by a NULL name */

/* The commands. */
int cmd_validate(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_vote(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_fix(int argc, char **argv);
int cmd_config(int argc, char **argv);
int cmd_diff(int argc, char **argv);

/* A command-specific option: --name (with a value when has_value). */
typedef struct oldc_cli_option {
	const char *name;
	bool has_value;
} oldc_cli_option;

/* One output of a run: --format FORMAT, and where it goes (-o FILE after it). */
typedef struct oldc_cli_output {
	const char *format;
	const char *path;            /* NULL: standard output */
	bool exists;                 /* path names a file already (through a link): */
	unsigned long long dev, ino; /* its device and inode, to tell it from the inputs */
} oldc_cli_output;
enum { OLDC_CLI_OUTPUTS = 8 };   /* at most this many --format in one run */

typedef struct oldc_cli {
	const char *prog;            /* "oldc validate", "oldc-check": for messages */
	const char *usage;           /* the command's --help text; @FORMATS@ in it is replaced
				      * by the list of its formats */
	const oldc_output_format *table;  /* the formats it writes (output.h); first is default */
	const char *const *formats;  /* else their names, NULL-terminated; first is default */
	bool strict, quiet;
	bool verbose;                /* --verbose: the walk lists the YAML files it skipped */
	bool skip_non_dossiers;      /* --skip-non-dossiers: named files judged as a walk does */
	bool allow_outside;          /* --allow-outside (oldc-check, oldc-report) */
	bool bom;                    /* --bom: CSV begins with a UTF-8 byte order mark */
	const char *format;
	const char *output;          /* -o FILE, or NULL for stdout */
	/* Every output of the run, in the order of the --format options (format and output
	 * above are the first). One --format (or none) takes the -o wherever it stands;
	 * with several, each -o applies to the --format just before it, and one before any
	 * --format to the default format. At most one goes to standard output. */
	oldc_cli_output outputs[OLDC_CLI_OUTPUTS];
	size_t n_outputs;
	size_t n_format_options;     /* while parsing: --format options seen */
	const char *leading_output;  /* while parsing: a -o before any --format */
	const char *policy_file;     /* --policy, or NULL for the built-in policy */
	bool takes_stdin_filename;   /* set by the dossier commands: --stdin-filename is theirs */
	const char *stdin_filename;  /* --stdin-filename NAME: what standard input ("-") is
				      * named, or NULL */
	oldc_date as_of;
	oldc_lang lang;
	bool color;                  /* colour text on stdout */
	char **operands;
	int n_operands;
	oldc_policy *policy;         /* after oldc_cli_load_policy */
	/* The settings in force (settings_cli.c, oldc/settings.h): the file found upward
	 * from the current folder, and what the command line left to it. */
	oldc_settings *settings;     /* NULL: none */
	char *settings_dir;          /* owned: its folder, what its paths are relative to */
	char *settings_real_dir;     /* owned: the same as a real path, for the walk's globs;
				      * NULL when it cannot be had (then the globs take all) */
	char *settings_policy;       /* owned: its policy, as a path from here */
	bool as_of_given, lang_given; /* --as-of, --lang on the command line */
	bool as_of_from_commit;      /* as_of: commit set cli->as_of */
} oldc_cli;

/*
 * Parses argv (argv[0] is the command's name) into cli; command-specific options go to
 * `handle` (which returns 0, or -1 after printing a usage error). Returns -1 when the
 * command should exit with *status (after --help, --version or a usage error), 0 to go
 * on. Messages go to stderr.
 */
int oldc_cli_parse(oldc_cli *cli, int argc, char **argv, const oldc_cli_option *extra,
		   int (*handle)(oldc_cli *cli, const char *name, const char *value, void *ctx),
		   void *ctx, int *status);

/* The settings file (settings_cli.c): found upward from the current folder to the top
 * of the git work tree (the folder with .git; else up to /), or named by the
 * environment's OLDC_SETTINGS (empty: none). Read strictly; what the command line did
 * not say is taken from it: the policy file (--policy), the language (--lang), and for
 * `as_of: commit` the date of HEAD's commit (--as-of). Returns 0, or -1 after printing
 * its findings (*status 2). */
int oldc_cli_settings(oldc_cli *cli, int *status);
/* Whether a file a walk found is one the settings take (include and exclude globs,
 * relative to the settings file's folder). */
bool oldc_cli_settings_take(const oldc_cli *cli, const char *file);
/* Reads the dossier `file` (oldc_dossier_load, with cli->policy): "-" is standard
 * input, named cli->stdin_filename when that is set (findings, and the folder its
 * ballots paths resolve from). Returns NULL after adding the errors to `diags`. */
oldc_dossier *oldc_cli_dossier_load(const oldc_cli *cli, const char *file, oldc_diags *diags);
/* The name an input goes by in the output: cli->stdin_filename for "-" when that is
 * set, else `file` itself. */
const char *oldc_cli_input_name(const oldc_cli *cli, const char *file);

/* Loads --policy FILE or the built-in policy into cli->policy; on failure prints the
 * findings to stderr and returns -1 (exit 2). */
int oldc_cli_load_policy(oldc_cli *cli);
void oldc_cli_release(oldc_cli *cli);

/* Prints the findings [first, end) to stderr, one compiler-style line each (no colour:
 * stderr may be a log). */
void oldc_cli_print_diags(const oldc_diags *diags, size_t first, size_t end);

/* Says `text` on standard error. Under --format github the Actions runner reads
 * standard error for workflow commands too: then every line goes out as a log line
 * that starts with the program's name, escaped as GitHub's toolkit escapes data
 * (escape.h, oldc_gh_log), so nothing an input holds can start a command. */
void oldc_cli_stderr(const char *text);
/* The same, formatted. */
void oldc_cli_eprintf(const char *fmt, ...) OLDC_PRINTF(1, 2);

/* Prints a usage error ("PROG: MESSAGE" and a hint to --help) to stderr; returns 2. */
int oldc_cli_usage_error(const oldc_cli *cli, const char *fmt, ...) OLDC_PRINTF(2, 3);

/* The files named by the operands (oldc(1), Paths): a file
 * as given (with skip_non_dossiers, judged as a walk judges one), a directory searched
 * recursively (dot-entries skipped, names not *.yaml / *.yml in any case ignored,
 * symbolic links to directories not followed, YAML without a top-level oldc: key
 * skipped into *skipped), "-" as is; sorted within each directory. An entry that
 * cannot be read (a dangling link, a FIFO, a device, no permission, a path too long,
 * YAML that does not parse) and a dossier that is a symbolic link out of its
 * repository (unless allow_outside) are reported in `diags` and yield nothing.
 * Returns a NULL-terminated, malloc'd array of malloc'd strings (free both lists with
 * oldc_inputs_free), or NULL when out of memory. */
typedef struct oldc_inputs_options {
	bool skip_non_dossiers, allow_outside;
} oldc_inputs_options;
char **oldc_inputs(char **operands, int n, const oldc_inputs_options *opt, oldc_diags *diags, size_t *count,
		   char ***skipped, size_t *n_skipped);
void oldc_inputs_free(char **inputs);

/*
 * -o never names an input (issue 18): the outputs' files are identified by device and
 * inode once the options are read (oldc_cli_parse); each input is compared with them.
 * oldc_cli_input_is_output returns the -o path an input is (through links, hard links
 * and other names alike), or NULL; an input that cannot be stat'ed is no output.
 * oldc_cli_refuse_outputs records that one is, with a message on stderr: then no
 * output of the run is written (oldc_cli_finish*, exit 2). oldc_cli_dossier_sheets
 * compares the ballots sheets a dossier names, each as its check would open it, and
 * adds the error io.output to `diags` at the sheet's line; true when one is an output.
 */
const char *oldc_cli_input_is_output(const oldc_cli *cli, const char *input);
void oldc_cli_refuse_outputs(const oldc_cli *cli, const char *output, const char *input);
bool oldc_cli_outputs_refused(void);
bool oldc_cli_dossier_sheets(const oldc_cli *cli, const oldc_dossier *d, oldc_diags *diags);

/* Writes `data` to -o FILE (atomically) or to stdout, then checks that the write
 * really happened (a full disk, a closed pipe). Returns 0, or -1 after printing why
 * to stderr (the caller exits 2). */
int oldc_cli_write(const oldc_cli *cli, const char *data, size_t length);
/* The same to `path` (NULL: standard output). */
int oldc_cli_write_to(const oldc_cli *cli, const char *path, const char *data, size_t length);

/* Whether output k is text in colour (--color, and only on standard output). */
bool oldc_cli_color(const oldc_cli *cli, size_t k);

/* What every command does first: parse the options, insist on at least one operand
 * (`missing` is the usage error without one) and load the policy. Returns -1 when the
 * command should exit with *status. */
int oldc_cli_start(oldc_cli *cli, int argc, char **argv, const oldc_cli_option *extra,
		   int (*handle)(oldc_cli *cli, const char *name, const char *value, void *ctx),
		   void *ctx, const char *missing, int *status);

/* The dossiers the operands name (oldc_inputs). Operands that cannot be read, and a
 * batch that finds no dossier at all, are reported on stderr and make *status 2.
 * Returns NULL when out of memory. */
/* The ids of a batch so far (batch.c): the library's hash set (hashset.h) of the ids,
 * each slot's value the index of where it was seen. Zero-initialised: empty. */
typedef struct oldc_batch_seen {
	const char *file;
	unsigned line;
} oldc_batch_seen;
typedef struct oldc_batch_ids {
	oldc_hashset set;
	oldc_arena *arena;           /* the copies of the ids and files */
	oldc_batch_seen *seen;
	size_t n_seen, cap_seen;
} oldc_batch_ids;

/* Records a dossier's id (of `file`, at line:column). Returns 0 when it is new; 1 when
 * an earlier dossier of the batch has it, after adding the error batch.duplicate_id to
 * `diags` at line:column; -1 when out of memory. Release with oldc_batch_ids_release. */
int oldc_batch_ids_check(oldc_batch_ids *set, const char *id, const char *file, unsigned line, unsigned column,
			 oldc_diags *diags);
void oldc_batch_ids_release(oldc_batch_ids *set);

/* -j N (jobs.c): `work` makes item i's record (bytes) into `out`; `collect` receives
 * the records in item order, each once. With jobs > 1 the items are shared among that
 * many child processes; a share whose child fails is done in this process. */
typedef void (*oldc_job_fn)(size_t i, oldc_buf *out, void *ctx);
typedef void (*oldc_job_collect)(size_t i, const char *record, size_t length, void *ctx);
void oldc_jobs_run(size_t n, unsigned jobs, oldc_job_fn work, void *ctx, oldc_job_collect collect, void *cctx);

char **oldc_cli_dossiers(const oldc_cli *cli, size_t *count, int *status);
/* How many YAML files the walks of oldc_cli_dossiers skipped as no dossiers (listed on
 * stderr under --verbose; JSON summary.skipped). */
size_t oldc_cli_skipped(void);

/* Writes the command's output, or says that memory ran out; either failure makes
 * *status 2. Releases `out`. */
void oldc_cli_finish(const oldc_cli *cli, oldc_buf *out, bool out_of_memory, int *status);
/* The same for every output: outs[k] goes where cli->outputs[k] says. Releases them. */
void oldc_cli_finish_all(const oldc_cli *cli, oldc_buf *outs, bool out_of_memory, int *status);

/* The names of a table's formats, ", "-separated, the first marked the default, as
 * the usage text and a usage error list them, into `out`. */
void oldc_cli_format_list(const oldc_cli *cli, oldc_buf *out);

/*
 * The outputs of a run (outputs.c), one oldc_output (output.h) of cli->table per
 * --format: oldc_cli_outputs_begin starts them, oldc_cli_outputs_file hands each the
 * result of one input (the command's item), in order, and oldc_cli_outputs_finish
 * ends them with the command's summary and writes them (oldc_cli_finish_all); with
 * out_of_memory, or when an output ran out of memory, nothing is written and *status
 * is 2. The options they share (opt) come from cli.
 */
typedef struct oldc_cli_outputs {
	oldc_output_options opt;
	oldc_output outs[OLDC_CLI_OUTPUTS];
	size_t n;
	/* The repository the CI formats name files relative to (render.h): the working
	 * directory, and the git work tree of the first file of a finding that lies in one,
	 * looked up on the file system before that finding is handed over (the renderers
	 * read no file). The struct must not move after oldc_cli_outputs_begin: the
	 * outputs point at `repo`. */
	bool needs_repo;             /* a sarif or github output */
	oldc_repo repo;
	char *cwd, *root, *probed;   /* owned: repo's strings, the last file looked up */
	bool repo_failed;            /* memory ran out looking */
} oldc_cli_outputs;
void oldc_cli_outputs_begin(const oldc_cli *cli, oldc_cli_outputs *o);
void oldc_cli_outputs_file(oldc_cli_outputs *o, const void *item);
/* Looks up the run's work tree (for o->repo), if not yet known and an output needs it:
 * that of the first file of a finding of `f` that lies in one (the nearest ancestor with
 * a .git entry). oldc_cli_outputs_file does it; a command that hands items to the
 * outputs itself (oldc-check's -j parent) calls it first. */
void oldc_cli_outputs_locate(oldc_cli_outputs *o, const oldc_output_file *f);
/* Whether an output of the run shows the findings of an unreadable input itself
 * (oldc_output_format.says_invalid). */
bool oldc_cli_outputs_say_invalid(const oldc_cli_outputs *o);
void oldc_cli_outputs_finish(const oldc_cli *cli, oldc_cli_outputs *o, const void *summary, bool out_of_memory,
			     int *status);

/* Findings as bytes (ci.c), for a -j record of oldc-check, and back: the rule and
 * clause of what oldc_ci_unpack adds point into `data`, which must outlive `diags`.
 * Returns the bytes read, or 0 when the data is not whole. */
void oldc_ci_pack(oldc_buf *out, const oldc_diags *diags, size_t first, size_t end);
size_t oldc_ci_unpack(const char *data, size_t length, oldc_diags *diags);

#endif
