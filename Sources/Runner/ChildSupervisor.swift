import CProcessControl
import Foundation
import Synchronization

/// How a supervised child ended.
enum ChildExit: Equatable {
    case exited(Int32)
    case signaled(Int32)

    var signalName: String? {
        guard case .signaled(let signal) = self else { return nil }
        return String(cString: gc_signal_name(signal))
    }
}

/// Watches one forked snippet process until it ends or its time is up.
///
/// It drains the output pipe and the results pipe as they fill (a snippet may
/// print far more than a pipe holds), and learns of the exit through a pidfd,
/// at once, rather than on a polling tick. Children the snippet left behind
/// may keep the pipes open, so EOF is never waited for. A run is over as soon
/// as the child has written its end marker and its `done` report: everything it
/// had to say is in, so its process teardown (close to a millisecond for a
/// forked CPython) happens off the critical path, and it is reaped later.
struct ChildSupervisor {
    let pid: pid_t
    let output: Int32
    let results: Int32
    private let buffer = ReadBuffer()

    init(pid: pid_t, output: Int32, results: Int32) {
        self.pid = pid
        self.output = output
        self.results = results
    }

    /// 256 KiB to read into, reused within a run. Left uninitialised: zeroing it
    /// would touch all 64 pages in every run, where reads touch only what they fill.
    final class ReadBuffer {
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256 << 10)
        deinit { bytes.deallocate() }
    }

    struct Ending {
        var exit: ChildExit
        var timedOut: Bool
        var results: [UInt8]
        var elapsed: Double
        /// False when the run finished on its `done` report and the process
        /// has not been waited for yet.
        var reaped: Bool
    }

    /// How long a timed-out child gets to print its stack before it is killed.
    static let stackDumpGrace = 0.3

    func supervise(timeout: Double, started: Double, attribution: inout OutputAttribution) -> Ending {
        for descriptor in [output, results] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        let exitDescriptor = gc_pidfd_open(pid)
        defer { if exitDescriptor >= 0 { close(exitDescriptor) } }
        var resultBytes: [UInt8] = []
        var outputOpen = true
        var resultsOpen = true
        var deadline = started + timeout
        var timedOut = false
        var killed = false
        var status: Int32 = 0
        let pipeSize = fcntl(output, Self.getPipeSize)
        let gatherBelow = pipeSize > 0 ? Int(pipeSize) / 2 : Self.gatherBelow

        while true {
            var descriptors = [
                pollfd(fd: outputOpen ? output : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: resultsOpen ? results : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: exitDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let remaining = deadline - Self.now()
            if remaining <= 0 {
                if !timedOut {
                    // Ask faulthandler (registered on SIGUSR1) where it is stuck;
                    // the whole group, since in namespaces the program is a grandchild.
                    timedOut = true
                    kill(-pid, SIGUSR1)
                    deadline = Self.now() + Self.stackDumpGrace
                    continue
                }
                if !killed {
                    killed = true
                    kill(-pid, SIGKILL)
                    kill(pid, SIGKILL)
                    deadline = Self.now() + 5
                    continue
                }
                // SIGKILL cannot be ignored; stop draining and wait for it.
                waitpid(pid, &status, 0)
                break
            }
            let wait = exitDescriptor >= 0 ? Int32(max(0, min(remaining, 1) * 1000).rounded(.up)) : 5
            if poll(&descriptors, 3, wait) < 0, errno != EINTR { break }
            var outputBytes = 0
            outputOpen = drain(output, open: outputOpen) { outputBytes += $0.count; attribution.feed($0) }
            resultsOpen = drain(results, open: resultsOpen) { resultBytes += $0 }
            if !timedOut, attribution.ended, let code = Self.reportedStatus(in: resultBytes) {
                attribution.finish()
                return Ending(exit: .exited(code), timedOut: false, results: resultBytes,
                              elapsed: Self.now() - started, reaped: false)
            }
            // A program that writes line by line (to a line-buffered stdout) would
            // wake this loop once per line, a context switch each: 819,200 lines
            // cost 8 s of CPU. Pausing half a millisecond after a small read lets
            // lines gather in the pipe (64 KiB), so one wake reads hundreds.
            // Half the pipe: a pipe the kernel gave less than 64 KiB (a user over
            // pipe-user-pages-soft) must not block its writer at every pause.
            if outputBytes > 0 && outputBytes < gatherBelow && descriptors[2].revents == 0 { usleep(500) }
            if exitDescriptor >= 0 {
                if descriptors[2].revents != 0, waitpid(pid, &status, 0) == pid { break }
            } else if waitpid(pid, &status, WNOHANG) == pid {
                break  // no pidfd on this kernel: ask on every wake-up
            }
        }
        // What the child wrote just before it ended is still in the pipes.
        _ = drain(output, open: outputOpen) { attribution.feed($0) }
        _ = drain(results, open: resultsOpen) { resultBytes += $0 }
        attribution.finish()
        let exit: ChildExit = (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
        return Ending(exit: exit, timedOut: timedOut, results: resultBytes, elapsed: Self.now() - started, reaped: true)
    }

    /// The exit status in the child's final `{"event": "done", "status": N}` line.
    static func reportedStatus(in results: [UInt8]) -> Int32? {
        let marker = Array(#"{"event": "done", "status": "#.utf8)
        guard results.count >= marker.count else { return nil }
        var index = results.count - marker.count
        // The report is the last line; look back from the end.
        while index >= 0 {
            if results[index] == marker[0], results[index..<(index + marker.count)].elementsEqual(marker) {
                let digits = results[(index + marker.count)...].prefix { $0 == UInt8(ascii: "-") || (48...57).contains($0) }
                return Int32(String(decoding: digits, as: UTF8.self))
            }
            index -= 1
        }
        return nil
    }

    /// Reads what is available without blocking; returns false at EOF.
    /// Reads smaller than this are followed by a short pause (see `supervise`),
    /// when the pipe's size cannot be read: half the default 64 KiB.
    static let gatherBelow = 32 * 1024
    /// fcntl's F_GETPIPE_SZ (Linux), which Glibc's module does not export.
    static let getPipeSize: Int32 = 1032

    private func drain(_ descriptor: Int32, open: Bool, into sink: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard open else { return false }
        // One buffer per supervisor: a program that writes line by line wakes
        // this loop once per line.
        let chunk = buffer.bytes
        while true {
            let count = read(descriptor, chunk.baseAddress, chunk.count)
            if count > 0 { sink(UnsafeBufferPointer(rebasing: chunk[0..<count])); continue }
            if count == 0 { return false }
            return errno == EAGAIN || errno == EINTR
        }
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Kills what a finished snippet left behind and reaps what is guidecheck's.
    ///
    /// Only what belongs to the run is touched: its process tree (read from /proc
    /// before anything is killed, so children that left the process group with
    /// `start_new_session` are found too) and its process group; and, in a worker
    /// that is a subreaper, orphans the kernel re-parented to it. In any other
    /// process (a test runner, an embedding application) other children are none
    /// of guidecheck's business: reaping them with `waitpid(-1)` would steal their
    /// exit from whoever waits for them.
    static func killStragglers(group: pid_t, child: pid_t, reaped: Bool) {
        let tree = reaped ? [] : descendants(of: child)
        kill(-group, SIGKILL)
        for pid in tree { kill(pid, SIGKILL) }
        pending.withLock { pending in
            // A child with descendants is waited for before the next run, so that
            // they are re-parented here and swept; a childless one only when done.
            if !reaped { pending.append((child, !tree.isEmpty)) }
            var status: Int32 = 0
            pending.removeAll { waitpid($0.pid, &status, WNOHANG) == $0.pid }
        }
        guard adoptsOrphans else { return }
        for orphan in adoptedChildren() { kill(orphan, SIGKILL) }
        var status: Int32 = 0
        while waitpid(-1, &status, WNOHANG) > 0 {}
    }

    /// Before a run: nothing of an earlier run may still be alive. A child whose
    /// descendants were killed is waited for (so they are re-parented here);
    /// orphans re-parented to this worker are killed and waited for, by pid.
    static func sweepBeforeRun() {
        pending.withLock { pending in
            var status: Int32 = 0
            for entry in pending where entry.hadDescendants { waitpid(entry.pid, &status, 0) }
            pending.removeAll { $0.hadDescendants || waitpid($0.pid, &status, WNOHANG) == $0.pid }
        }
        guard adoptsOrphans else { return }
        var status: Int32 = 0
        for orphan in adoptedChildren() {
            kill(orphan, SIGKILL)
            waitpid(orphan, &status, 0)
        }
    }

    /// Before the worker exits: every run it left unreaped (each was killed with
    /// its group when it finished) is waited for, and orphans are killed and
    /// waited for. Left, they would pass to guidecheck, which waits for its
    /// workers only, as zombies until it exits.
    static func reapAll() {
        pending.withLock { pending in
            var status: Int32 = 0
            // Killed with its group already, unless it left the group: kill it by pid too.
            for entry in pending {
                kill(entry.pid, SIGKILL)
                waitpid(entry.pid, &status, 0)
            }
            pending.removeAll()
        }
        sweepBeforeRun()
    }

    /// Every descendant of `pid`, from each process's /proc children lists.
    static func descendants(of pid: pid_t) -> [pid_t] {
        var found: [pid_t] = []
        var frontier = [pid]
        while let next = frontier.popLast() {
            let children = children(of: "/proc/\(next)/task")
            found += children
            frontier += children
        }
        return found
    }

    /// Makes this process the reaper of its descendants' orphans (a worker).
    static func becomeSubreaper() {
        if gc_become_subreaper() == 0 { isSubreaper.withLock { $0 = true } }
    }

    /// Children that finished on their report and were not waited for yet.
    private static let pending = Mutex<[(pid: pid_t, hadDescendants: Bool)]>([])
    private static let isSubreaper = Mutex(false)
    /// Whether orphans come back to this process; in any other (a test runner,
    /// an embedding application) every child is someone's own.
    static var adoptsOrphans: Bool { isSubreaper.withLock { $0 } }

    /// The children of this process, from /proc (each thread lists its own).
    static func adoptedChildren() -> [pid_t] { children(of: "/proc/self/task") }

    /// The children listed under a /proc/PID/task folder.
    private static func children(of tasks: String) -> [pid_t] {
        let threads = ProcFile.names(in: tasks) ?? []
        return threads.flatMap { thread -> [pid_t] in
            let text = ProcFile.read("\(tasks)/\(thread)/children") ?? ""
            return text.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }
}
