import ArgumentParser
import GuideModel
import PythonRuntime
import Reader
import Reports
import Verifier

/// `guidecheck __worker`: a process the parent starts to run snippets in.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__worker",
        abstract: "Internal: run snippets sent as JSON lines on stdin (started by verify, update and report).",
        shouldDisplay: false)

    @OptionGroup var interpreter: InterpreterOptions

    func run() throws {
        let configuration = interpreter.configuration
        let status = WorkerLoop.serve(configuration: WorkerSetup {
            try SnippetWork(interpreter: PythonInterpreter.start(configuration))
        })
        throw ExitCode(status)
    }
}
