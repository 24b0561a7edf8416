import Foundation
import TestSupport
import Testing

/// Faults found trying guidecheck as a hostile tester would: each once made a
/// claim vanish, left a process running, or put run-to-run noise in expected/.
@Suite("Nothing silent, nothing left behind")
struct FaultTests {
    static func folder(_ files: [String: String]) -> ScratchDirectory {
        let scratch = ScratchDirectory()
        for (name, text) in files { scratch.write("snippets/" + name, text) }
        return scratch
    }

    /// The snippets of the JSON report at `path`.
    static func snippets(_ path: String) throws -> [[String: Any]] {
        try cast(jsonObject(at: path)["snippets"])
    }

    static let killsItsWorker = """
        import os, signal, subprocess
        child = subprocess.Popen(['sleep', 'TOKEN'], start_new_session=True)
        print("before")  # before
        os.kill(os.getppid(), signal.SIGKILL)
        print("after")  # after
        """

    @Test("a snippet that SIGKILLs its parent: without namespaces the worker dies, and every claim is still reported with why; nothing it started survives")
    func killedWorker() throws {
        let token = "3011.\(Int.random(in: 100_000...999_999))"
        let scratch = Self.folder(["kill.py": Self.killsItsWorker.replacingOccurrences(of: "TOKEN", with: token)])
        let result = try GuideCheckCommand.run(["report", "--isolation", "processes", "--json", "out.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let snippet = try #require(Self.snippets(scratch.path + "/out.json").first)
        let claims = try cast(snippet["claims"], as: [[String: Any]].self)
        #expect(claims.count == 2, "both claims, though the worker died")
        #expect(claims.allSatisfy { $0["verdict"] as? String == "wrong" })
        #expect((claims[0]["reason"] as? String)?.contains("the worker process died (killed by SIGKILL)") == true, "\(claims[0])")
        #expect(InterruptionTests.gone(token), "the child it started was left running")
    }

    @Test("a worker sent a frame it cannot read says so and exits 2, never a silent exit 0")
    func unreadableRequest() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: GuideCheckCommand.binary)
        process.arguments = ["__worker", "--hash-seed", "1"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A frame: its length (3, little endian), then three bytes that are no value.
        try input.fileHandleForWriting.write(contentsOf: Data([3, 0, 0, 0, 0xff, 0xff, 0xff]))
        try input.fileHandleForWriting.close()
        let said = try output.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        // Two frames: `ready`, then `failed` with why (its text is in the frame as UTF-8).
        #expect(String(decoding: said, as: UTF8.self).contains("the worker could not read its request"), "\(Array(said))")
    }

    @Test("in namespaces the snippet cannot reach its worker: it runs to its end")
    func workerOutOfReach() throws {
        let token = "3012.\(Int.random(in: 100_000...999_999))"
        let scratch = Self.folder(["kill.py": Self.killsItsWorker.replacingOccurrences(of: "TOKEN", with: token)])
        let result = try GuideCheckCommand.run(["report", "--json", "out.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let snippet = try #require(Self.snippets(scratch.path + "/out.json").first)
        let claims = try cast(snippet["claims"], as: [[String: Any]].self)
        #expect(claims.map { $0["verdict"] as? String } == ["holds", "holds"], "\(claims)")
        #expect(InterruptionTests.gone(token))
    }

    @Test("a snippet that stops its worker: the worker is continued, the run ends in its result, and guidecheck answers SIGINT at once")
    func stoppedWorker() throws {
        let scratch = Self.folder(["stop.py": """
            import os, signal, time
            print("before")  # before
            os.kill(os.getppid(), signal.SIGSTOP)
            time.sleep(0.5)
            print("after")  # after
            """])
        let result = try GuideCheckCommand.run(["report", "--isolation", "processes", "--timeout", "5", "--json", "out.json"],
                                               directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let snippet = try #require(Self.snippets(scratch.path + "/out.json").first)
        let claims = try cast(snippet["claims"], as: [[String: Any]].self)
        #expect(claims.map { $0["verdict"] as? String } == ["holds", "holds"], "the worker went on and read the run's results: \(snippet)")

        // Interrupted while its run, having stopped the worker, sleeps for a
        // minute: exit 130 shows SIGINT was answered, not the run waited for (exit 0).
        let marker = scratch.path + "/stopped"
        scratch.write("snippets/stop.py", """
            import os, signal, time
            os.kill(os.getppid(), signal.SIGSTOP)
            open('\(marker)', 'w').close()
            time.sleep(60)
            """)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: GuideCheckCommand.binary)
        process.arguments = ["report", "--isolation", "processes", "--timeout", "120"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<1200 where !FileManager.default.fileExists(atPath: marker) { usleep(50_000) }
        try #require(FileManager.default.fileExists(atPath: marker), "the run never stopped its worker")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
    }

    @Test("a segfault: expected/ keeps the signal, the statement and Python's place, the same on every run; the native backtrace only under --verbose")
    func segfault() throws {
        let scratch = Self.folder(["crash.py": "import ctypes\nprint(\"before\")  # before\nctypes.string_at(0)\n"])
        let update = try GuideCheckCommand.run(["update"], directory: scratch.path)
        #expect(update.status == 0, "\(update.stderr)")
        let text = try String(contentsOfFile: scratch.path + "/expected/crash.txt", encoding: .utf8)
        #expect(text.contains("problem  module run: killed by SIGSEGV in the statement at line 3 (Python was at line 3 in <module>)"), "\(text)")
        #expect(!text.contains("Backtracing") && !text.contains("Registers") && !text.contains("native backtrace"), "\(text)")
        let verify = try GuideCheckCommand.run(["verify"], directory: scratch.path)
        #expect(verify.status == 0, "the same again: \(verify.stdout)")
        // The native stack is for --verbose: through ctypes and libffi into the interpreter.
        let verbose = try GuideCheckCommand.run(["verify", "--verbose"], directory: scratch.path)
        #expect(verbose.status == 0, "\(verbose.stderr)")
        #expect(verbose.stderr.contains("crash.py (module run, SIGSEGV): native backtrace\n"), "\(verbose.stderr)")
        #expect(verbose.stderr.contains("_ctypes") && verbose.stderr.contains("libpython3.11"), "\(verbose.stderr)")
        #expect(!verify.stderr.contains("native backtrace"), "not without --verbose")
    }

    @Test("CRLF in an expected/ file is said to be so, not shown as a one-line diff")
    func crlf() throws {
        let scratch = Self.folder(["one.py": "print(1)  # 1\n"])
        _ = try GuideCheckCommand.run(["update"], directory: scratch.path)
        let path = scratch.path + "/expected/one.txt"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try GuideCheckCommand.run(["verify"], directory: scratch.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("the line endings differ (the file has CRLF, guidecheck writes LF); the text is the same"), "\(result.stdout)")
    }

    @Test("stale expected/ files are reported and pass a plain verify; --strict fails on a stale file alone, and on claims that do not hold too",
          arguments: [("print(1)  # 1\n", false), ("print(1)  # 2\n", true)])
    func staleAndStrict(source: String, wrong: Bool) throws {
        let scratch = Self.folder(["one.py": source])
        _ = try GuideCheckCommand.run(["update"], directory: scratch.path)
        scratch.write("expected/gone.txt", "guidecheck expected results · format 1\n")
        let plain = try GuideCheckCommand.run(["verify"], directory: scratch.path)
        #expect(plain.status == 0, "a stale file and an accepted wrong claim pass a plain verify: \(plain.stderr)")
        #expect(plain.stderr.contains("expected/gone.txt: no snippet of that name; `guidecheck update` removes it"), "\(plain.stderr)")
        let strict = try GuideCheckCommand.run(["verify", "--strict"], directory: scratch.path)
        #expect(strict.status == 1, "\(strict.stderr)")
        if wrong { #expect(strict.stderr.contains("wrong (--strict): 2"), "\(strict.stderr)") }
    }

    @Test("the filter is positional for verify and report as for update and bench; counts of one are singular")
    func positionalFilter() throws {
        let scratch = Self.folder(["alpha.py": "print(1)  # 1\n", "beta.py": "print(2)  # 2\nprint(3)  # 3\n"])
        _ = try GuideCheckCommand.run(["update"], directory: scratch.path)
        let verify = try GuideCheckCommand.run(["verify", "alpha"], directory: scratch.path)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("verified 1 snippet, 1 claim"), "\(verify.stdout)")
        let report = try GuideCheckCommand.run(["report", "be*", "--json", "out.json"], directory: scratch.path)
        #expect(report.status == 0, "\(report.stderr)")
        let files = try Self.snippets(scratch.path + "/out.json").map { $0["file"] as? String }
        #expect(files == ["beta.py"])
    }

    @Test("--memory-limit below what the interpreter needs is refused with the real minimum")
    func memoryLimitMinimum() throws {
        let scratch = Self.folder(["one.py": "print(1)  # 1\n"])
        let result = try GuideCheckCommand.run(["verify", "--memory-limit", "10M"], directory: scratch.path)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--memory-limit must be a size of at least 64M"), "\(result.stderr)")
    }

    @Test("limits out of range are refused with a message, not a crash: a memory limit past Int.max, a NaN or infinite timeout")
    func limitsOutOfRange() throws {
        let scratch = Self.folder(["one.py": "print(1)  # 1\n"])
        for (options, message) in [(["--memory-limit", "99999999999G"], "--memory-limit must be a size of at least 64M"),
                                   (["--timeout", "nan"], "--timeout must be a number of seconds above 0"),
                                   (["--timeout", "1e309"], "--timeout must be a number of seconds above 0")] {
            let result = try GuideCheckCommand.run(["verify"] + options, directory: scratch.path)
            #expect(result.status == 64, "\(options): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(options): \(result.stderr)")
        }
    }

    @Test("a manifest's timeout that is not a time limit, or a file listed twice, is an error at its line")
    func manifestValues() throws {
        for (manifest, message) in [
            ("snippets:\n  - file: one.py\n    question: Q1\n    timeout: .nan\n", "manifest.yaml:4: one.py: timeout must be"),
            ("defaults:\n  timeout: -5\nsnippets:\n  - file: one.py\n    question: Q1\n", "manifest.yaml:2: defaults: timeout must be"),
            ("snippets:\n  - file: one.py\n    question: Q1\n  - file: one.py\n    question: Q2\n",
             "manifest.yaml:4: one.py is listed twice; the first entry (line 2)"),
            // Found before anything runs, at their lines, not after the runs (the
            // pattern) or only by `coverage` (the guide).
            ("snippets:\n  - file: one.py\n    redact:\n      - name: age\n        pattern: \"(unclosed\"\n        replacement: x\n",
             "manifest.yaml:5: one.py: redaction 'age' has an invalid pattern"),
            ("guide: no-such-guide.txt\nsnippets:\n  - file: one.py\n",
             "manifest.yaml:1: guide: no-such-guide.txt: cannot read the guide: No such file or directory"),
        ] {
            let scratch = Self.folder(["one.py": "print(1)  # 1\n", "manifest.yaml": manifest])
            let result = try GuideCheckCommand.run(["verify"], directory: scratch.path)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    @Test("a snippet that is a folder or a named pipe is an error that says so, and the rest still runs")
    func notRegularFiles() throws {
        let scratch = Self.folder(["ok.py": "print(1)  # 1\n"])
        try FileManager.default.createDirectory(atPath: scratch.path + "/snippets/folder.py", withIntermediateDirectories: false)
        #expect(mkfifo(scratch.path + "/snippets/pipe.py", 0o600) == 0)
        // Opening the pipe would wait for a writer for ever: a hang is a failure too.
        let result = try GuideCheckCommand.run(["report", "--json", "out.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let problems = try Self.snippets(scratch.path + "/out.json").map { "\($0["file"] ?? ""): \($0["problem"] ?? "")" }
        #expect(problems.contains { $0.contains("folder.py: cannot read the snippet: it is a folder, not a file") }, "\(problems)")
        #expect(problems.contains { $0.contains("pipe.py: cannot read the snippet: it is a named pipe, not a file") }, "\(problems)")
        #expect(result.stdout.contains("1 holds"), "\(result.stdout)")
    }

    @Test("without namespaces a worker reaps its last runs before it exits: a later pass sees no zombie of guidecheck's")
    func noZombies() throws {
        // `import time` makes the program run again, varied, by new workers,
        // after those of the first pass have exited.
        let scratch = Self.folder([
            "a.py": "print(1)  # 1\n",
            "b.py": "print(2)  # 2\n",
            "zombies.py": """
                import os, time

                def state_and_parent(pid):
                    with open(f'/proc/{pid}/stat') as file:
                        stat = file.read()
                    fields = stat[stat.rindex(')') + 2:].split()
                    return fields[0], int(fields[1])

                guidecheck = state_and_parent(os.getppid())[1]
                zombies = 0
                for entry in os.listdir('/proc'):
                    if entry.isdigit():
                        try:
                            state, parent = state_and_parent(entry)
                        except OSError:
                            continue
                        zombies += state == 'Z' and parent == guidecheck
                print(zombies)  # 0
                """,
        ])
        let result = try GuideCheckCommand.run(["report", "--isolation", "processes", "--json", "out.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let snippet = try #require(Self.snippets(scratch.path + "/out.json").first { $0["file"] as? String == "zombies.py" })
        let runs = try cast(cast(snippet["timing"], as: [String: Any].self)["runs"], as: [[String: Any]].self)
        #expect(runs.contains { $0["mode"] as? String == "varied" }, "the varied pass ran: \(runs)")
        let claims = try cast(snippet["claims"], as: [[String: Any]].self)
        #expect(claims.map { $0["verdict"] as? String } == ["holds"], "\(claims)")
    }

    @Test("code the compiler cannot read (a NUL byte, nesting too deep) is a syntax error at its line, not a traceback of guidecheck's")
    func unreadableCode() throws {
        let scratch = Self.folder([
            "nul.py": "x = 1\n\u{0}\nprint(x)  # 1\n",
            "deep.py": "x = " + String(repeating: "1+", count: 300_000) + "1\n",
        ])
        let result = try GuideCheckCommand.run(["report", "--json", "out.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let problems = try Self.snippets(scratch.path + "/out.json").map { "\($0["file"] ?? ""): \($0["problem"] ?? "")" }
        #expect(problems.contains { $0.hasPrefix("deep.py:") && $0.contains("deep.py:1:1: SyntaxError: too deeply nested to parse") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("nul.py:") && $0.contains("nul.py:2:1: SyntaxError: source code cannot contain null bytes") }, "\(problems)")
        #expect(!result.stdout.contains("Traceback"), "\(result.stdout)")
        let claims = try GuideCheckCommand.run(["claims", "--filter", "nul"], directory: scratch.path)
        #expect(claims.status == 0, "\(claims.stderr)")
        #expect(claims.stdout.contains("SyntaxError: source code cannot contain null bytes"), "\(claims.stdout)")
        // guidecheck run: the code after the NUL is not dropped without a word.
        let run = try GuideCheckCommand.run(["run", scratch.path + "/snippets/nul.py"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("SyntaxError: source code cannot contain null bytes"), "\(run.stderr)")
    }

    @Test("--json through a symbolic link writes its target and keeps the link; into a named pipe, writes into the pipe")
    func reportIntoLinksAndPipes() throws {
        let scratch = Self.folder(["one.py": "print(1)  # 1\n"])
        try FileManager.default.createDirectory(atPath: scratch.path + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/link.json", withDestinationPath: "real/target.json")
        let linked = try GuideCheckCommand.run(["report", "--json", "link.json"], directory: scratch.path)
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: scratch.path + "/link.json")) == "real/target.json")
        #expect(try jsonObject(at: scratch.path + "/real/target.json")["snippets"] != nil)

        let fifo = scratch.path + "/pipe.json"
        try #require(mkfifo(fifo, 0o600) == 0)
        // The reader, as a CI step would be: guidecheck's open waits for it.
        nonisolated(unsafe) var read = Data()
        let reader = Thread { read = FileHandle(forReadingAtPath: fifo).flatMap { try? $0.readToEnd() } ?? Data() }
        reader.start()
        let piped = try GuideCheckCommand.run(["report", "--json", "pipe.json"], directory: scratch.path)
        // Had guidecheck not opened the pipe, the reader would wait for ever: end it.
        let unblock = open(fifo, O_WRONLY | O_NONBLOCK)
        if unblock >= 0 { close(unblock) }
        while !reader.isFinished { usleep(1000) }
        #expect(piped.status == 0, "\(piped.stderr)")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO, "the named pipe is still one")
        #expect(String(decoding: read, as: UTF8.self).contains("\"snippets\""))
    }

    @Test("tests leave nothing in the temporary folder: what an ended test process left is swept, a live one's is kept")
    func temporaryLeftovers() throws {
        // A pid above the kernel's largest is a process that has ended, and no
        // new process can take it before the sweep.
        let pidMax = Int((try String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines))!
        let live = Process()
        live.executableURL = URL(fileURLWithPath: "/bin/sleep")
        live.arguments = ["30"]
        try live.run()
        // SIGKILL: it inherits the test thread's blocked SIGTERM.
        defer { kill(live.processIdentifier, SIGKILL); live.waitUntilExit() }
        let base = NSTemporaryDirectory()
        let left = base + "guidecheck-test-\(pidMax + 1)-probe"
        let kept = base + "guidecheck-decoy-\(live.processIdentifier)-probe"
        for path in [left, kept] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(atPath: kept) }
        TemporaryLeftovers.removeThoseOfDeadProcesses()
        #expect(!FileManager.default.fileExists(atPath: left), "the folder of a process that ended is removed")
        #expect(FileManager.default.fileExists(atPath: kept), "the folder of a live process is kept")
    }

    @Test("a fix-it hint is a command that works as printed: the folder options carried over")
    func hints() throws {
        let scratch = ScratchDirectory()
        scratch.write("my snippets/one.py", "print(1)  # 1\n")
        let result = try GuideCheckCommand.run(["verify", "--snippets", "my snippets", "--expected", "out"], directory: scratch.path)
        #expect(result.stderr.contains("run `guidecheck update --snippets 'my snippets' --expected out --filter one` to create it"), "\(result.stderr)")
        let update = try GuideCheckCommand.run(["update", "--snippets", "my snippets", "--expected", "out", "--filter", "one"], directory: scratch.path)
        #expect(update.status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/out/one.txt"))
    }

    @Test("a statement after 40 MiB of output keeps its own output: its claim holds, expected/ keeps an excerpt")
    func hugeOutput() throws {
        let scratch = Self.folder(["huge.py": "import sys\nsys.stdout.write('x' * 40 * 2**20)\nprint()\nprint('end')  # end\nprint('y' * 2**21)  # yy\n"])
        let result = try GuideCheckCommand.run(["update", "--timeout", "120"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: scratch.path + "/expected/huge.txt", encoding: .utf8)
        #expect(text.contains("line 4  output  holds"), "\(text.prefix(2000))")
        #expect(text.contains("more characters)"), "the 40 MiB line is cut to an excerpt")
        // What guidecheck dropped may hold what the claim documents: no verdict, never wrong.
        #expect(text.contains("line 5  output  not-checkable"), "\(text.suffix(2000))")
        #expect(text.utf8.count < 20_000)
    }

    @Test("where the kernel refuses namespaces, the runs go on as processes, with one notice saying why")
    func refusedNamespaces() throws {
        let scratch = Self.folder(["a.py": "print(1 + 1)  # 2\n", "b.py": "print('b')  # b\n"])
        let result = try GuideCheckCommand.run(["report", "--json", "out.json"],
                                               environment: ["GUIDECHECK_REFUSE_NAMESPACES": "unshare: Operation not permitted"],
                                               directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let notices = result.stderr.components(separatedBy: "notice: runs are not isolated in namespaces here: unshare: Operation not permitted; they ran as processes only (docs/isolation.md)").count - 1
        #expect(notices == 1, "one notice, not one per run: \(result.stderr)")
        let claims = try Self.snippets(scratch.path + "/out.json").flatMap { try cast($0["claims"], as: [[String: Any]].self) }
        #expect(claims.map { $0["verdict"] as? String } == ["holds", "holds"])
        let isolated = try GuideCheckCommand.run(["report"], directory: scratch.path)
        #expect(!isolated.stderr.contains("notice: runs are not isolated"), "no notice where namespaces work: \(isolated.stderr)")
    }

    @Test("in namespaces a snippet has no network but the loopback: one interface, and other addresses unreachable")
    func loopbackOnly() throws {
        let scratch = Self.folder(["net.py": """
            import errno, socket
            print([name for _, name in socket.if_nameindex()])  # ['lo']

            def reach(address):
                try:
                    socket.create_connection((address, 80), timeout=5)
                except OSError as error:
                    return errno.errorcode.get(error.errno, str(error))
                return 'connected'

            reach('192.0.2.1')  # 'ENETUNREACH'
            """])
        let result = try GuideCheckCommand.run(["report", "--json", "out.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let claims = try Self.snippets(scratch.path + "/out.json").flatMap { try cast($0["claims"], as: [[String: Any]].self) }
        #expect(claims.map { $0["verdict"] as? String } == ["holds", "holds"], "\(claims.map { $0["observed"] ?? "" })")
    }

    @Test("past RLIMIT_FSIZE a write fails with OSError, as under python3 (SIGXFSZ ignored), instead of killing the run")
    func fileSizeLimit() throws {
        let scratch = Self.folder(["fsize.py": """
            import os, resource
            resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
            fd = os.open('big', os.O_WRONLY | os.O_CREAT)
            os.write(fd, b'x' * 5000)  # 1000
            os.write(fd, b'x')  # OSError: [Errno 27] File too large
            """])
        let result = try GuideCheckCommand.run(["report", "--json", "out.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let snippet = try #require(Self.snippets(scratch.path + "/out.json").first)
        let claims = try cast(snippet["claims"], as: [[String: Any]].self)
        #expect(claims.map { $0["verdict"] as? String } == ["holds", "holds"], "\(snippet)")
    }

    @Test("in namespaces a snippet cannot write outside its directory; it is told so by an OSError")
    func readOnlyOutside() throws {
        let outside = "/tmp/guidecheck-outside-\(UUID().uuidString)"
        let scratch = Self.folder(["write.py": "open('\(outside)', 'w').write('x')\n"])
        let result = try GuideCheckCommand.run(["report", "--json", "out.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: outside))
        let snippet = try #require(Self.snippets(scratch.path + "/out.json").first)
        let raised = try cast(snippet["raised"], as: [[String: Any]].self)
        #expect(raised.first?["type"] as? String == "OSError", "\(raised)")
        #expect((raised.first?["message"] as? String)?.contains("Read-only file system") == true)
    }
}
