import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// The summary a reviewer reads on a pull request: counts per verdict, the table
/// of failures, and the benchmark table. `--format markdown` prints it; on GitHub
/// Actions it is appended to `$GITHUB_STEP_SUMMARY`.
public enum MarkdownSummary {
    public static func render(verification document: VerificationDocument?, benchmarks: BenchDocument?,
                              snippetsDirectory: String) -> String {
        var lines: [String] = []
        if let document {
            lines.append("## guidecheck: \(counted(document.summary.snippets, "snippet")), \(counted(document.summary.claims, "claim")) (Python \(document.python))")
            lines.append("")
            lines.append("| verdict | claims |")
            lines.append("|---|---:|")
            for verdict in Verdict.allCases {
                lines.append("| \(verdict.symbol) \(verdict.rawValue) | \(document.summary.count(verdict)) |")
            }
            let failing = document.snippets.flatMap { snippet in
                snippet.claims.filter(\.fails).map { (snippet, $0) }
            }
            lines.append("")
            if failing.isEmpty {
                lines.append("No claim is wrong or context-dependent, and none changed.")
            } else {
                lines.append("### Claims that fail")
                lines.append("")
                lines.append("| where | verdict | documented | observed |")
                lines.append("|---|---|---|---|")
                for (snippet, claim) in failing {
                    let observed = claim.observedInteractive.map { "module: \(claim.observed); interactive: \($0)" } ?? claim.observed
                    let verdict = claim.verdict.rawValue + (claim.expectedDiff == nil ? "" : ", changed from expected/")
                    lines.append("| `\(claim.place)` | \(claim.verdict.symbol) \(verdict) | \(cell(claim.documented)) | \(cell(observed)) |")
                }
            }
            let troubled = document.snippets.filter(\.fails)
            if !troubled.isEmpty {
                lines.append("")
                lines.append("### Snippets")
                lines.append("")
                lines.append("| snippet | status | problem |")
                lines.append("|---|---|---|")
                for snippet in troubled {
                    let expected = snippet.differsFromExpected ? snippet.expected.map { "expected/ \($0.status.rawValue)" } : nil
                    let problem = [snippet.problem, expected].compactMap { $0 }.joined(separator: "; ")
                    lines.append("| `\(snippetsDirectory)/\(snippet.file)` | \(snippet.status.rawValue) | \(cell(problem)) |")
                }
            }
        }
        if let benchmarks {
            if !lines.isEmpty { lines.append("") }
            lines.append("## guidecheck bench: \(benchmarks.claims.count) claims (Python \(benchmarks.python), \(benchmarks.machine.cores) cores\(benchmarks.quick ? ", --quick" : ""))")
            lines.append("")
            lines.append("| benchmark | claim | guide | measured (95 % interval) | verdict |")
            lines.append("|---|---|---|---|---|")
            for claim in benchmarks.claims {
                let measured = claim.measuredText
                lines.append("| \(claim.benchmark) | \(cell(claim.claim)) | \(cell(claim.guide)) | \(cell(measured)) | \(claim.verdict.symbol) \(claim.verdict.rawValue) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table cell: one line, pipes escaped, long text cut.
    static func cell(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ⏎ ").replacingOccurrences(of: "|", with: "\\|")
        return flat.count > 120 ? String(flat.prefix(119)) + "…" : flat
    }
}
