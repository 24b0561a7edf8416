import ArgumentParser

/// guidecheck's exit codes, documented in the README.
enum ExitStatus: Int32 {
    /// Everything checked holds.
    case success = 0
    /// A check failed: a mismatch, a missing module, a script that raised.
    case failure = 1
    /// Bad usage or configuration: an unusable interpreter, a missing file.
    case configuration = 2
}

/// An error the command line reports in one line and turns into an exit code.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: ExitStatus
    var description: String { message }
}

extension ParsableCommand {
    /// Prints a failure to stderr and exits with its code.
    static func exit(with failure: CommandFailure) -> Never {
        printError("guidecheck: \(failure.message)")
        Self.exit(withError: ExitCode(failure.exitCode.rawValue))
    }
}
