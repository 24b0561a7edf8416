import ArgumentParser
import Foundation
import GuideModel
import PythonRuntime
import Reader
import Reports

/// `guidecheck extract`: (re)write the snippets folder and its manifest from the guide.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write snippets/ and its manifest from a guide, keeping what did not change.",
        discussion: """
            Each example of the guide becomes a snippet file, a verbatim copy of its lines, \
            with a manifest entry saying where it starts. An example whose text is unchanged \
            keeps its file name and its manifest annotations; a changed one is rewritten in \
            place; a new one gets a new file; a snippet that no example matches any more is \
            removed. Run on an unchanged guide it changes nothing, which `coverage` checks. \
            After editing the guide: extract, verify, review, update.

            Examples:
              guidecheck extract --guide snippets/python-interview-guide.txt
              guidecheck extract --guide guide.txt --snippets my-snippets --dry-run
            """)

    @Option(help: ArgumentHelp("The guide: plain text, or Markdown (its top-level ```python blocks).", valueName: "file"))
    var guide: String?

    @Option(help: ArgumentHelp("The folder of snippets to write.", valueName: "dir"))
    var snippets = "snippets"

    @Flag(help: "Say what would change, and write nothing.")
    var dryRun = false

    @OptionGroup var interpreter: InterpreterOptions

    func run() throws {
        // What is there is read strictly: read as nothing, its manifest (with
        // the author's annotations) would be written over.
        var existing: SnippetCorpus?
        if FileManager.default.fileExists(atPath: snippets) {
            do { existing = try SnippetCorpus.load(directory: snippets, guide: guide) } catch {
                Self.exit(with: CommandFailure(message: "\(error)\n(extract keeps what \(snippets)/\(SnippetCorpus.manifestName) says: fix it, then extract again)",
                                               exitCode: .configuration))
            }
        }
        guard let path = guide ?? existing?.guidePath else {
            Self.exit(with: CommandFailure(message: "no guide: pass --guide, or name one in \(snippets)/\(SnippetCorpus.manifestName)",
                                           exitCode: .configuration))
        }
        let plan: Extraction
        do { plan = try Self.plan(guide: path, snippets: snippets, existing: existing, interpreter: interpreter) } catch {
            Self.exit(with: CommandFailure(message: "\(error)", exitCode: .configuration))
        }
        let manifestPath = snippets + "/" + SnippetCorpus.manifestName
        let header = (try? String(contentsOfFile: manifestPath, encoding: .utf8)).map(ManifestWriter.header) ?? Self.defaultHeader
        let manifestText = ManifestWriter.render(plan.manifest, header: header)
        let manifestChanged = (try? String(contentsOfFile: manifestPath, encoding: .utf8)) != manifestText
        plan.changes.forEach { print($0) }
        if manifestChanged { print("changed  \(SnippetCorpus.manifestName)") }
        if plan.changes.isEmpty && !manifestChanged {
            print("\(snippets)/ is as the guide says: \(counted(plan.files.count, "snippet")), nothing to change")
            return
        }
        guard !dryRun else { return }
        do {
            try FileManager.default.createDirectory(atPath: snippets, withIntermediateDirectories: true)
            for (name, text) in plan.files.sorted(by: { $0.key < $1.key })
            where (try? String(contentsOfFile: snippets + "/" + name, encoding: .utf8)) != text {
                try SnapshotStore.atomicWrite(text, to: snippets + "/" + name)
            }
            for case .removed(let name) in plan.changes { try FileManager.default.removeItem(atPath: snippets + "/" + name) }
            if manifestChanged { try SnapshotStore.atomicWrite(manifestText, to: manifestPath) }
        } catch {
            Self.exit(with: CommandFailure(message: "cannot write \(snippets)/: \(error)", exitCode: .configuration))
        }
        let folder = snippets == "snippets" ? "" : " --snippets " + VerificationOptions.shellWord(snippets)
        print("wrote \(snippets)/: \(counted(plan.files.count, "snippet")); now `guidecheck verify\(folder)`, review, `guidecheck update\(folder)`")
    }

    /// What extract would write for `guide` into `snippets`.
    static func plan(guide path: String, snippets: String, existing: SnippetCorpus?, interpreter: InterpreterOptions) throws -> Extraction {
        let text = try Guide(path: path).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let python = try interpreter.start()
        let version = python.info.version.split(separator: ".").compactMap { Int($0) }
        let examples: [Extraction.Example] = try python.withGILBlocking { gil in
            try PythonReading.install(gil)
            if SnippetCorpus.markdownExtensions.contains((path as NSString).pathExtension.lowercased()) {
                let guide = try MarkdownGuide(path: path, text: text, pythonVersion: version) { PythonReading.parses($0, gil) }
                return guide.programs.flatMap(\.program.chunks).compactMap { chunk in markdownExample(chunk, lines: lines) }
            }
            return try PythonReading.codeRegions(in: text, gil).map {
                Extraction.Example(firstLine: $0.firstLine, lastLine: $0.lastLine, shell: $0.kind == "shell")
            }
        }
        // The manifest names the guide relative to the folder it lives in.
        let relative = relativePath(of: path, from: snippets)
        return Extraction.plan(guide: relative, lines: lines, examples: examples, existing: existing)
    }

    /// A Markdown code block as an example, when its lines are the guide's own
    /// (not inside a list or a quote, where cmark strips a prefix).
    static func markdownExample(_ chunk: Chunk, lines: [String]) -> Extraction.Example? {
        guard chunk.kind == .code else { return nil }
        var own = chunk.code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if own.last == "" { own.removeLast() }
        let start = chunk.firstLine - 1
        guard !own.isEmpty, start + own.count <= lines.count, Array(lines[start..<(start + own.count)]) == own else { return nil }
        return Extraction.Example(firstLine: chunk.firstLine, lastLine: chunk.firstLine + own.count - 1, shell: false)
    }

    static func relativePath(of path: String, from folder: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        let common = zip(target, base).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: base.count - common) + target.dropFirst(common)).joined(separator: "/")
    }

    static let defaultHeader = """
        # What guidecheck knows about each snippet that the guide's code does not say
        # (written by `guidecheck extract`; annotations are yours and are kept).

        """
}
