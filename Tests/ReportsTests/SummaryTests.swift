import Testing
@testable import Reports
import GuideModel
import Reader
import Verifier

@Suite("Markdown, annotations, merging, shards")
struct SummaryTests {
    @Test("the Markdown summary: counts, the failing claims, troubled snippets, the benchmarks")
    func markdown() {
        let markdown = MarkdownSummary.render(verification: Documents.verification, benchmarks: Documents.benchmarks, snippetsDirectory: "snippets")
        #expect(markdown.contains("| ✓ holds | 2 |"))
        #expect(markdown.contains("| ◐ context-dependent | 1 |"))
        #expect(markdown.contains("| `guide.txt:111` | ✗ wrong | [('s', 4), ('i', 4)] | [('i', 4), ('s', 4)] |"))
        #expect(markdown.contains("| `guide.txt:108` | ◐ context-dependent | False in most contexts | module: True; interactive: False |"))
        #expect(markdown.contains("| `guide.txt:115` | ✓ holds, changed from expected/ |"))
        #expect(markdown.contains("| `snippets/q06_crash.py` | crashed |"))
        #expect(markdown.contains("| concat | O(n²) | O(n²) | exponent 1.00 [0.97, 1.03] | ✗ not-reproduced |"), "\(markdown)")
        #expect(markdown.contains("| numpy | parallel | parallel | 1.4 x [1.13, 1.65] | ? inconclusive |"))
        #expect(markdown.contains("| arrays | 2–4× | 2–4x | 1–2 x over 2 conditions | ◐ context-dependent |"))
        #expect(MarkdownSummary.cell("a|b\nc") == "a\\|b ⏎ c")
    }

    @Test("GitHub annotations name the file and line, escaped as workflow commands require")
    func annotations() {
        let lines = GitHubAnnotations.verification(Documents.verification, snippetsDirectory: "snippets", updateCommand: "guidecheck update")
        // A claim's annotation is on the guide's line, where its words are.
        #expect(lines.contains { $0.hasPrefix("::error file=guide.txt,line=111,title=guidecheck%3A wrong::wrong: documented") })
        #expect(lines.contains { $0.hasPrefix("::error file=expected/q05_interning.txt,title=guidecheck%3A expected/ differs::--- a%0A") })
        #expect(lines.contains { $0.hasPrefix("::error file=snippets/q06_crash.py,title=guidecheck%3A crashed::") })
        #expect(lines.contains { $0.hasPrefix("::error file=guide.txt,line=115,title=guidecheck%3A holds%2C changed from expected/::") })
        #expect(lines.count == 5, "wrong, context-dependent, the changed claim, the changed file, the crash: \(lines)")
        #expect(GitHubAnnotations.escapeProperty("a,b:c%") == "a%2Cb%3Ac%25")
    }

    @Test("a hint in an annotation or a JUnit case is the update command as given, folder options and all")
    func hintsCarryTheFolders() {
        let snippets = [Documents.snippet("q05_interning.py", claims: [Documents.claim(4, .holds)], expected: .missing)]
        let document = VerificationDocument(python: "3.11.2", summary: VerificationDocument.summarise(snippets), snippets: snippets)
        let command = "guidecheck update --snippets 'my snippets' --expected results"
        let annotations = GitHubAnnotations.verification(document, snippetsDirectory: "my snippets", updateCommand: command)
        #expect(annotations.contains { $0.hasSuffix("::run \(command) to accept this run") }, "\(annotations)")
        let xml = JUnitReport.verification(document, snippetsDirectory: "my snippets", command: "verify", updateCommand: command)
        #expect(xml.contains("expected/q05_interning.txt is missing; run guidecheck update --snippets &apos;my snippets&apos; --expected results"), "\(xml)")
    }

    @Test("merging shards: everything once, in order, counts recomputed; conflicts refused")
    func merge() throws {
        let whole = Documents.verification
        let first = VerificationDocument(python: "3.11.2", summary: whole.summary, snippets: [whole.snippets[2], whole.snippets[0]])
        let second = VerificationDocument(python: "3.11.2", summary: whole.summary, snippets: [whole.snippets[1]])
        let merged = try DocumentMerge.merge([("a.json", first), ("b.json", second)])
        #expect(merged.snippets.map(\.file) == ["q05_interning.py", "q06_crash.py", "q20_cli.sh"])
        #expect(merged.summary.claims == 6)
        #expect(merged.summary.verdicts["holds"] == 2)
        #expect(throws: DocumentMerge.Failure.self) { try DocumentMerge.merge([("a.json", first), ("c.json", first)]) }
        var other = second
        other.python = "3.12.0"
        #expect(throws: DocumentMerge.Failure.self) { try DocumentMerge.merge([("a.json", first), ("d.json", other)]) }
    }

    @Test("shards: every snippet in exactly one, exclusive ones spread, counts balanced")
    func shards() throws {
        let corpus = try SnippetCorpus.load(directory: TestPaths.snippets)
        for count in 1...5 {
            let parts = (1...count).map { Shard("\($0)/\(count)")!.select(corpus.snippets) }
            let names = parts.flatMap { $0.map(\.name) }
            #expect(names.count == corpus.snippets.count)
            #expect(Set(names).count == names.count)
            let sizes = parts.map(\.count)
            #expect(sizes.max()! - sizes.min()! <= 1, "\(sizes)")
            let exclusive = parts.map { $0.filter { $0.entry?.exclusive == true }.count }
            #expect(exclusive.max()! - exclusive.min()! <= 1, "exclusive per shard: \(exclusive)")
        }
        #expect(Shard("0/2") == nil)
        #expect(Shard("3/2") == nil)
        #expect(Shard("1/2")!.select(corpus.snippets).map(\.name) == Shard("1/2")!.select(corpus.snippets.reversed()).map(\.name))
    }
}

import Foundation

enum TestPaths {
    static let snippets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("snippets").path
}
