import Foundation

/// Colour for a terminal, and only for one: never when output is piped or
/// `NO_COLOR` is set (https://no-color.org). Verdicts always carry a word and a
/// symbol, so nothing depends on the colour.
enum Style {
    static let enabled: Bool = isatty(1) != 0 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty

    static func verdict(_ word: String) -> String {
        guard enabled else { return word }
        let code: String
        switch word {
        case "holds", "reproduced": code = "32"
        case "normalised": code = "36"
        case "context-dependent": code = "33"
        case "wrong", "not-reproduced", "timeout", "crashed", "error": code = "31"
        default: code = "2"
        }
        return "\u{1B}[\(code)m\(word)\u{1B}[0m"
    }

    /// Colours every verdict word in a line of report text.
    static func verdicts(in text: String) -> String {
        guard enabled else { return text }
        var result = text
        for word in ["context-dependent", "not-checkable", "not-reproduced", "normalised", "reproduced", "holds", "wrong", "inconclusive"] {
            result = result.replacingOccurrences(of: "  \(word)  ", with: "  \(verdict(word))  ")
                .replacingOccurrences(of: "  \(word)\n", with: "  \(verdict(word))\n")
        }
        return result
    }

    /// A unified diff with removed lines red and added lines green, as `git diff` shows it.
    static func diff(_ text: String) -> String {
        guard enabled else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("---") || line.hasPrefix("+++") { return "\u{1B}[1m\(line)\u{1B}[0m" }
            if line.hasPrefix("@@") { return "\u{1B}[36m\(line)\u{1B}[0m" }
            if line.hasPrefix("-") { return "\u{1B}[31m\(line)\u{1B}[0m" }
            if line.hasPrefix("+") { return "\u{1B}[32m\(line)\u{1B}[0m" }
            return String(line)
        }.joined(separator: "\n")
    }
}
