import Foundation
import TestSupport
import Testing

/// A Markdown guide used directly, as a newcomer would: verify, update, report,
/// and fixing the guide in place.
@Suite("Guides read directly from the command line")
struct GuideCommandTests {
    static let guide = """
        # A small guide

        ```python
        total = sum([1, 2, 3])
        print(total)  # 7 — the sum
        ```

        ```pycon
        >>> total * 2
        12
        >>> [1, 2]
        [ 1, 2 ]
        ```

        **Output:**

        ```
        not what it printed
        ```

        Some closing prose.

        """

    @Test("update writes expected/ per document; verify passes on it; report lists what does not hold at guide lines")
    func roundTrip() throws {
        let scratch = ScratchDirectory()
        scratch.write("docs/guide.md", Self.guide)
        var result = try GuideCheckCommand.run(["update", "--guide", "docs"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/expected/guide.md.txt"))
        result = try GuideCheckCommand.run(["verify", "--guide", "docs/guide.md"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        result = try GuideCheckCommand.run(["report", "--guide", "docs/guide.md", "--json", "out.json"], directory: scratch.path)
        #expect(result.stdout.contains("docs/guide.md:5  wrong  (output)"), "\(result.stdout)")
        #expect(result.stdout.contains("docs/guide.md:12  normalised  (session, doctest-output)"))
        #expect(result.stdout.contains("docs/guide.md:18  wrong  (block, output-block)"))
        let json = try jsonObject(at: scratch.path + "/out.json")
        let snippet = try #require(cast(json["snippets"], as: [[String: Any]].self).first)
        let claims = try cast(snippet["claims"], as: [[String: Any]].self)
        #expect(try claims.map { try cast($0["guide_line"], as: Int.self) } == [5, 10, 12, 18])
        #expect(claims.allSatisfy { $0["guide"] as? String == "docs/guide.md" })
    }

    @Test("--rewrite-comments shows the diff; without --yes and no terminal nothing is written; with it, only the claims change")
    func rewrite() throws {
        let scratch = ScratchDirectory()
        scratch.write("guide.md", Self.guide)
        var result = try GuideCheckCommand.run(["update", "--guide", "guide.md", "--rewrite-comments"], directory: scratch.path)
        #expect(result.stdout.contains("-print(total)  # 7 — the sum\n+print(total)  # 6 — the sum"), "\(result.stdout)")
        #expect(result.stdout.contains("2 documented results to rewrite; run again with --yes"))
        #expect(try String(contentsOfFile: scratch.path + "/guide.md", encoding: .utf8) == Self.guide)
        result = try GuideCheckCommand.run(["update", "--guide", "guide.md", "--rewrite-comments", "--yes"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        // The output block follows the session, so it documents the session's last example.
        let fixed = Self.guide.replacingOccurrences(of: "# 7 — the sum", with: "# 6 — the sum")
            .replacingOccurrences(of: "not what it printed", with: "[1, 2]")
        let after = try String(contentsOfFile: scratch.path + "/guide.md", encoding: .utf8)
        #expect(after == fixed, "\(after)")
        result = try GuideCheckCommand.run(["report", "--guide", "guide.md"], directory: scratch.path)
        #expect(result.stdout.contains(" 0 wrong,"), "\(result.stdout)")
    }

    @Test("--rewrite-comments keeps a result marker the program did not print, and one it did, and a marker line above a block")
    func rewriteMarkers() throws {
        let scratch = ScratchDirectory()
        let guide = "```python\nprint(3)  # Output: 4\nprint(f\"Result: {3}\")  # Result: 4\nprint(3)\n# Output:\n# 4\n```\n"
        scratch.write("guide.md", guide)
        let result = try GuideCheckCommand.run(["update", "--guide", "guide.md", "--rewrite-comments", "--yes"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let after = try String(contentsOfFile: scratch.path + "/guide.md", encoding: .utf8)
        #expect(after == "```python\nprint(3)  # Output: 3\nprint(f\"Result: {3}\")  # Result: 3\nprint(3)\n# Output:\n# 3\n```\n", "\(after)")
    }
}
