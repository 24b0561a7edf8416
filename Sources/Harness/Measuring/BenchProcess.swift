import Foundation
import Workers

/// Runs one benchmark process (`guidecheck __bench-worker`, or a plain
/// interpreter running bench_child's `serve()`) and hands each value line it
/// sends to `onLine` as it arrives; kills it at `timeout`.
struct BenchProcess {
    let executable: String
    let arguments: [String]
    let environment: [String: String]
    /// Whether `__bench-worker` comes first: false for a plain interpreter.
    var protocolArguments = true

    init(executable: String, arguments: [String], environment: [String: String], protocolArguments: Bool = true) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.protocolArguments = protocolArguments
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Returns the Python version the process reported.
    @discardableResult
    func run(_ job: BenchJob, timeout: Double, onLine: (BenchLine) -> Void) throws -> String {
        let worker: WorkerProcess<BenchJob, BenchLine>
        do {
            worker = try WorkerProcess(executable: executable, arguments: (protocolArguments ? ["__bench-worker"] : []) + arguments,
                                       environment: environment)
        } catch {
            throw Failure(message: "cannot start a benchmark process: \(error)")
        }
        try worker.send(job)
        worker.finishSending()
        let timedOut = Flag()
        let timer = DispatchWorkItem {
            timedOut.set()
            worker.kill()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        defer { timer.cancel() }
        do {
            while true {
                let line = try worker.next()
                if line.done == true { break }
                onLine(line)
            }
        } catch {
            let how = worker.waitForExit()
            if timedOut.isSet { throw Failure(message: "the benchmark process ended early (\(how), after its \(Int(timeout)) s limit)") }
            throw Failure(message: "\(error)")
        }
        _ = worker.waitForExit()
        return worker.python
    }

    /// Set once, from the timer's thread.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}
