import Foundation
import TestSupport
import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Reports
@testable import Runner
@testable import Verifier

/// A small corpus whose every verdict is known, run through the real embedded
/// interpreter (forked runs, both modes), to pin down the whole pipeline.
@Suite("A corpus with known verdicts")
struct KnownVerdictsTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Corpus/known").path

    static let report: VerificationReport = {
        let corpus = try! SnippetCorpus.load(directory: directory)
        let runner = try! InProcessRunner(interpreter: TestPython.shared)
        return try! Verification.run(corpus, settings: VerificationSettings(timeout: 30), runner: runner)
    }()

    static func result(_ file: String) throws -> SnippetResult {
        try #require(report.snippets.first { $0.snippet.name == file })
    }

    static func verdicts(_ file: String) throws -> [Int: Verdict] {
        Dictionary(try result(file).claims.map { ($0.claim.line, $0.verdict) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("one of each verdict")
    func eachVerdict() throws {
        #expect(try Self.verdicts("k1_verdicts.py") == [2: .holds, 3: .normalised, 6: .contextDependent, 7: .wrong, 8: .notCheckable])
        let claims = try Self.result("k1_verdicts.py").claims
        #expect(claims[1].normalisations == [.reprQuotes])
        #expect(claims[2].observed == "True", "a module shares equal constants")
        #expect(claims[2].observedInteractive == "False", "statement by statement they are separate objects")
        #expect(claims[3].observed == "4")
        #expect(claims[4].reason == "stands for a claim this machine cannot check")
    }

    @Test("an exception is recorded against its line and the run goes on")
    func exceptionsContinue() throws {
        let result = try Self.result("k2_exception_continues.py")
        #expect(result.status == .ok)
        #expect(try Self.verdicts("k2_exception_continues.py") == [1: .holds, 2: .holds, 3: .holds, 5: .holds, 6: .holds])
        let module = try #require(result.outcome.run(.module))
        #expect(module.statement(1)?.exception?.type == "ValueError")
        #expect(module.statement(1)?.exception?.line == 2)
        #expect(module.statement(2)?.output == "after\n")
    }

    @Test("a block after a call, and commentary that is never a claim")
    func blockAndCommentary() throws {
        let result = try Self.result("k3_block_and_commentary.py")
        #expect(try Self.verdicts("k3_block_and_commentary.py") == [6: .holds])
        #expect(result.claims.first?.claim.kind == .block)
        #expect(result.outcome.reading.commentary.map(\.line) == [4, 9, 10])
        #expect(result.outcome.run(.interactive)?.statement(1)?.echo == "42\n", "the REPL echo is kept apart")
    }

    @Test("a claim whose line never ran is wrong, never a pass")
    func neverRan() throws {
        let result = try Self.result("k4_never_runs.py")
        #expect(try Self.verdicts("k4_never_runs.py") == [2: .wrong, 5: .holds, 7: .wrong])
        #expect(result.status == .error)
        #expect(result.claims[0].reason?.hasPrefix("line 2 never ran") == true)
        #expect(result.claims[2].reason?.hasPrefix("line 7 never ran") == true)
        #expect(result.problem?.contains("SystemExit at line 6 ended it early") == true, "\(result.problem ?? "")")
    }

    @Test("a fixture provides what the snippet leaves undefined, and is named")
    func fixture() throws {
        let result = try Self.result("k5_fixture.py")
        #expect(try Self.verdicts("k5_fixture.py") == [1: .holds])
        #expect(result.fixtures == ["text"])
        #expect(result.undefinedNames.isEmpty)
        #expect(result.outcome.run(.module)?.fixtures == ["text"])
    }
}
