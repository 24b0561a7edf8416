import Foundation
import GuideModel
import Harness

/// `guidecheck bench --compare OLD.json NEW.json`: per claim, how its figure
/// changed with an interval, whether the change is significant, and how its
/// verdict changed.
public enum BenchComparison {
    public static func render(old: BenchDocument, new: BenchDocument, filter: String? = nil) -> String {
        var lines: [String] = []
        if old.python != new.python || old.machine.cpu != new.machine.cpu || old.machine.cores != new.machine.cores {
            lines.append("note: the runs differ in Python or machine: \(describe(old)) → \(describe(new))")
        }
        var rows = [["benchmark", "old", "new", "change (95 % interval)", "", "verdict"]]
        var significant = 0
        let olds = Dictionary(old.claims.map { ($0.benchmark, $0) }, uniquingKeysWith: { first, _ in first })
        for claim in new.claims {
            if let filter, !filter.isEmpty, !claim.benchmark.contains(filter), claim.question.lowercased() != filter.lowercased() { continue }
            guard let before = olds[claim.benchmark] else {
                rows.append([claim.benchmark, "–", claim.measuredText, "new benchmark", "", claim.verdict.rawValue])
                continue
            }
            let verdict = before.verdict == claim.verdict ? claim.verdict.rawValue : "\(before.verdict.rawValue) → \(claim.verdict.rawValue)"
            let pairs: [(String, [Double], [Double])] = claim.conditions.isEmpty
                ? [(claim.benchmark, before.perProcess, claim.perProcess)]
                : claim.conditions.map { condition in
                    (claim.benchmark + " [\(condition.name)]", before.conditions.first { $0.name == condition.name }?.perProcess ?? [],
                     condition.perProcess)
                }
            for (index, (name, oldFigures, newFigures)) in pairs.enumerated() {
                let oldText = index == 0 ? before.measuredText : ""
                let newText = index == 0 ? claim.measuredText : ""
                guard let change = Change.between(old: oldFigures, new: newFigures) else {
                    let same = before.observed != nil && before.observed == claim.observed
                    rows.append([name, oldText, newText, same ? "unchanged" : "no interval (fewer than two figures)", "", index == 0 ? verdict : ""])
                    continue
                }
                if change.isSignificant { significant += 1 }
                rows.append([name, oldText, newText, describe(change), change.isSignificant ? "significant" : "not significant",
                             index == 0 ? verdict : ""])
            }
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max()! }
        var table = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        table.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        lines += table
        lines.append("\(rows.count - 1) figures compared, \(significant) changed significantly (Welch's t on the per-process figures)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `−13 % [−20 %, −6 %]` for a factor, `+0.05 [−0.02, 0.12]` for a difference.
    static func describe(_ change: Change) -> String {
        if change.isFactor {
            func percent(_ factor: Double) -> String { String(format: "%+.1f %%", (factor - 1) * 100) }
            return "\(percent(change.value)) [\(percent(change.low)), \(percent(change.high))]"
        }
        return String(format: "%+.3g [%+.3g, %+.3g]", change.value, change.low, change.high)
    }

    private static func describe(_ document: BenchDocument) -> String {
        "Python \(document.python), \(document.machine.cores) cores, \(document.machine.cpu)"
    }
}
