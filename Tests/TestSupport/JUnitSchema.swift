import Foundation

/// xmllint's verdict on a JUnit file against the schema CI systems read
/// (`Tests/ReportsTests/Resources/junit.xsd`).
public enum JUnitSchema {
    public static let path = GuideCheckCommand.packageRoot.path + "/Tests/ReportsTests/Resources/junit.xsd"

    /// Debian's libxml2-utils; the tests that need it skip without it.
    public static let xmllint = ["/usr/bin/xmllint", "/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    public static func validate(file: String) throws -> (valid: Bool, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint!)
        process.arguments = ["--noout", "--schema", path, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: (try pipe.fileHandleForReading.readToEnd() ?? Data()), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, output)
    }
}
