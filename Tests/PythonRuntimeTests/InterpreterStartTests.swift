import Foundation
@testable import PythonRuntime
import TestSupport
import Testing

@Suite("Starting the interpreter")
struct InterpreterStartTests {
    @Test("sys.version is the linked libpython's, with the decoy python3 first on PATH")
    func versionMatchesLinkedLibrary() throws {
        let python = TestPython.shared
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        #expect(path.hasPrefix(TestPython.decoyDirectory), "the decoy must come first on PATH")
        #expect(python.info.version == python.info.linked.version)
        #expect(python.info.version == "3.11.2")
        #expect(python.info.versionString.hasPrefix("3.11.2 "))
    }

    @Test("sys.prefix, the stdlib and sys.executable belong to the same installation")
    func prefixAndExecutable() throws {
        let info = TestPython.shared.info
        #expect(info.prefix == "/usr")
        #expect(info.basePrefix == "/usr")
        #expect(info.stdlib == "/usr/lib/python3.11")
        #expect(info.executable == "/usr/bin/python3.11")
        #expect(info.linked.library.hasPrefix("/usr/lib/"))
        #expect(info.linked.library.contains("libpython3.11.so"))
    }

    @Test("sys.executable is a real interpreter of the same version")
    func executableRunsSameVersion() throws {
        let info = TestPython.shared.info
        let process = Process()
        process.executableURL = URL(fileURLWithPath: info.executable)
        process.arguments = ["-I", "-c", "import sys; print(sys.version)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: (try pipe.fileHandleForReading.readToEnd() ?? Data()), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.trimmingCharacters(in: .newlines) == info.versionString)
    }

    @Test("a subprocess started by Python uses sys.executable, not the python3 on PATH")
    func subprocessUsesRealInterpreter() throws {
        let version = try TestPython.shared.withGILBlocking { gil in
            let namespace = try gil.namespace()
            try gil.run("""
                import subprocess, sys
                out = subprocess.run([sys.executable, '-c', 'import sys; print(sys.version.split()[0])'],
                                     capture_output=True, text=True).stdout.strip()
                """, globals: namespace)
            return try namespace.item("out", gil).string(gil)
        }
        #expect(version == "3.11.2")
    }

    @Test("a second start with the same configuration returns the running interpreter")
    func startIsIdempotent() throws {
        let first = TestPython.shared
        let second = try PythonInterpreter.start()
        #expect(first === second)
    }

    @Test("a second start with another configuration is a Swift error, not a crash")
    func startWithOtherConfigurationFails() throws {
        _ = TestPython.shared
        #expect(throws: PythonInitializationError.self) {
            try PythonInterpreter.start(InterpreterConfiguration(home: "/nonexistent"))
        }
    }

    @Test("the prefix is derived from the shared library's path")
    func installationPrefix() {
        #expect(LinkedPython.installationPrefix(ofLibrary: "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0") == "/usr")
        #expect(LinkedPython.installationPrefix(ofLibrary: "/opt/py/lib/libpython3.11.so") == "/opt/py")
        #expect(LinkedPython.installationPrefix(ofLibrary: "/lib/libpython3.11.so") == "/")
        #expect(LinkedPython.installationPrefix(ofLibrary: "libpython3.11.so") == nil)
    }
}
