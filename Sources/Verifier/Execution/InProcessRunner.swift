import PythonRuntime

/// Runs jobs one after another with this process's own interpreter, forking
/// from it for each run. For tests and embedding; the command line uses workers.
public struct InProcessRunner: SnippetRunner {
    let executor: SnippetExecutor

    public init(interpreter: PythonInterpreter) throws {
        executor = try SnippetExecutor(interpreter: interpreter)
    }

    public func pythonVersion() throws -> String { executor.interpreter.info.version }

    public func run(_ jobs: [SnippetJob], exclusive: Set<String>,
                    progress: @escaping @Sendable (SnippetOutcome) -> Void) -> [String: SnippetOutcome] {
        var outcomes: [String: SnippetOutcome] = [:]
        for job in jobs {
            let outcome = executor.run(job)
            progress(outcome)
            outcomes[job.snippet.name] = outcome
        }
        return outcomes
    }
}
