import Foundation
import PythonRuntime
import TestSupport
import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Reports
@testable import Runner
@testable import Verifier

/// The committed corpus against the guide it was cut from.
@Suite("The committed corpus")
struct CorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snippets = root.appendingPathComponent("snippets").path
    static let sharedGuide = root.appendingPathComponent("../shared/guide/python-interview-guide.txt").standardized.path

    static func corpus() throws -> SnippetCorpus { try SnippetCorpus.load(directory: snippets) }

    @Test("every snippet is a verbatim copy of consecutive guide lines, where the manifest says it starts")
    func verbatim() throws {
        let corpus = try Self.corpus()
        let guide = try Guide(path: try #require(corpus.guidePath))
        let coverage = GuideCoverage.check(corpus, against: guide, regions: [])
        #expect(coverage.notVerbatim.isEmpty)
        #expect(coverage.misplaced.isEmpty, "\(coverage.misplaced)")
        let files = corpus.snippets.filter { $0.guideProgram == nil }
        #expect(coverage.placements.count == files.count)
        #expect(files.count == 62)
        #expect(corpus.snippets.count > files.count, "the checks' own programs")
        #expect(corpus.snippets.filter { $0.language == .shell }.count == 2)
    }

    @Test("no code-looking region of the guide is left without a snippet")
    func noRegionUncovered() throws {
        let corpus = try Self.corpus()
        let guide = try Guide(path: try #require(corpus.guidePath))
        let text = guide.text
        let regions = try TestPython.shared.withGILBlocking { gil in
            try PythonReading.install(gil)
            return try PythonReading.codeRegions(in: text, gil)
        }
        #expect(regions.count == 61)
        let coverage = GuideCoverage.check(corpus, against: guide, regions: regions)
        #expect(coverage.gaps.isEmpty, "\(coverage.gaps)")
    }

    @Test("the check finds a snippet that drifted and a region left out")
    func driftIsFound() throws {
        var corpus = try Self.corpus()
        let guide = try Guide(path: try #require(corpus.guidePath))
        let regions = [GuideCoverage.Region(firstLine: 936, lastLine: 941, kind: "python")]
        // Drop the decorator line from q19_unhashable: the region is no longer covered.
        let index = try #require(corpus.snippets.firstIndex { $0.name == "q19_unhashable.py" })
        corpus.snippets[index].source = corpus.snippets[index].source!.replacingOccurrences(of: "@lru_cache\n", with: "")
        var coverage = GuideCoverage.check(corpus, against: guide, regions: regions)
        #expect(coverage.gaps.map(\.lines) == [[936]])
        #expect(coverage.misplaced.map(\.snippet) == ["q19_unhashable.py"])
        corpus.snippets[index].source = "print('not in the guide')\n"
        coverage = GuideCoverage.check(corpus, against: guide, regions: regions)
        #expect(coverage.notVerbatim == ["q19_unhashable.py"])
    }

    @Test("the committed copy of the guide is the shared one",
          .enabled(if: FileManager.default.fileExists(atPath: sharedGuide), "the shared guide (../shared/guide) is not beside this checkout"))
    func guideCopyIsCurrent() throws {
        let corpus = try Self.corpus()
        #expect(try Guide(path: try #require(corpus.guidePath)).text == Guide(path: Self.sharedGuide).text)
    }

    @Test("every manifest entry has a file, every fixture exists, every annotation is on a comment")
    func manifestIsConsistent() throws {
        let corpus = try Self.corpus()
        #expect(corpus.problems.isEmpty)
        #expect(corpus.snippets.allSatisfy { $0.entry != nil })
        let list = corpus.snippets
        let guide = corpus.guidePath
        let (unknownFixtures, staleAnnotations, undefined) = try TestPython.shared.withGILBlocking { gil in
            let known = try Fixtures.descriptions(gil)
            var unknown: [String] = []
            var stale: [String] = []
            var undefined: [String] = []
            for snippet in list where snippet.language == .python {
                unknown += (snippet.entry?.fixtures ?? []).filter { known[$0] == nil }
                let reading = try ProgramReader.read(try #require(snippet.program(guide: guide)),
                                                     annotations: snippet.entry?.annotations ?? [],
                                                     fixtures: snippet.entry?.fixtures ?? [], gil)
                stale += reading.unmatchedAnnotations.map { "\(snippet.name):\($0)" }
                undefined += reading.undefinedNames.map { "\(snippet.name): \($0)" }
            }
            return (unknown, stale, undefined)
        }
        #expect(unknownFixtures.isEmpty)
        #expect(staleAnnotations.isEmpty)
        #expect(undefined.isEmpty, "names the guide leaves undefined must come from fixtures")
    }

    @Test("every quote of a check is the guide's words, in its question's section")
    func checksQuoteTheGuide() throws {
        let corpus = try Self.corpus()
        #expect(corpus.problems.isEmpty, "\(corpus.problems)")
        let checks = corpus.snippets.flatMap { $0.extraResults + ($0.guideProgram?.program.results ?? []) }.filter { $0.source == .check }
        #expect(checks.count > 300)
        #expect(checks.allSatisfy { $0.location.document == corpus.guidePath }, "each placed in the guide")
    }

    @Test("expected/ has one file per snippet and no other")
    func expectedMatchesCorpus() throws {
        let corpus = try Self.corpus()
        let store = SnapshotStore(directory: Self.root.appendingPathComponent("expected").path)
        #expect(store.staleFiles(keeping: Set(corpus.snippets.map(\.stem))).isEmpty)
        for snippet in corpus.snippets {
            #expect(store.accepted(for: snippet)?.hasPrefix(SnapshotRenderer.firstLine) == true, "\(snippet.name)")
        }
    }
}
