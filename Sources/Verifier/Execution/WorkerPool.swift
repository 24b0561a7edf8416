import Foundation
import Workers

/// Runs snippet jobs somewhere and reports each outcome as it arrives.
public protocol SnippetRunner: Sendable {
    /// The Python version the runs use.
    func pythonVersion() throws -> String
    /// Runs every job; jobs named in `exclusive` run with nothing beside them.
    func run(_ jobs: [SnippetJob], exclusive: Set<String>,
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
/// Ordinary snippets run on up to `count` workers at once; exclusive ones (their
/// claims are about timing or parallelism) run afterwards, one at a time, with
/// no other snippet running. A worker that dies takes only its current snippet
/// with it: that snippet is reported, a new worker takes over.
public final class WorkerPool: SnippetRunner, @unchecked Sendable {
    let executable: String
    let arguments: [String]
    let count: Int
    private let lock = NSLock()
    private var live: [SnippetWorker] = []
    private var phases: (shared: Double, exclusive: Double) = (0, 0)

    public var phaseSeconds: (shared: Double, exclusive: Double) { lock.withLock { phases } }

    public init(executable: String, arguments: [String] = [], count: Int) {
        self.executable = executable
        self.arguments = arguments
        self.count = max(1, count)
    }

    public func pythonVersion() throws -> String {
        let worker = try SnippetWorker(executable: executable, arguments: ["__worker"] + arguments)
        defer { worker.terminate() }
        return worker.python
    }

    public func run(_ jobs: [SnippetJob], exclusive: Set<String>,
                    progress: @escaping @Sendable (SnippetOutcome) -> Void) -> [String: SnippetOutcome] {
        let results = Results()
        let shared = jobs.filter { !exclusive.contains($0.program.name) }
        let alone = jobs.filter { exclusive.contains($0.program.name) }
        let start = Date()
        runConcurrently(shared, workers: min(count, max(1, shared.count)), results: results, progress: progress)
        let middle = Date()
        runConcurrently(alone, workers: 1, results: results, progress: progress)
        lock.withLock { phases = (middle.timeIntervalSince(start), Date().timeIntervalSince(middle)) }
        return results.all
    }

    /// Stops every worker (and, through their death signal, their snippets).
    public func terminateAll() {
        lock.lock()
        let workers = live
        lock.unlock()
        workers.forEach { $0.terminate() }
    }

    private func runConcurrently(_ jobs: [SnippetJob], workers: Int, results: Results,
                                 progress: @escaping @Sendable (SnippetOutcome) -> Void) {
        guard !jobs.isEmpty else { return }
        let queue = JobQueue(jobs)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                var worker: SnippetWorker?
                while let (id, job) = queue.next() {
                    let outcome = perform(job, id: id, on: &worker)
                    results.add(outcome)
                    progress(outcome)
                }
                if let worker { retire(worker) }
            }
        }
        group.wait()
    }

    private func perform(_ job: SnippetJob, id: Int, on worker: inout SnippetWorker?) -> SnippetOutcome {
        do {
            if worker == nil {
                let started = try SnippetWorker(executable: executable, arguments: ["__worker"] + arguments)
                register(started)
                worker = started
            }
            return try worker!.exchange(NumberedJob(id: id, job: job)).outcome
        } catch {
            if let broken = worker { retire(broken) }
            worker = nil
            return SnippetOutcome(snippet: job.program.name, problem: "\(error)")
        }
    }

    private func register(_ worker: SnippetWorker) {
        lock.lock()
        live.append(worker)
        lock.unlock()
    }

    private func retire(_ worker: SnippetWorker) {
        worker.terminate()
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
