import Foundation
import PythonRuntime
import Synchronization

/// guidecheck's own Python modules, shipped as resources and loaded into the
/// embedded interpreter under private names (never through `sys.path`, so a
/// snippet's imports cannot see them).
public enum PythonHelpers {
    /// (module name, resource file): loaded in this order.
    static let modules = [
        ("_guidecheck_regions", "guide_regions"),
        ("_guidecheck_analysis", "analysis"),
        ("_guidecheck_fixtures", "fixtures"),
        ("_guidecheck_runner", "runner"),
    ]

    /// The helpers' sources, read once per process.
    static let sources: [(name: String, file: String, source: String)] = modules.map { name, file in
        guard let url = Bundle.module.url(forResource: file, withExtension: "py", subdirectory: "Python"),
              let source = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("guidecheck: the resource Python/\(file).py is missing from \(Bundle.module.bundlePath)")
        }
        return (name, "guidecheck/\(file).py", source)
    }

    /// Loads the helpers into `sys.modules` (once per interpreter).
    public static func install(_ gil: borrowing GIL) throws {
        for (name, file, source) in sources {
            try gil.installModule(name, source: source, filename: file)
        }
    }

    /// Calls `module.function(*arguments)` and returns its `str` result.
    public static func call(_ module: String, _ function: String, _ arguments: [PythonValue], _ gil: borrowing GIL) throws -> String {
        try gil.importModule(module).callMethod(function, arguments, gil).string(gil)
    }

    /// The facts of a snippet's source.
    public static func analyse(source: String, filename: String, _ gil: borrowing GIL) throws -> SnippetAnalysis {
        let json = try call("_guidecheck_analysis", "analyse", [.string(source), .string(filename)], gil)
        return try JSONDecoder().decode(SnippetAnalysis.self, from: Data(json.utf8))
    }

    /// How `text` parses as one Python expression; nil when it does not.
    public static func shape(of text: String, _ gil: borrowing GIL) -> ExpressionShape? {
        guard let line = try? call("_guidecheck_analysis", "shape_line", [.string(text)], gil), !line.isEmpty else { return nil }
        let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3 else { return nil }
        return ExpressionShape(kind: fields[0], name: fields[1].isEmpty ? nil : fields[1], literal: fields[2] == "1")
    }

    /// The guide's code-looking regions, as CPython's compiler sees its lines.
    public static func codeRegions(in text: String, _ gil: borrowing GIL) throws -> [GuideCoverage.Region] {
        let json = try call("_guidecheck_regions", "regions_json", [.string(text)], gil)
        let rows = try JSONDecoder().decode([[RegionField]].self, from: Data(json.utf8))
        return rows.compactMap { row in
            guard row.count == 3, case .number(let first) = row[0], case .number(let last) = row[1],
                  case .text(let kind) = row[2] else { return nil }
            return GuideCoverage.Region(firstLine: first, lastLine: last, kind: kind)
        }
    }

    private enum RegionField: Decodable {
        case number(Int)
        case text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }
    }

    /// Every fixture name with its one-line description (read once per process:
    /// the fixtures are fixed when the helpers are loaded).
    public static func fixtureDescriptions(_ gil: borrowing GIL) throws -> [String: String] {
        if let known = fixtureCache.withLock({ $0 }) { return known }
        let json = try call("_guidecheck_fixtures", "describe", [], gil)
        let known = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        fixtureCache.withLock { $0 = known }
        return known
    }

    private static let fixtureCache = Mutex<[String: String]?>(nil)
}
