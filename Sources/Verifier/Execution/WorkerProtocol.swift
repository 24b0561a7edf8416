import CProcessControl
import Foundation

/// The messages between the parent and a worker: one JSON object per line.
///
/// A worker is `guidecheck __worker`, a process of guidecheck's own embedding
/// CPython. It answers `ready` once its interpreter is up, then one `outcome`
/// per `job`, in order.
enum WorkerMessage: Codable, Sendable {
    case ready(python: String)
    case failed(String)
    case job(id: Int, job: SnippetJob)
    case outcome(id: Int, outcome: SnippetOutcome)

    func line() -> Data {
        var data = (try? JSONEncoder().encode(self)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    static func parse(_ line: Substring) -> WorkerMessage? {
        try? JSONDecoder().decode(WorkerMessage.self, from: Data(line.utf8))
    }
}

/// The worker's side: serve jobs until stdin ends.
public enum WorkerLoop {
    public static func serve(configuration: WorkerSetup) -> Int32 {
        // The protocol owns stdout; anything else that writes there (a stray
        // print) goes to /dev/null instead of corrupting it.
        let channel = fcntl(1, F_DUPFD_CLOEXEC, 10)
        let empty = open("/dev/null", O_WRONLY)
        dup2(empty, 1)
        close(empty)
        // Orphans a snippet leaves (a daemonised child) come back to this worker,
        // which kills them after each snippet.
        ChildSupervisor.becomeSubreaper()
        // Stopped (the parent was interrupted, or died), a worker takes its
        // current snippet's whole process group with it.
        _ = gc_kill_group_on_termination()
        _ = gc_die_with_parent(SIGTERM)
        let executor: SnippetExecutor
        do {
            executor = try configuration.makeExecutor()
        } catch {
            send(.failed("\(error)"), to: channel)
            return 2
        }
        send(.ready(python: executor.interpreter.info.version), to: channel)
        while let line = readLine(strippingNewline: true) {
            guard case .job(let id, let job)? = WorkerMessage.parse(line[...]) else { continue }
            send(.outcome(id: id, outcome: executor.run(job)), to: channel)
        }
        return 0
    }

    private static func send(_ message: WorkerMessage, to channel: Int32) {
        // A parent that is gone reads nothing; the worker ends at its next read.
        _ = message.line().withUnsafeBytes { gc_write_all(channel, $0.baseAddress, $0.count) }
    }
}

/// How a worker starts its interpreter.
public struct WorkerSetup: Sendable {
    public var makeExecutor: @Sendable () throws -> SnippetExecutor
    public init(makeExecutor: @escaping @Sendable () throws -> SnippetExecutor) {
        self.makeExecutor = makeExecutor
    }
}
