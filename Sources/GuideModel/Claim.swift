/// What a documented comment says a statement does.
public enum ClaimKind: String, Codable, Sendable, CaseIterable {
    /// The statement prints this (`print(x)  # 10`).
    case output
    /// The expression or assignment has this value (`x = PositiveInt(5)  # 5`).
    case value
    /// The statement raises this, or raises nothing (`# raises ValueError`, `# OK`).
    case exception
    /// Comment lines after a statement, or an output block after code, give what
    /// it prints (`D()` then `# D.__init__`…).
    case block
    /// The output under a `>>>` example: what an interactive session shows (what
    /// was printed, then the repr of an expression's value unless it is None).
    case session
    /// A check of the guide's words: its code runs without a failed assertion.
    case check
}

/// What the claim expects to observe.
public enum Expectation: Codable, Sendable, Equatable {
    /// Output or a value, as text.
    case text(String)
    /// Several lines of output.
    case lines([String])
    /// An exception of this type; the message, when given, must begin the observed one.
    case raises(type: String, message: String?)
    /// No exception at all (`# OK`, `# works`).
    case noException
    /// The text a Python expression gives at run time (a manifest annotation).
    case computed(python: String, meaning: String)
}

/// Where in the run the claim's evidence comes from.
public enum ClaimTarget: Codable, Sendable, Equatable {
    /// A top-level statement: its output and exception.
    case statement
    /// A statement nested in a block: a probe wraps it.
    case nested
    /// A top-level expression or assignment whose value is recorded.
    case value(expression: String?)
    /// An expression evaluated after the top-level statement `top`
    /// (commented-out code, or a manifest probe).
    case evaluation(expression: String)
    /// Runs of top-level statements (a block, an example, a check): their output,
    /// their exceptions, and the value of the last when it is an expression.
    /// A check run in several contexts has one span per context.
    case spans([Span])
}

/// Top-level statements `first...last` of a program, in one context.
public struct Span: Codable, Sendable, Equatable {
    public var first: Int
    public var last: Int
    /// The context's name, for a check run in several.
    public var context: String?
    /// True when the last statement is an expression whose value the claim may show.
    public var endsWithExpression: Bool

    public init(first: Int, last: Int, context: String? = nil, endsWithExpression: Bool = false) {
        self.first = first
        self.last = last
        self.context = context
        self.endsWithExpression = endsWithExpression
    }

    /// The probe that records the value of its last expression, for claim `claim`.
    public func valueProbe(claim: Int, index: Int) -> Int { 2_000_000 + claim * 64 + index }
}

/// Where a claim was read from.
public enum ClaimSource: String, Codable, Sendable, CaseIterable {
    /// A comment beside or below the code (`print(x)  # 10`).
    case comment
    /// A block of output after the code (`Output:` and a fence).
    case outputBlock = "output-block"
    /// The output lines under a `>>>` example.
    case doctestOutput = "doctest-output"
    /// An executable check bound to the guide's words.
    case check
    /// A benchmark bound to a performance or memory claim.
    case benchmark
    /// The guide's code itself: a block shown as Python must compile. Claimed
    /// only of a block that does not, when no other claim is about it.
    case code
}

/// One checkable statement of the guide.
public struct Claim: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var source: ClaimSource
    /// Where the documented text is, in the guide and in its snippet.
    public var location: Location
    /// The 1-based program line of the statement the claim is about (for a block,
    /// the statement before the comment lines; for commented-out code, the comment's).
    public var line: Int
    /// The program line where the documented text starts.
    public var commentLine: Int
    public var kind: ClaimKind
    /// The documented text exactly as written, without the `#` (lines joined by `\n`).
    public var documented: String
    public var expectation: Expectation
    /// A condition the comment attaches (`in most contexts`).
    public var condition: String?
    /// The top-level statement the evidence belongs to.
    public var top: Int
    public var target: ClaimTarget
    /// Set when the claim cannot be checked here, with the reason.
    public var notCheckable: String?
    /// Extra normalisations the manifest allows for this claim.
    public var extraNormalisations: [Normalisation]
    /// Set when a manifest annotation, not the comment's own words, gives what
    /// is expected (`expected`, `expected_python`, `probe`): the annotation's note.
    public var manifestReading: String?
    /// Why an annotation reads the comment as it does.
    public var note: String?

    public init(id: Int, source: ClaimSource, location: Location, line: Int, commentLine: Int, kind: ClaimKind,
                documented: String, expectation: Expectation, condition: String? = nil, top: Int, target: ClaimTarget,
                notCheckable: String? = nil, extraNormalisations: [Normalisation] = [], manifestReading: String? = nil,
                note: String? = nil) {
        self.id = id
        self.source = source
        self.location = location
        self.line = line
        self.commentLine = commentLine
        self.kind = kind
        self.documented = documented
        self.expectation = expectation
        self.condition = condition
        self.top = top
        self.target = target
        self.notCheckable = notCheckable
        self.extraNormalisations = extraNormalisations
        self.manifestReading = manifestReading
        self.note = note
    }

    /// What the manifest says the claim means, when an annotation gives the
    /// expectation rather than the documented words.
    public var readingNote: String? {
        if case .computed(_, let meaning) = expectation { return meaning }
        return manifestReading
    }
}

/// A comment that is not a claim, kept so a change of reading shows in review.
public struct Commentary: Codable, Sendable, Equatable {
    public var line: Int
    public var text: String
    public var reason: String

    public init(line: Int, text: String, reason: String) {
        self.line = line
        self.text = text
        self.reason = reason
    }
}
