import PythonRuntime

/// Runs jobs one after another with this process's own interpreter, forking
/// from it for each run. For tests and embedding; the command line uses workers.
public struct InProcessRunner: SnippetRunner {
    let work: SnippetWork

    public init(interpreter: PythonInterpreter) throws {
        work = try SnippetWork(interpreter: interpreter)
    }

    public func pythonVersion() throws -> String { work.interpreter.info.version }

    public func run(_ jobs: [SnippetJob], exclusive: Set<String>,
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
