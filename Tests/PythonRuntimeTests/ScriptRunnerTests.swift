import PythonRuntime
import TestSupport
import Testing

@Suite("Running a file as python3 file.py would")
struct ScriptRunnerTests {
    @Test("__name__ is '__main__', __file__ is set, sys.argv and sys.path[0] are the script's")
    func mainModuleSemantics() throws {
        let scratch = ScratchDirectory()
        let path = scratch.write("main.py", """
            import sys, os
            print('main:', __name__ == '__main__', __file__ == os.path.abspath(__file__))
            print('main: module is', sys.modules['__main__'].__dict__ is globals())
            print('main: argv', sys.argv == [__file__])
            print('main: path0', sys.path[0] == os.path.dirname(__file__))
            if __name__ == '__main__':
                print('main: guarded block ran')
            """)
        let (run, mainAfter) = try TestPython.shared.withGILBlocking { gil in
            let run = try gil.runScript(at: path)
            let sys = try gil.importModule("sys")
            let name = try sys.attribute("modules", gil).item("__main__", gil).repr(gil)
            return (run, name)
        }
        #expect(run.exception == nil)
        #expect(run.path == path)
        #expect(run.output.lines(tagged: "main:") == [
            "main: True True", "main: module is True", "main: argv True", "main: path0 True",
            "main: guarded block ran",
        ])
        #expect(mainAfter == "<module '__main__' (built-in)>", "the previous __main__ is put back")
    }

    @Test("the file is compiled once as a module: equal constants are one object")
    func compiledOnceInExecMode() throws {
        let scratch = ScratchDirectory()
        let path = scratch.write("constants.py", "a = 257\nb = 257\nprint('same:', a is b)\n")
        let run = try TestPython.shared.withGILBlocking { gil in try gil.runScript(at: path) }
        #expect(run.output.lines(tagged: "same:") == ["same: True"])
    }

    @Test("multiprocessing.Pool.map over a module-level function")
    func poolMap() throws {
        let scratch = ScratchDirectory()
        let path = scratch.write("pool.py", """
            import os
            from multiprocessing import Pool

            def square(n):
                return n * n

            def whose(_):
                return os.getpid()

            if __name__ == '__main__':
                with Pool(processes=2) as pool:
                    print('pool:', pool.map(square, range(6)))
                    print('pool: children', os.getpid() not in set(pool.map(whose, range(4))))
            """)
        let run = try TestPython.shared.withGILBlocking { gil in try gil.runScript(at: path) }
        #expect(run.exception == nil, "\(run.exception?.traceback ?? "")")
        #expect(run.output.lines(tagged: "pool:") == ["pool: [0, 1, 4, 9, 16, 25]", "pool: children True"])
    }

    @Test("a missing file is a Swift error, not a Python one")
    func missingFile() throws {
        #expect(throws: ScriptError.self) {
            try TestPython.shared.withGILBlocking { gil in try gil.runScript(at: "/nonexistent/guidecheck.py") }
        }
    }
}
