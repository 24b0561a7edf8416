/// The two ways guidecheck runs a snippet.
public enum RunMode: String, Codable, Sendable, CaseIterable {
    /// As `python3 snippet.py`: compiled once in "exec" mode as `__main__`.
    case module
    /// As an interactive session: each input (the statements that start on one
    /// line, or a whole `>>>` example) compiled in "single" mode.
    case interactive
    /// As a module once more, with another hash seed, another random state and a
    /// clock moved forward: what changes between runs (only when a verdict needs it).
    case varied

    public var description: String {
        switch self {
        case .module: return "run as a module (python3 snippet.py)"
        case .interactive: return "run statement by statement (interactive)"
        case .varied: return "run as a module again, with another hash seed, random state and clock"
        }
    }
}

/// How a run ended.
public enum RunStatus: String, Codable, Sendable {
    /// Every top-level statement was attempted (exceptions recorded per statement).
    case ok
    /// The run ended early without crashing: `sys.exit`, `KeyboardInterrupt`, a
    /// syntax error, a fixture that failed.
    case error
    /// The process died: a signal, or `os._exit` before the end.
    case crashed
    /// Stopped at its time limit.
    case timeout
}

/// An exception as the snippet's process saw it.
public struct ObservedException: Codable, Sendable, Equatable {
    /// `__qualname__`: `ValueError`, `FrozenInstanceError`.
    public var type: String
    /// `module.QualifiedName`, `builtins.` left out.
    public var qualified: String
    /// The names of the classes in its MRO, itself first.
    public var bases: [String]
    /// `str()` of the exception.
    public var message: String
    /// The message as a traceback's last line shows it, when that is not
    /// `message`: a SyntaxError's, without the ` (file, line N)` its str() adds.
    public var shownMessage: String?
    /// The innermost line of the snippet it passed through.
    public var line: Int?
    public var traceback: String
    /// For `SystemExit`: the exit code.
    public var code: Int?

    /// The message a reader sees on the traceback's last line.
    public var displayedMessage: String { shownMessage ?? message }

    /// `ValueError: Age must be …`, as a traceback's last line shows it.
    public var summary: String { displayedMessage.isEmpty ? type : "\(type): \(displayedMessage)" }

    package init(type: String, qualified: String, bases: [String], message: String, shownMessage: String? = nil, line: Int?,
                 traceback: String, code: Int?) {
        self.type = type
        self.qualified = qualified
        self.bases = bases
        self.message = message
        self.shownMessage = shownMessage
        self.line = line
        self.traceback = traceback
        self.code = code
    }
}

/// A value recorded by a probe.
public struct ObservedValue: Codable, Sendable, Equatable {
    public var repr: String
    public var str: String
    /// The value is None (an interactive session shows nothing for it).
    public var isNone: Bool = false
    /// Its type, `builtins.` left out (`int`, `datetime.date`).
    public var type: String = ""
    /// For a documented value evaluated beside an observed one: whether they are `==`.
    public var equal: Bool?
    /// For a documented value that is `==` the observed one: whether it is also
    /// the same value throughout (the same types, an int and a float aside; the
    /// same sign of a float zero), `runner.py`'s `_alike`.
    public var alike: Bool?
    /// For a documented value that could not be evaluated: why.
    public var error: String?
    /// A class, or a tuple or list of classes, as IPython and notebooks display
    /// it: by qualified name (`int`, `__main__.C`, `(int, str)`), then by plain name.
    public var classNames: [String]?

    package init(repr: String, str: String, isNone: Bool = false, type: String = "", equal: Bool? = nil, alike: Bool? = nil,
                 error: String? = nil) {
        self.repr = repr
        self.str = str
        self.isNone = isNone
        self.type = type
        self.equal = equal
        self.alike = alike
        self.error = error
    }
}

/// What one top-level statement did.
public struct StatementRun: Codable, Sendable, Equatable {
    public var index: Int
    /// Output written while it ran, by anyone.
    public var output: String
    /// What the interactive session echoed of its value (interactive runs only).
    public var echo: String
    /// Output written after it ended and before the next statement began
    /// (threads or processes it left running).
    public var trailing: String
    /// False when the process ended inside it (crash, timeout, exit).
    public var finished: Bool
    public var exception: ObservedException?
    /// Bytes it wrote past the output limit: counted, not kept.
    public var droppedBytes: Int = 0
    /// What the compiler warned about its code (`SyntaxWarning: "is" with a
    /// literal`), written before it ran: a diagnostic, not its output.
    public var warnings: String = ""
    /// Everything it wrote while it ran, in the order written: the compiler's
    /// warnings, its output and the echo of its values interleaved, as an
    /// interactive session shows them to a reader.
    public var shown: String = ""

    package init(index: Int, output: String, echo: String, trailing: String, finished: Bool, exception: ObservedException?,
                 droppedBytes: Int = 0) {
        self.droppedBytes = droppedBytes
        self.index = index
        self.output = output
        self.echo = echo
        self.trailing = trailing
        self.finished = finished
        self.exception = exception
    }
}

/// What one probe of the plan observed.
public struct ProbeRun: Codable, Sendable, Equatable {
    public var probe: Int
    /// How many times the probed statement ran.
    public var runs: Int
    /// Output written while it ran (all runs together).
    public var output: String
    /// Bytes written past the output limit: counted, not kept.
    public var droppedBytes: Int = 0
    public var value: ObservedValue?
    public var exception: ObservedException?

    package init(probe: Int, runs: Int, output: String, value: ObservedValue?, exception: ObservedException?,
                 droppedBytes: Int = 0) {
        self.droppedBytes = droppedBytes
        self.probe = probe
        self.runs = runs
        self.output = output
        self.value = value
        self.exception = exception
    }
}

/// Everything one run of a snippet produced.
public struct ModeRun: Codable, Sendable, Equatable {
    public var mode: RunMode
    public var status: RunStatus
    /// What ended it, in words, when it did not simply finish.
    public var problem: String?
    public var exitCode: Int32?
    public var signal: String?
    /// Wall-clock seconds from fork to exit.
    public var elapsed: Double
    /// Seconds spent in the snippet's own code, as the child measured it.
    public var codeSeconds: Double?
    /// CPU seconds (user and system) of the snippet's own code and of the
    /// processes it started and waited for, as the child measured them.
    public var codeCPUSeconds: Double?
    /// All output, as written, attribution markers removed.
    public var output: String
    /// Bytes past the output limit of the run as a whole: counted, not kept.
    public var droppedBytes: Int
    public var statements: [StatementRun]
    public var probes: [ProbeRun]
    public var fixtures: [String]
    /// What faulthandler printed (a crash, or the stack at a timeout).
    public var diagnostics: String
    /// Why the run could not be put in namespaces, when the kernel refused.
    public var isolationRefused: String?
    /// The native stack of a run that a signal killed (`--verbose` shows it;
    /// expected/ never keeps it: its addresses differ on every run).
    public var nativeBacktrace: String?

    public func statement(_ index: Int) -> StatementRun? { statements.first { $0.index == index } }
    public func probe(_ id: Int) -> ProbeRun? { probes.first { $0.probe == id } }

    package init(mode: RunMode, status: RunStatus, problem: String?, exitCode: Int32?, signal: String?, elapsed: Double, codeSeconds: Double?, output: String, droppedBytes: Int, statements: [StatementRun], probes: [ProbeRun], fixtures: [String], diagnostics: String,
                 isolationRefused: String? = nil) {
        self.isolationRefused = isolationRefused
        self.mode = mode
        self.status = status
        self.problem = problem
        self.exitCode = exitCode
        self.signal = signal
        self.elapsed = elapsed
        self.codeSeconds = codeSeconds
        self.output = output
        self.droppedBytes = droppedBytes
        self.statements = statements
        self.probes = probes
        self.fixtures = fixtures
        self.diagnostics = diagnostics
    }
}
