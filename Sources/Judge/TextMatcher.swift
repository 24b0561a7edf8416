import Foundation
import GuideModel

/// Compares documented text with observed text, using the fewest normalisations.
public enum TextMatcher {
    public enum Match: Equatable {
        case exact
        case normalised([Normalisation])
        case different
    }

    /// The text normalisations, tried in this order.
    static let textual: [Normalisation] = [.reprQuotes, .mainQualification, .memoryAddress, .approximately, .commaJoinedLines,
                                           .duration, .whitespace, .ellipsis]

    /// - Parameter excluded: normalisations that do not apply here (`repr quotes`
    ///   to a transcript of what was printed).
    public static func compare(documented: String, observed: String, allowing extra: Set<Normalisation> = [],
                               excluding excluded: Set<Normalisation> = []) -> Match {
        let documented = documented.trimmingWhitespace()
        let observed = trimmedOutput(observed)
        if documented == observed { return .exact }
        let candidates = textual.filter { (!Normalisation.optIn.contains($0) || extra.contains($0)) && !excluded.contains($0) }
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
    public static func trimmedOutput(_ text: String) -> String {
        var text = text
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }

    private static func applies(_ normalisation: Normalisation, documented: String, observed: String) -> Bool {
        switch normalisation {
        case .reprQuotes: return documented.count >= 2 && (documented.first == "'" || documented.first == "\"")
        case .mainQualification: return observed.contains("__main__.")
        case .memoryAddress:
            return documented.contains("0x...") || documented.contains("0x…")
                || (documented.range(of: concreteAddress, options: .regularExpression) != nil
                    && observed.range(of: concreteAddress, options: .regularExpression) != nil)
        case .whitespace:
            return documented.contains { $0.isWhitespace } || observed.contains { $0.isWhitespace }
        case .ellipsis: return documented.replacingOccurrences(of: "0x...", with: "").contains("...")
        // Numbers written with decimals are `rounded`, not approximated.
        case .approximately: return ApproximateNumber(documented).map { $0.decimals == 0 || $0.scaled } ?? false
        case .commaJoinedLines: return observed.contains("\n") && documented.contains(", ")
        case .duration: return observed.range(of: #"\d+(\.\d+)?s"#, options: .regularExpression) != nil
        case .exceptionSubclass, .exceptionMessagePrefix, .manifestReading, .equalValue, .rounded, .printedForm,
             .valueNotOutput, .valueAfterOutput, .undocumentedWarning, .classByName, .resultMarker: return false
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
        if set.contains(.whitespace) {
            documented = collapsed(documented)
            observed = collapsed(observed)
        }
        if set.contains(.memoryAddress) || set.contains(.ellipsis) {
            guard let pattern = pattern(documented, addresses: set.contains(.memoryAddress), ellipsis: set.contains(.ellipsis))
            else { return false }
            return pattern.firstMatch(in: observed, range: NSRange(observed.startIndex..., in: observed)) != nil
        }
        return documented == observed
    }

    /// Every run of whitespace as one space, none at the ends, except inside a
    /// quoted string (`'a  b'`, `"x\ty"`, backslash escapes honoured, closed on its
    /// line), whose whitespace is data and is kept as it is. A quote that does not
    /// close on its line is an ordinary character (an apostrophe in prose).
    static func collapsed(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        var pendingSpace = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                pendingSpace = true
                index += 1
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            if character == "'" || character == "\"", let end = closingQuote(characters, from: index) {
                out += String(characters[index...end])
                index = end + 1
                continue
            }
            out.append(character)
            index += 1
        }
        return out
    }

    /// The index of the quote that closes the string opened at `start`, on the same line.
    private static func closingQuote(_ characters: [Character], from start: Int) -> Int? {
        let quote = characters[start]
        var index = start + 1
        while index < characters.count {
            switch characters[index] {
            case "\\": index += 2
            case "\n", "\r\n": return nil
            case quote: return index
            default: index += 1
            }
        }
        return nil
    }

    /// `'zeroth'` → `zeroth`, when it is one plain quoted string.
    private static func unquoted(_ text: String) -> String? {
        guard let quote = text.first, quote == "'" || quote == "\"", text.last == quote, text.count >= 2 else { return nil }
        let inner = text.dropFirst().dropLast()
        return inner.contains(quote) ? nil : String(inner)
    }

    /// `~800,056 bytes` against `800056`: within the tolerance.
    private static func approximatelyEqual(_ documented: String, _ observed: String) -> Bool {
        guard let approximate = ApproximateNumber(documented),
              let value = Double(observed.filter { $0 != "," && $0 != "_" }.trimmingWhitespace()) else { return false }
        // Bytes are counted in whole numbers: a number with a fraction is already
        // in the unit written (`size_mb  # ~80 MB` for 80.12).
        let fractional = observed.contains(".") || observed.lowercased().contains("e")
        let expected = approximate.scaled && fractional ? approximate.unscaled : approximate.value
        guard expected != 0 else { return value == 0 }
        return abs(value - expected) / abs(expected) <= Normalisation.approximateTolerance
    }

    /// An address as a repr prints one, after ` at ` (`<object object at 0x7f98a1a67fc8>`).
    static let concreteAddress = " at 0x[0-9a-fA-F]{4,}"

    /// The documented text as a whole-string pattern where `0x...` matches an
    /// address and whatever follows it up to the next documented character, an
    /// address the guide printed (` at 0x7f98a1a67fc8`) matches any address (it
    /// is different in every process), and (with `ellipsis`) `...` matches any
    /// text, lines included (`91...` for the rest of a table), except written whole as
    /// `[...]` or `{...}`: CPython's marker for a list or dict that contains
    /// itself, which only that marker matches.
    private static func pattern(_ documented: String, addresses: Bool, ellipsis: Bool) -> NSRegularExpression? {
        var pattern = "^"
        var rest = Substring(documented.replacingOccurrences(of: "0x…", with: "0x..."))
        var previous: Character?
        while !rest.isEmpty {
            if addresses, rest.hasPrefix("0x...") {
                pattern += "0x[0-9a-fA-F]+.*?"
                rest = rest.dropFirst(5)
            } else if addresses, previous == " ", pattern.hasSuffix(" at "), let address = rest.prefixMatch(of: /0x[0-9a-fA-F]{4,}/) {
                pattern += "0x[0-9a-fA-F]+"
                rest = rest[address.range.upperBound...]
            } else if ellipsis, rest.hasPrefix("..."), !isRecursionMarker(previous, rest.dropFirst(3).first) {
                pattern += ".*?"
                rest = rest.dropFirst(3)
            } else {
                pattern += NSRegularExpression.escapedPattern(for: String(rest.first!))
                previous = rest.first
                rest = rest.dropFirst()
                continue
            }
            previous = nil
        }
        return try? NSRegularExpression(pattern: pattern + "$", options: [.dotMatchesLineSeparators])
    }

    /// `[...]` or `{...}`: the `...` between `open` and `close` is CPython's recursion marker.
    private static func isRecursionMarker(_ open: Character?, _ close: Character?) -> Bool {
        (open == "[" && close == "]") || (open == "{" && close == "}")
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
