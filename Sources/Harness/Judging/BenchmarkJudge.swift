import Foundation
import GuideModel

/// Turns a benchmark's measurements into the claim's figure with its interval,
/// and the interval into a verdict: the harness's judge, as `ClaimJudge` is the
/// verifier's.
///
/// The rules, in order: each condition's figure is estimated from one figure
/// per process and judged against what the claim accepts (reproduced inside,
/// not reproduced outside, inconclusive across a bound); a verdict that does
/// not survive an interval twice as wide is inconclusive when the values were
/// unstable; conditions that disagree make the claim context-dependent; a busy
/// machine makes a timing inconclusive; an absolute time from another machine
/// is context-dependent unless far off; a claim that needs more cores than the
/// machine has gets no verdict.
public struct BenchmarkJudge {
    let spec: BenchmarkSpec
    let cores: Int
    /// Cores other processes kept busy while the values were taken, if measured.
    var otherLoad: Double?
    /// The same timing in the distribution's own interpreter (machine-dependent claims).
    var reference: BenchmarkResult.ReferenceTiming?

    /// Other processes keeping a quarter of a core busy on average spoil a timing.
    public static let busyLoad = 0.25
    /// Machines differ by up to this factor in single-thread CPython speed (a
    /// small ARM board to a fast desktop): an absolute time further off than
    /// that is wrong on any machine.
    public static let machineFactor = 10.0
    /// A verdict on unstable values must survive an interval this much wider.
    public static let instabilityWidening = 2.0

    init(spec: BenchmarkSpec, cores: Int, otherLoad: Double? = nil, reference: BenchmarkResult.ReferenceTiming? = nil) {
        self.spec = spec
        self.cores = cores
        self.otherLoad = otherLoad
        self.reference = reference
    }

    func judge(_ measurements: Measurements) -> BenchmarkResult {
        var result = BenchmarkResult(spec: spec, verdict: .inconclusive)
        result.processes = measurements.processes
        result.otherLoad = otherLoad
        result.referencePython = reference
        for (index, task) in measurements.tasks.enumerated() {
            let key = task.key(conditionName: task.condition.map { spec.conditions![$0].name })
            result.samples[key] = measurements.sample(index)
            guard task.measure == .time else { continue }
            result.cpuSamples[key] = measurements.cpuSample(index)
            let variation = measurements.withinProcessVariation(index)
            if variation >= Sample.unstableVariation {
                result.warnings.append(String(format: "unstable: %@ varies by %.0f %% within a process (coefficient of variation)", key, variation * 100))
            }
        }
        guard let figure = spec.figure, let expect = spec.expect else {
            result.reason = "nothing to judge"
            return result
        }
        let indices: [Int?] = spec.conditions.map { Array($0.indices) } ?? [nil]
        var growth: [BenchmarkResult.GrowthSummary] = []
        result.conditions = indices.map { condition in
            judge(condition: condition, figure: figure, expect: expect, measurements, growth: &growth)
        }
        result.growth = growth
        combine(&result, expect: expect)
        if spec.conditions == nil { result.conditions = [] }
        applyMachineRules(&result)
        return result
    }

    // MARK: One condition

    /// What one process contributes: a number, or a text (a returned repr).
    private enum Figures {
        case numbers([Double], logarithmic: Bool?)
        case texts([String])
        case missing(String)
    }

    private func judge(condition: Int?, figure: BenchmarkSpec.Figure, expect: BenchmarkSpec.Expect,
                       _ measurements: Measurements, growth: inout [BenchmarkResult.GrowthSummary]) -> BenchmarkResult.ConditionResult {
        let name = condition.map { spec.conditions![$0].name } ?? ""
        var outcome = BenchmarkResult.ConditionResult(name: name, verdict: .inconclusive, estimate: nil, observed: nil,
                                                      perProcess: [], reason: "", inconclusiveBecause: nil)
        let figures = self.figures(condition: condition, figure: figure, expect: expect, measurements, growth: &growth)
        switch figures {
        case .missing(let why):
            outcome.reason = why
            outcome.verdict = .notCheckable
        case .texts(let texts):
            judgeTexts(texts, expect: expect, into: &outcome)
        case .numbers(let numbers, let logarithmic):
            outcome.perProcess = numbers
            if let expected = expect.equals {
                judgeTexts(numbers.map(Self.format), expect: BenchmarkSpec.Expect(equals: expected), into: &outcome)
                return outcome
            }
            var estimate = Estimate.fromProcesses(numbers, logarithmic: logarithmic)
            if figure.saving != nil {
                // Estimated on the ratio b/a per process (multiplicative), then shown as a saving.
                estimate = Estimate.fromProcesses(numbers.map { 1 - $0 / 100 }, logarithmic: true)?.mapped { (1 - $0) * 100 }
            }
            guard let estimate else {
                outcome.reason = "fewer than two processes gave a figure"
                outcome.inconclusiveBecause = .straddles
                return outcome
            }
            outcome.estimate = estimate
            let region: AcceptedRegion
            if let claimed = expect.complexity.flatMap(GrowthModel.named), let summary = growth.last {
                region = growthRegion(claimed, over: summary.sizes)
                outcome.reason = describeGrowth(estimate, claimed: claimed, summary: summary, region: region)
            } else if let accepted = AcceptedRegion(expect, unit: spec.unit) {
                region = accepted
                outcome.reason = "measured \(describe(estimate))"
            } else {
                outcome.verdict = .notCheckable
                outcome.reason = "the claim's expect: names no bound"
                return outcome
            }
            outcome.verdict = region.verdict(for: estimate)
            switch outcome.verdict {
            case .reproduced: outcome.reason += ", which is " + region.words
            case .notReproduced: outcome.reason += ", which is not " + region.words
            default:
                outcome.reason += ", which straddles " + region.words
                outcome.inconclusiveBecause = .straddles
            }
            if outcome.verdict != .inconclusive, isUnstable(condition: condition, measurements),
               region.verdict(for: estimate.widened(by: Self.instabilityWidening)) != outcome.verdict {
                outcome.reason += "; but the values were unstable, and the verdict does not survive an interval twice as wide"
                outcome.verdict = .inconclusive
                outcome.inconclusiveBecause = .unstable
            }
        }
        return outcome
    }

    private func figures(condition: Int?, figure: BenchmarkSpec.Figure, expect: BenchmarkSpec.Expect,
                         _ measurements: Measurements, growth: inout [BenchmarkResult.GrowthSummary]) -> Figures {
        if let pair = figure.ratio ?? figure.saving, pair.count == 2 {
            guard let a = measurements.index(of: pair[0], condition: condition),
                  let b = measurements.index(of: pair[1], condition: condition) else { return .missing("a variant was not measured") }
            let (first, second) = (measurements.processMedians(a), measurements.processMedians(b))
            let ratios = first.keys.sorted().compactMap { process -> Double? in
                guard let x = first[process], let y = second[process], x > 0, y > 0 else { return nil }
                return x / y
            }
            if figure.saving != nil { return .numbers(ratios.map { (1 - 1 / $0) * 100 }, logarithmic: false) }
            return .numbers(ratios, logarithmic: true)
        }
        if let variant = figure.value {
            guard let task = measurements.index(of: variant, condition: condition) else { return .missing("\(variant) was not measured") }
            let texts = measurements.processTexts(task)
            if !texts.isEmpty { return .texts(texts.keys.sorted().map { texts[$0]! }) }
            let medians = measurements.processMedians(task)
            return .numbers(medians.keys.sorted().map { medians[$0]! }, logarithmic: nil)
        }
        if let variant = figure.complexity, let sizes = spec.sizes {
            let tasks = sizes.map { measurements.index(of: variant, size: $0, condition: condition) }
            guard tasks.allSatisfy({ $0 != nil }) else { return .missing("a size was not measured") }
            let empty = measurements.index(of: variant, condition: condition, empty: true)
            let perSize = tasks.map { measurements.processMedians($0!) }
            let emptyMedians = empty.map { measurements.processMedians($0) } ?? [:]
            var exponents: [Double] = []
            var lost = 0
            for process in perSize[0].keys.sorted() {
                let overhead = empty == nil ? 0 : (emptyMedians[process] ?? .nan)
                let costs = perSize.map { ($0[process] ?? .nan) - overhead }
                if let slope = GrowthExponent.slope(sizes: sizes.map(Double.init), costs: costs) { exponents.append(slope) } else { lost += 1 }
            }
            let model = expect.complexity.flatMap(GrowthModel.named) ?? .linear
            let summary = BenchmarkResult.GrowthSummary(
                variant: variant, condition: condition.map { spec.conditions![$0].name }, sizes: sizes,
                medians: tasks.map { measurements.sample($0!).median }, emptyCall: empty.map { measurements.sample($0).median },
                exponent: Estimate.fromProcesses(exponents, logarithmic: false), model: model.rawValue,
                bounds: [model.bounds(over: sizes.map(Double.init)).lowerBound, model.bounds(over: sizes.map(Double.init)).upperBound])
            growth.append(summary)
            if exponents.count < 2 {
                return .missing("the work is lost in the cost of a call: at some size it took no longer than an empty call (in \(lost) of \(lost + exponents.count) processes)")
            }
            return .numbers(exponents, logarithmic: false)
        }
        return .missing("the figure names no variant that was measured")
    }

    private func judgeTexts(_ texts: [String], expect: BenchmarkSpec.Expect, into outcome: inout BenchmarkResult.ConditionResult) {
        let distinct = Array(Set(texts)).sorted()
        outcome.observed = distinct.count == 1 ? distinct[0] : distinct.joined(separator: " / ")
        guard let expected = expect.equals else {
            outcome.verdict = .notCheckable
            outcome.reason = "measured \(outcome.observed!), which is text; the claim's expect: needs equals"
            return
        }
        if distinct.count > 1 {
            outcome.verdict = .contextDependent
            outcome.reason = "the processes disagree (each has its own hash seed and memory layout): \(distinct.joined(separator: ", ")); the guide says \(expected)"
        } else {
            outcome.verdict = distinct == [expected] ? .reproduced : .notReproduced
            outcome.reason = "measured \(distinct.first ?? "nothing") in every process, the guide says \(expected)"
        }
    }

    /// The exponents a claimed model accepts over the sizes used.
    private func growthRegion(_ claimed: GrowthModel, over sizes: [Int]) -> AcceptedRegion {
        let bounds = claimed.bounds(over: sizes.map(Double.init))
        return AcceptedRegion(low: bounds.lowerBound, high: bounds.upperBound,
                              words: String(format: "%@ (exponents %.2f–%.2f over these sizes)", claimed.rawValue, bounds.lowerBound, bounds.upperBound))
    }

    private func describeGrowth(_ estimate: Estimate, claimed: GrowthModel, summary: BenchmarkResult.GrowthSummary,
                                region: AcceptedRegion) -> String {
        let sizes = summary.sizes.map(Double.init)
        var words = String(format: "growth exponent %.2f [%.2f, %.2f] over n = %@–%@", estimate.value, estimate.low, estimate.high,
                           Self.format(sizes.first!), Self.format(sizes.last!))
        if let empty = summary.emptyCall { words += " (an empty call, \(Self.formatSeconds(empty)), subtracted)" }
        // Which models the interval fits: over a narrow span of sizes, n and
        // n log n (or 1 and log n) have nearly the same exponent.
        let fits = GrowthExponent.models(fitting: estimate.low, estimate.high, over: sizes)
        if fits.count > 1 && fits.contains(claimed) {
            words += "; " + fits.map(\.rawValue).joined(separator: " and ") + " cannot be told apart over these sizes"
        } else if !fits.isEmpty && !fits.contains(claimed) {
            words += "; the interval fits " + fits.map(\.rawValue).joined(separator: " and ")
        }
        return words
    }

    /// pyperf's test, within each process: values of one task in one process
    /// that vary by 10 % or more (the median over processes) mean the machine
    /// disturbed the timing itself; variation between processes is what the
    /// interval already measures.
    private func isUnstable(condition: Int?, _ measurements: Measurements) -> Bool {
        measurements.tasks.indices.contains { index in
            measurements.tasks[index].measure == .time && measurements.tasks[index].condition == condition
                && measurements.withinProcessVariation(index) >= Sample.unstableVariation
        }
    }

    // MARK: The claim

    private func combine(_ result: inout BenchmarkResult, expect: BenchmarkSpec.Expect) {
        let conditions = result.conditions
        let region = AcceptedRegion(expect, unit: spec.unit)
        result.accepted = region?.bounds
        result.predicate = expect.equals.map { "equals \($0)" } ?? expect.complexity.map { "grows as \($0)" } ?? region?.words
        guard conditions.count > 1 else {
            let only = conditions[0]
            result.verdict = only.verdict
            result.estimate = only.estimate
            result.observed = only.observed
            result.perProcess = only.perProcess
            result.reason = only.reason
            result.inconclusiveBecause = only.inconclusiveBecause
            return
        }
        result.estimate = conditions[0].estimate
        result.perProcess = conditions[0].perProcess
        let verdicts = Set(conditions.map(\.verdict))
        let named = { (verdict: BenchVerdict) in conditions.filter { $0.verdict == verdict }.map(\.name).joined(separator: ", ") }
        if verdicts.count == 1 {
            result.verdict = conditions[0].verdict
        } else if verdicts.contains(.contextDependent) || (verdicts.contains(.reproduced) && verdicts.contains(.notReproduced)) {
            result.verdict = .contextDependent
        } else {
            result.verdict = .inconclusive
        }
        if result.verdict == .inconclusive {
            // Measuring more helps if it can help any condition.
            let reasons = Set(conditions.compactMap(\.inconclusiveBecause))
            result.inconclusiveBecause = reasons.contains(.straddles) ? .straddles : reasons.first
        }
        var parts: [String] = []
        for verdict in BenchVerdict.allCases where verdicts.contains(verdict) {
            parts.append("\(verdict.rawValue) under \(named(verdict))")
        }
        result.reason = parts.joined(separator: "; ") + ". " + conditions.map { "\($0.name): \($0.reason)" }.joined(separator: ". ")
    }

    /// The rules of the machine the figures were taken on, applied last.
    private func applyMachineRules(_ result: inout BenchmarkResult) {
        if spec.machineDependent == true, let estimate = result.estimate, let target = spec.expect?.approximately {
            let band = AcceptedRegion(low: target / Self.machineFactor, high: target * Self.machineFactor, words: "")
            var words = "an absolute time from the author's machine: measured \(describe(estimate)) here with the embedded libpython"
            if let reference {
                if let other = reference.estimate {
                    words += ", \(describe(other)) with \(reference.executable) (Python \(reference.python))"
                } else if let problem = reference.problem {
                    words += " (\(reference.executable) could not be timed: \(problem))"
                }
            }
            if band.verdict(for: estimate) == .notReproduced {
                result.verdict = .notReproduced
                result.reason = words + "; the guide's \(Self.format(target))\(spec.unit.map { " " + $0 } ?? "") is off by more than the factor of \(Self.format(Self.machineFactor)) machines differ by"
            } else if result.verdict != .inconclusive || band.verdict(for: estimate) == .reproduced {
                result.verdict = .contextDependent
                result.inconclusiveBecause = nil
                result.reason = words + "; the guide's \(Self.format(target))\(spec.unit.map { " " + $0 } ?? "") depends on the machine, and is within the factor of \(Self.format(Self.machineFactor)) machines differ by"
            }
        }
        // A workload that only waits does not compete for a CPU: other processes'
        // load lengthens its waits by a scheduling latency (milliseconds), not more.
        if let otherLoad, otherLoad >= Self.busyLoad, spec.measure == .time, spec.onlyWaits != true,
           [.reproduced, .notReproduced, .contextDependent].contains(result.verdict) {
            result.reason = String(format: "the machine was busy: other processes kept %.2f cores busy on average while this was measured (more than %.2f); would have been %@: %@",
                                   otherLoad, Self.busyLoad, result.verdict.rawValue, result.reason ?? "")
            result.verdict = .inconclusive
            result.inconclusiveBecause = .busy
        }
        if let why = spec.notCheckable {
            result.reason = why + ". Measured here, with no verdict: " + (result.reason ?? "")
            result.verdict = .notCheckable
            result.inconclusiveBecause = nil
        } else if let needed = spec.needsCores, cores < needed {
            result.reason = "needs \(needed) cores; this machine has \(cores). Measured here, with no verdict: " + (result.reason ?? "")
            result.verdict = .notCheckable
            result.inconclusiveBecause = nil
        }
    }

    // MARK: Words

    private func describe(_ estimate: Estimate) -> String {
        let unit = spec.unit.map { $0 == "x" ? " x" : " " + $0 } ?? ""
        if estimate.low == estimate.high { return Self.format(estimate.value) + unit + " (in every process)" }
        return Self.format(estimate.value) + unit + " [\(Self.format(estimate.low)), \(Self.format(estimate.high))]"
            + String(format: " (%.0f %% interval, %d processes)", estimate.level * 100, estimate.count)
    }

    /// Three significant digits; whole numbers as such (`56`, `800056`).
    public static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(format: "%.0f", value) }
        if abs(value) >= 100 { return String(format: "%.0f", value) }
        return String(format: "%.3g", value)
    }

    /// Seconds in the unit that reads best: `45 ns`, `3.2 µs`, `1.5 ms`, `0.33 s`.
    public static func formatSeconds(_ seconds: Double) -> String {
        switch abs(seconds) {
        case ..<1e-6: return format(seconds * 1e9) + " ns"
        case ..<1e-3: return format(seconds * 1e6) + " µs"
        case ..<1: return format(seconds * 1e3) + " ms"
        default: return format(seconds) + " s"
        }
    }
}
