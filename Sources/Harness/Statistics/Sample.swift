/// The values of one measurement, every one kept, and what is reported of them.
///
/// The median and the median absolute deviation are reported, as pyperf does
/// with `--median`: robust to the occasional value a busy machine spoils.
public struct Sample: Sendable, Equatable, Codable {
    public var values: [Double]

    public init(_ values: [Double]) { self.values = values }

    public var isEmpty: Bool { values.isEmpty }

    public var median: Double { Self.median(values) }

    /// Median absolute deviation from the median.
    public var mad: Double { Self.median(values.map { abs($0 - median) }) }

    public var mean: Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }

    /// Sample standard deviation.
    public var standardDeviation: Double {
        guard values.count > 1 else { return 0 }
        let mean = mean
        return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
    }

    /// Coefficient of variation: standard deviation over mean.
    public var coefficientOfVariation: Double { mean == 0 ? 0 : standardDeviation / abs(mean) }

    /// The first and third quartiles (linear interpolation).
    public var quartiles: (Double, Double) { (Self.quantile(values, 0.25), Self.quantile(values, 0.75)) }

    /// pyperf's threshold: a spread this large makes the figure unreliable.
    public static let unstableVariation = 0.10

    public var isUnstable: Bool { coefficientOfVariation >= Self.unstableVariation }

    static func median(_ values: [Double]) -> Double { quantile(values, 0.5) }

    static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(sorted.count - 1, low + 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}
