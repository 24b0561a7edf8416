import Foundation
import TestSupport
import Testing

@Suite("guidecheck bench")
struct BenchCommandTests {
    @Test("a filtered quick run prints the table and writes the documented JSON")
    func quickRun() throws {
        let scratch = ScratchDirectory()
        let result = try GuideCheckCommand.run(
            ["bench", "Q22", "--quick", "--benchmarks", GuideCheckCommand.packageRoot.path + "/benchmarks",
             "--json", scratch.path + "/bench.json", "--junit", scratch.path + "/bench.xml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("q22_array_size"))
        #expect(result.stdout.contains("3 claims:"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path + "/bench.json"))) as! [String: Any]
        #expect(json["python"] as? String == "3.11.2")
        #expect((json["machine"] as? [String: Any])?["cores"] is Int)
        let claims = json["claims"] as! [[String: Any]]
        #expect(claims.map { $0["benchmark"] as! String } == ["q22_deque_popleft", "q22_list_pop_front", "q22_array_size"])
        for claim in claims {
            for key in ["benchmark", "question", "claim", "verdict", "guide", "unit", "values"] {
                #expect(claim[key] != nil, "\(claim["benchmark"]!) has no \(key)")
            }
            #expect(["reproduced", "not-reproduced", "not-checkable"].contains(claim["verdict"] as! String))
            #expect(!(claim["values"] as! [Double]).isEmpty)
        }
        let array = claims[2]
        #expect(array["question"] as? String == "Q22")
        #expect((array["measured"] as? Double).map { abs($0 - 408_360.0 / 800_056.0) < 1e-9 } == true, "sizes are exact")
        #expect(array["verdict"] as? String == "reproduced")
        let junit = try String(contentsOfFile: scratch.path + "/bench.xml", encoding: .utf8)
        #expect(junit.contains("<testsuites name=\"guidecheck bench\" tests=\"3\""), "\(junit)")
        #expect(junit.contains("classname=\"Q22\" name=\"q22_array_size"), "\(junit)")
    }

    @Test("an unknown filter is a usage error")
    func unknownFilter() throws {
        let result = try GuideCheckCommand.run(["bench", "no-such-benchmark", "--benchmarks", GuideCheckCommand.packageRoot.path + "/benchmarks"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no benchmark matches 'no-such-benchmark'"))
    }
}
