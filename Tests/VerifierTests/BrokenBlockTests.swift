import Foundation
import TestSupport
import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Verifier

/// Blocks of a guide that do not compile are reported, never skipped: run for
/// real on `Corpus/markdown/broken.md`.
@Suite("Code that does not compile, reported")
struct BrokenBlockTests {
    static let fixture = MarkdownFixture("broken.md")
    static var report: VerificationReport { fixture.report }
    static func claim(_ line: Int) throws -> ClaimResult { try fixture.claim(line) }

    @Test("a block that does not compile, used by code after it: wrong, with its SyntaxError")
    func usedBrokenBlock() throws {
        let block = try Self.claim(4)
        #expect(block.claim.source == .code)
        #expect(block.claim.documented == "def f()")
        #expect(block.verdict == .wrong)
        #expect(block.observed == "raised SyntaxError: expected ':'")
    }

    @Test("a claim on a name only a broken block defines says so")
    func dependentClaim() throws {
        let claim = try Self.claim(10)
        #expect(claim.verdict == .notCheckable)
        #expect(claim.reason == "it uses `f`, defined only by the block at line 4, which does not compile (SyntaxError: expected ':' (line 4))",
                "\(claim.reason ?? "")")
    }

    @Test("a block nothing uses, or one documented for another Python: reported, not checkable, with the error")
    func unusedOrOtherPython() throws {
        let shape = try Self.claim(16)
        #expect(shape.verdict == .notCheckable)
        #expect(shape.reason == "it does not compile (SyntaxError: invalid syntax (line 16)), and no code after it uses what it would define")
        let python2 = try Self.claim(21)
        #expect(python2.verdict == .notCheckable)
        #expect(python2.reason?.hasPrefix("documented for Python 2.x, not Python 3.11.2; it does not compile here (SyntaxError: Missing parentheses") == true,
                "\(python2.reason ?? "")")
    }

    @Test("code then a session in one block: the definitions run, then the examples")
    func codeThenSession() throws {
        #expect(try Self.claim(37).verdict == .holds)
    }
}
