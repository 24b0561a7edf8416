import Glibc

/// An exclusive lock on the `expected/` folder for the length of an `update`,
/// so two updates can never interleave their writes. It is a `flock` on the
/// folder itself: nothing is created in it, and the kernel drops the lock when
/// the process ends, however it ends.
struct ExpectedLock {
    private let descriptor: Int32

    static func acquire(_ directory: String) throws -> ExpectedLock {
        mkdir(directory, 0o755)
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CommandFailure(message: "\(directory): cannot open: \(String(cString: strerror(errno)))", exitCode: .configuration)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw CommandFailure(message: "\(directory) is being updated by another guidecheck update; wait for it to finish, then run this one again",
                                 exitCode: .configuration)
        }
        return ExpectedLock(descriptor: descriptor)
    }

    func release() { close(descriptor) }
}
