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
    /// Where each benchmark's quote is in the guide: name → (guide path, 1-based line).
    public var guideLines: [String: (String, Int)]

    public init(python: String, machine: MachineInfo, quick: Bool, results: [BenchmarkResult], seconds: Double,
                guideLines: [String: (String, Int)] = [:]) {
        self.python = python
        self.machine = machine
        self.quick = quick
        self.results = results
        self.seconds = seconds
        self.guideLines = guideLines
    }

    /// The guide's figure as one number, to compare the measured one with.
    static func reference(_ spec: BenchmarkSpec) -> Double? {
        guard let expect = spec.expect, expect.complexity == nil, expect.equals == nil else { return nil }
        if let target = expect.approximately { return target }
        if let range = expect.between, range.count == 2 { return (range[0] + range[1]) / 2 }
        return expect.atLeast ?? expect.atMost
    }

    public func table() -> String {
        let document = BenchDocument(self)
        var rows = [["benchmark", "claim", "guide", "measured (95 % interval)", "verdict"]]
        for claim in document.claims {
            rows.append([claim.benchmark, "\(claim.question) \(Self.shorten(claim.claim, to: 34))", Self.shorten(claim.guide, to: 16),
                         claim.measuredText, claim.verdict.rawValue])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max()! }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        for claim in document.claims where claim.verdict != .reproduced || !claim.warnings.isEmpty {
            if let reason = claim.reason { lines.append("\(claim.benchmark): \(reason)") }
            for warning in claim.warnings { lines.append("\(claim.benchmark): warning: \(warning)") }
        }
        let counts = BenchVerdict.allCases.map { verdict in
            "\(document.claims.filter { $0.verdict == verdict }.count) \(verdict.rawValue)"
        }
        lines.append(String(format: "%d claims: %@ (Python %@, %d cores, %@, %.0f s%@)", document.claims.count,
                            counts.joined(separator: ", "), python, machine.cores, machine.cpu, seconds, quick ? ", --quick" : ""))
        return lines.joined(separator: "\n")
    }

    private static func shorten(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    public func json() throws -> Data { try BenchDocument(self).encoded() }
}

/// `guidecheck bench --json FILE` (docs/json.md): read back by the Markdown
/// summary, the HTML report, the errata and `bench --compare`.
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
        /// The guide file and the 1-based line the quote starts on, when located.
        public var guide: String
        public var guideFile: String?
        public var guideLine: Int?
        public var verdict: BenchVerdict
        /// The figure's centre, its interval [low, high] and the interval's confidence level.
        public var measured: Double?
        public var interval: [Double]?
        public var confidence: Double?
        public var observed: String?
        public var unit: String?
        public var predicate: String?
        /// What the predicate accepts: [low, high], either nil when open.
        public var accepted: [Double?]?
        public var reason: String?
        public var inconclusiveBecause: BenchmarkResult.Inconclusive?
        /// The figure each process gave.
        public var perProcess: [Double]
        public var conditions: [Condition]
        /// The values of the figure's first variant.
        public var values: [Double]
        public var samples: [String: [Double]]
        public var cpu: [String: [Double]]
        public var growth: [BenchmarkResult.GrowthSummary]
        /// The guide's figure as one number, when it has one.
        public var reference: Double?
        public var referencePython: BenchmarkResult.ReferenceTiming?
        /// Cores other processes kept busy while this was measured.
        public var otherLoad: Double?
        public var warnings: [String]
        public var processes: Int
        public var valuesPerProcess: Int
        /// Wall seconds this benchmark took, calibration and extra batches included.
        public var seconds: Double?

        public struct Condition: Codable, Sendable {
            public var name: String
            public var verdict: BenchVerdict
            public var measured: Double?
            public var interval: [Double]?
            public var observed: String?
            public var perProcess: [Double]
            public var reason: String

            enum CodingKeys: String, CodingKey {
                case name, verdict, measured, interval, observed, reason
                case perProcess = "per_process"
            }
        }

        enum CodingKeys: String, CodingKey {
            case benchmark, question, claim, guide, verdict, measured, interval, confidence, observed, unit, predicate, accepted,
                 reason, conditions, values, samples, cpu, growth, reference, warnings, processes, seconds
            case guideFile = "guide_file"
            case guideLine = "guide_line"
            case inconclusiveBecause = "inconclusive_because"
            case perProcess = "per_process"
            case referencePython = "reference_python"
            case otherLoad = "other_load"
            case valuesPerProcess = "values_per_process"
        }

        /// The figure as the table shows it: `9.3 x [8.4, 10.2]`, a text, or a
        /// span over conditions.
        public var measuredText: String {
            let unit = self.unit.map { $0 == "x" ? " x" : " " + $0 } ?? ""
            let growth = !self.growth.isEmpty
            func number(_ value: Double) -> String { growth ? String(format: "%.2f", value) : BenchmarkJudge.format(value) }
            func figure(_ measured: Double?, _ interval: [Double]?) -> String? {
                guard let measured else { return nil }
                let prefix = growth ? "exponent " : ""
                guard let interval, interval.count == 2, interval[0] != interval[1] else { return prefix + number(measured) + (growth ? "" : unit) }
                return prefix + number(measured) + (growth ? "" : unit) + " [\(number(interval[0])), \(number(interval[1]))]"
            }
            if conditions.count > 1 {
                let values = conditions.compactMap(\.measured)
                guard let low = values.min(), let high = values.max() else { return conditions.compactMap(\.observed).joined(separator: " / ") }
                return (growth ? "exponent " : "") + "\(number(low))–\(number(high))\(growth ? "" : unit) over \(conditions.count) conditions"
            }
            return observed ?? figure(measured, interval) ?? "–"
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
            let values = result.samples.filter { key, _ in key == first || key.hasPrefix((first ?? "") + " ") }
                .sorted { $0.key < $1.key }.flatMap(\.value.values)
            let located = report.guideLines[result.spec.name]
            return Claim(
                benchmark: result.spec.name, question: result.spec.question, claim: result.spec.claim, guide: result.spec.guide,
                guideFile: located?.0, guideLine: located?.1, verdict: result.verdict, measured: result.estimate?.value,
                interval: result.estimate.map { [$0.low, $0.high] }, confidence: result.estimate?.level,
                observed: result.observed, unit: result.spec.unit, predicate: result.predicate, accepted: result.accepted,
                reason: result.reason, inconclusiveBecause: result.inconclusiveBecause, perProcess: result.perProcess,
                conditions: result.conditions.map { condition in
                    Claim.Condition(name: condition.name, verdict: condition.verdict, measured: condition.estimate?.value,
                                    interval: condition.estimate.map { [$0.low, $0.high] }, observed: condition.observed,
                                    perProcess: condition.perProcess, reason: condition.reason)
                },
                values: values, samples: result.samples.mapValues(\.values), cpu: result.cpuSamples.mapValues(\.values),
                growth: result.growth, reference: BenchReport.reference(result.spec), referencePython: result.referencePython,
                otherLoad: result.otherLoad, warnings: result.warnings, processes: result.processes,
                valuesPerProcess: result.valuesPerProcess, seconds: result.seconds)
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
