import PythonRuntime
import TestSupport
import Testing

@Suite("Python exceptions as Swift errors")
struct ExceptionTests {
    @Test("type, message, traceback and the line in the running file")
    func valueErrorInsideAFunction() throws {
        let scratch = ScratchDirectory()
        let path = scratch.write("raises.py", """
            def check(age):
                if age < 0:
                    raise ValueError(f'Age must be non-negative, got {age}')

            check(-1)
            """)
        let run = try TestPython.shared.withGILBlocking { gil in try gil.runScript(at: path) }
        let exception = try #require(run.exception)
        #expect(exception.typeName == "ValueError")
        #expect(exception.message == "Age must be non-negative, got -1")
        #expect(run.line == 3, "the innermost line of the running file")
        #expect(exception.frames.map(\.line) == [5, 3])
        #expect(exception.frames.map(\.function) == ["<module>", "check"])
        #expect(exception.traceback.hasPrefix("Traceback (most recent call last):\n"))
        #expect(exception.traceback.contains("File \"\(path)\", line 3, in check"))
        #expect(exception.traceback.hasSuffix("ValueError: Age must be non-negative, got -1\n"))
    }

    @Test("non-builtin exceptions carry their module-qualified name")
    func qualifiedTypeName() throws {
        let scratch = ScratchDirectory()
        let path = scratch.write("frozen.py", """
            from dataclasses import dataclass

            @dataclass(frozen=True)
            class P:
                x: int

            class Outer:
                class Inner(Exception):
                    pass

            try:
                P(1).x = 2
            except Exception as e:
                error = e
            raise Outer.Inner('nested') from error
            """)
        let run = try TestPython.shared.withGILBlocking { gil in try gil.runScript(at: path) }
        let exception = try #require(run.exception)
        #expect(exception.typeName == "__main__.Outer.Inner")
        #expect(exception.message == "nested")
        #expect(run.line == 15)
        // The chained cause is part of the formatted traceback.
        #expect(exception.traceback.contains("dataclasses.FrozenInstanceError: cannot assign to field 'x'"))
        #expect(exception.traceback.contains("The above exception was the direct cause"))
    }

    @Test("a syntax error points at its file, line and column; nothing runs")
    func syntaxError() throws {
        let scratch = ScratchDirectory()
        let path = scratch.write("broken.py", "print('runs?')\nx = (1,\ny = 2\n")
        let run = try TestPython.shared.withGILBlocking { gil in try gil.runScript(at: path) }
        let exception = try #require(run.exception)
        #expect(exception.typeName == "SyntaxError")
        #expect(exception.syntaxLocation?.file == path)
        #expect(exception.syntaxLocation?.line == 2)
        #expect(exception.syntaxLocation?.column == 5)
        #expect(run.line == 2)
        #expect(run.output.lines(tagged: "runs?").isEmpty, "compiled once, as a whole: nothing ran")
    }

    @Test("sys.exit(2) is a SystemExit carrying the code, and never exits guidecheck")
    func systemExit() throws {
        let scratch = ScratchDirectory()
        let path = scratch.write("exits.py", "import sys\nprint('exit: before')\nsys.exit(2)\nprint('exit: after')\n")
        let run = try TestPython.shared.withGILBlocking { gil in try gil.runScript(at: path) }
        #expect(run.exception?.typeName == "SystemExit")
        #expect(run.exception?.exitCode == 2)
        #expect(run.line == 3)
        #expect(run.output.lines(tagged: "exit:") == ["exit: before"])
    }

    @Test("a failing C API call in a job throws the Python exception")
    func jobErrors() throws {
        let error = try #require(throws: PythonException.self) {
            try TestPython.shared.withGILBlocking { gil in _ = try gil.importModule("no_such_module_here") }
        }
        #expect(error.typeName == "ModuleNotFoundError")
        #expect(error.message == "No module named 'no_such_module_here'")
    }
}
