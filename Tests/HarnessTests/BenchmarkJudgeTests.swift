import Foundation
import Testing
import GuideModel
@testable import Harness

@Suite("Judging a benchmark's figure on its interval")
struct BenchmarkJudgeTests {
    static func spec(_ figure: BenchmarkSpec.Figure, _ expect: BenchmarkSpec.Expect, sizes: [Int]? = nil,
                     measure: BenchmarkSpec.Measure = .time, conditions: [BenchmarkSpec.Condition]? = nil,
                     needsCores: Int? = nil, machineDependent: Bool? = nil, unit: String = "x") -> BenchmarkSpec {
        BenchmarkSpec(name: "test", question: "Q0", claim: "a claim", guide: "a figure", file: "x.py", measure: measure,
                      variants: nil, sizes: sizes, figure: figure, unit: unit, expect: expect, fixtures: nil, env: nil,
                      processes: nil, values: nil, notCheckable: nil, conditions: conditions, needsCores: needsCores,
                      machineDependent: machineDependent)
    }

    /// Values per task, per process: `["slow": [[1.0, 1.01], [0.99, 1.0]]]` is two
    /// processes of two values each. Keys are `variant`, `variant n=…`, and
    /// `… [condition index]`; `empty` for an empty call.
    static func measurements(_ values: [String: [[Double]]], measure: BenchmarkSpec.Measure = .time) -> Measurements {
        let names = values.keys.sorted()
        let tasks = names.map { name -> BenchJob.Task in
            var rest = Substring(name)
            var condition: Int?
            if let open = rest.firstIndex(of: "[") {
                condition = Int(rest[rest.index(after: open)..<rest.firstIndex(of: "]")!])
                rest = rest[..<open].dropLast()
            }
            let parts = rest.split(separator: " ")
            let size = parts.count > 1 ? Int(parts[1].dropFirst(2)) : nil
            if parts[0] == "empty" { return BenchJob.Task(variant: "grow", n: size, measure: measure, condition: condition, empty: true) }
            return BenchJob.Task(variant: String(parts[0]), n: size, measure: measure, condition: condition)
        }
        var measurements = Measurements(tasks: tasks)
        let processes = values.values.map(\.count).max() ?? 0
        for process in 0..<processes {
            let index = measurements.startProcess()
            for (task, name) in names.enumerated() where process < values[name]!.count {
                for value in values[name]![process] {
                    measurements.add(BenchLine(task: task, round: 0, warmup: false, wall: value, cpu: value, value: value, text: nil,
                                               loops: nil, seconds: nil, done: nil), to: task, process: index)
                }
            }
        }
        return measurements
    }

    static func judge(_ spec: BenchmarkSpec, _ values: [String: [[Double]]], measure: BenchmarkSpec.Measure = .time,
                      cores: Int = 2, load: Double? = nil) -> BenchmarkResult {
        BenchmarkJudge(spec: spec, cores: cores, otherLoad: load).judge(measurements(values, measure: measure))
    }

    @Test("a ratio per process: inside the bounds it is reproduced, outside it is not, across a bound inconclusive")
    func ratio() throws {
        let spec = Self.spec(BenchmarkSpec.Figure(ratio: ["slow", "fast"]), BenchmarkSpec.Expect(between: [8, 10]))
        let inside = Self.judge(spec, ["slow": [[1.0, 1.0], [1.02, 1.0], [0.99, 1.0]], "fast": [[0.11, 0.11], [0.112, 0.11], [0.11, 0.109]]])
        #expect(inside.verdict == .reproduced, "\(inside.reason ?? "")")
        let estimate = try #require(inside.estimate)
        #expect(estimate.low < estimate.value && estimate.value < estimate.high && estimate.count == 3)
        #expect(inside.perProcess.count == 3)
        let outside = Self.judge(spec, ["slow": [[1.0], [1.0], [1.0]], "fast": [[0.5], [0.52], [0.49]]])
        #expect(outside.verdict == .notReproduced)
        #expect(outside.reason?.hasPrefix("measured 1.99 x [1.84, 2.14] (95 % interval, 3 processes)") == true, "\(outside.reason ?? "")")
        #expect(outside.reason?.hasSuffix(", which is not between 8 x and 10 x") == true)
        // Per-process ratios 9.5, 10.5, 9.9: the interval reaches past 10.
        let straddling = Self.judge(spec, ["slow": [[0.95], [1.05], [0.99]], "fast": [[0.1], [0.1], [0.1]]])
        #expect(straddling.verdict == .inconclusive)
        #expect(straddling.inconclusiveBecause == .straddles)
        #expect(straddling.reason?.contains("which straddles between 8 x and 10 x") == true, "\(straddling.reason ?? "")")
    }

    @Test("the point estimate alone would decide; the interval does not (q01_numpy_threads: [1.13, 1.65] against 1.5)")
    func pointEstimateIsNotEnough() {
        let spec = Self.spec(BenchmarkSpec.Figure(ratio: ["one", "two"]), BenchmarkSpec.Expect(atLeast: 1.5))
        let result = Self.judge(spec, ["one": [[1.2], [1.65], [1.5], [1.4]], "two": [[1.0], [1.0], [1.0], [1.0]]])
        #expect(result.measured.map { $0 < 1.5 } == true, "the centre is below the bound")
        #expect(result.verdict == .inconclusive, "but the interval reaches above it")
    }

    @Test("'roughly' widens the bounds by a stated 10 %: 5.24 is roughly 3–5")
    func roughly() {
        let strict = Self.spec(BenchmarkSpec.Figure(ratio: ["dict", "list"]), BenchmarkSpec.Expect(between: [3, 5]))
        var rough = strict
        rough.expect?.roughly = true
        let values: [String: [[Double]]] = ["dict": [[5.24], [5.24]], "list": [[1], [1]]]
        #expect(Self.judge(strict, values, measure: .value).verdict == .notReproduced)
        let result = Self.judge(rough, values, measure: .value)
        #expect(result.verdict == .reproduced)
        #expect(result.predicate == "between 3 x and 5 x (roughly: ± 10 %, so 2.7 x–5.5 x)")
    }

    @Test("a saving is in percent, its interval from the per-process ratios")
    func saving() throws {
        let spec = Self.spec(BenchmarkSpec.Figure(saving: ["with", "without"]), BenchmarkSpec.Expect(between: [50, 70]))
        let result = Self.judge(spec, ["with": [[100], [100]], "without": [[40], [40]]], measure: .memory)
        #expect(abs(try #require(result.measured) - 60) < 1e-9)
        #expect(result.verdict == .reproduced)
    }

    @Test("conditions that disagree make the claim context-dependent, naming which hold")
    func conditions() {
        let spec = Self.spec(BenchmarkSpec.Figure(ratio: ["list", "array"]), BenchmarkSpec.Expect(between: [2, 4]), measure: .value,
                             conditions: [BenchmarkSpec.Condition(name: "typecode 'i'", args: ["typecode": .string("i")]),
                                          BenchmarkSpec.Condition(name: "typecode 'd'", args: ["typecode": .string("d")])])
        let result = Self.judge(spec, ["list [0]": [[8], [8]], "array [0]": [[4], [4]], "list [1]": [[8], [8]], "array [1]": [[8], [8]]],
                                measure: .value)
        #expect(result.verdict == .contextDependent)
        #expect(result.conditions.map(\.verdict) == [.reproduced, .notReproduced])
        #expect(result.reason?.hasPrefix("reproduced under typecode 'i'; not-reproduced under typecode 'd'.") == true, "\(result.reason ?? "")")
        let agreeing = Self.judge(spec, ["list [0]": [[8], [8]], "array [0]": [[4], [4]], "list [1]": [[8], [8]], "array [1]": [[2.5], [2.5]]],
                                  measure: .value)
        #expect(agreeing.verdict == .reproduced)
    }

    @Test("a claim that needs four cores is not checkable on two, with what two give")
    func needsCores() {
        let spec = Self.spec(BenchmarkSpec.Figure(ratio: ["one", "pool"]), BenchmarkSpec.Expect(atLeast: 3), needsCores: 4)
        let values: [String: [[Double]]] = ["one": [[4.0], [4.0]], "pool": [[2.2], [2.1]]]
        let two = Self.judge(spec, values, cores: 2)
        #expect(two.verdict == .notCheckable)
        #expect(two.reason?.hasPrefix("needs 4 cores; this machine has 2. Measured here, with no verdict: measured 1.") == true, "\(two.reason ?? "")")
        #expect(Self.judge(spec, values, cores: 4).verdict == .notReproduced)
    }

    @Test("an absolute time from another machine is context-dependent, unless off by more than machines differ")
    func machineDependent() {
        let spec = Self.spec(BenchmarkSpec.Figure(value: "sum"), BenchmarkSpec.Expect(approximately: 0.3271), machineDependent: true, unit: "s")
        let near = Self.judge(spec, ["sum": [[0.17], [0.18], [0.17]]])
        #expect(near.verdict == .contextDependent)
        #expect(near.reason?.contains("depends on the machine") == true)
        let far = Self.judge(spec, ["sum": [[0.02], [0.021], [0.02]]])
        #expect(far.verdict == .notReproduced, "16× faster than the guide says: more than machines differ")
    }

    @Test("a busy machine makes a timing inconclusive, whatever it would have been; a size is not affected")
    func busy() {
        let spec = Self.spec(BenchmarkSpec.Figure(ratio: ["slow", "fast"]), BenchmarkSpec.Expect(atLeast: 2))
        let values: [String: [[Double]]] = ["slow": [[1.0], [1.0], [1.0]], "fast": [[0.1], [0.1], [0.1]]]
        #expect(Self.judge(spec, values, load: 0.1).verdict == .reproduced)
        let busy = Self.judge(spec, values, load: 0.9)
        #expect(busy.verdict == .inconclusive)
        #expect(busy.inconclusiveBecause == .busy)
        #expect(busy.reason?.hasPrefix("the machine was busy: other processes kept 0.90 cores busy") == true)
        var sizes = spec
        sizes.measure = .value
        #expect(Self.judge(sizes, values, measure: .value, load: 0.9).verdict == .reproduced)
        var sleeps = spec
        sleeps.onlyWaits = true
        #expect(Self.judge(sleeps, values, load: 0.9).verdict == .reproduced, "waiting does not compete for a CPU")
    }

    @Test("unstable values: a verdict that does not survive an interval twice as wide is inconclusive")
    func unstable() {
        let spec = Self.spec(BenchmarkSpec.Figure(ratio: ["slow", "fast"]), BenchmarkSpec.Expect(atLeast: 1.8))
        // Within each process the values vary by about 30 %; the ratios are 2.0–2.1.
        let shaky: [String: [[Double]]] = ["slow": [[1.4, 2.6], [1.5, 2.7], [1.45, 2.65]], "fast": [[0.7, 1.3], [0.72, 1.28], [0.7, 1.3]]]
        let result = Self.judge(spec, shaky)
        #expect(result.warnings.contains { $0.contains("within a process") })
        #expect(result.verdict == .inconclusive || result.verdict == .reproduced)
        // Far from the bound, the verdict survives the widening.
        var far = spec
        far.expect = BenchmarkSpec.Expect(atLeast: 1.2)
        #expect(Self.judge(far, shaky).verdict == .reproduced)
        var near = spec
        near.expect = BenchmarkSpec.Expect(atLeast: 1.9)
        let doubtful = Self.judge(near, shaky)
        #expect(doubtful.verdict == .inconclusive && doubtful.inconclusiveBecause == .unstable, "\(doubtful.reason ?? "")")
    }

    @Test("a text figure: reproduced when every process agrees with the guide; context-dependent when processes disagree")
    func texts() {
        let spec = Self.spec(BenchmarkSpec.Figure(value: "thresholds"), BenchmarkSpec.Expect(equals: "(700, 10, 10)"), measure: .value)
        func texts(_ values: [String]) -> BenchmarkResult {
            var measurements = Measurements(tasks: [BenchJob.Task(variant: "thresholds", measure: .value)])
            for text in values {
                let process = measurements.startProcess()
                measurements.add(BenchLine(task: 0, round: 0, warmup: false, wall: nil, cpu: nil, value: nil, text: text, loops: nil,
                                           seconds: nil, done: nil), to: 0, process: process)
            }
            return BenchmarkJudge(spec: spec, cores: 2).judge(measurements)
        }
        #expect(texts(["(700, 10, 10)", "(700, 10, 10)"]).verdict == .reproduced)
        #expect(texts(["(2000, 10, 10)", "(2000, 10, 10)"]).verdict == .notReproduced)
        #expect(texts(["(700, 10, 10)", "(2000, 10, 10)"]).verdict == .contextDependent)
    }
}

@Suite("Judging a complexity by its growth exponent")
struct GrowthJudgeTests {
    static let sizes = [1000, 10_000, 100_000, 1_000_000]

    /// Per-process times at each size: `cost(n)` times a deterministic wobble,
    /// plus an empty call of 50 ns.
    static func values(_ cost: (Double) -> Double, processes: Int = 4, wobble: Double = 0.03,
                       lift: (process: Int, factor: Double)? = nil) -> [String: [[Double]]] {
        var values: [String: [[Double]]] = ["empty": (0..<processes).map { _ in [50e-9] }]
        for (index, size) in sizes.enumerated() {
            values["grow n=\(size)"] = (0..<processes).map { process in
                let sign = (process + index) % 2 == 0 ? 1.0 : -1.0
                var time = 50e-9 + cost(Double(size)) * (1 + sign * wobble)
                if let lift, lift.process == process, size == sizes.last! { time *= lift.factor }
                return [time]
            }
        }
        return values
    }

    static func judge(_ claimed: String, _ values: [String: [[Double]]]) -> BenchmarkResult {
        let spec = BenchmarkJudgeTests.spec(BenchmarkSpec.Figure(complexity: "grow"), BenchmarkSpec.Expect(complexity: claimed),
                                            sizes: sizes, unit: "s")
        return BenchmarkJudgeTests.judge(spec, values)
    }

    @Test("flat times with noise are O(1), not n (the old fit's failure on `999_999 in large_dict`)")
    func flat() {
        let result = Self.judge("1", Self.values({ _ in 30e-9 }, wobble: 0.05))
        #expect(result.verdict == .reproduced, "\(result.reason ?? "")")
        #expect(result.reason?.contains("an empty call, 50 ns, subtracted") == true, "\(result.reason ?? "")")
        #expect(result.reason?.contains("1 and log n cannot be told apart") == true)
    }

    @Test("linear times are n (and say that n log n cannot be told apart); they are not n²")
    func linear() {
        let values = Self.values({ 1e-9 * $0 })
        #expect(Self.judge("n", values).verdict == .reproduced)
        #expect(Self.judge("n", values).reason?.contains("n and n log n cannot be told apart over these sizes") == true)
        #expect(Self.judge("n²", values).verdict == .notReproduced)
        #expect(Self.judge("n²", values).reason?.contains("the interval fits n and n log n") == true)
    }

    @Test("noise that lifts the largest size in one process widens the interval; it does not turn n into n²")
    func liftedLargestSize() {
        let values = Self.values({ 1e-9 * $0 }, lift: (process: 1, factor: 3))
        let asQuadratic = Self.judge("n²", values)
        #expect(asQuadratic.verdict != .reproduced, "\(asQuadratic.reason ?? "")")
        let asLinear = Self.judge("n", values)
        #expect(asLinear.verdict != .notReproduced, "one disturbed process makes n inconclusive at worst: \(asLinear.reason ?? "")")
        #expect((asLinear.estimate?.high ?? 0) - (asLinear.estimate?.low ?? 0) > 0.1, "the interval widens")
    }

    @Test("a series halfway between 1 and n is inconclusive for both")
    func between() {
        let values = Self.values({ 1e-9 * pow($0, 0.5) })
        #expect(Self.judge("1", values).verdict == .notReproduced)
        let wobbly = Self.values({ 1e-9 * pow($0, 0.9) }, wobble: 0.25)
        #expect(Self.judge("n", wobbly).verdict == .inconclusive, "\(Self.judge("n", wobbly).reason ?? "")")
    }

    @Test("work lost in the cost of a call gives no exponent, and says so")
    func lostInCallCost() {
        var values = Self.values({ _ in 0 })
        values["empty"] = [[60e-9], [60e-9], [60e-9], [60e-9]]
        let result = Self.judge("1", values)
        #expect(result.verdict == .notCheckable)
        #expect(result.reason?.hasPrefix("the work is lost in the cost of a call") == true)
    }
}
