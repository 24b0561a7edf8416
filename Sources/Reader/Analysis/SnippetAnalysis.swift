/// What CPython's `ast` and `tokenize` say a snippet is made of
/// (`analysis.py`'s `analyse`).
public struct SnippetAnalysis: Codable, Sendable, Equatable {
    public struct Statement: Codable, Sendable, Equatable {
        public var line: Int
        public var endLine: Int
        public var column: Int
        /// The last line of a compound statement's header (`def f(\n a,\n b):`).
        public var headerEndLine: Int
        /// The ast class: `Expr`, `Assign`, `For`, `FunctionDef`, …
        public var kind: String
        /// Index of the top-level statement it belongs to.
        public var top: Int
        /// 0 for top-level statements.
        public var depth: Int
        public var compound: Bool
        /// An expression statement that is a call.
        public var call: Bool
        /// An expression statement that calls `print`.
        public var print: Bool
        /// Assignment targets as written.
        public var targets: [String]
        public var simpleTargets: Bool
        public var inFunction: Bool
        /// A statement of a check's code, whose lines are those of its YAML file:
        /// never the statement a comment of the program is on.
        public var check: Bool

        enum CodingKeys: String, CodingKey {
            case line, column, kind, top, depth, compound, call, print, targets, check
            case endLine = "end_line"
            case headerEndLine = "header_end_line"
            case simpleTargets = "simple_targets"
            case inFunction = "in_function"
        }
    }

    public struct Comment: Codable, Sendable, Equatable {
        public var line: Int
        public var column: Int
        /// The comment as written, `#` included.
        public var text: String
        /// Nothing but whitespace before it on its line.
        public var ownLine: Bool
        /// The code before it on its line.
        public var code: String

        enum CodingKeys: String, CodingKey {
            case line, column, text, code
            case ownLine = "own_line"
        }
    }

    /// One chunk's run of top-level statements.
    public struct ChunkFacts: Codable, Sendable, Equatable {
        public var firstTop: Int
        /// How many top-level statements it has (1 for a chunk that does not compile).
        public var count: Int
        public var endsWithExpression: Bool
        /// Why it does not compile, when it does not (with `isolatesSyntaxErrors`).
        public var syntaxError: String?
        /// For a chunk that does not compile: the names it would bind at its top
        /// level (`def f`, `x = …`), read from its tokens.
        public var wouldDefine: [String]?
        /// The global names its code reads and does not bind itself.
        public var uses: [String]?

        enum CodingKeys: String, CodingKey {
            case count, uses
            case firstTop = "first_top"
            case endsWithExpression = "ends_with_expression"
            case syntaxError = "syntax_error"
            case wouldDefine = "would_define"
        }
    }

    public struct SyntaxProblem: Codable, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Every statement, in source order, nested ones included.
    public var statements: [Statement]
    public var comments: [Comment]
    /// Global names read but bound nowhere in the snippet, nor builtins.
    public var freeNames: [String]
    /// Global names the snippet binds.
    public var boundNames: [String]
    public var imports: [String]
    public var syntaxError: SyntaxProblem?
    public var lineCount: Int
    /// Each chunk's statements, in chunk order.
    public var chunks: [ChunkFacts]
    /// The program's own code makes a set: an order of strings it shows may be
    /// the hash seed's.
    public var buildsSets: Bool

    enum CodingKeys: String, CodingKey {
        case statements, comments, imports, chunks
        case buildsSets = "builds_sets"
        case freeNames = "free_names"
        case boundNames = "bound_names"
        case syntaxError = "syntax_error"
        case lineCount = "line_count"
    }

    public var topLevel: [Statement] { statements.filter { $0.depth == 0 } }

    /// The statements the program's comments can be about: those of its own
    /// code, not of the checks run after it (their lines are another file's).
    public var commentedStatements: [Statement] { statements.filter { !$0.check } }

}

/// For each line, the innermost statement of the program's own code whose lines
/// include it (the first, in source order, of the deepest), built once. Found by
/// scanning every statement for every comment, reading was quadratic: 20,000
/// commented lines took 20 s.
public struct StatementsByLine: Sendable {
    private let statements: [SnippetAnalysis.Statement]
    private var innermost: [Int: (index: Int, depth: Int)] = [:]

    public init(_ analysis: SnippetAnalysis) {
        statements = analysis.statements
        for (index, statement) in statements.enumerated() where !statement.check && statement.line <= statement.endLine {
            for line in statement.line...statement.endLine {
                if let best = innermost[line], best.depth >= statement.depth { continue }
                innermost[line] = (index, statement.depth)
            }
        }
    }

    public func innermost(at line: Int) -> SnippetAnalysis.Statement? {
        innermost[line].map { statements[$0.index] }
    }
}

/// How a piece of text reads as one Python expression (`analysis.py`'s `shape`).
public struct ExpressionShape: Codable, Sendable, Equatable {
    /// `constant`, `list`, `tuple`, `dict`, `set`, `call`, `name`, `attribute`,
    /// `unary`, `compare`, `subscript`, …
    public var kind: String
    /// The callee or the name, for `call`, `name` and `attribute`.
    public var name: String?
    /// A value as a repr prints it: literals, displays of them, calls of names
    /// with literal arguments (`Vector(4, 6)`).
    public var literal: Bool

    public init(kind: String, name: String? = nil, literal: Bool) {
        self.kind = kind
        self.name = name
        self.literal = literal
    }
}
