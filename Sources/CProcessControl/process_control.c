#define _GNU_SOURCE
#include "process_control.h"

#include <signal.h>
#include <string.h>
#include <errno.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int gc_pidfd_open(pid_t pid) {
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    (void)pid;
    return -1;
#endif
}

int gc_limit_address_space(unsigned long long bytes) {
    struct rlimit limit = { (rlim_t)bytes, (rlim_t)bytes };
    return setrlimit(RLIMIT_AS, &limit);
}

int gc_disable_core_dumps(void) {
    struct rlimit limit = { 0, 0 };
    return setrlimit(RLIMIT_CORE, &limit);
}

int gc_become_subreaper(void) {
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
}

int gc_die_with_parent(int signal) {
    return prctl(PR_SET_PDEATHSIG, signal, 0, 0, 0);
}

static volatile sig_atomic_t current_group = 0;

void gc_set_current_group(pid_t group) { current_group = group; }

static void kill_group_and_exit(int signal) {
    pid_t group = current_group;
    if (group > 0) {
        kill(-group, SIGKILL);
        kill(group, SIGKILL);
    }
    _exit(128 + signal);
}

int gc_kill_group_on_termination(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = kill_group_and_exit;
    sigemptyset(&action.sa_mask);
    int failures = 0;
    failures += sigaction(SIGTERM, &action, NULL) != 0;
    failures += sigaction(SIGINT, &action, NULL) != 0;
    failures += sigaction(SIGHUP, &action, NULL) != 0;
    return failures == 0 ? 0 : -1;
}

const char *gc_signal_name(int signal) {
    static __thread char buffer[32];
    const char *abbreviation = sigabbrev_np(signal);
    if (abbreviation != NULL) {
        snprintf(buffer, sizeof buffer, "SIG%s", abbreviation);
    } else {
        snprintf(buffer, sizeof buffer, "signal %d", signal);
    }
    return buffer;
}

int gc_write_all(int fd, const void *bytes, size_t count) {
    const char *next = bytes;
    while (count > 0) {
        ssize_t written = write(fd, next, count);
        if (written < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        next += written;
        count -= (size_t)written;
    }
    return 0;
}
