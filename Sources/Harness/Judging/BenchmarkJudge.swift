import Foundation
import GuideModel

/// Turns a benchmark's measurements into the claim's figure and checks the
/// predicate: the harness's judge, as `ClaimJudge` is the verifier's.
public struct BenchmarkJudge {
    let spec: BenchmarkSpec
    let cores: Int

    func judge(_ measurements: Measurements) -> BenchmarkResult {
        var result = BenchmarkResult(spec: spec, verdict: .notReproduced)
        for (index, task) in measurements.tasks.enumerated() {
            let key = task.n.map { "\(task.variant) n=\($0)" } ?? task.variant
            result.samples[key] = measurements.sample(index)
            if task.measure == .time { result.cpuSamples[key] = Sample(measurements.cpu[index]) }
            if task.measure == .time, measurements.sample(index).isUnstable {
                result.warnings.append(String(format: "unstable: %@ varies by %.0f %% (coefficient of variation)", key,
                                              measurements.sample(index).coefficientOfVariation * 100))
            }
        }
        guard let figure = spec.figure, let expect = spec.expect else { return result }
        let median = { (variant: String) -> (Double, Double)? in
            guard let index = measurements.index(of: variant) else { return nil }
            let sample = measurements.sample(index)
            return sample.isEmpty ? nil : (sample.median, sample.mad)
        }
        if let pair = figure.ratio ?? figure.saving, pair.count == 2, let (a, madA) = median(pair[0]), let (b, madB) = median(pair[1]), a > 0, b > 0 {
            let relative = ((madA / a) * (madA / a) + (madB / b) * (madB / b)).squareRoot()
            if figure.ratio != nil {
                result.measured = a / b
                result.spread = a / b * relative
            } else {
                result.measured = (1 - b / a) * 100
                result.spread = b / a * relative * 100
            }
        } else if let variant = figure.value, let index = measurements.index(of: variant) {
            if let text = measurements.texts[index].first {
                result.observed = text
            } else if let (value, mad) = median(variant) {
                result.measured = value
                result.spread = mad
            }
        } else if let variant = figure.complexity, let sizes = spec.sizes {
            let medians = sizes.compactMap { size in measurements.index(of: variant, size: size).map { measurements.sample($0).median } }
            if medians.count == sizes.count, let fit = ComplexityFit.fit(sizes: sizes.map(Double.init), times: medians) {
                result.measured = fit.exponent
                result.observed = fit.model.rawValue
                result.spread = fit.error
                result.fit = BenchmarkResult.FitSummary(
                    variant: variant, model: fit.model.rawValue, error: fit.error,
                    errors: Dictionary(uniqueKeysWithValues: fit.errors.map { ($0.key.rawValue, $0.value) }),
                    exponent: fit.exponent, intercept: fit.intercept, slope: fit.slope, sizes: sizes, medians: medians)
            }
        }
        check(&result, against: expect)
        return result
    }

    private func check(_ result: inout BenchmarkResult, against expect: BenchmarkSpec.Expect) {
        let scale = expect.scaleByCoresUpTo.map { Double(min($0, cores)) } ?? 1
        let scaled = expect.scaleByCoresUpTo.map { " (scaled by min(\($0), \(cores) cores) = \(Int(scale)))" } ?? ""
        let unit = spec.unit.map { " " + $0 } ?? ""
        func number(_ value: Double) -> String { Self.format(value) + unit }

        if let expected = expect.equals {
            result.predicate = "equals \(expected)"
            let observed = result.observed ?? result.measured.map { Self.format($0) } ?? "nothing"
            result.verdict = observed == expected ? .reproduced : .notReproduced
            result.reason = "measured \(observed), the guide says \(expected)"
            return
        }
        if let expected = expect.complexity {
            result.predicate = "grows as \(expected)"
            guard let model = result.observed, let fit = result.fit else {
                result.reason = "no fit: a size was not measured"
                return
            }
            result.verdict = model == expected ? .reproduced : .notReproduced
            result.reason = String(format: "best fit %@ (error %.1f %%, growth exponent %.2f); the guide says %@",
                                   model, fit.error * 100, fit.exponent, expected)
            return
        }
        guard let measured = result.measured else {
            result.reason = "nothing was measured"
            return
        }
        var holds = true
        var parts: [String] = []
        if let range = expect.between, range.count == 2 {
            holds = holds && (range[0] * scale...range[1] * scale).contains(measured)
            parts.append("between \(number(range[0] * scale)) and \(number(range[1] * scale))")
        }
        if let low = expect.atLeast {
            holds = holds && measured >= low * scale
            parts.append("at least \(number(low * scale))")
        }
        if let high = expect.atMost {
            holds = holds && measured <= high * scale
            parts.append("at most \(number(high * scale))")
        }
        if let target = expect.approximately {
            if let factor = expect.withinFactor {
                holds = holds && measured >= target / factor && measured <= target * factor
                parts.append("within a factor \(Self.format(factor)) of \(number(target))")
            } else {
                let tolerance = expect.tolerance ?? 0.1
                holds = holds && abs(measured - target) <= tolerance * abs(target)
                parts.append("\(number(target)) ± \(Int(tolerance * 100)) %")
            }
        }
        result.predicate = parts.joined(separator: ", ") + scaled
        result.verdict = holds ? .reproduced : .notReproduced
        result.reason = "measured \(number(measured))" + (result.spread.map { " ± \(Self.format($0))" } ?? "")
            + (holds ? ", which is " : ", which is not ") + parts.joined(separator: " and ") + scaled
    }

    /// Three significant digits; whole numbers as such (`56`, `800056`).
    public static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(format: "%.0f", value) }
        if abs(value) >= 100 { return String(format: "%.0f", value) }
        return String(format: "%.3g", value)
    }

    /// Two significant digits: a spread is an estimate.
    public static func formatSpread(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.2g", value)
    }
}
