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
               "guide_file": "guide.txt", "guide_line": 40,
               "measured": 9.5, "interval": [9.1, 9.9], "confidence": 0.95, "unit": "x", "predicate": "between 8 x and 10 x",
               "reason": "measured 9.5 x [9.1, 9.9]", "per_process": [9.2, 9.5, 9.8], "conditions": [],
               "values": [1, 1], "samples": {}, "cpu": {}, "growth": [], "reference": 9, "accepted": [8, 10], "warnings": [],
               "processes": 3, "values_per_process": 2},
              {"benchmark": "concat", "question": "Q20", "claim": "O(n²)", "verdict": "not-reproduced", "guide": "O(n²)",
               "measured": 1.0, "interval": [0.97, 1.03], "confidence": 0.95, "unit": "s", "predicate": "grows as n²",
               "reason": "growth exponent 1.00 [0.97, 1.03]", "per_process": [0.98, 1.0, 1.02], "conditions": [],
               "values": [1], "samples": {}, "cpu": {}, "warnings": [], "processes": 3, "values_per_process": 2,
               "growth": [{"variant": "concat", "sizes": [1000, 10000, 100000, 1000000], "medians": [2e-5, 2e-4, 2e-3, 2e-2],
                           "empty_call": 5e-8, "exponent": {"value": 1.0, "low": 0.97, "high": 1.03, "level": 0.95, "count": 3},
                           "model": "n²", "bounds": [1.85, 2.2]}]},
              {"benchmark": "arrays", "question": "Q22", "claim": "2–4×", "verdict": "context-dependent", "guide": "2–4x",
               "unit": "x", "predicate": "between 2 x and 4 x", "reason": "reproduced under 'i'; not-reproduced under 'd'.",
               "per_process": [2, 2], "values": [], "samples": {}, "cpu": {}, "growth": [], "warnings": [], "processes": 2,
               "values_per_process": 1,
               "conditions": [
                 {"name": "'i'", "verdict": "reproduced", "measured": 2, "interval": [2, 2], "per_process": [2, 2], "reason": "measured 2 x"},
                 {"name": "'d'", "verdict": "not-reproduced", "measured": 1, "interval": [1, 1], "per_process": [1, 1], "reason": "measured 1 x"}]},
              {"benchmark": "numpy", "question": "Q1", "claim": "parallel", "verdict": "inconclusive", "guide": "parallel",
               "measured": 1.4, "interval": [1.13, 1.65], "confidence": 0.95, "unit": "x", "predicate": "at least 1.5 x",
               "reason": "measured 1.4 x [1.13, 1.65], which straddles at least 1.5 x", "inconclusive_because": "straddles",
               "per_process": [1.2, 1.4, 1.6], "conditions": [], "values": [], "samples": {}, "cpu": {}, "growth": [],
               "warnings": [], "processes": 3, "values_per_process": 2},
              {"benchmark": "older", "question": "FAQ", "claim": "up to 25 %", "verdict": "not-checkable", "guide": "25 %",
               "reason": "needs Python 3.10", "per_process": [], "conditions": [], "values": [], "samples": {}, "cpu": {},
               "growth": [], "warnings": [], "processes": 0, "values_per_process": 0}
             ]}
            """
        return try! BenchDocument.decode(Data(json.utf8))
    }()
}

import Foundation
