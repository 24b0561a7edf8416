import Foundation
import PythonRuntime
import TestSupport
import Testing

@Suite("Reference ownership")
struct ReferenceLeakTests {
    /// Each job below allocates about 2.5 KiB of Python objects (a 64-element
    /// list, strings, an exception and its traceback every tenth job). A missed
    /// `Py_DecRef` anywhere on those paths keeps them all: 10,000 jobs would
    /// then hold over 20 MiB and tens of thousands of tracked objects.
    static let jobs = 10_000
    static let residentBound = 1 << 20
    static let objectBound = 100

    @Test("10,000 small jobs: resident memory grows < 1 MiB, tracked objects < 100, no descriptor leaks")
    func tenThousandJobs() async throws {
        // In a process of its own: tests running beside it would move the figures.
        let result = try #require(await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
            let figures = try ReferenceLeakTests.measure()
            print("figures", figures.resident, figures.objects, figures.descriptors)
        })
        let line = String(decoding: result.standardOutputContent, as: UTF8.self)
            .split(separator: "\n").first { $0.hasPrefix("figures ") }
        let figures = try #require(line).split(separator: " ").dropFirst().compactMap { Int($0) }
        try #require(figures.count == 3)
        #expect(figures[0] < Self.residentBound, "resident memory grew by \(figures[0]) bytes")
        #expect(figures[1] < Self.objectBound, "gc-tracked objects grew by \(figures[1])")
        #expect(figures[2] == 0, "open descriptors changed by \(figures[2])")
    }

    /// Runs the jobs and returns the growth of resident bytes, tracked objects
    /// and open descriptors.
    static func measure() throws -> (resident: Int, objects: Int, descriptors: Int) {
        let python = try PythonInterpreter.start()
        let countObjects: @Sendable (inout GIL) throws -> Int = { gil in
            _ = try gil.importModule("gc").callMethod("collect", [], gil)
            return try gil.importModule("gc").callMethod("get_objects", [], gil).callMethod("__len__", [], gil).int(gil)
        }
        for index in 0..<500 { try Self.smallJob(python, index) }  // warm caches and allocators
        let residentBefore = Self.residentBytes()
        let objectsBefore = try python.withGILBlocking(countObjects)
        let descriptorsBefore = Self.openDescriptors()

        for index in 0..<Self.jobs { try Self.smallJob(python, index) }

        return (Self.residentBytes() - residentBefore,
                try python.withGILBlocking(countObjects) - objectsBefore,
                Self.openDescriptors() - descriptorsBefore)
    }

    private static func smallJob(_ python: PythonInterpreter, _ index: Int) throws {
        let total = try python.withGILBlocking { gil in
            let list = try PythonValue.list((0..<64).map { .int($0 + index) }).object(gil)
            let builtins = try gil.importModule("builtins")
            let sum = try builtins.attribute("sum", gil).call(with: list, gil).int(gil)
            let text = try list.repr(gil)
            if index % 10 == 0 {
                do { _ = try builtins.attribute("int", gil).call(["not a number"], gil) } catch let error as PythonException {
                    precondition(error.typeName == "ValueError")
                }
            }
            return sum + text.count
        }
        precondition(total > 0)
    }

    static func residentBytes() -> Int {
        let fields = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?.split(separator: " ") ?? []
        return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
    }
}
