import Foundation
import Testing
import Workers

/// The parent's side of the worker protocol, against stand-in workers (a shell
/// that says it is ready), so each way a worker can fail is certain.
@Suite("Talking to a worker process")
struct WorkerProcessTests {
    /// A worker that is ready, then runs `then`.
    static func shell(then: String) throws -> WorkerProcess<String, String> {
        try WorkerProcess(executable: "/bin/sh", arguments: ["-c", #"echo '{"kind":"ready","python":"3.11.2"}'; "# + then])
    }

    @Test("a worker that is gone: sending to it is an error, not guidecheck's death by SIGPIPE")
    func sendingToADeadWorker() async throws {
        // In a process of its own, where nothing else has set SIGPIPE aside.
        await #expect(processExitsWith: .success) {
            let worker = try WorkerProcessTests.shell(then: "exit 0")
            #expect(worker.python == "3.11.2")
            _ = worker.waitForExit()
            // More than a pipe holds, so the write cannot just sit in the buffer.
            let request = String(repeating: "x", count: 1 << 20)
            #expect(throws: WorkerError.self) { try worker.send(request) }
        }
    }

    @Test("a worker that dies while running a job: the error says how it ended")
    func deathWhileRunning() throws {
        let worker = try Self.shell(then: "kill -KILL $$")
        let error = try #require(throws: WorkerError.self) { try worker.next() }
        #expect(error.message.contains("died (killed by SIGKILL)"), "\(error.message)")
    }

    @Test("a body arrives whole, however the worker splits its line")
    func splitLine() throws {
        let worker = try Self.shell(then: #"printf '{"kind":"bo'; sleep 0.05; printf 'dy","body":"done"}\n'"#)
        #expect(try worker.next() == "done")
    }
}
