import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// Renders one snippet's results as its `expected/` file.
///
/// The file is meant to be read in a pull request: one fact per line, stable
/// order, nothing that changes from run to run (addresses and the manifest's
/// redactions are replaced; timings are left out), so a diff shows exactly which
/// output or verdict changed.
public struct SnapshotRenderer: Sendable {
    public static let firstLine = "guidecheck expected results · format 1"

    public let python: String

    public init(python: String) { self.python = python }

    public func render(_ result: SnippetResult) throws -> String {
        let redactor = try Redactor(result.snippet.entry?.redact ?? [])
        let sourceLines = (result.snippet.source ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = [Self.firstLine]
        func field(_ name: String, _ value: String) { out.append(name.padding(to: 9) + value) }
        field("snippet", result.snippet.name)
        field("question", result.snippet.question + (result.snippet.entry?.topic.map { " · \($0)" } ?? ""))
        field("python", python)
        field("status", result.notRunnable == nil ? result.status.rawValue : "not run")
        if let reason = result.notRunnable { field("reason", reason) }
        if let problem = result.problem { field("problem", redactor.redact(problem)) }
        field("fixtures", result.fixtures.isEmpty ? "none" : result.fixtures.joined(separator: ", "))
        if !result.undefinedNames.isEmpty {
            field("undefined", result.undefinedNames.joined(separator: ", ") + " (no fixture provides them)")
        }
        field("redacted", redactor.names.joined(separator: ", "))

        let module = result.outcome.run(.module)
        if let module {
            out.append("")
            out.append("== output, \(RunMode.module.description)")
            out += outputListing(module, result: result, source: sourceLines, redactor: redactor)
        }
        if let interactive = result.outcome.run(.interactive) {
            out.append("")
            out.append("== output, \(RunMode.interactive.description)")
            let listing = outputListing(interactive, result: result, source: sourceLines, redactor: redactor)
            if let module, listing == outputListing(module, result: result, source: sourceLines, redactor: redactor) {
                out.append("(the same as run as a module)")
            } else {
                out += listing
            }
        }

        out.append("")
        let counts = Verdict.allCases.compactMap { verdict -> String? in
            let count = result.count(verdict)
            return count == 0 ? nil : "\(verdict.rawValue) \(count)"
        }
        out.append("== claims: \(result.claims.count)" + (counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))"))
        for claimResult in result.claims {
            out += claimLines(claimResult, redactor: redactor)
        }
        let commentary = result.outcome.reading.commentary
        if !commentary.isEmpty {
            out.append("")
            out.append("== commentary: \(commentary.count)")
            for note in commentary.sorted(by: { $0.line < $1.line }) {
                out.append("line \(note.line)  \(note.text)")
                out.append("  (\(note.reason))")
            }
        }
        if !result.outcome.reading.unmatchedAnnotations.isEmpty {
            out.append("")
            out.append("== manifest annotations on no comment: lines \(result.outcome.reading.unmatchedAnnotations.map(String.init).joined(separator: ", "))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Each statement that wrote something or raised: its line, its first source
    /// line, then its output indented.
    private func outputListing(_ run: ModeRun, result: SnippetResult, source: [String], redactor: Redactor) -> [String] {
        var lines: [String] = []
        if let problem = run.problem { lines.append("(\(redactor.redact(problem)))") }
        let statementLines = result.outcome.reading.statementLines
        for statement in run.statements {
            let line = statement.index < statementLines.count ? statementLines[statement.index] : 0
            let code = line > 0 && line <= source.count ? source[line - 1].trimmingWhitespace() : ""
            var body: [String] = []
            body += indented(redactor.redact(statement.warnings)).map { "  ! " + $0.dropFirst(2) }
            body += excerpt(indented(redactor.redact(statement.output)))
            if statement.droppedBytes > 0 { body.append("  (\(statement.droppedBytes) more bytes of output dropped)") }
            body += indented(redactor.redact(statement.echo)).map { "  ↳ " + $0.dropFirst(2) }
            if let exception = statement.exception {
                body.append("  raised " + redactor.redact(exception.summary).replacingOccurrences(of: "\n", with: "⏎"))
            }
            if !statement.trailing.isEmpty {
                body.append("  (written after the statement ended:)")
                body += excerpt(indented(redactor.redact(statement.trailing)))
            }
            if !statement.finished && statement.exception == nil { body.append("  (did not finish)") }
            guard !body.isEmpty else { continue }
            lines.append("line \(line)  \(code)")
            lines += body
        }
        if lines.isEmpty { lines.append("(no output)") }
        return lines
    }

    /// Output as a reviewer can read it in a diff: the first lines of a long
    /// output, each cut to a readable width, and how much more there was.
    static let excerptLines = 60
    static let excerptWidth = 300

    private func excerpt(_ lines: [String]) -> [String] {
        var kept = lines.prefix(Self.excerptLines).map { line -> String in
            line.count <= Self.excerptWidth ? line : String(line.prefix(Self.excerptWidth)) + "… (\(line.count - Self.excerptWidth) more characters)"
        }
        if lines.count > Self.excerptLines { kept.append("  (… \(lines.count - Self.excerptLines) more lines, not kept in expected/)") }
        return kept
    }

    private func indented(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        return TextMatcher.trimmedOutput(text).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    }

    private func claimLines(_ result: ClaimResult, redactor: Redactor) -> [String] {
        let claim = result.claim
        var lines = ["line \(claim.line)  \(claim.kind.rawValue)  \(result.verdict.rawValue)"]
        func field(_ name: String, _ value: String) {
            let parts = value.split(separator: "\n", omittingEmptySubsequences: false)
            lines.append("  " + name.padding(to: 12) + (parts.first.map(String.init) ?? ""))
            for part in parts.dropFirst() { lines.append("  " + String(repeating: " ", count: 13) + part) }
        }
        field("documented", claim.documented)
        if claim.commentLine != claim.line { field("comment at", "line \(claim.commentLine)") }
        if case .evaluation(let expression) = claim.target { field("evaluates", expression) }
        if let condition = claim.condition { field("condition", condition) }
        switch result.verdict {
        case .notCheckable:
            field("reason", result.reason ?? "")
            return lines
        case .contextDependent:
            field("module", redactor.redact(result.observed))
            field("interactive", redactor.redact(result.observedInteractive ?? result.observed))
        default:
            field("observed", redactor.redact(result.observed))
            // Only a difference that survives the redactions: two runs' addresses
            // differ by chance, which the file must not record.
            if let interactive = result.observedInteractive.map(redactor.redact), interactive != redactor.redact(result.observed) {
                field("interactive", interactive)
            }
        }
        if !result.normalisations.isEmpty { field("normalised", result.normalisationLabels.joined(separator: "; ")) }
        if result.verdict == .wrong, let reason = result.reason { field("reason", redactor.redact(reason)) }
        return lines
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
