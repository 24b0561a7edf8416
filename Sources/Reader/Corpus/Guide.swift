import Foundation

/// The plain-text guide the snippets were cut from.
public struct Guide: Sendable {
    public let path: String
    public let text: String

    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusError(file: path, line: nil, message: "cannot read the guide")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CorpusError(file: path, line: nil, message: "the guide is not valid UTF-8")
        }
        self.path = path
        self.text = text
    }

    public var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// `Q5` → `What is the difference between is and ==? …`, from lines `Q5. …`.
    public var questionTitles: [String: String] {
        var titles: [String: String] = [:]
        for line in lines {
            let number = line.dropFirst().prefix(while: \.isNumber)
            guard line.hasPrefix("Q"), !number.isEmpty, line.dropFirst(1 + number.count).hasPrefix(". ") else { continue }
            titles["Q\(number)"] = titles["Q\(number)"] ?? String(line.dropFirst(3 + number.count))
        }
        return titles
    }
}
