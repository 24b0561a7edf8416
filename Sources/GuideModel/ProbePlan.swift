/// What a run must observe beyond each top-level statement's output: the
/// instructions the runner turns into AST instrumentation. The reader makes it
/// from the claims; the runner follows it without knowing what a claim is.
public struct ProbePlan: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Wrap the nested statement at `line` and count its runs and output.
        case nested
        /// Record the value of the expression statement at `line`.
        case valueOfExpression = "value-expr"
        /// Record the value of `expression` right after the assignment at `line`.
        case valueOfTarget = "value-target"
        /// Evaluate `expression` after top-level statement `afterTop`, as if at `line`.
        case evaluate = "eval"
        /// Whenever probe `of` records a value, evaluate `expression` (a documented
        /// value) in a copy of the namespace and record it and whether it `==` that value.
        case compare
    }

    public struct Probe: Codable, Sendable, Equatable {
        /// The id its observations are reported under.
        public var id: Int
        public var kind: Kind
        public var line: Int
        public var expression: String?
        public var afterTop: Int?
        /// For `compare`: the probe whose value is compared.
        public var of: Int?

        public init(id: Int, kind: Kind, line: Int, expression: String? = nil, afterTop: Int? = nil, of: Int? = nil) {
            self.id = id
            self.kind = kind
            self.line = line
            self.expression = expression
            self.afterTop = afterTop
            self.of = of
        }

        enum CodingKeys: String, CodingKey {
            case kind, line, expression, of
            case id = "claim"
            case afterTop = "after_top"
        }
    }

    public var probes: [Probe]

    public init(probes: [Probe] = []) { self.probes = probes }

    /// The probe that records the evidence of claim `id`.
    public static func evidenceProbe(of claim: Int) -> Int { claim }

    /// The probe that records a computed expectation's value for claim `id`.
    public static func expectationProbe(of claim: Int) -> Int { 1_000_000 + claim }

    /// The probe that records claim `id`'s documented text, evaluated, beside
    /// the value it documents (`equal value`).
    public static func documentedValueProbe(of claim: Int) -> Int { 3_000_000 + claim }
}
