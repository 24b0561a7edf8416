/// Why the embedded interpreter could not start.
///
/// CPython reports start-up failures as a `PyStatus` and prints its path
/// configuration to stderr; guidecheck keeps both here instead of letting
/// CPython print and `exit()`, so the caller decides what to do.
public struct PythonInitializationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// CPython's own message (`failed to get the Python codec of the filesystem encoding`).
    public var message: String
    /// The C function that failed, when CPython says (`init_fs_encoding`).
    public var function: String?
    /// When CPython asked to exit instead of failing: the exit code.
    public var exitCode: Int?
    /// What CPython printed to stderr while failing (its path configuration).
    public var diagnostics: String

    public init(message: String, function: String? = nil, exitCode: Int? = nil, diagnostics: String = "") {
        self.message = message
        self.function = function
        self.exitCode = exitCode
        self.diagnostics = diagnostics
    }

    public var description: String {
        var text = "cannot start the embedded Python: \(message)"
        if let function { text += " (in \(function))" }
        if let exitCode { text += " (exit status \(exitCode))" }
        if !diagnostics.isEmpty { text += "\n" + diagnostics }
        return text
    }
}
