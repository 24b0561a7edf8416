import Foundation
import GuideModel

/// The lexical rules for reading a documented comment, written down once.
///
/// The README's "How comments are read" section describes exactly these rules.
enum CommentText {
    /// `# True — same` → `True — same`.
    static func body(_ comment: String) -> String {
        String(comment.drop(while: { $0 == "#" })).trimmingWhitespace()
    }

    /// Explanatory tails begin at a spaced dash or a spaced arrow pointing back:
    /// `True — same cached object`, `[1, 2]  <- surprise!`.
    static let tailSeparators = [" — ", " – ", " -- ", " <- ", " <-- "]

    /// Words that start a condition: when a value holds, not what it is.
    static let conditionWords: Set<String> = [
        "in", "on", "with", "without", "when", "if", "for", "unless", "as", "after", "before", "since", "because",
        "depending", "under", "at", "here", "now", "usually", "mostly", "often", "sometimes", "typically", "only",
        "except", "but", "once", "until", "while", "where", "whenever", "whereas", "although",
    ]

    /// `in most contexts`, `with @runtime_checkable`: words that say when, not what.
    static func saysWhen(_ words: String) -> Bool {
        words.split(separator: " ").first.map { conditionWords.contains(String($0)) } ?? false
    }

    /// Splits `True — same cached object` into `True` and `same cached object`.
    static func splitTail(_ text: String) -> (head: String, tail: String?) {
        let cut = tailSeparators.compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
        guard let cut else { return (text, nil) }
        return (String(text[..<cut.lowerBound]).trimmingWhitespace(), String(text[cut.upperBound...]).trimmingWhitespace())
    }

    /// Splits a trailing parenthetical preceded by a space: `2 (one for x, …)` →
    /// `2` and `one for x, …`. A value that is itself parenthesised, such as
    /// `(700, 10, 10)`, has nothing before it and is kept whole.
    static func splitParenthetical(_ text: String) -> (head: String, parenthetical: String?) {
        guard text.hasSuffix(")") else { return (text, nil) }
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            switch text[index] {
            case ")": depth += 1
            case "(":
                depth -= 1
                if depth == 0 {
                    guard index > text.startIndex, text[text.index(before: index)] == " " else { return (text, nil) }
                    let head = String(text[..<index]).trimmingWhitespace()
                    guard !head.isEmpty else { return (text, nil) }
                    let inner = text[text.index(after: index)..<text.index(before: text.endIndex)]
                    return (head, String(inner))
                }
            default: break
            }
        }
        return (text, nil)
    }

    /// `next(gen) → StopIteration` → [`next(gen)`, `StopIteration`].
    static func splitArrows(_ text: String) -> [String] {
        text.components(separatedBy: "→").map { $0.trimmingWhitespace() }
    }

    /// `raises ValueError`, `TypeError: unhashable type: 'list'`, `StopIteration`.
    /// With `anyName` (a traceback's last line), any capitalised name is the class.
    static func exception(in text: String, anyName: Bool = false) -> (type: String, message: String?)? {
        var rest = Substring(text)
        let said = rest.hasPrefix("raises ")
        if said { rest = rest.dropFirst("raises ".count) }
        let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
        let leaf = name.split(separator: ".").last.map(String.init) ?? ""
        // After `raises`, any class name is one (`raises CityNotFound: Atlantis`).
        guard let first = leaf.first, first.isUppercase,
              said || anyName || exceptionSuffixes.contains(where: { leaf.hasSuffix($0) }) else { return nil }
        let after = rest.dropFirst(name.count)
        if after.isEmpty { return (String(name), nil) }
        guard after.hasPrefix(":") else { return nil }
        let message = after.dropFirst().trimmingWhitespace()
        return (String(name), message.isEmpty ? nil : message)
    }

    static let exceptionSuffixes = ["Error", "Exception", "Exit", "Interrupt", "Iteration", "Warning", "Group"]

    /// `OK`, `works`: the statement raises nothing.
    static func saysNoException(_ text: String) -> Bool {
        ["OK", "Ok", "works", "Works"].contains(text)
    }

    /// `O(n)`, `O(1)`: a complexity, which timing checks, not output.
    static func isComplexity(_ text: String) -> Bool {
        text.hasPrefix("O(") && text.contains(")")
    }

    /// `a` or `an` before a statement kind, as it is read aloud (`an If`, `a For`).
    static func article(_ word: String) -> String {
        word.first.map { "AEIOUaeiou".contains($0) } == true ? "an" : "a"
    }

    /// `~48 bytes`, `~800,056 bytes`, `~1s`: a number the guide gives loosely.
    static func approximate(_ text: String) -> ApproximateNumber? { ApproximateNumber(text) }

    /// A repr that is not Python syntax: `<class 'type'>`, `(<cell at 0x...>,)`.
    static func looksLikeRepr(_ text: String) -> Bool {
        (text.contains("<") && text.contains(">")) || text.contains("0x...") || text.contains("0x…")
    }

    /// Prose, not output: a spaced dash, a full stop at the end, or a sentence: a
    /// capitalised word followed by three or more plain lowercase words
    /// (`The infinite sequence never fully materializes`, but not `B: done after 1s`
    /// nor `CacheInfo(hits=98, misses=101, …)`). Lowercase words alone are not
    /// prose: programs print them (`all targets are up to date`).
    static func isProse(_ text: String) -> Bool {
        if tailSeparators.contains(where: { text.contains($0) }) { return true }
        if text.hasSuffix(".") && !text.hasSuffix("...") { return true }
        let words = text.split(separator: " ")
        guard let first = words.first, first.count >= 2, first.allSatisfy(\.isLetter), first.first!.isUppercase else { return false }
        let plain = words.dropFirst().filter { word in word.allSatisfy { $0.isLetter && $0.isLowercase } }
        return plain.count >= 3
    }
}
