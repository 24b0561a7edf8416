/// What guidecheck concludes about one claim.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    /// The documented text is what Python produced, in both modes.
    case holds
    /// It is, after the named normalisations.
    case normalised
    /// It holds in one mode and not the other.
    case contextDependent = "context-dependent"
    /// It is not what Python produced (or the line never ran).
    case wrong
    /// It cannot be checked on this machine; the reason says why.
    case notCheckable = "not-checkable"
}

/// A claim with its verdict and the evidence for it.
public struct ClaimResult: Codable, Sendable, Equatable {
    public var claim: Claim
    public var verdict: Verdict
    /// What the module run produced for it.
    public var observed: String
    /// What the interactive run produced, when it differs from the module run.
    public var observedInteractive: String?
    /// The normalisations the verdict needed, by name.
    public var normalisations: [String]
    /// Why, in words, for every verdict but `holds`.
    public var reason: String?
}

/// One mode's evidence for a claim.
struct ModeCheck: Equatable {
    enum Result: Equatable {
        case holds
        case normalised([String])
        case fails
    }

    var result: Result
    var observed: String
    /// Set when the claim's line never ran in this mode.
    var notRun: String?

    var passes: Bool { result != .fails }
}

/// Decides each claim's verdict from the module and interactive runs.
struct ClaimJudge {
    let outcome: SnippetOutcome

    func judge(_ claim: Claim) -> ClaimResult {
        if let reason = claim.notCheckable {
            return ClaimResult(claim: claim, verdict: .notCheckable, observed: "", observedInteractive: nil,
                               normalisations: [], reason: reason)
        }
        let checks = RunMode.allCases.compactMap { mode in outcome.run(mode).map { (mode, check(claim, in: $0)) } }
        guard let module = checks.first(where: { $0.0 == .module })?.1 else {
            return ClaimResult(claim: claim, verdict: .wrong, observed: "", observedInteractive: nil, normalisations: [],
                               reason: outcome.problem ?? "the snippet did not run")
        }
        let interactive = checks.first(where: { $0.0 == .interactive })?.1
        let differing = interactive.flatMap { $0.observed != module.observed ? $0.observed : nil }
        var result = ClaimResult(claim: claim, verdict: .wrong, observed: module.observed, observedInteractive: differing,
                                 normalisations: [], reason: nil)
        let all = [module] + (interactive.map { [$0] } ?? [])
        let names = all.flatMap { check -> [String] in
            if case .normalised(let names) = check.result { return names }
            return []
        }
        result.normalisations = Array(Set(names)).sorted()
        if all.allSatisfy(\.passes) {
            result.verdict = names.isEmpty ? .holds : .normalised
            if !names.isEmpty { result.reason = "holds after: \(result.normalisations.joined(separator: ", "))" }
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
        var interpretation: String?
        switch claim.expectation {
        case .text(let text): documented = text
        case .lines(let lines): documented = lines.joined(separator: "\n")
        case .computed(let python, let meaning):
            guard let expected = run.claim(ProbePlan.expectationProbe(of: claim.id))?.value?.str else {
                return ModeCheck(result: .fails, observed: observed, notRun: "the manifest's reading (\(python)) could not be evaluated")
            }
            documented = expected
            interpretation = "manifest reading: \(meaning)"
        case .raises, .noException:
            return ModeCheck(result: .fails, observed: observed)
        }
        if interpretation == nil, let reading = claim.manifestReading {
            interpretation = "manifest reading: \(reading)"
        }
        let extra = Set(claim.extraNormalisations.compactMap(Normalisation.named))
        switch TextMatcher.compare(documented: documented, observed: observed, allowing: extra) {
        case .exact:
            return ModeCheck(result: interpretation.map { .normalised([$0]) } ?? .holds, observed: observed)
        case .normalised(let names):
            return ModeCheck(result: .normalised(names.map(\.rawValue) + (interpretation.map { [$0] } ?? [])), observed: observed)
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
            var names: [String] = []
            let leaf = type.split(separator: ".").last.map(String.init) ?? type
            if raised.type != leaf && raised.qualified != type {
                guard raised.bases.contains(leaf) else { return ModeCheck(result: .fails, observed: raised.summary) }
                names.append("exception subclass (\(raised.qualified) is a \(leaf))")
            }
            if let message, raised.message != message {
                guard raised.message.hasPrefix(message) else { return ModeCheck(result: .fails, observed: raised.summary) }
                names.append("exception message prefix")
            }
            return ModeCheck(result: names.isEmpty ? .holds : .normalised(names), observed: raised.summary)
        default:
            return ModeCheck(result: .fails, observed: raised.map { "raised \($0.summary)" } ?? "raised nothing")
        }
    }

    private func line(of top: Int) -> Int {
        top < outcome.statementLines.count ? outcome.statementLines[top] : 0
    }
}

/// Where a claim's evidence lives in a run.
private struct Evidence {
    let claim: Claim
    let run: ModeRun

    var statement: StatementRun? { run.statement(claim.top) }
    var probe: ClaimRun? { run.claim(claim.id) }

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
