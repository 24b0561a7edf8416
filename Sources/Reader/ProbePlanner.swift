import GuideModel

/// Claims → what a run must record for them: a nested statement's runs and
/// output, a value, an expression evaluated where a comment stands, the value
/// of the last statement of a block, and each documented value evaluated beside
/// the value it documents (so the judge can tell `[ 1, 2 ]` from `[1, 2]`).
struct ProbePlanner {
    let analysis: SnippetAnalysis
    /// Documented texts that read as values (`analysis.py`'s `shape`, literal).
    let values: Set<String>

    func plan(_ claims: [Claim]) -> ProbePlan {
        var probes: [ProbePlan.Probe] = []
        for claim in claims where claim.notCheckable == nil {
            let id = ProbePlan.evidenceProbe(of: claim.id)
            var valueProbe: Int?
            switch claim.target {
            case .statement:
                break
            case .nested:
                probes.append(.init(id: id, kind: .nested, line: claim.line))
            case .value(let expression):
                probes.append(.init(id: id, kind: expression == nil ? .valueOfExpression : .valueOfTarget,
                                    line: statementLine(claim.top, fallback: claim.line), expression: expression))
                valueProbe = id
            case .evaluation(let expression):
                probes.append(.init(id: id, kind: .evaluate, line: claim.commentLine, expression: expression, afterTop: claim.top))
                valueProbe = id
            case .spans(let spans):
                for (index, span) in spans.enumerated() where span.endsWithExpression {
                    let probe = span.valueProbe(claim: claim.id, index: index)
                    probes.append(.init(id: probe, kind: .valueOfExpression, line: statementLine(span.last, fallback: claim.line)))
                    if index == 0 { valueProbe = probe }
                }
            }
            if case .computed(let python, _) = claim.expectation {
                probes.append(.init(id: ProbePlan.expectationProbe(of: claim.id), kind: .evaluate, line: claim.commentLine,
                                    expression: python, afterTop: claim.top))
            }
            if let documented = documentedValue(claim) {
                let probe = ProbePlan.documentedValueProbe(of: claim.id)
                if let valueProbe {
                    probes.append(.init(id: probe, kind: .compare, line: claim.commentLine, expression: documented, of: valueProbe))
                } else if claim.kind == .output {
                    // A print: the documented value is evaluated after the statement, to compare what it prints.
                    probes.append(.init(id: probe, kind: .evaluate, line: claim.commentLine, expression: documented, afterTop: claim.top))
                }
            }
        }
        return ProbePlan(probes: probes)
    }

    /// The documented text, when it reads as a value guidecheck may evaluate:
    /// constants, displays and calls with constant arguments (`date(2020, 10, 30)`),
    /// nothing that names a variable or stands for an address.
    private func documentedValue(_ claim: Claim) -> String? {
        Self.documentedText(claim).flatMap { values.contains($0) ? $0 : nil }
    }

    /// The text of a claim about a value or an output, as one expression would read.
    static func documentedText(_ claim: Claim) -> String? {
        guard [.value, .output, .block, .session].contains(claim.kind), claim.notCheckable == nil else { return nil }
        let text: String
        switch claim.expectation {
        case .text(let written): text = written
        case .lines(let lines): text = lines.joined(separator: "\n")
        default: return nil
        }
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty || trimmed.contains("0x") ? nil : trimmed
    }

    /// The line `ast` gives top-level statement `top` (its own line, not its decorators').
    private func statementLine(_ top: Int, fallback: Int) -> Int {
        analysis.statements.first { $0.depth == 0 && $0.top == top }.map { $0.kind == "Expr" ? $0.line : fallback } ?? fallback
    }
}
