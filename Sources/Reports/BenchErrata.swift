import Foundation
import GuideModel
import Harness

/// The benchmarks' part of the errata (`report --bench-json`): every
/// performance or memory claim that was not reproduced, with its quote, what
/// was measured and why.
public enum BenchErrata {
    public static func render(_ document: BenchDocument) -> String {
        let open = document.claims.filter { $0.verdict != .reproduced }
        guard !open.isEmpty else { return "" }
        var out: [String] = []
        for (question, claims) in Dictionary(grouping: open, by: \.question).sorted(by: { Errata.questionOrder($0.key, $1.key) }) {
            out.append("\(question) (benchmarks)")
            for claim in claims {
                let place = claim.guideLine.map { "\(claim.guideFile ?? "guide"):\($0)" } ?? claim.benchmark
                out.append("  \(place)  \(claim.verdict.rawValue)  (benchmark \(claim.benchmark))")
                out.append("      documented   \(claim.claim)")
                out.append("      measured     \(claim.measuredText)")
                if let reason = claim.reason { out.append("      why          \(reason)") }
            }
            out.append("")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
