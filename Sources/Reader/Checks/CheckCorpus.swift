import Foundation
import GuideModel

extension SnippetCorpus {
    /// The folder of checks inside a snippets folder.
    public static let checksFolder = "checks"

    /// Reads `checks/*.yaml` and ties each check to the guide and to the code it
    /// runs with: a check that names a snippet runs after it, in its namespace and
    /// its run; the others of a file form one program of their own, each check in
    /// a fresh namespace. A quote not found in its question's section of the guide
    /// is a problem of the corpus (`verify` and `coverage` fail on it); the check
    /// still runs, placed at its line in the YAML file.
    mutating func attachChecks(in directory: String, filter: String?) throws {
        let folder = directory + "/" + Self.checksFolder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let guideLines = guidePath.flatMap { try? Guide(path: $0).lines }
        let locator = guideLines.map(QuoteLocator.init)
        let sections = guideLines.map(Self.questionSections) ?? [:]
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let file = try CheckFile(path: folder + "/" + name)
            var standalone = ProgramBuilder(path: file.path, name: "\(Self.checksFolder)/\(name)")
            for check in file.checks {
                let location = locate(check, file: file, locator: locator, sections: sections)
                if let snippetName = check.entry.snippet {
                    guard FileManager.default.fileExists(atPath: directory + "/" + snippetName) else {
                        throw CorpusError(file: file.path, line: check.line,
                                          message: "the check names \(snippetName), which is not in \(directory)")
                    }
                    guard let index = snippets.firstIndex(where: { $0.name == snippetName }) else { continue }  // filtered out
                    var builder = ProgramBuilder(path: file.path, name: snippetName)
                    builder.chunks = snippets[index].extraChunks
                    builder.results = snippets[index].extraResults
                    builder.addCheck(check, file: file, location: location, freshNamespace: false, base: 1)
                    snippets[index].extraChunks = builder.chunks
                    snippets[index].extraResults = builder.results
                } else {
                    standalone.addCheck(check, file: file, location: location, freshNamespace: true, base: 0)
                }
            }
            let programName = standalone.name
            guard !standalone.results.isEmpty, Self.matches(programName, filter) else { continue }
            let program = ProgramSource(name: programName, path: file.path, origin: Origin(document: file.path),
                                        chunks: standalone.chunks, results: standalone.results, isolatesSyntaxErrors: true)
            let text = (try? String(contentsOfFile: file.path, encoding: .utf8)) ?? ""
            snippets.append(Snippet(
                name: programName, path: file.path, language: .python, source: text,
                entry: Manifest.Entry(file: programName, question: file.question, exclusive: file.exclusive ? true : nil), problem: nil,
                guideProgram: GuideProgram(program: program, fixtures: [], timeout: nil, question: file.question)))
        }
    }

    /// Where a check's quote is in the guide; the check's own line when it is not there.
    private mutating func locate(_ check: CheckFile.Check, file: CheckFile, locator: QuoteLocator?,
                                 sections: [String: ClosedRange<Int>]) -> Location {
        if let guide = guidePath, let locator {
            let section = sections[file.question]
            if let lines = locator.locate(check.entry.quote, in: section) {
                return Location(document: guide, firstLine: lines.lowerBound, lastLine: lines.upperBound)
            }
            problems.append(CorpusError(file: file.path, line: check.line,
                                        message: "the quote is not in \(section == nil ? "the guide" : "\(file.question) of the guide") (\(guide)): \"\(check.entry.quote)\""))
        }
        return Location(document: file.path, firstLine: check.line, lastLine: check.line)
    }

    /// Each question's lines: from its heading to the line before the next.
    public static func questionSections(_ lines: [String]) -> [String: ClosedRange<Int>] {
        let headings = Guide.questionLines(lines)
        var sections: [String: ClosedRange<Int>] = [:]
        for (index, heading) in headings.enumerated() where sections[heading.question] == nil {
            let end = index + 1 < headings.count ? headings[index + 1].line - 1 : lines.count
            sections[heading.question] = heading.line...max(heading.line, end)
        }
        return sections
    }
}

extension ProgramBuilder {
    /// A check as chunks (a prelude and the check's code per context) and the
    /// claim it makes on them. `base` counts the chunks before these (a snippet's own).
    mutating func addCheck(_ check: CheckFile.Check, file: CheckFile, location: Location, freshNamespace: Bool, base: Int) {
        let entry = check.entry
        var kind = ClaimKind.check
        var expectation = Expectation.noException
        if let value = entry.expect {
            (kind, expectation) = (.value, .text(value))
        } else if let output = entry.output {
            var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            while lines.last == "" { lines.removeLast() }
            (kind, expectation) = (.output, .lines(lines))
        } else if let raises = entry.raises {
            let raised = CommentText.exception(in: raises.trimmingWhitespace())
            (kind, expectation) = (.exception, .raises(type: raised?.type ?? raises, message: raised?.message))
        }
        var chunkIndices: [Int] = []
        if let code = entry.check {
            let contexts = check.contexts.isEmpty ? [(name: "", code: "", line: check.codeLine)] : check.contexts
            for context in contexts {
                if !context.code.isEmpty {
                    chunks.append(Chunk(firstLine: context.line, code: context.code, kind: .check, path: file.path,
                                        freshNamespace: freshNamespace))
                }
                chunks.append(Chunk(firstLine: check.codeLine, code: code, kind: .check, path: file.path,
                                    freshNamespace: freshNamespace && context.code.isEmpty))
                chunkIndices.append(base + chunks.count - 1)
            }
        }
        results.append(DocumentedResult(
            source: .check, location: location, kind: kind, chunks: chunkIndices,
            contexts: check.contexts.isEmpty ? nil : check.contexts.map(\.name), documented: entry.quote,
            expectation: expectation, notCheckable: entry.notCheckable, note: entry.note, subjectLine: check.line))
    }
}
