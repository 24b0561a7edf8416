import Harness
@testable import Reports
import GuideModel
import Verifier

/// Small reports with one claim of each verdict, a snippet that changed from
/// `expected/`, one that crashed and one that was not run.
enum Documents {
    /// A claim of `guide.txt`, whose snippet starts at guide line 100.
    static func claim(_ line: Int, _ verdict: Verdict, documented: String = "True", observed: String = "True",
                      interactive: String? = nil, diff: String? = nil) -> VerificationDocument.ClaimEntry {
        VerificationDocument.ClaimEntry(
            line: line, commentLine: line, source: .comment, guide: "guide.txt", guideLine: 99 + line, kind: .output,
            documented: documented, expected: documented, condition: nil,
            observed: observed, observedInteractive: interactive, verdict: verdict,
            normalisation: verdict == .normalised ? "repr quotes" : nil, normalisations: verdict == .normalised ? [.reprQuotes] : [],
            reason: verdict == .holds ? nil : "because \(verdict.rawValue)", expectedDiff: diff)
    }

    static func snippet(_ file: String, status: VerificationDocument.SnippetStatus = .ok, problem: String? = nil, notRunnable: String? = nil,
                        claims: [VerificationDocument.ClaimEntry] = [],
                        expected: VerificationDocument.ExpectedComparison.Status = .same) -> VerificationDocument.SnippetEntry {
        VerificationDocument.SnippetEntry(
            file: file, question: "Q" + String(Int(file.dropFirst().prefix(2)) ?? 0), status: status, problem: problem,
            notRunnable: notRunnable, fixtures: file.hasPrefix("q01") ? ["network"] : [], undefinedNames: [], claims: claims, raised: [],
            timing: .init(workerSeconds: 0.01, analysisSeconds: 0.001, runs: []),
            expected: .init(path: "expected/\(file.dropLast(3)).txt", status: expected, diff: expected == .differs ? "--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n" : nil))
    }

    static let verification: VerificationDocument = {
        let snippets = [
            snippet("q05_interning.py", claims: [
                claim(4, .holds), claim(5, .normalised, documented: "'x'", observed: "x"),
                claim(9, .contextDependent, documented: "False in most contexts", observed: "True", interactive: "False"),
                claim(12, .wrong, documented: "[('s', 4), ('i', 4)]", observed: "[('i', 4), ('s', 4)]"),
                claim(14, .notCheckable, documented: "~8-10x"),
                claim(16, .holds, diff: "-line 16  output  wrong\n+line 16  output  holds\n"),
            ], expected: .differs),
            snippet("q06_crash.py", status: .crashed, problem: "killed by SIGSEGV in the statement at line 3 <&>\u{1}"),
            snippet("q20_cli.sh", status: .notRun, notRunnable: "a shell command"),
        ]
        return VerificationDocument(python: "3.11.2", summary: VerificationDocument.summarise(snippets), snippets: snippets)
    }()

    static let benchmarks: BenchDocument = {
        let json = """
            {"python": "3.11.2", "quick": true, "seconds": 3,
             "machine": {"cores": 2, "cpu": "test CPU", "megahertz": 2000, "load_average": 0.1},
             "claims": [
              {"benchmark": "threads", "question": "Q1", "claim": "~8-10x", "verdict": "reproduced", "guide": "~8-10x",
               "measured": 9.5, "unit": "x", "spread": 0.1, "predicate": "between 8 x and 10 x", "reason": "measured 9.5",
               "values": [1, 1], "samples": {}, "cpu": {}, "reference": 9, "range": [8, 10], "warnings": [],
               "processes": 2, "values_per_process": 2},
              {"benchmark": "concat", "question": "Q20", "claim": "O(n²)", "verdict": "not-reproduced", "guide": "O(n²)",
               "measured": 1.0, "observed": "n", "unit": "s", "spread": 0.01, "predicate": "grows as n²", "reason": "best fit n",
               "values": [1], "samples": {}, "cpu": {}, "warnings": [], "processes": 2, "values_per_process": 2,
               "fit": {"variant": "concat", "model": "n", "error": 0.01, "errors": {"n": 0.01}, "exponent": 1.0,
                       "intercept": 0.0, "slope": 2e-8, "sizes": [1000, 10000, 100000, 1000000],
                       "medians": [2e-5, 2e-4, 2e-3, 2e-2]}},
              {"benchmark": "older", "question": "FAQ", "claim": "up to 25 %", "verdict": "not-checkable", "guide": "25 %",
               "reason": "needs Python 3.10", "values": [], "samples": {}, "cpu": {}, "warnings": [], "processes": 0,
               "values_per_process": 0}
             ]}
            """
        return try! BenchDocument.decode(Data(json.utf8))
    }()
}

import Foundation
