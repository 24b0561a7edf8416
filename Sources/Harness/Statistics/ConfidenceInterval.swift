import Foundation

/// A figure's estimate and the interval it lies in with a stated confidence.
///
/// The unit of independence is the process: each benchmark process starts with
/// its own hash seed and memory layout, and values within one process are
/// correlated. So a figure is computed once per process (a ratio of that
/// process's medians: the variants interleave within a process), and the
/// interval is Student's t on those per-process figures. With the 3–12
/// processes a run affords, a percentile bootstrap under-covers (see
/// StatisticsTests: about 88 % for a nominal 95 % with 6 processes); the t
/// interval keeps its level. Figures that are multiplicative (times, ratios,
/// sizes) are taken on a log scale, so the interval of a ratio is the same
/// whichever way round it is written.
public struct Estimate: Codable, Sendable, Equatable {
    /// The centre: the geometric mean on a log scale, else the mean.
    public var value: Double
    public var low: Double
    public var high: Double
    /// The confidence level, 0.95.
    public var level: Double
    /// How many independent figures (processes) it stands on.
    public var count: Int

    public static let level = 0.95

    public init(value: Double, low: Double, high: Double, level: Double = Estimate.level, count: Int) {
        self.value = value
        self.low = low
        self.high = high
        self.level = level
        self.count = count
    }

    /// From one figure per process; nil without at least two. Identical figures
    /// (a size, a count) give a zero-width interval. On a log scale when
    /// `logarithmic` says so, or (nil) when every figure is positive.
    public static func fromProcesses(_ figures: [Double], logarithmic: Bool? = nil, level: Double = Estimate.level) -> Estimate? {
        let finite = figures.filter(\.isFinite)
        guard finite.count >= 2 else { return nil }
        if Set(finite).count == 1 {
            return Estimate(value: finite[0], low: finite[0], high: finite[0], level: level, count: finite.count)
        }
        let positive = finite.allSatisfy { $0 > 0 }
        guard positive || logarithmic != true else { return nil }
        let logarithmic = logarithmic ?? positive
        let xs = logarithmic ? finite.map { log($0) } : finite
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        let half = StudentT.quantile(1 - (1 - level) / 2, degrees: n - 1) * (variance / n).squareRoot()
        let back = { (x: Double) in logarithmic ? exp(x) : x }
        return Estimate(value: back(mean), low: back(mean - half), high: back(mean + half), level: level, count: xs.count)
    }

    /// The same estimate of a monotone function of the figure (a saving from a
    /// ratio): the ends are mapped and put back in order.
    public func mapped(_ transform: (Double) -> Double) -> Estimate {
        let (a, b) = (transform(low), transform(high))
        return Estimate(value: transform(value), low: min(a, b), high: max(a, b), level: level, count: count)
    }

    /// Twice as wide about its centre (on the scale it was computed on): what a
    /// verdict must survive when the values were unstable.
    public func widened(by factor: Double) -> Estimate {
        if low > 0 && value > 0 {
            let (down, up) = (log(value / low) * factor, log(high / value) * factor)
            return Estimate(value: value, low: value / exp(down), high: value * exp(up), level: level, count: count)
        }
        return Estimate(value: value, low: value - (value - low) * factor, high: value + (high - value) * factor,
                        level: level, count: count)
    }
}
