/*
 * notify.h - readiness and status for systemd (Type=notify): the
 * sd_notify datagram protocol, done here in a few lines rather than by
 * linking libsystemd. A state is "KEY=VALUE" lines ("READY=1\nSTATUS=...")
 * sent as one datagram to the AF_UNIX socket named by $NOTIFY_SOCKET - a
 * path, or an abstract address when it starts with '@'.
 *
 * Must not: fail the caller: without $NOTIFY_SOCKET (not under systemd)
 * it does nothing.
 */
#ifndef ANXIN_UTIL_NOTIFY_H
#define ANXIN_UTIL_NOTIFY_H

/* Sends state to $NOTIFY_SOCKET. Returns 1 when sent, 0 when there is no
 * $NOTIFY_SOCKET, -1 when it could not be sent (errno set). */
int notify_send(const char *state);

#endif
