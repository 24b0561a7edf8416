import Foundation
import TestSupport
import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Verifier

/// A `>>>` session judged as the REPL shows it, run for real on a small
/// Markdown guide whose verdicts are known (`Corpus/markdown/sessions.md`).
@Suite("Sessions as the REPL shows them")
struct ReplSessionTests {
    static let fixture = MarkdownFixture("sessions.md")
    static var report: VerificationReport { fixture.report }
    static func claim(_ line: Int) throws -> ClaimResult { try fixture.claim(line) }

    @Test("every expression statement of an input is echoed: `1; 2` shows 1 and 2, a loop shows each value")
    func everyValueEchoed() throws {
        let onlyLast = try Self.claim(13)
        #expect(onlyLast.verdict == .wrong, "the reader sees two lines")
        #expect(onlyLast.observed == "1\n2")
        #expect(try Self.claim(15).verdict == .holds)
        let loop = try Self.claim(19)
        #expect(loop.verdict == .holds, "\(loop)")
    }

    @Test("`_` is the last value echoed, and holds it alive as the REPL does")
    func underscore() throws {
        #expect(try Self.claim(22).verdict == .holds)
        let underscore = try Self.claim(24)
        #expect(underscore.verdict == .holds, "\(underscore)")
        // `del n` prints nothing (`_` still holds the object); rebinding `_` collects it.
        let collected = try Self.claim(30)
        #expect(collected.verdict == .holds, "\(collected)")
        #expect(collected.observed == "gone\n2")
    }

    @Test("compiler warnings read as the REPL prints them; one the guide leaves out is named and shown")
    func warnings() throws {
        let documented = try Self.claim(33)
        #expect(documented.verdict == .holds, "\(documented)")
        let undocumented = try Self.claim(35)
        #expect(undocumented.verdict == .normalised, "\(undocumented)")
        #expect(undocumented.normalisations == [.undocumentedWarning])
        #expect(undocumented.observed == "<stdin>:1: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\nFalse")
        #expect(undocumented.reason?.contains("the session also shows <stdin>:1: SyntaxWarning") == true, "\(undocumented.reason ?? "")")
    }

    @Test("an input that does not compile fails as the REPL's does: lines from 1, no file suffix")
    func syntaxErrors() throws {
        let unterminated = try Self.claim(37)
        #expect(unterminated.verdict == .holds, "\(unterminated)")
        #expect(unterminated.observed == "SyntaxError: unterminated string literal (detected at line 1)")
        let indentation = try Self.claim(43)
        #expect(indentation.verdict == .holds, "\(indentation)")
    }

    @Test("an exception message holds whole, or up to a visible elision; never a bare prefix")
    func exceptionMessages() throws {
        let cut = try Self.claim(48)
        #expect(cut.verdict == .wrong, "a message cut mid-word, with no elision shown")
        #expect(try Self.claim(50).verdict == .holds)
        let elided = try Self.claim(52)
        #expect(elided.verdict == .normalised, "\(elided)")
        #expect(elided.normalisations == [.exceptionMessagePrefix])
        #expect(elided.reason?.contains("\"with base 10: 'abc'\" left out") == true, "\(elided.reason ?? "")")
        let extended = try Self.claim(54)
        #expect(extended.verdict == .wrong, "Python 3.10+ says more than the documented message")
        #expect(extended.observed == "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
    }

    @Test("an exception raised in a function an example defined is placed at the guide's line")
    func tracebackLines() throws {
        #expect(try Self.claim(58).verdict == .holds)
        let snippet = try #require(Self.report.snippets.first)
        let raised = try #require(snippet.outcome.runs.first { $0.mode == .module }?.statements.compactMap(\.exception)
            .first { $0.type == "ZeroDivisionError" })
        #expect(raised.line == 56)
        #expect(raised.traceback.contains("File \"<stdin>\", line 2, in fails"), "\(raised.traceback)")
    }

    @Test("a class shown by its name, as IPython shows it, only when the value is a class (or a tuple or list of them)")
    func classByName() throws {
        for line in [66, 68, 71, 73] {
            let claim = try Self.claim(line)
            #expect(claim.verdict == .normalised, "\(claim)")
            #expect(claim.normalisations == [.classByName])
        }
        #expect(try Self.claim(75).verdict == .wrong, "a string that reads like a class is a string")
        #expect(try Self.claim(77).verdict == .wrong, "a list is not shown as a tuple")
    }

    @Test("a prompt with no statement (an IPython magic, a comment) is placed at its own line")
    func promptsWithoutStatements() throws {
        let magic = try Self.claim(84)
        #expect(magic.verdict == .notCheckable)
        #expect(magic.claim.line == 83)
        let comment = try Self.claim(86)
        #expect(comment.verdict == .notCheckable)
        #expect(comment.claim.line == 85)
    }

    @Test("quotes around what print() wrote are wrong in a session (repr quotes are a comment's convention only)")
    func printedQuotes() throws {
        let quoted = try Self.claim(93)
        #expect(quoted.verdict == .wrong, "\(quoted)")
        #expect(quoted.observed == "hi")
        #expect(try Self.claim(95).verdict == .holds)
    }

    @Test("webbrowser (and `import antigravity`) finds $BROWSER, a command that opens nothing and succeeds")
    func noBrowser() throws {
        #expect(try Self.claim(103).verdict == .holds)
    }

    @Test("in a comment, a message cut where a thought ends is a shorter message (normalised, named); cut inside a word, a number or a quoted value, or to two words, it is wrong")
    func commentMessagePrefix() throws {
        let shorter = try Self.claim(111)
        #expect(shorter.verdict == .normalised, "\(shorter)")
        #expect(shorter.normalisations == [.exceptionMessagePrefix])
        #expect(shorter.reason?.contains("\"with base 10: 'abc'\" left out") == true, "\(shorter.reason ?? "")")
        #expect(try Self.claim(112).verdict == .wrong, "cut inside a word")
        #expect(try Self.claim(113).verdict == .wrong, "cut inside a number")
        #expect(try Self.claim(114).verdict == .wrong, "cut inside a quoted value, before a comma")
        #expect(try Self.claim(115).verdict == .wrong, "cut inside a quoted value, before a space")
        #expect(try Self.claim(116).verdict == .wrong, "two words of eight are not the message")
    }
}
