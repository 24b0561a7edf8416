import Foundation

/// The results of a `guidecheck bench` run: a table for people, JSON for tools.
public struct BenchReport: Sendable {
    public var python: String
    public var machine: MachineInfo
    public var quick: Bool
    public var results: [BenchmarkResult]
    public var seconds: Double

    public init(python: String, machine: MachineInfo, quick: Bool, results: [BenchmarkResult], seconds: Double) {
        self.python = python
        self.machine = machine
        self.quick = quick
        self.results = results
        self.seconds = seconds
    }

    /// The guide's figure as one number, scaled to this machine's cores where the
    /// guide assumes a core count, to compare the measured one with.
    func reference(_ spec: BenchmarkSpec) -> Double? {
        guard let expect = spec.expect, expect.complexity == nil, expect.equals == nil else { return nil }
        let scale = expect.scaleByCoresUpTo.map { Double(min($0, machine.cores)) } ?? 1
        if let target = expect.approximately { return target }
        if let range = expect.between, range.count == 2 { return (range[0] + range[1]) / 2 * scale }
        return (expect.atLeast ?? expect.atMost).map { $0 * scale }
    }

    public func table() -> String {
        var rows = [["benchmark", "claim", "guide", "measured", "ratio", "verdict"]]
        for result in results {
            let spec = result.spec
            let unit = spec.unit.map { $0 == "x" ? "x" : " " + $0 } ?? ""
            var measured = "-"
            if let observed = result.observed {
                measured = observed + (result.fit.map { String(format: " (exp %.2f)", $0.exponent) } ?? "")
            } else if let value = result.measured {
                measured = ClaimJudgement.format(value) + unit + (result.spread.map { " ± " + ClaimJudgement.formatSpread($0) } ?? "")
            }
            var ratio = "-"
            if let value = result.measured, result.observed == nil, let reference = reference(spec), reference != 0 {
                ratio = String(format: "%.2f", value / reference)
            }
            rows.append([spec.name, "\(spec.question) \(Self.shorten(spec.claim, to: 34))", Self.shorten(spec.guide, to: 16),
                         measured, ratio, result.verdict.rawValue])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max()! }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        for result in results where result.verdict != .reproduced || !result.warnings.isEmpty {
            if let reason = result.reason { lines.append("\(result.spec.name): \(reason)") }
            for warning in result.warnings { lines.append("\(result.spec.name): warning: \(warning)") }
        }
        let counts = [BenchVerdict.reproduced, .notReproduced, .notCheckable].map { verdict in
            "\(results.filter { $0.verdict == verdict }.count) \(verdict.rawValue)"
        }
        lines.append(String(format: "%d claims: %@ (Python %@, %d cores, %@, %.0f s%@)", results.count,
                            counts.joined(separator: ", "), python, machine.cores, machine.cpu, seconds, quick ? ", --quick" : ""))
        return lines.joined(separator: "\n")
    }

    private static func shorten(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    // MARK: - JSON

    struct Document: Codable {
        var python: String
        var machine: Machine
        var quick: Bool
        var seconds: Double
        var claims: [Claim]
    }

    struct Machine: Codable {
        var cores: Int
        var cpu: String
        var megahertz: Double?
        var loadAverage: Double

        enum CodingKeys: String, CodingKey {
            case cores, cpu, megahertz
            case loadAverage = "load_average"
        }
    }

    struct Claim: Codable {
        var benchmark: String
        var question: String
        var claim: String
        var verdict: String
        var guide: String
        var measured: Double?
        var observed: String?
        var unit: String?
        var spread: Double?
        var predicate: String?
        var reason: String?
        var values: [Double]
        var samples: [String: [Double]]
        var cpu: [String: [Double]]
        var fit: BenchmarkResult.FitSummary?
        var warnings: [String]
        var processes: Int
        var valuesPerProcess: Int

        enum CodingKeys: String, CodingKey {
            case benchmark, question, claim, verdict, guide, measured, observed, unit, spread, predicate, reason, values,
                 samples, cpu, fit, warnings, processes
            case valuesPerProcess = "values_per_process"
        }
    }

    public func json() throws -> Data {
        let document = Document(
            python: python,
            machine: Machine(cores: machine.cores, cpu: machine.cpu, megahertz: machine.megahertz, loadAverage: machine.loadAverage),
            quick: quick, seconds: seconds,
            claims: results.map { result in
                let first = result.spec.figure?.variants.first
                let values = result.samples.filter { key, _ in key == first || key.hasPrefix((first ?? "") + " n=") }
                    .sorted { $0.key < $1.key }.flatMap(\.value.values)
                return Claim(
                    benchmark: result.spec.name, question: result.spec.question, claim: result.spec.claim,
                    verdict: result.verdict.rawValue, guide: result.spec.guide, measured: result.measured,
                    observed: result.observed, unit: result.spec.unit, spread: result.spread, predicate: result.predicate,
                    reason: result.reason, values: values, samples: result.samples.mapValues(\.values),
                    cpu: result.cpuSamples.mapValues(\.values), fit: result.fit, warnings: result.warnings,
                    processes: result.processes, valuesPerProcess: result.valuesPerProcess)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }
}
