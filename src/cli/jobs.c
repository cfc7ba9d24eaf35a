/*
 * jobs.c: -j N, a batch shared among N processes (cli.h). Each child takes a
 * contiguous share of the items and writes one record per item into a temporary file;
 * the parent reads the records back in item order, so the output is byte for byte
 * what one process would print. Processes rather than threads: nothing in the library
 * has to be thread-safe, and a child that crashes on a hostile file takes only its
 * share with it, which the parent then does itself.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli.h"

/* A child's records: for each item, its index and length, then its bytes. */
static int write_share(FILE *f, size_t first, size_t end, oldc_job_fn work, void *ctx)
{
	oldc_buf rec;
	oldc_buf_init(&rec);
	int rc = 0;
	for (size_t i = first; i < end && rc == 0; i++) {
		rec.len = 0;
		work(i, &rec, ctx);
		uint64_t head[2] = { i, rec.len };
		if (rec.failed || fwrite(head, sizeof head, 1, f) != 1 ||
		    (rec.len && fwrite(rec.data, 1, rec.len, f) != rec.len))
			rc = -1;
	}
	oldc_buf_release(&rec);
	return fflush(f) == 0 ? rc : -1;
}

/* Hands the parent the records of one share, in order; returns the first item whose
 * record is not there (`end` when all are). */
static size_t read_share(FILE *f, size_t first, size_t end, oldc_job_collect collect, void *cctx)
{
	rewind(f);
	oldc_buf rec;
	oldc_buf_init(&rec);
	bool ok = true;
	size_t i;
	for (i = first; i < end && ok; i++) {
		uint64_t head[2];
		ok = fread(head, sizeof head, 1, f) == 1 && head[0] == i && head[1] < SIZE_MAX;
		if (!ok)
			break;
		rec.len = 0;
		for (uint64_t left = head[1]; ok && left;) {
			char chunk[8192];
			size_t n = left < sizeof chunk ? (size_t)left : sizeof chunk;
			ok = fread(chunk, 1, n, f) == n;
			if (ok)
				oldc_buf_put(&rec, chunk, n);
			left -= n;
		}
		ok = ok && !rec.failed;
		if (!ok)
			break;
		collect(i, rec.data ? rec.data : "", rec.len, cctx);
	}
	oldc_buf_release(&rec);
	return i;
}

void oldc_jobs_run(size_t n, unsigned jobs, oldc_job_fn work, void *ctx, oldc_job_collect collect, void *cctx)
{
	if (jobs > n)
		jobs = (unsigned)n;
	FILE **files = jobs > 1 ? calloc(jobs, sizeof *files) : NULL;
	pid_t *pids = jobs > 1 ? calloc(jobs, sizeof *pids) : NULL;
	if (!files || !pids)
		jobs = 1;
	fflush(NULL); /* nothing buffered is written twice by the children */
	/* A parent that ignores SIGCHLD would have the children reaped unseen, and
	 * waitpid would say nothing of them: the default disposition while they run. */
	struct sigaction dfl = { .sa_handler = SIG_DFL }, saved;
	bool restore = jobs > 1 && sigaction(SIGCHLD, &dfl, &saved) == 0;
	for (unsigned k = 0; k < jobs && jobs > 1; k++) {
		size_t first = n * k / jobs, end = n * (k + 1) / jobs;
		files[k] = tmpfile();
		pids[k] = files[k] ? fork() : -1;
		if (pids[k] == 0) {
			int rc = write_share(files[k], first, end, work, ctx) == 0 ? 0 : 3;
			fclose(files[k]);
			free(files); /* the rest belongs to the caller, whose frames still hold it */
			free(pids);
			_exit(rc);
		}
	}
	oldc_buf rec;
	oldc_buf_init(&rec);
	for (unsigned k = 0; k < jobs; k++) {
		size_t first = n * k / jobs, end = n * (k + 1) / jobs, done = first;
		if (jobs > 1 && pids[k] > 0) {
			int st = 0;
			pid_t w;
			while ((w = waitpid(pids[k], &st, 0)) < 0 && errno == EINTR)
				;
			/* what a child did not finish (it crashed, or its disk was full) is done
			 * here, from the first item whose record is missing: collect never sees
			 * an item twice. A child waitpid cannot report has ended too (its records
			 * are read and checked alike). */
			if (w < 0 || WIFEXITED(st) || WIFSIGNALED(st))
				done = read_share(files[k], first, end, collect, cctx);
		}
		for (size_t i = done; i < end; i++) {
			rec.len = 0;
			work(i, &rec, ctx);
			/* a record cut short by a failed allocation is handed on empty */
			collect(i, rec.data && !rec.failed ? rec.data : "", rec.failed ? 0 : rec.len, cctx);
			rec.failed = false;
		}
		if (files && files[k])
			fclose(files[k]);
	}
	oldc_buf_release(&rec);
	if (restore)
		sigaction(SIGCHLD, &saved, NULL);
	free(files);
	free(pids);
}
