import GuideModel

/// A benchmark's figure with its interval, its verdict, and every value behind it.
public struct BenchmarkResult: Codable, Sendable {
    public var spec: BenchmarkSpec
    public var verdict: BenchVerdict
    /// The figure (a ratio, seconds, bytes, a saving in percent, or for a
    /// complexity the growth exponent) and its interval; with conditions, the
    /// first condition's (each has its own in `conditions`).
    public var estimate: Estimate?
    /// The figure in words, when it is text (`(700, 10, 10)`).
    public var observed: String?
    /// The figure of each process, in process order: what `bench --compare` compares.
    public var perProcess: [Double] = []
    /// One entry per condition of the spec, judged on its own.
    public var conditions: [ConditionResult] = []
    /// The predicate, with the bounds used on this machine.
    public var predicate: String?
    /// What the predicate accepts: [low, high], either nil when open.
    public var accepted: [Double?]?
    public var reason: String?
    /// Why an inconclusive verdict is inconclusive: what measuring more can fix.
    public var inconclusiveBecause: Inconclusive?
    /// Every value kept, per task (`variant`, `variant n=1000`, `variant [condition]`):
    /// wall seconds, bytes or returned values.
    public var samples: [String: Sample] = [:]
    /// CPU seconds per call, child processes included, for timed variants.
    public var cpuSamples: [String: Sample] = [:]
    public var growth: [GrowthSummary] = []
    /// The same timing in the distribution's own `python3.11`, for a
    /// machine-dependent claim.
    public var referencePython: ReferenceTiming?
    /// Cores other processes kept busy, on average, while this was measured.
    public var otherLoad: Double?
    public var warnings: [String] = []
    public var processes: Int = 0
    public var valuesPerProcess: Int = 0
    public var seconds: Double = 0

    /// What measuring more can change.
    public enum Inconclusive: String, Codable, Sendable {
        /// The interval straddles a bound: more processes narrow it.
        case straddles
        /// The values were unstable, or the machine busy: more of the same does not help.
        case unstable, busy
    }

    public struct ConditionResult: Codable, Sendable {
        public var name: String
        public var verdict: BenchVerdict
        public var estimate: Estimate?
        public var observed: String?
        public var perProcess: [Double]
        public var reason: String
        public var inconclusiveBecause: Inconclusive?
    }

    /// A complexity's evidence under one condition: the median time at each
    /// size (the empty call subtracted), and the exponent against the claim's bounds.
    public struct GrowthSummary: Codable, Sendable {
        public var variant: String
        public var condition: String?
        public var sizes: [Int]
        /// The median cost at each size, all processes together, before the empty call is subtracted.
        public var medians: [Double]
        /// The median cost of an empty call, subtracted (timings only).
        public var emptyCall: Double?
        public var exponent: Estimate?
        /// The claimed model, and the exponents it accepts over these sizes.
        public var model: String
        public var bounds: [Double]

        enum CodingKeys: String, CodingKey {
            case variant, condition, sizes, medians, exponent, model, bounds
            case emptyCall = "empty_call"
        }

        /// The cost at each size with the empty call taken off (timings), as
        /// the exponent saw it; nil where nothing is left.
        public var netCosts: [Double?] {
            medians.map { median in
                let net = median - (emptyCall ?? 0)
                return net > 0 ? net : nil
            }
        }
    }

    public struct ReferenceTiming: Codable, Sendable {
        public var executable: String
        public var python: String
        public var estimate: Estimate?
        public var problem: String?
    }

    /// The figure's centre.
    public var measured: Double? { estimate?.value }

    public init(spec: BenchmarkSpec, verdict: BenchVerdict, reason: String? = nil) {
        self.spec = spec
        self.verdict = verdict
        self.reason = reason
    }
}
