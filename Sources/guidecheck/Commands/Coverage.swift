import Foundation
import ArgumentParser
import GuideModel
import PythonRuntime
import Harness
import Reader
import Verifier

/// `guidecheck coverage`: do the snippets still match the guide?
struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that every snippet is a verbatim copy from the guide and that no example is left out.",
        discussion: """
            Every snippet must be a run of consecutive guide lines, starting where the manifest \
            says; every code-looking region of the guide (lines CPython's compiler accepts, \
            comments, shell commands) must be covered by a snippet. Exit 1 lists what drifted.

            Examples:
              guidecheck coverage
              guidecheck coverage --guide ../shared/guide/python-interview-guide.txt
            """)

    @Option(help: ArgumentHelp("The folder of snippets (and its manifest.yaml).", valueName: "dir"))
    var snippets = "snippets"

    @Option(help: ArgumentHelp("The guide to check against (default: the one the manifest names).", valueName: "file"))
    var guide: String?

    @Option(help: ArgumentHelp("The folder of benchmarks whose claims are quoted from the guide.", valueName: "dir"))
    var benchmarks = "benchmarks"

    @OptionGroup var interpreter: InterpreterOptions

    func run() throws {
        let corpus: SnippetCorpus
        let guideFile: Guide
        do {
            corpus = try SnippetCorpus.load(directory: snippets, guide: guide)
            guard let path = guide ?? corpus.guidePath else {
                throw CommandFailure(message: "\(snippets)/\(SnippetCorpus.manifestName) names no guide; pass --guide", exitCode: .configuration)
            }
            guideFile = try Guide(path: path)
        } catch let failure as CommandFailure { Self.exit(with: failure) } catch {
            Self.exit(with: CommandFailure(message: "\(error)", exitCode: .configuration))
        }
        let python: PythonInterpreter
        do { python = try interpreter.start() } catch let failure as CommandFailure { Self.exit(with: failure) }
        let text = guideFile.text
        let regions = try python.withGILBlocking { gil in
            try PythonReading.install(gil)
            return try PythonReading.codeRegions(in: text, gil)
        }
        let coverage = GuideCoverage.check(corpus, against: guideFile, regions: regions)
        let lines = guideFile.lines
        for name in coverage.notVerbatim {
            printError("\(snippets)/\(name): not a verbatim copy of consecutive lines of \(guideFile.path)")
        }
        for (name, manifest, actual) in coverage.misplaced {
            printError("\(snippets)/\(SnippetCorpus.manifestName): \(name) has guide_line \(manifest), but it starts at \(guideFile.path):\(actual)")
        }
        for gap in coverage.gaps {
            for line in gap.lines {
                printError("\(guideFile.path):\(line): code no snippet covers: \(lines[line - 1].trimmingWhitespace())")
            }
        }
        let covered = regions.count - coverage.gaps.count
        print("\(coverage.placements.count) snippets, all verbatim: \(coverage.notVerbatim.isEmpty ? "yes" : "no"); \(covered) of \(regions.count) code regions of the guide covered")
        // The folder must be what `extract` would write from this guide.
        var inStep = true
        do {
            let plan = try Extract.plan(guide: guideFile.path, snippets: snippets, existing: corpus, interpreter: interpreter)
            let manifestPath = snippets + "/" + SnippetCorpus.manifestName
            let current = (try? String(contentsOfFile: manifestPath, encoding: .utf8)) ?? ""
            for change in plan.changes { printError("\(snippets)/: extract would write: \(change)") }
            if ManifestWriter.render(plan.manifest, header: ManifestWriter.header(of: current)) != current {
                printError("\(manifestPath): not as extract writes it; run `guidecheck extract --snippets \(snippets)`")
                inStep = false
            }
            inStep = inStep && plan.changes.isEmpty
        } catch {
            printError("\(error)")
            inStep = false
        }
        print("\(snippets)/ is what extract writes from the guide: \(inStep ? "yes" : "no")")
        // Every quote of a check and of a benchmark must still be the guide's words.
        let staleChecks = corpus.problems.filter { $0.message.hasPrefix("the quote is not in") }
        staleChecks.forEach { printError("\($0)") }
        var staleBenchmarks = 0
        var catalog: BenchmarkCatalog?
        if FileManager.default.fileExists(atPath: benchmarks + "/" + BenchmarkCatalog.fileName) {
            // A catalog that cannot be read cannot be said to quote the guide.
            do { catalog = try BenchmarkCatalog.load(directory: benchmarks) } catch {
                printError("\(error)")
                staleBenchmarks += 1
            }
        }
        if let catalog {
            let locator = QuoteLocator(lines: lines)
            let sections = SnippetCorpus.questionSections(lines)
            for spec in catalog.benchmarks where locator.locate(spec.claim, in: sections[spec.question]) == nil {
                printError("\(benchmarks)/\(BenchmarkCatalog.fileName): \(spec.name): the claim is not in \(spec.question) of the guide: \"\(spec.claim)\"")
                staleBenchmarks += 1
            }
        }
        let checks = corpus.snippets.flatMap { $0.extraResults + ($0.guideProgram?.program.results ?? []) }.filter { $0.source == .check }.count
        print("\(counted(checks, "check")) and the benchmarks quote the guide verbatim: \(staleChecks.isEmpty && staleBenchmarks == 0 ? "yes" : "no")")
        if !coverage.isComplete || !inStep || !staleChecks.isEmpty || staleBenchmarks > 0 { throw ExitCode(ExitStatus.failure.rawValue) }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
