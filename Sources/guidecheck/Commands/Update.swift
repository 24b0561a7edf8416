import ArgumentParser
import Foundation
import GuideModel
import Reader
import Reports
import Verifier

/// `guidecheck update [FILTER]`: accept this run's results into `expected/`.
struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate expected/ from a fresh run and print what changed.",
        discussion: """
            Every file is written atomically (temporary file, fsync, rename), so each is \
            either as it was or fully updated. Without a filter, result files of snippets \
            that no longer exist are removed.

            Examples:
              guidecheck update
              guidecheck update q13            # only snippets matching q13
              guidecheck update --quiet
            """)

    @Argument(help: ArgumentHelp("Only snippets whose file name contains this text or matches this glob.", valueName: "filter"))
    var pattern: String?

    @OptionGroup var options: VerificationOptions

    @Flag(help: "Also rewrite the guide's wrong documented results (comment values, output blocks, >>> outputs) with what Python produced; the diff is shown first.")
    var rewriteComments = false

    @Flag(help: "With --rewrite-comments: write without asking.")
    var yes = false

    func run() throws {
        let lock: ExpectedLock
        do { lock = try ExpectedLock.acquire(options.expected) } catch let failure as CommandFailure { Self.exit(with: failure) }
        defer { lock.release() }
        let report: VerificationReport
        let corpus: SnippetCorpus
        do { (corpus, report) = try VerificationSession.run(options, filter: pattern) } catch let failure as CommandFailure { Self.exit(with: failure) }
        let store = SnapshotStore(directory: options.expected)
        let renderer = SnapshotRenderer(python: report.python)
        var changed = 0
        for result in report.snippets {
            if Interruption.signal != nil {
                // Every file written so far is whole; stop before the next one.
                Self.exit(with: CommandFailure(message: "interrupted: \(counted(changed, "file")) updated, the rest left as they were",
                                               exitCode: .interrupted))
            }
            do {
                let rendered = try renderer.render(result)
                let previous = store.accepted(for: result.snippet)
                guard try store.write(rendered, for: result.snippet) else { continue }
                changed += 1
                if let previous {
                    let hunks = UnifiedDiff.hunks(from: previous, to: rendered)
                    let added = hunks.flatMap(\.lines).filter { $0.hasPrefix("+") }.count
                    let removed = hunks.flatMap(\.lines).filter { $0.hasPrefix("-") }.count
                    if !options.quiet { print("updated \(store.path(for: result.snippet)) (+\(added) −\(removed))") }
                } else if !options.quiet {
                    print("created \(store.path(for: result.snippet))")
                }
            } catch {
                Self.exit(with: CommandFailure(message: "\(error)", exitCode: .configuration))
            }
        }
        if pattern == nil && options.filter == nil && options.shard == nil {
            for stale in store.staleFiles(keeping: Set(corpus.snippets.map(\.stem))) {
                try? FileManager.default.removeItem(atPath: stale)
                if !options.quiet { print("removed \(stale) (no such snippet)") }
                changed += 1
            }
        }
        do {
            try ReportOutputs.write(VerificationDocument(report), command: "update", outputs: options.outputs, snippets: options.snippets,
                                    updateCommand: options.command("update"))
        } catch let failure as CommandFailure { Self.exit(with: failure) }
        if rewriteComments { rewriteGuide(report) }
        if options.outputs.format == .text && !options.quiet {
            print("\(changed == 0 ? "nothing changed" : "\(counted(changed, "file")) changed") in \(options.expected)/: \(Summary(report).text)")
        }
    }

    /// Shows the guide's wrong documented results rewritten, and writes them
    /// with --yes or after a yes at the prompt.
    private func rewriteGuide(_ report: VerificationReport) {
        let edits = GuideRewrite.edits(for: report.snippets.flatMap(\.claims)) { try? String(contentsOfFile: $0, encoding: .utf8) }
        guard !edits.isEmpty else {
            print("no wrong documented result to rewrite")
            return
        }
        for edit in edits {
            print(Style.diff(UnifiedDiff.render(from: edit.original, to: edit.rewritten, oldName: edit.document, newName: edit.document + " (rewritten)")),
                  terminator: "")
        }
        let count = edits.map(\.lines.count).reduce(0, +)
        if !yes {
            guard isatty(0) == 1 else {
                print("\(counted(count, "documented result")) to rewrite; run again with --yes to write them")
                return
            }
            print("Rewrite \(counted(count, "documented result")) in \(edits.map(\.document).joined(separator: ", "))? [y/N] ", terminator: "")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                print("nothing written")
                return
            }
        }
        for edit in edits {
            do { try SnapshotStore.atomicWrite(edit.rewritten, to: edit.document) } catch {
                Self.exit(with: CommandFailure(message: "\(error)", exitCode: .configuration))
            }
            print("rewrote \(edit.document): \(counted(edit.lines.count, "documented result")) (lines \(edit.lines.map(String.init).joined(separator: ", ")))")
        }
        print("expected/ still records the run before the rewrite: run `\(options.command("update"))` again, then review")
    }
}
