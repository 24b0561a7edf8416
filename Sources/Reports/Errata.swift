import Foundation
import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// `guidecheck report`: the guide's errata, every claim that is not `holds`,
/// grouped by question, documented against observed.
public enum Errata {
    public static func render(_ report: VerificationReport, snippetsDirectory: String) -> String {
        var out: [String] = []
        let byQuestion = Dictionary(grouping: report.snippets, by: \.snippet.question)
        let questions = byQuestion.keys.sorted { (Int($0.dropFirst()) ?? 999, $0) < (Int($1.dropFirst()) ?? 999, $1) }
        for question in questions {
            var section: [String] = []
            for result in byQuestion[question]!.sorted(by: { $0.snippet.name < $1.snippet.name }) {
                let place = "\(snippetsDirectory)/\(result.snippet.name)"
                if let problem = result.problem {
                    section.append("  \(place): \(result.status.rawValue): \(problem)")
                }
                for claim in result.claims where claim.verdict != .holds {
                    let topic = result.snippet.entry?.topic.map { ", \($0)" } ?? ""
                    section.append("  \(place):\(claim.claim.line)  \(claim.verdict.rawValue)  (\(claim.claim.kind.rawValue)\(topic))")
                    section.append("      documented   \(oneLine(claim.claim.documented))")
                    switch claim.verdict {
                    case .notCheckable:
                        section.append("      reason       \(claim.reason ?? "")")
                    case .contextDependent:
                        section.append("      as a module  \(oneLine(claim.observed))")
                        section.append("      interactive  \(oneLine(claim.observedInteractive ?? claim.observed))")
                    case .normalised:
                        section.append("      observed     \(oneLine(claim.observed))")
                        section.append("      after        \(claim.normalisationLabels.joined(separator: "; "))")
                    default:
                        section.append("      observed     \(oneLine(claim.observed))")
                        if let reason = claim.reason, !reason.hasPrefix("observed") { section.append("      why          \(reason)") }
                    }
                }
            }
            guard !section.isEmpty else { continue }
            out.append(report.questionTitles[question].map { "\(question). \($0)" } ?? question)
            out += section
            out.append("")
        }
        let counts = Verdict.allCases.map { "\(report.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        out.append("\(report.snippets.count) snippets, \(report.claimCount) claims: \(counts) (Python \(report.python))")
        return out.joined(separator: "\n")
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ⏎ ")
    }
}
