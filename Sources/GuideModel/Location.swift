/// Where a piece of a guide is: the document a reader reads, its lines, and the
/// snippet file it was read from when there is one. Reports place every claim
/// through this, whatever its source.
public struct Location: Codable, Sendable, Equatable, Hashable {
    /// The guide as given (on the command line, or by the manifest's `guide:`
    /// relative to the snippets folder); the snippet's own path when no guide is known.
    public var document: String
    /// 1-based and inclusive: the lines of the documented text in `document`.
    public var firstLine: Int
    public var lastLine: Int
    /// The snippet file (its name in its folder) and the line there, for claims
    /// read from a folder of snippets.
    public var snippet: String?
    public var snippetLine: Int?

    public init(document: String, firstLine: Int, lastLine: Int, snippet: String? = nil, snippetLine: Int? = nil) {
        self.document = document
        self.firstLine = firstLine
        self.lastLine = max(firstLine, lastLine)
        self.snippet = snippet
        self.snippetLine = snippetLine
    }

    enum CodingKeys: String, CodingKey {
        case document, snippet
        case firstLine = "first_line"
        case lastLine = "last_line"
        case snippetLine = "snippet_line"
    }
}

/// Where a program's text comes from, so that each of its lines can be placed
/// in the guide. A program's lines are numbered as its virtual file's: a snippet
/// cut from a guide starts at its line 1; a Markdown document keeps the
/// document's own numbers, with everything that is not code blanked out.
public struct Origin: Codable, Sendable, Equatable {
    /// The guide as given, or the snippet's path when no guide is known.
    public var document: String
    /// The snippet's file name, when the program is a file of a snippets folder.
    public var snippet: String?
    /// The document line that holds the program's line 1.
    public var firstLine: Int

    public init(document: String, snippet: String? = nil, firstLine: Int = 1) {
        self.document = document
        self.snippet = snippet
        self.firstLine = firstLine
    }

    enum CodingKeys: String, CodingKey {
        case document, snippet
        case firstLine = "first_line"
    }

    /// The document line of program line `line`.
    public func documentLine(_ line: Int) -> Int { firstLine + line - 1 }

    /// Where program lines `first...last` are.
    public func location(_ first: Int, _ last: Int) -> Location {
        Location(document: document, firstLine: documentLine(first), lastLine: documentLine(last),
                 snippet: snippet, snippetLine: snippet == nil ? nil : first)
    }
}
