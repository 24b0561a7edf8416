import Foundation
import TestSupport
import Testing

/// Stopping `guidecheck update` mid-run, and two updates at once.
@Suite("Interrupting an update")
struct InterruptionTests {
    /// A corpus whose `slow.py`, once started, writes its pid to `started` and sleeps.
    static func corpus() throws -> (ScratchDirectory, [String: Data]) {
        let scratch = ScratchDirectory()
        scratch.write("snippets/q05_interning.py", try String(contentsOfFile: GuideCheckCommand.packageRoot.path + "/snippets/q05_interning.py", encoding: .utf8))
        scratch.write("snippets/slow.py", "print('quick')  # quick\n")
        let first = try GuideCheckCommand.run(["update"], directory: scratch.path)
        try #require(first.status == 0, "\(first.stderr)")
        scratch.write("snippets/slow.py", """
            import os, time
            open(os.environ['GUIDECHECK_TEST_STARTED'], 'w').write(str(os.getpid()))
            time.sleep(20)
            open(os.environ['GUIDECHECK_TEST_STARTED'] + '.finished', 'w').write('the sleep was not interrupted')
            print('slow')  # slow
            """)
        // The q05 result will change too, so a completed update would rewrite it.
        scratch.write("snippets/q05_interning.py", "print(1)  # 1\n")
        var accepted: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/expected") {
            accepted[name] = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/expected/" + name))
        }
        return (scratch, accepted)
    }

    /// Starts `guidecheck update` and waits until `slow.py` is running.
    static func startUpdate(in scratch: ScratchDirectory) throws -> (Process, pid_t) {
        let started = scratch.path + "/started"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: GuideCheckCommand.binary)
        process.arguments = ["update"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        process.environment = ProcessInfo.processInfo.environment.merging(["GUIDECHECK_TEST_STARTED": started]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: started) { usleep(50_000) }
        usleep(100_000)  // the pid is written
        let pid = pid_t((try? String(contentsOfFile: started, encoding: .utf8)) ?? "") ?? 0
        try #require(pid > 0, "slow.py never started")
        return (process, pid)
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        return state != "Z"
    }

    @Test("SIGINT or SIGTERM mid-run: exit 130 or 143, the snippet's process stopped, expected/ as it was", arguments: [SIGINT, SIGTERM])
    func stop(signal: Int32) throws {
        let (scratch, accepted) = try Self.corpus()
        let (process, snippet) = try Self.startUpdate(in: scratch)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal)
        #expect(!Self.isAlive(snippet), "the running snippet was stopped with its worker")
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/started.finished"), "stopped, not left to finish")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/expected")
        #expect(Set(names) == Set(accepted.keys), "no file added, no temporary file left: \(names)")
        for (name, data) in accepted {
            #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/expected/" + name)) == data, "\(name) changed")
        }
    }

    @Test("a second update while one runs is refused with a clear message, and changes nothing")
    func lock() throws {
        let (scratch, accepted) = try Self.corpus()
        let (first, _) = try Self.startUpdate(in: scratch)
        defer {
            kill(first.processIdentifier, SIGTERM)
            first.waitUntilExit()
        }
        let second = try GuideCheckCommand.run(["update"], directory: scratch.path)
        #expect(second.status == 2)
        #expect(second.stderr.contains("expected is being updated by another guidecheck update; wait for it to finish"))
        for (name, data) in accepted {
            #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/expected/" + name)) == data)
        }
    }
}
