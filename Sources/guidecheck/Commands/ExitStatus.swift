import ArgumentParser

/// guidecheck's exit codes, documented in docs/commands.md.
enum ExitStatus {
    /// Everything checked holds.
    case success
    /// A check failed: a mismatch, a missing module, a script that raised.
    case failure
    /// Bad usage or configuration: an unusable interpreter, a missing file.
    case configuration
    /// Stopped by SIGINT (130) or SIGTERM (143).
    case interrupted

    var rawValue: Int32 {
        switch self {
        case .success: return 0
        case .failure: return 1
        case .configuration: return 2
        case .interrupted: return Interruption.exitStatus
        }
    }
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
