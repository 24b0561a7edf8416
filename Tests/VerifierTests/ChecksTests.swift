import Foundation
import TestSupport
import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Verifier

/// Checks of the guide's words, run for real on a small guide: one that holds,
/// one wrong, one context-dependent, one broken, one not checkable, one whose
/// quote is not in the guide.
@Suite("Checks of claims made in words")
struct ChecksTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus/checks").path

    static let report: VerificationReport = {
        let corpus = try! SnippetCorpus.load(directory: directory)
        let runner = try! InProcessRunner(interpreter: TestPython.shared)
        return try! Verification.run(corpus, settings: VerificationSettings(timeout: 30), runner: runner)
    }()

    static func check(_ quote: String) throws -> ClaimResult {
        try #require(report.snippets.flatMap(\.claims).first { $0.claim.source == .check && $0.claim.documented == quote })
    }

    @Test("each quote is placed at its line of the guide")
    func located() throws {
        let claim = try Self.check("A dict lookup of a missing key raises KeyError.").claim
        #expect(claim.location.document.hasSuffix("Corpus/checks/guide.txt"))
        #expect(claim.location.firstLine == 4)
    }

    @Test("a check that holds; one that raises as documented")
    func holds() throws {
        #expect(try Self.check("Lists keep the order of insertion.").verdict == .holds)
        #expect(try Self.check("A dict lookup of a missing key raises KeyError.").verdict == .holds)
    }

    @Test("a check that fails is wrong, with the assertion's message as evidence; it ran in its snippet's namespace")
    func wrong() throws {
        let claim = try Self.check("Sorting a list returns a new list.")
        #expect(claim.verdict == .wrong)
        #expect(claim.observed == "AssertionError: list.sort() returned None")
    }

    @Test("a check that holds in one context and not another is context-dependent, naming each")
    func contexts() throws {
        let claim = try Self.check("Small integers are cached: the same object every time.")
        #expect(claim.verdict == .contextDependent)
        #expect(claim.reason == "a small integer: raised nothing (holds); a large integer: AssertionError: two objects")
    }

    @Test("a check that errors is a broken check, never a verdict on the guide")
    func broken() throws {
        let claim = try Self.check("Lists keep the order")
        #expect(claim.verdict == .brokenCheck)
        #expect(claim.reason?.contains("NameError") == true)
        #expect(claim.verdict.standing == .broken)
        // A name the check's own code leaves undefined is its fault, not a name the guide owes.
        let program = try #require(Self.report.snippets.first { $0.snippet.name == "checks/q01.yaml" })
        #expect(program.undefinedNames.isEmpty, "\(program.undefinedNames)")
    }

    @Test("not checkable, with the reason")
    func notCheckable() throws {
        let claim = try Self.check("Tuples are faster than lists.")
        #expect(claim.verdict == .notCheckable)
        #expect(claim.reason == "a performance claim: the benchmarks' business")
    }

    @Test("a quote that is no longer in the guide is a problem of the corpus, naming the check's line")
    func staleQuote() throws {
        let corpus = try SnippetCorpus.load(directory: Self.directory)
        #expect(corpus.problems.isEmpty, "\(corpus.problems)")
        let scratch = ScratchDirectory()
        try withExtendedLifetime(scratch) {
            for name in ["guide.txt", "q01_lists.py", "manifest.yaml", "checks/q01.yaml"] {
                scratch.write("snippets/" + name, try String(contentsOfFile: Self.directory + "/" + name, encoding: .utf8))
            }
            let guide = try String(contentsOfFile: Self.directory + "/guide.txt", encoding: .utf8)
            scratch.write("snippets/guide.txt", guide.replacingOccurrences(of: "returns a new list", with: "sorts it"))
            let edited = try SnippetCorpus.load(directory: scratch.path + "/snippets")
            #expect(edited.problems.count == 1)
            #expect(edited.problems.first?.line == 10)
            #expect(edited.problems.first?.message.contains("the quote is not in Q1 of the guide") == true)
        }
    }
}

@Suite("A check file's own program")
struct CheckFileProgramTests {
    @Test("exclusive: true makes the file's own program run alone; without it the program runs beside the others")
    func exclusive() throws {
        let scratch = ScratchDirectory()
        scratch.write("snippets/guide.txt", "Q1. Threads\n\nA thread runs while another sleeps.\nSleeping takes time.\n")
        scratch.write("snippets/manifest.yaml", "guide: guide.txt\nsnippets: []\n")
        scratch.write("snippets/checks/q01.yaml", """
            question: Q1
            exclusive: true
            checks:
              - quote: "A thread runs while another sleeps."
                check: |
                  assert True
            """)
        scratch.write("snippets/checks/q02.yaml", """
            question: Q1
            checks:
              - quote: "Sleeping takes time."
                check: |
                  assert True
            """)
        let corpus = try SnippetCorpus.load(directory: scratch.path + "/snippets")
        #expect(corpus.problems.isEmpty, "\(corpus.problems)")
        let programs = Dictionary(uniqueKeysWithValues: corpus.snippets.map { ($0.name, $0.entry?.exclusive) })
        #expect(programs["checks/q01.yaml"] == .some(true))
        #expect(programs["checks/q02.yaml"] == .some(nil))
    }
}
