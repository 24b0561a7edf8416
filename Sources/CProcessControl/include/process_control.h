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

/// In a worker (a subreaper): on SIGTERM, SIGINT or SIGHUP, kill the current
/// snippet's process group, then every process the worker still has and their
/// descendants (children in sessions of their own included), reaping them, then
/// exit with 128 + the signal. Only async-signal-safe calls.
int gc_kill_group_on_termination(void);

/// Writes all `count` bytes to `fd`, retrying short writes and EINTR; 0 on
/// success, -1 with errno set. Async-signal-safe.
int gc_write_all(int fd, const void *bytes, size_t count);
/// gc_write_all to a pipe whose reader may be gone: with SIGPIPE blocked in the
/// calling thread, and the SIGPIPE the write raised taken, so the write fails
/// with EPIPE (-1, errno set) and the process's own disposition is untouched.
int gc_write_all_without_sigpipe(int fd, const void *bytes, size_t count);

/// In a worker that has no thread yet: new PID, mount and (when
/// `isolate_network`) network namespaces, a user namespace when not root. The
/// caller forks: its child returns, as PID 1 of the new namespace, with the file
/// system read-only but for `writable`, /dev and a fresh /dev/shm, a /proc of
/// its own and `lo` up; the caller never returns (it waits for the child and
/// ends as it ended). 0, or -1 with the reason in `error` (before the fork:
/// the caller goes on, unisolated; after: the child goes on, partly isolated).
int gc_enter_worker_namespaces(const char *writable, int isolate_network, char *error, size_t error_size);

/// In PID 1 of a worker's namespace: kills every other process in it and reaps
/// them (waiting at most `timeout_ms`). 0, or -1.
int gc_clean_worker_namespace(int timeout_ms);

/// A memory file (memfd) for a run's native backtrace; -1 if none. Also loads
/// what backtrace() needs, so that a crash handler never has to.
int gc_native_backtrace_file(void);

/// In a run's child: on SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT or SIGTRAP,
/// write the native stack to `fd` (backtrace_symbols_fd), then die of the
/// signal as without a handler. Replaces the Swift runtime's backtracer.
int gc_native_backtrace_on_crash(int fd);

/// The name of a signal ("SIGSEGV"), or "signal N".
const char *gc_signal_name(int signal);

/// Accepts a connection whose descriptor is closed on exec (and so never
/// inherited by a program a forked run starts), atomically: accept4(2).
int gc_accept_cloexec(int listener);

#endif
