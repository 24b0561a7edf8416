import GuideModel
import Judge
import Reader

/// Everything guidecheck concludes about one snippet: what the worker read and
/// ran, and the judge's verdict on each claim.
public struct SnippetResult: Codable, Sendable, Equatable {
    public var snippet: Snippet
    public var outcome: SnippetOutcome
    public var claims: [ClaimResult]
    /// Why it was not run (a shell command, a sketch); nil when it ran.
    public var notRunnable: String?

    public init(snippet: Snippet, outcome: SnippetOutcome, claims: [ClaimResult], notRunnable: String? = nil) {
        self.snippet = snippet
        self.outcome = outcome
        self.claims = claims
        self.notRunnable = notRunnable
    }

    public var fixtures: [String] { snippet.entry?.fixtures ?? [] }

    /// Names it uses that nothing defines and no fixture provides.
    public var undefinedNames: [String] { outcome.reading.undefinedNames }

    /// The worst way any of its runs ended (`error` when it could not run at all).
    public var status: RunStatus {
        if outcome.problem != nil { return .error }
        let order: [RunStatus] = [.ok, .error, .crashed, .timeout]
        return outcome.runs.map(\.status).max { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! } ?? .ok
    }

    /// Why it could not run, or what ended a run early.
    public var problem: String? {
        outcome.problem ?? outcome.runs.compactMap { run in run.problem.map { "\(run.mode.rawValue) run: \($0)" } }.first
    }

    public func count(_ verdict: Verdict) -> Int { claims.filter { $0.verdict == verdict }.count }
}
