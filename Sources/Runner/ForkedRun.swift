import CProcessControl
import Foundation
import GuideModel
import PythonRuntime

/// One run of a prepared program in one mode, in a child forked from the worker.
struct ForkedRun {
    let request: RunRequest
    let mode: RunMode
    /// The key of the code `runner.prepare` compiled before the fork.
    let prepared: String
    /// The first line of each top-level statement.
    let statementLines: [Int]

    func run(_ gil: inout GIL) -> ModeRun {
        let failed = { (problem: String) in
            ModeRun(mode: mode, status: .error, problem: problem, exitCode: nil, signal: nil, elapsed: 0, codeSeconds: nil,
                    output: "", droppedBytes: 0, statements: [], probes: [], fixtures: [], diagnostics: "")
        }
        ChildSupervisor.sweepBeforeRun()
        let stem = String(request.name[..<(request.name.lastIndex(of: ".") ?? request.name.endIndex)])
            .map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }.reduce("") { $0 + String($1) }
        guard let scratch = RunDirectory(root: request.settings.scratchRoot, name: "\(stem)-\(mode.rawValue)") else {
            return failed("cannot create a scratch directory under \(request.settings.scratchRoot)")
        }
        defer { scratch.remove() }
        guard let output = DescriptorPipe.make(), let results = DescriptorPipe.make() else { return failed("cannot create pipes") }
        let nativeBacktrace = gc_native_backtrace_file()
        defer { if nativeBacktrace >= 0 { close(nativeBacktrace) } }
        let nonce = String((0..<16).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! })
        // runner.run's arguments, made before the fork: the child only calls.
        let arguments: [PythonValue] = [
            .string(prepared), .string(nonce), .int(Int(output.write)), .int(Int(results.write)), .string(scratch.path),
            .string(mode == .interactive ? "interactive" : "module"), .bool(mode == .varied),
        ]
        let memoryLimit = request.settings.limits.memory
        let privateDescriptors = ProgramRunner.privateDescriptors.withLock { $0 }

        let started = ChildSupervisor.now()
        let pid: pid_t
        do {
            pid = try gil.fork { gil in
                // The child: its own process group (so the whole tree can be
                // killed), limits, fds 1 and 2 on the output pipe, stdin empty.
                setpgid(0, 0)
                // The worker's own handlers are not the program's: signals act on
                // it as on a python3 process (runner.py restores KeyboardInterrupt).
                signal(SIGTERM, SIG_DFL)
                signal(SIGHUP, SIG_DFL)
                signal(SIGINT, SIG_DFL)
                // A crash is the program's, not guidecheck's: no Swift backtrace
                // (registers, addresses, different every run) in its output.
                // faulthandler, enabled by runner.py, writes the Python stack to
                // the results channel, then hands the signal to this handler,
                // which writes the native stack aside (shown by --verbose, never
                // kept in expected/) and lets the signal kill the process.
                _ = gc_native_backtrace_on_crash(nativeBacktrace)
                _ = gc_die_with_parent(SIGKILL)
                _ = gc_limit_address_space(UInt64(memoryLimit))
                _ = gc_disable_core_dumps()
                let empty = open("/dev/null", O_RDONLY)
                dup2(empty, 0)
                dup2(output.write, 1)
                dup2(output.write, 2)
                close(output.read)
                close(results.read)
                for descriptor in privateDescriptors { close(descriptor) }
                let program = { (gil: inout GIL) -> Int32 in
                    do {
                        return Int32(clamping: try gil.importModule("_guidecheck_runner").callMethod("run", arguments, gil).int(gil))
                    } catch {
                        let line = "guidecheck: the runner failed: \(error)\n"
                        _ = Array(line.utf8).withUnsafeBytes { gc_write_all(results.write, $0.baseAddress, $0.count) }
                        return 70
                    }
                }
                return program(&gil)
            }
        } catch {
            output.close()
            results.close()
            return failed("\(error)")
        }
        close(output.write)
        close(results.write)
        gc_set_current_group(pid)
        defer { gc_set_current_group(0) }
        var attribution = OutputAttribution(nonce: nonce, limit: request.settings.limits.output)
        let ending = gil.allowThreads {
            ChildSupervisor(pid: pid, output: output.read, results: results.read)
                .supervise(timeout: request.settings.limits.timeout, started: started, attribution: &attribution)
        }
        close(output.read)
        close(results.read)
        ChildSupervisor.killStragglers(group: pid, child: pid, reaped: ending.reaped)
        WorkerNamespace.cleanAfterRun()
        var run = ModeRunBuilder(mode: mode, statementLines: statementLines, timeout: request.settings.limits.timeout, path: request.path)
            .build(ending: ending, attribution: attribution)
        if request.settings.isolation == .namespaces, run.isolationRefused == nil { run.isolationRefused = WorkerNamespace.refusal }
        // Only a crash writes a stack (not a SIGKILL at the time limit).
        if case .signaled(let signal) = ending.exit, [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP].contains(signal),
           nativeBacktrace >= 0, lseek(nativeBacktrace, 0, SEEK_SET) == 0 {
            // The program could write there too: keep what a stack needs, no more.
            let text = ProcFile.read(descriptor: nativeBacktrace, limit: 64 << 10)
            if !text.isEmpty { run.nativeBacktrace = text }
        }
        return run
    }
}

/// A pipe whose ends are not inherited across exec.
struct DescriptorPipe {
    var read: Int32
    var write: Int32

    static func make() -> DescriptorPipe? {
        var ends: [Int32] = [-1, -1]
        guard Glibc.pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return DescriptorPipe(read: ends[0], write: ends[1])
    }

    func close() {
        Glibc.close(read)
        Glibc.close(write)
    }
}

/// A fresh directory for one run: its working directory, HOME and TMPDIR.
struct RunDirectory {
    let path: String

    init?(root: String, name: String) {
        var template = Array("\(root)/\(name)-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil, let resolved = realpath(template, nil) else { return nil }
        defer { free(resolved) }
        // Resolved, so HOME, TMPDIR and os.getcwd() name it identically.
        path = String(cString: resolved)
    }

    /// Removes it, whatever the program left inside (read-only files included).
    func remove() {
        if rmdir(path) == 0 { return }  // the usual case: the program left nothing
        let manager = FileManager.default
        if let items = manager.enumerator(atPath: path) {
            for case let item as String in items {
                chmod(path + "/" + item, 0o700)
            }
        }
        chmod(path, 0o700)
        try? manager.removeItem(atPath: path)
    }
}
