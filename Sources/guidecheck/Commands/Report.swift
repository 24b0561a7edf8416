import ArgumentParser
import Foundation
import GuideModel
import Harness
import Reader
import Reports
import Verifier

/// `guidecheck report`: the guide's errata.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every claim that does not simply hold, grouped by question.",
        discussion: """
            Runs the snippets (no expected/ needed, so any folder of snippets works) and lists \
            each claim whose verdict is normalised, context-dependent, wrong or not-checkable, \
            documented against observed.

            Examples:
              guidecheck report
              guidecheck report --snippets other-guide/snippets --json errata.json
              guidecheck report --html site --bench-json bench.json
              guidecheck report --format markdown
            """)

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (index.html) into this folder.", valueName: "dir"))
    var html: String?

    @Option(help: ArgumentHelp("The JSON of a `guidecheck bench` run: its claims that do not hold join the errata (and the HTML report's charts).", valueName: "file"))
    var benchJson: String?

    @Flag(help: "Also list the paragraphs of each answer that hold no claim, so a reviewer sees what was not checked.")
    var coverage = false

    @Flag(help: "Print where the time went (reading, runs, judging, writing; CPU and peak memory of guidecheck and its workers), and add it to the JSON as `timings`.")
    var timings = false

    @Argument(help: ArgumentHelp("Only snippets whose file name contains this text or matches this glob (as --filter).", valueName: "filter"))
    var pattern: String?

    @OptionGroup var options: VerificationOptions

    func run() throws {
        var benchmarks: BenchDocument?
        if let path = benchJson {
            let data: Data
            do { data = try UserFile.data(at: path, what: "the bench report") } catch {
                Self.exit(with: CommandFailure(message: error.description, exitCode: .configuration))
            }
            do { benchmarks = try BenchDocument.decode(data) } catch {
                Self.exit(with: CommandFailure(message: "\(path): not a guidecheck bench JSON report (\(error))", exitCode: .configuration))
            }
        }
        let report: VerificationReport
        let corpus: SnippetCorpus
        var clock = PhaseClock()
        do { (corpus, report) = try VerificationSession.run(options, filter: pattern) } catch let failure as CommandFailure { Self.exit(with: failure) }
        clock.mark("session")
        var document = VerificationDocument(report)
        clock.mark("judge")
        if let html {
            if !options.quiet { printError("guidecheck: writing the HTML report into \(html)") }
            let page = HTMLReport(
                document: document,
                sources: Dictionary(uniqueKeysWithValues: corpus.snippets.map { ($0.name, $0.source ?? "") }),
                questionTitles: report.questionTitles,
                topics: Dictionary(uniqueKeysWithValues: corpus.snippets.compactMap { snippet in snippet.entry?.topic.map { (snippet.name, $0) } }),
                benchmarks: benchmarks)
            do {
                let path = try page.write(to: html)
                if !options.quiet { printError("wrote \(path)") }
            } catch {
                Self.exit(with: CommandFailure(message: "cannot write the HTML report into \(html): \(error)", exitCode: .configuration))
            }
        }
        if timings {
            // The JSON is written once, so the time to write it is the text's and the
            // last phase's; close enough next to the runs.
            document.timings = clock.phases(of: report)
            printError(PhaseClock.describe(document.timings!, snippets: report.snippets.count))
            printError(PhaseClock.cpuShares(of: report))
        }
        do {
            try ReportOutputs.write(document, command: "report", outputs: options.outputs, snippets: options.snippets,
                                    updateCommand: options.command("update"))
        } catch let failure as CommandFailure { Self.exit(with: failure) }
        if options.outputs.format == .text {
            var errata = Errata.render(report, snippetsDirectory: options.snippets)
            if let benchmarks { errata = BenchErrata.render(benchmarks) + errata }
            print(Style.verdicts(in: options.quiet ? errata.split(separator: "\n").dropLast().joined(separator: "\n") : errata))
        }
        if coverage { printCoverage(report, corpus: corpus, benchmarks: benchmarks) }
    }

    /// The answers' paragraphs that hold no claim.
    private func printCoverage(_ report: VerificationReport, corpus: SnippetCorpus, benchmarks: BenchDocument?) {
        guard let path = corpus.guidePath ?? options.guides.first, let guide = try? Guide(path: path) else {
            printError("--coverage needs a guide: name one in the manifest, or use --guide")
            return
        }
        guard !Guide.questionLines(guide.lines).isEmpty else {
            printError("\(path): no question headings (`Q1. …`) found; --coverage lists the paragraphs of each answer, so it needs them")
            return
        }
        var claimed = Set<Int>()
        for claim in report.snippets.flatMap(\.claims) where claim.claim.location.document == path {
            claimed.formUnion(claim.claim.location.firstLine...claim.claim.location.lastLine)
        }
        let locator = QuoteLocator(lines: guide.lines)
        let sections = SnippetCorpus.questionSections(guide.lines)
        for claim in benchmarks?.claims ?? [] {
            if let lines = locator.locate(claim.claim, in: sections[claim.question]) { claimed.formUnion(lines) }
        }
        let code = report.snippets.compactMap { result -> ClosedRange<Int>? in
            guard let first = result.snippet.entry?.guideLine, let source = result.snippet.source, result.snippet.guideProgram == nil else { return nil }
            return first...(first + source.split(separator: "\n", omittingEmptySubsequences: false).count - 2)
        }
        let paragraphs = ClaimCoverage.unclaimed(lines: guide.lines, claimed: claimed, code: code)
        let all = ClaimCoverage.unclaimed(lines: guide.lines, claimed: [], code: code).count
        print("")
        print(ClaimCoverage.render(paragraphs, guide: path, claimedParagraphs: all - paragraphs.count))
    }
}
