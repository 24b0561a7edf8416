import Foundation

/// How a figure changed between two runs, with an interval: Welch's t on the
/// per-process figures of each run (on a log scale when both are positive, so
/// the change is a factor), after pyperf's `compare_to`, which asks whether two
/// sets of values differ significantly rather than whether two means do.
public struct Change: Sendable, Equatable {
    /// new / old on a log scale (a factor), new − old otherwise.
    public var value: Double
    public var low: Double
    public var high: Double
    public var level: Double
    /// Whether the change is a factor (ratio of new to old) or a difference.
    public var isFactor: Bool

    /// The interval excludes no change (1 for a factor, 0 for a difference).
    public var isSignificant: Bool {
        let none = isFactor ? 1.0 : 0.0
        return low > none || high < none
    }

    /// nil unless each run has at least two figures.
    public static func between(old: [Double], new: [Double], level: Double = Estimate.level) -> Change? {
        let old = old.filter(\.isFinite), new = new.filter(\.isFinite)
        guard old.count >= 2, new.count >= 2 else { return nil }
        let factor = (old + new).allSatisfy { $0 > 0 }
        let (a, b) = factor ? (old.map { log($0) }, new.map { log($0) }) : (old, new)
        let (meanA, varA) = moments(a), (meanB, varB) = moments(b)
        let (na, nb) = (Double(a.count), Double(b.count))
        let (sa, sb) = (varA / na, varB / nb)
        let standardError = (sa + sb).squareRoot()
        let difference = meanB - meanA
        let half: Double
        if standardError == 0 {
            half = 0
        } else {
            // Welch–Satterthwaite degrees of freedom.
            let degrees = (sa + sb) * (sa + sb) / (sa * sa / max(na - 1, 1) + sb * sb / max(nb - 1, 1))
            half = StudentT.quantile(1 - (1 - level) / 2, degrees: max(degrees, 1)) * standardError
        }
        let back = { (x: Double) in factor ? exp(x) : x }
        return Change(value: back(difference), low: back(difference - half), high: back(difference + half), level: level, isFactor: factor)
    }

    private static func moments(_ xs: [Double]) -> (Double, Double) {
        let mean = xs.reduce(0, +) / Double(xs.count)
        return (mean, xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count - 1))
    }
}
