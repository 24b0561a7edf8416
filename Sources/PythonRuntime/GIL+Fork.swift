import CPython
import Glibc

/// Why a fork failed.
public struct ForkError: Error, Sendable, CustomStringConvertible {
    public var errno: Int32
    public var description: String { "fork failed: \(String(cString: strerror(errno)))" }
}

extension GIL {
    /// Forks this process and runs `child` in the copy; returns the child's pid.
    ///
    /// A fork from a warm interpreter gives each snippet a pristine interpreter in
    /// well under a millisecond, where starting CPython takes tens. It is safe here
    /// because it happens on the Python thread with the GIL held, inside
    /// `PyOS_BeforeFork`/`PyOS_AfterFork_*` (which take and reset CPython's own
    /// locks and run `os.register_at_fork` hooks). In the child only this thread
    /// exists; `child` returns the exit status and the child ends with `_exit`,
    /// never returning into the parent's Swift code.
    public mutating func fork(_ child: (inout GIL) -> Int32) throws(ForkError) -> pid_t {
        PyOS_BeforeFork()
        let pid = Glibc.fork()
        if pid == 0 {
            PyOS_AfterFork_Child()
            let status = child(&self)
            flushStandardStreams()
            _exit(status)
        }
        let error = errno
        PyOS_AfterFork_Parent()
        if pid < 0 { throw ForkError(errno: error) }
        return pid
    }
}
