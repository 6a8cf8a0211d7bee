/*
 * measure: runs a command with stdin from a file and stdout to /dev/null,
 * then prints its wall time in seconds and its peak RSS in KiB.
 */
#define _DEFAULT_SOURCE		/* wait4(2) is BSD, not POSIX */

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void
usage(void)
{
	fputs("usage: measure file command [arg ...]\n", stderr);
	exit(2);
}

static void
fail(const char *what)
{
	fprintf(stderr, "measure: %s: %s\n", what, strerror(errno));
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct rusage ru;
	struct timespec t0, t1;
	pid_t pid;
	int in, null, status;
	double secs;

	if (argc < 3)
		usage();
	/* Opened here so that a missing input is our error, not the tool's. */
	if ((in = open(argv[1], O_RDONLY)) == -1)
		fail(argv[1]);
	if ((null = open("/dev/null", O_WRONLY)) == -1)
		fail("/dev/null");

	if (clock_gettime(CLOCK_MONOTONIC, &t0) == -1)
		fail("clock_gettime");
	if ((pid = fork()) == -1)
		fail("fork");
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		if (dup2(in, STDIN_FILENO) == -1 ||
		    dup2(null, STDOUT_FILENO) == -1)
			_exit(127);
		close(in);
		close(null);
		execvp(argv[2], argv + 2);
		fprintf(stderr, "measure: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	close(in);
	close(null);
	while (wait4(pid, &status, 0, &ru) == -1)
		if (errno != EINTR)
			fail("wait4");
	if (clock_gettime(CLOCK_MONOTONIC, &t1) == -1)
		fail("clock_gettime");

	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%.6f %ld\n", secs, (long)ru.ru_maxrss);
	if (fflush(stdout) == EOF || ferror(stdout))
		fail("write error");

	/* The tool's own status, so the caller can tell which stage failed. */
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "measure: %s: killed by signal %d\n", argv[2],
		    WTERMSIG(status));
		return 128 + WTERMSIG(status);
	}
	return 2;
}
