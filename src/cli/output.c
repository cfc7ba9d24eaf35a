/*
 * output.c: writing a command's output in full or not at all. A regular -o file is
 * replaced atomically (a temporary file beside it, then rename), so a reader never
 * sees half a report and a failed run leaves the old file as it was. A device or a
 * FIFO is written directly: renaming over /dev/stdout would be a disaster.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

static int write_file(const oldc_cli *cli, const char *path, const char *data, size_t length)
{
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return fail(cli, path);
		}
		int fd = open(path, O_WRONLY | O_CLOEXEC);
		if (fd < 0)
			return fail(cli, path);
		int rc = write_all(fd, data, length);
		int saved = errno;
		if (close(fd) < 0 && rc == 0)
			rc = -1, saved = errno;
		errno = saved;
		return rc < 0 ? fail(cli, path) : 0;
	}
	/* The temporary file sits in the target's directory, so rename() stays within one
	 * file system and is atomic. */
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
	const char *base = slash ? slash + 1 : path;
	char *tmp = malloc(dirlen + strlen(base) + 16);
	if (!tmp)
		return fail(cli, path);
	sprintf(tmp, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int saved = errno;
		free(tmp);
		errno = saved;
		return fail(cli, path);
	}
	mode_t mask = umask(0);
	umask(mask);
	int rc = fchmod(fd, stat(path, &st) == 0 ? st.st_mode & 07777 : 0666 & ~mask);
	if (rc == 0)
		rc = write_all(fd, data, length);
	if (rc == 0)
		rc = fsync(fd);
	int saved = errno;
	if (close(fd) < 0 && rc == 0)
		rc = -1, saved = errno;
	if (rc == 0 && rename(tmp, path) < 0)
		rc = -1, saved = errno;
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	errno = saved;
	return rc < 0 ? fail(cli, path) : 0;
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
