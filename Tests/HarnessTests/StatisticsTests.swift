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

@Suite("Fitting a complexity")
struct ComplexityFitTests {
    static let sizes: [Double] = [1000, 10_000, 100_000, 1_000_000]

    /// A deterministic ±amplitude wobble, so the tests never depend on luck.
    static func noise(_ index: Int, _ amplitude: Double) -> Double {
        [1 + amplitude, 1 - amplitude, 1 + amplitude / 2, 1 - amplitude / 2, 1][index % 5]
    }

    @Test("exact series fit their own model", arguments: ComplexityFit.Model.allCases)
    func exact(model: ComplexityFit.Model) throws {
        let times = Self.sizes.map { 3e-9 * model.apply($0) + (model == .constant ? 0 : 1e-7) }
        let fit = try #require(ComplexityFit.fit(sizes: Self.sizes, times: times))
        #expect(fit.model == model)
        #expect(fit.error < 1e-6)
    }

    @Test("noise does not turn a constant into log n", arguments: [0.02, 0.05, 0.1, 0.2])
    func noisyConstant(amplitude: Double) throws {
        let times = Self.sizes.indices.map { 6e-8 * Self.noise($0, amplitude) }
        let fit = try #require(ComplexityFit.fit(sizes: Self.sizes, times: times))
        #expect(fit.model == .constant, "errors: \(fit.errors)")
    }

    @Test("noisy linear and quadratic series are still found", arguments: [ComplexityFit.Model.linear, .quadratic])
    func noisyGrowth(model: ComplexityFit.Model) throws {
        let times = Self.sizes.enumerated().map { 1e-9 * model.apply($1) * Self.noise($0, 0.05) }
        let fit = try #require(ComplexityFit.fit(sizes: Self.sizes, times: times))
        #expect(fit.model == model)
    }

    @Test("the growth exponent is the log-log slope")
    func exponent() throws {
        #expect(abs(try #require(ComplexityFit.fit(sizes: Self.sizes, times: Self.sizes.map { $0 * $0 })).exponent - 2) < 1e-9)
        #expect(abs(try #require(ComplexityFit.fit(sizes: Self.sizes, times: Self.sizes.map { 5 * $0 })).exponent - 1) < 1e-9)
        #expect(abs(try #require(ComplexityFit.fit(sizes: Self.sizes, times: Self.sizes.map { _ in 7 })).exponent) < 1e-9)
    }

    @Test("fewer than four sizes is not a fit")
    func tooFew() {
        #expect(ComplexityFit.fit(sizes: [1, 2, 3], times: [1, 2, 3]) == nil)
    }
}
