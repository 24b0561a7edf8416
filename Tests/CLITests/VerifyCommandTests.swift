import Foundation
import TestSupport
import Testing

/// `verify`, `update`, `report` and `coverage`, run as a user runs them.
@Suite("Verifying the guide from the command line")
struct VerifyCommandTests {
    static let root = GuideCheckCommand.packageRoot.path

    /// A copy of a few committed snippets (and their accepted results) in a scratch folder.
    static func copy(_ names: [String], expected: Bool = true) -> ScratchDirectory {
        let scratch = ScratchDirectory()
        for name in names {
            scratch.write("snippets/\(name).py", try! String(contentsOfFile: "\(root)/snippets/\(name).py", encoding: .utf8))
            if expected {
                scratch.write("expected/\(name).txt", try! String(contentsOfFile: "\(root)/expected/\(name).txt", encoding: .utf8))
            }
        }
        return scratch
    }

    @Test("verify on the committed snippets and expected/ passes")
    func committedCorpusVerifies() throws {
        let result = try GuideCheckCommand.run(["verify"], directory: Self.root)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        // The 62 snippets, and a program for each file of checks with checks that use no snippet.
        let checks = try FileManager.default.contentsOfDirectory(atPath: "\(Self.root)/snippets/checks").filter { file in
            let text = try String(contentsOfFile: "\(Self.root)/snippets/checks/\(file)", encoding: .utf8)
            return text.components(separatedBy: "\n  - quote:").count - 1 > text.components(separatedBy: "\n    snippet:").count - 1
        }
        #expect(result.stdout.contains("verified \(62 + checks.count) snippets"), "\(result.stdout)")
        #expect(result.stdout.contains("all as in expected/"))
    }

    @Test("a changed result: exit 1 and a unified diff naming the file and line")
    func changedResult() throws {
        let scratch = Self.copy(["q05_interning"])
        let path = scratch.path + "/expected/q05_interning.txt"
        let accepted = try String(contentsOfFile: path, encoding: .utf8)
        try accepted.replacingOccurrences(of: "line 9  output  context-dependent", with: "line 9  output  holds")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try GuideCheckCommand.run(["verify", "--snippets", "snippets", "--expected", "expected"], directory: scratch.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("--- expected/q05_interning.txt\n+++ this run\n@@ -"))
        #expect(result.stdout.contains("-line 9  output  holds\n+line 9  output  context-dependent"))
        #expect(result.stderr.contains("1 of 1 snippet differs from expected/"))
    }

    @Test("a missing or malformed result file is named, with the command that fixes it")
    func missingAndMalformed() throws {
        let scratch = Self.copy(["q05_interning", "q06_legb"])
        try FileManager.default.removeItem(atPath: scratch.path + "/expected/q05_interning.txt")
        scratch.write("expected/q06_legb.txt", "not a result file\n")
        let result = try GuideCheckCommand.run(["verify"], directory: scratch.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("expected/q05_interning.txt: missing; run `guidecheck update --filter q05_interning` to create it"))
        #expect(result.stderr.contains("expected/q06_legb.txt:1: not a guidecheck result file"))
    }

    @Test("update writes what verify then accepts, and reproduces the committed files")
    func update() throws {
        let scratch = Self.copy(["q05_interning", "q21_defaultdict_counter"], expected: false)
        let first = try GuideCheckCommand.run(["update"], directory: scratch.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("created expected/q05_interning.txt"))
        let second = try GuideCheckCommand.run(["update"], directory: scratch.path)
        #expect(second.stdout.contains("nothing changed"))
        #expect(try GuideCheckCommand.run(["verify"], directory: scratch.path).status == 0)
        let written = try String(contentsOfFile: scratch.path + "/expected/q05_interning.txt", encoding: .utf8)
        let committed = try String(contentsOfFile: Self.root + "/expected/q05_interning.txt", encoding: .utf8)
        // The copy has no manifest, so its header names no topic; the rest is identical.
        #expect(written.split(separator: "\n").dropFirst(3) == committed.split(separator: "\n").dropFirst(3))
    }

    @Test("report needs no expected/ and lists the errata, grouped by question")
    func report() throws {
        let scratch = Self.copy(["q05_interning", "q21_defaultdict_counter"], expected: false)
        let result = try GuideCheckCommand.run(["report", "--json", "errata.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Q5\n  snippets/q05_interning.py:9  context-dependent"))
        #expect(result.stdout.contains("snippets/q21_defaultdict_counter.py:11  wrong"))
        #expect(result.stdout.contains("observed     [('i', 4), ('s', 4), ('p', 2)]"))
        let json = try jsonObject(at: scratch.path + "/errata.json")
        #expect(json["python"] as? String == "3.11.2")
        let snippets = try cast(json["snippets"], as: [[String: Any]].self)
        #expect(try snippets.map { try cast($0["file"], as: String.self) } == ["q05_interning.py", "q21_defaultdict_counter.py"])
        #expect(try snippets.allSatisfy { ["ok", "error", "crashed", "timeout"].contains(try cast($0["status"], as: String.self)) })
        let first = try #require(snippets.first)
        let claim = try #require(cast(first["claims"], as: [[String: Any]].self).first { $0["line"] as? Int == 9 })
        #expect(claim["kind"] as? String == "output")
        #expect(claim["documented"] as? String == "False in most contexts (not interned)")
        #expect(claim["observed"] as? String == "True")
        #expect(claim["verdict"] as? String == "context-dependent")
    }

    @Test("a malformed manifest is a usage error naming the file and line")
    func malformedManifest() throws {
        let scratch = Self.copy(["q05_interning"])
        scratch.write("snippets/manifest.yaml", "snippets:\n  - file: q05_interning.py\n    question: [unclosed\n")
        let result = try GuideCheckCommand.run(["verify"], directory: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("snippets/manifest.yaml:4: not valid YAML"))
    }

    @Test("an unknown key in the manifest is a usage error naming the file, line and nearest key")
    func unknownManifestKey() throws {
        let scratch = Self.copy(["q05_interning"])
        scratch.write("snippets/manifest.yaml", "snippets:\n  - file: q05_interning.py\n    timout: 1\n")
        let result = try GuideCheckCommand.run(["verify"], directory: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("snippets/manifest.yaml:3: unknown key 'timout' in snippets[0]; did you mean 'timeout'?"), "\(result.stderr)")
    }

    @Test("a folder of snippets that is missing, or not a folder, is a usage error naming it")
    func badFolder() throws {
        let scratch = ScratchDirectory()
        scratch.write("not-a-folder", "x")
        for path in [scratch.path + "/absent", scratch.path + "/not-a-folder"] {
            let result = try GuideCheckCommand.run(["verify", "--snippets", path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(path): no such folder of snippets"))
        }
    }

    @Test("coverage: the corpus matches the guide")
    func coverage() throws {
        let result = try GuideCheckCommand.run(["coverage"], directory: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("62 snippets, all verbatim: yes; 61 of 61 code regions of the guide covered"))
    }

    @Test("coverage fails when the guide changes under a benchmark's claim or a check's quote, naming each")
    func coverageStaleQuotes() throws {
        let scratch = ScratchDirectory()
        try FileManager.default.copyItem(atPath: Self.root + "/snippets", toPath: scratch.path + "/snippets")
        try FileManager.default.copyItem(atPath: Self.root + "/benchmarks", toPath: scratch.path + "/benchmarks")
        let before = try GuideCheckCommand.run(["coverage", "--benchmarks", "benchmarks"], directory: scratch.path)
        #expect(before.status == 0, "the copy is in step: \(before.stderr)")
        // Two sentences of the guide's prose, each quoted by a check or a benchmark, reworded.
        let guidePath = scratch.path + "/snippets/python-interview-guide.txt"
        var guide = try String(contentsOfFile: guidePath, encoding: .utf8)
        for (quoted, reworded) in [("Python threads do not give you parallelism for CPU-bound code", "Python threads rarely give you parallelism for CPU-bound code"),
                                   ("The GIL is released in two situations that make threads useful anyway", "The GIL is released in two situations")] {
            try #require(guide.components(separatedBy: quoted).count == 2, "quoted once: \(quoted)")
            guide = guide.replacingOccurrences(of: quoted, with: reworded)
        }
        try guide.write(toFile: guidePath, atomically: true, encoding: .utf8)
        let result = try GuideCheckCommand.run(["coverage", "--benchmarks", "benchmarks"], directory: scratch.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("benchmarks/benchmarks.yaml: q01_cpu_threads: the claim is not in Q1 of the guide"), "\(result.stderr)")
        #expect(result.stderr.contains("snippets/checks/q01.yaml:29: the quote is not in Q1 of the guide"), "\(result.stderr)")
        #expect(result.stdout.contains("all verbatim: yes"), "the code is untouched: \(result.stdout)")
        #expect(result.stdout.contains("the benchmarks quote the guide verbatim: no"))
    }

    @Test("report --coverage lists, per question, the paragraphs of the answers that hold no claim; a guide without questions is told why there is no list")
    func reportCoverage() throws {
        let scratch = ScratchDirectory()
        let guide = scratch.write("g.txt", """
            A guide

            Q1. What does adding two integers give?

            Adding numbers is easy, as this shows:

            print(1 + 1)  # 2

            Python integers never overflow, however large they grow.

            Q2. Is that all?

            Yes, that is all there is to say here.

            """)
        let result = try GuideCheckCommand.run(["report", "--guide", guide, "--coverage"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("""
            Q1: 2 paragraphs with no claim
              \(guide):5  Adding numbers is easy, as this shows:
              \(guide):9  Python integers never overflow, however large they grow.
            Q2: 1 paragraph with no claim
              \(guide):13  Yes, that is all there is to say here.
            3 paragraphs of the answers hold no claim; 1 paragraph holds at least one
            """), "\(result.stdout)")
        let markdown = scratch.write("g.md", "# Sums\n\n```python\nprint(1 + 1)  # 2\n```\n\nIntegers never overflow.\n")
        let plain = try GuideCheckCommand.run(["report", "--guide", markdown, "--coverage"], directory: scratch.path)
        #expect(plain.stderr.contains("no question headings (`Q1. …`) found; --coverage lists the paragraphs of each answer, so it needs them"), "\(plain.stderr)")
    }
}
