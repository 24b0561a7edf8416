/// Every value taken, per task, each with the process that took it: the
/// process is the unit the intervals stand on.
struct Measurements: Sendable {
    struct Value: Sendable, Equatable {
        var process: Int
        var wall: Double?
        var cpu: Double?
        var number: Double?
        var text: String?
    }

    var tasks: [BenchJob.Task]
    var values: [[Value]]
    /// Processes started so far (their indices are 0..<processes).
    private(set) var processes = 0

    init(tasks: [BenchJob.Task]) {
        self.tasks = tasks
        values = Array(repeating: [], count: tasks.count)
    }

    /// A new process's index.
    mutating func startProcess() -> Int {
        processes += 1
        return processes - 1
    }

    mutating func add(_ line: BenchLine, to task: Int, process: Int) {
        values[task].append(Value(process: process, wall: line.wall, cpu: line.cpu, number: line.value, text: line.text))
    }

    /// What a figure is made of: wall seconds for timing, else the numbers.
    private func figureValue(_ value: Value, of task: Int) -> Double? {
        tasks[task].measure == .time ? value.wall : value.number
    }

    /// Every value of a task, all processes together.
    func sample(_ task: Int) -> Sample {
        Sample(values[task].compactMap { figureValue($0, of: task) })
    }

    func cpuSample(_ task: Int) -> Sample {
        Sample(values[task].compactMap(\.cpu))
    }

    /// The median of each process's values of a task, by process.
    func processMedians(_ task: Int) -> [Int: Double] {
        Dictionary(grouping: values[task].compactMap { value in figureValue(value, of: task).map { (value.process, $0) } }, by: \.0)
            .mapValues { Sample($0.map(\.1)).median }
    }

    /// The coefficient of variation of a task's values within one process, the
    /// median over processes (0 with fewer than two values in every process).
    func withinProcessVariation(_ task: Int) -> Double {
        let byProcess = Dictionary(grouping: values[task].compactMap { value in figureValue(value, of: task).map { (value.process, $0) } }, by: \.0)
        let variations = byProcess.values.filter { $0.count > 1 }.map { Sample($0.map(\.1)).coefficientOfVariation }
        return variations.isEmpty ? 0 : Sample(variations).median
    }

    /// The texts each process returned for a task (the first of each).
    func processTexts(_ task: Int) -> [Int: String] {
        var texts: [Int: String] = [:]
        for value in values[task] { if let text = value.text, texts[value.process] == nil { texts[value.process] = text } }
        return texts
    }

    func index(of variant: String, size: Int? = nil, condition: Int? = nil, empty: Bool = false) -> Int? {
        tasks.firstIndex { $0.variant == variant && ($0.empty ?? false) == empty && (empty || $0.n == size) && $0.condition == condition }
    }
}
