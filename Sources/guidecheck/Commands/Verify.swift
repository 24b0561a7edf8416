import ArgumentParser
import GuideModel
import Reader
import Reports
import Verifier

/// `guidecheck verify`: rerun everything and compare with `expected/`.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every snippet and fail when anything differs from expected/.",
        discussion: """
            Each snippet runs as a module and statement by statement, in worker processes \
            embedding CPython; every claim gets a verdict. The results are compared with the \
            accepted files in expected/: any difference is printed as a unified diff and the \
            exit status is 1. Missing or malformed files are reported with the command that \
            fixes them.

            Examples:
              guidecheck verify
              guidecheck verify --filter q05 --json results.json
              guidecheck verify --junit junit.xml --format markdown
              guidecheck verify --shard 2/4 --json shard-2.json
              guidecheck verify --strict
            """)

    @Argument(help: ArgumentHelp("Only snippets whose file name contains this text or matches this glob (as --filter).", valueName: "filter"))
    var pattern: String?

    @OptionGroup var options: VerificationOptions

    @Flag(help: "Also fail on every claim that is wrong or context-dependent, whatever expected/ holds, and on stale expected/ files: what CI should run. To accept a known erratum, annotate it not_checkable, with the reason, in the manifest.")
    var strict = false

    func run() throws {
        let corpus: SnippetCorpus
        let report: VerificationReport
        do { (corpus, report) = try VerificationSession.run(options, filter: pattern) } catch let failure as CommandFailure { Self.exit(with: failure) }
        let store = SnapshotStore(directory: options.expected)
        let renderer = SnapshotRenderer(python: report.python)
        let text = options.outputs.format == .text
        var differing: [String] = []
        var comparisons: [String: VerificationDocument.ExpectedComparison] = [:]
        var claimDiffs: [String: [String?]] = [:]
        for result in report.snippets {
            let rendered: String
            do { rendered = try renderer.render(result) } catch { Self.exit(with: CommandFailure(message: "\(error)", exitCode: .configuration)) }
            let path = store.path(for: result.snippet)
            let comparison = store.compare(rendered, for: result.snippet)
            switch comparison {
            case .same:
                comparisons[result.snippet.name] = .init(path: path, status: .same, diff: nil)
                continue
            case .missing:
                comparisons[result.snippet.name] = .init(path: path, status: .missing, diff: nil)
                printError("\(path): missing; run `\(options.command("update", filter: result.snippet.stem))` to create it")
            case .malformed(let reason):
                comparisons[result.snippet.name] = .init(path: path, status: .malformed, diff: reason)
                printError("\(path):1: not a guidecheck result file (\(reason)); run `\(options.command("update", filter: result.snippet.stem))` to regenerate it")
            case .differs(let diff):
                comparisons[result.snippet.name] = .init(path: path, status: .differs, diff: diff)
                claimDiffs[result.snippet.name] = ClaimBlocks.diffs(accepted: store.accepted(for: result.snippet) ?? "", rendered: rendered, name: path)
                if text {
                    print("\(result.snippet.path): this run differs from \(path):")
                    print(Style.diff(diff), terminator: "")
                }
            }
            differing.append(result.snippet.name)
        }
        for problem in corpus.problems { printError("\(problem)") }
        // Result files of snippets that are gone: stale, and said so (a filtered
        // or sharded run sees only part of the folder, so it cannot tell).
        var stale: [String] = []
        if options.filter == nil && pattern == nil && options.shard == nil {
            stale = store.staleFiles(keeping: Set(corpus.snippets.map(\.stem)))
            for path in stale { printError("\(path): no snippet of that name; `\(options.command("update"))` removes it") }
        }
        let document = VerificationDocument(report, expected: comparisons, claimDiffs: claimDiffs)
        do {
            try ReportOutputs.write(document, command: "verify", outputs: options.outputs, snippets: options.snippets,
                                    updateCommand: options.command("update"))
        } catch let failure as CommandFailure { Self.exit(with: failure) }
        let summary = Summary(report)
        // A check that errored is guidecheck's own file to fix, accepted or not.
        let broken = report.snippets.flatMap { result in result.claims.filter { $0.verdict == .brokenCheck }.map { (result, $0) } }
        for (_, claim) in broken {
            printError("\(claim.claim.location.document):\(claim.claim.location.firstLine): broken check: \(claim.reason ?? "")")
        }
        // --strict: a guide kept correct fails on every claim that does not hold,
        // accepted in expected/ or not, and on stale result files.
        let failing = strict ? report.snippets.flatMap(\.claims).filter { $0.verdict.standing == .fails } : []
        for claim in failing {
            printError("\(claim.claim.location.document):\(claim.claim.location.firstLine): \(claim.verdict.rawValue) (--strict): \(claim.claim.documented.replacingOccurrences(of: "\n", with: " ⏎ "))")
        }
        if differing.isEmpty && corpus.problems.isEmpty && broken.isEmpty && (stale.isEmpty || !strict) && failing.isEmpty {
            if text && !options.quiet { print("verified \(summary.text): all as in \(options.expected)/") }
            return
        }
        if !differing.isEmpty {
            printError("\(differing.count) of \(counted(report.snippets.count, "snippet")) \(differing.count == 1 ? "differs" : "differ") from \(options.expected)/ (\(summary.text)); review the diffs, then `\(options.command("update"))` to accept them")
        }
        throw ExitCode(ExitStatus.failure.rawValue)
    }
}

/// `62 snippets, 140 claims (100 holds, …), Python 3.11.2, 12.3 s`
struct Summary {
    let text: String

    init(_ report: VerificationReport) {
        let verdicts = Verdict.allCases.compactMap { verdict -> String? in
            let count = report.count(verdict)
            return count == 0 ? nil : "\(count) \(verdict.rawValue)"
        }
        let detail = verdicts.isEmpty ? "" : " (\(verdicts.joined(separator: ", ")))"
        text = "\(counted(report.snippets.count, "snippet")), \(counted(report.claimCount, "claim"))\(detail), Python \(report.python)"
    }
}
