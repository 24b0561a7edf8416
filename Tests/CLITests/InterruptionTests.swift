import Foundation
import TestSupport
import Testing

/// Stopping `guidecheck update` mid-run, and two updates at once.
@Suite("Interrupting an update")
struct InterruptionTests {
    /// A corpus whose `slow.py`, once started, starts a `sleep` in a session of
    /// its own (which no process group kill reaches), writes `started`, and sleeps.
    static func corpus(token: String = "3007.5") throws -> (ScratchDirectory, [String: Data]) {
        let scratch = ScratchDirectory()
        scratch.write("snippets/q05_interning.py", try String(contentsOfFile: GuideCheckCommand.packageRoot.path + "/snippets/q05_interning.py", encoding: .utf8))
        scratch.write("snippets/slow.py", "print('quick')  # quick\n")
        let first = try GuideCheckCommand.run(["update"], directory: scratch.path)
        try #require(first.status == 0, "\(first.stderr)")
        scratch.write("snippets/slow.py", """
            import os, subprocess, time
            child = subprocess.Popen(['sleep', '\(token)'], start_new_session=True)
            time.sleep(20)
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

    /// Starts `guidecheck update` and waits until `slow.py` has started its child.
    static func startUpdate(in scratch: ScratchDirectory, token: String, options: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: GuideCheckCommand.binary)
        process.arguments = ["update"] + options
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<600 where processes(with: token).isEmpty { usleep(50_000) }
        try #require(!processes(with: token).isEmpty, "slow.py never started its child")
        usleep(100_000)
        return process
    }

    /// Live (not zombie) processes whose command line holds `token`.
    static func processes(with token: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.filter { pid in
            guard let line = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                  String(decoding: line, as: UTF8.self).contains(token) else { return false }
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
            return state != "Z"
        }
    }

    /// Waits up to 5 s for the processes holding `token` to be gone.
    static func gone(_ token: String) -> Bool {
        for _ in 0..<100 where !processes(with: token).isEmpty { usleep(50_000) }
        return processes(with: token).isEmpty
    }

    @Test("SIGINT, SIGTERM or SIGKILL mid-run: the snippet and what it started in a session of its own stopped, expected/ as it was",
          arguments: [SIGINT, SIGTERM, SIGKILL])
    func stop(signal: Int32) throws {
        try stop(signal: signal, options: [])
    }

    /// Without namespaces nothing dies with a PID namespace's init: the worker
    /// (a subreaper) must find and kill what left the run's process group.
    @Test("with --isolation processes too: SIGTERM or SIGKILL of guidecheck leaves nothing of the snippet running",
          arguments: [SIGTERM, SIGKILL])
    func stopWithoutNamespaces(signal: Int32) throws {
        try stop(signal: signal, options: ["--isolation", "processes"])
    }

    func stop(signal: Int32, options: [String]) throws {
        let token = "3007.\(signal)\(Int.random(in: 100_000...999_999))"
        let (scratch, accepted) = try Self.corpus(token: token)
        let process = try Self.startUpdate(in: scratch, token: token, options: options)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        if signal == SIGKILL {
            #expect(process.terminationReason == .uncaughtSignal)
        } else {
            #expect(process.terminationStatus == 128 + signal)
        }
        #expect(Self.gone(token), "left running: \(Self.processes(with: token))")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/expected")
        #expect(Set(names) == Set(accepted.keys), "no file added, no temporary file left: \(names)")
        for (name, data) in accepted {
            #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/expected/" + name)) == data, "\(name) changed")
        }
    }

    @Test("a second update while one runs is refused with a clear message, and changes nothing")
    func lock() throws {
        let token = "3007.0\(Int.random(in: 100_000...999_999))"
        let (scratch, accepted) = try Self.corpus(token: token)
        let first = try Self.startUpdate(in: scratch, token: token)
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
