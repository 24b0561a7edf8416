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
            // SIGPIPE deliverable, whatever mask the test runner started it with:
            // otherwise a plain write would pass too.
            var pipeOnly = sigset_t()
            sigemptyset(&pipeOnly)
            sigaddset(&pipeOnly, SIGPIPE)
            pthread_sigmask(SIG_UNBLOCK, &pipeOnly, nil)
            let worker = try WorkerProcessTests.shell(then: "exit 0")
            #expect(worker.python == "3.11.2")
            _ = worker.waitForExit()
            let error = #expect(throws: WorkerError.self) { try worker.send("a request") }
            #expect(error?.message.hasPrefix("the worker is gone: Broken pipe") == true, "\(String(describing: error))")
            // guidecheck's own disposition is untouched: still the default.
            var current = sigaction()
            sigaction(SIGPIPE, nil, &current)
            #expect(current.__sigaction_handler.sa_handler == nil, "SIGPIPE is no longer SIG_DFL")
        }
    }

    @Test("a worker that dies while running a job: the error says how it ended")
    func deathWhileRunning() throws {
        let worker = try Self.shell(then: "kill -KILL $$")
        let error = try #require(throws: WorkerError.self) { try worker.next() }
        #expect(error.message.contains("died (killed by SIGKILL)"), "\(error.message)")
    }

    @Test("a body larger than one read (64 KiB) arrives whole")
    func splitLine() throws {
        let worker = try Self.shell(then: #"printf '{"kind":"body","body":"'; head -c 300000 /dev/zero | tr '\0' x; printf '"}\n'"#)
        #expect(try worker.next() == String(repeating: "x", count: 300_000))
    }
}
