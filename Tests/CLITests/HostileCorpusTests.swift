import Foundation
import TestSupport
import Testing

/// Snippets that disable the GC, change limits, leave processes behind, hang,
/// crash, flood the output, or are not even valid: each must be reported, and
/// the snippet after it (a canary) must find a pristine interpreter.
@Suite("A hostile corpus")
struct HostileCorpusTests {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus/hostile").path

    /// The corpus with a canary after every case (`h07a_chdir.py`, `h07b_canary.py`),
    /// run once, in order, on one worker.
    /// Written once, in `init`, then only read.
    final class Run: @unchecked Sendable {
        // Kept by a `static let` for every test of the suite: removed at exit.
        let scratch = ScratchDirectory.untilExit()
        private(set) var snippets: [String: [String: Any]] = [:]
        private(set) var cases: [String] = []
        private(set) var result: GuideCheckCommand.Result!

        init() throws {
            let files = try FileManager.default.contentsOfDirectory(atPath: HostileCorpusTests.source)
                .filter { $0.hasSuffix(".py") && $0 != "canary.py" }.sorted()
            let canary = try String(contentsOfFile: HostileCorpusTests.source + "/canary.py", encoding: .utf8)
            try FileManager.default.createDirectory(atPath: scratch.path + "/snippets", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: scratch.path + "/tmp", withIntermediateDirectories: true)
            for (index, file) in files.enumerated() {
                let name = String(format: "h%02da_%@", index, file)
                try FileManager.default.copyItem(atPath: HostileCorpusTests.source + "/" + file, toPath: scratch.path + "/snippets/" + name)
                scratch.write("snippets/" + String(format: "h%02db_canary.py", index), canary)
                cases.append(name)
            }
            let fixture = cases.first { $0.hasSuffix("bad_fixture.py") }!
            // Only the cases meant to time out get a short limit (a per-snippet
            // timeout overrides --timeout); every other case and canary has 30 s,
            // so a loaded machine cannot turn a crash, a MemoryError or the output
            // cap into a timeout.
            let timeouts = cases.filter { $0.contains("_timeout_") }.map { "  - file: \($0)\n    question: Q0\n    timeout: 2\n" }
            scratch.write("snippets/manifest.yaml", """
                snippets:
                  - file: \(fixture)
                    question: Q0
                    fixtures: [no_such_fixture]
                \(timeouts.joined())
                """)
            result = try GuideCheckCommand.run(
                ["report", "--jobs", "1", "--timeout", "30", "--memory-limit", "1G", "--json", "report.json"],
                environment: ["TMPDIR": scratch.path + "/tmp"], directory: scratch.path)
            let json = try jsonObject(at: scratch.path + "/report.json")
            for snippet in try cast(json["snippets"], as: [[String: Any]].self) {
                snippets[try cast(snippet["file"], as: String.self)] = snippet
            }
        }

        func snippet(_ suffix: String) throws -> [String: Any] {
            try #require(snippets.first { $0.key.hasSuffix("a_" + suffix) }?.value, "no result for \(suffix)")
        }
    }

    static let run = Result { try Run() }

    static func status(_ suffix: String) throws -> (String, String) {
        let snippet = try run.get().snippet(suffix)
        return (try cast(snippet["status"], as: String.self), snippet["problem"] as? String ?? "")
    }

    @Test("the run completes and guidecheck itself survives everything")
    func survives() throws {
        let run = try Self.run.get()
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(run.snippets.count == run.cases.count * 2)
    }

    @Test("after every case, the canary finds a pristine interpreter", arguments: 0..<30)
    func canary(index: Int) throws {
        let run = try Self.run.get()
        let name = String(format: "h%02db_canary.py", index)
        let canary = try #require(run.snippets[name])
        let claims = try cast(canary["claims"], as: [[String: Any]].self)
        #expect(claims.count == 9)
        for claim in claims where claim["verdict"] as? String != "holds" {
            Issue.record("after \(run.cases[index]): line \(claim["line"]!) \(claim["documented"]!) observed \(claim["observed"]!)")
        }
    }

    @Test("state changes end with their snippet", arguments: [
        "gc_disable.py", "recursion_limit.py", "replace_print.py", "environment.py", "chdir.py",
        "leftover_thread.py", "leftover_processes.py", "scratch_files.py",
    ])
    func stateChanges(file: String) throws {
        #expect(try Self.status(file).0 == "ok")
    }

    @Test("a snippet that hangs is stopped at its limit, with where it was", arguments: [
        ("timeout_loop.py", "line 1"), ("timeout_sleep.py", "line 3"), ("timeout_deadlock.py", "line 4"),
        ("timeout_c_loop.py", "line 2"), ("timeout_non_daemon_thread.py", "timed out after 2 s"),
    ])
    func timeouts(file: String, place: String) throws {
        let (status, problem) = try Self.status(file)
        #expect(status == "timeout")
        #expect(problem.contains("timed out after 2 s"))
        #expect(problem.contains(place), "\(problem)")
    }

    @Test("the output written before a hang is kept")
    func outputBeforeTimeout() throws {
        let run = try Self.run.get()
        let name = try #require(run.cases.first { $0.hasSuffix("timeout_sleep.py") })
        let stem = String(name.dropLast(3))
        #expect(run.result.stdout.contains("snippets/\(name): timeout"), "\(stem)")
    }

    @Test("crashes are reported with the signal or exit status", arguments: [
        ("crash_segfault.py", "killed by SIGSEGV in the statement at line 3"),
        ("crash_abort.py", "killed by SIGABRT in the statement at line 2"),
        ("crash_os_exit.py", "exit status 3 before the snippet finished, in the statement at line 3"),
        ("crash_c_recursion.py", "killed by SIGSEGV in the statement at line 6"),
    ])
    func crashes(file: String, problem: String) throws {
        let (status, reported) = try Self.status(file)
        #expect(status == "crashed")
        #expect(reported.contains(problem), "\(reported)")
    }

    @Test("exits end the run early and are reported", arguments: [
        ("exit_sys_exit.py", "SystemExit at line 3 ended it early (exit status 2)"),
        ("exit_keyboard_interrupt.py", "KeyboardInterrupt at line 1 ended it early"),
        ("exit_system_exit.py", "SystemExit at line 1 ended it early"),
    ])
    func exits(file: String, problem: String) throws {
        let (status, reported) = try Self.status(file)
        #expect(status == "error")
        #expect(reported.contains(problem), "\(reported)")
    }

    @Test("exceptions, closed descriptors, stray writes and a memory bomb are recorded, and the run goes on")
    func recorded() throws {
        let recursion = try Self.run.get().snippet("recursion_error.py")
        #expect(recursion["status"] as? String == "ok")
        #expect(try cast(recursion["claims"], as: [[String: Any]].self).allSatisfy { $0["verdict"] as? String == "holds" })
        #expect(try Self.status("close_fds.py").0 == "ok")
        let (bombStatus, bombProblem) = try Self.status("memory_bomb.py")
        #expect(bombStatus == "ok", "\(bombProblem)")
        let bomb = try Self.run.get().snippet("memory_bomb.py")
        let raised = try #require(bomb["raised"] as? [[String: Any]])
        #expect(raised.first?["type"] as? String == "MemoryError")
        #expect(raised.first?["line"] as? Int == 3)
        // Bytes written to every descriptor reach no worker's channel to guidecheck.
        let (strayStatus, strayProblem) = try Self.status("stray_writes.py")
        #expect(strayStatus == "ok", "\(strayProblem)")
        let stray = try Self.run.get().snippet("stray_writes.py")
        #expect(try cast(stray["claims"], as: [[String: Any]].self).map { $0["verdict"] as? String } == ["holds"])
        let closed = try Self.run.get().snippet("close_fds.py")
        #expect((closed["raised"] as? [[String: Any]])?.first?["type"] as? String == "OSError", "print to a closed fd 1 raises")
    }

    @Test("huge output is capped and said to be")
    func hugeOutput() throws {
        let (status, problem) = try Self.status("huge_output.py")
        #expect(status == "ok")
        #expect(problem.contains("output capped: each statement keeps its first 1048576 bytes; line 2 wrote"), "\(problem)")
    }

    /// In its PID namespace the program's parent is the namespace's init, which
    /// ignores a SIGKILL sent from inside: the worker is out of reach. (A worker
    /// killed from outside, or under `--isolation processes`, is FaultTests' case.)
    @Test("a snippet that SIGKILLs its parent cannot reach the worker")
    func killedWorker() throws {
        let (status, problem) = try Self.status("kill_worker.py")
        #expect(status == "ok", "\(problem)")
        let run = try Self.run.get()
        let name = try #require(run.cases.firstIndex { $0.hasSuffix("kill_worker.py") })
        #expect(run.snippets[String(format: "h%02db_canary.py", name)]?["status"] as? String == "ok", "the canary after it runs and finds a pristine interpreter")
    }

    @Test("bad input gets a clear error naming the file, and the rest still runs", arguments: [
        ("bad_syntax.py", ":2:6: SyntaxError: '(' was never closed"),
        ("bad_encoding.py", "h01a_bad_encoding.py:1: not valid UTF-8 (byte 10)"),
        ("bad_empty.py", ":1: empty file"),
        ("bad_fixture.py", "unknown fixture 'no_such_fixture'"),
    ])
    func badInput(file: String, problem: String) throws {
        let (status, reported) = try Self.status(file)
        #expect(status == "error")
        #expect(reported.contains(problem), "\(reported)")
    }

    @Test("nothing is left behind: no scratch directory, no process")
    func nothingLeft() throws {
        let run = try Self.run.get()
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.scratch.path + "/tmp") == [])
        let sleepers = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.allSatisfy(\.isNumber) }.filter { pid in
            let cmdline = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            return String(decoding: cmdline, as: UTF8.self).contains("guidecheck-hostile-sleeper")
        }
        #expect(sleepers.isEmpty)
    }
}
