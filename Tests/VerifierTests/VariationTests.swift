import TestSupport
import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Verifier

/// When the two modes disagree, is it the mode, or chance? The run with another
/// hash seed, random state and clock tells.
@Suite("Modes that disagree, and runs that vary")
struct VariationTests {
    @Test("a claim the modes disagree on, whose observation also changes in another run, varies between runs; one that does not change depends on the mode")
    func modeOrChance() throws {
        let scratch = ScratchDirectory()
        // `a is b`: one constant as a module, two objects statement by statement;
        // the clock's day moves the value's last digits, never its rounding.
        let prelude = "import time\na = 1000\nb = 1000\nx = 0.5 if a is b else 0.9\n"
        scratch.write("varies.py", prelude + "x + (time.time() // 86400) * 1e-9  # 0.5\n")
        scratch.write("mode.py", prelude + "x  # 0.5\n")
        let corpus = try SnippetCorpus.load(directory: scratch.path)
        let runner = try InProcessRunner(interpreter: TestPython.shared)
        let report = try Verification.run(corpus, settings: VerificationSettings(timeout: 30), runner: runner)
        func claim(_ file: String) throws -> ClaimResult {
            try #require(report.snippets.first { $0.snippet.name == file }?.claims.first)
        }
        let varies = try claim("varies.py")
        #expect(varies.verdict == .contextDependent)
        #expect(varies.variesBetweenRuns, "\(varies)")
        #expect(varies.reason?.hasPrefix("varies between runs") == true, "\(varies)")
        let mode = try claim("mode.py")
        #expect(mode.verdict == .contextDependent)
        #expect(!mode.variesBetweenRuns, "\(mode)")
        #expect(mode.reason?.hasPrefix("as a module:") == true, "\(mode)")
    }

    @Test("a program that makes a set runs again with another hash seed, though its claims hold and it imports nothing that varies; one that makes none does not")
    func setsRunAgain() throws {
        let scratch = ScratchDirectory()
        scratch.write("sets.py", "words = sorted({'pear', 'fig'})\nprint(words)  # ['fig', 'pear']\n")
        scratch.write("lists.py", "words = sorted(['pear', 'fig'])\nprint(words)  # ['fig', 'pear']\n")
        let corpus = try SnippetCorpus.load(directory: scratch.path)
        let runner = try InProcessRunner(interpreter: TestPython.shared)
        let report = try Verification.run(corpus, settings: VerificationSettings(timeout: 30), runner: runner)
        func modes(_ file: String) throws -> [RunMode] {
            try #require(report.snippets.first { $0.snippet.name == file }).outcome.runs.map(\.mode)
        }
        #expect(try modes("sets.py").contains(.varied))
        #expect(try !modes("lists.py").contains(.varied))
        #expect(report.snippets.allSatisfy { $0.claims.allSatisfy { $0.verdict == .holds } })
    }
}
