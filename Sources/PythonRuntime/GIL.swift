import CPython

/// Proof that the calling thread holds the GIL.
///
/// Modelled on PyO3's `Python<'py>` token: only `PythonInterpreter.withGIL`
/// creates one, and it lends it to the job as `inout`, so the token can neither be
/// copied nor outlive the job. Every operation that touches Python objects is a
/// method on this token or takes it as an argument, so code without a token cannot
/// call into Python by accident.
public struct GIL: ~Copyable {
    init() {}

    /// Releases the GIL while `body` runs (a blocking wait, a sleep), so Python
    /// threads keep running. `body` gets no token: the exclusive `inout` access
    /// stops it from using this one, so it cannot touch Python objects.
    public mutating func allowThreads<T>(_ body: () throws -> T) rethrows -> T {
        let state = PyEval_SaveThread()
        defer { PyEval_RestoreThread(state) }
        return try body()
    }
}

@available(*, unavailable, message: "the GIL token is bound to the Python thread")
extension GIL: Sendable {}

/// The runtime check behind `PyRef.deinit` and friends, for the misuses the type
/// system cannot see (an `unsafe` escape hatch, a C callback on a foreign thread).
enum GILCheck {
    static var isHeld: Bool { Py_IsInitialized() != 0 && PyGILState_Check() == 1 }

    static func require(_ operation: StaticString, file: StaticString = #fileID, line: UInt = #line) {
        if !isHeld {
            fatalError("guidecheck: \(operation) without holding the GIL. Python references must stay inside PythonInterpreter.withGIL.", file: file, line: line)
        }
    }
}
