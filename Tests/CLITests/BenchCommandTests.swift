import Foundation
import TestSupport
import Testing

@Suite("guidecheck bench")
struct BenchCommandTests {
    /// A guide with one question, and a catalog quoting it.
    static func catalog() -> ScratchDirectory {
        let scratch = ScratchDirectory()
        scratch.write("guide.txt", """
            Q1. Sizes and sums

            A list of n small ints costs eight bytes a slot, and summing twice the items takes longer.
            Summing a list is O(n).

            """)
        scratch.write("benchmarks/work.py", """
            import sys

            def small():
                return sum(range(2000))

            def larger():
                return sum(range(20000))

            def list_bytes(n):
                return sys.getsizeof([0] * n)

            def slots(n):
                return n * 8

            def setup_walk(n):
                return list(range(n))

            def walk(items):
                return sum(items)
            """)
        scratch.write("benchmarks/benchmarks.yaml", """
            benchmarks:
              - name: sums
                question: Q1
                claim: "summing twice the items takes longer"
                guide: "longer"
                file: work.py
                measure: time
                figure: {ratio: [larger, small]}
                unit: x
                expect: {at_least: 1.2}
              - name: slots
                question: Q1
                claim: "A list of n small ints costs eight bytes a slot"
                guide: "8 bytes"
                file: work.py
                measure: value
                conditions:
                  - {name: "n=1000", args: {n: 1000}}
                  - {name: "n=100000", args: {n: 100000}}
                figure: {ratio: [list_bytes, slots]}
                unit: x
                expect: {approximately: 1.0, tolerance: 0.005}
              - name: walk
                question: Q1
                claim: "Summing a list is O(n)."
                guide: "O(n)"
                file: work.py
                measure: time
                sizes: [10000, 40000, 160000, 640000]
                figure: {complexity: walk}
                unit: s
                expect: {complexity: "n"}
            """)
        return scratch
    }

    @Test("a quick run prints the table and writes the documented JSON: intervals, per-process figures, conditions, guide lines")
    func quickRun() throws {
        let scratch = Self.catalog()
        let result = try GuideCheckCommand.run(
            ["bench", "--quick", "--benchmarks", "benchmarks", "--guide", "guide.txt", "--json", "bench.json", "--junit", "bench.xml"],
            directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("measured (95 % interval)"))
        #expect(result.stdout.contains("3 claims:"))
        let json = try jsonObject(at: scratch.path + "/bench.json")
        #expect(json["python"] as? String == "3.11.2")
        let claims = try cast(json["claims"], as: [[String: Any]].self)
        #expect(try claims.map { try cast($0["benchmark"], as: String.self) } == ["sums", "slots", "walk"])
        for claim in claims {
            for key in ["benchmark", "question", "claim", "verdict", "guide", "guide_line", "unit", "values", "per_process", "conditions"] {
                #expect(claim[key] != nil, "\(claim["benchmark"]!) has no \(key)")
            }
        }
        #expect(claims.map { $0["guide_line"] as? Int } == [3, 3, 4], "where each quote starts in the guide")
        let sums = claims[0]
        let interval = try #require(sums["interval"] as? [Double])
        let measured = try #require(sums["measured"] as? Double)
        #expect(interval[0] <= measured && measured <= interval[1])
        #expect(sums["confidence"] as? Double == 0.95)
        let slots = claims[1]
        #expect(slots["verdict"] as? String == "context-dependent", "a list's header weighs at 1000 items, not at 100000")
        let conditions = try #require(slots["conditions"] as? [[String: Any]])
        #expect(conditions.map { $0["name"] as? String } == ["n=1000", "n=100000"])
        #expect(conditions.map { $0["verdict"] as? String } == ["not-reproduced", "reproduced"])
        let walk = claims[2]
        let growth = try #require((walk["growth"] as? [[String: Any]])?.first)
        #expect(growth["model"] as? String == "n")
        #expect((growth["empty_call"] as? Double).map { $0 > 0 } == true)
        let junit = try String(contentsOfFile: scratch.path + "/bench.xml", encoding: .utf8)
        #expect(junit.contains("<testsuites name=\"guidecheck bench\" tests=\"3\""), "\(junit)")
        #expect(junit.contains("file=\"guide.txt\" line=\"3\""), "\(junit)")
    }

    @Test("--compare: each figure's change with its interval, significant or not, and the verdict's change")
    func compare() throws {
        let scratch = ScratchDirectory()
        func document(_ figures: [Double], verdict: String) -> String {
            """
            {"python": "3.11.2", "quick": true, "seconds": 1,
             "machine": {"cores": 2, "cpu": "test CPU", "load_average": 0},
             "claims": [{"benchmark": "sums", "question": "Q1", "claim": "c", "guide": "g", "verdict": "\(verdict)",
                         "measured": \(figures[1]), "interval": [\(figures.min()!), \(figures.max()!)], "unit": "x",
                         "per_process": \(figures), "conditions": [], "values": [], "samples": {}, "cpu": {}, "growth": [],
                         "warnings": [], "processes": \(figures.count), "values_per_process": 1},
                        {"benchmark": "steady", "question": "Q1", "claim": "c", "guide": "g", "verdict": "reproduced",
                         "measured": 2, "unit": "x", "per_process": [2.0, 2.02, 1.98], "conditions": [], "values": [],
                         "samples": {}, "cpu": {}, "growth": [], "warnings": [], "processes": 3, "values_per_process": 1}]}
            """
        }
        scratch.write("old.json", document([10.0, 10.2, 9.9], verdict: "reproduced"))
        scratch.write("new.json", document([8.0, 8.1, 7.9], verdict: "not-reproduced"))
        let result = try GuideCheckCommand.run(["bench", "--compare", "old.json", "new.json"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let sums = try #require(lines.first { $0.hasPrefix("sums") })
        #expect(sums.contains("-20.") && sums.contains("significant") && !sums.contains("not significant"), "\(sums)")
        #expect(sums.contains("reproduced → not-reproduced"))
        let steady = try #require(lines.first { $0.hasPrefix("steady") })
        #expect(steady.contains("not significant"), "\(steady)")
        #expect(result.stdout.contains("2 figures compared, 1 changed significantly"))

        let one = try GuideCheckCommand.run(["bench", "--compare", "old.json"], directory: scratch.path)
        #expect(one.status == 64)
        #expect(one.stderr.contains("--compare takes two files"))
        scratch.write("bad.json", "{}")
        let bad = try GuideCheckCommand.run(["bench", "--compare", "old.json", "bad.json"], directory: scratch.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.json: not a `guidecheck bench --json` file"))
    }

    @Test("a misspelled key in the catalog is an error with the line and the nearest key")
    func misspelledKey() throws {
        let scratch = Self.catalog()
        let text = try String(contentsOfFile: scratch.path + "/benchmarks/benchmarks.yaml", encoding: .utf8)
        scratch.write("benchmarks/benchmarks.yaml", text.replacingOccurrences(of: "    expect: {at_least: 1.2}", with: "    expects: {at_least: 1.2}"))
        let result = try GuideCheckCommand.run(["bench", "--benchmarks", "benchmarks"], directory: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("benchmarks.yaml:10: unknown key 'expects' in benchmarks[0]; did you mean 'expect'?"), "\(result.stderr)")
    }

    @Test("an unknown filter is a usage error")
    func unknownFilter() throws {
        let result = try GuideCheckCommand.run(["bench", "no-such-benchmark", "--benchmarks", GuideCheckCommand.packageRoot.path + "/benchmarks"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no benchmark matches 'no-such-benchmark'"))
    }
}
