import ArgumentParser
import GuideModel
import LoopbackHTTP
import PythonRuntime
import Reader
import Reports
import Runner
import Verifier

/// `guidecheck __worker`: a process the parent starts to run snippets in.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__worker",
        abstract: "Internal: run snippets sent as JSON lines on stdin (started by verify, update and report).",
        shouldDisplay: false)

    @OptionGroup var interpreter: InterpreterOptions

    @Option(help: "namespaces: enter the worker's namespaces before anything else; processes: do not.")
    var isolation: RunSettings.Isolation = .processes

    @Option(help: "The invocation's scratch root; in namespaces, the worker's directory is made under it.")
    var scratchRoot: String?

    func run() throws {
        // First, while this process has no thread and no interpreter yet.
        if isolation == .namespaces, let scratchRoot {
            WorkerNamespace.enter(writableUnder: scratchRoot, isolateNetwork: true)
        }
        // In its own network namespace the worker serves the network fixture
        // itself; the parent's server is in another namespace, out of reach.
        let ownServer = WorkerNamespace.writable == nil ? nil : try? LoopbackServer.startBlocking()
        let writable = WorkerNamespace.writable
        let configuration = interpreter.configuration
        let status = WorkerLoop.serve(configuration: WorkerSetup(
            makeWork: { try SnippetWork(interpreter: PythonInterpreter.start(configuration)) },
            adjust: { job in
                if let writable { job.settings.scratchRoot = writable }
                if let ownServer { job.settings.httpBase = ownServer.baseURL }
            }))
        throw ExitCode(status)
    }
}
