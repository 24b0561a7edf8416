import ArgumentParser
import Glibc
import PythonRuntime

/// `guidecheck run FILE.py`: the smallest useful command.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one Python file in the embedded interpreter, as `python3 FILE` would.",
        discussion: """
            The file runs as __main__ in guidecheck's own process. Everything it writes to \
            stdout or stderr (print, os.write, C code, subprocess and multiprocessing children) \
            is shown as it is written, as one stream on stdout; if it raises, the traceback \
            follows on stderr and the exit status is 1 (or the code sys.exit() was given).

            Examples:
              guidecheck run snippets/q01_threading_io.py
              guidecheck run --python-executable /usr/bin/python3.11 example.py
            """)

    @Argument(help: ArgumentHelp("The Python file to run.", valueName: "file.py"))
    var file: String

    @OptionGroup var interpreter: InterpreterOptions

    func run() throws {
        let python: PythonInterpreter
        do { python = try interpreter.start() } catch let failure as CommandFailure { Self.exit(with: failure) }
        let file = self.file
        // The capture moves fds 1 and 2; the output is echoed to a copy of the
        // original stdout as it arrives.
        let terminal = fcntl(1, F_DUPFD_CLOEXEC, 10)
        defer { close(terminal) }
        let result: ScriptRun
        do {
            result = try python.withGILBlocking { gil in
                try gil.runScript(at: file, tee: terminal, waitForThreads: true)
            }
        } catch {
            Self.exit(with: CommandFailure(message: "\(error)", exitCode: .configuration))
        }
        guard let exception = result.exception else { return }
        if exception.typeName == "SystemExit" {
            if exception.exitCode == nil || !exception.message.allSatisfy({ $0.isNumber || $0 == "-" }) {
                printError(exception.message)
            }
            throw ExitCode(Int32(clamping: exception.exitCode ?? 1))
        }
        printError(exception.traceback.trimmingTrailingNewlines())
        throw ExitCode(ExitStatus.failure.rawValue)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
