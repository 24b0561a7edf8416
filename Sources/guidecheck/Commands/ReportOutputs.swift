import Foundation
import GuideModel
import Harness
import Reader
import Reports
import Verifier

/// Writes what a run was asked for besides its text: JSON, JUnit XML, the
/// Markdown summary, and on GitHub Actions the annotations and step summary.
enum ReportOutputs {
    /// `command` names the JUnit suite (`guidecheck verify`); `updateCommand` is
    /// the command that accepts a run, with the folder options it needs.
    static func write(_ document: VerificationDocument, command: String, outputs: ReportFileOptions, snippets: String,
                      updateCommand: String) throws {
        if let path = outputs.json { try save(String(decoding: try document.encoded(), as: UTF8.self), to: path) }
        if let path = outputs.junit {
            try save(JUnitReport.verification(document, snippetsDirectory: snippets, command: command, updateCommand: updateCommand), to: path)
        }
        try present(MarkdownSummary.render(verification: document, benchmarks: nil, snippetsDirectory: snippets),
                    annotations: GitHubAnnotations.verification(document, snippetsDirectory: snippets, updateCommand: updateCommand), format: outputs.format)
    }

    static func write(_ document: BenchDocument, outputs: ReportFileOptions) throws {
        if let path = outputs.json { try save(String(decoding: try document.encoded(), as: UTF8.self), to: path) }
        if let path = outputs.junit { try save(JUnitReport.benchmarks(document), to: path) }
        try present(MarkdownSummary.render(verification: nil, benchmarks: document, snippetsDirectory: ""),
                    annotations: GitHubAnnotations.benchmarks(document), format: outputs.format)
    }

    /// The summary on stdout for `--format markdown`; on GitHub Actions, the
    /// annotations on stdout and the summary appended to the step summary.
    private static func present(_ markdown: String, annotations: @autoclosure () -> [String], format: OutputFormat) throws {
        if format == .markdown { print(markdown, terminator: "") }
        guard GitHubAnnotations.isActive else { return }
        annotations().forEach { print($0) }
        do { try GitHubAnnotations.appendSummary(markdown) } catch {
            throw CommandFailure(message: "\(error)", exitCode: .configuration)
        }
    }

    static func save(_ text: String, to path: String) throws {
        do { try ReportFile.write(text, to: path) } catch {
            throw CommandFailure(message: "cannot write \(path): \(error)", exitCode: .configuration)
        }
    }
}
