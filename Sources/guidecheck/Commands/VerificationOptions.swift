import ArgumentParser
import Foundation
import GuideModel
import LoopbackHTTP
import Reader
import Runner
import Verifier

/// The options `verify`, `update` and `report` share.
struct VerificationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder of snippets (and its manifest.yaml).", valueName: "dir"))
    var snippets = "snippets"

    @Option(name: .customLong("guide"), parsing: .singleValue,
            help: ArgumentHelp("Read a guide directly instead of snippets: a Markdown file (.md), a plain-text guide, or a folder of Markdown guides (recursively). Repeatable.", valueName: "path"))
    var guides: [String] = []

    @Option(help: ArgumentHelp("The folder of accepted results.", valueName: "dir"))
    var expected = "expected"

    @Option(help: ArgumentHelp("Only snippets whose file name contains this text or matches this glob (q05, 'q1[0-9]_*').", valueName: "pattern"))
    var filter: String?

    @OptionGroup var outputs: ReportFileOptions

    @Option(help: ArgumentHelp("Run only part K of N of the snippets (a CI job of N); guidecheck merge joins the parts' JSON.", valueName: "K/N"))
    var shard: String?

    @Flag(name: .shortAndLong, help: "Print only what failed, and errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each snippet's status as it finishes.")
    var verbose = false

    @Option(help: ArgumentHelp("Seconds each run of a snippet may take, unless the manifest sets its own (default 60).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Address space each run may use, such as 512M or 4G (default 4G); past it, allocations raise MemoryError.", valueName: "size"))
    var memoryLimit: String = "4G"

    @Option(help: ArgumentHelp("namespaces (default): each run in new PID, mount and network namespaces, the file system read-only outside its directory; processes: a forked process and its group only. See docs/isolation.md.", valueName: "how"))
    var isolation: RunSettings.Isolation = .namespaces

    @Option(help: ArgumentHelp("Snippets run at once, each in its own worker (default: the machine's cores). Snippets the manifest marks exclusive always run alone.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var interpreter: InterpreterOptions

    /// A guidecheck command line that works as printed: the folders and guides of
    /// this one carried over (a hint printed after `verify --snippets S` must act on S).
    func command(_ name: String, filter: String? = nil) -> String {
        var words = ["guidecheck", name]
        if guides.isEmpty {
            if snippets != "snippets" { words += ["--snippets", Self.shellWord(snippets)] }
        } else {
            for guide in guides { words += ["--guide", Self.shellWord(guide)] }
        }
        if expected != "expected" { words += ["--expected", Self.shellWord(expected)] }
        if let filter { words += ["--filter", Self.shellWord(filter)] }
        return words.joined(separator: " ")
    }

    /// `word` as a shell reads it back: quoted when it holds anything but safe characters.
    static func shellWord(_ word: String) -> String {
        word.allSatisfy { $0.isLetter || $0.isNumber || "-_./@".contains($0) } ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func validate() throws {
        if let timeout, !TimeLimit.accepts(timeout) { throw ValidationError("--timeout must be \(TimeLimit.rule), not \(timeout)") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if memoryBytes == nil {
            throw ValidationError("--memory-limit must be a size of at least 64M (the interpreter needs that much to start) and below 8E, such as 512M or 4G, not '\(memoryLimit)'")
        }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, such as 2/4, not '\(shard)'") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    /// `--memory-limit` in bytes: a number with an optional K, M or G (powers of 1024).
    var memoryBytes: Int? {
        let units: [Character: Double] = ["K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024]
        var text = memoryLimit.uppercased()
        if text.hasSuffix("B") { text.removeLast() }
        let unit = text.last.flatMap { units[$0] } ?? 1
        if units[text.last ?? " "] != nil { text.removeLast() }
        guard let value = Double(text), value > 0 else { return nil }
        let bytes = value * unit
        // Below Int.max (about 8E), so that it converts; RLIMIT_AS takes any of it.
        return bytes >= 64 * 1024 * 1024 && bytes < Double(Int.max) ? Int(bytes) : nil
    }
}

/// One verification run, as the three commands perform it.
enum VerificationSession {
    static func run(_ options: VerificationOptions, filter: String? = nil) throws -> (SnippetCorpus, VerificationReport) {
        // Here, not in main(): workers run this same binary and must keep their
        // own handling (kill the current snippet's group, then exit).
        Interruption.install()
        var corpus = try loadCorpus(options, filter: filter ?? options.filter)
        if let shard = options.shard.flatMap(Shard.init) { corpus.snippets = shard.select(corpus.snippets) }
        if corpus.snippets.isEmpty {
            let source = options.guides.isEmpty ? "no snippets in \(options.snippets)" : "no Python examples in \(options.guides.joined(separator: ", "))"
            throw CommandFailure(message: source + ((filter ?? options.filter).map { " match '\($0)'" } ?? ""),
                                 exitCode: .configuration)
        }
        if !options.quiet { corpus.notices.forEach { printError("\($0)") } }
        // One scratch root per invocation, owned here: a worker that dies (or is
        // killed) mid-run cannot clean up its run's directory, this can.
        let scratchRoot: String
        do { scratchRoot = try makeScratchRoot() } catch {
            throw CommandFailure(message: "cannot create a scratch directory: \(error)", exitCode: .configuration)
        }
        defer { try? FileManager.default.removeItem(atPath: scratchRoot) }
        // Workers enter their namespaces as they start, each with its directory under the root.
        let workers = WorkerPool(executable: selfExecutable,
                                 arguments: options.interpreter.workerArguments
                                     + ["--isolation", options.isolation.rawValue, "--scratch-root", scratchRoot],
                                 count: options.jobs)
        ProgramRunner.adoptOrphans()
        // Started even when no snippet declares the network fixture: it costs a
        // socket, and a fixture must never depend on the order snippets run in.
        let server: LoopbackServer
        do { server = try LoopbackServer.startBlocking() } catch {
            throw CommandFailure(message: "cannot start the loopback HTTP server: \(error)", exitCode: .configuration)
        }
        let settings = VerificationSettings(timeout: options.timeout, memoryLimit: options.memoryBytes!,
                                            scratchRoot: scratchRoot, httpBase: server.baseURL, isolation: options.isolation)
        Interruption.onStop { workers.terminateAll() }
        let progress = Progress(total: corpus.snippets.count, mode: options.quiet ? .silent : options.verbose ? .lines : .terminal)
        progress.stage("running \(counted(corpus.snippets.count, "program")) in \(counted(options.jobs, "worker"))")
        let report: VerificationReport
        do {
            report = try Verification.run(corpus, settings: settings, runner: workers) { progress.finished($0) }
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .configuration)
        }
        progress.clear()
        progress.stage("ran them in \(String(format: "%.1f", report.seconds)) s; judging and writing")
        // Where the kernel refused namespaces, say so once: the runs went on without.
        if let refused = report.snippets.lazy.flatMap(\.outcome.runs).compactMap(\.isolationRefused).first, !options.quiet {
            printError("notice: runs are not isolated in namespaces here: \(refused) (docs/isolation.md)")
        }
        if Interruption.signal != nil {
            throw CommandFailure(message: "interrupted before the run finished; nothing was written", exitCode: .interrupted)
        }
        // A crashed run's native stack: for whoever debugs the crash, never in expected/.
        if options.verbose {
            for snippet in report.snippets {
                for run in snippet.outcome.runs {
                    // The run could write there too: no control characters reach the terminal.
                    guard let stack = run.nativeBacktrace.map({ String($0.unicodeScalars.filter { $0 == "\n" || $0.value >= 0x20 && $0.value != 0x7F }) })
                    else { continue }
                    printError("\(snippet.snippet.name) (\(run.mode.rawValue) run, \(run.signal ?? "a signal")): native backtrace\n\(stack)")
                }
            }
        }
        return (corpus, report)
    }

    /// The snippets folder, or the guides `--guide` names, read (guides through
    /// this process's own interpreter: untagged blocks count when they parse).
    static func loadCorpus(_ options: VerificationOptions, filter: String?) throws -> SnippetCorpus {
        do {
            guard !options.guides.isEmpty else { return try SnippetCorpus.load(directory: options.snippets, filter: filter) }
            let python = try options.interpreter.start()
            let version = python.info.version.split(separator: ".").compactMap { Int($0) }
            let guides = options.guides
            return try python.withGILBlocking { gil in try SnippetCorpus.load(guides: guides, pythonVersion: version, filter: filter, gil) }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .configuration)
        }
    }

    /// `$TMPDIR/guidecheck-XXXXXX`, resolved.
    static func makeScratchRoot() throws -> String {
        let base = NSTemporaryDirectory().hasSuffix("/") ? String(NSTemporaryDirectory().dropLast()) : NSTemporaryDirectory()
        var template = Array("\(base)/guidecheck-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil, let resolved = realpath(template, nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// This binary, to start workers from.
    static var selfExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

extension InterpreterOptions {
    /// The same interpreter options, for a worker's command line.
    var workerArguments: [String] {
        (pythonExecutable.map { ["--python-executable", $0] } ?? []) + (pythonHome.map { ["--python-home", $0] } ?? [])
    }
}

/// Shows which snippet finished: one updating line on a terminal, a line per
/// snippet with --verbose, nothing with --quiet.
final class Progress: @unchecked Sendable {
    /// `stages`: not a terminal and not --quiet: a line when each stage starts,
    /// so a log shows where a long run is (a CI job, `report --html` in a pipe).
    enum Mode { case silent, terminal, lines, stages }

    private let total: Int
    private var done = 0
    private let lock = NSLock()
    private let mode: Mode

    init(total: Int, mode: Mode) {
        self.total = total
        self.mode = mode == .terminal && isatty(2) == 0 ? .stages : mode
    }

    /// A stage begins (`running 62 snippets`): one line, except on a terminal
    /// (which shows the counter) and with --quiet.
    func stage(_ text: String) {
        if mode == .stages || mode == .lines { printError("guidecheck: \(text)") }
    }

    func finished(_ outcome: SnippetOutcome) {
        lock.lock()
        done += 1
        let count = "[\(done)/\(total)] \(outcome.snippet)"
        lock.unlock()
        switch mode {
        case .silent, .stages: return
        case .terminal: try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K\(count)".utf8))
        case .lines:
            let runs = outcome.runs.map { "\($0.mode.rawValue) \($0.status.rawValue) \(String(format: "%.2f", $0.elapsed)) s" }
            let parts = [counted(outcome.reading.claims.count, "claim")] + runs + (outcome.problem.map { [$0] } ?? [])
            printError("\(count): \(parts.joined(separator: "; "))")
        }
    }

    func clear() {
        if mode == .terminal { try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8)) }
    }
}

extension RunSettings.Isolation: ExpressibleByArgument {}
