import Foundation

/// Which growth model best explains measurements taken at several sizes.
///
/// Each model is fitted by least squares as `t = a + b·f(n)` (the intercept
/// absorbs a constant overhead), for f in 1, log n, n, n log n and n², and scored
/// by its RMS residual normalised by the mean. Noise always lets a richer model
/// fit a little better, so the simplest model whose error is within a margin of
/// the best one wins: constant data with noise stays `1`, never `log n` (the
/// failure google/benchmark's fitter is known for).
public struct ComplexityFit: Sendable, Equatable {
    public enum Model: String, CaseIterable, Sendable, Codable {
        case constant = "1"
        case logarithmic = "log n"
        case linear = "n"
        case linearithmic = "n log n"
        case quadratic = "n²"

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

        public static func named(_ name: String) -> Model? {
            allCases.first { $0.rawValue == name || ($0 == .quadratic && name == "n^2") }
        }
    }

    /// The chosen model.
    public var model: Model
    /// Its normalised RMS error.
    public var error: Double
    /// Every model's normalised RMS error (nil where the fit decreases with n).
    public var errors: [Model: Double]
    /// The slope of log t against log n: about 0 for 1, 1 for n, 2 for n².
    public var exponent: Double
    /// The chosen model's `a` and `b` in `t = a + b·f(n)`.
    public var intercept: Double
    public var slope: Double

    /// How much worse than the best fit a simpler model may be and still win:
    /// this much absolutely, or half the best error, whichever is larger.
    public static let absoluteMargin = 0.02
    public static let relativeMargin = 0.5

    public static func fit(sizes: [Double], times: [Double]) -> ComplexityFit? {
        guard sizes.count == times.count, sizes.count >= 4, let mean = mean(times), mean > 0 else { return nil }
        var errors: [Model: Double] = [:]
        for model in Model.allCases {
            let xs = sizes.map(model.apply)
            guard let (a, b) = leastSquares(xs, times) else {
                errors[model] = model == .constant ? rms(times.map { $0 - mean }) / mean : nil
                continue
            }
            if model != .constant && b < 0 { continue }  // a model that falls with n explains nothing
            errors[model] = rms(zip(xs, times).map { a + b * $0 - $1 }) / mean
        }
        guard let best = errors.values.min() else { return nil }
        let margin = max(absoluteMargin, relativeMargin * best)
        let chosen = Model.allCases.first { errors[$0].map { $0 <= best + margin } ?? false }!
        let exponent = leastSquares(sizes.map { log($0) }, times.map { log(max($0, .leastNonzeroMagnitude)) })?.1 ?? .nan
        let (intercept, slope) = chosen == .constant ? (mean, 0) : leastSquares(sizes.map(chosen.apply), times)!
        return ComplexityFit(model: chosen, error: errors[chosen]!, errors: errors, exponent: exponent,
                             intercept: intercept, slope: slope)
    }

    /// `y = a + b·x`; nil when x does not vary.
    static func leastSquares(_ x: [Double], _ y: [Double]) -> (Double, Double)? {
        guard let mx = mean(x), let my = mean(y) else { return nil }
        let sxx = x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        guard sxx > 0 else { return nil }
        let sxy = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
        let b = sxy / sxx
        return (my - b * mx, b)
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    private static func rms(_ residuals: [Double]) -> Double {
        (residuals.map { $0 * $0 }.reduce(0, +) / Double(residuals.count)).squareRoot()
    }
}
