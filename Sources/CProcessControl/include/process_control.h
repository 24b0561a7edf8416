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

/// In a run's first child (single-threaded): new PID and mount namespaces, a
/// network namespace when `isolate_network`, and a user namespace when not root.
/// 0, or -1 with the reason in `error`.
int gc_enter_run_namespaces(int isolate_network, char *error, size_t error_size);

/// In the run's own process, PID 1 of its namespace: /proc remounted, the file
/// system read-only but for `scratch`, /dev and a fresh /dev/shm; `lo` up when
/// the network is isolated. 0, or -1 with the reason in `error`.
int gc_setup_run_mounts(const char *scratch, int isolate_network, char *error, size_t error_size);

/// Waits for `child`; its raw wait status.
int gc_wait_status(pid_t child);

/// Ends as a process with wait status `status` ended: dies of the same signal
/// (never returns), or returns the exit code to exit with.
int gc_end_as(int status);

/// The name of a signal ("SIGSEGV"), or "signal N".
const char *gc_signal_name(int signal);

#endif
