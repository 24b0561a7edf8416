import Foundation
import Testing
@testable import Runner

/// /proc is read after every run; what reads it must not grow the worker.
@Suite("Reading /proc")
struct ProcFileTests {
    static func residentKilobytes() -> Int {
        let fields = (ProcFile.read("/proc/self/statm") ?? "").split(separator: " ")
        return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    @Test("an empty children list is read as empty, 50,000 times, without the memory growing (Foundation leaks 4 KiB a read)")
    func emptyChildrenList() throws {
        // A thread with no children: its children file is empty.
        let path = "/proc/thread-self/children"
        let before = Self.residentKilobytes()
        var empty = 0
        for _ in 0..<50_000 where ProcFile.read(path)?.isEmpty == true { empty += 1 }
        let grown = Self.residentKilobytes() - before
        #expect(empty == 50_000)
        // Foundation's readers grow it by about 200,000 KB here; the bound leaves
        // room for what other tests of this process allocate meanwhile.
        #expect(grown < 40_000, "resident memory grew by \(grown) KB")
    }

    @Test("a process's children are found, a missing file is nil")
    func childrenFound() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["5"]
        try child.run()
        defer { child.terminate(); child.waitUntilExit() }
        #expect(ChildSupervisor.adoptedChildren().contains(child.processIdentifier))
        #expect(ProcFile.read("/proc/self/no-such-file") == nil)
    }
}
