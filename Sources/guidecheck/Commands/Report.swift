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

    @Option(help: ArgumentHelp("With --html: the JSON of a `guidecheck bench` run, drawn as charts.", valueName: "file"))
    var benchJson: String?

    @OptionGroup var options: VerificationOptions

    func validate() throws {
        if benchJson != nil && html == nil { throw ValidationError("--bench-json is only used with --html") }
    }

    func run() throws {
        var benchmarks: BenchDocument?
        if let path = benchJson {
            guard let data = FileManager.default.contents(atPath: path) else {
                Self.exit(with: CommandFailure(message: "\(path): cannot read", exitCode: .configuration))
            }
            do { benchmarks = try BenchDocument.decode(data) } catch {
                Self.exit(with: CommandFailure(message: "\(path): not a guidecheck bench JSON report (\(error))", exitCode: .configuration))
            }
        }
        let report: VerificationReport
        let corpus: SnippetCorpus
        do { (corpus, report) = try VerificationSession.run(options) } catch let failure as CommandFailure { Self.exit(with: failure) }
        let document = VerificationDocument(report)
        if let html {
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
        do {
            try ReportOutputs.write(document, command: "report", outputs: options.outputs, snippets: options.snippets)
        } catch let failure as CommandFailure { Self.exit(with: failure) }
        if options.outputs.format == .text {
            let errata = Errata.render(report, snippetsDirectory: options.snippets)
            print(Style.verdicts(in: options.quiet ? errata.split(separator: "\n").dropLast().joined(separator: "\n") : errata))
        }
    }
}
