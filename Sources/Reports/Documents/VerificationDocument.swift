import Foundation
import GuideModel
import Judge
import Reader
import Verifier

/// `--json FILE`: the machine-readable report, documented in docs/. The contract
/// between a run and everything made from it afterwards (JUnit, Markdown,
/// annotations, HTML, merged shards), so it can be read back as well as written.
/// Every status, verdict, kind and normalisation is an enum; each encodes to the
/// string the JSON has always carried.
public struct VerificationDocument: Codable, Sendable {
    public var python: String
    public var summary: Summary
    public var snippets: [SnippetEntry]
    /// Where the time went (`--timings`): phase → seconds, and CPU and peak
    /// memory of guidecheck and its workers.
    public var timings: [String: Double]?

    public struct Summary: Codable, Sendable {
        public var snippets: Int
        public var claims: Int
        /// Claims per verdict, by the verdict's name.
        public var verdicts: [String: Int]
        /// Snippets per status, by the status's name.
        public var statuses: [String: Int]
        public var seconds: Double
        public var sharedPhaseSeconds: Double
        public var exclusivePhaseSeconds: Double

        enum CodingKeys: String, CodingKey {
            case snippets, claims, verdicts, statuses, seconds
            case sharedPhaseSeconds = "shared_phase_seconds"
            case exclusivePhaseSeconds = "exclusive_phase_seconds"
        }

        public func count(_ verdict: Verdict) -> Int { verdicts[verdict.rawValue] ?? 0 }
    }

    /// How a snippet's runs went: a run status, or not run at all.
    public enum SnippetStatus: String, Codable, Sendable {
        case ok, error, crashed, timeout
        case notRun = "not-run"

        init(_ status: RunStatus) { self = SnippetStatus(rawValue: status.rawValue)! }

        /// How `expected/` files spell it.
        public var words: String { self == .notRun ? "not run" : rawValue }
    }

    public struct SnippetEntry: Codable, Sendable {
        public var file: String
        public var question: String
        public var status: SnippetStatus
        public var problem: String?
        public var notRunnable: String?
        public var fixtures: [String]
        public var undefinedNames: [String]
        public var claims: [ClaimEntry]
        /// Exceptions top-level statements raised in the module run, claimed or not.
        public var raised: [Raised]
        public var timing: Timing
        /// Under `verify`: how this run compares with the accepted `expected/` file.
        public var expected: ExpectedComparison?

        enum CodingKeys: String, CodingKey {
            case file, question, status, problem, fixtures, claims, raised, timing, expected
            case notRunnable = "not_runnable"
            case undefinedNames = "undefined_names"
        }
    }

    public struct Raised: Codable, Sendable {
        public var line: Int
        public var type: String
        public var message: String
    }

    /// How a run compares with the accepted `expected/` file.
    public struct ExpectedComparison: Codable, Sendable {
        public enum Status: String, Codable, Sendable { case same, differs, missing, malformed }

        public var path: String
        public var status: Status
        /// The unified diff (`differs`), or what is wrong with the file (`malformed`).
        public var diff: String?

        public init(path: String, status: Status, diff: String?) {
            self.path = path
            self.status = status
            self.diff = diff
        }
    }

    /// Where the time went: the worker's total for the snippet, and per run the
    /// wall time from fork to exit and the time spent in the snippet's own code.
    public struct Timing: Codable, Sendable {
        public var workerSeconds: Double
        public var analysisSeconds: Double
        public var runs: [RunTiming]

        enum CodingKeys: String, CodingKey {
            case runs
            case workerSeconds = "worker_seconds"
            case analysisSeconds = "analysis_seconds"
        }
    }

    public struct RunTiming: Codable, Sendable {
        public var mode: RunMode
        public var elapsedSeconds: Double
        public var codeSeconds: Double?
        public var codeCPUSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case mode
            case elapsedSeconds = "elapsed_seconds"
            case codeSeconds = "code_seconds"
            case codeCPUSeconds = "code_cpu_seconds"
        }
    }

    public struct ClaimEntry: Codable, Sendable {
        /// The program line of the statement the claim is about.
        public var line: Int
        /// The program line of the documented text.
        public var commentLine: Int
        public var source: ClaimSource
        /// The guide (as given) and the 1-based line of the documented text in it.
        public var guide: String
        public var guideLine: Int
        public var kind: ClaimKind
        public var documented: String
        public var expected: String
        public var condition: String?
        public var observed: String
        public var observedInteractive: String?
        public var verdict: Verdict
        /// The normalisations the verdict needed, as reports print them (`; `-joined).
        public var normalisation: String?
        /// The same, by name.
        public var normalisations: [Normalisation]
        public var reason: String?
        /// Under `verify`: how this claim's record differs from `expected/`, as a diff.
        public var expectedDiff: String?

        enum CodingKeys: String, CodingKey {
            case line, source, guide, kind, documented, expected, condition, observed, verdict, normalisation, normalisations, reason
            case commentLine = "comment_line"
            case guideLine = "guide_line"
            case observedInteractive = "observed_interactive"
            case expectedDiff = "expected_diff"
        }
    }

    public init(python: String, summary: Summary, snippets: [SnippetEntry]) {
        self.python = python
        self.summary = summary
        self.snippets = snippets
    }

    /// The document for a run; `expected` adds each snippet's comparison with
    /// `expected/`, and `claimDiffs` each claim's (in the order of its claims).
    public init(_ report: VerificationReport, expected: [String: ExpectedComparison] = [:],
                claimDiffs: [String: [String?]] = [:]) {
        self = Self.make(report)
        for index in snippets.indices {
            let file = snippets[index].file
            snippets[index].expected = expected[file]
            for (claim, diff) in (claimDiffs[file] ?? []).enumerated() where claim < snippets[index].claims.count {
                snippets[index].claims[claim].expectedDiff = diff
            }
        }
    }

    /// Counts recomputed from the snippets (after a merge).
    public static func summarise(_ snippets: [SnippetEntry], seconds: Double = 0) -> Summary {
        let claims = snippets.flatMap(\.claims)
        return Summary(snippets: snippets.count, claims: claims.count,
                       verdicts: Dictionary(uniqueKeysWithValues: Verdict.allCases.map { verdict in
                           (verdict.rawValue, claims.filter { $0.verdict == verdict }.count)
                       }),
                       statuses: Dictionary(grouping: snippets, by: \.status.rawValue).mapValues(\.count),
                       seconds: seconds, sharedPhaseSeconds: 0, exclusivePhaseSeconds: 0)
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> VerificationDocument {
        try JSONDecoder().decode(VerificationDocument.self, from: data)
    }

    private static func make(_ report: VerificationReport) -> VerificationDocument {
        let entries = report.snippets.map { result in
            SnippetEntry(
                file: result.snippet.name, question: result.snippet.question,
                status: result.notRunnable == nil ? SnippetStatus(result.status) : .notRun,
                problem: result.problem, notRunnable: result.notRunnable, fixtures: result.fixtures,
                undefinedNames: result.undefinedNames,
                claims: result.claims.map(ClaimEntry.init),
                raised: (result.outcome.run(.module)?.statements ?? []).compactMap { statement in
                    statement.exception.map { Raised(line: $0.line ?? 0, type: $0.qualified, message: $0.message) }
                },
                timing: Timing(workerSeconds: result.outcome.workerSeconds, analysisSeconds: result.outcome.analysisSeconds,
                               runs: result.outcome.runs.map {
                                   RunTiming(mode: $0.mode, elapsedSeconds: $0.elapsed, codeSeconds: $0.codeSeconds, codeCPUSeconds: $0.codeCPUSeconds)
                               }),
                expected: nil)
        }
        var summary = summarise(entries, seconds: report.seconds)
        summary.sharedPhaseSeconds = report.sharedPhaseSeconds
        summary.exclusivePhaseSeconds = report.exclusivePhaseSeconds
        return VerificationDocument(python: report.python, summary: summary, snippets: entries)
    }
}

extension VerificationDocument.ClaimEntry {
    init(_ result: ClaimResult) {
        let claim = result.claim
        self.init(line: claim.line, commentLine: claim.commentLine, source: claim.source, guide: claim.location.document,
                  guideLine: claim.location.firstLine, kind: claim.kind, documented: claim.documented,
                  expected: claim.expectation.summary, condition: claim.condition, observed: result.observed,
                  observedInteractive: result.observedInteractive, verdict: result.verdict,
                  normalisation: result.normalisations.isEmpty ? nil : result.normalisationLabels.joined(separator: "; "),
                  normalisations: result.normalisations, reason: result.reason, expectedDiff: nil)
    }
}
