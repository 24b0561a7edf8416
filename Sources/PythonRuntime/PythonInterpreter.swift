import CPython
import Glibc
import Synchronization

/// How to start the embedded interpreter.
public struct InterpreterConfiguration: Sendable, Equatable {
    /// The interpreter `sys.executable` names; `nil` derives it from the linked libpython.
    public var executable: String?
    /// The `PYTHONHOME` to use; `nil` lets CPython derive it from `executable`.
    public var home: String?
    /// `PYTHONHASHSEED`; `nil` for a random one, as `python3` picks.
    public var hashSeed: UInt32?

    public init(executable: String? = nil, home: String? = nil, hashSeed: UInt32? = nil) {
        self.executable = executable
        self.home = home
        self.hashSeed = hashSeed
    }
}

/// What the running interpreter says about itself.
public struct InterpreterInfo: Sendable, Equatable {
    /// `sys.version`, in full.
    public var versionString: String
    /// `3.11.2`.
    public var version: String
    public var prefix: String
    public var basePrefix: String
    public var execPrefix: String
    public var executable: String
    /// The directory the standard library was loaded from (`os.__file__`'s).
    public var stdlib: String
    /// `sys.platform`.
    public var platform: String
    /// The libpython this process linked and the interpreter beside it.
    public var linked: LinkedPython
}

/// The embedded CPython interpreter: one per process, on its own thread.
///
/// All Python work runs as jobs on `PythonThread`, the thread that initialised
/// the interpreter, with the GIL held for the length of the job and released
/// between jobs, so Python threads a job starts keep running while Swift waits.
/// A job receives the `GIL` token and returns a `Sendable` Swift value; Python
/// objects cannot leave it.
public final class PythonInterpreter: Sendable {
    public let info: InterpreterInfo
    public let configuration: InterpreterConfiguration
    private let thread: PythonThread
    private let jobState: JobState

    /// The thread state the Python thread parks between jobs. Touched only on
    /// the Python thread, hence unchecked.
    private final class JobState: @unchecked Sendable {
        var threadState: UnsafeMutablePointer<PyThreadState>?
        var depth = 0
    }

    private static let instance = Mutex<(InterpreterConfiguration, Result<PythonInterpreter, PythonInitializationError>)?>(nil)

    /// Starts the interpreter, or returns the one already running.
    ///
    /// CPython can be initialised once per process (extension modules are never
    /// unloaded), so a second call with a different configuration is an error,
    /// and a failed start is reported again, unchanged, to later callers.
    public static func start(_ configuration: InterpreterConfiguration = .init()) throws(PythonInitializationError) -> PythonInterpreter {
        try instance.withLock { slot throws(PythonInitializationError) -> PythonInterpreter in
            if let (existing, result) = slot {
                guard existing == configuration else {
                    throw PythonInitializationError(message: "the interpreter is already running with another configuration (\(existing))")
                }
                return try result.get()
            }
            let thread = PythonThread()
            let result = thread.runBlocking { initialise(configuration, on: thread) }
            slot = (configuration, result)
            return try result.get()
        }
    }

    private init(info: InterpreterInfo, configuration: InterpreterConfiguration, thread: PythonThread, threadState: UnsafeMutablePointer<PyThreadState>?) {
        self.info = info
        self.configuration = configuration
        self.thread = thread
        self.jobState = JobState()
        self.jobState.threadState = threadState
    }

    /// Runs `body` on the Python thread with the GIL held.
    public func withGIL<T: Sendable>(_ body: @escaping @Sendable (inout GIL) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            thread.submit { [self] in
                continuation.resume(with: Result { try runJob(body) })
            }
        }
    }

    /// Runs `body` on the Python thread with the GIL held, blocking the caller.
    /// For synchronous callers such as the command line and worker processes.
    public func withGILBlocking<T: Sendable>(_ body: @escaping @Sendable (inout GIL) throws -> T) throws -> T {
        try thread.runBlocking { [self] in Result { try runJob(body) } }.get()
    }

    /// True when called on the interpreter's own thread.
    public var isOnPythonThread: Bool { thread.isCurrent }

    private func runJob<T>(_ body: (inout GIL) throws -> T) throws -> T {
        precondition(thread.isCurrent, "guidecheck: a Python job ran off the Python thread")
        if jobState.depth == 0 { PyEval_RestoreThread(jobState.threadState) }
        jobState.depth += 1
        defer {
            jobState.depth -= 1
            if jobState.depth == 0 { jobState.threadState = PyEval_SaveThread() }
        }
        var gil = GIL()
        return try body(&gil)
    }

    // MARK: - Start-up

    private static func initialise(_ configuration: InterpreterConfiguration, on thread: PythonThread) -> Result<PythonInterpreter, PythonInitializationError> {
        let linked: LinkedPython
        do { linked = try LinkedPython.locate() } catch { return .failure(error) }
        let executable = configuration.executable ?? linked.executable

        let config = UnsafeMutablePointer<PyConfig>.allocate(capacity: 1)
        defer { config.deallocate() }
        // Isolated: no argv parsing, no environment variables, no user site, no
        // signal handlers of CPython's own.
        // UTF-8 mode, as python3 runs under a C or C.UTF-8 locale: text I/O is
        // UTF-8 whatever locale guidecheck was started in (an isolated start
        // would leave it ASCII, and print("café") would raise).
        var preconfig = PyPreConfig()
        PyPreConfig_InitIsolatedConfig(&preconfig)
        preconfig.utf8_mode = 1
        let preinitialized = Py_PreInitialize(&preconfig)
        if PyStatus_Exception(preinitialized) != 0 { return .failure(error(from: preinitialized, diagnostics: "")) }
        PyConfig_InitIsolatedConfig(config)
        defer { PyConfig_Clear(config) }
        var steps = [
            gc_config_set_executable(config, executable),
            gc_config_set_program_name(config, executable),
            gc_config_set_argv0(config, ""),
        ]
        if let home = configuration.home { steps.append(gc_config_set_home(config, home)) }
        if let seed = configuration.hashSeed {
            config.pointee.use_hash_seed = 1
            config.pointee.hash_seed = UInt(seed)
        }
        for status in steps where PyStatus_Exception(status) != 0 {
            return .failure(error(from: status, diagnostics: ""))
        }

        // CPython explains a failed start on stderr; keep that text for the error.
        let diagnostics = StderrCapture()
        let status = Py_InitializeFromConfig(config)
        let printed = diagnostics.finish()
        if PyStatus_Exception(status) != 0 {
            return .failure(error(from: status, diagnostics: printed))
        }

        // Python normally ignores SIGPIPE and SIGXFSZ at start-up (writes then
        // fail with BrokenPipeError, or OSError "File too large" past
        // RLIMIT_FSIZE); isolated start-up installs no handlers, so do it here.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        // C stdio to a pipe is fully buffered; line-buffered, as on a terminal,
        // output from C code keeps its place among Python's writes.
        gc_line_buffer_stdout()
        var gil = GIL()
        do {
            // Line-buffered sys.stdout and sys.stderr, as on a terminal: each line
            // reaches fd 1 in one write, in order with `os.write(1, …)`, and lines
            // from several processes never interleave mid-line.
            for stream in ["stdout", "stderr"] {
                _ = try gil.importModule("sys").attribute(stream, gil)
                    .callMethod("reconfigure", keywords: [("line_buffering", .bool(true))], gil)
            }
            _ = try gil.importModule("threading")
            try NativeModule.install(&gil)
            let info = try readInfo(linked: linked, gil)
            let interpreter = PythonInterpreter(info: info, configuration: configuration, thread: thread, threadState: PyEval_SaveThread())
            return .success(interpreter)
        } catch {
            return .failure(PythonInitializationError(message: "the interpreter started but is unusable: \(error.summary)", diagnostics: error.traceback))
        }
    }

    private static func readInfo(linked: LinkedPython, _ gil: borrowing GIL) throws(PythonException) -> InterpreterInfo {
        let sys = try gil.importModule("sys")
        let os = try gil.importModule("os")
        let versionString = try sys.attribute("version", gil).string(gil)
        let osFile = try os.attribute("__file__", gil).string(gil)
        return InterpreterInfo(
            versionString: versionString,
            version: versionString.split(separator: " ").first.map(String.init) ?? versionString,
            prefix: try sys.attribute("prefix", gil).string(gil),
            basePrefix: try sys.attribute("base_prefix", gil).string(gil),
            execPrefix: try sys.attribute("exec_prefix", gil).string(gil),
            executable: try sys.attribute("executable", gil).string(gil),
            stdlib: String(osFile[..<(osFile.lastIndex(of: "/") ?? osFile.endIndex)]),
            platform: try sys.attribute("platform", gil).string(gil),
            linked: linked)
    }

    private static func error(from status: PyStatus, diagnostics: String) -> PythonInitializationError {
        PythonInitializationError(
            message: status.err_msg.map { String(cString: $0) } ?? "unknown error",
            function: status.func.map { String(cString: $0) },
            exitCode: PyStatus_IsExit(status) != 0 ? Int(status.exitcode) : nil,
            diagnostics: diagnostics)
    }
}

/// Sends fd 2 to a temporary file for a moment and gives back what was written.
private struct StderrCapture {
    private let saved: Int32
    private let file: Int32

    init() {
        var template = Array("/tmp/guidecheck-init-XXXXXX".utf8CString)
        file = mkstemp(&template)
        if file >= 0 { unlink(String(nulTerminated: template)) }
        fflush(nil)
        saved = file >= 0 ? dup(2) : -1
        if saved >= 0 { dup2(file, 2) }
    }

    func finish() -> String {
        guard saved >= 0 else { return "" }
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        defer { close(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        lseek(file, 0, SEEK_SET)
        while true {
            let count = read(file, &chunk, chunk.count)
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self).trimmingTrailingNewlines()
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: Character) -> String {
        String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}

extension String {
    /// The text of a NUL-terminated C character buffer.
    init(nulTerminated buffer: [CChar]) {
        let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
