import PythonRuntime

/// Runs jobs one after another with this process's own interpreter, forking
/// from it for each run. For tests and embedding; the command line uses workers.
/// Its varied runs share this interpreter's hash seed (one process has one);
/// they vary the random state and the clock.
public struct InProcessRunner: SnippetRunner {
    let work: SnippetWork

    public init(interpreter: PythonInterpreter) throws {
        work = try SnippetWork(interpreter: interpreter)
    }

    public func pythonVersion() throws -> String { work.interpreter.info.version }

    public func run(_ jobs: [SnippetJob], exclusive: Set<String>, varied: Bool,
                    progress: @escaping @Sendable (SnippetOutcome) -> Void) -> [String: SnippetOutcome] {
        var outcomes: [String: SnippetOutcome] = [:]
        for job in jobs {
            let outcome = work.perform(job)
            progress(outcome)
            outcomes[job.program.name] = outcome
        }
        return outcomes
    }
}
