import Foundation
import PythonRuntime

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
        let sys = try gil.importModule("sys")
        let loaded = try sys.attribute("modules", gil)
        let types = try gil.importModule("types")
        for (name, file, source) in sources {
            if (try? loaded.item(.string(name), gil)) != nil { continue }
            let module = try types.callMethod("ModuleType", [.string(name)], gil)
            try module.setAttribute("__file__", to: PythonValue.string(file).object(gil), gil)
            let code = try gil.compile(source, filename: file, mode: .exec)
            try gil.execute(code, globals: module.attribute("__dict__", gil))
            try loaded.setItem(.string(name), to: module, gil)
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
        guard let result = try? gil.importModule("_guidecheck_analysis").callMethod("shape", [.string(text)], gil),
              !result.isNone(gil), let json = try? result.string(gil) else { return nil }
        return try? JSONDecoder().decode(ExpressionShape.self, from: Data(json.utf8))
    }

    /// Every fixture name with its one-line description.
    public static func fixtureDescriptions(_ gil: borrowing GIL) throws -> [String: String] {
        let json = try call("_guidecheck_fixtures", "describe", [], gil)
        return try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    }
}
