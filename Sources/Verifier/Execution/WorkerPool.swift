import Foundation
import Runner
import Workers

/// Runs snippet jobs somewhere and reports each outcome as it arrives.
public protocol SnippetRunner: Sendable {
    /// The Python version the runs use.
    func pythonVersion() throws -> String
    /// Runs every job; jobs named in `exclusive` run with nothing beside them.
    /// With `varied`, the jobs run in interpreters with another hash seed than
    /// the others (where the runner can start them: workers can, one process cannot).
    func run(_ jobs: [SnippetJob], exclusive: Set<String>, varied: Bool,
             progress: @escaping @Sendable (SnippetOutcome) -> Void) -> [String: SnippetOutcome]
    /// Wall seconds of the last run's two phases: snippets side by side, then
    /// the exclusive ones alone.
    var phaseSeconds: (shared: Double, exclusive: Double) { get }
}

extension SnippetRunner {
    public var phaseSeconds: (shared: Double, exclusive: Double) { (0, 0) }
}

/// Worker processes of guidecheck's own (`guidecheck __worker`), each embedding
/// CPython, fed jobs over pipes.
///
/// Every worker of a run shares one hash seed, picked at random for the run, so
/// a program sees the same one whichever worker runs it; varied runs go to
/// workers started with another.
///
/// Ordinary snippets run on up to `count` workers at once; exclusive ones (their
/// claims are about timing or parallelism) run afterwards, one at a time, with
/// no other snippet running. A worker that dies takes only its current snippet
/// with it: that snippet is reported, a new worker takes over.
public final class WorkerPool: SnippetRunner, @unchecked Sendable {
    let executable: String
    let arguments: [String]
    let count: Int
    /// The hash seed of the ordinary workers, and of those that run varied jobs.
    let hashSeed = UInt32.random(in: 0...(UInt32.max - 1))
    var variedHashSeed: UInt32 { hashSeed + 1 }
    private let lock = NSLock()
    private var live: [SnippetWorker] = []
    /// Set by `terminateAll`: no job is started, and no worker, after a stop.
    private var stopped = false
    private var phases: (shared: Double, exclusive: Double) = (0, 0)
    /// The worker `pythonVersion` started, kept for the first job: an
    /// interpreter started only to say its version cost a worker's start-up.
    private var spare: SnippetWorker?
    /// Workers started and not yet registered (see `startWorker`).
    private var starting: Set<pid_t> = []
    /// Held while a worker is spawned and while orphans are swept.
    private let spawning = NSLock()

    public var phaseSeconds: (shared: Double, exclusive: Double) { lock.withLock { phases } }

    public init(executable: String, arguments: [String] = [], count: Int) {
        self.executable = executable
        self.arguments = arguments
        self.count = max(1, count)
    }

    public func pythonVersion() throws -> String {
        if let python = lock.withLock({ spare?.python }) { return python }
        let worker = try startWorker(arguments: workerArguments(varied: false))
        guard register(worker) else {
            worker.terminate(graceful: false)
            return worker.python
        }
        lock.withLock { spare = worker }
        return worker.python
    }

    /// Starts a worker. Until `register` takes it, its pid is among `starting`;
    /// it is spawned under `spawning`, which the orphan sweep also holds, so the
    /// sweep never sees a worker that is neither spawned nor known.
    private func startWorker(arguments: [String]) throws -> SnippetWorker {
        var spawned: pid_t?
        do {
            return try SnippetWorker(executable: executable, arguments: arguments, environment: Self.workerEnvironment,
                                     format: .compactFrames) { start in
                try spawning.withLock {
                    let pid = try start()
                    spawned = pid
                    lock.withLock { _ = starting.insert(pid) }
                }
            }
        } catch {
            if let spawned { lock.withLock { _ = starting.remove(spawned) } }
            throw error
        }
    }

    /// What a dead worker's runs left is now this process's: stop it, sparing
    /// this pool's workers (those starting included; none starts meanwhile).
    private func killOrphans() {
        spawning.withLock { ProgramRunner.killOrphans(sparing: livePids) }
    }

    /// The spare worker, when it was started with `arguments` and is still alive.
    private func takeSpare(arguments: [String]) -> SnippetWorker? {
        let kept: SnippetWorker? = lock.withLock {
            guard let kept = spare, arguments == workerArguments(varied: false) else { return nil }
            spare = nil
            return kept
        }
        guard let kept, kept.isRunning else {
            if let dead = kept { retire(dead, graceful: false) }
            return nil
        }
        return kept
    }

    public func run(_ jobs: [SnippetJob], exclusive: Set<String>, varied: Bool,
                    progress: @escaping @Sendable (SnippetOutcome) -> Void) -> [String: SnippetOutcome] {
        let results = Results()
        let shared = jobs.filter { !exclusive.contains($0.program.name) }
        let alone = jobs.filter { exclusive.contains($0.program.name) }
        let start = Date()
        let arguments = workerArguments(varied: varied)
        runConcurrently(shared, workers: min(count, max(1, shared.count)), arguments: arguments, results: results, progress: progress)
        let middle = Date()
        runConcurrently(alone, workers: 1, arguments: arguments, results: results, progress: progress)
        if !varied { lock.withLock { phases = (middle.timeIntervalSince(start), Date().timeIntervalSince(middle)) } }
        // A spare no job took (there was none to run) ends here, not at exit.
        if let unused = takeSpare(arguments: workerArguments(varied: false)) { retire(unused) }
        return results.all
    }

    /// Workers resolve every symbol when they start (`LD_BIND_NOW`): lazily, each
    /// forked run would resolve the ones it calls first and write them into the
    /// shared GOT, a copy-on-write page fault for every run.
    static let workerEnvironment = ["LD_BIND_NOW": "1"]

    private func workerArguments(varied: Bool) -> [String] {
        ["__worker"] + arguments + ["--hash-seed", String(varied ? variedHashSeed : hashSeed)]
    }

    /// Stops every worker (and, through their death signal, their snippets).
    /// A stop can come before a worker exists: none starts afterwards.
    public func terminateAll() {
        lock.lock()
        stopped = true
        let workers = live
        lock.unlock()
        workers.forEach { $0.terminate(graceful: false) }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func runConcurrently(_ jobs: [SnippetJob], workers: Int, arguments: [String], results: Results,
                                 progress: @escaping @Sendable (SnippetOutcome) -> Void) {
        guard !jobs.isEmpty else { return }
        let queue = JobQueue(jobs)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                var worker: SnippetWorker?
                while !isStopped, let (id, job) = queue.next() {
                    let outcome = perform(job, id: id, arguments: arguments, on: &worker)
                    results.add(outcome)
                    progress(outcome)
                }
                if let worker { retire(worker) }
            }
        }
        group.wait()
    }

    private func perform(_ job: SnippetJob, id: Int, arguments: [String], on worker: inout SnippetWorker?) -> SnippetOutcome {
        var read: SnippetOutcome?
        do {
            if worker == nil, let kept = takeSpare(arguments: arguments) {
                worker = kept
            } else if worker == nil {
                let started = try startWorker(arguments: arguments)
                guard register(started) else {
                    started.terminate(graceful: false)
                    var outcome = SnippetOutcome(snippet: job.program.name)
                    outcome.problem = "guidecheck was stopped before it ran"
                    return outcome
                }
                worker = started
            }
            try worker!.send(NumberedJob(id: id, job: job))
            // The worker enforces each run's time limit; this watchdog catches a
            // worker that cannot (wedged by what it ran).
            let current = worker!
            let watchdog = DispatchWorkItem { current.kill() }
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.deadline(for: job), execute: watchdog)
            defer { watchdog.cancel() }
            // A run can stop its worker (SIGSTOP to its parent, under --isolation
            // processes); nothing else stops one. Continued at once, the worker
            // supervises the run to its end and its time limit holds.
            let resume = DispatchSource.makeTimerSource(queue: .global())
            resume.schedule(deadline: .now() + 0.2, repeating: 0.2)
            resume.setEventHandler { if Self.isStopped(current.pid) { Foundation.kill(current.pid, SIGCONT) } }
            resume.resume()
            defer { resume.cancel() }
            while true {
                let message = try worker!.next()
                if message.final {
                    var outcome = message.outcome
                    if message.readingSent == true, let read { outcome.reading = read.reading }
                    return outcome
                }
                read = message.outcome
            }
        } catch {
            if let broken = worker { retire(broken, graceful: false) }
            worker = nil
            killOrphans()
            // The claims were read before the runs: report each, with why there is no result.
            var outcome = read ?? SnippetOutcome(snippet: job.program.name)
            outcome.problem = "\(error)"
            return outcome
        }
    }

    /// Whether the process is stopped by a signal (state T in /proc/PID/stat).
    static func isStopped(_ pid: pid_t) -> Bool {
        guard let stat = ProcFile.read("/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[close...].dropFirst(2).first == "T"
    }

    /// How long a worker may take over a job before it is killed: each run's
    /// time limit and its stack dump, plus time to read and start.
    static func deadline(for job: SnippetJob) -> Double {
        Double(max(1, job.settings.modes.count)) * (job.settings.limits.timeout + 1) + 5
    }

    /// Every worker of this pool, registered or still starting: not orphans.
    private var livePids: Set<pid_t> { lock.withLock { Set(live.map(\.pid)).union(starting) } }

    /// Adds a started worker to those a stop terminates; false once stopped.
    private func register(_ worker: SnippetWorker) -> Bool {
        lock.withLock {
            starting.remove(worker.pid)
            guard !stopped else { return false }
            live.append(worker)
            return true
        }
    }

    private func retire(_ worker: SnippetWorker, graceful: Bool = true) {
        worker.terminate(graceful: graceful)
        lock.lock()
        live.removeAll { $0 === worker }
        lock.unlock()
    }

    private final class JobQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var jobs: [SnippetJob]
        private var issued = 0

        init(_ jobs: [SnippetJob]) { self.jobs = jobs }

        func next() -> (Int, SnippetJob)? {
            lock.lock()
            defer { lock.unlock() }
            guard issued < jobs.count else { return nil }
            issued += 1
            return (issued, jobs[issued - 1])
        }
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var outcomes: [String: SnippetOutcome] = [:]

        func add(_ outcome: SnippetOutcome) {
            lock.lock()
            outcomes[outcome.snippet] = outcome
            lock.unlock()
        }

        var all: [String: SnippetOutcome] {
            lock.lock()
            defer { lock.unlock() }
            return outcomes
        }
    }
}

/// A `guidecheck __worker` process.
typealias SnippetWorker = WorkerProcess<NumberedJob, NumberedOutcome>
