import Foundation
import Workers

/// Runs one benchmark process (`guidecheck __bench-worker`) and hands each value
/// line it sends to `onLine` as it arrives; kills it at `timeout`.
struct BenchProcess {
    let executable: String
    let arguments: [String]
    let environment: [String: String]

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    func run(_ job: BenchJob, timeout: Double, onLine: (BenchLine) -> Void) throws {
        let worker: WorkerProcess<BenchJob, BenchLine>
        do {
            worker = try WorkerProcess(executable: executable, arguments: ["__bench-worker"] + arguments, environment: environment)
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
    }

    /// Set once, from the timer's thread.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}
