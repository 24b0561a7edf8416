import Foundation
import TestSupport
import Testing
@testable import Judge
@testable import Reader
@testable import Verifier

/// A small Markdown guide of `Corpus/markdown/` whose verdicts are known,
/// verified for real (forked runs, both modes, the varied run) once per suite.
struct MarkdownFixture: Sendable {
    let report: VerificationReport

    init(_ name: String) {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Corpus/markdown/\(name)").path
        let corpus = try! TestPython.shared.withGILBlocking { gil in
            try SnippetCorpus.load(guides: [path], pythonVersion: [3, 11, 2], gil)
        }
        let runner = try! InProcessRunner(interpreter: TestPython.shared)
        report = try! Verification.run(corpus, settings: VerificationSettings(timeout: 30), runner: runner)
    }

    /// The claim whose documented text starts at `line` of the guide.
    func claim(_ line: Int) throws -> ClaimResult {
        try #require(report.snippets.flatMap(\.claims).first { $0.claim.location.firstLine == line }, "no claim at line \(line)")
    }
}
