import Foundation
import StrictYAML
import Yams

/// One performance or memory claim of the guide, and how to put it to the test.
///
/// Written in `benchmarks/benchmarks.yaml`: the guide's words, the figure they
/// give, the workload (functions in a Python file beside it), what to measure,
/// the figure to compute from the measurements, and the predicate it must meet.
public struct BenchmarkSpec: Codable, Sendable, Equatable {
    public var name: String
    /// `Q13`.
    public var question: String
    /// The guide's words, quoted.
    public var claim: String
    /// The guide's figure, as the guide gives it (`~8-10x`, `0.3271 s`, `O(n²)`).
    public var guide: String
    /// The workload module, relative to the catalog.
    public var file: String?
    public var measure: Measure?
    /// Functions of the module to measure.
    public var variants: [String]?
    /// Sizes each variant is called with (for complexity claims): `f(n)`.
    public var sizes: [Int]?
    public var figure: Figure?
    /// `x`, `s`, `bytes`, `fraction`, …
    public var unit: String?
    public var expect: Expect?
    /// `network`: the loopback HTTP server's URL in `GUIDECHECK_HTTP_BASE`.
    public var fixtures: [String]?
    /// Environment variables set before the module is loaded.
    public var env: [String: String]?
    /// Worker processes and values per process, when the defaults would take too long.
    public var processes: Int?
    public var values: Int?
    /// Set when the claim cannot be checked on this machine, with the reason.
    public var notCheckable: String?
    /// The claim's truth may depend on these: each is measured and judged, and
    /// the claim is context-dependent when they disagree.
    public var conditions: [Condition]?
    /// The claim assumes this many cores: on fewer it is measured and shown,
    /// with no verdict.
    public var needsCores: Int?
    /// An absolute CPU time from the author's machine: it depends on the machine.
    public var machineDependent: Bool?
    /// The workload only waits (sleeps, a server's delay): one call per value,
    /// no calibration and no warm-up value, since there is nothing to warm.
    public var onlyWaits: Bool?

    /// One condition: its name, and the keyword arguments every variant (or its
    /// setup) is called with under it.
    public struct Condition: Codable, Sendable, Equatable {
        public var name: String
        public var args: [String: Argument]

        public init(name: String, args: [String: Argument]) {
            self.name = name
            self.args = args
        }
    }

    /// A keyword argument's value, as YAML and JSON write it.
    public enum Argument: Codable, Sendable, Equatable, CustomStringConvertible {
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Int.self) { self = .int(value) }
            else if let value = try? container.decode(Double.self) { self = .double(value) }
            else { self = .string(try container.decode(String.self)) }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .bool(let value): try container.encode(value)
            case .int(let value): try container.encode(value)
            case .double(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            }
        }

        public var description: String {
            switch self {
            case .bool(let value): return value ? "True" : "False"
            case .int(let value): return String(value)
            case .double(let value): return String(value)
            case .string(let value): return "'\(value)'"
            }
        }
    }

    public enum Measure: String, Codable, Sendable {
        /// Wall and CPU seconds per call.
        case time
        /// tracemalloc's peak, in bytes, during one call.
        case memory
        /// What one call returns.
        case value
    }

    /// What is computed from the measurements.
    public struct Figure: Codable, Sendable, Equatable {
        /// `a / b` of the medians.
        public var ratio: [String]?
        /// `(1 − b / a) × 100`: how much less `b` takes than `a`, in percent.
        public var saving: [String]?
        /// The median of one variant.
        public var value: String?
        /// The growth of one variant over `sizes`: the best-fitting model.
        public var complexity: String?

        public var variants: [String] { (ratio ?? saving ?? []) + [value, complexity].compactMap { $0 } }
    }

    /// The predicate the figure must meet.
    public struct Expect: Codable, Sendable, Equatable {
        public var between: [Double]?
        public var atLeast: Double?
        public var atMost: Double?
        /// With `tolerance` (relative) or `withinFactor`.
        public var approximately: Double?
        public var tolerance: Double?
        public var withinFactor: Double?
        /// The figure's text must be this (`(700, 10, 10)`).
        public var equals: String?
        /// `1`, `log n`, `n`, `n log n` or `n²`.
        public var complexity: String?
        /// The guide says "roughly" or "~": each bound is widened by
        /// `roughTolerance`, a stated reading of those words.
        public var roughly: Bool?

        /// "Roughly 3–5×" accepts 2.7–5.5: a figure given as rough is read as
        /// good to 10 %.
        public static let roughTolerance = 0.1

        enum CodingKeys: String, CodingKey {
            case between, approximately, tolerance, equals, complexity, roughly
            case atLeast = "at_least"
            case atMost = "at_most"
            case withinFactor = "within_factor"
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, question, claim, guide, file, measure, variants, sizes, figure, unit, expect, fixtures, env, processes, values,
             conditions
        case notCheckable = "not_checkable"
        case needsCores = "needs_cores"
        case machineDependent = "machine_dependent"
        case onlyWaits = "only_waits"
    }

    /// The keys `benchmarks.yaml` may hold: a misspelled one is an error.
    static let schema = KeySchema.mapping(["benchmarks": .list(.mapping([
        "name": .value, "question": .value, "claim": .value, "guide": .value, "file": .value, "measure": .value,
        "variants": .value, "sizes": .value, "unit": .value, "fixtures": .value, "env": .anyKeys, "processes": .value,
        "values": .value, "not_checkable": .value, "needs_cores": .value, "machine_dependent": .value, "only_waits": .value,
        "figure": .mapping(["ratio": .value, "saving": .value, "value": .value, "complexity": .value]),
        "expect": .mapping(["between": .value, "at_least": .value, "at_most": .value, "approximately": .value,
                            "tolerance": .value, "within_factor": .value, "equals": .value, "complexity": .value,
                            "roughly": .value]),
        "conditions": .list(.mapping(["name": .value, "args": .anyKeys])),
    ]))])
}

/// `benchmarks/benchmarks.yaml`.
public struct BenchmarkCatalog: Sendable {
    public var directory: String
    public var benchmarks: [BenchmarkSpec]

    public static let fileName = "benchmarks.yaml"

    private struct File: Codable { var benchmarks: [BenchmarkSpec] }

    public static func load(directory: String, filter: String? = nil) throws -> BenchmarkCatalog {
        let path = directory + "/" + fileName
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CatalogError(message: "\(path): cannot read the benchmark catalog")
        }
        let file: File
        do { file = try StrictYAML.decode(File.self, from: text, file: path, schema: BenchmarkSpec.schema) } catch {
            throw CatalogError(message: "\(error)")
        }
        var names = Set<String>()
        for spec in file.benchmarks {
            guard names.insert(spec.name).inserted else { throw CatalogError(message: "\(path): two benchmarks are named \(spec.name)") }
            // A not-checkable claim may still name a workload, measured to show what it gives.
            if spec.notCheckable == nil || spec.file != nil {
                guard let module = spec.file, spec.measure != nil, let figure = spec.figure, spec.expect != nil else {
                    throw CatalogError(message: "\(path): \(spec.name) needs file, measure, figure and expect (or not_checkable)")
                }
                guard FileManager.default.fileExists(atPath: directory + "/" + module) else {
                    throw CatalogError(message: "\(path): \(spec.name) names \(module), which is not in \(directory)")
                }
                if figure.complexity != nil && (spec.sizes?.count ?? 0) < 4 {
                    throw CatalogError(message: "\(path): \(spec.name) fits a complexity, which needs at least four sizes")
                }
                if let claimed = spec.expect?.complexity, GrowthModel.named(claimed) == nil {
                    throw CatalogError(message: "\(path): \(spec.name): unknown complexity '\(claimed)' (one of \(GrowthModel.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                if let conditions = spec.conditions, Set(conditions.map(\.name)).count != conditions.count || conditions.isEmpty {
                    throw CatalogError(message: "\(path): \(spec.name): conditions need distinct names")
                }
            }
        }
        let selected = file.benchmarks.filter { spec in
            guard let filter, !filter.isEmpty else { return true }
            return spec.name.contains(filter) || spec.question.lowercased() == filter.lowercased()
        }
        return BenchmarkCatalog(directory: directory, benchmarks: selected)
    }
}

public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
