import GuideModel

/// Where one claim's evidence lives in one run, in one of its contexts.
struct Evidence {
    let claim: Claim
    let run: ModeRun
    /// The statements of the claim's context, for a claim about runs of statements.
    let span: Span?
    /// Which of the claim's spans (for its value probe).
    let spanIndex: Int

    var statement: StatementRun? { run.statement(claim.top) }
    var probe: ProbeRun? { run.probe(ProbePlan.evidenceProbe(of: claim.id)) }

    private var spanStatements: [StatementRun] {
        guard let span else { return [] }
        return run.statements.filter { (span.first...span.last).contains($0.index) }
    }

    /// What was written while the claim's code ran.
    var output: String {
        switch claim.target {
        case .nested, .evaluation: return probe?.output ?? ""
        case .statement, .value: return statement?.output ?? ""
        case .spans: return spanStatements.map { $0.output + $0.trailing }.joined()
        }
    }

    /// What a session showed while the claim's statements ran: warnings, output
    /// and the echo of values, in the order written.
    var shown: String {
        switch claim.target {
        case .nested, .evaluation: return probe?.output ?? ""
        case .statement, .value: return (statement?.shown ?? "") + (statement?.trailing ?? "")
        case .spans: return spanStatements.map { $0.shown + $0.trailing }.joined()
        }
    }

    /// What the compiler warned about the claim's statements.
    var warnings: String {
        switch claim.target {
        case .spans: return spanStatements.map(\.warnings).joined()
        case .statement, .value: return statement?.warnings ?? ""
        case .nested, .evaluation: return ""
        }
    }

    /// The value the claim is about: an expression's or a target's value.
    var value: ObservedValue? {
        if case .spans = claim.target, let span {
            return span.endsWithExpression ? run.probe(span.valueProbe(claim: claim.id, index: spanIndex))?.value : nil
        }
        return probe?.value
    }

    /// The documented text, evaluated where the claim stands (`equal value`).
    var documentedValue: ObservedValue? { run.probe(ProbePlan.documentedValueProbe(of: claim.id))?.value }

    var exception: ObservedException? {
        switch claim.target {
        case .nested, .evaluation: return probe?.exception
        case .statement, .value: return statement?.exception
        case .spans: return spanStatements.lazy.compactMap(\.exception).first
        }
    }

    /// Why the claim's code did not run, or nil when it did.
    func notRun(lineOf line: (Int) -> Int) -> String? {
        let why = run.problem.map { " (\($0))" } ?? ""
        switch claim.target {
        case .nested:
            if (probe?.runs ?? 0) == 0 { return "line \(claim.line) never ran\(why)" }
        case .evaluation:
            if probe == nil { return "the claim at line \(claim.commentLine) was never reached\(why)" }
        case .statement, .value:
            guard let statement else { return "line \(claim.line) never ran\(why)" }
            if !statement.finished && statement.exception == nil { return "line \(line(claim.top)) did not finish\(why)" }
        case .spans:
            guard let span else { return nil }
            let ran = spanStatements
            guard ran.contains(where: { $0.index == span.first }) else { return "line \(line(span.first)) never ran\(why)" }
            if let unfinished = ran.first(where: { !$0.finished && $0.exception == nil }) {
                return "line \(line(unfinished.index)) did not finish\(why)"
            }
            if !ran.contains(where: { $0.index == span.last }) && ran.allSatisfy({ $0.exception == nil }) {
                return "line \(line(span.last)) never ran\(why)"
            }
        }
        return nil
    }
}
