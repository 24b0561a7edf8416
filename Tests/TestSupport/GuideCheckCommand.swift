import Foundation

/// Runs the `guidecheck` binary built beside this test bundle, as a user would.
public struct GuideCheckCommand {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static let binary: String = {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("guidecheck").path
    }()

    /// The repository this test file belongs to.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func run(_ arguments: [String], environment: [String: String] = [:],
                    directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes at once so neither can fill up and stall the child.
        nonisolated(unsafe) var stderrData = Data()
        let reader = Thread {
            do { stderrData = try error.fileHandleForReading.readToEnd() ?? Data() } catch { stderrData = Data("reading stderr: \(error)".utf8) }
        }
        reader.start()
        let stdoutData = try output.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
