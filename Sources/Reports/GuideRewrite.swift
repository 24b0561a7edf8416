import Foundation
import GuideModel
import Judge

/// `update --rewrite-comments`: the guide's wrong documented results rewritten
/// with what Python produced, after pytest-examples' `--update-examples`.
///
/// Only the documented text of a wrong claim changes: the value inside its
/// comment (`print(x)  # 11` → `# 10`, any explanation after it kept), the lines
/// of an output block or of a `>>>` example's output (their indentation kept).
/// Everything else stays byte for byte. Claims that vary between runs, that
/// raised instead of producing a result, or that never ran are left alone.
public enum GuideRewrite {
    /// One document's new text.
    public struct Edit: Sendable, Equatable {
        public var document: String
        public var original: String
        public var rewritten: String
        /// The claims rewritten, by guide line.
        public var lines: [Int]
    }

    public static func edits(for results: [ClaimResult], read: (String) -> String?) -> [Edit] {
        let wrong = results.filter { result in
            result.verdict == .wrong && !result.variesBetweenRuns && result.claim.notCheckable == nil
                && !result.observed.hasPrefix("raised ") && !result.observed.isEmpty
                && [.value, .output, .block, .session].contains(result.claim.kind)
        }
        var edits: [Edit] = []
        for (document, claims) in Dictionary(grouping: wrong, by: \.claim.location.document).sorted(by: { $0.key < $1.key }) {
            guard let text = read(document) else { continue }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var done: [Int] = []
            // Bottom up, so a block of another length does not move the lines above.
            for result in claims.sorted(by: { $0.claim.location.firstLine > $1.claim.location.firstLine }) {
                if rewrite(result, in: &lines) { done.append(result.claim.location.firstLine) }
            }
            let rewritten = lines.joined(separator: "\n")
            if rewritten != text { edits.append(Edit(document: document, original: text, rewritten: rewritten, lines: done.sorted())) }
        }
        return edits
    }

    /// The observation as the guide would write it: addresses as `0x...`.
    static func written(_ observed: String) -> String {
        MemoryAddress.masked(observed).replacingOccurrences(of: MemoryAddress.placeholder, with: "0x...")
    }

    private static func rewrite(_ result: ClaimResult, in lines: inout [String]) -> Bool {
        let claim = result.claim
        let first = claim.location.firstLine - 1, last = claim.location.lastLine - 1
        guard first >= 0, last < lines.count else { return false }
        let observed = written(result.observed).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch claim.source {
        case .comment:
            var expected: [String]
            switch claim.expectation {
            case .text(let text): expected = [text]
            case .lines(let texts): expected = texts
            default: return false
            }
            // A result marker the program did not print stays (`# Output: 3`, not `# 3`).
            if let marked = ResultMarker.split(expected[0]), !marked.rest.isEmpty,
               !observed[0].hasPrefix(String(expected[0].dropLast(marked.rest.count))) {
                expected[0] = marked.rest
            }
            // A block headed by a marker line (`# Output:`) keeps it; the lines below are rewritten.
            var first = first
            if expected.count > 1, expected.count == last - first + 1, ResultMarker.split(expected[0])?.rest.isEmpty == true,
               !observed[0].hasPrefix(expected[0]) {
                expected.removeFirst()
                first += 1
            }
            // Comment lines: the expected text inside each `#` comment, replaced.
            guard expected.count == last - first + 1 || expected.count == 1 else { return false }
            if expected.count == 1 {
                guard let hash = lines[first].range(of: "#"), let range = lines[first].range(of: expected[0], range: hash.upperBound..<lines[first].endIndex),
                      observed.count == 1 else { return false }
                lines[first].replaceSubrange(range, with: observed[0])
                return true
            }
            guard observed.count == expected.count else { return false }
            for (offset, text) in expected.enumerated() {
                let index = first + offset
                guard let hash = lines[index].range(of: "#"),
                      let range = lines[index].range(of: text, range: hash.upperBound..<lines[index].endIndex) else { return false }
                lines[index].replaceSubrange(range, with: observed[offset])
            }
            return true
        case .outputBlock, .doctestOutput:
            let prefix = String(lines[first].prefix { $0 == " " || $0 == "\t" || $0 == ">" })
            lines.replaceSubrange(first...last, with: observed.map { prefix + $0 })
            return true
        case .check, .benchmark, .code:
            return false
        }
    }
}
