import Foundation

/// How a cost grows with n, judged by its growth exponent: the slope of log cost
/// over log n.
///
/// Choosing a model by least squares on a linear scale lets the largest size
/// decide (flat series came out `n`, `n` came out `n²`); the exponent weighs
/// every decade alike and has an interval (one slope per process). A claimed
/// model is reproduced when the interval lies within its equivalence bounds:
/// the exponent the model has over the sizes used (0 for 1, 1 for n, 2 for n²,
/// about 0.1 for log n and 1.1 for n log n over 10³–10⁶), minus 0.15, plus 0.2.
/// The upper bound is wider because caches and memory bandwidth lift large
/// sizes of any algorithm (list.pop(0) measures 1.03–1.11); 0.15 below keeps 1
/// and n apart from log n and n log n where they can be told apart at all.
public enum GrowthModel: String, CaseIterable, Sendable, Codable {
    case constant = "1"
    case logarithmic = "log n"
    case linear = "n"
    case linearithmic = "n log n"
    case quadratic = "n²"

    public static let lowerMargin = 0.15
    public static let upperMargin = 0.2

    public static func named(_ name: String) -> GrowthModel? {
        allCases.first { $0.rawValue == name || ($0 == .quadratic && name == "n^2") }
    }

    /// f(n).
    public func apply(_ n: Double) -> Double {
        switch self {
        case .constant: return 1
        case .logarithmic: return log(n)
        case .linear: return n
        case .linearithmic: return n * log(n)
        case .quadratic: return n * n
        }
    }

    /// The exponent this model shows over these sizes: the log-log slope of f.
    public func exponent(over sizes: [Double]) -> Double {
        GrowthExponent.slope(sizes: sizes, costs: sizes.map(apply)) ?? 0
    }

    /// The exponents that count as this model over these sizes.
    public func bounds(over sizes: [Double]) -> ClosedRange<Double> {
        let centre = exponent(over: sizes)
        return (centre - Self.lowerMargin)...(centre + Self.upperMargin)
    }
}

public enum GrowthExponent {
    /// Least-squares slope of log cost over log n; nil when a cost is not
    /// positive or the sizes do not vary.
    public static func slope(sizes: [Double], costs: [Double]) -> Double? {
        guard sizes.count == costs.count, sizes.count >= 2, costs.allSatisfy({ $0 > 0 }), sizes.allSatisfy({ $0 > 0 }) else {
            return nil
        }
        let xs = sizes.map { log($0) }, ys = costs.map { log($0) }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        let sxx = xs.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        guard sxx > 0 else { return nil }
        return zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +) / sxx
    }

    /// The models whose bounds hold the whole interval [low, high].
    public static func models(fitting low: Double, _ high: Double, over sizes: [Double]) -> [GrowthModel] {
        GrowthModel.allCases.filter { $0.bounds(over: sizes).contains(low) && $0.bounds(over: sizes).contains(high) }
    }
}
