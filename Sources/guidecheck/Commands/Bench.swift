import ArgumentParser
import Foundation
import GuideModel
import Harness
import LoopbackHTTP
import PythonRuntime
import Reader
import Reports
import Verifier

/// `guidecheck bench`: time the guide's performance and memory claims here.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the guide's performance and memory claims on this machine.",
        discussion: """
            Each benchmark in benchmarks/benchmarks.yaml quotes a claim of the guide and the \
            predicate it must meet. Timings are calibrated so each value lasts at least 100 ms \
            (10 ms with --quick), taken in several fresh processes (the first value of each \
            dropped as a warm-up), every raw value kept. Each figure is computed once per \
            process and reported with its 95 % interval over processes; the verdict stands on \
            the interval: reproduced (inside what the claim accepts), not-reproduced (outside), \
            inconclusive (across a bound, after measuring more within the time budget; or on a \
            busy machine), context-dependent (conditions disagree), not-checkable. The method: \
            docs/benchmarks.md.

            Examples:
              guidecheck bench --quick
              guidecheck bench q20 --json bench.json
              guidecheck bench Q13 --junit bench.xml --format markdown
              guidecheck bench --compare before.json after.json
            """)

    @Argument(help: ArgumentHelp("Only benchmarks whose name contains this, or of this question (Q13).", valueName: "filter"))
    var filter: String?

    @Flag(help: "Shorter values and fewer processes: the whole suite in under 3 minutes on 2 cores.")
    var quick = false

    @OptionGroup var outputs: ReportFileOptions

    @Flag(name: .shortAndLong, help: "No progress; print only the table.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each benchmark's predicate and reason.")
    var verbose = false

    @Option(help: ArgumentHelp("The folder with benchmarks.yaml and the workloads.", valueName: "dir"))
    var benchmarks = "benchmarks"

    @Option(help: ArgumentHelp("The guide the claims quote, to give each its line (default: the one snippets/manifest.yaml names).", valueName: "file"))
    var guide: String?

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Measure nothing: compare two `bench --json` files, per claim, with an interval on each change.", valueName: "old.json new.json"))
    var compare: [String] = []

    func validate() throws {
        if !compare.isEmpty && compare.count != 2 {
            throw ValidationError("--compare takes two files, the old run's JSON and the new one's: --compare old.json new.json")
        }
    }

    @OptionGroup var interpreter: InterpreterOptions

    func run() throws {
        if compare.count == 2 { return try runComparison() }
        let catalog: BenchmarkCatalog
        do { catalog = try BenchmarkCatalog.load(directory: benchmarks, filter: filter) } catch {
            Self.exit(with: CommandFailure(message: "\(error)", exitCode: .configuration))
        }
        guard !catalog.benchmarks.isEmpty else {
            Self.exit(with: CommandFailure(message: "no benchmark matches '\(filter ?? "")'", exitCode: .configuration))
        }
        let python: PythonInterpreter
        do { python = try interpreter.start() } catch let failure as CommandFailure { Self.exit(with: failure) }
        let server: LoopbackServer
        do { server = try LoopbackServer.startBlocking() } catch {
            Self.exit(with: CommandFailure(message: "cannot start the loopback HTTP server: \(error)", exitCode: .configuration))
        }
        let machine = MachineInfo.current()
        let runner = BenchmarkRunner(catalog: catalog, settings: BenchSettings(
            quick: quick, executable: VerificationSession.selfExecutable, workerArguments: interpreter.workerArguments,
            httpBase: server.baseURL, cores: machine.cores, referencePython: python.info.executable))
        let guideLines = locateQuotes(catalog)
        let started = Date()
        let terminal = isatty(2) != 0 && !quiet
        var results: [BenchmarkResult] = []
        for (index, spec) in catalog.benchmarks.enumerated() {
            let position = "[\(index + 1)/\(catalog.benchmarks.count)] \(spec.name)"
            if !terminal && !quiet { printError(position) }
            let result = runner.run(spec) { progress in
                guard terminal else { return }
                let left = progress.secondsLeft.isFinite && progress.secondsLeft >= 1 ? String(format: ", about %.0f s left", progress.secondsLeft) : ""
                let values = progress.valuesTotal > 0 ? ": \(progress.valuesDone)/\(progress.valuesTotal) values\(left)" : ": calibrating"
                try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K\(position)\(values)".utf8))
            }
            if terminal { try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8)) }
            if verbose { printError("\(spec.name): \(result.verdict.rawValue): \(result.predicate ?? "-"): \(result.reason ?? "")") }
            results.append(result)
        }
        let report = BenchReport(python: python.info.version, machine: machine, quick: quick, results: results,
                                 seconds: Date().timeIntervalSince(started), guideLines: guideLines)
        if outputs.format == .text { print(Style.verdicts(in: report.table() + "\n"), terminator: "") }
        do {
            try ReportOutputs.write(BenchDocument(report), outputs: outputs)
        } catch let failure as CommandFailure { Self.exit(with: failure) }
    }
}

extension Bench {
    /// Where each benchmark's quote starts in the guide; a quote not found is
    /// left unplaced here (`guidecheck coverage` fails on it).
    func locateQuotes(_ catalog: BenchmarkCatalog) -> [String: (String, Int)] {
        let path = guide ?? (try? SnippetCorpus.load(directory: "snippets"))?.guidePath
        guard let path, let file = try? Guide(path: path) else { return [:] }
        let locator = QuoteLocator(lines: file.lines)
        let sections = SnippetCorpus.questionSections(file.lines)
        var lines: [String: (String, Int)] = [:]
        for spec in catalog.benchmarks {
            if let found = locator.locate(spec.claim, in: sections[spec.question]) { lines[spec.name] = (path, found.lowerBound) }
        }
        return lines
    }

    func runComparison() throws {
        func load(_ path: String) -> BenchDocument {
            do { return try BenchDocument.decode(Data(contentsOf: URL(fileURLWithPath: path))) } catch {
                Self.exit(with: CommandFailure(message: "\(path): not a `guidecheck bench --json` file: \(error)", exitCode: .configuration))
            }
        }
        print(BenchComparison.render(old: load(compare[0]), new: load(compare[1]), filter: filter), terminator: "")
    }
}

/// `guidecheck __bench-worker`: one benchmark process.
struct BenchWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__bench-worker",
        abstract: "Internal: take the values of one benchmark job read from stdin (started by bench).",
        shouldDisplay: false)

    @OptionGroup var interpreter: InterpreterOptions

    func run() throws {
        let configuration = interpreter.configuration
        throw ExitCode(BenchWorker.serve { try PythonInterpreter.start(configuration) })
    }
}
