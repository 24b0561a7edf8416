import Foundation
import Testing
@testable import Harness

@Suite("Statistics of a sample")
struct StatisticsTests {
    @Test("median, MAD, quartiles, mean and coefficient of variation on known values")
    func knownValues() {
        let sample = Sample([1, 2, 3, 4, 100])
        #expect(sample.median == 3)
        #expect(sample.mad == 1, "deviations 2, 1, 0, 1, 97: their median is 1")
        #expect(sample.quartiles == (2, 4))
        #expect(sample.mean == 22)
        #expect(Sample([2, 4]).median == 3)
        #expect(Sample([10, 10, 10]).coefficientOfVariation == 0)
        #expect(abs(Sample([9, 10, 11]).coefficientOfVariation - 0.1) < 1e-12)
    }

    @Test("a spread of 10 % or more is unstable, as pyperf warns")
    func unstable() {
        #expect(!Sample([100, 101, 99, 100]).isUnstable)
        #expect(Sample([80, 120, 100, 100]).isUnstable)
    }

    @Test("an outlier moves the median and the MAD far less than the mean")
    func robustness() {
        let clean = Sample([10, 10.1, 9.9, 10, 10.05])
        let spoiled = Sample([10, 10.1, 9.9, 10, 50])
        #expect(abs(spoiled.median - clean.median) < 0.06)
        #expect(spoiled.mean - clean.mean > 7)
    }
}

/// A seeded generator (SplitMix64): simulations that never depend on luck.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self), v = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

@Suite("Student's t and intervals over processes")
struct IntervalTests {
    @Test("t quantiles match the published table", arguments: [
        (1.0, 12.706), (2, 4.303), (5, 2.571), (10, 2.228), (30, 2.042), (1000, 1.962),
    ])
    func quantiles(degrees: Double, expected: Double) {
        #expect(abs(StudentT.quantile(0.975, degrees: degrees) - expected) < 0.001)
        #expect(abs(StudentT.quantile(0.025, degrees: degrees) + expected) < 0.001, "symmetric")
    }

    @Test("the CDF is a CDF: ½ at 0, monotone, and the quantile's inverse")
    func cdf() {
        #expect(abs(StudentT.cdf(0, degrees: 4) - 0.5) < 1e-12)
        #expect(StudentT.cdf(-1, degrees: 4) < StudentT.cdf(1, degrees: 4))
        for p in [0.6, 0.9, 0.99] { #expect(abs(StudentT.cdf(StudentT.quantile(p, degrees: 7), degrees: 7) - p) < 1e-8) }
    }

    @Test("an interval from per-process figures: centred, on a log scale for ratios, zero-width when they agree")
    func estimate() throws {
        let ratio = try #require(Estimate.fromProcesses([2, 8]))
        #expect(abs(ratio.value - 4) < 1e-9, "the geometric mean")
        #expect(ratio.low < 2 && ratio.high > 8, "two processes: t with one degree of freedom is wide")
        let inverse = try #require(Estimate.fromProcesses([1.0 / 2, 1.0 / 8]))
        #expect(abs(inverse.low - 1 / ratio.high) < 1e-9 && abs(inverse.high - 1 / ratio.low) < 1e-9, "a ratio's interval whichever way round")
        let fixed = try #require(Estimate.fromProcesses([56, 56, 56]))
        #expect(fixed.low == 56 && fixed.high == 56)
        let slopes = try #require(Estimate.fromProcesses([0.9, 1.0, 1.1], logarithmic: false))
        #expect(abs(slopes.value - 1) < 1e-12 && abs(slopes.high - 1 - 4.303 * 0.1 / 3.0.squareRoot()) < 1e-3)
        #expect(Estimate.fromProcesses([3]) == nil, "one process is no interval")
        #expect(Estimate.fromProcesses([-1, 2], logarithmic: true) == nil)
    }

    @Test("with 3, 6 and 12 processes the 95 % interval covers the true figure about 95 % of the time")
    func coverage() {
        var generator = SeededGenerator(state: 42)
        for processes in [3, 6, 12] {
            var covered = 0
            let runs = 4000
            for _ in 0..<runs {
                // Per-process ratios: log-normal around 2.0, 15 % spread between processes.
                let figures = (0..<processes).map { _ in 2.0 * exp(0.15 * generator.normal()) }
                if let estimate = Estimate.fromProcesses(figures), estimate.low <= 2, estimate.high >= 2 { covered += 1 }
            }
            let rate = Double(covered) / Double(runs)
            #expect(rate > 0.93 && rate < 0.97, "\(processes) processes: \(rate)")
        }
    }

    @Test("a percentile bootstrap of the same figures under-covers with few processes (why the t interval is used)")
    func bootstrapUnderCovers() {
        var generator = SeededGenerator(state: 7)
        var covered = 0
        let runs = 1000
        for _ in 0..<runs {
            let figures = (0..<6).map { _ in log(2.0) + 0.15 * generator.normal() }
            var means: [Double] = []
            for _ in 0..<400 {
                let resample = (0..<6).map { _ in figures[Int.random(in: 0..<6, using: &generator)] }
                means.append(resample.reduce(0, +) / 6)
            }
            means.sort()
            if means[10] <= log(2) && means[389] >= log(2) { covered += 1 }
        }
        let rate = Double(covered) / Double(runs)
        #expect(rate < 0.92, "the percentile bootstrap covers \(rate) for a nominal 95 %")
    }

    @Test("a change between two runs: significant only when its interval excludes no change")
    func change() throws {
        let same = try #require(Change.between(old: [1.0, 1.1, 0.9, 1.05], new: [1.02, 0.95, 1.08, 1.0]))
        #expect(same.isFactor && !same.isSignificant)
        let slower = try #require(Change.between(old: [1.0, 1.02, 0.98], new: [1.5, 1.52, 1.48]))
        #expect(slower.isSignificant && slower.low > 1.4 && slower.high < 1.6)
        let exponents = try #require(Change.between(old: [-0.02, 0.01, 0.0], new: [0.98, 1.01, 1.0]))
        #expect(!exponents.isFactor && exponents.isSignificant && abs(exponents.value - 1) < 0.05)
        #expect(Change.between(old: [1], new: [1, 2]) == nil)
    }
}

@Suite("Growth exponents")
struct GrowthExponentTests {
    static let sizes: [Double] = [1000, 10_000, 100_000, 1_000_000]

    @Test("each model's exponent over the sizes: 0, about 0.1, 1, about 1.1, 2")
    func modelExponents() {
        #expect(GrowthModel.constant.exponent(over: Self.sizes) == 0)
        #expect(abs(GrowthModel.linear.exponent(over: Self.sizes) - 1) < 1e-12)
        #expect(abs(GrowthModel.quadratic.exponent(over: Self.sizes) - 2) < 1e-12)
        #expect((0.08...0.12).contains(GrowthModel.logarithmic.exponent(over: Self.sizes)))
        #expect((1.08...1.12).contains(GrowthModel.linearithmic.exponent(over: Self.sizes)))
        #expect(GrowthModel.linear.bounds(over: Self.sizes) == 0.85...1.2)
    }

    @Test("the slope of log cost over log n, for exact series")
    func slope() throws {
        #expect(abs(try #require(GrowthExponent.slope(sizes: Self.sizes, costs: Self.sizes.map { $0 * $0 })) - 2) < 1e-9)
        #expect(abs(try #require(GrowthExponent.slope(sizes: Self.sizes, costs: Self.sizes.map { _ in 7 }))) < 1e-9)
        #expect(GrowthExponent.slope(sizes: Self.sizes, costs: [1, 2, 0, 3]) == nil, "a cost of nothing has no logarithm")
    }

    @Test("n and n log n cannot be told apart over 10³–10⁶; 1 and n can")
    func twins() {
        #expect(GrowthExponent.models(fitting: 1.0, 1.05, over: Self.sizes) == [.linear, .linearithmic])
        #expect(GrowthExponent.models(fitting: 0.0, 0.05, over: Self.sizes).contains(.constant))
        #expect(!GrowthExponent.models(fitting: 0.0, 0.05, over: Self.sizes).contains(.linear))
    }
}
