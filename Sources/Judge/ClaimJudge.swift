import GuideModel

/// A claim with its verdict and the evidence for it.
public struct ClaimResult: Codable, Sendable, Equatable {
    public var claim: Claim
    public var verdict: Verdict
    /// What the module run produced for it.
    public var observed: String
    /// What the interactive run produced, when it differs from the module run.
    public var observedInteractive: String?
    /// The normalisations the verdict needed.
    public var normalisations: [Normalisation]
    /// Why, in words, for every verdict but `holds`.
    public var reason: String?

    public init(claim: Claim, verdict: Verdict, observed: String, observedInteractive: String? = nil,
                normalisations: [Normalisation] = [], reason: String? = nil) {
        self.claim = claim
        self.verdict = verdict
        self.observed = observed
        self.observedInteractive = observedInteractive
        self.normalisations = normalisations
        self.reason = reason
    }

    /// Each normalisation as reports print it: its label, and for a manifest
    /// reading what the manifest says the claim means.
    public var normalisationLabels: [String] {
        normalisations.map { normalisation in
            normalisation == .manifestReading ? "manifest reading: \(claim.readingNote ?? "")" : normalisation.label
        }
    }
}

/// One mode's evidence for a claim.
struct ModeCheck: Equatable {
    enum Result: Equatable {
        case holds
        case normalised([Normalisation])
        case fails
    }

    var result: Result
    var observed: String
    /// Set when the claim's line never ran in this mode.
    var notRun: String?
    /// What a normalisation found, in words (`KeyError is a LookupError`).
    var detail: String?

    var passes: Bool { result != .fails }
}

/// Decides each claim's verdict from the runs of its program: a function of
/// (claims, runs), nothing else.
public struct ClaimJudge {
    let runs: [ModeRun]
    let statementLines: [Int]
    /// Why the program did not run at all, when it did not.
    let problem: String?

    /// - Parameters:
    ///   - statementLines: the first line of each top-level statement (`Reading.statementLines`).
    ///   - problem: why the program did not run, when it did not.
    public static func judge(_ claims: [Claim], runs: [ModeRun], statementLines: [Int], problem: String? = nil) -> [ClaimResult] {
        let judge = ClaimJudge(runs: runs, statementLines: statementLines, problem: problem)
        return claims.map(judge.judge)
    }

    func run(_ mode: RunMode) -> ModeRun? { runs.first { $0.mode == mode } }

    func judge(_ claim: Claim) -> ClaimResult {
        if let reason = claim.notCheckable {
            return ClaimResult(claim: claim, verdict: .notCheckable, observed: "", reason: reason)
        }
        let checks = RunMode.allCases.compactMap { mode in run(mode).map { (mode, check(claim, in: $0)) } }
        guard let module = checks.first(where: { $0.0 == .module })?.1 else {
            return ClaimResult(claim: claim, verdict: .wrong, observed: "", reason: problem ?? "the snippet did not run")
        }
        let interactive = checks.first(where: { $0.0 == .interactive })?.1
        let differing = interactive.flatMap { $0.observed != module.observed ? $0.observed : nil }
        var result = ClaimResult(claim: claim, verdict: .wrong, observed: module.observed, observedInteractive: differing,
                                 normalisations: [], reason: nil)
        let all = [module] + (interactive.map { [$0] } ?? [])
        let names = all.flatMap { check -> [Normalisation] in
            if case .normalised(let names) = check.result { return names }
            return []
        }
        result.normalisations = Array(Set(names)).sorted { $0.rawValue < $1.rawValue }
        if all.allSatisfy(\.passes) {
            result.verdict = names.isEmpty ? .holds : .normalised
            if !names.isEmpty {
                result.reason = "holds after: \(result.normalisationLabels.joined(separator: ", "))"
                    + (all.compactMap(\.detail).first.map { " (\($0))" } ?? "")
            }
        } else if let interactive, module.passes != interactive.passes {
            result.verdict = .contextDependent
            result.reason = "as a module: \(describe(module)); statement by statement: \(describe(interactive))"
        } else {
            result.verdict = .wrong
            let failing = module.passes ? interactive! : module
            result.reason = failing.notRun ?? "observed \(describe(failing))"
        }
        return result
    }

    private func describe(_ check: ModeCheck) -> String {
        if let notRun = check.notRun { return notRun }
        let shown = check.observed.isEmpty ? "nothing" : check.observed.replacingOccurrences(of: "\n", with: "⏎")
        return check.passes ? "\(shown) (holds)" : shown
    }

    // MARK: - One mode

    private func check(_ claim: Claim, in run: ModeRun) -> ModeCheck {
        let evidence = Evidence(claim: claim, run: run)
        if let notRun = evidence.notRun(lineOf: line(of: claim.top)) {
            return ModeCheck(result: .fails, observed: "", notRun: notRun)
        }
        switch claim.kind {
        case .exception:
            return checkException(claim, evidence)
        case .output, .block, .value:
            let observed: String
            if claim.kind == .value {
                guard let value = evidence.value else {
                    let raised = evidence.exception.map { "raised \($0.summary)" } ?? "no value was recorded"
                    return ModeCheck(result: .fails, observed: raised)
                }
                observed = value.repr
            } else {
                if let raised = evidence.exception, evidence.output.isEmpty {
                    return ModeCheck(result: .fails, observed: "raised \(raised.summary)")
                }
                observed = TextMatcher.trimmedOutput(evidence.output)
            }
            return checkText(claim, observed: observed, run: run)
        }
    }

    private func checkText(_ claim: Claim, observed: String, run: ModeRun) -> ModeCheck {
        var documented: String
        switch claim.expectation {
        case .text(let text): documented = text
        case .lines(let lines): documented = lines.joined(separator: "\n")
        case .computed(let python, _):
            guard let expected = run.probe(ProbePlan.expectationProbe(of: claim.id))?.value?.str else {
                return ModeCheck(result: .fails, observed: observed, notRun: "the manifest's reading (\(python)) could not be evaluated")
            }
            documented = expected
        case .raises, .noException:
            return ModeCheck(result: .fails, observed: observed)
        }
        // The manifest, not the words, says what is expected: never a plain `holds`.
        let reading: [Normalisation] = claim.readingNote == nil ? [] : [.manifestReading]
        switch TextMatcher.compare(documented: documented, observed: observed, allowing: Set(claim.extraNormalisations)) {
        case .exact:
            return ModeCheck(result: reading.isEmpty ? .holds : .normalised(reading), observed: observed)
        case .normalised(let names):
            return ModeCheck(result: .normalised(names + reading), observed: observed)
        case .different:
            return ModeCheck(result: .fails, observed: observed)
        }
    }

    private func checkException(_ claim: Claim, _ evidence: Evidence) -> ModeCheck {
        let raised = evidence.exception
        switch claim.expectation {
        case .noException:
            if let raised { return ModeCheck(result: .fails, observed: "raised \(raised.summary)") }
            return ModeCheck(result: .holds, observed: "raised nothing")
        case .raises(let type, let message):
            guard let raised else { return ModeCheck(result: .fails, observed: "raised nothing") }
            var names: [Normalisation] = []
            var detail: String?
            let leaf = type.split(separator: ".").last.map(String.init) ?? type
            if raised.type != leaf && raised.qualified != type {
                guard raised.bases.contains(leaf) else { return ModeCheck(result: .fails, observed: raised.summary) }
                names.append(.exceptionSubclass)
                detail = "\(raised.qualified) is a \(leaf)"
            }
            if let message, raised.message != message {
                guard raised.message.hasPrefix(message) else { return ModeCheck(result: .fails, observed: raised.summary) }
                names.append(.exceptionMessagePrefix)
            }
            return ModeCheck(result: names.isEmpty ? .holds : .normalised(names), observed: raised.summary, detail: detail)
        default:
            return ModeCheck(result: .fails, observed: raised.map { "raised \($0.summary)" } ?? "raised nothing")
        }
    }

    private func line(of top: Int) -> Int {
        top < statementLines.count ? statementLines[top] : 0
    }
}

/// Where a claim's evidence lives in a run.
private struct Evidence {
    let claim: Claim
    let run: ModeRun

    var statement: StatementRun? { run.statement(claim.top) }
    var probe: ProbeRun? { run.probe(ProbePlan.evidenceProbe(of: claim.id)) }

    var output: String {
        switch claim.target {
        case .nested, .evaluation: return probe?.output ?? ""
        case .statement, .value: return statement?.output ?? ""
        }
    }

    var value: ObservedValue? { probe?.value }

    var exception: ObservedException? {
        switch claim.target {
        case .nested, .evaluation: return probe?.exception
        case .statement, .value: return statement?.exception
        }
    }

    /// Why the claim's line did not run, or nil when it did.
    func notRun(lineOf statementLine: Int) -> String? {
        let why = run.problem.map { " (\($0))" } ?? ""
        switch claim.target {
        case .nested:
            if (probe?.runs ?? 0) == 0 { return "line \(claim.line) never ran\(why)" }
        case .evaluation:
            if probe == nil { return "the claim at line \(claim.commentLine) was never reached\(why)" }
        case .statement, .value:
            guard let statement else { return "line \(claim.line) never ran\(why)" }
            if !statement.finished && statement.exception == nil { return "line \(statementLine) did not finish\(why)" }
        }
        return nil
    }
}
