/*
 * output.c: writing a command's output in full or not at all. A regular -o file is
 * replaced atomically (a temporary file beside it, then rename), so a reader never
 * sees half a report and a failed run leaves the old file as it was. A device or a
 * FIFO is written directly: renaming over /dev/stdout would be a disaster. A symbolic
 * link is written through: the file it points at is replaced, the link stays. An -o
 * that names an input of the run is refused, and then nothing is written (issue 18).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <limits.h>
#include <unistd.h>
#include "cli.h"
#include "i18n.h"

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

/* Says why `path` (NULL: standard output) could not be written; returns -1. */
static int fail(const oldc_cli *cli, const char *path)
{
	if (path)
		oldc_cli_eprintf(_("%s: cannot write '%s': %s\n"), cli->prog, path, oldc_strerror(errno));
	else
		oldc_cli_eprintf(_("%s: cannot write to standard output: %s\n"), cli->prog, oldc_strerror(errno));
	return -1;
}

/* Writes the bytes straight into `target` (the file a dangling link names, made with
 * O_CREAT; a FIFO or a device): no temporary file, nothing to rename. */
static int write_through(const oldc_cli *cli, const char *path, const char *target, int create,
			 const char *data, size_t length)
{
	int fd = open(target, O_WRONLY | O_CLOEXEC | create, 0666);
	if (fd < 0)
		return fail(cli, path);
	int rc = write_all(fd, data, length);
	int saved = errno;
	if (close(fd) < 0 && rc == 0)
		rc = -1, saved = errno;
	errno = saved;
	return rc < 0 ? fail(cli, path) : 0;
}

static int write_file(const oldc_cli *cli, const char *path, const char *data, size_t length)
{
	struct stat st;
	/* a symbolic link is written through: what it points at is the target, and the
	 * temporary file goes beside that, so the rename replaces it and not the link */
	char real[PATH_MAX];
	const char *target = path;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		if (realpath(path, real))
			target = real;
		else if (errno == ENOENT) {
			/* a dangling link: the file it names is made, through the link */
			return write_through(cli, path, path, O_CREAT | O_TRUNC, data, length);
		} else
			return fail(cli, path);
	}
	if (stat(target, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return fail(cli, path);
		}
		return write_through(cli, path, target, 0, data, length);
	}
	/* The temporary file sits in the target's directory, so rename() stays within one
	 * file system and is atomic. Its name is short whatever the target's: a name of
	 * NAME_MAX bytes is a valid -o. */
	const char *slash = strrchr(target, '/');
	size_t dirlen = slash ? (size_t)(slash - target + 1) : 0;
	char *tmp = malloc(dirlen + sizeof ".oldc-XXXXXX");
	if (!tmp)
		return fail(cli, path);
	memcpy(tmp, target, dirlen);
	memcpy(tmp + dirlen, ".oldc-XXXXXX", sizeof ".oldc-XXXXXX");
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int saved = errno;
		free(tmp);
		errno = saved;
		return fail(cli, path);
	}
	mode_t mask = umask(0);
	umask(mask);
	int rc = fchmod(fd, stat(target, &st) == 0 ? st.st_mode & 07777 : 0666 & ~mask);
	if (rc == 0)
		rc = write_all(fd, data, length);
	if (rc == 0)
		rc = fsync(fd);
	int saved = errno;
	if (close(fd) < 0 && rc == 0)
		rc = -1, saved = errno;
	if (rc == 0 && rename(tmp, target) < 0)
		rc = -1, saved = errno;
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	errno = saved;
	return rc < 0 ? fail(cli, path) : 0;
}

static bool refused;

const char *oldc_cli_input_is_output(const oldc_cli *cli, const char *input)
{
	struct stat st;
	if (strcmp(input, "-") == 0 || stat(input, &st) != 0)
		return NULL;
	for (size_t k = 0; k < cli->n_outputs; k++) {
		const oldc_cli_output *o = &cli->outputs[k];
		if (o->path && o->exists && o->dev == (unsigned long long)st.st_dev &&
		    o->ino == (unsigned long long)st.st_ino)
			return o->path;
	}
	return NULL;
}

void oldc_cli_refuse_outputs(const oldc_cli *cli, const char *output, const char *input)
{
	refused = true;
	if (output) /* else a finding has said it */
		oldc_cli_eprintf(_("%s: -o '%s' is an input of this run ('%s'): nothing is written; give -o a "
				   "file that is not read\n"), cli->prog, output, input);
}

bool oldc_cli_outputs_refused(void)
{
	return refused;
}

static bool sheet_is_output(const oldc_cli *cli, const oldc_dossier *d, const oldc_node *sheet, oldc_diags *diags)
{
	if (!sheet)
		return false;
	/* the sheet as the check opens it: relative to the dossier's folder */
	const char *slash = strcmp(d->file, "-") == 0 ? NULL : strrchr(d->file, '/');
	size_t dirlen = sheet->text[0] == '/' || !slash ? 0 : (size_t)(slash - d->file + 1);
	char *path = malloc(dirlen + strlen(sheet->text) + 1);
	if (!path) {
		diags->out_of_memory = true;
		return false;
	}
	memcpy(path, d->file, dirlen);
	strcpy(path + dirlen, sheet->text);
	const char *output = oldc_cli_input_is_output(cli, path);
	if (output) {
		oldc_diag_add(diags, OLDC_ERROR, d->file, sheet->line, sheet->column, "io.output", NULL,
			      _("the sheet '%s' is also the output -o '%s': oldc never writes its inputs"), sheet->text,
			      output);
		/* said on stderr too: the outputs that would show the finding are not written */
		oldc_cli_refuse_outputs(cli, output, path);
	}
	free(path);
	return output != NULL;
}

bool oldc_cli_dossier_sheets(const oldc_cli *cli, const oldc_dossier *d, oldc_diags *diags)
{
	bool any = sheet_is_output(cli, d, d->preconditions.consultation.ballots, diags);
	const struct oldc_condition *c = d->pilot.conditions.items;
	for (size_t i = 0; c && i < d->pilot.conditions.count; i++)
		any |= sheet_is_output(cli, d, c[i].ballots, diags);
	return any;
}

int oldc_cli_write(const oldc_cli *cli, const char *data, size_t length)
{
	return oldc_cli_write_to(cli, cli->output, data, length);
}

int oldc_cli_write_to(const oldc_cli *cli, const char *path, const char *data, size_t length)
{
	if (path)
		return write_file(cli, path, data, length);
	if (length && fwrite(data, 1, length, stdout) != length)
		return fail(cli, NULL);
	if (fflush(stdout) != 0 || ferror(stdout))
		return fail(cli, NULL);
	return 0;
}
