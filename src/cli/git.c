/*
 * git.c: revisions and the work tree as trees for `oldc diff` (git.h), read through git
 * itself. A revision is `git rev-parse` for its commit, `git show` for its date, `git
 * ls-tree` for its files and one `git cat-file --batch` kept running for their bytes;
 * the work tree is `git ls-files` for its files and the disk for their bytes, opened
 * folder by folder without following a link, so no file outside the work tree is read.
 *
 * git runs as a child of posix_spawnp with an argv array (no shell ever sees a path or
 * a revision), its output and its complaints read through pipes; we print nothing. A
 * parent that ignores SIGCHLD would have git reaped unseen (waitpid could not tell its
 * status), and one that ignores SIGPIPE would pass that on to git: the children start
 * with both at their defaults, and SIGCHLD is at its default while we wait.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "git.h"
#include "oldc/limits.h"
#include "i18n.h"

extern char **environ;

/* The longest record of git's output taken: a line of ls-tree is its mode, type and
 * object id (at most 79 bytes with SHA-256 ids) before a path under PATH_MAX. */
enum { RECORD_MAX = PATH_MAX + 128 };
/* What is read from cat-file at once. */
enum { CAT_BUFFER = 64 * 1024 };

#define GIT_ERROR(diags, file, ...) \
	(oldc_diag_add((diags), OLDC_ERROR, (file), 0, 0, "diff.git", NULL, __VA_ARGS__), -1)

static int out_of_memory(oldc_diags *diags, const char *file)
{
	oldc_diag_add(diags, OLDC_ERROR, file, 0, 0, "io.memory", NULL, "%s", _("out of memory"));
	return -1;
}

/* ---- children ---- */

/* A running git: its pid and our ends of its pipes (-1 where it has none). */
typedef struct child {
	pid_t pid;
	int in, out, err;
} child;

/* A pipe whose ends close on exec and are above the standard streams: were oldc started
 * with stdin closed, pipe() could return fd 0, which dup2(0, 0) in the child would leave
 * close-on-exec. Returns 0, or -1 with errno set. */
static int make_pipe(int fds[2])
{
	int raw[2];
	if (pipe(raw) < 0)
		return -1;
	fds[0] = fcntl(raw[0], F_DUPFD_CLOEXEC, 3);
	int e = errno;
	fds[1] = fds[0] < 0 ? -1 : fcntl(raw[1], F_DUPFD_CLOEXEC, 3);
	e = fds[1] < 0 ? errno : e;
	close(raw[0]);
	close(raw[1]);
	if (fds[1] < 0) {
		if (fds[0] >= 0)
			close(fds[0]);
		errno = e;
		return -1;
	}
	return 0;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Starts argv (argv[0] "git", found on PATH) with its stdin a pipe from us when `feed`
 * (else /dev/null), its stdout a pipe to us, its stderr a pipe to us when `complain`
 * (else /dev/null). Returns 0 with *c set, or an errno value with nothing left open. */
static int spawn(char *const argv[], bool feed, bool complain, child *c)
{
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, err[2] = { -1, -1 };
	int e = 0;
	if ((feed && make_pipe(in) < 0) || make_pipe(out) < 0 || (complain && make_pipe(err) < 0))
		e = errno;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	bool fa_made = false, attr_made = false;
	if (!e)
		e = posix_spawn_file_actions_init(&fa);
	fa_made = !e;
	if (!e)
		e = posix_spawnattr_init(&attr);
	attr_made = fa_made && !e;
	if (!e)
		e = feed ? posix_spawn_file_actions_adddup2(&fa, in[0], 0)
			 : posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	if (!e)
		e = posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	if (!e)
		e = complain ? posix_spawn_file_actions_adddup2(&fa, err[1], 2)
			     : posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	sigset_t none, defaults;
	sigemptyset(&none);
	sigemptyset(&defaults);
	sigaddset(&defaults, SIGPIPE);
	sigaddset(&defaults, SIGCHLD);
	if (!e)
		e = posix_spawnattr_setsigmask(&attr, &none);
	if (!e)
		e = posix_spawnattr_setsigdefault(&attr, &defaults);
	if (!e)
		e = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	if (!e)
		e = posix_spawnp(&c->pid, argv[0], &fa, &attr, argv, environ);
	if (attr_made)
		posix_spawnattr_destroy(&attr);
	if (fa_made)
		posix_spawn_file_actions_destroy(&fa);
	/* the child's ends are its own now (or nobody's) */
	close_fd(&in[0]);
	close_fd(&out[1]);
	close_fd(&err[1]);
	if (e) {
		close_fd(&in[1]);
		close_fd(&out[0]);
		close_fd(&err[0]);
		return e;
	}
	c->in = in[1];
	c->out = out[0];
	c->err = err[0];
	return 0;
}

/* Waits for `pid`: its exit status, 128 + N when signal N ended it, -1 when it cannot
 * be waited for (a parent ignoring SIGCHLD had it reaped already). */
static int wait_child(pid_t pid)
{
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
}

/* SIGCHLD at its default while a child is waited for (jobs.c does the same). */
static bool sigchld_default(struct sigaction *saved)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigemptyset(&dfl.sa_mask);
	return sigaction(SIGCHLD, &dfl, saved) == 0;
}

/* ---- running git for its output ---- */

typedef struct run_result {
	int status;              /* git's exit status (128 + N: signal N) */
	char complaint[256];     /* the first line git wrote to stderr, "" for none */
} run_result;

/* What git said, for a finding: its complaint, else its exit status. */
static const char *said(const run_result *r, char *buf, size_t size)
{
	if (r->complaint[0])
		return r->complaint;
	snprintf(buf, size, _("exit status %d"), r->status);
	return buf;
}

typedef int (*record_fn)(void *ctx, char *record, size_t length);

/*
 * Runs git with argv (stdin /dev/null), hands each `sep`-terminated record of its
 * standard output to `each` (the separator replaced by a NUL; an unterminated last
 * one too when git succeeded) and waits for it. Returns git's exit status (0: every
 * record was taken), with the first line of its stderr in r->complaint. Returns -1
 * with a finding about `file` when git could not be run, a record is RECORD_MAX bytes
 * or longer, memory runs out or `each` refuses a record (it adds its own finding);
 * git is then killed and waited for.
 */
static int run_git(char *const argv[], char sep, record_fn each, void *ctx, run_result *r,
		   const char *file, oldc_diags *diags)
{
	r->status = -1;
	r->complaint[0] = '\0';
	char *pending = malloc(RECORD_MAX + 1);
	if (!pending)
		return out_of_memory(diags, file);
	struct sigaction saved;
	bool restore = sigchld_default(&saved);
	child c;
	int e = spawn(argv, false, true, &c);
	if (e) {
		if (restore)
			sigaction(SIGCHLD, &saved, NULL);
		free(pending);
		return GIT_ERROR(diags, file, _("cannot run git: %s"), oldc_strerror(e));
	}
	size_t len = 0, said_len = 0;
	bool line_done = false, stopped = false;
	struct pollfd p[2] = { { .fd = c.out, .events = POLLIN }, { .fd = c.err, .events = POLLIN } };
	while (!stopped && (p[0].fd >= 0 || p[1].fd >= 0)) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			stopped = GIT_ERROR(diags, file, _("cannot read what git says: %s"), oldc_strerror(errno)) < 0;
			break;
		}
		if (p[1].fd >= 0 && p[1].revents) {
			char chunk[512];
			ssize_t n = read(p[1].fd, chunk, sizeof chunk);
			if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
				close_fd(&p[1].fd);
			for (ssize_t i = 0; i < n && !line_done; i++) {
				if (chunk[i] == '\n')
					line_done = said_len > 0; /* a blank first line is no complaint */
				else if (chunk[i] != '\r' && said_len + 1 < sizeof r->complaint)
					r->complaint[said_len++] = chunk[i];
				r->complaint[said_len] = '\0';
			}
		}
		if (p[0].fd >= 0 && p[0].revents) {
			ssize_t n = read(p[0].fd, pending + len, RECORD_MAX - len);
			if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
				close_fd(&p[0].fd);
			if (n <= 0)
				continue;
			len += (size_t)n;
			size_t start = 0;
			for (char *end; !stopped && (end = memchr(pending + start, sep, len - start));) {
				*end = '\0';
				stopped = each(ctx, pending + start, (size_t)(end - pending) - start) < 0;
				start = (size_t)(end - pending) + 1;
			}
			memmove(pending, pending + start, len - start);
			len -= start;
			if (!stopped && len == RECORD_MAX)
				stopped = GIT_ERROR(diags, file, _("git names a path of %d bytes or more, over the limit"),
						    PATH_MAX) < 0;
		}
	}
	if (stopped)
		kill(c.pid, SIGKILL); /* not reaped yet, so the pid is still this git's */
	close_fd(&p[0].fd);
	close_fd(&p[1].fd);
	r->status = wait_child(c.pid);
	if (restore)
		sigaction(SIGCHLD, &saved, NULL);
	if (!stopped && r->status == 0 && len > 0) {
		pending[len] = '\0';
		stopped = each(ctx, pending, len) < 0;
	}
	free(pending);
	if (stopped)
		return -1;
	/* a child that could not exec git ends 127 and says nothing, where posix_spawnp
	 * cannot report the exec's failure (under valgrind, or an old C library) */
	if (r->status == 127 && !r->complaint[0])
		return GIT_ERROR(diags, file, _("cannot run git: %s"), oldc_strerror(ENOENT));
	if (r->status < 0)
		r->status = 128;
	return r->status;
}

typedef struct one_line {
	char *text;
	const char *file;
	oldc_diags *diags;
} one_line;

static int take_first_line(void *ctx, char *record, size_t length)
{
	one_line *l = ctx;
	if (l->text)
		return 0;
	l->text = malloc(length + 1);
	if (!l->text)
		return out_of_memory(l->diags, l->file);
	memcpy(l->text, record, length + 1);
	return 0;
}

/* Runs git for the first line of its output: returns its exit status, with that line
 * malloc'd in *line when 0 (NULL when it printed nothing); -1 as run_git. */
static int git_line(char *const argv[], char **line, run_result *r, const char *file, oldc_diags *diags)
{
	one_line l = { NULL, file, diags };
	int st = run_git(argv, '\n', take_first_line, &l, r, file, diags);
	if (st != 0) {
		free(l.text);
		l.text = NULL;
	}
	*line = l.text;
	return st;
}

/* A full object id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits. */
static bool is_object_id(const char *s, size_t n)
{
	if (n != 40 && n != 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/* ---- the top, the base, a commit's date ---- */

int oldc_git_top(char **top, char **prefix, oldc_diags *diags)
{
	char *const show_top[] = { "git", "rev-parse", "--show-toplevel", NULL };
	char *const show_prefix[] = { "git", "rev-parse", "--show-prefix", NULL };
	char buf[64];
	run_result r;
	char *t = NULL, *p = NULL;
	/* two runs: each prints its path and a newline, which a path may hold too */
	int st = git_line(show_top, &t, &r, ".", diags);
	if (st == 0 && t && t[0] == '/')
		st = git_line(show_prefix, &p, &r, ".", diags);
	else if (st == 0)
		st = 128;
	if (st == 0 && p && (!*p || p[strlen(p) - 1] == '/')) {
		*top = t;
		*prefix = p;
		return 0;
	}
	free(t);
	free(p);
	return st < 0 ? -1 : GIT_ERROR(diags, ".", _("not in a git work tree: %s"), said(&r, buf, sizeof buf));
}

int oldc_git_default_base(char **commit, char **name, oldc_diags *diags)
{
	static const struct { const char *ref, *shown; } bases[] = {
		{ "refs/remotes/origin/HEAD^{commit}", "origin/HEAD" },
		{ "refs/heads/main^{commit}", "main" },
		{ "refs/heads/master^{commit}", "master" },
	};
	char buf[64];
	run_result r;
	for (size_t i = 0; i < sizeof bases / sizeof *bases; i++) {
		char *found = NULL;
		char *const exists[] = { "git", "rev-parse", "--verify", "-q", (char *)bases[i].ref, NULL };
		int st = git_line(exists, &found, &r, ".", diags);
		if (st < 0)
			return -1;
		if (st != 0 || !found || !is_object_id(found, strlen(found))) {
			free(found);
			continue;
		}
		char *const merge_base[] = { "git", "merge-base", "HEAD", found, NULL };
		char *base = NULL;
		st = git_line(merge_base, &base, &r, ".", diags);
		free(found);
		if (st < 0)
			return -1;
		if (st == 1 && !base)
			return GIT_ERROR(diags, ".", _("HEAD and %s have no commit in common; name BASE"), bases[i].shown);
		if (st != 0 || !base || !is_object_id(base, strlen(base))) {
			free(base);
			return GIT_ERROR(diags, ".", _("cannot find the merge base of HEAD and %s: %s"), bases[i].shown,
					 said(&r, buf, sizeof buf));
		}
		*name = strndup(base, 8);
		if (!*name) {
			free(base);
			return out_of_memory(diags, ".");
		}
		*commit = base;
		return 0;
	}
	return GIT_ERROR(diags, ".", _("no default base: none of origin/HEAD, main and master exists; name BASE"));
}

/* The committer date of commit `id` (a full id) in the commit's own time zone, whatever
 * TZ says: `git show --date=short` (not short-local). git runs in `dir` (NULL: here);
 * log.showSignature off, so a signed commit's check cannot come before the date. */
static int commit_date(const char *dir, const char *id, oldc_date *date, const char *file, oldc_diags *diags)
{
	char *argv[16];
	size_t n = 0;
	argv[n++] = "git";
	if (dir) {
		argv[n++] = "-C";
		argv[n++] = (char *)dir;
	}
	argv[n++] = "-c";
	argv[n++] = "log.showSignature=false";
	argv[n++] = "show";
	argv[n++] = "-s";
	argv[n++] = "--format=%cd";
	argv[n++] = "--date=short";
	argv[n++] = (char *)id;
	argv[n] = NULL;
	char buf[64], *line = NULL;
	run_result r;
	int st = git_line(argv, &line, &r, file, diags);
	if (st < 0)
		return -1;
	if (st != 0) {
		free(line);
		return GIT_ERROR(diags, file, _("'git %s' failed: %s"), "show", said(&r, buf, sizeof buf));
	}
	int rc = line && oldc_date_parse(line, strlen(line), date) == 0 ? 0
		 : GIT_ERROR(diags, file, _("unexpected output from 'git %s': '%s'"), "show", line ? line : "");
	free(line);
	return rc;
}

/* ---- trees ---- */

/* What a tree made here owns; the oldc_tree handed out points into it. Each entry's
 * path is followed, after its NUL, by its blob's object id (a revision's) or "". */
typedef struct git_tree {
	oldc_tree_entry *entries;
	size_t n, cap;
	char *name, *commit, *prefix;
	int top;                 /* the work tree: its top folder, open; else -1 */
	/* a revision: git cat-file --batch, asked for one object at a time */
	pid_t cat;               /* 0: not running */
	int cat_in, cat_out;
	bool cat_broken;         /* it died, or an answer was not as asked: reads fail */
	char *rbuf;              /* what it wrote and was not yet taken: rbuf[rpos, rlen) */
	size_t rpos, rlen;
	/* while listing: where findings go */
	const char *file;
	oldc_diags *diags;
} git_tree;

static git_tree *tree_new(const char *prefix, const char *file, oldc_diags *diags)
{
	git_tree *t = calloc(1, sizeof *t);
	if (t) {
		t->top = t->cat_in = t->cat_out = -1;
		t->file = file;
		t->diags = diags;
		t->prefix = strdup(prefix ? prefix : "");
	}
	if (!t || !t->prefix) {
		free(t);
		out_of_memory(diags, file);
		return NULL;
	}
	return t;
}

static void tree_free(git_tree *t)
{
	if (t->cat > 0) {
		/* at the end of its input cat-file ends; closing its output too ends one that
		 * was still writing an answer we gave up */
		close_fd(&t->cat_in);
		close_fd(&t->cat_out);
		struct sigaction saved;
		bool restore = sigchld_default(&saved);
		wait_child(t->cat);
		if (restore)
			sigaction(SIGCHLD, &saved, NULL);
	}
	close_fd(&t->cat_in);
	close_fd(&t->cat_out);
	close_fd(&t->top);
	for (size_t i = 0; i < t->n; i++)
		free(t->entries[i].path);
	free(t->entries);
	free(t->name);
	free(t->commit);
	free(t->prefix);
	free(t->rbuf);
	free(t);
}

/* No empty, "." or ".." part, no leading or trailing '/' (tree.h). */
static bool usable_path(const char *path)
{
	for (const char *part = path;;) {
		const char *end = strchr(part, '/');
		size_t n = end ? (size_t)(end - part) : strlen(part);
		if (n == 0 || (n == 1 && part[0] == '.') || (n == 2 && part[0] == '.' && part[1] == '.'))
			return false;
		if (!end)
			return true;
		part = end + 1;
	}
}

/* Adds entry `path` (`length` bytes, NUL-terminated) with object id `id`. Returns 0, or
 * -1 with a finding: a path too long or unusable, too many entries, no memory. */
static int add_entry(git_tree *t, const char *path, size_t length, const char *id, oldc_tree_kind kind)
{
	if (length >= PATH_MAX)
		return GIT_ERROR(t->diags, t->file, _("git names a path of %d bytes or more, over the limit"), PATH_MAX);
	if (strlen(path) != length || !usable_path(path))
		return GIT_ERROR(t->diags, t->file, _("git names a path oldc cannot use: '%s'"), path);
	if (t->n == t->cap) {
		if (t->n >= OLDC_TREE_ENTRIES_MAX)
			return GIT_ERROR(t->diags, t->file, _("more than %d files, over the limit"),
					 OLDC_TREE_ENTRIES_MAX);
		size_t cap = t->cap ? t->cap * 2 : 256;
		if (cap > OLDC_TREE_ENTRIES_MAX)
			cap = OLDC_TREE_ENTRIES_MAX;
		oldc_tree_entry *grown = realloc(t->entries, cap * sizeof *grown);
		if (!grown)
			return out_of_memory(t->diags, t->file);
		t->entries = grown;
		t->cap = cap;
	}
	size_t id_len = strlen(id);
	char *s = malloc(length + 1 + id_len + 1);
	if (!s)
		return out_of_memory(t->diags, t->file);
	memcpy(s, path, length + 1);
	memcpy(s + length + 1, id, id_len + 1);
	t->entries[t->n++] = (oldc_tree_entry){ .path = s, .kind = kind };
	return 0;
}

static const char *entry_id(const oldc_tree_entry *e)
{
	return e->path + strlen(e->path) + 1;
}

/* By path (strcmp), then by object id, so a crafted tree listing one path twice keeps
 * the same one of them every time. */
static int entry_order(const void *a, const void *b)
{
	const oldc_tree_entry *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	return c ? c : strcmp(entry_id(x), entry_id(y));
}

/* Sorts the entries and keeps one of each path (ls-files lists an unmerged path once
 * per stage). */
static void sort_entries(git_tree *t)
{
	if (t->n > 1)
		qsort(t->entries, t->n, sizeof *t->entries, entry_order);
	size_t kept = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (kept && strcmp(t->entries[kept - 1].path, t->entries[i].path) == 0)
			free(t->entries[i].path);
		else
			t->entries[kept++] = t->entries[i];
	}
	t->n = kept;
}

static const oldc_tree_entry *find_entry(const git_tree *t, const char *path)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(path, t->entries[mid].path);
		if (c == 0)
			return &t->entries[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Hands tree `t` to the caller as *out. */
static void tree_out(git_tree *t, oldc_tree *out, oldc_date date,
		     int (*read_fn)(void *, const char *, size_t, char **, size_t *))
{
	t->file = NULL;
	t->diags = NULL;
	*out = (oldc_tree){ .name = t->name, .commit = t->commit, .entries = t->entries, .n_entries = t->n,
			    .date = date, .prefix = t->prefix, .read = read_fn, .ctx = t };
}

/* ---- a revision ---- */

/* One line of `git ls-tree -r -z`: "MODE TYPE ID\tPATH". */
static int take_ls_tree(void *ctx, char *record, size_t length)
{
	git_tree *t = ctx;
	char *tab = memchr(record, '\t', length);
	char *type = tab ? memchr(record, ' ', (size_t)(tab - record)) : NULL;
	char *id = type ? memchr(type + 1, ' ', (size_t)(tab - type - 1)) : NULL;
	char *end = NULL;
	unsigned long mode = type ? strtoul(record, &end, 8) : 0;
	if (!id || end != type || !is_object_id(id + 1, (size_t)(tab - id - 1)))
		return GIT_ERROR(t->diags, t->file, _("unexpected output from 'git %s': '%s'"), "ls-tree", record);
	*tab = '\0';
	oldc_tree_kind kind = (mode & 0170000) == 0100000 ? OLDC_TREE_FILE
			      : (mode & 0170000) == 0120000 ? OLDC_TREE_LINK : OLDC_TREE_OTHER;
	return add_entry(t, tab + 1, length - (size_t)(tab + 1 - record), id + 1, kind);
}

/* Writes all of s to fd with SIGPIPE ignored meanwhile: a cat-file that died is EPIPE
 * here, not the end of oldc. Returns 0 or -1. */
static int write_all(int fd, const char *s, size_t n)
{
	struct sigaction ignore = { .sa_handler = SIG_IGN }, saved;
	sigemptyset(&ignore.sa_mask);
	bool restore = sigaction(SIGPIPE, &ignore, &saved) == 0;
	int rc = 0;
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = -1;
			break;
		}
		s += w;
		n -= (size_t)w;
	}
	if (restore)
		sigaction(SIGPIPE, &saved, NULL);
	return rc;
}

/* Makes sure cat-file's answer has a byte waiting. Returns 0, or -1 at its end or on
 * an error. */
static int cat_fill(git_tree *t)
{
	while (t->rpos == t->rlen) {
		ssize_t n = read(t->cat_out, t->rbuf, CAT_BUFFER);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		t->rpos = 0;
		t->rlen = (size_t)n;
	}
	return 0;
}

/* The header line of an answer, without its newline, NUL-terminated. Returns 0, or -1
 * when cat-file ended or the line is longer than `size`. */
static int cat_line(git_tree *t, char *line, size_t size)
{
	for (size_t n = 0; n + 1 < size; n++) {
		if (cat_fill(t) < 0)
			return -1;
		char ch = t->rbuf[t->rpos++];
		if (ch == '\n') {
			line[n] = '\0';
			return 0;
		}
		line[n] = ch;
	}
	return -1;
}

/* Takes the next `n` bytes of the answer into `to` (NULL: read and dropped, so the
 * pipe stays in step). Returns 0, or -1 when cat-file ended first. */
static int cat_take(git_tree *t, char *to, uintmax_t n)
{
	while (n > 0) {
		if (cat_fill(t) < 0)
			return -1;
		size_t k = t->rlen - t->rpos;
		if (k > n)
			k = (size_t)n;
		if (to) {
			memcpy(to, t->rbuf + t->rpos, k);
			to += k;
		}
		t->rpos += k;
		n -= k;
	}
	return 0;
}

/* tree.h's read for a revision: asks cat-file for the entry's blob. */
/* The entry `path` names, when it can be read (errno ENOENT or EISDIR when not), with
 * *limit made one that leaves room for the NUL after the bytes. */
static const oldc_tree_entry *readable_entry(const git_tree *t, const char *path, size_t *limit)
{
	const oldc_tree_entry *e = find_entry(t, path);
	if (!e || e->kind == OLDC_TREE_OTHER) {
		errno = e ? EISDIR : ENOENT;
		return NULL;
	}
	if (*limit > SIZE_MAX / 2) /* no limit: what memory allows, and room for the NUL */
		*limit = SIZE_MAX / 2;
	return e;
}

static int revision_read(void *ctx, const char *path, size_t limit, char **data, size_t *length)
{
	git_tree *t = ctx;
	const oldc_tree_entry *e = readable_entry(t, path, &limit);
	if (!e)
		return -1;
	const char *id = entry_id(e);
	char request[80], head[160];
	size_t id_len = strlen(id);
	memcpy(request, id, id_len);
	request[id_len] = '\n';
	if (t->cat_broken || write_all(t->cat_in, request, id_len + 1) < 0 || cat_line(t, head, sizeof head) < 0 ||
	    strncmp(head, id, id_len) != 0 || head[id_len] != ' ')
		goto broken;
	/* "<id> blob <size>" (or "<id> missing": an answer, nothing follows) */
	const char *type = head + id_len + 1, *space = strchr(type, ' ');
	if (!space) {
		errno = EIO;
		return -1;
	}
	char *end;
	errno = 0;
	uintmax_t size = strtoumax(space + 1, &end, 10);
	if (errno || end == space + 1 || *end || space[1] < '0' || space[1] > '9' || size == UINTMAX_MAX)
		goto broken;
	bool blob = (size_t)(space - type) == 4 && memcmp(type, "blob", 4) == 0;
	char *bytes = blob && size <= limit ? malloc((size_t)size + 1) : NULL;
	if (!bytes) {
		/* not wanted: its bytes and the newline after them are still on their way */
		if (cat_take(t, NULL, size + 1) < 0)
			goto broken;
		errno = !blob ? EIO : size > limit ? EFBIG : ENOMEM;
		return -1;
	}
	char newline = 0;
	if (cat_take(t, bytes, size) < 0 || cat_take(t, &newline, 1) < 0 || newline != '\n') {
		free(bytes);
		goto broken;
	}
	bytes[size] = '\0';
	*data = bytes;
	*length = (size_t)size;
	return 0;
broken:
	t->cat_broken = true;
	errno = EIO;
	return -1;
}

int oldc_git_tree_open(const char *rev, const char *prefix, oldc_tree *out, oldc_diags *diags)
{
	memset(out, 0, sizeof *out);
	if (rev[0] == '-')
		return GIT_ERROR(diags, rev, _("'%s' is no revision: a revision never starts with '-'"), rev);
	if (!rev[0])
		return GIT_ERROR(diags, rev, _("no revision '%s' in this repository"), rev);
	git_tree *t = tree_new(prefix, rev, diags);
	if (!t)
		return -1;
	char buf[64];
	run_result r;
	oldc_date date = 0;
	size_t rev_len = strlen(rev);
	char *spec = malloc(rev_len + sizeof "^{commit}");
	if (!spec)
		goto oom;
	memcpy(spec, rev, rev_len);
	memcpy(spec + rev_len, "^{commit}", sizeof "^{commit}");
	char *const verify[] = { "git", "rev-parse", "--verify", "-q", "--end-of-options", spec, NULL };
	int st = git_line(verify, &t->commit, &r, rev, diags);
	free(spec);
	if (st < 0)
		goto fail;
	if (st != 0 || !t->commit || !is_object_id(t->commit, strlen(t->commit))) {
		(void)GIT_ERROR(diags, rev, _("no revision '%s' in this repository"), rev);
		goto fail;
	}
	/* a full id is shown as ids are: its first 8 digits */
	t->name = strcmp(rev, t->commit) == 0 ? strndup(rev, 8) : strdup(rev);
	if (!t->name)
		goto oom;
	if (commit_date(NULL, t->commit, &date, rev, diags) < 0)
		goto fail;
	char *const ls_tree[] = { "git", "ls-tree", "-r", "-z", "--full-tree", t->commit, NULL };
	st = run_git(ls_tree, '\0', take_ls_tree, t, &r, rev, diags);
	if (st < 0)
		goto fail;
	if (st != 0) {
		(void)GIT_ERROR(diags, rev, _("'git %s' failed: %s"), "ls-tree", said(&r, buf, sizeof buf));
		goto fail;
	}
	sort_entries(t);
	t->rbuf = malloc(CAT_BUFFER);
	if (!t->rbuf)
		goto oom;
	char *const cat_file[] = { "git", "cat-file", "--batch", NULL };
	child c;
	int e = spawn(cat_file, true, false, &c);
	if (e) {
		(void)GIT_ERROR(diags, rev, _("cannot run git: %s"), oldc_strerror(e));
		goto fail;
	}
	t->cat = c.pid;
	t->cat_in = c.in;
	t->cat_out = c.out;
	tree_out(t, out, date, revision_read);
	return 0;
oom:
	out_of_memory(diags, rev);
fail:
	tree_free(t);
	return -1;
}

/* ---- the work tree ---- */

/* The folder of `path` (its first `dir_len` bytes: "" is the top) opened below `top`,
 * one part at a time, none of them followed if it is a symbolic link. Returns a new fd,
 * or `top` itself for the top, or -1 with errno set (ELOOP or ENOTDIR: a part is a
 * link or no folder). */
static int open_folder(int top, const char *path, size_t dir_len)
{
	char parts[PATH_MAX];
	if (dir_len >= sizeof parts) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(parts, path, dir_len);
	parts[dir_len] = '\0';
	int fd = top;
	for (char *part = parts; dir_len > 0;) {
		char *slash = strchr(part, '/');
		if (slash)
			*slash = '\0';
		int next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		int e = errno;
		if (fd != top)
			close(fd);
		if (next < 0) {
			errno = e;
			return -1;
		}
		fd = next;
		if (!slash)
			break;
		part = slash + 1;
	}
	return fd;
}

/* Not there as listed: gone, or below a link or a file. */
static bool absent(int e)
{
	return e == ENOENT || e == ENOTDIR || e == ELOOP;
}

/* Keeps the entries that are on disk, each with its kind by lstat. Returns 0, or -1
 * with a finding when one cannot be looked at (no permission ...). */
static int classify(git_tree *t)
{
	/* the entries are sorted, so those of one folder follow each other: it is opened
	 * once for them */
	char dir[PATH_MAX];
	size_t dir_len = 0, kept = 0, i;
	int dir_fd = -1, dir_errno = 0, rc = 0;
	for (i = 0; i < t->n && rc == 0; i++) {
		oldc_tree_entry e = t->entries[i];
		const char *slash = strrchr(e.path, '/');
		size_t len = slash ? (size_t)(slash - e.path) : 0;
		if (i == 0 || len != dir_len || memcmp(dir, e.path, len) != 0) {
			if (dir_fd >= 0 && dir_fd != t->top)
				close(dir_fd);
			dir_fd = open_folder(t->top, e.path, len);
			dir_errno = errno;
			memcpy(dir, e.path, len); /* len < PATH_MAX (add_entry) */
			dir_len = len;
		}
		struct stat st;
		int err = dir_fd < 0 ? dir_errno
			  : fstatat(dir_fd, slash ? slash + 1 : e.path, &st, AT_SYMLINK_NOFOLLOW) < 0 ? errno : 0;
		if (err) {
			if (!absent(err))
				rc = GIT_ERROR(t->diags, t->file, _("cannot read '%s' in the work tree: %s"), e.path,
					       oldc_strerror(err));
			free(e.path);
			continue;
		}
		e.kind = S_ISREG(st.st_mode) ? OLDC_TREE_FILE : S_ISLNK(st.st_mode) ? OLDC_TREE_LINK : OLDC_TREE_OTHER;
		t->entries[kept++] = e;
	}
	for (; i < t->n; i++) /* after a failure: the rest */
		free(t->entries[i].path);
	if (dir_fd >= 0 && dir_fd != t->top)
		close(dir_fd);
	t->n = kept;
	return rc;
}

/* A path of `git ls-files -z`: a nested repository git does not enter comes with a
 * trailing '/', and is an entry of its own (OTHER, when classified). */
static int take_ls_files(void *ctx, char *record, size_t length)
{
	git_tree *t = ctx;
	if (length > 1 && record[length - 1] == '/')
		record[--length] = '\0';
	return add_entry(t, record, length, "", OLDC_TREE_FILE);
}

/* errno for read: the file changed since it was listed (ENOENT), or could not be read. */
static int read_errno(int e)
{
	return absent(e) ? ENOENT : e == ENOMEM ? ENOMEM : EIO;
}

/* tree.h's read for the work tree: from disk, never through a symbolic link. */
static int worktree_read(void *ctx, const char *path, size_t limit, char **data, size_t *length)
{
	git_tree *t = ctx;
	const oldc_tree_entry *e = readable_entry(t, path, &limit);
	if (!e)
		return -1;
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
	int dir = open_folder(t->top, path, slash ? (size_t)(slash - path) : 0);
	if (dir < 0) {
		errno = read_errno(errno);
		return -1;
	}
	int rc = -1, e_no = EIO, fd = -1;
	char *bytes = NULL;
	size_t len = 0;
	if (e->kind == OLDC_TREE_LINK) {
		char target[PATH_MAX];
		ssize_t n = readlinkat(dir, name, target, sizeof target);
		if (n < 0)
			e_no = errno == EINVAL ? ENOENT : read_errno(errno); /* EINVAL: no longer a link */
		else if ((size_t)n >= sizeof target || (size_t)n > limit)
			e_no = EFBIG;
		else if (!(bytes = malloc((size_t)n + 1)))
			e_no = ENOMEM;
		else {
			memcpy(bytes, target, (size_t)n);
			len = (size_t)n;
			rc = 0;
		}
		goto done;
	}
	/* O_NONBLOCK: a FIFO put in the file's place does not block the open */
	fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		e_no = read_errno(errno);
		goto done;
	}
	if (!S_ISREG(st.st_mode) || (uintmax_t)st.st_size > limit) {
		e_no = S_ISREG(st.st_mode) ? EFBIG : ENOENT;
		goto done;
	}
	/* its size as fstat says, and one byte more to see that it did not grow past the
	 * limit meanwhile */
	size_t cap = (size_t)st.st_size + 1;
	if (!(bytes = malloc(cap + 1))) {
		e_no = ENOMEM;
		goto done;
	}
	for (;;) {
		if (len == cap) {
			if (len > limit) {
				e_no = EFBIG;
				goto done;
			}
			size_t grown = cap > limit / 2 ? limit + 1 : cap * 2;
			char *more = realloc(bytes, grown + 1);
			if (!more) {
				e_no = ENOMEM;
				goto done;
			}
			bytes = more;
			cap = grown;
		}
		ssize_t n = read(fd, bytes + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e_no = read_errno(errno);
			goto done;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > limit) {
		e_no = EFBIG;
		goto done;
	}
	rc = 0;
done:
	if (fd >= 0)
		close(fd);
	if (dir != t->top)
		close(dir);
	if (rc < 0) {
		free(bytes);
		errno = e_no;
		return -1;
	}
	bytes[len] = '\0';
	*data = bytes;
	*length = len;
	return 0;
}

int oldc_git_worktree_open(const char *top, const char *prefix, oldc_tree *out, oldc_diags *diags)
{
	memset(out, 0, sizeof *out);
	git_tree *t = tree_new(prefix, ".", diags);
	if (!t)
		return -1;
	char buf[64], *head = NULL;
	run_result r;
	oldc_date date = 0;
	if (!(t->name = strdup("worktree")))
		goto oom;
	t->top = open(top, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (t->top < 0) {
		(void)GIT_ERROR(diags, ".", _("cannot open the work tree '%s': %s"), top, oldc_strerror(errno));
		goto fail;
	}
	/* HEAD's date, for `as_of: commit`; none before the first commit (exit status 1) */
	char *const verify[] = { "git", "-C", (char *)top, "rev-parse", "--verify", "-q", "HEAD^{commit}", NULL };
	int st = git_line(verify, &head, &r, ".", diags);
	if (st < 0)
		goto fail;
	if (st == 0 && head && is_object_id(head, strlen(head))) {
		int rc = commit_date(top, head, &date, ".", diags);
		free(head);
		if (rc < 0)
			goto fail;
	} else if (st != 1) {
		free(head);
		(void)GIT_ERROR(diags, ".", _("'git %s' failed: %s"), "rev-parse", said(&r, buf, sizeof buf));
		goto fail;
	}
	char *const ls_files[] = { "git", "-C", (char *)top, "ls-files", "-z", "--cached", "--others",
				   "--exclude-standard", NULL };
	st = run_git(ls_files, '\0', take_ls_files, t, &r, ".", diags);
	if (st < 0)
		goto fail;
	if (st != 0) {
		(void)GIT_ERROR(diags, ".", _("'git %s' failed: %s"), "ls-files", said(&r, buf, sizeof buf));
		goto fail;
	}
	sort_entries(t);
	if (classify(t) < 0)
		goto fail;
	tree_out(t, out, date, worktree_read);
	return 0;
oom:
	out_of_memory(diags, ".");
fail:
	tree_free(t);
	return -1;
}

void oldc_git_tree_close(oldc_tree *tree)
{
	if (tree->ctx)
		tree_free(tree->ctx);
	memset(tree, 0, sizeof *tree);
}
