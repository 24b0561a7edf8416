import Foundation
import TestSupport
import Testing
import GuideModel
@testable import Harness
import Reports

/// One small benchmark, measured for real: calibration, benchmark processes each
/// embedding CPython, values, verdicts. Nothing here asserts a timing.
@Suite("A real benchmark, end to end")
struct EndToEndBenchmarkTests {
    static func catalog() -> ScratchDirectory {
        let scratch = ScratchDirectory()
        scratch.write("work.py", """
            import gc

            def small():
                return sum(range(1000))

            def larger():
                return sum(range(10000))

            def gc_state():
                return gc.isenabled()

            def setup_walk(n):
                return list(range(n))

            def walk(items):
                return sum(items)
            """)
        scratch.write(BenchmarkCatalog.fileName, """
            benchmarks:
              - name: ratio
                question: Q0
                claim: "ten times the work takes longer"
                guide: "> 1x"
                file: work.py
                measure: time
                figure: {ratio: [larger, small]}
                unit: x
                expect: {at_least: 1}
              - name: gc_untouched
                question: Q0
                claim: "the harness leaves the GC as the benchmark finds it"
                guide: "True"
                file: work.py
                measure: value
                figure: {value: gc_state}
                expect: {equals: "True"}
              - name: linear
                question: Q0
                claim: "summing n items is linear"
                guide: "O(n)"
                file: work.py
                measure: time
                sizes: [10000, 40000, 160000, 640000]
                figure: {complexity: walk}
                unit: s
                expect: {complexity: "n"}
              - name: elsewhere
                question: Q0
                claim: "needs another Python"
                guide: "-"
                not_checkable: "needs another Python"
            """)
        return scratch
    }

    @Test("calibrated values from several processes, kept and judged")
    func measured() throws {
        let scratch = Self.catalog()
        let catalog = try BenchmarkCatalog.load(directory: scratch.path)
        let runner = BenchmarkRunner(catalog: catalog, settings: BenchSettings(
            quick: true, executable: GuideCheckCommand.binary, httpBase: nil, cores: 2))
        var progress: [BenchProgress] = []
        let results = catalog.benchmarks.map { spec in runner.run(spec) { progress.append($0) } }

        let ratio = results[0]
        #expect(ratio.reason?.hasPrefix("measured") == true, "\(ratio.reason ?? "")")
        #expect(ratio.processes >= 2)
        for variant in ["larger", "small"] {
            #expect(ratio.samples[variant]?.values.count == ratio.processes * ratio.valuesPerProcess, "warm-ups dropped, the rest kept")
            #expect(ratio.samples[variant]?.values.allSatisfy { $0 > 0 } == true)
            #expect(ratio.cpuSamples[variant]?.values.count == ratio.processes * ratio.valuesPerProcess)
        }
        #expect(ratio.measured.map { $0 > 1 } == true, "ten times the work is not faster")
        #expect(progress.contains { $0.benchmark == "ratio" && $0.valuesDone == $0.valuesTotal && $0.valuesTotal > 0 })

        #expect(results[1].observed == "True")
        #expect(results[1].verdict == .reproduced)

        #expect(results[2].fit?.sizes == [10000, 40000, 160000, 640000])
        #expect(results[2].fit?.medians.count == 4)
        #expect(results[2].observed != nil)

        #expect(results[3].verdict == .notCheckable)
        #expect(results[3].reason == "needs another Python")

        let json = try JSONSerialization.jsonObject(with: BenchReport(python: "3.11.2", machine: MachineInfo.current(), quick: true,
                                                                       results: results, seconds: 1).json()) as! [String: Any]
        #expect((json["machine"] as? [String: Any])?["cores"] as? Int == MachineInfo.current().cores)
        let claims = json["claims"] as! [[String: Any]]
        #expect(claims.map { $0["benchmark"] as! String } == ["ratio", "gc_untouched", "linear", "elsewhere"])
        #expect(claims.allSatisfy { ["reproduced", "not-reproduced", "not-checkable"].contains($0["verdict"] as! String) })
        #expect((claims[0]["values"] as? [Double])?.count == ratio.processes * ratio.valuesPerProcess)
    }

    @Test("a catalog that names a missing workload is refused with the benchmark's name")
    func badCatalog() throws {
        let scratch = ScratchDirectory()
        scratch.write(BenchmarkCatalog.fileName, """
            benchmarks:
              - name: lost
                question: Q0
                claim: "c"
                guide: "g"
                file: nowhere.py
                measure: time
                figure: {value: f}
                expect: {at_least: 1}
            """)
        #expect(throws: CatalogError.self) { try BenchmarkCatalog.load(directory: scratch.path) }
        do { _ = try BenchmarkCatalog.load(directory: scratch.path) } catch {
            #expect("\(error)".contains("lost names nowhere.py, which is not in"))
        }
    }
}
