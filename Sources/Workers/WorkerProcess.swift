import CProcessControl
import Foundation

/// Why a worker could not do its job.
public struct WorkerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// One worker process of guidecheck's own (`guidecheck __worker`, `guidecheck
/// __bench-worker`), each embedding CPython, fed requests on stdin and read one
/// message at a time, in the worker's `WireFormat`.
public final class WorkerProcess<Request: Encodable, Body: Codable & Sendable>: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    private let format: WireFormat
    /// Where the search for the next newline in `buffer` resumes.
    private var scanned = 0
    /// The Python version the worker reported when it was ready.
    public private(set) var python = ""

    /// Starts `executable arguments…` and waits for it to say it is ready.
    /// `launch` is handed the start itself, which returns the pid: a caller can
    /// wrap it (hold a lock, note the pid) before the wait for ready.
    public init(executable: String, arguments: [String], environment: [String: String] = [:],
                format: WireFormat = .jsonLines,
                launch: (_ start: () throws -> pid_t) throws -> Void = { start in _ = try start() }) throws {
        self.format = format
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = input
        process.standardOutput = output
        let process = self.process
        do {
            try launch {
                try process.run()
                return process.processIdentifier
            }
        } catch {
            throw WorkerError(message: "cannot start a worker (\(executable)): \(error.localizedDescription)")
        }
        switch try receive() {
        case .ready(let version): python = version
        case .failed(let message): throw WorkerError(message: message)
        case .body: throw WorkerError(message: "the worker answered before it was ready")
        }
    }

    public var pid: pid_t { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    public func send(_ request: Request) throws {
        var data: Data
        switch format {
        case .jsonLines:
            data = (try? WireCoders.encoder.encode(request)) ?? Data()
            data.append(UInt8(ascii: "\n"))
        case .compactFrames:
            data = Data(WireFormat.frame((try? CompactCoding.encode(request)) ?? []))
        }
        // A worker that died must make this write fail (EPIPE: the worker is
        // gone), not kill guidecheck with SIGPIPE; guidecheck's own disposition
        // stays the default (`guidecheck verify | head` ends as usual).
        let code = data.withUnsafeBytes {
            gc_write_all_without_sigpipe(input.fileHandleForWriting.fileDescriptor, $0.baseAddress, $0.count) == 0 ? 0 : errno
        }
        if code != 0 { throw WorkerError(message: "the worker is gone: \(String(cString: strerror(code)))") }
    }

    /// Closes the worker's stdin: it ends once it has answered what it was sent.
    public func finishSending() { try? input.fileHandleForWriting.close() }

    /// The next body the worker sends; a `failed` message or the worker's death
    /// is an error.
    public func next() throws -> Body {
        switch try receive() {
        case .body(let body): return body
        case .failed(let message): throw WorkerError(message: message)
        case .ready: throw WorkerError(message: "the worker answered out of turn")
        }
    }

    /// Sends one request and returns the one body it answers with.
    public func exchange(_ request: Request) throws -> Body {
        try send(request)
        return try next()
    }

    /// Stops it and waits: its stdin closed, an idle worker ends by itself
    /// (and its CPU time is counted as this process's children's); one that
    /// has not ended within a second (at once, when not `graceful`) gets SIGTERM (a worker takes its current
    /// run's processes with it), and one that does not end within another
    /// (stopped by a program it ran, say) is killed.
    public func terminate(graceful: Bool = true) {
        try? input.fileHandleForWriting.close()
        for _ in 0..<(graceful ? 100 : 0) where process.isRunning { usleep(10_000) }
        if process.isRunning {
            let pid = process.processIdentifier
            Foundation.kill(pid, SIGCONT)
            process.terminate()
            for _ in 0..<100 where process.isRunning { usleep(10_000) }
            if process.isRunning { Foundation.kill(pid, SIGKILL) }
        }
        process.waitUntilExit()
    }

    /// Kills it at once.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// Waits for it to end; how it ended, in words.
    public func waitForExit() -> String {
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
            ? "killed by \(String(cString: gc_signal_name(process.terminationStatus)))" : "exit status \(process.terminationStatus)"
    }

    /// What the worker has written so far (empty at its end). A read error is
    /// an error of this job, where `availableData` would trap.
    private func readChunk() throws -> Data {
        var chunk = Data(count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(output.fileHandleForReading.fileDescriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return chunk.prefix(count) }
            if errno != EINTR { throw WorkerError(message: "cannot read from the worker: \(String(cString: strerror(errno)))") }
        }
    }

    private func receive() throws -> WorkerMessage<Body> {
        while format == .compactFrames {
            if let (payload, used) = WireFormat.frame(in: buffer) {
                buffer = Data(buffer.dropFirst(used))
                guard let message = try? CompactCoding.decode(WorkerMessage<Body>.self, from: payload) else {
                    throw WorkerError(message: "the worker sent a message that does not decode")
                }
                return message
            }
            let chunk = try readChunk()
            if chunk.isEmpty {
                throw WorkerError(message: "the worker process died (\(waitForExit())) while running it")
            }
            buffer.append(chunk)
        }
        while true {
            // Only the bytes not searched yet: a large message arrives in many
            // chunks, and searching it from the start each time is quadratic.
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                let message = WorkerMessage<Body>.parse(Data(line))
                buffer = Data(buffer[(newline + 1)...])
                scanned = buffer.startIndex
                if let message { return message }
                continue
            }
            scanned = buffer.endIndex
            let chunk = try readChunk()
            if chunk.isEmpty {
                throw WorkerError(message: "the worker process died (\(waitForExit())) while running it")
            }
            buffer.append(chunk)
        }
    }
}
