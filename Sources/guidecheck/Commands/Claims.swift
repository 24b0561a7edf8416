import ArgumentParser
import GuideModel
import PythonRuntime
import Reader
import Verifier

/// `guidecheck claims`: how guidecheck reads each comment, without running anything.
struct Claims: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the claims and the commentary guidecheck reads in each snippet's comments.",
        discussion: """
            Nothing runs: each snippet is parsed with CPython's ast and tokenize, and every \
            comment is shown as a claim (kind, expectation) or as commentary (and why).

            Examples:
              guidecheck claims
              guidecheck claims --filter q05
              guidecheck claims --commentary --snippets my-guide/snippets
            """)

    @Option(help: ArgumentHelp("The folder of snippets.", valueName: "dir"))
    var snippets = "snippets"

    @Option(name: .customLong("guide"), parsing: .singleValue,
            help: ArgumentHelp("Read a guide directly instead of snippets (Markdown, plain text, or a folder of Markdown). Repeatable.", valueName: "path"))
    var guides: [String] = []

    @Option(help: ArgumentHelp("Only snippets whose file name contains this text or matches this glob.", valueName: "pattern"))
    var filter: String?

    @Flag(help: "Also list the comments read as commentary.")
    var commentary = false

    @OptionGroup var interpreter: InterpreterOptions

    func run() throws {
        let python: PythonInterpreter
        do { python = try interpreter.start() } catch let failure as CommandFailure { Self.exit(with: failure) }
        let corpus: SnippetCorpus
        do {
            if guides.isEmpty {
                corpus = try SnippetCorpus.load(directory: snippets, filter: filter)
            } else {
                let version = python.info.version.split(separator: ".").compactMap { Int($0) }
                let (guides, filter) = (self.guides, self.filter)
                corpus = try python.withGILBlocking { gil in try SnippetCorpus.load(guides: guides, pythonVersion: version, filter: filter, gil) }
            }
        } catch {
            Self.exit(with: CommandFailure(message: "\(error)", exitCode: .configuration))
        }
        let showCommentary = commentary
        let list = corpus.snippets
        let guide = corpus.guidePath
        let text = try python.withGILBlocking { gil in
            var lines: [String] = []
            for snippet in list {
                guard snippet.language == .python, let program = snippet.program(guide: guide) else { continue }
                let result = try ProgramReader.read(program, annotations: snippet.entry?.annotations ?? [],
                                                    fixtures: snippet.entry?.fixtures ?? [], gil)
                if let problem = result.problem {
                    lines.append("\(snippet.name): \(problem)")
                    continue
                }
                lines.append("\(snippet.name): \(counted(result.claims.count, "claim")), \(result.commentary.count) commentary")
                for claim in result.claims {
                    let place = claim.source == .comment ? "\(claim.line)" : "\(claim.location.firstLine)"
                    var line = "  \(place)".padding(to: 7) + claim.kind.rawValue.padding(to: 10) + "expects \(claim.expectation.summary)"
                    if let condition = claim.condition { line += " [\(condition)]" }
                    if let reason = claim.notCheckable { line += " (not checkable: \(reason))" }
                    lines.append(line)
                }
                if showCommentary {
                    for note in result.commentary {
                        lines.append("  \(note.line)".padding(to: 7) + "commentary  \(note.text)  — \(note.reason)")
                    }
                }
            }
            return lines.joined(separator: "\n")
        }
        print(text)
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
