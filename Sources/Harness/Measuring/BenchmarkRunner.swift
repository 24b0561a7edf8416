import Foundation

/// How thoroughly to measure.
public struct BenchSettings: Sendable {
    public var quick: Bool
    /// The guidecheck binary (benchmark processes are `guidecheck __bench-worker`).
    public var executable: String
    /// Interpreter options for the benchmark processes.
    public var workerArguments: [String]
    /// The loopback HTTP server, for the `network` fixture.
    public var httpBase: String?
    public var cores: Int

    public init(quick: Bool, executable: String, workerArguments: [String] = [], httpBase: String?, cores: Int) {
        self.quick = quick
        self.executable = executable
        self.workerArguments = workerArguments
        self.httpBase = httpBase
        self.cores = cores
    }

    /// A timed value lasts at least this long (pyperf: 100 ms; a value under a
    /// millisecond is mostly clock noise).
    var minimumValueSeconds: Double { quick ? 0.01 : 0.1 }
    /// Processes × values per process, before the time budget trims them.
    var processes: Int { quick ? 3 : 6 }
    var valuesPerProcess: Int { quick ? 2 : 3 }
    /// Seconds one benchmark should take at most, calibration included.
    var budget: Double { quick ? 8 : 40 }
}

/// What the runner reports while it works.
public struct BenchProgress: Sendable {
    public var benchmark: String
    public var valuesDone: Int
    public var valuesTotal: Int
    /// Estimated seconds left for this benchmark.
    public var secondsLeft: Double
}

/// Measures one benchmark: a calibration process, then several processes
/// taking interleaved values of every variant, the first of each dropped as a
/// warm-up. Every raw value is kept.
public struct BenchmarkRunner: Sendable {
    public let catalog: BenchmarkCatalog
    public let settings: BenchSettings

    public init(catalog: BenchmarkCatalog, settings: BenchSettings) {
        self.catalog = catalog
        self.settings = settings
    }

    public func run(_ spec: BenchmarkSpec, progress: (BenchProgress) -> Void = { _ in }) -> BenchmarkResult {
        let started = Date()
        let busy = MachineInfo.current().loadAverage
        guard spec.notCheckable == nil, let file = spec.file, let measure = spec.measure, let figure = spec.figure else {
            return BenchmarkResult(spec: spec, verdict: .notCheckable, reason: spec.notCheckable)
        }
        var tasks: [BenchJob.Task] = []
        for variant in figure.variants {
            for size in spec.sizes.map({ $0.map(Optional.some) }) ?? [nil] {
                tasks.append(BenchJob.Task(variant: variant, n: size, measure: measure, loops: nil))
            }
        }
        var environment = spec.env ?? [:]
        if spec.fixtures?.contains("network") == true, let base = settings.httpBase { environment["GUIDECHECK_HTTP_BASE"] = base }
        let process = BenchProcess(executable: settings.executable, arguments: settings.workerArguments, environment: environment)
        let path = catalog.directory + "/" + file
        var processes = spec.processes ?? (measure == .time ? settings.processes : 2)
        var rounds = spec.values ?? (measure == .time ? settings.valuesPerProcess : 1)
        let warmups = measure == .time ? 1 : 0
        var secondsPerRound = 0.0

        do {
            if measure == .time {
                // Calibration: the loop count that makes each value last long enough.
                let job = BenchJob(file: path, env: environment, tasks: tasks, warmups: 0, rounds: 0, calibrate: true,
                                   minimum: settings.minimumValueSeconds, calibrationBudget: settings.budget / 4)
                progress(BenchProgress(benchmark: spec.name, valuesDone: 0, valuesTotal: 0, secondsLeft: .nan))
                try process.run(job, timeout: max(120, settings.budget * 3)) { line in
                    guard let task = line.task, let loops = line.loops else { return }
                    tasks[task].loops = loops
                    secondsPerRound += Double(loops) * (line.seconds ?? 0)
                }
                // Fit the time budget: fewer processes first, then fewer values, never
                // below two processes of one value (a spread needs two).
                let perProcess = { (rounds: Int) in secondsPerRound * Double(warmups + rounds) + 0.05 }
                while Double(processes) * perProcess(rounds) > settings.budget && processes > 2 { processes -= 1 }
                while Double(processes) * perProcess(rounds) > settings.budget && rounds > 1 { rounds -= 1 }
            }
            var measurements = Measurements(tasks: tasks)
            let total = processes * rounds * tasks.count
            var done = 0
            for _ in 0..<processes {
                let job = BenchJob(file: path, env: environment, tasks: tasks, warmups: warmups, rounds: rounds, calibrate: false,
                                   minimum: settings.minimumValueSeconds, calibrationBudget: 0)
                try process.run(job, timeout: max(120, secondsPerRound * Double(warmups + rounds) * 5)) { line in
                    guard let task = line.task, line.warmup != true else { return }
                    measurements.add(line, to: task)
                    done += 1
                    // Values left, at the calibrated seconds per value.
                    let left = Double(total - done) * secondsPerRound / Double(max(1, tasks.count))
                    progress(BenchProgress(benchmark: spec.name, valuesDone: done, valuesTotal: total, secondsLeft: left))
                }
            }
            var result = BenchmarkJudge(spec: spec, cores: settings.cores).judge(measurements)
            result.processes = processes
            result.valuesPerProcess = rounds
            result.seconds = Date().timeIntervalSince(started)
            if busy > Double(settings.cores) * 0.5 {
                result.warnings.append(String(format: "the machine was busy (load average %.2f on %d cores): figures may be off", busy, settings.cores))
            }
            return result
        } catch {
            var result = BenchmarkResult(spec: spec, verdict: .notReproduced, reason: "could not be measured: \(error)")
            result.seconds = Date().timeIntervalSince(started)
            return result
        }
    }
}

/// Every value taken, per task.
struct Measurements: Sendable {
    var tasks: [BenchJob.Task]
    var wall: [[Double]]
    var cpu: [[Double]]
    var values: [[Double]]
    var texts: [[String]]

    init(tasks: [BenchJob.Task]) {
        self.tasks = tasks
        wall = Array(repeating: [], count: tasks.count)
        cpu = wall
        values = wall
        texts = Array(repeating: [], count: tasks.count)
    }

    mutating func add(_ line: BenchLine, to task: Int) {
        if let wall = line.wall { self.wall[task].append(wall) }
        if let cpu = line.cpu { self.cpu[task].append(cpu) }
        if let value = line.value { values[task].append(value) }
        if let text = line.text { texts[task].append(text) }
    }

    /// The sample a figure is made of: wall seconds for timing, else the values.
    func sample(_ task: Int) -> Sample {
        Sample(tasks[task].measure == .time ? wall[task] : values[task])
    }

    func index(of variant: String, size: Int? = nil) -> Int? {
        tasks.firstIndex { $0.variant == variant && $0.n == size }
    }
}
