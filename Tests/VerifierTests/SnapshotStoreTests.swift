import Foundation
import TestSupport
import Testing
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Reports
@testable import Runner
@testable import Verifier

@Suite("The expected/ store")
struct SnapshotStoreTests {
    static func snippet(in scratch: ScratchDirectory) -> Snippet {
        Snippet(name: "q99_demo.py", path: scratch.path + "/q99_demo.py", language: .python, source: "", entry: nil, problem: nil)
    }

    @Test("missing, malformed, differing and the same")
    func comparisons() throws {
        let scratch = ScratchDirectory()
        let store = SnapshotStore(directory: scratch.path + "/expected")
        let snippet = Self.snippet(in: scratch)
        let accepted = SnapshotRenderer.firstLine + "\nline 1  output  holds\n"
        #expect(store.compare(accepted, for: snippet) == .missing)
        #expect(try store.write(accepted, for: snippet))
        #expect(try !store.write(accepted, for: snippet), "an unchanged file is not rewritten")
        #expect(store.compare(accepted, for: snippet) == .same)
        guard case .differs(let diff) = store.compare(accepted.replacingOccurrences(of: "holds", with: "wrong"), for: snippet) else {
            Issue.record("expected a difference")
            return
        }
        #expect(diff.contains("-line 1  output  holds\n+line 1  output  wrong"))
        scratch.write("expected/q99_demo.txt", "hello\n")
        #expect(store.compare(accepted, for: snippet) == .malformed("line 1 is \"hello\", not \"\(SnapshotRenderer.firstLine)\""))
    }

    @Test("a write leaves no temporary file behind and replaces the file whole")
    func atomicWrite() throws {
        let scratch = ScratchDirectory()
        let path = scratch.path + "/file.txt"
        try SnapshotStore.atomicWrite("first\n", to: path)
        try SnapshotStore.atomicWrite("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["file.txt"])
    }

    @Test("result files of snippets that no longer exist are found")
    func stale() throws {
        let scratch = ScratchDirectory()
        scratch.write("expected/q01_a.txt", "x")
        scratch.write("expected/q02_gone.txt", "x")
        let store = SnapshotStore(directory: scratch.path + "/expected")
        #expect(store.staleFiles(keeping: ["q01_a"]) == [scratch.path + "/expected/q02_gone.txt"])
    }
}
