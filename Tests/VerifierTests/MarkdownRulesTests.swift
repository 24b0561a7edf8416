import Foundation
import TestSupport
import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Verifier

/// Every rule for results as real guides write them, run for real (forked runs,
/// both modes, the varied run) on a small Markdown guide whose verdicts are known.
@Suite("Results as guides write them, judged")
struct MarkdownRulesTests {
    static let fixture = MarkdownFixture("rules.md")
    static var report: VerificationReport { fixture.report }
    static func claim(_ line: Int) throws -> ClaimResult { try fixture.claim(line) }

    @Test("lines under an expression that printed nothing are its value")
    func nextLineResult() throws {
        let claim = try Self.claim(8)
        #expect(claim.verdict == .normalised)
        #expect(claim.normalisations == [.valueNotOutput])
    }

    @Test("equal values written another way: each normalised, and the reason says what differed", arguments: [
        (13, "whitespace"), (16, "qualified name"), (18, "dict order"), (20, "int documented, float observed"),
    ])
    func equalValue(line: Int, detail: String) throws {
        let claim = try Self.claim(line)
        #expect(claim.verdict == .normalised, "\(claim)")
        #expect(claim.normalisations == [.equalValue])
        #expect(claim.reason?.contains(detail) == true, "\(claim.reason ?? "")")
    }

    @Test("== is not enough: a float zero of the other sign, a bool for an int are other values; an int for a float is how it is written")
    func alike() throws {
        let zero = try Self.claim(67)
        #expect(zero.verdict == .wrong, "\(zero)")
        #expect(zero.observed == "[0.0]")
        #expect(try Self.claim(69).verdict == .wrong)
        let number = try Self.claim(71)
        #expect(number.verdict == .normalised, "\(number)")
        #expect(number.normalisations == [.equalValue])
    }

    @Test("a list in another order is still wrong")
    func listOrder() throws {
        #expect(try Self.claim(24).verdict == .wrong)
    }

    @Test("a string written without its quotes, a datetime written as str(): the printed form")
    func printedForm() throws {
        for line in [22, 31] {
            let claim = try Self.claim(line)
            #expect(claim.verdict == .normalised, "\(claim)")
            #expect(claim.normalisations == [.printedForm])
        }
    }

    @Test("numbers written with decimals are rounded to the digits shown")
    func rounded() throws {
        for line in [26, 29] {
            let claim = try Self.claim(line)
            #expect(claim.verdict == .normalised, "\(claim)")
            #expect(claim.normalisations == [.rounded])
        }
    }

    @Test("a result that depends on randomness or on today's date varies between runs: context-dependent, never wrong")
    func varies() throws {
        for line in [34, 36] {
            let claim = try Self.claim(line)
            #expect(claim.verdict == .contextDependent, "\(claim)")
            #expect(claim.variesBetweenRuns)
            #expect(claim.reason?.hasPrefix("varies between runs") == true)
        }
    }

    @Test("... stands for any text")
    func ellipsis() throws {
        let claim = try Self.claim(38)
        #expect(claim.verdict == .normalised)
        #expect(claim.normalisations == [.ellipsis])
    }

    @Test("a name the guide never defines makes a claim not checkable, not wrong")
    func undefinedName() throws {
        let claim = try Self.claim(40)
        #expect(claim.verdict == .notCheckable)
        #expect(claim.reason?.contains("`not_defined_anywhere`, which the guide never defines") == true)
    }

    @Test("an exception shown as the traceback's last line; a plain wrong result")
    func exceptionAndWrong() throws {
        #expect(try Self.claim(42).verdict == .holds)
        let wrong = try Self.claim(44)
        #expect(wrong.verdict == .wrong)
        #expect(wrong.observed == "4")
    }

    @Test("an output block holds; one documented for another Python is not checkable, with the reason")
    func outputBlocks() throws {
        #expect(try Self.claim(54).verdict == .holds)
        let other = try Self.claim(60)
        #expect(other.verdict == .notCheckable)
        #expect(other.reason == "documented for Python < 3.0, not Python 3.11.2")
    }

    @Test("an output block that leaves out a compiler warning running the code shows: named and shown, never dropped")
    func outputBlockWarning() throws {
        let claim = try Self.claim(81)
        #expect(claim.verdict == .normalised, "\(claim)")
        #expect(claim.normalisations == [.undocumentedWarning])
        #expect(claim.observed.contains("SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?"), "\(claim.observed)")
        #expect(claim.observed.hasSuffix("\nFalse"))
    }
}
