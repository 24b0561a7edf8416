import GuideModel
import Reader
import Runner

/// One program to read and run, as the parent sends it to a worker.
public struct SnippetJob: Codable, Sendable {
    public var program: ProgramSource
    /// The manifest's readings of ambiguous comments.
    public var annotations: [Manifest.Annotation]
    public var settings: RunSettings

    public init(program: ProgramSource, annotations: [Manifest.Annotation] = [], settings: RunSettings) {
        self.program = program
        self.annotations = annotations
        self.settings = settings
    }
}

/// What a worker made of one job: the reading and the runs. Nothing judged yet.
public struct SnippetOutcome: Codable, Sendable, Equatable {
    public var snippet: String
    public var reading: Reading
    public var runs: [ModeRun]
    /// Why it could not run at all (a syntax error, an unknown fixture), with its place.
    public var problem: String?
    /// Seconds the worker spent on this snippet, runs included.
    public var workerSeconds: Double
    /// Of those, seconds spent reading it (ast, tokenize, the claim rules).
    public var analysisSeconds: Double

    public init(snippet: String, reading: Reading = Reading(), runs: [ModeRun] = [], problem: String? = nil,
                workerSeconds: Double = 0, analysisSeconds: Double = 0) {
        self.snippet = snippet
        self.reading = reading
        self.runs = runs
        self.problem = problem
        self.workerSeconds = workerSeconds
        self.analysisSeconds = analysisSeconds
    }

    public func run(_ mode: RunMode) -> ModeRun? { runs.first { $0.mode == mode } }
}
