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
        (13, "whitespace"), (16, "qualified name"), (88, "int documented, float observed"),
    ])
    func equalValue(line: Int, detail: String) throws {
        let claim = try Self.claim(line)
        #expect(claim.verdict == .normalised, "\(claim)")
        #expect(claim.normalisations == [.equalValue])
        #expect(claim.reason?.contains(detail) == true, "\(claim.reason ?? "")")
    }

    @Test("== is not enough: a float zero of the other sign, a bool for an int are other values")
    func alike() throws {
        let zero = try Self.claim(67)
        #expect(zero.verdict == .wrong, "\(zero)")
        #expect(zero.observed == "[0.0]")
        #expect(try Self.claim(69).verdict == .wrong)
    }

    @Test("a transcript shows what Python printed: another dict order, an int for a float, a string without its quotes, a datetime's str(), fewer digits, a base class for the exception are wrong there", arguments: [
        18, 20, 22, 31, 26, 71, 99, 103,
    ])
    func transcriptsAreExact(line: Int) throws {
        let claim = try Self.claim(line)
        #expect(claim.verdict == .wrong, "\(claim)")
        #expect(claim.normalisations.isEmpty)
    }

    @Test("a list in another order is still wrong")
    func listOrder() throws {
        #expect(try Self.claim(24).verdict == .wrong)
    }

    @Test("in a comment, a string written without its quotes: the printed form")
    func printedForm() throws {
        let claim = try Self.claim(108)
        #expect(claim.verdict == .normalised, "\(claim)")
        #expect(claim.normalisations.contains(.printedForm), "\(claim.normalisations)")
    }

    @Test("numbers written with fewer digits are rounded to the digits shown: in a comment, or after ~")
    func rounded() throws {
        for line in [90, 29, 101] {
            let claim = try Self.claim(line)
            #expect(claim.verdict == .normalised, "\(claim)")
            #expect(claim.normalisations == [.rounded])
        }
    }

    @Test("fewer digits that are not an abbreviation: the float error itself (0.3 for 0.1 + 0.2, 1.0 for 0.9999999999999999), another precision (3.14 for 3.142)", arguments: [
        91, 92, 93, 94,
    ])
    func notRounded(line: Int) throws {
        let claim = try Self.claim(line)
        #expect(claim.verdict == .wrong, "\(claim)")
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

    @Test("results after the markers guides write (Output:, =>, ->, #>, prints:, Prints): the text after the marker, named as a result marker", arguments: [
        115, 116, 117, 118, 119, 120, 124,
    ])
    func markers(line: Int) throws {
        let claim = try Self.claim(line)
        #expect(claim.verdict == .normalised, "\(claim)")
        #expect(claim.normalisations == [.resultMarker])
    }

    @Test("a marker before a value is not part of it; a program that prints the marker itself holds as written")
    func markersWhole() throws {
        #expect(try Self.claim(121).verdict == .holds)
        #expect(try Self.claim(241).verdict == .holds)
    }

    @Test("a wrong result after a marker is still wrong")
    func wrongAfterMarker() throws {
        let claim = try Self.claim(122)
        #expect(claim.verdict == .wrong, "\(claim)")
        #expect(claim.observed == "3")
    }

    @Test("about, ≈ and ~ with a unit of size: approximate numbers, compared in the unit the code reports", arguments: [
        (128, Verdict.normalised), (129, .normalised), (131, .wrong), (132, .normalised),
    ])
    func approximateWords(line: Int, verdict: Verdict) throws {
        let claim = try Self.claim(line)
        #expect(claim.verdict == verdict, "\(claim)")
    }

    @Test("<BLANKLINE> in a session is doctest's blank line of output")
    func blankLine() throws {
        let claim = try Self.claim(137)
        #expect(claim.verdict == .holds, "\(claim)")
    }

    @Test("a remark about the next step and a commented-out print below a print are not its output; a value below a print is")
    func remarksBelowPrint() throws {
        let claims = Self.report.snippets.flatMap(\.claims)
        #expect(!claims.contains { (146...150).contains($0.claim.location.firstLine) }, "\(claims.filter { (146...150).contains($0.claim.location.firstLine) })")
        #expect(try Self.claim(152).verdict == .holds)
    }

    @Test("an ellipsis at the end elides the rest, lines included: named, never a plain holds")
    func trailingEllipsis() throws {
        let rest = try Self.claim(165)  // `Connecting...` for two lines
        #expect(rest.verdict == .normalised, "\(rest)")
        #expect(rest.normalisations.contains(.ellipsis))
        let digits = try Self.claim(171)
        #expect(digits.verdict == .normalised, "\(digits)")
        #expect(digits.normalisations == [.ellipsis])
    }

    @Test("what a run is not given (stdin, a file the guide does not provide) makes a claim not checkable, with why; a claim about that very exception, and one that fails on its own, are judged")
    func notGiven() throws {
        let stdin = try Self.claim(178)
        #expect(stdin.verdict == .notCheckable, "\(stdin)")
        #expect(stdin.reason?.hasPrefix("it reads stdin (input()), which is empty here: EOFError") == true, "\(stdin.reason ?? "")")
        let file = try Self.claim(184)
        #expect(file.verdict == .notCheckable, "\(file)")
        #expect(file.reason?.contains("a file the guide does not provide: FileNotFoundError") == true, "\(file.reason ?? "")")
        #expect(file.reason?.hasSuffix("at line 182") == true, "\(file.reason ?? "")")
        #expect(try Self.claim(188).verdict == .holds)
        let own = try Self.claim(190)
        #expect(own.verdict == .wrong, "\(own)")
        #expect(own.observed == "8")
    }

    @Test("an output block with printed lines, then a traceback: the lines and the exception, each a claim that holds")
    func outputThenTraceback() throws {
        let printed = try Self.claim(201)
        #expect(printed.verdict == .holds, "\(printed)")
        #expect(printed.claim.kind == .block)
        let raised = try Self.claim(202)
        #expect(raised.verdict == .holds, "\(raised)")
        #expect(raised.claim.kind == .exception)
    }

    @Test("after raises, any class name is an exception: the guide's own exceptions need not end in Error")
    func ownException() throws {
        let claim = try Self.claim(212)
        #expect(claim.claim.kind == .exception)
        #expect(claim.verdict == .holds, "\(claim)")
    }

    @Test("Python 2 code, as CPython's own message names it (a print statement), is not checkable, never wrong")
    func pythonTwo() throws {
        let claim = try Self.claim(222)
        #expect(claim.verdict == .notCheckable, "\(claim)")
        #expect(claim.reason?.hasPrefix("it is Python 2 code (Missing parentheses in call to 'print'") == true, "\(claim.reason ?? "")")
    }

    @Test("comment lines under a paragraph of prints, at least one line for each, are what the paragraph printed; fewer lines are the last print's")
    func paragraphOfPrints() throws {
        let both = try Self.claim(230)
        #expect(both.verdict == .holds, "\(both)")
        #expect(both.observed == "a\nb")
        let last = try Self.claim(235)
        #expect(last.verdict == .holds, "\(last)")
        #expect(last.observed == "42")
    }

    @Test("a console's $ python line is not output; with arguments the claim is not checkable; any other $ line is output")
    func consoleCommands() throws {
        let given = try Self.claim(248)
        #expect(given.verdict == .notCheckable, "\(given)")
        #expect(given.reason == "it is run with command-line arguments (`$ python build.py --fast`), which runs do not pass")
        #expect(try Self.claim(257).verdict == .holds)
    }

    @Test("a session: a traceback of the guide's own exception is an exception claim; output goes on across a blank line")
    func sessionForms() throws {
        let raised = try Self.claim(266)
        #expect(raised.claim.kind == .exception)
        #expect(raised.verdict == .holds, "\(raised)")
        #expect(try Self.claim(270).verdict == .holds)
        #expect(try Self.claim(274).verdict == .holds)
    }

    @Test("the guide's own ConnectionError and pickle's EOFError are the guide's: wrong, not what a run lacks")
    func notTheEnvironment() throws {
        for line in [282, 284] {
            let claim = try Self.claim(line)
            #expect(claim.verdict == .wrong, "\(claim)")
        }
    }

    @Test("in the varied run, a program's own subclass of date is checked as any class; its repr is its own")
    func variedSubclass() throws {
        #expect(try Self.claim(294).verdict == .holds)
        #expect(try Self.claim(296).verdict == .holds)
    }

    @Test("a number with a fraction is in the unit written; a duration is not a value claim; roughly like ~; roundings that are not the float error")
    func unitsDurationsRoundings() throws {
        #expect(try Self.claim(303).verdict == .normalised)
        #expect(!Self.report.snippets.flatMap(\.claims).contains { $0.claim.location.firstLine == 301 })
        for line in [304, 305] {
            let claim = try Self.claim(line)
            #expect(claim.verdict == .normalised, "\(claim)")
            #expect(claim.normalisations == [.rounded])
        }
    }

    @Test("on a print, words after a number are its output unless they say when; a comma or a back arrow ends a value", arguments: [
        (312, Verdict.holds), (314, .wrong), (315, .holds), (316, .holds),
    ])
    func wordsAfterNumbers(line: Int, verdict: Verdict) throws {
        let claim = try Self.claim(line)
        #expect(claim.verdict == verdict, "\(claim)")
    }

    @Test("an output block keeps its lines: whitespace runs do not make two printed lines one")
    func transcriptLines() throws {
        let claim = try Self.claim(330)
        #expect(claim.verdict == .wrong, "\(claim)")
    }

    @Test("a notebook cell with magics: its other lines run, what it shows is not checkable")
    func notebookMagics() throws {
        #expect(try Self.claim(339).verdict == .holds)
        let shown = try Self.claim(343)
        #expect(shown.verdict == .notCheckable, "\(shown)")
        #expect(shown.reason?.contains("IPython magic or shell command (`%matplotlib inline`)") == true)
    }

    @Test("code, a paragraph ending with a colon, then a block that shows an exception: an exception claim on the code (the 3.11 message differs); any other block after a paragraph is not output")
    func exceptionAfterParagraph() throws {
        let raised = try Self.claim(356)
        #expect(raised.claim.kind == .exception)
        #expect(raised.verdict == .wrong, "\(raised)")
        #expect(raised.observed.contains("cannot access local variable 'global_counter'"), "\(raised.observed)")
        #expect(!Self.report.snippets.flatMap(\.claims).contains { (365...367).contains($0.claim.location.firstLine) })
    }

    @Test("a notebook cell's output block: what it printed, then its last expression's value, named")
    func notebookCell() throws {
        let claim = try Self.claim(377)
        #expect(claim.verdict == .normalised, "\(claim)")
        #expect(claim.normalisations == [.valueAfterOutput])
    }

    @Test("after a marker every rule applies to the text past it; words that happen to be printed hold as written", arguments: [
        (384, [Normalisation.resultMarker, .rounded]), (385, [.resultMarker, .reprQuotes]), (387, []), (388, []), (389, []),
        (392, [.resultMarker]),
    ])
    func markersAndRules(line: Int, names: [Normalisation]) throws {
        let claim = try Self.claim(line)
        #expect(claim.verdict == (names.isEmpty ? .holds : .normalised), "\(claim)")
        #expect(Set(claim.normalisations) == Set(names), "\(claim.normalisations)")
    }

    @Test("a transcript shows no marker; an error the paragraph says other code would raise is not read; a console's commands are not output; %time keeps its statement; a program's own date subclass in the varied run")
    func reviewCases() throws {
        #expect(try Self.claim(404).verdict == .wrong)
        #expect(!Self.report.snippets.flatMap(\.claims).contains { $0.claim.location.firstLine == 415 })
        #expect(try Self.claim(425).verdict == .holds)
        #expect(try Self.claim(430).verdict == .holds)
        #expect(try Self.claim(439).verdict == .holds)
    }

    @Test("cell magics: %%writefile makes a file the next cell imports, %%bash makes a cell that does not run, %%time runs its cell")
    func cellMagics() throws {
        #expect(try Self.claim(452).verdict == .holds)
        #expect(!Self.report.snippets.flatMap(\.claims).contains { $0.claim.location.firstLine == 457 })
        #expect(try Self.claim(463).verdict == .holds)
    }

    @Test("a message cut after a number, before the colon and quote that follow it, is a shorter message")
    func cutAfterNumber() throws {
        let claim = try Self.claim(469)
        #expect(claim.verdict == .normalised, "\(claim)")
        #expect(claim.normalisations == [.exceptionMessagePrefix])
    }

    @Test("a dict in another order is wrong in a comment too: Python keeps insertion order")
    func dictOrderInComments() throws {
        let claim = try Self.claim(87)
        #expect(claim.verdict == .wrong, "\(claim)")
    }

    @Test("a printed number written another way is wrong, not a value that prints the same")
    func printedNumber() throws {
        let claim = try Self.claim(475)
        #expect(claim.verdict == .wrong, "\(claim)")
        #expect(claim.observed == "1e-07")
    }

    @Test("a NameError on a typo of a bound name is wrong, not a name the guide leaves out")
    func typo() throws {
        let claim = try Self.claim(482)
        #expect(claim.verdict == .wrong, "\(claim)")
    }
}
