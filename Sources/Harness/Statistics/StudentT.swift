import Foundation

/// Student's t distribution: the quantiles a confidence interval from a few
/// independent processes needs (any degrees of freedom, fractional for Welch).
public enum StudentT {
    /// P(T ≤ t) with `degrees` degrees of freedom.
    public static func cdf(_ t: Double, degrees: Double) -> Double {
        guard degrees > 0, t.isFinite else { return t > 0 ? 1 : 0 }
        let tail = 0.5 * regularizedIncompleteBeta(degrees / (degrees + t * t), degrees / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p, found by bisection on the CDF (monotone, and
    /// exact to 1e-10: these are printed with three digits).
    public static func quantile(_ p: Double, degrees: Double) -> Double {
        precondition(p > 0 && p < 1 && degrees > 0)
        if p < 0.5 { return -quantile(1 - p, degrees: degrees) }
        var low = 0.0, high = 1.0
        while cdf(high, degrees: degrees) < p { high *= 2 }
        for _ in 0..<200 where high - low > 1e-10 {
            let middle = (low + high) / 2
            if cdf(middle, degrees: degrees) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// I_x(a, b), by the continued fraction (modified Lentz), on the side of x
    /// where it converges fast.
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGammas + logPowers)
        if x > (a + 1) / (a + b + 2) { return 1 - front * continuedFraction(1 - x, b, a) / b }
        return front * continuedFraction(x, a, b) / a
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        d = abs(d) < tiny ? tiny : d
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            let even: Double = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            let odd: Double = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            for numerator in [even, odd] {
                d = 1 + numerator * d
                d = abs(d) < tiny ? tiny : d
                c = 1 + numerator / c
                c = abs(c) < tiny ? tiny : c
                d = 1 / d
                result *= d * c
            }
            if abs(d * c - 1) < 1e-15 { break }
        }
        return result
    }
}
