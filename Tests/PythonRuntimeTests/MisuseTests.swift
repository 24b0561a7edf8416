import Foundation
import PythonRuntime
import TestSupport
import Testing

/// A Python reference smuggled out of its job through an explicitly unsafe
/// global: the one way past the compiler, used to check the runtime guard.
nonisolated(unsafe) var smuggledReference: PyRef?

@Suite("Misusing Python references")
struct MisuseTests {
    @Test("a reference released without the GIL stops the process with a message")
    func releaseWithoutGILIsFatal() async throws {
        let result = try #require(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let python = try PythonInterpreter.start()
            try python.withGILBlocking { gil in smuggledReference = try gil.importModule("sys") }
            smuggledReference = nil  // Py_DecRef here would run without the GIL
        })
        let stderr = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(stderr.contains("releasing a Python reference without holding the GIL"))
    }

    /// Each case is a few lines of Swift that would let a Python object, or the
    /// right to touch one, outside its job. They must not compile.
    static let misuses: [(name: String, source: String, diagnostic: String)] = [
        ("returning a reference from a job", """
            func leak(_ python: PythonInterpreter) throws {
                let sys: PyRef = try python.withGILBlocking { gil in try gil.importModule("sys") }
                _ = sys
            }
            """, "requires that 'PyRef' conform to 'Copyable'"),
        ("keeping the token in a task", """
            func keep(_ python: PythonInterpreter) throws {
                try python.withGILBlocking { gil in
                    Task { _ = try gil.importModule("sys") }
                }
            }
            """, "escaping closure captures 'inout' parameter 'gil'"),
        ("sending a reference to another task", """
            func send(_ python: PythonInterpreter) throws {
                try python.withGILBlocking { gil in
                    let sys = try gil.importModule("sys")
                    Task.detached { print(sys) }
                }
            }
            """, "does not conform to expected type 'Copyable'"),
        ("touching Python while the GIL is released", """
            func release(_ python: PythonInterpreter) throws {
                try python.withGILBlocking { gil in
                    let sys = try gil.importModule("sys")
                    try gil.allowThreads { _ = try sys.attribute("path", gil) }
                }
            }
            """, "overlapping accesses to 'gil'"),
    ]

    static let correctUse = """
        func platform(_ python: PythonInterpreter) throws -> String {
            try python.withGILBlocking { gil in try gil.importModule("sys").attribute("platform", gil).string(gil) }
        }
        """

    @Test("correct use compiles (the check below can tell the difference)")
    func correctUseCompiles() throws {
        let result = try Self.compile(Self.correctUse)
        #expect(result.status == 0, "\(result.diagnostics)")
    }

    @Test("misuse does not compile", arguments: misuses.map(\.name))
    func misuseDoesNotCompile(name: String) throws {
        let misuse = try #require(Self.misuses.first { $0.name == name })
        let result = try Self.compile(misuse.source)
        #expect(result.status != 0, "\(name) compiled")
        #expect(result.diagnostics.contains(misuse.diagnostic), "\(result.diagnostics)")
    }

    /// Compiles `source` against the PythonRuntime module this test binary was
    /// built with, through SIL diagnostics (where ownership and exclusivity are
    /// checked), without producing anything.
    static func compile(_ source: String) throws -> (status: Int32, diagnostics: String) {
        let buildDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("misuse-\(UUID().uuidString).swift")
        try ("import PythonRuntime\n" + source + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swiftc", "-emit-sil", "-o", "/dev/null", "-swift-version", "6",
            "-I", buildDirectory.appendingPathComponent("Modules").path,
            "-Xcc", "-fmodule-map-file=" + packageRoot.appendingPathComponent("Sources/CPython/module.modulemap").path,
            "-Xcc", "-I/usr/include/python3.11", file.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = try pipe.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
