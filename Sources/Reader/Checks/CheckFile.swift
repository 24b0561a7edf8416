import Foundation
import StrictYAML
import GuideModel
import Yams

/// `snippets/checks/qNN.yaml`: executable checks of what the guide says in
/// words (docs/checks.md). Read strictly: an unknown key is an error naming its
/// line and the nearest valid key.
public struct CheckFile: Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public var quote: String
        public var snippet: String?
        public var check: String?
        public var expect: String?
        public var output: String?
        public var raises: String?
        /// Named preludes, in file order (read from the YAML's own order).
        public var contexts: [String: String]?
        public var notCheckable: String?
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case quote, snippet, check, expect, output, raises, contexts, note
            case notCheckable = "not_checkable"
        }
    }

    /// A check, with where its parts are in the YAML file.
    public struct Check: Sendable, Equatable {
        public var entry: Entry
        /// The line of `- quote:` (for errors), and of the first line of the check's code.
        public var line: Int
        public var codeLine: Int
        /// The contexts in the order the file gives them, each with its code's first line.
        public var contexts: [(name: String, code: String, line: Int)]

        public static func == (lhs: Check, rhs: Check) -> Bool {
            lhs.entry == rhs.entry && lhs.line == rhs.line && lhs.codeLine == rhs.codeLine
                && lhs.contexts.map(\.name) == rhs.contexts.map(\.name)
        }
    }

    private struct File: Codable {
        var question: String
        var exclusive: Bool?
        var checks: [Entry]
    }

    public var path: String
    public var question: String
    /// The file's own program (its checks without a snippet) runs alone: its
    /// verdicts depend on having the CPU to itself (thread interleaving timed).
    public var exclusive: Bool
    public var checks: [Check]

    static let schema = KeySchema.mapping([
        "question": .value,
        "exclusive": .value,
        "checks": .list(.mapping([
            "quote": .value, "snippet": .value, "check": .value, "expect": .value, "output": .value, "raises": .value,
            "contexts": .anyKeys, "not_checkable": .value, "note": .value,
        ])),
    ])

    public init(path: String) throws {
        let text = try UserFile.text(at: path, what: "the checks")
        let file = try StrictYAML.decode(File.self, from: text, file: path, schema: Self.schema)
        let root = try? Yams.compose(yaml: text)
        let nodes = root?["checks"]?.sequence.map(Array.init) ?? []
        self.path = path
        question = file.question
        exclusive = file.exclusive ?? false
        checks = try file.checks.enumerated().map { index, entry in
            let node = index < nodes.count ? nodes[index] : nil
            let line = node?.mark?.line ?? 0
            if entry.check == nil && entry.notCheckable == nil {
                throw CorpusError(file: path, line: line, message: "a check needs `check:` (Python code) or `not_checkable:` (why not)")
            }
            if [entry.expect, entry.output, entry.raises].compactMap({ $0 }).count > 1 {
                throw CorpusError(file: path, line: line, message: "a check shows one of `expect:`, `output:` or `raises:`, not several")
            }
            let contexts: [(String, String, Int)] = (node?["contexts"]?.mapping.map(Array.init) ?? []).compactMap { pair in
                guard let name = pair.key.string, let code = pair.value.string else { return nil }
                return (name, code, Self.contentLine(pair.value))
            }
            return Check(entry: entry, line: line, codeLine: node?["check"].map(Self.contentLine) ?? line, contexts: contexts)
        }
    }

    /// The first line of a scalar's text: the line after `key: |` for a block scalar.
    private static func contentLine(_ node: Node) -> Int {
        guard let mark = node.mark else { return 1 }
        if case .scalar(let scalar) = node, scalar.style == .literal || scalar.style == .folded { return mark.line + 1 }
        return mark.line
    }
}
