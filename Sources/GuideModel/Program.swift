/// A piece of a program's code, at its place in the program's virtual file.
public struct Chunk: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Code of the guide, run as written: a snippet file, a fenced block. Its
        /// comments are read for claims; statement by statement, each input is the
        /// top-level statements that start on one line.
        case code
        /// One `>>>` example of a session (prompts removed): one input to the REPL.
        case example
        /// Code of guidecheck's own (a check), never read for claims.
        case check
    }

    /// The virtual-file line of the code's first line.
    public var firstLine: Int
    public var code: String
    public var kind: Kind
    /// The file the code comes from, when it is not the program's file (a check's YAML file).
    public var path: String?
    /// The chunk runs in a namespace of its own, a fresh `__main__` (a check
    /// that uses no snippet), not in the one the chunks before it filled.
    public var freshNamespace: Bool
    /// The guide documents this code for another Python (a session under
    /// `Output (Python 2.x):`, code whose output is): why it cannot be held to
    /// compile here.
    public var otherPython: String?

    public init(firstLine: Int = 1, code: String, kind: Kind = .code, path: String? = nil, freshNamespace: Bool = false,
                otherPython: String? = nil) {
        self.firstLine = firstLine
        self.code = code
        self.kind = kind
        self.path = path
        self.freshNamespace = freshNamespace
        self.otherPython = otherPython
    }

    enum CodingKeys: String, CodingKey {
        case code, kind, path
        case firstLine = "first_line"
        case freshNamespace = "fresh_namespace"
        case otherPython = "other_python"
    }
}

/// A claim written beside the code rather than in its comments: an output
/// block, the output of a `>>>` example, a check. Its subject is the top-level
/// statements of one chunk (or, for a check run in several contexts, of several).
public struct DocumentedResult: Codable, Sendable, Equatable {
    public var source: ClaimSource
    public var location: Location
    public var kind: ClaimKind
    /// The chunks whose statements it is about: one per context.
    public var chunks: [Int]
    /// The name of each chunk's context, when there are several (a check's `contexts`).
    public var contexts: [String]?
    public var documented: String
    public var expectation: Expectation
    /// A condition the documentation attaches (`Output (Python 3.8+):`).
    public var condition: String?
    public var notCheckable: String?
    /// Why the result is read this way, for a reviewer (a check's note).
    public var note: String?
    /// The line of what it is about when that is no chunk of code (the prompt
    /// of an IPython magic, `>>> %timeit …`).
    public var subjectLine: Int?

    public init(source: ClaimSource, location: Location, kind: ClaimKind, chunks: [Int], contexts: [String]? = nil,
                documented: String, expectation: Expectation, condition: String? = nil, notCheckable: String? = nil,
                note: String? = nil, subjectLine: Int? = nil) {
        self.subjectLine = subjectLine
        self.source = source
        self.location = location
        self.kind = kind
        self.chunks = chunks
        self.contexts = contexts
        self.documented = documented
        self.expectation = expectation
        self.condition = condition
        self.notCheckable = notCheckable
        self.note = note
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
    /// Claims written beside the code (output blocks, `>>>` outputs, checks).
    public var results: [DocumentedResult]
    /// True for a document's blocks: a chunk that does not compile is one
    /// statement that raises its SyntaxError, and the rest still runs. False for
    /// a snippet file, which cannot run at all if it does not compile.
    public var isolatesSyntaxErrors: Bool

    public init(name: String, path: String, origin: Origin, chunks: [Chunk], results: [DocumentedResult] = [],
                isolatesSyntaxErrors: Bool = false) {
        self.name = name
        self.path = path
        self.origin = origin
        self.chunks = chunks
        self.results = results
        self.isolatesSyntaxErrors = isolatesSyntaxErrors
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
    /// The program makes sets: what it shows of their order may change with the hash seed.
    public var buildsSets: Bool = false
    /// Names used but defined nowhere that are near misses of names it binds:
    /// its typos (`totl_items` for `total_items`), never what the guide leaves out.
    public var typoNames: [String] = []
    /// Names used but defined nowhere, and no fixture provides them.
    public var undefinedNames: [String]
    /// Of those, the ones a block that does not compile would have defined, each
    /// with that block (`the block at line 2, which does not compile (SyntaxError: expected ':')`).
    public var brokenDefinitions: [String: String] = [:]
    /// Manifest annotations that are on no comment: a stale manifest.
    public var unmatchedAnnotations: [Int]
    /// Why it cannot run (a syntax error, with its place); nil when it can.
    public var problem: String?

    public init(statementLines: [Int] = [], claims: [Claim] = [], commentary: [Commentary] = [], plan: ProbePlan = ProbePlan(),
                imports: [String] = [], undefinedNames: [String] = [], brokenDefinitions: [String: String] = [:],
                unmatchedAnnotations: [Int] = [], problem: String? = nil) {
        self.statementLines = statementLines
        self.claims = claims
        self.commentary = commentary
        self.plan = plan
        self.imports = imports
        self.undefinedNames = undefinedNames
        self.brokenDefinitions = brokenDefinitions
        self.unmatchedAnnotations = unmatchedAnnotations
        self.problem = problem
    }

    /// The first line of top-level statement `top`, or 0.
    public func line(ofTop top: Int) -> Int { top >= 0 && top < statementLines.count ? statementLines[top] : 0 }
}
