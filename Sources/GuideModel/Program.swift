/// A piece of a program's code, at its place in the program's virtual file.
public struct Chunk: Codable, Sendable, Equatable {
    /// The virtual-file line of the code's first line.
    public var firstLine: Int
    public var code: String

    public init(firstLine: Int = 1, code: String) {
        self.firstLine = firstLine
        self.code = code
    }

    enum CodingKeys: String, CodingKey {
        case code
        case firstLine = "first_line"
    }
}

/// Code that runs in one namespace, as one program: a snippet file, or the
/// code blocks of a document that share a namespace.
public struct ProgramSource: Codable, Sendable, Equatable {
    /// The name results are kept under (`q05_interning.py`).
    public var name: String
    /// The virtual file the code runs as: tracebacks and `__file__` name it.
    public var path: String
    /// Where its lines are in the guide.
    public var origin: Origin
    public var chunks: [Chunk]

    public init(name: String, path: String, origin: Origin, chunks: [Chunk]) {
        self.name = name
        self.path = path
        self.origin = origin
        self.chunks = chunks
    }

    /// A single file's text as a program.
    public init(name: String, path: String, origin: Origin, source: String) {
        self.init(name: name, path: path, origin: origin, chunks: [Chunk(code: source)])
    }
}

/// What the reader made of a program: its statements, its claims, what it left
/// as commentary (and why), and what a run must observe for the claims.
public struct Reading: Codable, Sendable, Equatable {
    /// The first line of each top-level statement, by index.
    public var statementLines: [Int]
    public var claims: [Claim]
    public var commentary: [Commentary]
    public var plan: ProbePlan
    public var imports: [String]
    /// Names used but defined nowhere, and no fixture provides them.
    public var undefinedNames: [String]
    /// Manifest annotations that are on no comment: a stale manifest.
    public var unmatchedAnnotations: [Int]
    /// Why it cannot run (a syntax error, with its place); nil when it can.
    public var problem: String?

    public init(statementLines: [Int] = [], claims: [Claim] = [], commentary: [Commentary] = [], plan: ProbePlan = ProbePlan(),
                imports: [String] = [], undefinedNames: [String] = [], unmatchedAnnotations: [Int] = [], problem: String? = nil) {
        self.statementLines = statementLines
        self.claims = claims
        self.commentary = commentary
        self.plan = plan
        self.imports = imports
        self.undefinedNames = undefinedNames
        self.unmatchedAnnotations = unmatchedAnnotations
        self.problem = problem
    }

    /// The first line of top-level statement `top`, or 0.
    public func line(ofTop top: Int) -> Int { top >= 0 && top < statementLines.count ? statementLines[top] : 0 }
}
