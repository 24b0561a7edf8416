import Foundation

/// `--json FILE`: the machine-readable report, documented in the README.
public enum JSONReport {
    struct Document: Codable {
        var python: String
        var summary: Summary
        var snippets: [SnippetEntry]
    }

    struct Summary: Codable {
        var snippets: Int
        var claims: Int
        var verdicts: [String: Int]
        var statuses: [String: Int]
        var seconds: Double
        var sharedPhaseSeconds: Double
        var exclusivePhaseSeconds: Double

        enum CodingKeys: String, CodingKey {
            case snippets, claims, verdicts, statuses, seconds
            case sharedPhaseSeconds = "shared_phase_seconds"
            case exclusivePhaseSeconds = "exclusive_phase_seconds"
        }
    }

    struct SnippetEntry: Codable {
        var file: String
        var question: String
        var status: String
        var problem: String?
        var notRunnable: String?
        var fixtures: [String]
        var undefinedNames: [String]
        var claims: [ClaimEntry]
        /// Exceptions top-level statements raised in the module run, claimed or not.
        var raised: [Raised]
        var timing: Timing

        enum CodingKeys: String, CodingKey {
            case file, question, status, problem, fixtures, claims, raised, timing
            case notRunnable = "not_runnable"
            case undefinedNames = "undefined_names"
        }
    }

    struct Raised: Codable {
        var line: Int
        var type: String
        var message: String
    }

    /// Where the time went: the worker's total for the snippet, and per run the
    /// wall time from fork to exit and the time spent in the snippet's own code.
    struct Timing: Codable {
        var workerSeconds: Double
        var analysisSeconds: Double
        var runs: [RunTiming]

        enum CodingKeys: String, CodingKey {
            case runs
            case workerSeconds = "worker_seconds"
            case analysisSeconds = "analysis_seconds"
        }
    }

    struct RunTiming: Codable {
        var mode: String
        var elapsedSeconds: Double
        var codeSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case mode
            case elapsedSeconds = "elapsed_seconds"
            case codeSeconds = "code_seconds"
        }
    }

    struct ClaimEntry: Codable {
        var line: Int
        var commentLine: Int
        var kind: String
        var documented: String
        var expected: String
        var condition: String?
        var observed: String
        var observedInteractive: String?
        var verdict: String
        var normalisation: String?
        var reason: String?

        enum CodingKeys: String, CodingKey {
            case line, kind, documented, expected, condition, observed, verdict, normalisation, reason
            case commentLine = "comment_line"
            case observedInteractive = "observed_interactive"
        }
    }

    public static func encode(_ report: VerificationReport) throws -> Data {
        let document = Document(
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
                            reason: claim.reason)
                    },
                    raised: (result.outcome.run(.module)?.statements ?? []).compactMap { statement in
                        statement.exception.map { Raised(line: $0.line ?? 0, type: $0.qualified, message: $0.message) }
                    },
                    timing: Timing(workerSeconds: result.outcome.workerSeconds, analysisSeconds: result.outcome.analysisSeconds, runs: result.outcome.runs.map {
                        RunTiming(mode: $0.mode.rawValue, elapsedSeconds: $0.elapsed, codeSeconds: $0.codeSeconds)
                    }))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }
}
