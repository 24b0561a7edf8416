import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// `guidecheck merge`: the JSON reports of several shards as one.
public enum DocumentMerge {
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The snippets of every shard, in name order, with the counts recomputed; the
    /// shards must have used the same Python and must not share a snippet.
    public static func merge(_ documents: [(path: String, document: VerificationDocument)]) throws -> VerificationDocument {
        guard let first = documents.first else { throw Failure(message: "nothing to merge") }
        var seen: [String: String] = [:]
        var snippets: [VerificationDocument.SnippetEntry] = []
        for (path, document) in documents {
            guard document.python == first.document.python else {
                throw Failure(message: "\(path) was made with Python \(document.python), \(first.path) with \(first.document.python)")
            }
            for snippet in document.snippets {
                if let other = seen[snippet.file] {
                    throw Failure(message: "\(snippet.file) is in both \(other) and \(path): were the shards made with the same --shard N?")
                }
                seen[snippet.file] = path
                snippets.append(snippet)
            }
        }
        snippets.sort { $0.file < $1.file }
        // The shards ran side by side: the merged run took as long as the longest.
        let seconds = documents.map(\.document.summary.seconds).max() ?? 0
        return VerificationDocument(python: first.document.python,
                                    summary: VerificationDocument.summarise(snippets, seconds: seconds), snippets: snippets)
    }
}
