/// What one benchmark process is asked to do (`bench_child.run`).
struct BenchJob: Codable, Sendable {
    struct Task: Codable, Sendable, Equatable {
        var variant: String
        var n: Int?
        var measure: BenchmarkSpec.Measure
        var loops: Int?
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
