/// One snippet to run, as the parent sends it to a worker.
public struct SnippetJob: Codable, Sendable {
    public var snippet: Snippet
    /// Seconds each run may take.
    public var timeout: Double
    /// Bytes of address space each run may use (RLIMIT_AS).
    public var memoryLimit: Int
    /// Bytes of output kept per run; the rest are counted.
    public var outputLimit: Int
    /// The loopback HTTP server the `network` fixture routes to.
    public var httpBase: String?
    public var modes: [RunMode]
    /// Where each run's scratch directory is made.
    public var scratchRoot: String

    public init(snippet: Snippet, timeout: Double, memoryLimit: Int, outputLimit: Int, httpBase: String?,
                modes: [RunMode] = RunMode.allCases, scratchRoot: String) {
        self.snippet = snippet
        self.timeout = timeout
        self.memoryLimit = memoryLimit
        self.outputLimit = outputLimit
        self.httpBase = httpBase
        self.modes = modes
        self.scratchRoot = scratchRoot
    }
}

/// Everything a worker learned about one snippet.
public struct SnippetOutcome: Codable, Sendable, Equatable {
    public var snippet: String
    /// Why it could not run at all (a syntax error, an unknown fixture), with its place.
    public var problem: String?
    public var imports: [String]
    /// Names used but defined nowhere, and no fixture provides them.
    public var undefinedNames: [String]
    public var claims: [Claim]
    public var commentary: [Commentary]
    /// Manifest annotations that are on no comment.
    public var unmatchedAnnotations: [Int]
    /// First line of each top-level statement, by index.
    public var statementLines: [Int]
    public var runs: [ModeRun]
    /// Seconds the worker spent on this snippet, runs included.
    public var workerSeconds: Double
    /// Of those, seconds spent reading it (ast, tokenize, the claim rules).
    public var analysisSeconds: Double

    public init(snippet: String, problem: String? = nil) {
        self.snippet = snippet
        self.problem = problem
        imports = []
        undefinedNames = []
        claims = []
        commentary = []
        unmatchedAnnotations = []
        statementLines = []
        runs = []
        workerSeconds = 0
        analysisSeconds = 0
    }

    public func run(_ mode: RunMode) -> ModeRun? { runs.first { $0.mode == mode } }
}
