/// Everything guidecheck concludes about one snippet.
public struct SnippetResult: Codable, Sendable, Equatable {
    public var snippet: Snippet
    /// The worst way any of its runs ended (`error` when it could not run at all).
    public var status: RunStatus
    /// Why it could not run, or what ended a run early.
    public var problem: String?
    /// Why it was not run (a shell command, a sketch); nil when it ran.
    public var notRunnable: String?
    public var fixtures: [String]
    /// Names it uses that nothing defines and no fixture provides.
    public var undefinedNames: [String]
    public var claims: [ClaimResult]
    public var outcome: SnippetOutcome

    public init(snippet: Snippet, outcome: SnippetOutcome, notRunnable: String? = nil) {
        self.snippet = snippet
        self.outcome = outcome
        self.notRunnable = notRunnable
        fixtures = snippet.entry?.fixtures ?? []
        undefinedNames = outcome.undefinedNames
        let judge = ClaimJudge(outcome: outcome)
        claims = outcome.claims.map(judge.judge)
        let order: [RunStatus] = [.ok, .error, .crashed, .timeout]
        let worst = outcome.runs.map(\.status).max { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! } ?? .ok
        status = outcome.problem != nil ? .error : worst
        problem = outcome.problem ?? outcome.runs.compactMap { run in run.problem.map { "\(run.mode.rawValue) run: \($0)" } }
            .first
    }

    public func count(_ verdict: Verdict) -> Int { claims.filter { $0.verdict == verdict }.count }
}
