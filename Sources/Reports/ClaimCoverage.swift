import Foundation
import GuideModel
import Reader

/// `report --coverage`: the paragraphs of each answer of the guide that hold no
/// claim (no comment, output, check or benchmark is placed on any of their
/// lines), so a reviewer sees what was not checked.
public enum ClaimCoverage {
    public struct Paragraph: Sendable, Equatable {
        public var question: String
        public var firstLine: Int
        public var lastLine: Int
        public var text: String
    }

    /// - Parameters:
    ///   - claimed: every guide line a claim is placed on.
    ///   - code: the guide's code regions (not prose).
    public static func unclaimed(lines: [String], claimed: Set<Int>, code: [ClosedRange<Int>]) -> [Paragraph] {
        let headings = Guide.questionLines(lines)
        let inCode = Set(code.flatMap { Array($0) })
        var found: [Paragraph] = []
        var start: Int?
        func close(_ end: Int) {
            guard let first = start else { return }
            start = nil
            guard let question = headings.last(where: { $0.line <= first })?.question else { return }  // before Q1
            let range = first...end
            guard !range.contains(where: claimed.contains), !headings.contains(where: { range.contains($0.line) }) else { return }
            let text = lines[(first - 1)...(end - 1)].joined(separator: " ").trimmingWhitespace()
            found.append(Paragraph(question: question, firstLine: first, lastLine: end, text: text))
        }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if line.trimmingWhitespace().isEmpty || inCode.contains(number) {
                close(number - 1)
            } else if start == nil {
                start = number
            }
        }
        close(lines.count)
        return found
    }

    public static func render(_ paragraphs: [Paragraph], guide: String, claimedParagraphs: Int) -> String {
        var out: [String] = []
        for (question, items) in Dictionary(grouping: paragraphs, by: \.question).sorted(by: { Errata.questionOrder($0.key, $1.key) }) {
            out.append("\(question): \(counted(items.count, "paragraph")) with no claim")
            for item in items {
                let text = item.text.count > 100 ? String(item.text.prefix(99)) + "…" : item.text
                out.append("  \(guide):\(item.firstLine)  \(text)")
            }
        }
        out.append("\(counted(paragraphs.count, "paragraph")) of the answers \(paragraphs.count == 1 ? "holds" : "hold") no claim; \(counted(claimedParagraphs, "paragraph")) \(claimedParagraphs == 1 ? "holds" : "hold") at least one")
        return out.joined(separator: "\n")
    }
}
