import Foundation

/// A named way in which documented text may differ from what Python printed
/// and still say the same thing. Every one used is reported by name; nothing
/// is relaxed silently.
public enum Normalisation: String, Codable, Sendable, CaseIterable {
    /// `'zeroth'` documented, `zeroth` printed: the comment shows the repr of a
    /// string that print() shows without quotes.
    case reprQuotes = "repr quotes"
    /// `<class 'D'>` documented, `<class '__main__.D'>` printed.
    case mainQualification = "__main__ qualification"
    /// `0x...` in the comment stands for any memory address (and the detail a
    /// repr prints after it, up to the next documented character).
    case memoryAddress = "memory address"
    /// `~N` is within ±10 % of the printed number.
    case approximately = "approximately (±10 %)"
    /// `0, 1, 2` documented, three lines printed.
    case commaJoinedLines = "comma-joined lines"
    /// A number of seconds stands for any number of seconds (opt-in per claim:
    /// durations are this machine's; the benchmarks compare them).
    case duration = "duration"

    /// The tolerance `~` allows.
    public static let approximateTolerance = 0.10

    /// Normalisations a claim must be allowed explicitly (`normalise:` in the manifest).
    static let optIn: Set<Normalisation> = [.duration]

    static func named(_ name: String) -> Normalisation? {
        allCases.first { $0.rawValue == name || "\($0)" == name || $0.rawValue.hasPrefix(name) }
    }
}

/// Compares documented text with observed text, using the fewest normalisations.
enum TextMatcher {
    enum Match: Equatable {
        case exact
        case normalised([Normalisation])
        case different
    }

    static func compare(documented: String, observed: String, allowing extra: Set<Normalisation> = []) -> Match {
        let documented = documented.trimmingWhitespace()
        let observed = trimmedOutput(observed)
        if documented == observed { return .exact }
        let candidates = Normalisation.allCases.filter { !Normalisation.optIn.contains($0) || extra.contains($0) }
            .filter { applies($0, documented: documented, observed: observed) }
        // Smallest set first, so the report names only what was needed.
        for size in 1...max(1, candidates.count) {
            for subset in combinations(of: candidates, size: size) where matches(documented, observed, using: subset) {
                return .normalised(subset)
            }
        }
        return .different
    }

    /// Output without its final newline(s); what a comment shows of it.
    static func trimmedOutput(_ text: String) -> String {
        var text = text
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }

    private static func applies(_ normalisation: Normalisation, documented: String, observed: String) -> Bool {
        switch normalisation {
        case .reprQuotes: return documented.count >= 2 && (documented.first == "'" || documented.first == "\"")
        case .mainQualification: return observed.contains("__main__.")
        case .memoryAddress: return documented.contains("0x...") || documented.contains("0x…")
        case .approximately: return documented.hasPrefix("~")
        case .commaJoinedLines: return observed.contains("\n") && documented.contains(", ")
        case .duration: return observed.range(of: #"\d+(\.\d+)?s"#, options: .regularExpression) != nil
        }
    }

    private static func matches(_ documented: String, _ observed: String, using normalisations: [Normalisation]) -> Bool {
        var documented = documented
        var observed = observed
        let set = Set(normalisations)
        if set.contains(.approximately) {
            return approximatelyEqual(documented, observed)
        }
        if set.contains(.mainQualification) {
            observed = observed.replacingOccurrences(of: "'__main__.", with: "'")
                .replacingOccurrences(of: "<__main__.", with: "<")
        }
        if set.contains(.commaJoinedLines) {
            observed = observed.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: ", ")
        }
        if set.contains(.reprQuotes) {
            documented = unquoted(documented) ?? documented
        }
        if set.contains(.duration) {
            let seconds = #"\d+(\.\d+)?s\b"#
            documented = documented.replacingOccurrences(of: seconds, with: "<seconds>", options: .regularExpression)
            observed = observed.replacingOccurrences(of: seconds, with: "<seconds>", options: .regularExpression)
        }
        if set.contains(.memoryAddress) {
            guard let pattern = addressPattern(documented) else { return false }
            return pattern.firstMatch(in: observed, range: NSRange(observed.startIndex..., in: observed)) != nil
        }
        return documented == observed
    }

    /// `'zeroth'` → `zeroth`, when it is one plain quoted string.
    private static func unquoted(_ text: String) -> String? {
        guard let quote = text.first, quote == "'" || quote == "\"", text.last == quote, text.count >= 2 else { return nil }
        let inner = text.dropFirst().dropLast()
        return inner.contains(quote) ? nil : String(inner)
    }

    /// `~800,056 bytes` against `800056`: within the tolerance.
    private static func approximatelyEqual(_ documented: String, _ observed: String) -> Bool {
        guard let approximate = CommentText.approximate(documented),
              let value = Double(observed.filter { $0 != "," && $0 != "_" }.trimmingWhitespace()) else { return false }
        guard approximate.value != 0 else { return value == 0 }
        return abs(value - approximate.value) / abs(approximate.value) <= Normalisation.approximateTolerance
    }

    /// The documented text as a whole-string pattern where `0x...` matches an
    /// address and whatever follows it up to the next documented character.
    private static func addressPattern(_ documented: String) -> NSRegularExpression? {
        let parts = documented.replacingOccurrences(of: "0x…", with: "0x...").components(separatedBy: "0x...")
        let pattern = "^" + parts.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "0x[0-9a-fA-F]+.*?") + "$"
        return try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
    }

    private static func combinations<T>(of items: [T], size: Int) -> [[T]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        var result: [[T]] = []
        for (index, item) in items.enumerated() {
            for rest in combinations(of: Array(items[(index + 1)...]), size: size - 1) {
                result.append([item] + rest)
            }
        }
        return result
    }
}
