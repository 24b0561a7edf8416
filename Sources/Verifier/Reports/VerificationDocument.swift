import Foundation

/// `--json FILE`: the machine-readable report, documented in the README. The
/// contract between a run and everything made from it afterwards (JUnit, Markdown,
/// annotations, HTML, merged shards), so it can be read back as well as written.
public struct VerificationDocument: Codable, Sendable {
    public var python: String
    public var summary: Summary
    public var snippets: [SnippetEntry]

    public struct Summary: Codable, Sendable {
        public var snippets: Int
        public var claims: Int
        public var verdicts: [String: Int]
        public var statuses: [String: Int]
        public var seconds: Double
        public var sharedPhaseSeconds: Double
        public var exclusivePhaseSeconds: Double

        enum CodingKeys: String, CodingKey {
            case snippets, claims, verdicts, statuses, seconds
            case sharedPhaseSeconds = "shared_phase_seconds"
            case exclusivePhaseSeconds = "exclusive_phase_seconds"
        }

        public init(snippets: Int, claims: Int, verdicts: [String: Int], statuses: [String: Int], seconds: Double, sharedPhaseSeconds: Double, exclusivePhaseSeconds: Double) {
            self.snippets = snippets
            self.claims = claims
            self.verdicts = verdicts
            self.statuses = statuses
            self.seconds = seconds
            self.sharedPhaseSeconds = sharedPhaseSeconds
            self.exclusivePhaseSeconds = exclusivePhaseSeconds
        }
    }

    public struct SnippetEntry: Codable, Sendable {
        public var file: String
        public var question: String
        public var status: String
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

        public init(file: String, question: String, status: String, problem: String?, notRunnable: String?, fixtures: [String], undefinedNames: [String], claims: [ClaimEntry], raised: [Raised], timing: Timing, expected: ExpectedComparison?) {
            self.file = file
            self.question = question
            self.status = status
            self.problem = problem
            self.notRunnable = notRunnable
            self.fixtures = fixtures
            self.undefinedNames = undefinedNames
            self.claims = claims
            self.raised = raised
            self.timing = timing
            self.expected = expected
        }
    }

    public struct Raised: Codable, Sendable {
        public var line: Int
        public var type: String
        public var message: String

        public init(line: Int, type: String, message: String) {
            self.line = line
            self.type = type
            self.message = message
        }
    }

    /// `same`, `differs` (with the unified diff), `missing` or `malformed`.
    public struct ExpectedComparison: Codable, Sendable {
        public var path: String
        public var status: String
        public var diff: String?

        public init(path: String, status: String, diff: String?) {
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

        public init(workerSeconds: Double, analysisSeconds: Double, runs: [RunTiming]) {
            self.workerSeconds = workerSeconds
            self.analysisSeconds = analysisSeconds
            self.runs = runs
        }
    }

    public struct RunTiming: Codable, Sendable {
        public var mode: String
        public var elapsedSeconds: Double
        public var codeSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case mode
            case elapsedSeconds = "elapsed_seconds"
            case codeSeconds = "code_seconds"
        }

        public init(mode: String, elapsedSeconds: Double, codeSeconds: Double?) {
            self.mode = mode
            self.elapsedSeconds = elapsedSeconds
            self.codeSeconds = codeSeconds
        }
    }

    public struct ClaimEntry: Codable, Sendable {
        public var line: Int
        public var commentLine: Int
        public var kind: String
        public var documented: String
        public var expected: String
        public var condition: String?
        public var observed: String
        public var observedInteractive: String?
        public var verdict: String
        public var normalisation: String?
        public var reason: String?
        /// Under `verify`: how this claim's record differs from `expected/`, as a diff.
        public var expectedDiff: String?

        enum CodingKeys: String, CodingKey {
            case line, kind, documented, expected, condition, observed, verdict, normalisation, reason
            case commentLine = "comment_line"
            case observedInteractive = "observed_interactive"
            case expectedDiff = "expected_diff"
        }

        public init(line: Int, commentLine: Int, kind: String, documented: String, expected: String, condition: String?, observed: String, observedInteractive: String?, verdict: String, normalisation: String?, reason: String?, expectedDiff: String?) {
            self.line = line
            self.commentLine = commentLine
            self.kind = kind
            self.documented = documented
            self.expected = expected
            self.condition = condition
            self.observed = observed
            self.observedInteractive = observedInteractive
            self.verdict = verdict
            self.normalisation = normalisation
            self.reason = reason
            self.expectedDiff = expectedDiff
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
        Summary(snippets: snippets.count, claims: snippets.reduce(0) { $0 + $1.claims.count },
                verdicts: Dictionary(uniqueKeysWithValues: Verdict.allCases.map { verdict in
                    (verdict.rawValue, snippets.reduce(0) { $0 + $1.claims.filter { $0.verdict == verdict.rawValue }.count })
                }),
                statuses: Dictionary(grouping: snippets, by: \.status).mapValues(\.count),
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
        let document = VerificationDocument(
            python: report.python,
            summary: Summary(
                snippets: report.snippets.count, claims: report.claimCount,
                verdicts: Dictionary(uniqueKeysWithValues: Verdict.allCases.map { ($0.rawValue, report.count($0)) }),
                statuses: Dictionary(grouping: report.snippets, by: { $0.notRunnable == nil ? $0.status.rawValue : "not-run" })
                    .mapValues(\.count),
                seconds: report.seconds, sharedPhaseSeconds: report.sharedPhaseSeconds,
                exclusivePhaseSeconds: report.exclusivePhaseSeconds),
            snippets: report.snippets.map { result in
                SnippetEntry(
                    file: result.snippet.name, question: result.snippet.question,
                    status: result.notRunnable == nil ? result.status.rawValue : "not-run",
                    problem: result.problem, notRunnable: result.notRunnable, fixtures: result.fixtures,
                    undefinedNames: result.undefinedNames,
                    claims: result.claims.map { claim in
                        ClaimEntry(
                            line: claim.claim.line, commentLine: claim.claim.commentLine, kind: claim.claim.kind.rawValue,
                            documented: claim.claim.documented, expected: claim.claim.expectation.summary,
                            condition: claim.claim.condition, observed: claim.observed,
                            observedInteractive: claim.observedInteractive, verdict: claim.verdict.rawValue,
                            normalisation: claim.normalisations.isEmpty ? nil : claim.normalisations.joined(separator: "; "),
                            reason: claim.reason, expectedDiff: nil)
                    },
                    raised: (result.outcome.run(.module)?.statements ?? []).compactMap { statement in
                        statement.exception.map { Raised(line: $0.line ?? 0, type: $0.qualified, message: $0.message) }
                    },
                    timing: Timing(workerSeconds: result.outcome.workerSeconds, analysisSeconds: result.outcome.analysisSeconds, runs: result.outcome.runs.map {
                        RunTiming(mode: $0.mode.rawValue, elapsedSeconds: $0.elapsed, codeSeconds: $0.codeSeconds)
                    }), expected: nil)
            })
        return document
    }
}
