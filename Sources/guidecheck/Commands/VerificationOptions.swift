import ArgumentParser
import Foundation
import LoopbackHTTP
import Verifier

/// The options `verify`, `update` and `report` share.
struct VerificationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder of snippets (and its manifest.yaml).", valueName: "dir"))
    var snippets = "snippets"

    @Option(help: ArgumentHelp("The folder of accepted results.", valueName: "dir"))
    var expected = "expected"

    @Option(help: ArgumentHelp("Only snippets whose file name contains this text or matches this glob (q05, 'q1[0-9]_*').", valueName: "pattern"))
    var filter: String?

    @Option(help: ArgumentHelp("Also write the results as JSON (schema in the README).", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Seconds each run of a snippet may take, unless the manifest sets its own (default 60).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Snippets run at once, each in its own worker (default: the machine's cores). Snippets the manifest marks exclusive always run alone.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var interpreter: InterpreterOptions

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

/// One verification run, as the three commands perform it.
enum VerificationSession {
    static func run(_ options: VerificationOptions, filter: String? = nil) throws -> (SnippetCorpus, VerificationReport) {
        let corpus: SnippetCorpus
        do { corpus = try SnippetCorpus.load(directory: options.snippets, filter: filter ?? options.filter) } catch {
            throw CommandFailure(message: "\(error)", exitCode: .configuration)
        }
        if corpus.snippets.isEmpty {
            throw CommandFailure(message: "no snippets in \(options.snippets)" + (options.filter.map { " match '\($0)'" } ?? ""),
                                 exitCode: .configuration)
        }
        let workers = WorkerPool(executable: selfExecutable, arguments: options.interpreter.workerArguments,
                                 count: options.jobs)
        // Started even when no snippet declares the network fixture: it costs a
        // socket, and a fixture must never depend on the order snippets run in.
        let server: LoopbackServer
        do { server = try LoopbackServer.startBlocking() } catch {
            throw CommandFailure(message: "cannot start the loopback HTTP server: \(error)", exitCode: .configuration)
        }
        let settings = VerificationSettings(timeout: options.timeout, httpBase: server.baseURL)
        let progress = Progress(total: corpus.snippets.count)
        let report: VerificationReport
        do {
            report = try Verification.run(corpus, settings: settings, runner: workers) { progress.finished($0) }
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .configuration)
        }
        progress.clear()
        if let path = options.json {
            do { try SnapshotStore.atomicWrite(String(decoding: try JSONReport.encode(report), as: UTF8.self), to: path) } catch {
                throw CommandFailure(message: "cannot write \(path): \(error)", exitCode: .configuration)
            }
        }
        return (corpus, report)
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

/// Shows which snippet finished, on a terminal only.
final class Progress: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private let lock = NSLock()
    private let terminal = isatty(2) != 0

    init(total: Int) { self.total = total }

    func finished(_ outcome: SnippetOutcome) {
        guard terminal else { return }
        lock.lock()
        done += 1
        let line = "\r\u{1B}[K[\(done)/\(total)] \(outcome.snippet)"
        lock.unlock()
        FileHandle.standardError.write(Data(line.utf8))
    }

    func clear() {
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
