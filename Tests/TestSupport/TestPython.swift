import Foundation
import PythonRuntime

/// The interpreter every in-process test shares (CPython starts once per process).
///
/// It is started with a decoy `python3` first on PATH, the trap this machine
/// sets (a pyenv 3.11.7 shim ahead of Debian's 3.11.2), so every test runs
/// against an interpreter that had the chance to pick the wrong executable.
public enum TestPython {
    public static let decoyDirectory: String = {
        TemporaryLeftovers.removeThoseOfDeadProcesses()
        let directory = NSTemporaryDirectory() + "guidecheck-decoy-\(getpid())"
        // Removed when the test process exits (and by the next one, if it crashed).
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "guidecheck-decoy-\(getpid())") }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let decoy = directory + "/python3"
        _ = FileManager.default.createFile(atPath: decoy, contents: Data("#!/bin/sh\necho decoy >&2\nexit 97\n".utf8),
                                       attributes: [.posixPermissions: 0o755])
        return directory
    }()

    public static let shared: PythonInterpreter = {
        setenv("PATH", decoyDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"), 1)
        do { return try PythonInterpreter.start() } catch { fatalError("the embedded interpreter did not start: \(error)") }
    }()
}

extension CapturedOutput {
    /// The lines that start with `prefix`, in order: other writers to fds 1 and 2
    /// in this process (the test runner's own reports) may land in a capture, so
    /// in-process tests assert on their own tagged lines.
    public func lines(tagged prefix: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }
}
