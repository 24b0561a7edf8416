import Foundation
import GuideModel

/// What `guidecheck extract` writes: one snippet file per example of a guide,
/// and the manifest, kept in step with the guide.
///
/// An example whose text is unchanged keeps its file, its name and its manifest
/// entry (snippets that tile one example verbatim, as `q02_gc_tuning.py` and
/// `q02_weakref.py` tile one region, stay as they are); an example that changed
/// is rewritten into the file whose text it shares most lines with; a new one
/// gets a new file; a snippet no example matches any more is removed. Run on an
/// unchanged guide, it changes nothing.
public struct Extraction: Sendable {
    public enum Change: Sendable, Equatable, CustomStringConvertible {
        case added(String)
        case changed(String)
        case removed(String)

        public var description: String {
            switch self {
            case .added(let name): return "new      \(name)"
            case .changed(let name): return "changed  \(name)"
            case .removed(let name): return "removed  \(name)"
            }
        }
    }

    /// An example of the guide: its lines, inclusive, and its language.
    public struct Example: Sendable, Equatable {
        public var firstLine: Int
        public var lastLine: Int
        public var shell: Bool

        public init(firstLine: Int, lastLine: Int, shell: Bool) {
            self.firstLine = firstLine
            self.lastLine = lastLine
            self.shell = shell
        }
    }

    /// Every snippet file as it should be, by name.
    public var files: [String: String]
    public var manifest: Manifest
    public var changes: [Change]

    /// - Parameters:
    ///   - guide: the guide's path as the manifest names it.
    ///   - existing: the snippets folder as it is (nil when there is none yet).
    public static func plan(guide: String, lines: [String], examples: [Example], existing: SnippetCorpus?) -> Extraction {
        let questions = Guide.questionLines(lines)
        var old = (existing?.snippets ?? []).filter { $0.source != nil && $0.guideProgram == nil }
        let entries = Dictionary((existing?.manifest?.snippets ?? []).map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var files: [String: String] = [:]
        var manifestEntries: [Manifest.Entry] = []
        var changes: [Change] = []
        let text = { (first: Int, last: Int) in lines[(first - 1)...(last - 1)].joined(separator: "\n") + "\n" }

        for example in examples {
            // Unchanged: existing snippets that are verbatim, consecutive pieces tiling it.
            if let tiles = tiling(example, with: old, lines: lines) {
                for (snippet, first) in tiles {
                    files[snippet.name] = snippet.source!
                    var entry = entries[snippet.name] ?? Manifest.Entry(file: snippet.name, question: question(first, questions))
                    entry.guideLine = first
                    manifestEntries.append(entry)
                    old.removeAll { $0.name == snippet.name }
                }
                continue
            }
            let body = text(example.firstLine, example.lastLine)
            let bodyLines = Set(body.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
            // Changed: the old snippet sharing the most lines with it (at least half of its own).
            let closest = old.map { snippet -> (Snippet, Int) in
                let own = Set(snippet.source!.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
                let shared = own.intersection(bodyLines).count
                return (snippet, own.isEmpty || shared * 2 < own.count ? 0 : shared)
            }.filter { $0.1 > 0 }.max { $0.1 < $1.1 }?.0
            if let closest, (closest.language == .shell) == example.shell {
                files[closest.name] = body
                var entry = entries[closest.name] ?? Manifest.Entry(file: closest.name, question: question(example.firstLine, questions))
                entry.guideLine = example.firstLine
                manifestEntries.append(entry)
                old.removeAll { $0.name == closest.name }
                changes.append(.changed(closest.name))
                continue
            }
            let asked = question(example.firstLine, questions)
            let prefix = asked.map { String(format: "q%02d", Int($0.dropFirst()) ?? 0) } ?? "example"
            let name = "\(prefix)_example_\(example.firstLine).\(example.shell ? "sh" : "py")"
            files[name] = body
            var entry = Manifest.Entry(file: name, question: asked, guideLine: example.firstLine)
            if example.shell { entry.runnable = false; entry.reason = "a shell command, not Python" }
            manifestEntries.append(entry)
            changes.append(.added(name))
        }
        for snippet in old { changes.append(.removed(snippet.name)) }
        var manifest = existing?.manifest ?? Manifest(guide: guide, defaults: nil, snippets: [])
        manifest.guide = guide
        manifest.snippets = manifestEntries.sorted { $0.file < $1.file }
        return Extraction(files: files, manifest: manifest, changes: changes)
    }

    /// The existing snippets, in order, whose verbatim texts cover exactly the
    /// example's non-blank lines; nil when they do not.
    private static func tiling(_ example: Example, with snippets: [Snippet], lines: [String]) -> [(Snippet, Int)]? {
        var pieces: [(Snippet, Int, Int)] = []
        for snippet in snippets {
            var own = snippet.source!.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if own.last == "" { own.removeLast() }
            guard !own.isEmpty else { continue }
            let hint = snippet.entry?.guideLine
            let starts = (hint.map { [$0] } ?? []) + Array(example.firstLine...example.lastLine)
            if let start = starts.first(where: { start in
                start >= example.firstLine && start + own.count - 1 <= example.lastLine
                    && Array(lines[(start - 1)..<(start - 1 + own.count)]) == own
            }) {
                pieces.append((snippet, start, start + own.count - 1))
            }
        }
        pieces.sort { $0.1 < $1.1 }
        var covered = Set<Int>()
        var end = example.firstLine - 1
        for piece in pieces {
            guard piece.1 > end else { return nil }  // overlapping pieces do not tile
            covered.formUnion(piece.1...piece.2)
            end = piece.2
        }
        let needed = (example.firstLine...example.lastLine).filter { !lines[$0 - 1].trimmingWhitespace().isEmpty }
        guard !pieces.isEmpty, needed.allSatisfy(covered.contains) else { return nil }
        return pieces.map { ($0.0, $0.1) }
    }

    private static func question(_ line: Int, _ questions: [(line: Int, question: String, title: String)]) -> String? {
        questions.last { $0.line < line }?.question
    }
}
