/* file.c: opening an input within a size limit, and reading it whole (file.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "file.h"
#include "i18n.h"

int oldc_open_input(const char *file, size_t limit, bool *regular, oldc_diags *diags)
{
	int fd = strcmp(file, "-") == 0 ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.read", NULL,
			      _("cannot open '%s': %s"), file, oldc_strerror(errno));
		return -1;
	}
	struct stat st;
	bool known = fstat(fd, &st) == 0;
	*regular = known && S_ISREG(st.st_mode);
	if (known && S_ISDIR(st.st_mode))
		oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.read", NULL, _("'%s' is a directory"), file);
	else if (*regular && (uintmax_t)st.st_size > limit)
		oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "limit.file_size", NULL,
			      _("the file is %jd bytes, over the limit of %zu bytes"), (intmax_t)st.st_size, limit);
	else
		return fd;
	if (fd != STDIN_FILENO)
		close(fd);
	return -1;
}

/* Reads at most limit + 1 bytes of `file` ("-": stdin) into a malloc'd buffer. A
 * regular file over the limit is refused by its size, before anything is read. */
char *oldc_read_file(const char *file, size_t limit, size_t *length, oldc_diags *diags)
{
	bool regular;
	int fd = oldc_open_input(file, limit, &regular, diags);
	return fd < 0 ? NULL : oldc_read_fd(fd, file, limit, length, diags);
}

char *oldc_read_fd(int fd, const char *file, size_t limit, size_t *length, oldc_diags *diags)
{
	/* a regular file's size is known: one exact allocation (a 64 KiB one freed per
	 * dossier makes glibc consolidate its heap every time) */
	struct stat st;
	size_t cap = 64 * 1024, len = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size < limit)
		cap = (size_t)st.st_size + 1;
	char *data = malloc(cap);
	if (!data)
		goto oom;
	for (;;) {
		if (len == cap) {
			if (cap > limit) {
				free(data);
				oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "limit.file_size", NULL,
					      _("the input is over the limit of %zu bytes"), limit);
				goto fail;
			}
			char *p = realloc(data, cap * 2);
			if (!p) {
				free(data);
				goto oom;
			}
			data = p;
			cap *= 2;
		}
		ssize_t n = read(fd, data + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.read", NULL,
				      _("cannot read '%s': %s"), file, oldc_strerror(errno));
			free(data);
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > limit) {
			free(data);
			oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "limit.file_size", NULL,
				      _("the input is over the limit of %zu bytes"), limit);
			goto fail;
		}
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (len == cap) {
		char *p = realloc(data, cap + 1);
		if (!p) {
			free(data);
			goto oom;
		}
		data = p;
	}
	data[len] = '\0';
	*length = len;
	return data;
oom:
	oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.memory", NULL, _("out of memory"));
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	return NULL;
}
