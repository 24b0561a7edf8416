import CProcessControl
import Foundation
import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// The `expected/` folder: one accepted result file per snippet.
///
/// Every write goes to a temporary file beside the target, is flushed to disk,
/// and is renamed over it, so a file is always either the old one or the new
/// one, never half of each, even if guidecheck is killed mid-write.
public struct SnapshotStore: Sendable {
    public enum Comparison: Sendable, Equatable {
        case same
        /// The accepted file differs; a unified diff from it to this run.
        case differs(diff: String)
        case missing
        /// The file is there but is not a guidecheck result file.
        case malformed(String)
    }

    public let directory: String

    public init(directory: String) { self.directory = directory }

    public func path(for snippet: Snippet) -> String { directory + "/" + snippet.stem + ".txt" }

    public func accepted(for snippet: Snippet) -> String? {
        guard let data = FileManager.default.contents(atPath: path(for: snippet)) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    public func compare(_ rendered: String, for snippet: Snippet) -> Comparison {
        let path = path(for: snippet)
        guard let data = FileManager.default.contents(atPath: path) else { return .missing }
        guard let text = String(data: data, encoding: .utf8) else { return .malformed("not UTF-8") }
        guard text.hasPrefix(SnapshotRenderer.firstLine) else {
            let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            return .malformed("line 1 is \"\(first.prefix(60))\", not \"\(SnapshotRenderer.firstLine)\"")
        }
        if text == rendered { return .same }
        // Line endings changed (an editor saved CRLF): say so, not a one-line diff.
        if text.contains("\r\n"), text.replacingOccurrences(of: "\r\n", with: "\n") == rendered {
            return .differs(diff: "\(path): the line endings differ (the file has CRLF, guidecheck writes LF); the text is the same; accepting this run rewrites it with LF.\n")
        }
        return .differs(diff: UnifiedDiff.render(from: text.replacingOccurrences(of: "\r\n", with: "\n"), to: rendered,
                                                 oldName: path, newName: "this run"))
    }

    /// Writes `rendered` atomically; returns false when the file already said it.
    @discardableResult
    public func write(_ rendered: String, for snippet: Snippet) throws -> Bool {
        if accepted(for: snippet) == rendered { return false }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.atomicWrite(rendered, to: path(for: snippet))
        return true
    }

    /// Result files for snippets that no longer exist.
    public func staleFiles(keeping stems: Set<String>) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".txt") && !stems.contains(String($0.dropLast(4))) }.sorted()
            .map { directory + "/" + $0 }
    }

    /// temp file in the same folder → fsync → rename over the target.
    public static func atomicWrite(_ text: String, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(directory.isEmpty ? "." : directory)/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SnapshotError(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ gc_write_all(descriptor, $0.baseAddress, $0.count) }) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            throw SnapshotError(path: path, reason: reason)
        }
        fsync(descriptor)
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw SnapshotError(path: path, reason: reason)
        }
    }
}

public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot write: \(reason)" }
}
