import Foundation
import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// GitHub Actions workflow commands: each failing claim as `::error file=…,line=…::`,
/// so it shows on the line of the pull request's diff.
public enum GitHubAnnotations {
    /// True when running under GitHub Actions.
    public static var isActive: Bool { ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" }

    public static func verification(_ document: VerificationDocument, snippetsDirectory: String, updateCommand: String) -> [String] {
        var lines: [String] = []
        for snippet in document.snippets {
            let file = "\(snippetsDirectory)/\(snippet.file)"
            if snippet.runFailed {
                lines.append(command("error", file: file, line: nil, title: "guidecheck: \(snippet.status.rawValue)",
                                     message: snippet.problem ?? snippet.status.rawValue))
            }
            if snippet.differsFromExpected, let comparison = snippet.expected {
                lines.append(command("error", file: comparison.path, line: nil, title: "guidecheck: expected/ \(comparison.status.rawValue)",
                                     message: comparison.diff ?? "run \(updateCommand) to accept this run"))
            }
            for claim in snippet.claims where claim.fails {
                var message = "\(claim.verdict.rawValue): documented \(claim.documented), observed \(claim.observed)"
                if let interactive = claim.observedInteractive { message += " (statement by statement: \(interactive))" }
                if let reason = claim.reason { message += "\n\(reason)" }
                if let diff = claim.expectedDiff { message += "\n\(diff)" }
                let title = "guidecheck: \(claim.verdict.rawValue)" + (claim.isFalse ? "" : ", changed from expected/")
                // On the guide's line, where the documented text is.
                lines.append(command("error", file: claim.guide, line: claim.guideLine, title: title, message: message))
            }
        }
        return lines
    }

    public static func benchmarks(_ document: BenchDocument) -> [String] {
        document.claims.filter { $0.verdict.standing == .fails }.map { claim in
            command("warning", file: claim.guideFile, line: claim.guideLine, title: "guidecheck bench: \(claim.benchmark) \(claim.verdict.rawValue)",
                    message: "\(claim.claim)\n\(claim.reason ?? "")")
        }
    }

    /// Appends the Markdown summary to `$GITHUB_STEP_SUMMARY`, when it is set
    /// (O_APPEND: other steps' summaries stay, whatever they wrote meanwhile).
    public static func appendSummary(_ markdown: String) throws {
        guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SummaryFailure(path: path, reason: String(cString: strerror(errno))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do { try handle.write(contentsOf: Data((markdown + "\n").utf8)) } catch {
            throw SummaryFailure(path: path, reason: "\(error)")
        }
    }

    public struct SummaryFailure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "$GITHUB_STEP_SUMMARY (\(path)): cannot append the summary: \(reason)" }
    }

    /// `::error file=a.py,line=3,title=t::message`, escaped as GitHub specifies.
    static func command(_ kind: String, file: String?, line: Int?, title: String, message: String) -> String {
        var properties: [String] = []
        if let file { properties.append("file=\(escapeProperty(file))") }
        if let line { properties.append("line=\(line)") }
        properties.append("title=\(escapeProperty(title))")
        return "::\(kind) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
