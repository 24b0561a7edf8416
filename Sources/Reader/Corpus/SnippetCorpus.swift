import Foundation
import GuideModel

/// One example of the guide, as a file.
public struct Snippet: Codable, Sendable, Equatable {
    public enum Language: String, Sendable, Codable { case python, shell }

    /// `q05_interning.py`.
    public var name: String
    public var path: String
    public var language: Language
    /// The file's text; nil when it could not be read.
    public var source: String?
    /// Its manifest entry; nil for a folder without one.
    public var entry: Manifest.Entry?
    /// Why it cannot be run, when the file itself is the problem.
    public var problem: CorpusError?
    /// For a program read directly from a guide (a Markdown document), that
    /// program; the snippet then stands for it, its `source` the whole document.
    public var guideProgram: GuideProgram?
    /// Code run after the snippet's own, in its namespace (the checks that use
    /// it), and the claims on that code.
    public var extraChunks: [Chunk] = []
    public var extraResults: [DocumentedResult] = []

    public init(name: String, path: String, language: Language, source: String?, entry: Manifest.Entry?,
                problem: CorpusError?, guideProgram: GuideProgram? = nil) {
        self.name = name
        self.path = path
        self.language = language
        self.source = source
        self.entry = entry
        self.problem = problem
        self.guideProgram = guideProgram
    }

    /// `Q5`: from the manifest, else from the file name (`q05_…`).
    public var question: String {
        if let question = entry?.question { return question }
        let digits = name.dropFirst().prefix(while: \.isNumber)
        return name.hasPrefix("q") && !digits.isEmpty ? "Q\(Int(digits)!)" : "-"
    }

    /// Why it is not run (a sketch, a shell command), or nil when it runs.
    public var notRunnable: String? {
        if entry?.runnable == false { return entry?.reason ?? "marked not runnable in the manifest" }
        if language == .shell { return "a shell command, not Python" }
        return nil
    }

    /// The stem used for its `expected/` file (a guide's program keeps its whole
    /// name: `README.md`, `README.md@120`, `checks__q03.yaml`).
    public var stem: String {
        guideProgram != nil ? name.replacingOccurrences(of: "/", with: "__") : String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
    }

    /// Where its lines are: in `guide` from the manifest's `guide_line` when both
    /// are known, else in the snippet file itself.
    public func origin(guide: String?) -> Origin {
        if let guide, let line = entry?.guideLine { return Origin(document: guide, snippet: name, firstLine: line) }
        return Origin(document: path, snippet: name, firstLine: 1)
    }

    /// The snippet as a program to read and run (with the checks that run after
    /// it); nil when it could not be read.
    public func program(guide: String?) -> ProgramSource? {
        if let guideProgram { return guideProgram.program }
        return source.map {
            ProgramSource(name: name, path: path, origin: origin(guide: guide), chunks: [Chunk(code: $0)] + extraChunks,
                          results: extraResults)
        }
    }
}

/// A folder of snippets and its optional `manifest.yaml`.
public struct SnippetCorpus: Sendable {
    public var directory: String
    public var manifest: Manifest?
    public var snippets: [Snippet]
    /// Problems with the corpus as a whole: manifest entries without files.
    public var problems: [CorpusError]
    /// What a reader should know but that fails nothing (a block a guide skips).
    public var notices: [CorpusError] = []
    /// The guide a command was given (`--guide`), in place of the manifest's.
    public var givenGuide: String?

    public static let manifestName = "manifest.yaml"

    /// Loads every `*.py` and `*.sh` file of `directory` (those matching `filter`).
    ///
    /// A file that cannot be read or decoded becomes a snippet with a `problem`,
    /// so the others still run; only an unreadable folder or manifest throws.
    /// `guide`: the guide a command was given (`extract`, `coverage --guide`);
    /// the manifest's may then name one that is gone (it was renamed), and the
    /// checks' quotes are found in the given one.
    public static func load(directory: String, filter: String? = nil, guide: String? = nil) throws -> SnippetCorpus {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CorpusError(file: directory, line: nil, message: "no such folder of snippets")
        }
        let names: [String]
        do { names = try fileManager.contentsOfDirectory(atPath: directory) } catch {
            throw CorpusError(file: directory, line: nil, message: "cannot list the folder: \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
        let manifestPath = directory + "/" + manifestName
        let manifest = fileManager.fileExists(atPath: manifestPath) ? try Manifest.load(from: URL(fileURLWithPath: manifestPath), requireGuide: guide == nil) : nil
        let entries = Dictionary((manifest?.snippets ?? []).map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })

        var snippets: [Snippet] = []
        for name in names.sorted() where name.hasSuffix(".py") || name.hasSuffix(".sh") {
            guard matches(name, filter) else { continue }
            let path = directory + "/" + name
            var snippet = Snippet(name: name, path: path, language: name.hasSuffix(".sh") ? .shell : .python,
                                  source: nil, entry: entries[name], problem: nil)
            do {
                snippet.source = try UserFile.text(at: path, what: "the snippet")
            } catch {
                snippet.problem = error
            }
            if snippet.problem == nil, snippet.source?.trimmingWhitespace().isEmpty == true {
                snippet.problem = CorpusError(file: path, line: 1, message: "empty file: nothing to check")
            }
            if let source = snippet.source {
                // An annotation for a line the snippet does not have reads nothing:
                // the manifest is stale, and saying so is the only honest answer.
                let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
                    - (source.hasSuffix("\n") ? 1 : 0)
                for annotation in snippet.entry?.annotations ?? [] where !(1...max(1, lineCount)).contains(annotation.line) {
                    throw CorpusError(file: manifestPath, line: annotation.manifestLine,
                                      message: "an annotation for line \(annotation.line) of \(name), which has \(counted(lineCount, "line"))")
                }
            }
            snippets.append(snippet)
        }
        let present = Set(names)
        let problems = (manifest?.snippets ?? []).filter { !present.contains($0.file) && matches($0.file, filter) }.map {
            CorpusError(file: manifestPath, line: nil, message: "the manifest lists \($0.file), which is not in \(directory)")
        }
        var corpus = SnippetCorpus(directory: directory, manifest: manifest, snippets: snippets, problems: problems)
        corpus.givenGuide = guide
        try corpus.attachChecks(in: directory, filter: filter)
        return corpus
    }

    /// `--filter`: a glob (`q1[0-9]_*`) when it has wildcards, else a substring.
    public static func matches(_ name: String, _ filter: String?) -> Bool {
        guard let filter, !filter.isEmpty else { return true }
        if filter.contains(where: { "*?[".contains($0) }) { return fnmatch(filter, name, 0) == 0 }
        return name.contains(filter)
    }

    /// The guide the command was given, or the one the manifest names, resolved
    /// against the folder.
    public var guidePath: String? {
        givenGuide ?? manifest?.guidePath(in: directory)
    }
}
