import GuideModel

/// The figures a claim accepts, [low, high] (either end may be open), and the
/// verdict an interval gets against them.
struct AcceptedRegion: Sendable, Equatable {
    var low: Double?
    var high: Double?
    /// In words, for the report: `between 8 x and 10 x`.
    var words: String

    /// The region an `expect:` describes; nil for `equals` and `complexity`.
    init?(_ expect: BenchmarkSpec.Expect, unit: String?) {
        let rough = expect.roughly == true ? BenchmarkSpec.Expect.roughTolerance : 0
        let unit = unit.map { " " + $0 } ?? ""
        func number(_ value: Double) -> String { BenchmarkJudge.format(value) + unit }
        var low: Double?, high: Double?
        var parts: [String] = []
        func narrow(_ newLow: Double?, _ newHigh: Double?) {
            if let newLow { low = max(low ?? newLow, newLow) }
            if let newHigh { high = min(high ?? newHigh, newHigh) }
        }
        if let range = expect.between, range.count == 2 {
            narrow(range[0] * (1 - rough), range[1] * (1 + rough))
            parts.append("between \(number(range[0])) and \(number(range[1]))")
        }
        if let bound = expect.atLeast {
            narrow(bound * (1 - rough), nil)
            parts.append("at least \(number(bound))")
        }
        if let bound = expect.atMost {
            narrow(nil, bound * (1 + rough))
            parts.append("at most \(number(bound))")
        }
        if let target = expect.approximately {
            if let factor = expect.withinFactor {
                narrow(target / factor, target * factor)
                parts.append("within a factor \(BenchmarkJudge.format(factor)) of \(number(target))")
            } else {
                let tolerance = expect.tolerance ?? BenchmarkSpec.Expect.roughTolerance
                narrow(target * (1 - tolerance), target * (1 + tolerance))
                parts.append("\(number(target)) ± \(BenchmarkJudge.format(tolerance * 100)) %")
            }
        }
        guard !parts.isEmpty else { return nil }
        self.low = low
        self.high = high
        words = parts.joined(separator: " and ")
            + (rough > 0 ? " (roughly: ± \(BenchmarkJudge.format(rough * 100)) %, so \(Self.span(low, high, number)))" : "")
    }

    init(low: Double?, high: Double?, words: String) {
        self.low = low
        self.high = high
        self.words = words
    }

    private static func span(_ low: Double?, _ high: Double?, _ number: (Double) -> String) -> String {
        switch (low, high) {
        case let (low?, high?): return "\(number(low))–\(number(high))"
        case let (low?, nil): return "at least \(number(low))"
        case let (nil, high?): return "at most \(number(high))"
        default: return "anything"
        }
    }

    /// Reproduced when the interval lies inside, not reproduced when it lies
    /// wholly outside, inconclusive when it straddles a bound.
    func verdict(for estimate: Estimate) -> BenchVerdict {
        let inside = (low.map { estimate.low >= $0 } ?? true) && (high.map { estimate.high <= $0 } ?? true)
        if inside { return .reproduced }
        let outside = (low.map { estimate.high < $0 } ?? false) || (high.map { estimate.low > $0 } ?? false)
        return outside ? .notReproduced : .inconclusive
    }

    /// [low, high] for the JSON document.
    var bounds: [Double?] { [low, high] }
}
