import Foundation
import GuideModel
import PythonRuntime

extension SnippetCorpus {
    /// The extensions of guides read directly.
    public static let markdownExtensions: Set<String> = ["md", "markdown"]
    public static let textExtensions: Set<String> = ["txt"]

    /// Guides read directly: Markdown documents and plain-text guides, and the
    /// guides of folders, recursively. Each program of a document becomes a
    /// snippet that stands for it (`README.md`, `README.md@120` after a
    /// `new-namespace`), placed in the document by its own lines.
    public static func load(guides: [String], pythonVersion: [Int], filter: String? = nil,
                            _ gil: borrowing GIL) throws -> SnippetCorpus {
        try PythonReading.install(gil)
        var snippets: [Snippet] = []
        var skipped: [CorpusError] = []
        for (path, name) in try files(in: guides) {
            // A pipe only when named on the command line (`--guide <(…)`), never met in a folder.
            let text = try UserFile.text(at: path, what: "the guide", pipes: guides.contains(path))
            let programs: [GuideProgram]
            let ext = (path as NSString).pathExtension.lowercased()
            // A file without an extension (a pipe: `--guide <(…)`) is Markdown when it has a fence.
            let fenced = ext.isEmpty && text.split(separator: "\n").contains { $0.hasPrefix("```") || $0.hasPrefix("~~~") }
            if markdownExtensions.contains(ext) || fenced {
                let guide = try MarkdownGuide(path: path, text: text, pythonVersion: pythonVersion,
                                              parses: { PythonReading.parses($0, gil) })
                programs = guide.programs
                skipped += guide.skipped.map { CorpusError(file: path, line: $0.line, message: "not run: \($0.reason)") }
            } else {
                programs = PlainTextGuide(path: path, text: text, regions: try PythonReading.codeRegions(in: text, gil)).programs
            }
            for guideProgram in programs {
                let programName = name + guideProgram.program.name.dropFirst(MarkdownGuide.displayName(path).count)
                guard matches(programName, filter) else { continue }
                var program = guideProgram
                program.program.name = programName
                snippets.append(Snippet(
                    name: programName, path: path, language: .python, source: text,
                    entry: Manifest.Entry(file: programName, question: guideProgram.question, fixtures: guideProgram.fixtures,
                                          timeout: guideProgram.timeout),
                    problem: nil, guideProgram: program))
            }
        }
        return SnippetCorpus(directory: guides.joined(separator: ", "), manifest: nil, snippets: snippets, problems: [],
                             notices: skipped)
    }

    /// (path, name) of every guide: a file as given, a folder's guides recursively,
    /// named by their path inside it.
    static func files(in guides: [String]) throws -> [(String, String)] {
        var found: [(String, String)] = []
        let manager = FileManager.default
        for guide in guides {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: guide, isDirectory: &isDirectory) else {
                throw CorpusError(file: guide, line: nil, message: "no such guide")
            }
            guard isDirectory.boolValue else {
                found.append((guide, MarkdownGuide.displayName(guide)))
                continue
            }
            let inside = (manager.enumerator(atPath: guide)?.allObjects as? [String] ?? []).sorted()
            let base = guide.hasSuffix("/") ? String(guide.dropLast()) : guide
            for relative in inside where markdownExtensions.contains((relative as NSString).pathExtension.lowercased()) {
                found.append((base + "/" + relative, relative))
            }
            if found.isEmpty { throw CorpusError(file: guide, line: nil, message: "no Markdown guide (*.md) in this folder") }
        }
        return found
    }
}

/// A plain-text guide (python-interview-guide.txt) read directly: each region
/// of code-looking lines is a program of its own (plain text has no way to say
/// that two examples share a namespace), placed by its own lines.
public struct PlainTextGuide: Sendable {
    public var programs: [GuideProgram] = []

    public init(path: String, text: String, regions: [GuideCoverage.Region]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let titles = Guide.questionLines(lines)
        for region in regions where region.kind == "python" {
            let code = lines[(region.firstLine - 1)...(region.lastLine - 1)].joined(separator: "\n") + "\n"
            let name = "\(MarkdownGuide.displayName(path))@\(region.firstLine)"
            let program = ProgramSource(name: name, path: path, origin: Origin(document: path),
                                        chunks: [Chunk(firstLine: region.firstLine, code: code)], isolatesSyntaxErrors: true)
            let question = titles.last { $0.line < region.firstLine }?.question
            programs.append(GuideProgram(program: program, fixtures: [], timeout: nil, question: question, files: [:]))
        }
    }
}
