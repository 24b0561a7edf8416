import GuideModel

/// A `>>>` session, as doctest reads one: each example is the source after the
/// `>>> ` prompt and its `... ` continuations, and the lines after it, up to the
/// next prompt (across blank lines inside the output, as the REPL shows them), are
/// what the session showed.
public struct DoctestSession: Sendable, Equatable {
    public struct Example: Sendable, Equatable {
        /// The source, prompts removed, with the document line of its first line.
        public var firstLine: Int
        public var source: String
        /// What the session showed, with its document lines (empty when nothing).
        public var shown: [String]
        public var shownFirstLine: Int?
        public var shownLastLine: Int?
    }

    public var examples: [Example]

    /// True when the first line with text starts with a `>>>` prompt.
    public static func isSession(_ lines: [(line: Int, text: String)]) -> Bool {
        lines.first { !$0.text.trimmingWhitespace().isEmpty && !$0.text.trimmingWhitespace().hasPrefix("#") }
            .map { isPrompt($0.text.trimmingWhitespace(), ">>>") } ?? false
    }

    public init(_ lines: [(line: Int, text: String)]) {
        var examples: [Example] = []
        var index = 0
        while index < lines.count {
            let text = lines[index].text
            let stripped = text.drop { $0 == " " || $0 == "\t" }
            guard Self.isPrompt(String(stripped), ">>>") else { index += 1; continue }
            let indent = text.count - stripped.count
            var source = [Self.afterPrompt(String(stripped))]
            let firstLine = lines[index].line
            index += 1
            while index < lines.count {
                let next = String(lines[index].text.dropFirst(min(indent, Self.leadingSpaces(lines[index].text))))
                guard Self.isPrompt(next, "...") else { break }
                source.append(Self.afterPrompt(next))
                index += 1
            }
            var shown: [(Int, String)] = []
            while index < lines.count {
                let next = String(lines[index].text.dropFirst(min(indent, Self.leadingSpaces(lines[index].text))))
                if Self.isPrompt(next.trimmingWhitespace(), ">>>") { break }
                if next.trimmingWhitespace().isEmpty {
                    // doctest ends the output at a blank line; a transcript in a code
                    // block goes on, as the REPL shows it (`print("a\n\nb")`, a chained
                    // traceback), when more output follows before the next prompt.
                    // Not when a remark (`# but`) or the next prompt comes first, and
                    // only where output can hold a blank line: what a print wrote, or
                    // a traceback (a value's echo never does; code after it is not output).
                    let following = lines[index...].first { !$0.text.trimmingWhitespace().isEmpty }?.text.trimmingWhitespace()
                    let canHoldBlank = source.joined(separator: "\n").contains("print")
                        || shown.contains { $0.1.hasPrefix("Traceback (most recent call last)") }
                    guard canHoldBlank, !shown.isEmpty, let following, !Self.isPrompt(following, ">>>"), !following.hasPrefix("#") else { break }
                }
                // doctest's marker for a blank line of output, which would end it.
                shown.append((lines[index].line, next.trimmingWhitespace() == "<BLANKLINE>" ? "" : next))
                index += 1
            }
            examples.append(Example(firstLine: firstLine, source: source.joined(separator: "\n") + "\n",
                                    shown: shown.map(\.1), shownFirstLine: shown.first?.0, shownLastLine: shown.last?.0))
        }
        self.examples = examples
    }

    /// Where a session starts in a block that begins with code (`def f(): …`,
    /// then `>>> f()`): the index of its first unindented `>>>` line, or nil when
    /// the block has no such line after code.
    public static func sessionStart(_ lines: [(line: Int, text: String)]) -> Int? {
        guard let first = lines.firstIndex(where: { !$0.text.trimmingWhitespace().isEmpty }),
              !isPrompt(lines[first].text.trimmingWhitespace(), ">>>") else { return nil }
        let indent = lines[first].text.prefix { $0 == " " }.count
        return lines.indices.first { index in
            index > first && lines[index].text.prefix { $0 == " " }.count == indent
                && isPrompt(String(lines[index].text.dropFirst(indent)), ">>>")
        }
    }

    /// `>>> x` or a bare `>>>` (an empty input line).
    static func isPrompt(_ text: String, _ prompt: String) -> Bool {
        text == prompt || text.hasPrefix(prompt + " ")
    }

    static func afterPrompt(_ text: String) -> String {
        text.count <= 4 ? "" : String(text.dropFirst(4))
    }

    private static func leadingSpaces(_ text: String) -> Int { text.prefix { $0 == " " }.count }

    /// What an example showed as a traceback: the exception it documents.
    /// A traceback starts `Traceback (most recent call last):`, or, for a syntax
    /// error, `File "<stdin>", line 1`; its last line names the exception.
    /// Guides often show only that last line (`TypeError: unhashable type: 'list'`).
    public static func documentedException(_ shown: [String]) -> (type: String, message: String?)? {
        guard let first = shown.first?.trimmingWhitespace(), let last = shown.last?.trimmingWhitespace() else { return nil }
        let traceback = first.hasPrefix("Traceback (most recent call last)") || first.hasPrefix("File \"")
        guard traceback || shown.count == 1 else { return nil }
        guard let raised = CommentText.exception(in: last, anyName: traceback) else { return nil }
        // One line of text is a traceback's last line only when it names a message or reads as an exception name alone.
        return traceback || raised.message != nil || last == raised.type ? raised : nil
    }

    /// Lines of shown output that are the author's remarks, not output
    /// (`# prints nothing`, `# so far so good`): left out of what is compared.
    /// A remark at the end of a line (`104  # as expected`) goes too.
    public static func withoutRemarks(_ lines: [String]) -> [String] {
        lines.filter { !$0.trimmingWhitespace().hasPrefix("#") }.map { line in
            guard let remark = line.range(of: "  #") else { return line }
            return String(line[..<remark.lowerBound]).trimmingWhitespace().isEmpty ? line
                : String(line[..<remark.lowerBound].reversed().drop { $0 == " " }.reversed())
        }
    }

    /// An IPython magic or shell escape (`%timeit …`, `!pip …`): not Python.
    public static func isMagic(_ source: String) -> Bool {
        let first = source.trimmingWhitespace()
        return first.hasPrefix("%") || first.hasPrefix("!")
    }
}
