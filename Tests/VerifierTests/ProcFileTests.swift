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
    func emptyChildrenList() async throws {
        // In a process of its own: in the shared one, other tests allocate freely
        // meanwhile, and the resident size says nothing about this reader.
        let result = try #require(await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            let before = ProcFileTests.residentKilobytes()
            var empty = 0
            for _ in 0..<50_000 where ProcFile.read("/proc/thread-self/children")?.isEmpty == true { empty += 1 }
            let grown = ProcFileTests.residentKilobytes() - before
            FileHandle.standardError.write(Data("empty \(empty) grown \(grown)\n".utf8))
        })
        let report = String(decoding: result.standardErrorContent, as: UTF8.self)
        let fields = report.split(whereSeparator: \.isWhitespace)
        let grown = try #require(fields.firstIndex(of: "grown").flatMap { Int(fields[$0 + 1]) }, "\(report)")
        #expect(report.hasPrefix("empty 50000 "), "\(report)")
        // Foundation's readers grow it by about 200,000 KB; this reader by nothing
        // but what the first reads map.
        #expect(grown < 8_000, "resident memory grew by \(grown) KB")
    }

    @Test("a process's children are found, a missing file is nil")
    func childrenFound() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["5"]
        try child.run()
        // SIGKILL: a child started from a test thread inherits that thread's
        // blocked signals, SIGTERM among them (it would sleep its 5 s out).
        defer { kill(child.processIdentifier, SIGKILL); child.waitUntilExit() }
        #expect(ChildSupervisor.adoptedChildren().contains(child.processIdentifier))
        #expect(ProcFile.read("/proc/self/no-such-file") == nil)
    }
}
