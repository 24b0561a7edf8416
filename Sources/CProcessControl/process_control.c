#define _GNU_SOURCE
#include "process_control.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <errno.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <fcntl.h>
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

/// The decimal digits of `value` after `out`; returns the end. (No snprintf:
/// this runs in a signal handler.)
static char *append_number(char *out, long value) {
    char digits[24];
    int count = 0;
    do { digits[count++] = (char)('0' + value % 10); value /= 10; } while (value > 0);
    while (count > 0) *out++ = digits[--count];
    return out;
}

static char *append_text(char *out, const char *text) {
    while (*text) *out++ = *text++;
    return out;
}

/// One entry of getdents64 (the kernel's layout; glibc has no public type).
struct dirent64_entry {
    unsigned long long inode;
    long long offset;
    unsigned short length;
    unsigned char type;
    char name[];
};

/// The children of process `pid` (0: this process), read from every
/// /proc/PID/task/TID/children file (each thread lists its own), into `found`.
/// Only open/read/getdents64/close: async-signal-safe.
static int children_of(pid_t pid, pid_t *found, int capacity) {
    char tasks[64];
    char *end = pid == 0 ? append_text(tasks, "/proc/self/task") : append_number(append_text(tasks, "/proc/"), pid);
    if (pid != 0) end = append_text(end, "/task");
    *end = 0;
    int directory = open(tasks, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory < 0) return 0;
    int count = 0;
    char entries[2048];
    long length;
    while ((length = syscall(SYS_getdents64, directory, entries, sizeof entries)) > 0) {
        for (long offset = 0; offset < length;) {
            struct dirent64_entry *entry = (struct dirent64_entry *)(entries + offset);
            offset += entry->length;
            if (entry->name[0] == '.') continue;
            char path[128];
            char *tail = append_text(append_text(append_text(path, tasks), "/"), entry->name);
            append_text(tail, "/children")[0] = 0;
            int file = open(path, O_RDONLY | O_CLOEXEC);
            if (file < 0) continue;
            char text[1024];
            ssize_t read_count = read(file, text, sizeof text - 1);
            close(file);
            long value = -1;
            for (ssize_t index = 0; index < read_count; index++) {
                char character = text[index];
                if (character >= '0' && character <= '9') {
                    value = (value < 0 ? 0 : value * 10) + (character - '0');
                } else {
                    if (value > 0 && count < capacity) found[count++] = (pid_t)value;
                    value = -1;
                }
            }
            if (value > 0 && count < capacity) found[count++] = (pid_t)value;
        }
    }
    close(directory);
    return count;
}

/// Kills every descendant of `pid` (read while each parent is still alive, so
/// that children in sessions of their own are found too).
static void kill_descendants(pid_t pid, int depth) {
    pid_t children[64];
    int count = children_of(pid, children, 64);
    for (int index = 0; index < count; index++) {
        if (depth < 16) kill_descendants(children[index], depth + 1);
        kill(children[index], SIGKILL);
    }
}

/// The worker's answer to SIGTERM, SIGINT and SIGHUP (its parent was stopped,
/// or died: PR_SET_PDEATHSIG): kill the current run's process group, then
/// every process this worker still has (a subreaper, so what left a run's
/// group by starting a session of its own comes back here when its parent is
/// killed), until none is left; then exit with 128 + the signal.
static void kill_runs_and_exit(int signal) {
    pid_t group = current_group;
    if (group > 0) {
        kill(-group, SIGKILL);
        kill(group, SIGKILL);
    }
    for (int round = 0; round < 100; round++) {
        pid_t children[64];
        int count = children_of(0, children, 64);
        if (count == 0) break;
        for (int index = 0; index < count; index++) {
            kill_descendants(children[index], 0);
            kill(children[index], SIGKILL);
            // Reaped within about 2 s, or left (a process in uninterruptible
            // sleep): the worker must still end.
            for (int tries = 0; tries < 2000 && waitpid(children[index], NULL, WNOHANG) == 0; tries++) {
                struct timespec pause = {0, 1000000};
                nanosleep(&pause, NULL);
            }
        }
    }
    _exit(128 + signal);
}

int gc_kill_group_on_termination(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = kill_runs_and_exit;
    // One termination at a time: a second signal waits (the first one exits).
    sigemptyset(&action.sa_mask);
    sigaddset(&action.sa_mask, SIGTERM);
    sigaddset(&action.sa_mask, SIGINT);
    sigaddset(&action.sa_mask, SIGHUP);
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

int gc_write_all_without_sigpipe(int fd, const void *bytes, size_t count) {
    sigset_t pipe_only, previous;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_only, &previous);
    int result = gc_write_all(fd, bytes, count);
    int saved = errno;
    // SIGPIPE from a write is sent to the writing thread: take it while it is
    // blocked (unless the thread blocked it itself: then it stays pending).
    if (result != 0 && saved == EPIPE && !sigismember(&previous, SIGPIPE)) {
        struct timespec now = {0, 0};
        while (sigtimedwait(&pipe_only, NULL, &now) < 0 && errno == EINTR) {}
    }
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    errno = saved;
    return result;
}

// A crashed run's native stack, for --verbose: written by the run's own
// signal handler into a memory file its worker reads after the run.
#include <execinfo.h>
#include <sys/mman.h>

static int native_backtrace_fd = -1;

static void write_native_backtrace(int signal) {
    void *frames[64];
    int count = backtrace(frames, 64);
    backtrace_symbols_fd(frames, count, native_backtrace_fd);
    struct sigaction standard;
    memset(&standard, 0, sizeof standard);
    standard.sa_handler = SIG_DFL;
    sigemptyset(&standard.sa_mask);
    sigaction(signal, &standard, NULL);
    raise(signal);
}

static int backtrace_loaded = 0;

int gc_native_backtrace_file(void) {
    // backtrace() loads libgcc_s on its first call: make it here, once, in the
    // worker, never for the first time inside a signal handler.
    if (!backtrace_loaded) {
        void *frames[2];
        backtrace(frames, 2);
        backtrace_loaded = 1;
    }
    return memfd_create("guidecheck-native-backtrace", MFD_CLOEXEC);
}

int gc_native_backtrace_on_crash(int fd) {
    native_backtrace_fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = write_native_backtrace;
    // A second fault inside the handler kills the process with that signal.
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    int failures = 0;
    int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (size_t index = 0; index < sizeof fatal / sizeof fatal[0]; index++) {
        failures += sigaction(fatal[index], &action, NULL) != 0;
    }
    return failures == 0 ? 0 : -1;
}

#include <sys/socket.h>

int gc_accept_cloexec(int listener) {
    return accept4(listener, NULL, NULL, SOCK_CLOEXEC);
}
