#define _GNU_SOURCE
#include "process_control.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/mount.h>
#include <net/if.h>
#include <poll.h>
#include <time.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

// Namespaces for a worker, entered once, when it starts and has no thread
// yet: new PID, mount and network namespaces (and a user namespace when not
// root). The process that calls this stays outside, as a relay: it forks, its
// child becomes PID 1 of the new PID namespace and returns here to go on as
// the worker, and the relay waits for it and ends as it ended. Every run the
// worker forks is a process of its namespace: it cannot signal the worker (the
// namespace's init ignores what it sends) nor anything outside, and whatever
// it leaves behind dies with the worker. After each run the worker kills what
// is left (kill(-1) from PID 1). The file system is read-only but for the
// worker's directory, /dev and a fresh /dev/shm, with a /proc of the
// namespace's own; the network has only `lo`.
static int write_file(const char *path, const char *text) {
    int descriptor = open(path, O_WRONLY | O_CLOEXEC);
    if (descriptor < 0) return -1;
    ssize_t length = (ssize_t)strlen(text);
    ssize_t written = write(descriptor, text, (size_t)length);
    int saved = errno;
    close(descriptor);
    errno = saved;
    return written == length ? 0 : -1;
}

static int enter_namespaces(int isolate_network, char *error, size_t error_size) {
    uid_t uid = getuid();
    gid_t gid = getgid();
    int flags = CLONE_NEWPID | CLONE_NEWNS | (isolate_network ? CLONE_NEWNET : 0);
    // Without root, a user namespace grants what the others need.
    if (uid != 0) flags |= CLONE_NEWUSER;
    if (unshare(flags) != 0) {
        snprintf(error, error_size, "unshare: %s", strerror(errno));
        return -1;
    }
    if (uid != 0) {
        char map[64];
        if (write_file("/proc/self/setgroups", "deny") != 0 && errno != ENOENT) {
            snprintf(error, error_size, "setgroups: %s", strerror(errno));
            return -1;
        }
        snprintf(map, sizeof map, "%u %u 1", (unsigned)uid, (unsigned)uid);
        if (write_file("/proc/self/uid_map", map) != 0) {
            snprintf(error, error_size, "uid_map: %s", strerror(errno));
            return -1;
        }
        snprintf(map, sizeof map, "%u %u 1", (unsigned)gid, (unsigned)gid);
        if (write_file("/proc/self/gid_map", map) != 0) {
            snprintf(error, error_size, "gid_map: %s", strerror(errno));
            return -1;
        }
    }
    return 0;
}

static int set_attributes(const char *path, unsigned long long set, unsigned long long clear) {
#ifdef SYS_mount_setattr
    struct mount_attr attributes;
    memset(&attributes, 0, sizeof attributes);
    attributes.attr_set = set;
    attributes.attr_clr = clear;
    return (int)syscall(SYS_mount_setattr, AT_FDCWD, path, AT_RECURSIVE, &attributes, sizeof attributes);
#else
    (void)path; (void)set; (void)clear;
    errno = ENOSYS;
    return -1;
#endif
}

static int setup_mounts(const char *scratch, int isolate_network, char *error, size_t error_size) {
    // Nothing done here reaches the host's mounts.
    if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
        snprintf(error, error_size, "private mounts: %s", strerror(errno));
        return -1;
    }
    // /proc as this PID namespace sees it.
    if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) != 0) {
        snprintf(error, error_size, "proc: %s", strerror(errno));
        return -1;
    }
    // Everything read-only, then the few places a run may write: the worker's
    // directory (each run's is inside it), devices (/dev/null), and a fresh
    // /dev/shm (POSIX semaphores).
    if (set_attributes("/", MOUNT_ATTR_RDONLY, 0) != 0) {
        snprintf(error, error_size, "read-only /: %s", strerror(errno));
        return -1;
    }
    if (set_attributes("/dev", 0, MOUNT_ATTR_RDONLY) != 0 && errno != EINVAL) {
        snprintf(error, error_size, "/dev: %s", strerror(errno));
        return -1;
    }
    mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
    if (mount(scratch, scratch, NULL, MS_BIND | MS_REC, NULL) != 0 || set_attributes(scratch, 0, MOUNT_ATTR_RDONLY) != 0) {
        snprintf(error, error_size, "writable %s: %s", scratch, strerror(errno));
        return -1;
    }
    if (isolate_network) {
        // A new network namespace has `lo`, down: bring it up.
        int descriptor = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (descriptor >= 0) {
            struct ifreq request;
            memset(&request, 0, sizeof request);
            strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
            if (ioctl(descriptor, SIOCGIFFLAGS, &request) == 0) {
                request.ifr_flags |= IFF_UP;
                ioctl(descriptor, SIOCSIFFLAGS, &request);
            }
            close(descriptor);
        }
    }
    return 0;
}

int gc_enter_worker_namespaces(const char *writable, int isolate_network, char *error, size_t error_size) {
    if (enter_namespaces(isolate_network, error, error_size) != 0) return -1;
    // The relay dies with guidecheck, the worker with the relay, and whatever
    // runs in the namespace with the worker: nothing outlives guidecheck.
    pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(70);
    pid_t worker = fork();
    if (worker < 0) {
        snprintf(error, error_size, "fork into the PID namespace: %s", strerror(errno));
        return -1;
    }
    if (worker > 0) {
        // The relay: nothing else to do but end as the worker ends.
        int status = 0;
        while (waitpid(worker, &status, 0) < 0 && errno == EINTR) {}
        if (WIFSIGNALED(status)) {
            signal(WTERMSIG(status), SIG_DFL);
            kill(getpid(), WTERMSIG(status));
        }
        _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 70);
    }
    // The worker, PID 1 of its namespace, dies with the relay.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    return setup_mounts(writable, isolate_network, error, error_size);
}

int gc_clean_worker_namespace(int timeout_ms) {
    if (getpid() != 1) return -1;
    kill(-1, SIGKILL);  // from PID 1: every other process of the namespace
    // Until nothing is left: the killed become zombies of this process.
    for (int waited = 0; waited < timeout_ms * 10; waited++) {
        pid_t reaped = waitpid(-1, NULL, WNOHANG);
        if (reaped < 0 && errno == ECHILD) return 0;
        if (reaped == 0) {
            struct timespec pause = {0, 100000};
            nanosleep(&pause, NULL);
        }
    }
    return -1;
}
