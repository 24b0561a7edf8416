#define _GNU_SOURCE
#include "process_control.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/mount.h>
#include <net/if.h>
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

// Namespaces for one run, entered by the run's first child (single-threaded,
// right after the fork): the run's own process becomes PID 1 of a new PID
// namespace (when it ends, the kernel kills everything left in it, whatever
// session or process group it moved to), with a mount namespace where the
// file system is read-only outside the run's directory, and, unless the run
// needs the loopback fixture server, a network namespace with only `lo`.

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

int gc_enter_run_namespaces(int isolate_network, char *error, size_t error_size) {
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

int gc_setup_run_mounts(const char *scratch, int isolate_network, char *error, size_t error_size) {
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
    // Everything read-only, then the few places a run may write: its own
    // directory, devices (/dev/null), and a fresh /dev/shm (POSIX semaphores).
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

int gc_wait_status(pid_t child) {
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) return 70 << 8;
    }
    return status;
}

int gc_end_as(int status) {
    if (WIFSIGNALED(status)) {
        // Die of the same signal, so the run ends as its program did.
        int signal = WTERMSIG(status);
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = SIG_DFL;
        sigaction(signal, &action, NULL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, signal);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        kill(getpid(), signal);
        _exit(128 + signal);  // PID 1 of a namespace cannot signal itself
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 70;
}
