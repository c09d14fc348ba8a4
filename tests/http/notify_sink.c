/*
 * notify_sink.c - a test helper standing in for systemd's notification
 * socket (node has no AF_UNIX datagram sockets): binds ADDR (a path, or
 * an abstract name when it starts with '@'), prints "bound", then each
 * datagram received on one line (its newlines as spaces), until its
 * standard input closes. service.test.mjs runs it.
 */
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_un sa;
	char msg[4096];

	if (argc != 2 || strlen(argv[1]) >= sizeof sa.sun_path) {
		fprintf(stderr, "usage: notify_sink PATH|@NAME\n");
		return 2;
	}
	size_t n = strlen(argv[1]);
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, argv[1], n);
	if (argv[1][0] == '@')
		sa.sun_path[0] = 0;
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa,
			   (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n)) < 0) {
		perror("notify_sink: bind");
		return 1;
	}
	printf("bound\n");
	fflush(stdout);
	struct pollfd p[2] = {{fd, POLLIN, 0}, {0, POLLIN, 0}};
	for (;;) {
		if (poll(p, 2, -1) < 0)
			continue;
		if (p[1].revents)
			break;  /* stdin closed (or readable: the test is done) */
		ssize_t r = recv(fd, msg, sizeof msg - 1, 0);
		if (r < 0)
			continue;
		msg[r] = 0;
		for (ssize_t i = 0; i < r; i++)
			if (msg[i] == '\n')
				msg[i] = ' ';
		printf("%s\n", msg);
		fflush(stdout);
	}
	if (argv[1][0] == '/')
		unlink(argv[1]);
	return 0;
}
