// Linux process control guidecheck's supervisor needs and Swift cannot call
// directly (variadic syscall(), prctl(), enum-typed setrlimit resources), and
// the one descriptor write every protocol and file writer of guidecheck uses.
#ifndef GUIDECHECK_PROCESS_CONTROL_H
#define GUIDECHECK_PROCESS_CONTROL_H

#include <stddef.h>
#include <sys/types.h>

/// A descriptor that becomes readable when `pid` exits (pidfd_open), or -1.
int gc_pidfd_open(pid_t pid);

/// Limits this process's address space to `bytes` (RLIMIT_AS); 0 on success.
int gc_limit_address_space(unsigned long long bytes);

/// No core files from this process.
int gc_disable_core_dumps(void);

/// Orphaned descendants are re-parented to this process, so it can reap and
/// kill what its children leave behind (PR_SET_CHILD_SUBREAPER).
int gc_become_subreaper(void);

/// Asks the kernel to send `signal` to this process when its parent dies.
int gc_die_with_parent(int signal);

/// Records the process group of the snippet a worker is running (0: none).
void gc_set_current_group(pid_t group);

/// In a worker: on SIGTERM, SIGINT or SIGHUP, kill the current snippet's process
/// group, then exit with 128 + the signal. Only async-signal-safe calls.
int gc_kill_group_on_termination(void);

/// Writes all `count` bytes to `fd`, retrying short writes and EINTR; 0 on
/// success, -1 with errno set. Async-signal-safe.
int gc_write_all(int fd, const void *bytes, size_t count);

/// The name of a signal ("SIGSEGV"), or "signal N".
const char *gc_signal_name(int signal);

#endif
