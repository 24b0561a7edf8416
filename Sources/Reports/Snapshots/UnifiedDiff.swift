import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// A unified diff (`diff -u`) between two texts, with three lines of context.
public enum UnifiedDiff {
    public struct Hunk: Sendable, Equatable {
        /// First line in the old and new text (1-based; for an empty range, the
        /// line before it, as `diff -u` writes it).
        public var oldStart: Int
        public var oldCount: Int
        public var newStart: Int
        public var newCount: Int
        public var lines: [String]

        public var header: String { "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@" }
    }

    /// One line of the edit script, with its 0-based place in both texts.
    private struct Step {
        enum Kind { case same, removed, inserted }
        var kind: Kind
        var old: Int
        var new: Int
        var text: String
    }

    public static func hunks(from old: String, to new: String, context: Int = 3) -> [Hunk] {
        let a = lines(of: old)
        let b = lines(of: new)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var script: [Step] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                script.append(Step(kind: .removed, old: i, new: j, text: a[i])); i += 1
            } else if j < b.count, inserted.contains(j) {
                script.append(Step(kind: .inserted, old: i, new: j, text: b[j])); j += 1
            } else {
                script.append(Step(kind: .same, old: i, new: j, text: a[i])); i += 1; j += 1
            }
        }
        var hunks: [Hunk] = []
        var index = 0
        while index < script.count {
            guard script[index].kind != .same else { index += 1; continue }
            let start = max(0, index - context)
            // The hunk runs on while changes are less than 2 × context lines apart.
            var lastChange = index
            var cursor = index + 1
            while cursor < script.count, cursor - lastChange <= 2 * context {
                if script[cursor].kind != .same { lastChange = cursor }
                cursor += 1
            }
            let stop = min(script.count, lastChange + context + 1)
            let steps = script[start..<stop]
            let oldCount = steps.filter { $0.kind != .inserted }.count
            let newCount = steps.filter { $0.kind != .removed }.count
            let first = steps.first!
            hunks.append(Hunk(
                oldStart: oldCount == 0 ? first.old : first.old + 1, oldCount: oldCount,
                newStart: newCount == 0 ? first.new : first.new + 1, newCount: newCount,
                lines: steps.map { step in
                    switch step.kind {
                    case .same: return " " + step.text
                    case .removed: return "-" + step.text
                    case .inserted: return "+" + step.text
                    }
                }))
            index = stop
        }
        return hunks
    }

    /// The diff as `diff -u` prints it; empty when the texts are equal.
    public static func render(from old: String, to new: String, oldName: String, newName: String) -> String {
        let hunks = hunks(from: old, to: new)
        guard !hunks.isEmpty else { return "" }
        var lines = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks {
            lines.append(hunk.header)
            lines += hunk.lines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Lines without the final newline's empty remainder.
    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
