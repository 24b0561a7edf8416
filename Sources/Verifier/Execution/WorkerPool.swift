import Foundation

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
    private var live: [WorkerProcess] = []
    private var phases: (shared: Double, exclusive: Double) = (0, 0)

    public var phaseSeconds: (shared: Double, exclusive: Double) { lock.withLock { phases } }

    public init(executable: String, arguments: [String] = [], count: Int) {
        self.executable = executable
        self.arguments = arguments
        self.count = max(1, count)
    }

    public func pythonVersion() throws -> String {
        let worker = try WorkerProcess(executable: executable, arguments: arguments)
        defer { worker.terminate() }
        return worker.python
    }

    public func run(_ jobs: [SnippetJob], exclusive: Set<String>,
                    progress: @escaping @Sendable (SnippetOutcome) -> Void) -> [String: SnippetOutcome] {
        let results = Results()
        let shared = jobs.filter { !exclusive.contains($0.snippet.name) }
        let alone = jobs.filter { exclusive.contains($0.snippet.name) }
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
                var worker: WorkerProcess?
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

    private func perform(_ job: SnippetJob, id: Int, on worker: inout WorkerProcess?) -> SnippetOutcome {
        do {
            if worker == nil {
                let started = try WorkerProcess(executable: executable, arguments: arguments)
                register(started)
                worker = started
            }
            return try worker!.run(job, id: id)
        } catch {
            if let broken = worker { retire(broken) }
            worker = nil
            return SnippetOutcome(snippet: job.snippet.name, problem: "\(error)")
        }
    }

    private func register(_ worker: WorkerProcess) {
        lock.lock()
        live.append(worker)
        lock.unlock()
    }

    private func retire(_ worker: WorkerProcess) {
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

/// Why a worker could not do its job.
public struct WorkerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// One `guidecheck __worker` process and its two pipes.
final class WorkerProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    let python: String

    init(executable: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["__worker"] + arguments
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch {
            throw WorkerError(message: "cannot start a worker (\(executable)): \(error.localizedDescription)")
        }
        var python = ""
        switch try Self.receive(from: output.fileHandleForReading, buffer: &buffer, process: process) {
        case .ready(let version): python = version
        case .failed(let message): throw WorkerError(message: message)
        default: throw WorkerError(message: "the worker answered out of turn")
        }
        self.python = python
    }

    func run(_ job: SnippetJob, id: Int) throws -> SnippetOutcome {
        do {
            try input.fileHandleForWriting.write(contentsOf: WorkerMessage.job(id: id, job: job).line())
        } catch {
            throw WorkerError(message: "the worker is gone: \(error.localizedDescription)")
        }
        guard case .outcome(_, let outcome) = try Self.receive(from: output.fileHandleForReading, buffer: &buffer, process: process) else {
            throw WorkerError(message: "the worker answered out of turn")
        }
        return outcome
    }

    func terminate() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    private static func receive(from handle: FileHandle, buffer: inout Data, process: Process) throws -> WorkerMessage {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                if let message = WorkerMessage.parse(Substring(decoding: line, as: UTF8.self)) { return message }
                continue
            }
            let chunk = handle.availableData
            if chunk.isEmpty {
                process.waitUntilExit()
                let how = process.terminationReason == .uncaughtSignal
                    ? "killed by signal \(process.terminationStatus)" : "exit status \(process.terminationStatus)"
                throw WorkerError(message: "the worker process died (\(how)) while running it")
            }
            buffer.append(chunk)
        }
    }
}
