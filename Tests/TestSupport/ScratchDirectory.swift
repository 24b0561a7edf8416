import Foundation

/// A scratch directory for one test, removed when the test ends.
///
/// Its name carries the test process's pid (`guidecheck-test-<pid>-<UUID>`):
/// folders a crashed test process left behind are removed by the next one.
public final class ScratchDirectory: @unchecked Sendable {
    public let path: String

    public init() {
        _ = Self.sweep
        path = NSTemporaryDirectory() + "guidecheck-test-\(getpid())-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A scratch directory that a `static let` holds for a whole suite: Swift
    /// never deinitialises statics, so it is removed when the test process exits.
    public static func untilExit() -> ScratchDirectory {
        let scratch = ScratchDirectory()
        RemovedAtExit.add(scratch.path)
        return scratch
    }

    @discardableResult
    public func write(_ name: String, _ contents: String, executable: Bool = false) -> String {
        let file = path + "/" + name
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! contents.write(toFile: file, atomically: true, encoding: .utf8)
        if executable { try! FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file) }
        return file
    }

    /// Once per test process: removes what test processes that are gone left in
    /// the temporary folder (their scratch directories and decoy folders).
    static let sweep: Void = TemporaryLeftovers.removeThoseOfDeadProcesses()
}

/// Paths removed when the test process exits normally (atexit).
enum RemovedAtExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: [String] = []
    private static let installed: Void = { atexit { RemovedAtExit.removeAll() } }()

    static func add(_ path: String) {
        _ = installed
        lock.withLock { paths.append(path) }
    }

    static func removeAll() {
        for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// Folders of test processes that ended without removing them.
public enum TemporaryLeftovers {
    static let prefixes = ["guidecheck-test-", "guidecheck-decoy-"]

    public static func removeThoseOfDeadProcesses() {
        let base = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] {
            guard let prefix = prefixes.first(where: name.hasPrefix),
                  let pid = pid_t(name.dropFirst(prefix.count).prefix { $0.isNumber }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: base + name) }
        }
    }
}
