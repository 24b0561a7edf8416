import ArgumentParser
import PythonRuntime

/// Options every command that starts the embedded interpreter shares.
struct InterpreterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The interpreter sys.executable names (default: the python3.X beside the linked libpython).", valueName: "path"))
    var pythonExecutable: String?

    @Option(help: ArgumentHelp("PYTHONHOME for the embedded interpreter (default: derived from the executable).", valueName: "dir"))
    var pythonHome: String?

    @Option(help: .hidden)
    var hashSeed: UInt32?

    var configuration: InterpreterConfiguration {
        InterpreterConfiguration(executable: pythonExecutable, home: pythonHome, hashSeed: hashSeed)
    }

    /// Starts the interpreter, turning a failure into a usage-level error.
    func start() throws -> PythonInterpreter {
        do {
            return try PythonInterpreter.start(configuration)
        } catch {
            throw CommandFailure(message: error.description, exitCode: .configuration)
        }
    }
}
