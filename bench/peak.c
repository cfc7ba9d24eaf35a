/*
 * peak.c: runs a program and prints its peak resident memory in KiB (ru_maxrss) on
 * stderr, for `make bench`. A child's ru_maxrss starts from what its parent had mapped
 * when it forked; started from this small program, not from the benchmark's Python,
 * the figure is the program's own. Usage: peak PROGRAM [ARG...]; its exit status is
 * the program's.
 */
/* wait4 is BSD and Linux, not POSIX */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: peak PROGRAM [ARG...]\n");
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	int status;
	struct rusage usage;
	if (wait4(pid, &status, 0, &usage) < 0) {
		perror("wait4");
		return 2;
	}
	fprintf(stderr, "peak %ld\n", usage.ru_maxrss);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
