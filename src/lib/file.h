/*
 * file.h: reading an input (a dossier, a ballots sheet, a policy) whole, within an
 * explicit size limit. A regular file over the limit is refused by its size before a
 * byte is read; a pipe is read up to the limit and refused past it.
 */
#ifndef OLDC_FILE_H
#define OLDC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include "oldc/diag.h"

/* Opens `file` ("-": standard input) for reading; *regular says whether it is a
 * regular file (which can be read twice). Returns the descriptor, or -1 after adding
 * an error (io.read; limit.file_size for a regular file over `limit`) to `diags`. */
int oldc_open_input(const char *file, size_t limit, bool *regular, oldc_diags *diags);

/* Reads the open descriptor `fd` of `file` to its end and closes it (unless it is
 * standard input), as oldc_read_file does. */
char *oldc_read_fd(int fd, const char *file, size_t limit, size_t *length, oldc_diags *diags);

/* Reads `file` ("-": standard input) into a malloc'd buffer (NUL-terminated, the NUL
 * not counted in *length). Returns NULL after adding an error (io.read,
 * limit.file_size, io.memory) to `diags`. The caller frees the buffer. */
char *oldc_read_file(const char *file, size_t limit, size_t *length, oldc_diags *diags);

#endif
