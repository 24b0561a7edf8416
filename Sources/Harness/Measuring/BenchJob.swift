/// What one benchmark process is asked to do (`bench_child.run`).
struct BenchJob: Codable, Sendable {
    struct Task: Codable, Sendable, Equatable {
        var variant: String
        var n: Int?
        var measure: BenchmarkSpec.Measure
        var loops: Int?
        /// The condition it is measured under (an index into the spec's), and
        /// the keyword arguments that condition passes.
        var condition: Int?
        var args: [String: BenchmarkSpec.Argument]?
        /// Time an empty function called the same way instead (with `n` as it
        /// is, no setup): the cost of a call, subtracted from a complexity's times.
        var empty: Bool?

        init(variant: String, n: Int? = nil, measure: BenchmarkSpec.Measure, loops: Int? = nil, condition: Int? = nil,
             args: [String: BenchmarkSpec.Argument]? = nil, empty: Bool? = nil) {
            self.variant = variant
            self.n = n
            self.measure = measure
            self.loops = loops
            self.condition = condition
            self.args = args
            self.empty = empty
        }

        /// How the values of this task are named in reports: `walk n=1000 [typecode 'b']`.
        func key(conditionName: String?) -> String {
            var key = empty == true ? "empty call" : variant
            if let n, empty != true { key += " n=\(n)" }
            if let conditionName { key += " [\(conditionName)]" }
            return key
        }
    }

    var file: String
    var env: [String: String]
    var tasks: [Task]
    var warmups: Int
    var rounds: Int
    var calibrate: Bool
    /// Seconds a timed value must last (calibration).
    var minimum: Double
    var calibrationBudget: Double

    enum CodingKeys: String, CodingKey {
        case file, env, tasks, warmups, rounds, calibrate, minimum
        case calibrationBudget = "calibration_budget"
    }
}

/// One line a benchmark process writes.
struct BenchLine: Codable, Sendable {
    var task: Int?
    var round: Int?
    var warmup: Bool?
    var wall: Double?
    var cpu: Double?
    var value: Double?
    var text: String?
    var loops: Int?
    var seconds: Double?
    var done: Bool?
}
