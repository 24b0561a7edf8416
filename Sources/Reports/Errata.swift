import Foundation
import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// `guidecheck report`: the guide's errata. Every claim that does not simply
/// hold, wherever it was read from (a comment, an output block, a `>>>` example,
/// a check), grouped by question (or by the heading it falls under), placed at
/// its guide line, with what was documented and what was observed.
public enum Errata {
    public static func render(_ report: VerificationReport, snippetsDirectory: String) -> String {
        var groups: [String: [String]] = [:]
        var order: [String] = []
        func add(_ group: String, _ lines: [String]) {
            if groups[group] == nil { order.append(group) }
            groups[group, default: []] += lines
        }
        for result in report.snippets.sorted(by: { $0.snippet.name < $1.snippet.name }) {
            if let problem = result.problem {
                let place = result.snippet.guideProgram == nil ? "\(snippetsDirectory)/\(result.snippet.name)" : result.snippet.path
                add(group(of: result, line: nil), ["  \(place): \(result.status.rawValue): \(problem)"])
            }
            for claim in result.claims where claim.verdict != .holds {
                add(group(of: result, line: claim.claim.location.firstLine), entry(claim, topic: result.snippet.entry?.topic))
            }
        }
        var out: [String] = []
        for name in order.sorted(by: questionOrder) {
            out.append(report.questionTitles[name].map { "\(name). \($0)" } ?? name)
            out += groups[name]!
            out.append("")
        }
        let counts = Verdict.allCases.map { "\(report.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        out.append("\(counted(report.snippets.count, "snippet")), \(counted(report.claimCount, "claim")): \(counts) (Python \(report.python))")
        return out.joined(separator: "\n")
    }

    /// The question a claim belongs to: the snippet's, or for a document read
    /// directly, the heading its line falls under.
    static func group(of result: SnippetResult, line: Int?) -> String {
        if let program = result.snippet.guideProgram {
            if let question = program.question { return question }
            let section = line.flatMap(program.section(of:))
            return "\(result.snippet.name)" + (section.map { " · \($0)" } ?? "")
        }
        return result.snippet.question
    }

    static func entry(_ claim: ClaimResult, topic: String?) -> [String] {
        let where_ = "\(claim.claim.location.document):\(claim.claim.location.firstLine)"
        let source = claim.claim.source == .comment ? "" : ", \(claim.claim.source.rawValue)"
        var lines = ["  \(where_)  \(claim.verdict.rawValue)  (\(claim.claim.kind.rawValue)\(source)\(topic.map { ", \($0)" } ?? ""))",
                     "      documented   \(oneLine(claim.claim.documented))"]
        switch claim.verdict {
        case .notCheckable:
            lines.append("      reason       \(claim.reason ?? "")")
        case .contextDependent where claim.variesBetweenRuns || claim.claim.source == .check:
            if claim.claim.source != .check { lines.append("      observed     \(oneLine(claim.observed))") }
            lines.append("      why          \(claim.reason ?? "")")
        case .contextDependent:
            lines.append("      as a module  \(oneLine(claim.observed))")
            lines.append("      interactive  \(oneLine(claim.observedInteractive ?? claim.observed))")
            if let reason = claim.reason, claim.claim.target.isSpans { lines.append("      why          \(reason)") }
        case .normalised:
            lines.append("      observed     \(oneLine(claim.observed))")
            lines.append("      after        \(claim.reason.map { $0.replacingOccurrences(of: "holds after: ", with: "") } ?? claim.normalisationLabels.joined(separator: "; "))")
        default:
            lines.append("      observed     \(oneLine(claim.observed))")
            if let reason = claim.reason, !reason.hasPrefix("observed") { lines.append("      why          \(reason)") }
        }
        return lines
    }

    /// Q1 … Q30, then the rest by name.
    static func questionOrder(_ a: String, _ b: String) -> Bool {
        func key(_ name: String) -> (Int, String) {
            let digits = name.dropFirst().prefix(while: \.isNumber)
            return name.hasPrefix("Q") && !digits.isEmpty ? (Int(digits)!, name) : (999, name)
        }
        return key(a) < key(b)
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ⏎ ")
    }
}

extension ClaimTarget {
    var isSpans: Bool { if case .spans = self { return true } else { return false } }
}
