import Foundation
import Synchronization
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
        // A thread of its own, which starts no process: its children file is
        // empty (a test thread may have started processes for other tests).
        let before = Self.residentKilobytes()
        let empty = Mutex(0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var count = 0
            for _ in 0..<50_000 where ProcFile.read("/proc/thread-self/children")?.isEmpty == true { count += 1 }
            empty.withLock { $0 = count }
            done.signal()
        }
        done.wait()
        let grown = Self.residentKilobytes() - before
        #expect(empty.withLock { $0 } == 50_000)
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
