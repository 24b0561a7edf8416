import ArgumentParser
import Foundation
import Reports
import Verifier

/// `guidecheck merge`: the shards' JSON reports as one.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the JSON reports of several --shard runs into one report.",
        discussion: """
            The shards must have been made with the same Python and must not share a snippet. \\
            Writes the merged JSON and, on request, one JUnit file and the Markdown summary; \\
            exits 1 when a merged snippet failed or differed from expected/.

            Examples:
              guidecheck merge shard-1.json shard-2.json --json all.json --junit all.xml
              guidecheck merge shard-*.json --format markdown
            """)

    @Argument(help: ArgumentHelp("The shards' JSON reports.", valueName: "report.json"))
    var reports: [String]

    @Option(help: ArgumentHelp("Write the merged report as JSON.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Write the merged report as JUnit XML.", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("text (default): counts; markdown: the pull-request summary.", valueName: "format"))
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("The folder of snippets the reports refer to (for file names in annotations).", valueName: "dir"))
    var snippets = "snippets"

    func run() throws {
        var documents: [(path: String, document: VerificationDocument)] = []
        for path in reports {
            guard let data = FileManager.default.contents(atPath: path) else {
                Self.exit(with: CommandFailure(message: "\(path): cannot read", exitCode: .configuration))
            }
            do { documents.append((path, try VerificationDocument.decode(data))) } catch {
                Self.exit(with: CommandFailure(message: "\(path): not a guidecheck JSON report (\(error))", exitCode: .configuration))
            }
        }
        let merged: VerificationDocument
        do { merged = try DocumentMerge.merge(documents) } catch {
            Self.exit(with: CommandFailure(message: "\(error)", exitCode: .configuration))
        }
        do {
            if let json { try ReportOutputs.save(String(decoding: try merged.encoded(), as: UTF8.self), to: json) }
            if let junit { try ReportOutputs.save(JUnitReport.verification(merged, snippetsDirectory: snippets, command: "verify"), to: junit) }
        } catch let failure as CommandFailure { Self.exit(with: failure) }
        let markdown = MarkdownSummary.render(verification: merged, benchmarks: nil, snippetsDirectory: snippets)
        if format == .markdown {
            print(markdown, terminator: "")
        } else {
            let counts = VerdictSymbol.order.map { "\(merged.summary.verdicts[$0] ?? 0) \($0)" }.joined(separator: ", ")
            print("merged \(reports.count) reports: \(merged.summary.snippets) snippets, \(merged.summary.claims) claims (\(counts)), Python \(merged.python)")
        }
        if GitHubAnnotations.isActive {
            GitHubAnnotations.verification(merged, snippetsDirectory: snippets, expectedDirectory: "expected").forEach { print($0) }
            GitHubAnnotations.appendSummary(markdown)
        }
        let failed = merged.snippets.contains { snippet in
            (snippet.notRunnable == nil && snippet.status != "ok") || (snippet.expected.map { $0.status != "same" } ?? false)
        }
        if failed { throw ExitCode(ExitStatus.failure.rawValue) }
    }
}
