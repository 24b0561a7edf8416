import GuideModel

/// What a guide author says about the next code block in an HTML comment, which
/// renders invisibly on every Markdown host (after Sybil and phmdoctest):
///
///     <!-- guidecheck: skip -->
///     <!-- guidecheck: new-namespace; fixtures network; timeout 5 -->
public struct BlockControls: Sendable, Equatable {
    /// Not run; counted and reported as skipped.
    public var skip = false
    /// The block starts a program of its own (a fresh namespace).
    public var newNamespace = false
    /// Fixtures its program needs.
    public var fixtures: [String] = []
    /// Seconds its program's runs may take.
    public var timeout: Double?

    public init() {}

    public static let prefix = "guidecheck:"

    /// The controls in an HTML block, or nil when it holds none; a control that
    /// is not one of these is an error naming the line.
    public static func parse(_ html: String, line: Int, file: String) throws -> BlockControls? {
        let text = html.trimmingWhitespace()
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return nil }
        let body = text.dropFirst(4).dropLast(3).trimmingWhitespace()
        guard body.hasPrefix(prefix) else { return nil }
        var controls = BlockControls()
        for directive in body.dropFirst(prefix.count).split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let words = directive.split(separator: " ").map(String.init)
            guard let name = words.first else { continue }
            let arguments = Array(words.dropFirst())
            switch name {
            case "skip": controls.skip = true
            case "new-namespace": controls.newNamespace = true
            case "fixtures", "fixture": controls.fixtures += arguments
            case "timeout":
                guard let seconds = arguments.first.flatMap(Double.init), seconds > 0 else {
                    throw CorpusError(file: file, line: line, message: "`timeout` needs a number of seconds, such as `timeout 5`")
                }
                controls.timeout = seconds
            default:
                throw CorpusError(file: file, line: line,
                                  message: "unknown guidecheck control '\(name)'; known: skip, new-namespace, fixtures NAME…, timeout SECONDS")
            }
        }
        return controls
    }
}

/// A version condition an output's introduction attaches: `Output (Python 3.8+):`,
/// `(> 3.8)`, `(< Python3.7 )`, `(Python 2.x)`, `(<= 3.7.x)`, `(Python 2.7- Python 3.5)`.
public struct VersionCondition: Sendable, Equatable, CustomStringConvertible {
    public enum Comparison: String, Sendable { case below = "<", atMost = "<=", above = ">", atLeast = ">=", matches = "=" }

    public var comparison: Comparison
    public var version: [Int]
    /// For a range (`2.7- 3.5`): its upper end.
    public var upTo: [Int]?
    public var written: String

    /// `Python 2.x`, `Python < 3.7`, `Python 3.8, other versions may vary`: the
    /// words written, with "Python" once in front (`(Python 2.x)` and
    /// `(< Python3.7)` alike).
    public var description: String {
        var text = written
        if let python = text.range(of: "Python"), let digit = text.firstIndex(where: \.isNumber), python.upperBound <= digit {
            text.replaceSubrange(python, with: " ")
        }
        return "Python " + text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The condition in `text` (an introduction's words), or nil when it names no version.
    public init?(_ text: String) {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return nil }
        let inside = String(text[text.index(after: open)..<close]).trimmingWhitespace()
        let versions = Self.versions(in: inside)
        guard let first = versions.first else { return nil }
        written = inside
        version = first.components
        let before = inside[..<first.range.lowerBound].replacingOccurrences(of: "Python", with: "").trimmingWhitespace()
        let after = inside[first.range.upperBound...].trimmingWhitespace()
        if versions.count >= 2, after.hasPrefix("-") || after.hasPrefix("to") || after.hasPrefix("–") {
            comparison = .atLeast
            upTo = versions[1].components
        } else if after.hasPrefix("+") {
            comparison = .atLeast
        } else {
            comparison = Comparison(rawValue: before.replacingOccurrences(of: "≤", with: "<=").replacingOccurrences(of: "≥", with: ">="))
                ?? .matches
        }
    }

    /// Whether a Python of `version` (`[3, 11, 2]`) is one the condition names.
    public func holds(for running: [Int]) -> Bool {
        func compare(_ a: [Int], _ b: [Int]) -> Int {
            let a = Array(a.prefix(b.count))  // 3.x compares the major version only
            for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
            return 0
        }
        let order = compare(running, version)
        let inRange = upTo.map { compare(running, $0) <= 0 } ?? true
        switch comparison {
        case .below: return order < 0
        case .atMost: return order <= 0
        case .above: return order > 0
        case .atLeast: return order >= 0 && inRange
        case .matches: return order == 0
        }
    }

    private static func versions(in text: String) -> [(components: [Int], range: Range<String.Index>)] {
        var found: [([Int], Range<String.Index>)] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isNumber else { index = text.index(after: index); continue }
            let start = index
            var components: [Int] = []
            var part = ""
            while index < text.endIndex, text[index].isNumber || text[index] == "." || text[index] == "x" {
                if text[index] == "." {
                    if let number = Int(part) { components.append(number) }
                    part = ""
                } else if text[index] != "x" {
                    part.append(text[index])
                }
                index = text.index(after: index)
            }
            if let number = Int(part) { components.append(number) }
            if !components.isEmpty { found.append((components, start..<index)) }
        }
        return found
    }
}
