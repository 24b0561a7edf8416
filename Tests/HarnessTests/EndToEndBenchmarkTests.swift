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

            def repeat(times, text='ab'):
                return len(text * times)
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
              - name: conditioned
                question: Q0
                claim: "a repeated text is as long as the repeats make it"
                guide: "2 or 3"
                file: work.py
                measure: value
                conditions:
                  - {name: "two letters", args: {times: 1, text: ab}}
                  - {name: "three letters", args: {times: 1, text: abc}}
                figure: {value: repeat}
                expect: {equals: "2"}
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
        // A busy machine prefixes the reason, and makes the verdict inconclusive: no assertion on it here.
        #expect(ratio.reason?.contains("measured ") == true, "\(ratio.reason ?? "")")
        #expect(ratio.processes >= 2)
        for variant in ["larger", "small"] {
            #expect(ratio.samples[variant]?.values.count == ratio.processes * ratio.valuesPerProcess, "warm-ups dropped, the rest kept")
            #expect(ratio.samples[variant]?.values.allSatisfy { $0 > 0 } == true)
            #expect(ratio.cpuSamples[variant]?.values.count == ratio.processes * ratio.valuesPerProcess)
        }
        #expect(ratio.measured.map { $0 > 1 } == true, "ten times the work is not faster")
        #expect(ratio.estimate.map { $0.count == ratio.processes } == true, "one figure per process")
        #expect(progress.contains { $0.benchmark == "ratio" && $0.valuesDone == $0.valuesTotal && $0.valuesTotal > 0 })

        #expect(results[1].observed == "True")
        #expect(results[1].verdict == .reproduced)

        let growth = try #require(results[2].growth.first)
        #expect(growth.sizes == [10000, 40000, 160000, 640000])
        #expect(growth.medians.count == 4 && growth.medians.allSatisfy { $0 > 0 })
        #expect((growth.emptyCall ?? 0) > 0, "an empty call was timed, to be subtracted")
        #expect(results[2].samples["empty call"]?.values.isEmpty == false)
        let exponent = try #require(growth.exponent)
        #expect(exponent.low <= exponent.value && exponent.value <= exponent.high)
        #expect(results[2].reason?.contains("growth exponent") == true, "\(results[2].reason ?? "")")

        let conditioned = results[3]
        #expect(conditioned.conditions.map(\.name) == ["two letters", "three letters"])
        #expect(conditioned.conditions.map(\.observed) == ["2", "3"], "each condition's keyword arguments reached the variant")
        #expect(conditioned.verdict == .contextDependent)

        #expect(results[4].verdict == .notCheckable)
        #expect(results[4].reason == "needs another Python")

        let json = try cast(JSONSerialization.jsonObject(with: BenchReport(python: "3.11.2", machine: MachineInfo.current(), quick: true,
                                                                            results: results, seconds: 1).json()), as: [String: Any].self)
        #expect((json["machine"] as? [String: Any])?["cores"] as? Int == MachineInfo.current().cores)
        let claims = try cast(json["claims"], as: [[String: Any]].self)
        #expect(try claims.map { try cast($0["benchmark"], as: String.self) } == ["ratio", "gc_untouched", "linear", "conditioned", "elsewhere"])
        #expect(try claims.allSatisfy { BenchVerdict(rawValue: try cast($0["verdict"], as: String.self)) != nil })
        #expect((claims[0]["values"] as? [Double])?.count == ratio.processes * ratio.valuesPerProcess)
        let interval = try #require(claims[0]["interval"] as? [Double])
        #expect(interval.count == 2 && interval[0] <= interval[1])
        #expect(claims[0]["confidence"] as? Double == 0.95)
        #expect((claims[0]["per_process"] as? [Double])?.count == ratio.processes)
        #expect((claims[3]["conditions"] as? [[String: Any]])?.count == 2)
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
