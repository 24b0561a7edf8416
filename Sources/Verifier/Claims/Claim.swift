/// What a documented comment says a statement does.
public enum ClaimKind: String, Codable, Sendable, CaseIterable {
    /// The statement prints this (`print(x)  # 10`).
    case output
    /// The expression or assignment has this value (`x = PositiveInt(5)  # 5`).
    case value
    /// The statement raises this, or raises nothing (`# raises ValueError`, `# OK`).
    case exception
    /// Comment lines after a statement give what it prints (`D()` then `# D.__init__`…).
    case block
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
}

/// One checkable statement of the guide, read from a comment.
public struct Claim: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    /// The 1-based line of the statement the claim is about (for a block, the
    /// statement before the comment lines; for commented-out code, the comment's).
    public var line: Int
    /// Where the comment is.
    public var commentLine: Int
    public var kind: ClaimKind
    /// The comment text exactly as written, without the `#` (lines joined by `\n`).
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
    public var extraNormalisations: [String]
    /// Set when a manifest annotation, not the comment's own words, gives what
    /// is expected (`expected`, `expected_python`, `probe`): the annotation's note.
    public var manifestReading: String?
    /// Why an annotation reads the comment as it does.
    public var note: String?
}

/// A comment that is not a claim, kept so a change of reading shows in review.
public struct Commentary: Codable, Sendable, Equatable {
    public var line: Int
    public var text: String
    public var reason: String
}
