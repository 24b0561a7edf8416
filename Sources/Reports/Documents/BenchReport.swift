import Foundation
import GuideModel
import Harness
import Judge
import Reader
import Verifier

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

    /// The region the predicate accepts on this machine, for drawing: [low, high]
    /// (high may be nil for "at least").
    func expectedRange(_ spec: BenchmarkSpec) -> [Double?]? {
        guard let expect = spec.expect, expect.complexity == nil, expect.equals == nil else { return nil }
        let scale = expect.scaleByCoresUpTo.map { Double(min($0, machine.cores)) } ?? 1
        if let range = expect.between, range.count == 2 { return [range[0] * scale, range[1] * scale] }
        if let target = expect.approximately {
            if let factor = expect.withinFactor { return [target / factor, target * factor] }
            let tolerance = expect.tolerance ?? 0.1
            return [target * (1 - tolerance), target * (1 + tolerance)]
        }
        if let low = expect.atLeast { return [low * scale, expect.atMost.map { $0 * scale }] }
        if let high = expect.atMost { return [0, high * scale] }
        return nil
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
                measured = BenchmarkJudge.format(value) + unit + (result.spread.map { " ± " + BenchmarkJudge.formatSpread($0) } ?? "")
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
        let counts = BenchVerdict.allCases.map { verdict in
            "\(results.filter { $0.verdict == verdict }.count) \(verdict.rawValue)"
        }
        lines.append(String(format: "%d claims: %@ (Python %@, %d cores, %@, %.0f s%@)", results.count,
                            counts.joined(separator: ", "), python, machine.cores, machine.cpu, seconds, quick ? ", --quick" : ""))
        return lines.joined(separator: "\n")
    }

    private static func shorten(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    public func json() throws -> Data { try BenchDocument(self).encoded() }
}

/// `guidecheck bench --json FILE`: documented in the README; read back by the
/// Markdown summary and the HTML report.
public struct BenchDocument: Codable, Sendable {
    public var python: String
    public var machine: Machine
    public var quick: Bool
    public var seconds: Double
    public var claims: [Claim]

    public struct Machine: Codable, Sendable {
        public var cores: Int
        public var cpu: String
        public var megahertz: Double?
        public var loadAverage: Double

        enum CodingKeys: String, CodingKey {
            case cores, cpu, megahertz
            case loadAverage = "load_average"
        }
    }

    public struct Claim: Codable, Sendable {
        public var benchmark: String
        public var question: String
        public var claim: String
        public var verdict: BenchVerdict
        public var guide: String
        public var measured: Double?
        public var observed: String?
        public var unit: String?
        public var spread: Double?
        public var predicate: String?
        public var reason: String?
        public var values: [Double]
        public var samples: [String: [Double]]
        public var cpu: [String: [Double]]
        public var fit: BenchmarkResult.FitSummary?
        /// The guide's figure as one number on this machine's scale, when it has one.
        public var reference: Double?
        /// What the predicate accepts on this machine: [low, high], high nil when open.
        public var range: [Double?]?
        public var warnings: [String]
        public var processes: Int
        public var valuesPerProcess: Int

        enum CodingKeys: String, CodingKey {
            case benchmark, question, claim, verdict, guide, measured, observed, unit, spread, predicate, reason, values,
                 samples, cpu, fit, reference, range, warnings, processes
            case valuesPerProcess = "values_per_process"
        }
    }

    public init(_ report: BenchReport) {
        python = report.python
        machine = Machine(cores: report.machine.cores, cpu: report.machine.cpu, megahertz: report.machine.megahertz,
                          loadAverage: report.machine.loadAverage)
        quick = report.quick
        seconds = report.seconds
        claims = report.results.map { result in
            let first = result.spec.figure?.variants.first
            let values = result.samples.filter { key, _ in key == first || key.hasPrefix((first ?? "") + " n=") }
                .sorted { $0.key < $1.key }.flatMap(\.value.values)
            return Claim(
                benchmark: result.spec.name, question: result.spec.question, claim: result.spec.claim,
                verdict: result.verdict, guide: result.spec.guide, measured: result.measured,
                observed: result.observed, unit: result.spec.unit, spread: result.spread, predicate: result.predicate,
                reason: result.reason, values: values, samples: result.samples.mapValues(\.values),
                cpu: result.cpuSamples.mapValues(\.values), fit: result.fit, reference: report.reference(result.spec),
                range: report.expectedRange(result.spec),
                warnings: result.warnings, processes: result.processes, valuesPerProcess: result.valuesPerProcess)
        }
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> BenchDocument {
        try JSONDecoder().decode(BenchDocument.self, from: data)
    }
}
