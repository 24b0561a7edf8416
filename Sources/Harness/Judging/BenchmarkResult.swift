import GuideModel

/// A benchmark's figure, its verdict, and every value behind it.
public struct BenchmarkResult: Codable, Sendable {
    public var spec: BenchmarkSpec
    public var verdict: BenchVerdict
    /// The figure measured here (a ratio, seconds, bytes, or for a complexity the
    /// growth exponent: the slope of log t against log n).
    public var measured: Double?
    /// The figure in words, when it is not only a number (`n`, `(700, 10, 10)`).
    public var observed: String?
    /// Its spread: the MAD for a value, propagated for ratios, the fit's
    /// normalised error for a complexity.
    public var spread: Double?
    /// The predicate, with the bounds used on this machine.
    public var predicate: String?
    public var reason: String?
    /// Every value kept, per variant (`variant` or `variant n=1000`), wall seconds,
    /// bytes or returned values.
    public var samples: [String: Sample] = [:]
    /// CPU seconds per call, child processes included, for timed variants.
    public var cpuSamples: [String: Sample] = [:]
    public var fit: FitSummary?
    public var warnings: [String] = []
    public var processes: Int = 0
    public var valuesPerProcess: Int = 0
    public var seconds: Double = 0

    public struct FitSummary: Codable, Sendable {
        public var variant: String
        public var model: String
        public var error: Double
        public var errors: [String: Double]
        public var exponent: Double
        /// The chosen model's `a` and `b` in `t = a + b·f(n)`, to draw the curve.
        public var intercept: Double?
        public var slope: Double?
        /// The sizes and the median time (or bytes) at each.
        public var sizes: [Int]
        public var medians: [Double]
    }

    public init(spec: BenchmarkSpec, verdict: BenchVerdict, reason: String? = nil) {
        self.spec = spec
        self.verdict = verdict
        self.reason = reason
    }
}
