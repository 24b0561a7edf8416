import Glibc

/// The one OS thread that owns the interpreter.
///
/// CPython treats the thread that initialised it as its main thread: only there do
/// `signal.signal` and asyncio's wakeup fd work, and only there may guidecheck
/// fork a snippet's process. Swift's cooperative pool and Dispatch queues move
/// work between threads, so every piece of Python work is funnelled onto this
/// thread, one job at a time, in submission order.
final class PythonThread: @unchecked Sendable {
    typealias Job = () -> Void

    // Guarded by `mutex`; the pointers keep the pthread objects at fixed addresses.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var jobs: [Job] = []
    private var handle = pthread_t()

    /// Python's thread gets 16 MiB of stack, twice the 8 MiB a `python3` main
    /// thread gets on Linux (`ulimit -s`): guidecheck's own frames (Swift, the
    /// job, the fork) sit below Python's, and deep C-level recursion should still
    /// meet Python's RecursionError before the end of the stack, as under `python3`.
    init(stackSize: Int = 16 << 20) {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&handle, &attributes, { context in
            let thread = Unmanaged<PythonThread>.fromOpaque(context!).takeRetainedValue()
            thread.runLoop()
            return nil
        }, context)
        pthread_attr_destroy(&attributes)
        precondition(status == 0, "guidecheck: cannot start the Python thread (pthread_create: \(status))")
    }

    /// True on the Python thread itself.
    var isCurrent: Bool { pthread_equal(pthread_self(), handle) != 0 }

    func submit(_ job: @escaping Job) {
        pthread_mutex_lock(mutex)
        jobs.append(job)
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Runs `job` on the Python thread and blocks the caller until it is done.
    func runBlocking<T>(_ job: @escaping () -> T) -> T {
        if isCurrent { return job() }
        let done = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
        sem_init(done, 0, 0)
        defer { sem_destroy(done); done.deallocate() }
        nonisolated(unsafe) var result: T?
        submit {
            result = job()
            sem_post(done)
        }
        while sem_wait(done) != 0 {}  // retry on EINTR
        return result!
    }

    private func runLoop() {
        // A python3 process starts with no signals blocked. guidecheck may have
        // inherited a blocked mask from whatever started it (a test runner's
        // thread, a CI agent); the interpreter's thread, and every process it
        // forks or spawns, must not: Pool.terminate() relies on SIGTERM arriving.
        var empty = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, nil)
        while true {
            pthread_mutex_lock(mutex)
            while jobs.isEmpty { pthread_cond_wait(condition, mutex) }
            let job = jobs.removeFirst()
            pthread_mutex_unlock(mutex)
            job()
        }
    }
}
