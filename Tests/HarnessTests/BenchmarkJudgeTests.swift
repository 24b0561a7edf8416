import Testing
import GuideModel
@testable import Harness

@Suite("Judging a benchmark's figure")
struct BenchmarkJudgeTests {
    static func spec(_ figure: BenchmarkSpec.Figure, _ expect: BenchmarkSpec.Expect, sizes: [Int]? = nil,
                     measure: BenchmarkSpec.Measure = .time) -> BenchmarkSpec {
        BenchmarkSpec(name: "test", question: "Q0", claim: "a claim", guide: "a figure", file: "x.py", measure: measure,
                      variants: nil, sizes: sizes, figure: figure, unit: "x", expect: expect, fixtures: nil, env: nil,
                      processes: nil, values: nil, notCheckable: nil)
    }

    static func expect(between: [Double]? = nil, atLeast: Double? = nil, approximately: Double? = nil, tolerance: Double? = nil,
                       withinFactor: Double? = nil, equals: String? = nil, complexity: String? = nil, cores: Int? = nil) -> BenchmarkSpec.Expect {
        BenchmarkSpec.Expect(between: between, atLeast: atLeast, atMost: nil, approximately: approximately, tolerance: tolerance,
                             withinFactor: withinFactor, equals: equals, complexity: complexity, scaleByCoresUpTo: cores)
    }

    static func measurements(_ values: [String: [Double]], measure: BenchmarkSpec.Measure = .time) -> Measurements {
        let names = values.keys.sorted()
        var measurements = Measurements(tasks: names.map { BenchJob.Task(variant: $0, n: nil, measure: measure, loops: 1) })
        for (index, name) in names.enumerated() {
            for value in values[name]! {
                measurements.add(BenchLine(task: index, round: 0, warmup: false, wall: value, cpu: value, value: value, text: nil,
                                           loops: nil, seconds: nil, done: nil), to: index)
            }
        }
        return measurements
    }

    @Test("a ratio of medians within bounds is reproduced; outside, it is not")
    func ratio() {
        let spec = Self.spec(BenchmarkSpec.Figure(ratio: ["slow", "fast"]), Self.expect(between: [8, 10]))
        let measured = BenchmarkJudge(spec: spec, cores: 2).judge(Self.measurements(["slow": [1.0, 1.0, 1.02], "fast": [0.11, 0.11, 0.1]]))
        #expect(abs(measured.measured! - 1.0 / 0.11) < 1e-9)
        #expect(measured.verdict == .reproduced)
        let slower = BenchmarkJudge(spec: spec, cores: 2).judge(Self.measurements(["slow": [1.0], "fast": [0.5]]))
        #expect(slower.verdict == .notReproduced)
        #expect(slower.reason == "measured 2 x ± 0, which is not between 8 x and 10 x")
    }

    @Test("bounds scale with the machine's cores, up to what the guide assumes")
    func coreScaling() {
        let spec = Self.spec(BenchmarkSpec.Figure(ratio: ["one", "pool"]), Self.expect(atLeast: 0.75, cores: 4))
        let data = Self.measurements(["one": [4.0], "pool": [2.2]])  // 1.82x
        #expect(BenchmarkJudge(spec: spec, cores: 2).judge(data).verdict == .reproduced, "needs 1.5 on 2 cores")
        #expect(BenchmarkJudge(spec: spec, cores: 8).judge(data).verdict == .notReproduced, "needs 3 on 4 or more cores")
        #expect(BenchmarkJudge(spec: spec, cores: 2).judge(data).predicate == "at least 1.5 x (scaled by min(4, 2 cores) = 2)")
    }

    @Test("a saving is in percent")
    func saving() {
        let spec = Self.spec(BenchmarkSpec.Figure(saving: ["with", "without"]), Self.expect(between: [50, 70]))
        let result = BenchmarkJudge(spec: spec, cores: 2).judge(Self.measurements(["with": [100], "without": [40]], measure: .memory))
        #expect(result.measured == 60)
        #expect(result.verdict == .reproduced)
    }

    @Test("an absolute figure within a factor, and an exact value")
    func absolute() {
        let timed = Self.spec(BenchmarkSpec.Figure(value: "sum"), Self.expect(approximately: 0.3271, withinFactor: 2))
        #expect(BenchmarkJudge(spec: timed, cores: 2).judge(Self.measurements(["sum": [0.2, 0.21, 0.19]])).verdict == .reproduced)
        #expect(BenchmarkJudge(spec: timed, cores: 2).judge(Self.measurements(["sum": [0.085]])).verdict == .notReproduced)
    }

    @Test("a complexity claim holds when the fit finds the claimed model")
    func complexity() {
        let sizes = [1000, 10_000, 100_000, 1_000_000]
        let spec = Self.spec(BenchmarkSpec.Figure(complexity: "grow"), Self.expect(complexity: "n²"), sizes: sizes)
        var measurements = Measurements(tasks: sizes.map { BenchJob.Task(variant: "grow", n: $0, measure: .time, loops: 1) })
        for (index, size) in sizes.enumerated() {
            measurements.add(BenchLine(task: index, round: 0, warmup: false, wall: 1e-9 * Double(size), cpu: nil, value: nil,
                                       text: nil, loops: nil, seconds: nil, done: nil), to: index)
        }
        let result = BenchmarkJudge(spec: spec, cores: 2).judge(measurements)
        #expect(result.observed == "n")
        #expect(result.verdict == .notReproduced)
        #expect(result.fit?.sizes == sizes)
    }
}
