/// What guides write before a result: `# Output: 3`, `# => 3`, `# -> 3`, `#> 3`,
/// `# prints: 3`, `# Returns 3`. The reader uses it to see what kind of claim a
/// comment makes; the judge, as the `result marker` normalisation, to compare the
/// text after it when the text with it is not what was printed (a program may
/// print `Result: 42` itself).
public enum ResultMarker {
    /// Each marker, whether it needs a colon (a noun: `Output: 3`; `output of f`
    /// is words), and the kind of claim it says, if it says one.
    static let markers: [(marker: String, needsColon: Bool, kind: ClaimKind?)] = [
        ("=>", false, nil), ("==>", false, nil), ("->", false, nil), (">", false, nil),
        ("output", true, .output), ("out", true, .output), ("result", true, nil),
        ("prints", false, .output), ("outputs", false, .output), ("displays", false, .output),
        ("returns", false, .value), ("gives", false, nil), ("evaluates to", false, .value),
    ]

    /// `Output: 3` → (`3`, output); `=> 3` → (`3`, nil); nil without a marker.
    /// The rest may be empty: `# Output:` on its own line before the lines.
    public static func split(_ text: String) -> (rest: String, kind: ClaimKind?)? {
        for (marker, needsColon, kind) in markers {
            guard text.count >= marker.count, text.prefix(marker.count).lowercased() == marker else { continue }
            var rest = text.dropFirst(marker.count)
            let colon = rest.first == ":"
            if colon { rest = rest.dropFirst() }
            guard colon || !needsColon, rest.isEmpty || rest.first!.isWhitespace else { continue }
            // A word marker is a word: `printsX` or `Outputs` alone are not markers.
            if marker.first!.isLetter, !colon, rest.isEmpty { continue }
            return (String(rest).trimmingWhitespace(), kind)
        }
        return nil
    }

    /// The documented lines without the marker on the first: the line dropped
    /// when it is only a marker (`Output:` above the lines), or cut after it.
    public static func stripped(_ documented: String) -> String? {
        var lines = documented.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, let marked = split(first.trimmingWhitespace()) else { return nil }
        if marked.rest.isEmpty { lines.removeFirst() } else { lines[0] = marked.rest }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
