import Foundation
import Harness
import Reports
import Verifier

/// Writes what a run was asked for besides its text: JSON, JUnit XML, the
/// Markdown summary, and on GitHub Actions the annotations and step summary.
enum ReportOutputs {
    static func write(_ document: VerificationDocument, command: String, options: VerificationOptions) throws {
        if let path = options.json { try save(String(decoding: try document.encoded(), as: UTF8.self), to: path) }
        if let path = options.junit {
            try save(JUnitReport.verification(document, snippetsDirectory: options.snippets, command: command), to: path)
        }
        let markdown = MarkdownSummary.render(verification: document, benchmarks: nil, snippetsDirectory: options.snippets)
        if options.format == .markdown { print(markdown, terminator: "") }
        if GitHubAnnotations.isActive {
            GitHubAnnotations.verification(document, snippetsDirectory: options.snippets, expectedDirectory: options.expected)
                .forEach { print($0) }
            GitHubAnnotations.appendSummary(markdown)
        }
    }

    static func write(_ document: BenchDocument, json: String?, junit: String?, format: OutputFormat, directory: String) throws {
        if let json { try save(String(decoding: try document.encoded(), as: UTF8.self), to: json) }
        if let junit { try save(JUnitReport.benchmarks(document), to: junit) }
        let markdown = MarkdownSummary.render(verification: nil, benchmarks: document, snippetsDirectory: "")
        if format == .markdown { print(markdown, terminator: "") }
        if GitHubAnnotations.isActive {
            GitHubAnnotations.benchmarks(document, directory: directory).forEach { print($0) }
            GitHubAnnotations.appendSummary(markdown)
        }
    }

    static func save(_ text: String, to path: String) throws {
        do { try SnapshotStore.atomicWrite(text, to: path) } catch {
            throw CommandFailure(message: "cannot write \(path): \(error)", exitCode: .configuration)
        }
    }
}
