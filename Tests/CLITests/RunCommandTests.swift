import Foundation
import TestSupport
import Testing

@Suite("guidecheck run")
struct RunCommandTests {
    @Test("print, os.write and two Pool children: every line, in order")
    func poolChildren() throws {
        let scratch = ScratchDirectory()
        let file = scratch.write("pool_demo.py", """
            import os
            from multiprocessing import Pool

            def square(n):
                print(f'child says {n}')
                return n * n

            if __name__ == '__main__':
                print('parent print')
                os.write(1, b'parent os.write\\n')
                with Pool(2) as pool:
                    print(pool.map(square, [1, 2]))
                print('done')
            """)
        let result = try GuideCheckCommand.run(["run", file])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "parent print")
        #expect(lines.dropFirst().first == "parent os.write")
        #expect(Set(lines.dropFirst(2).prefix(2)) == ["child says 1", "child says 2"])
        #expect(Array(lines.dropFirst(4)) == ["[1, 4]", "done"])
        #expect(result.stderr.isEmpty)
    }

    @Test("a latin-1 file with its PEP 263 declaration runs as python3 runs it; text output is UTF-8 whatever the locale")
    func encodings() throws {
        let scratch = ScratchDirectory()
        let path = scratch.path + "/latin.py"
        let bytes = Array("# -*- coding: latin-1 -*-\nprint('caf".utf8) + [0xE9] + Array("')\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try GuideCheckCommand.run(["run", path], environment: ["LANG": "C", "LC_ALL": "C"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "café\n")
    }

    @Test("an exception: the output so far, the traceback on stderr, exit 1")
    func exception() throws {
        let scratch = ScratchDirectory()
        let file = scratch.write("raises.py", "print('before')\nraise KeyError('missing')\n")
        let result = try GuideCheckCommand.run(["run", file])
        #expect(result.status == 1)
        #expect(result.stdout == "before\n")
        #expect(result.stderr.hasPrefix("Traceback (most recent call last):"))
        #expect(result.stderr.contains("line 2, in <module>"))
        #expect(result.stderr.hasSuffix("KeyError: 'missing'\n"))
    }

    @Test("sys.exit(3) exits 3; a missing file is a usage error, exit 2")
    func exitCodes() throws {
        let scratch = ScratchDirectory()
        let file = scratch.write("exits.py", "import sys\nsys.exit(3)\n")
        #expect(try GuideCheckCommand.run(["run", file]).status == 3)
        let missing = try GuideCheckCommand.run(["run", scratch.path + "/absent.py"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("absent.py: No such file or directory"))
    }

    @Test("the script's non-daemon threads finish before guidecheck exits, as under python3")
    func waitsForThreads() throws {
        let scratch = ScratchDirectory()
        let file = scratch.write("thread.py", """
            import threading, time
            def late():
                time.sleep(0.2)
                print('thread finished')
            threading.Thread(target=late).start()
            print('main finished')
            """)
        let result = try GuideCheckCommand.run(["run", file])
        #expect(result.stdout == "main finished\nthread finished\n")
    }
}
