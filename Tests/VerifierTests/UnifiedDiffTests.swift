import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Reports
@testable import Runner
@testable import Verifier

@Suite("Unified diffs")
struct UnifiedDiffTests {
    @Test("equal texts give no diff")
    func equal() {
        #expect(UnifiedDiff.render(from: "a\nb\n", to: "a\nb\n", oldName: "old", newName: "new") == "")
    }

    @Test("one changed line, with context and line numbers as diff -u writes them")
    func changedLine() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 6\n", with: "line six\n")
        let diff = UnifiedDiff.render(from: old, to: new, oldName: "expected/x.txt", newName: "this run")
        #expect(diff == """
            --- expected/x.txt
            +++ this run
            @@ -3,7 +3,7 @@
             line 3
             line 4
             line 5
            -line 6
            +line six
             line 7
             line 8
             line 9

            """)
    }

    @Test("distant changes make separate hunks; an insertion at the start")
    func hunks() {
        let old = (1...20).map { "\($0)" }.joined(separator: "\n") + "\n"
        var lines = (1...20).map { "\($0)" }
        lines.insert("zero", at: 0)
        lines[18] = "eighteen"
        let hunks = UnifiedDiff.hunks(from: old, to: lines.joined(separator: "\n") + "\n")
        #expect(hunks.count == 2)
        #expect(hunks[0].header == "@@ -1,3 +1,4 @@")
        #expect(hunks[0].lines.first == "+zero")
        #expect(hunks[1].header == "@@ -15,6 +16,6 @@", "as diff -u writes it")
    }
}
