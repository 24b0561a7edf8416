import GuideModel

/// Finds the guide's words a check or a benchmark quotes: verbatim, runs of
/// whitespace counted as one space; a passage spread over lines as fragments
/// joined by ` … `, each a piece of one line, in order, within 15 lines of the
/// first. Nothing looser: a quote that is not in the guide is a stale check.
public struct QuoteLocator: Sendable {
    /// The guide's lines, whitespace runs collapsed.
    let lines: [String]

    public static let separator = " … "
    public static let window = 15

    public init(lines: [String]) {
        self.lines = lines.map(Self.collapsed)
    }

    /// The first and last guide lines (1-based) of `quote` within lines
    /// `range`, or nil when it is not there.
    public func locate(_ quote: String, in range: ClosedRange<Int>? = nil) -> ClosedRange<Int>? {
        let fragments = quote.components(separatedBy: Self.separator).map(Self.collapsed).filter { !$0.isEmpty }
        guard let first = fragments.first else { return nil }
        let bounds = range ?? 1...max(1, lines.count)
        for start in bounds where start <= lines.count && lines[start - 1].contains(first) {
            var line = start
            var position = lines[start - 1].range(of: first)!.upperBound
            var matched = true
            for fragment in fragments.dropFirst() {
                // The next fragment: later on the same line, or on a line after it.
                if let found = lines[line - 1].range(of: fragment, range: position..<lines[line - 1].endIndex) {
                    position = found.upperBound
                    continue
                }
                guard let next = ((line + 1)...min(lines.count, start + Self.window)).first(where: { lines[$0 - 1].contains(fragment) }),
                      next <= bounds.upperBound else {
                    matched = false
                    break
                }
                line = next
                position = lines[next - 1].range(of: fragment)!.upperBound
            }
            if matched { return start...line }
        }
        return nil
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
