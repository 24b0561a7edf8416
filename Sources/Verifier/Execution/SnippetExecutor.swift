import CProcessControl
import Foundation
import PythonRuntime

/// Runs snippets in forked copies of a warm interpreter: the worker side.
///
/// For each snippet: CPython's `ast`/`tokenize` read it, the claim rules read its
/// comments, and each mode runs in a child forked from this process, so every
/// run starts from the same pristine interpreter, and whatever a snippet does
/// (disables the GC, deletes files, crashes, hangs) ends with its process.
public struct SnippetExecutor: Sendable {
    public let interpreter: PythonInterpreter

    public init(interpreter: PythonInterpreter) throws {
        self.interpreter = interpreter
        try interpreter.withGILBlocking { gil in try PythonHelpers.install(gil) }
    }

    public func run(_ job: SnippetJob) -> SnippetOutcome {
        let started = ChildSupervisor.now()
        var outcome: SnippetOutcome
        do {
            outcome = try interpreter.withGILBlocking { gil in Self.execute(job, &gil) }
        } catch {
            outcome = SnippetOutcome(snippet: job.snippet.name, problem: "guidecheck failed to run it: \(error)")
        }
        outcome.workerSeconds = ChildSupervisor.now() - started
        return outcome
    }

    private static func execute(_ job: SnippetJob, _ gil: inout GIL) -> SnippetOutcome {
        let snippet = job.snippet
        let started = ChildSupervisor.now()
        var outcome = SnippetOutcome(snippet: snippet.name)
        guard let source = snippet.source, snippet.problem == nil else {
            outcome.problem = snippet.problem?.description ?? "\(snippet.path): cannot be read"
            return outcome
        }
        let analysis: SnippetAnalysis
        do { analysis = try PythonHelpers.analyse(source: source, filename: snippet.path, gil) } catch {
            outcome.problem = "\(snippet.path): cannot be analysed: \(error)"
            return outcome
        }
        if let syntax = analysis.syntaxError {
            outcome.problem = "\(snippet.path):\(syntax.line):\(syntax.column): SyntaxError: \(syntax.message)"
            return outcome
        }
        outcome.imports = analysis.imports
        outcome.statementLines = analysis.topLevel.map(\.line)
        let extraction = ClaimExtractor(analysis: analysis, annotations: snippet.entry?.annotations ?? [])
            .extract { PythonHelpers.shape(of: $0, gil) }
        outcome.claims = extraction.claims
        outcome.commentary = extraction.commentary
        outcome.unmatchedAnnotations = extraction.unmatchedAnnotations

        let fixtures = snippet.entry?.fixtures ?? []
        let known = (try? PythonHelpers.fixtureDescriptions(gil)) ?? [:]
        if let unknown = fixtures.first(where: { known[$0] == nil }) {
            outcome.problem = "\(snippet.name): unknown fixture '\(unknown)' in \(SnippetCorpus.manifestName); known fixtures: \(known.keys.sorted().joined(separator: ", "))"
            return outcome
        }
        outcome.undefinedNames = analysis.freeNames.filter { !fixtures.contains($0) }

        outcome.analysisSeconds = ChildSupervisor.now() - started
        let plan = ProbePlan(claims: outcome.claims)
        // Parsed, instrumented and compiled once here; each forked run inherits it.
        let key = "\(snippet.name)-\(UInt64.random(in: 0...UInt64.max))"
        let probes = String(decoding: (try? JSONEncoder().encode(plan.probes)) ?? Data("[]".utf8), as: UTF8.self)
        _ = try? PythonHelpers.call("_guidecheck_runner", "prepare", [.string(key), .string(snippet.path), .string(source), .string(probes)], gil)
        for mode in job.modes {
            outcome.runs.append(run(mode, job: job, source: source, plan: plan, prepared: key, analysis: analysis, &gil))
        }
        _ = try? PythonHelpers.call("_guidecheck_runner", "discard", [.string(key)], gil)
        return outcome
    }

    /// The configuration `runner.run` reads.
    private struct RunnerConfiguration: Encodable {
        var path: String
        var source: String
        var marker: String
        var outputFD: Int32
        var resultFD: Int32
        var scratch: String
        var mode: RunMode
        var probes: [ProbePlan.Probe]
        var fixtures: [String]
        var fixtureConfig: [String: String]
        /// The key of the code `runner.prepare` compiled before the fork.
        var prepared: String

        enum CodingKeys: String, CodingKey {
            case path, source, marker, scratch, mode, probes, fixtures, prepared
            case outputFD = "output_fd"
            case resultFD = "result_fd"
            case fixtureConfig = "fixture_config"
        }
    }

    private static func run(_ mode: RunMode, job: SnippetJob, source: String, plan: ProbePlan, prepared: String,
                            analysis: SnippetAnalysis, _ gil: inout GIL) -> ModeRun {
        let failed = { (problem: String) in
            ModeRun(mode: mode, status: .error, problem: problem, exitCode: nil, signal: nil, elapsed: 0, codeSeconds: nil,
                    output: "", droppedBytes: 0, statements: [], claims: [], fixtures: [], diagnostics: "")
        }
        ChildSupervisor.sweepBeforeRun()
        guard let scratch = RunDirectory(root: job.scratchRoot, name: "\(job.snippet.stem)-\(mode.rawValue)") else {
            return failed("cannot create a scratch directory under \(job.scratchRoot)")
        }
        defer { scratch.remove() }
        guard let output = DescriptorPipe.make(), let results = DescriptorPipe.make() else { return failed("cannot create pipes") }
        let nonce = String((0..<16).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! })
        var fixtureConfig: [String: String] = [:]
        if let base = job.httpBase { fixtureConfig["http_base"] = base }
        let configuration = RunnerConfiguration(
            path: job.snippet.path, source: source, marker: nonce, outputFD: output.write, resultFD: results.write,
            scratch: scratch.path, mode: mode, probes: plan.probes, fixtures: job.snippet.entry?.fixtures ?? [],
            fixtureConfig: fixtureConfig, prepared: prepared)
        let json = String(decoding: (try? JSONEncoder().encode(configuration)) ?? Data(), as: UTF8.self)
        let memoryLimit = job.memoryLimit

        let started = ChildSupervisor.now()
        let pid: pid_t
        do {
            pid = try gil.fork { gil in
                // The child: its own process group (so the whole tree can be
                // killed), limits, fds 1 and 2 on the output pipe, stdin empty.
                setpgid(0, 0)
                // The worker's own handlers are not the snippet's: signals act on
                // it as on a python3 process (runner.py restores KeyboardInterrupt).
                signal(SIGTERM, SIG_DFL)
                signal(SIGHUP, SIG_DFL)
                signal(SIGINT, SIG_DFL)
                _ = gc_die_with_parent(SIGKILL)
                _ = gc_limit_address_space(UInt64(memoryLimit))
                _ = gc_disable_core_dumps()
                let empty = open("/dev/null", O_RDONLY)
                dup2(empty, 0)
                dup2(output.write, 1)
                dup2(output.write, 2)
                close(output.read)
                close(results.read)
                do {
                    return Int32(clamping: try gil.importModule("_guidecheck_runner").callMethod("run", [.string(json)], gil).int(gil))
                } catch {
                    let line = "guidecheck: the runner failed: \(error)\n"
                    _ = line.withCString { write(results.write, $0, strlen($0)) }
                    return 70
                }
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
        var attribution = OutputAttribution(nonce: nonce, limit: job.outputLimit)
        let ending = gil.allowThreads {
            ChildSupervisor(pid: pid, output: output.read, results: results.read)
                .supervise(timeout: job.timeout, started: started, attribution: &attribution)
        }
        close(output.read)
        close(results.read)
        ChildSupervisor.killStragglers(group: pid, child: pid, reaped: ending.reaped)
        return ModeRunBuilder(mode: mode, analysis: analysis, timeout: job.timeout, path: job.snippet.path)
            .build(ending: ending, attribution: attribution)
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

    /// Removes it, whatever the snippet left inside (read-only files included).
    func remove() {
        if rmdir(path) == 0 { return }  // the usual case: the snippet left nothing
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
