import Foundation

/// Runs one benchmark process (`guidecheck __bench-worker`) and hands each line
/// it writes to `onLine` as it arrives; kills it at `timeout`.
struct BenchProcess {
    let executable: String
    let arguments: [String]
    let environment: [String: String]

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    func run(_ job: BenchJob, timeout: Double, onLine: (BenchLine) -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["__bench-worker"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch {
            throw Failure(message: "cannot start a benchmark process: \(error.localizedDescription)")
        }
        var data = try JSONEncoder().encode(job)
        data.append(UInt8(ascii: "\n"))
        try input.fileHandleForWriting.write(contentsOf: data)
        try input.fileHandleForWriting.close()

        let timer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        defer { timer.cancel() }
        var buffer = Data()
        var finished = false
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                guard let parsed = try? JSONDecoder().decode(BenchLine.self, from: line) else { continue }
                if let error = parsed.error { throw Failure(message: error) }
                if parsed.done == true { finished = true } else { onLine(parsed) }
            }
        }
        process.waitUntilExit()
        guard finished else {
            let how = process.terminationReason == .uncaughtSignal ? "killed by signal \(process.terminationStatus)" : "exit status \(process.terminationStatus)"
            throw Failure(message: "the benchmark process ended early (\(how)\(process.terminationStatus == SIGKILL ? ", after its \(Int(timeout)) s limit" : ""))")
        }
    }
}
