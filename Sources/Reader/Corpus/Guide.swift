import Foundation

/// The plain-text guide the snippets were cut from.
public struct Guide: Sendable {
    public let path: String
    public let text: String

    public init(path: String) throws {
        self.path = path
        self.text = try UserFile.text(at: path, what: "the guide")
    }

    public var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// `Q5` → `What is the difference between is and ==? …`, from lines `Q5. …`.
    public var questionTitles: [String: String] {
        var titles: [String: String] = [:]
        for heading in Self.questionLines(lines) where titles[heading.question] == nil {
            titles[heading.question] = heading.title
        }
        return titles
    }

    /// Where each question starts: lines `Q5. What is …`, and a last section
    /// `FAQ` from a line `Frequently Asked Questions`.
    public static func questionLines(_ lines: [String]) -> [(line: Int, question: String, title: String)] {
        var found: [(Int, String, String)] = []
        for (index, line) in lines.enumerated() {
            let number = line.dropFirst().prefix(while: \.isNumber)
            if line.hasPrefix("Q"), !number.isEmpty, line.dropFirst(1 + number.count).hasPrefix(". ") {
                found.append((index + 1, "Q\(number)", String(line.dropFirst(3 + number.count))))
            } else if line.trimmingWhitespace() == "Frequently Asked Questions" {
                found.append((index + 1, "FAQ", "Frequently Asked Questions"))
            }
        }
        return found
    }
}
