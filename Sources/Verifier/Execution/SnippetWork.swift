import Foundation
import GuideModel
import PythonRuntime
import Reader
import Runner

/// What a worker does with a job: read the program, then run it. The two stages
/// meet only here, through plain data: the reading's plan goes into the run
/// request; the reading and the runs come back together, for the parent to judge.
public struct SnippetWork: Sendable {
    public let interpreter: PythonInterpreter

    public init(interpreter: PythonInterpreter) throws {
        self.interpreter = interpreter
        try interpreter.withGILBlocking { gil in
            try PythonReading.install(gil)
            try ProgramRunner.install(gil)
        }
    }

    /// - Parameter read: called with the reading before anything runs, so that
    ///   the claims are known whatever the runs do (even kill this worker).
    public func perform(_ job: SnippetJob, read: @escaping @Sendable (SnippetOutcome) -> Void = { _ in }) -> SnippetOutcome {
        let started = Self.now()
        var outcome: SnippetOutcome
        do {
            outcome = try interpreter.withGILBlocking { gil in try Self.perform(job, started: started, read: read, &gil) }
        } catch {
            outcome = SnippetOutcome(snippet: job.program.name, problem: "guidecheck failed to run it: \(error)")
        }
        outcome.workerSeconds = Self.now() - started
        return outcome
    }

    private static func perform(_ job: SnippetJob, started: Double, read: (SnippetOutcome) -> Void, _ gil: inout GIL) throws -> SnippetOutcome {
        let reading = try ProgramReader.read(job.program, annotations: job.annotations, fixtures: job.settings.fixtures, gil)
        var outcome = SnippetOutcome(snippet: job.program.name, reading: reading, problem: reading.problem,
                                     analysisSeconds: now() - started)
        guard reading.problem == nil, !job.settings.modes.isEmpty else { return outcome }
        read(outcome)
        let request = RunRequest(path: job.program.path, name: job.program.name, chunks: job.program.chunks,
                                 isolatesSyntaxErrors: job.program.isolatesSyntaxErrors, plan: reading.plan,
                                 settings: job.settings)
        let ran = ProgramRunner.run(request, &gil)
        outcome.runs = ran.runs
        if let problem = ran.problem { outcome.problem = "\(job.program.name): \(problem)" }
        return outcome
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
