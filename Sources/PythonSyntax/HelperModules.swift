import Foundation
import PythonRuntime

/// guidecheck's own Python modules, shipped as resources of the target that
/// uses them and loaded into the embedded interpreter under private names
/// (never through `sys.path`, so a snippet's imports cannot see them).
public struct HelperModules: Sendable {
    /// (module name, resource file without `.py`), in load order.
    let modules: [(name: String, file: String, source: String)]

    /// Reads the sources once; a missing resource is a broken installation.
    public init(bundle: Bundle, _ modules: [(name: String, file: String)]) {
        self.modules = modules.map { name, file in
            guard let url = bundle.url(forResource: file, withExtension: "py", subdirectory: "Python"),
                  let source = try? String(contentsOf: url, encoding: .utf8) else {
                fatalError("guidecheck: the resource Python/\(file).py is missing from \(bundle.bundlePath)")
            }
            return (name, file, source)
        }
    }

    /// One module's source, to run it in another interpreter.
    public func source(ofModule name: String) -> String? {
        modules.first { $0.name == name }?.source
    }

    /// Loads them into `sys.modules`, after the program model they build on.
    public func install(_ gil: borrowing GIL) throws {
        try PythonSyntax.install(gil)
        for (name, file, source) in modules {
            try gil.installModule(name, source: source, filename: "guidecheck/\(file).py")
        }
    }

    /// Calls `module.function(*arguments)` and returns its `str` result.
    public static func call(_ module: String, _ function: String, _ arguments: [PythonValue], _ gil: borrowing GIL) throws -> String {
        try gil.importModule(module).callMethod(function, arguments, gil).string(gil)
    }
}

/// `_guidecheck_program` (`program.py`): how a program is cut into statements.
public enum PythonSyntax {
    static let helpers = HelperModules(bundleModules: [("_guidecheck_program", "program")])

    public static func install(_ gil: borrowing GIL) throws {
        for (name, file, source) in helpers.modules {
            try gil.installModule(name, source: source, filename: "guidecheck/\(file).py")
        }
    }
}

extension HelperModules {
    fileprivate init(bundleModules: [(name: String, file: String)]) { self.init(bundle: .module, bundleModules) }
}
