/// What the child must observe beyond each statement's output: the instructions
/// `runner.py` turns into AST instrumentation.
struct ProbePlan: Encodable {
    struct Probe: Encodable, Equatable {
        var claim: Int
        /// `nested`, `value-expr`, `value-target` or `eval`.
        var kind: String
        var line: Int
        var expression: String?
        var afterTop: Int?

        enum CodingKeys: String, CodingKey {
            case claim, kind, line, expression
            case afterTop = "after_top"
        }
    }

    var probes: [Probe]

    /// The id under which a computed expectation's value is recorded.
    static func expectationProbe(of claim: Int) -> Int { 1_000_000 + claim }

    init(claims: [Claim]) {
        var probes: [Probe] = []
        for claim in claims where claim.notCheckable == nil {
            switch claim.target {
            case .statement:
                break
            case .nested:
                probes.append(Probe(claim: claim.id, kind: "nested", line: claim.line))
            case .value(let expression):
                probes.append(Probe(claim: claim.id, kind: expression == nil ? "value-expr" : "value-target",
                                    line: claim.line, expression: expression))
            case .evaluation(let expression):
                probes.append(Probe(claim: claim.id, kind: "eval", line: claim.commentLine,
                                    expression: expression, afterTop: claim.top))
            }
            if case .computed(let python, _) = claim.expectation {
                probes.append(Probe(claim: Self.expectationProbe(of: claim.id), kind: "eval", line: claim.commentLine,
                                    expression: python, afterTop: claim.top))
            }
        }
        self.probes = probes
    }
}
