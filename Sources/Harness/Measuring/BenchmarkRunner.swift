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
    /// The distribution's own interpreter (`sys.executable`), to time
    /// machine-dependent claims in too; nil to skip.
    public var referencePython: String?

    public init(quick: Bool, executable: String, workerArguments: [String] = [], httpBase: String?, cores: Int,
                referencePython: String? = nil) {
        self.quick = quick
        self.executable = executable
        self.workerArguments = workerArguments
        self.httpBase = httpBase
        self.cores = cores
        self.referencePython = referencePython
    }

    /// A timed value lasts at least this long (pyperf: 100 ms; a value under a
    /// millisecond is mostly clock noise).
    var minimumValueSeconds: Double { quick ? 0.01 : 0.1 }
    /// Processes × values per process, before the time budget trims them.
    var processes: Int { quick ? 3 : 6 }
    var valuesPerProcess: Int { quick ? 2 : 3 }
    /// Seconds one benchmark should take at most, calibration included, before
    /// an inconclusive verdict asks for more.
    var budget: Double { quick ? 8 : 40 }
    /// Seconds one benchmark may take when it measures more to settle an
    /// inconclusive verdict; and at most this many times the first processes.
    var extendedBudget: Double { budget * 2 }
    var maximumBatches: Int { 4 }
}

/// What the runner reports while it works.
public struct BenchProgress: Sendable {
    public var benchmark: String
    public var valuesDone: Int
    public var valuesTotal: Int
    /// Estimated seconds left for this benchmark.
    public var secondsLeft: Double
}

/// Measures one benchmark: a calibration process, then batches of processes
/// taking interleaved values of every variant (the first of each dropped as a
/// warm-up), more batches while the verdict is inconclusive and the time budget
/// allows. Every raw value is kept.
public struct BenchmarkRunner: Sendable {
    public let catalog: BenchmarkCatalog
    public let settings: BenchSettings

    public init(catalog: BenchmarkCatalog, settings: BenchSettings) {
        self.catalog = catalog
        self.settings = settings
    }

    /// The tasks of a benchmark: every variant at every size under every
    /// condition, and for a timed complexity an empty call under each condition.
    static func tasks(for spec: BenchmarkSpec, measure: BenchmarkSpec.Measure, figure: BenchmarkSpec.Figure) -> [BenchJob.Task] {
        var tasks: [BenchJob.Task] = []
        let conditions: [Int?] = spec.conditions.map { Array($0.indices) } ?? [nil]
        for condition in conditions {
            let args = condition.map { spec.conditions![$0].args }
            for variant in figure.variants {
                for size in spec.sizes.map({ $0.map(Optional.some) }) ?? [nil] {
                    tasks.append(BenchJob.Task(variant: variant, n: size, measure: measure, condition: condition, args: args))
                }
            }
            if let variant = figure.complexity, measure == .time {
                tasks.append(BenchJob.Task(variant: variant, n: spec.sizes?.first, measure: measure, condition: condition,
                                           args: args, empty: true))
            }
        }
        return tasks
    }

    public func run(_ spec: BenchmarkSpec, progress: (BenchProgress) -> Void = { _ in }) -> BenchmarkResult {
        let started = Date()
        // A not-checkable claim with a workload is still measured, to show what it gives here.
        guard let file = spec.file, let measure = spec.measure, let figure = spec.figure else {
            return BenchmarkResult(spec: spec, verdict: .notCheckable, reason: spec.notCheckable)
        }
        var tasks = Self.tasks(for: spec, measure: measure, figure: figure)
        var environment = spec.env ?? [:]
        if spec.fixtures?.contains("network") == true, let base = settings.httpBase { environment["GUIDECHECK_HTTP_BASE"] = base }
        let process = BenchProcess(executable: settings.executable, arguments: settings.workerArguments, environment: environment)
        let path = catalog.directory + "/" + file
        // --quick caps what a benchmark asks for: its budget is a fifth.
        var processes = min(spec.processes ?? (measure == .time ? settings.processes : 2), settings.quick ? settings.processes : .max)
        var rounds = min(spec.values ?? (measure == .time ? settings.valuesPerProcess : 1), settings.quick ? settings.valuesPerProcess : .max)
        let waits = spec.onlyWaits == true
        let warmups = measure == .time && !waits ? 1 : 0
        var secondsPerRound = 0.0
        if waits { tasks = tasks.map { task in var task = task; task.loops = 1; return task } }

        do {
            if measure == .time && !waits {
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
                // below two processes of one value (an interval needs two).
                let perProcess = { (rounds: Int) in secondsPerRound * Double(warmups + rounds) + 0.05 }
                while Double(processes) * perProcess(rounds) > settings.budget && processes > 2 { processes -= 1 }
                while Double(processes) * perProcess(rounds) > settings.budget && rounds > 1 { rounds -= 1 }
            }
            let job = BenchJob(file: path, env: environment, tasks: tasks, warmups: warmups, rounds: rounds, calibrate: false,
                               minimum: settings.minimumValueSeconds, calibrationBudget: 0)
            let timeout = max(120, secondsPerRound * Double(warmups + rounds) * 5)
            var measurements = Measurements(tasks: tasks)
            let load = LoadMonitor()
            var batches = 0
            var result: BenchmarkResult
            repeat {
                let batchStarted = Date()
                let total = processes * rounds * tasks.count
                var done = 0
                for _ in 0..<processes {
                    let index = measurements.startProcess()
                    try process.run(job, timeout: timeout) { line in
                        guard let task = line.task, line.warmup != true else { return }
                        measurements.add(line, to: task, process: index)
                        done += 1
                        let left = Double(total - done) * secondsPerRound / Double(max(1, tasks.count))
                        progress(BenchProgress(benchmark: spec.name, valuesDone: done, valuesTotal: total, secondsLeft: left))
                    }
                }
                batches += 1
                let batchSeconds = Date().timeIntervalSince(batchStarted)
                result = BenchmarkJudge(spec: spec, cores: settings.cores, otherLoad: load.otherCores()).judge(measurements)
                // Measure more only where more processes can narrow the interval, in time.
                let canExtend = result.verdict == .inconclusive && result.inconclusiveBecause == .straddles
                    && batches < settings.maximumBatches
                    && Date().timeIntervalSince(started) + batchSeconds <= settings.extendedBudget
                if !canExtend { break }
            } while true
            if spec.machineDependent == true, measure == .time {
                let reference = referenceTiming(job: job, environment: environment, processes: processes, timeout: timeout)
                result = BenchmarkJudge(spec: spec, cores: settings.cores, otherLoad: load.otherCores(), reference: reference)
                    .judge(measurements)
            }
            result.valuesPerProcess = rounds
            result.seconds = Date().timeIntervalSince(started)
            return result
        } catch {
            var result = BenchmarkResult(spec: spec, verdict: .notCheckable, reason: "could not be measured: \(error)")
            result.seconds = Date().timeIntervalSince(started)
            return result
        }
    }

    /// The same job in the distribution's own interpreter, as many processes.
    private func referenceTiming(job: BenchJob, environment: [String: String], processes: Int,
                                 timeout: Double) -> BenchmarkResult.ReferenceTiming? {
        guard let executable = settings.referencePython else { return nil }
        guard let source = BenchWorker.helpers.source(ofModule: "_guidecheck_bench") else { return nil }
        let process = BenchProcess(executable: executable, arguments: ["-I", "-c", source + "\nserve()\n"],
                                   environment: environment, protocolArguments: false)
        var reference = BenchmarkResult.ReferenceTiming(executable: executable, python: "", estimate: nil, problem: nil)
        var measurements = Measurements(tasks: job.tasks)
        do {
            for _ in 0..<max(2, processes) {
                let index = measurements.startProcess()
                reference.python = try process.run(job, timeout: timeout) { line in
                    guard let task = line.task, line.warmup != true else { return }
                    measurements.add(line, to: task, process: index)
                }
            }
        } catch {
            reference.problem = "\(error)"
            return reference
        }
        guard let variant = job.tasks.first.map(\.variant), let task = measurements.index(of: variant) else { return reference }
        let medians = measurements.processMedians(task)
        reference.estimate = Estimate.fromProcesses(medians.keys.sorted().map { medians[$0]! })
        return reference
    }
}
