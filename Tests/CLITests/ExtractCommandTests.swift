import Foundation
import TestSupport
import Testing

/// `guidecheck extract` keeps snippets/ in step with the guide: unchanged examples
/// keep their names and annotations, changed ones are rewritten, new ones added,
/// removed ones deleted; run again, it changes nothing; `coverage` checks that.
@Suite("guidecheck extract")
struct ExtractCommandTests {
    static let guide = """
        Q1. What is one?

        Some prose about it.

        x = 1
        print(x)  # 1

        Q2. What is two?

        y = 2
        print(y)  # 2

        """

    @Test("from nothing, then unchanged, then an edited guide: kept, changed, added, removed")
    func lifecycle() throws {
        let scratch = ScratchDirectory()
        scratch.write("guide.txt", Self.guide)
        var result = try GuideCheckCommand.run(["extract", "--guide", "guide.txt", "--snippets", "snippets"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("new      q01_example_5.py"))
        #expect(result.stdout.contains("new      q02_example_10.py"))
        #expect(try String(contentsOfFile: scratch.path + "/snippets/q01_example_5.py", encoding: .utf8) == "x = 1\nprint(x)  # 1\n")
        let manifest = try String(contentsOfFile: scratch.path + "/snippets/manifest.yaml", encoding: .utf8)
        #expect(manifest.contains("guide: ../guide.txt"))
        #expect(manifest.contains("  - file: q02_example_10.py\n    question: Q2\n    guide_line: 10\n"))

        result = try GuideCheckCommand.run(["extract", "--snippets", "snippets"], directory: scratch.path)
        #expect(result.stdout.contains("snippets/ is as the guide says: 2 snippets, nothing to change"), "\(result.stdout)")

        // A hand-written annotation and a renamed file survive; the guide changes.
        try FileManager.default.moveItem(atPath: scratch.path + "/snippets/q01_example_5.py", toPath: scratch.path + "/snippets/q01_one.py")
        scratch.write("snippets/manifest.yaml", manifest.replacingOccurrences(of: "q01_example_5.py", with: "q01_one.py")
            .replacingOccurrences(of: "    guide_line: 5\n", with: "    guide_line: 5\n    annotations:\n      - line: 2\n        note: kept\n"))
        scratch.write("guide.txt", Self.guide.replacingOccurrences(of: "print(y)  # 2", with: "print(y * 2)  # 4")
            + "Q3. And three?\n\nz = 3\n\n")
        result = try GuideCheckCommand.run(["coverage", "--snippets", "snippets"], directory: scratch.path)
        #expect(result.status == 1, "coverage fails while snippets/ is behind the guide")
        #expect(result.stderr.contains("extract would write: changed  q02_example_10.py"), "\(result.stderr)")
        result = try GuideCheckCommand.run(["extract", "--snippets", "snippets"], directory: scratch.path)
        #expect(result.stdout.contains("changed  q02_example_10.py"), "\(result.stdout)")
        #expect(result.stdout.contains("new      q03_example_14.py"))
        #expect(!result.stdout.contains("q01_one.py"), "unchanged")
        #expect(try String(contentsOfFile: scratch.path + "/snippets/q02_example_10.py", encoding: .utf8) == "y = 2\nprint(y * 2)  # 4\n")
        let after = try String(contentsOfFile: scratch.path + "/snippets/manifest.yaml", encoding: .utf8)
        #expect(after.contains("  - file: q01_one.py\n    question: Q1\n    guide_line: 5\n    annotations:\n      - line: 2\n        note: kept\n"))
        result = try GuideCheckCommand.run(["coverage", "--snippets", "snippets"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")

        scratch.write("guide.txt", Self.guide.components(separatedBy: "Q2.")[0])
        result = try GuideCheckCommand.run(["extract", "--snippets", "snippets"], directory: scratch.path)
        #expect(result.stdout.contains("removed  q02_example_10.py"), "\(result.stdout)")
        #expect(result.stdout.contains("removed  q03_example_14.py"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/snippets/q02_example_10.py"))
    }
    @Test("a guide renamed: the manifest's stale guide does not stop extract --guide, and its annotations are kept; a malformed manifest stops extract before it writes anything")
    func renamedGuideAndBrokenManifest() throws {
        let scratch = ScratchDirectory()
        scratch.write("guide.txt", Self.guide)
        var result = try GuideCheckCommand.run(["extract", "--guide", "guide.txt"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try String(contentsOfFile: scratch.path + "/snippets/manifest.yaml", encoding: .utf8)
            .replacingOccurrences(of: "    guide_line: 5\n", with: "    guide_line: 5\n    annotations:\n      - line: 2\n        note: kept\n")
        scratch.write("snippets/manifest.yaml", manifest)
        try FileManager.default.moveItem(atPath: scratch.path + "/guide.txt", toPath: scratch.path + "/renamed.txt")

        result = try GuideCheckCommand.run(["verify"], directory: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("manifest.yaml:3: guide: ../guide.txt: cannot read the guide"), "\(result.stderr)")
        // coverage --guide finds the checks' quotes in the guide it is given, not nowhere.
        scratch.write("snippets/checks/q01.yaml", "question: Q1\nchecks:\n  - quote: \"Not in the guide at all\"\n    check: assert True\n")
        result = try GuideCheckCommand.run(["coverage", "--guide", "renamed.txt"], directory: scratch.path)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("the quote is not in Q1 of the guide (renamed.txt)"), "\(result.stdout)\(result.stderr)")
        try FileManager.default.removeItem(atPath: scratch.path + "/snippets/checks")
        result = try GuideCheckCommand.run(["extract", "--guide", "renamed.txt"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        var after = try String(contentsOfFile: scratch.path + "/snippets/manifest.yaml", encoding: .utf8)
        #expect(after.contains("guide: ../renamed.txt"), "\(after)")
        #expect(after.contains("    annotations:\n      - line: 2\n        note: kept\n"), "\(after)")

        // A misspelled key: read as nothing, the manifest would be written over.
        let broken = after.replacingOccurrences(of: "        note: kept", with: "        noet: kept")
        scratch.write("snippets/manifest.yaml", broken)
        scratch.write("renamed.txt", Self.guide + "Q3. And three?\n\nz = 3\n\n")
        result = try GuideCheckCommand.run(["extract"], directory: scratch.path)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("noet"), "\(result.stderr)")
        after = try String(contentsOfFile: scratch.path + "/snippets/manifest.yaml", encoding: .utf8)
        #expect(after == broken)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/snippets/q03_example_14.py"))
    }
}
