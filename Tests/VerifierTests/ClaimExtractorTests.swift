import Testing
import TestSupport
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Reports
@testable import Runner
@testable import Verifier

@Suite("Claims read from comments")
struct ClaimExtractorTests {
    @Test("output: a print with a value after it")
    func output() throws {
        let claim = try #require(try PythonSyntax.claim(in: "x = 10\nprint(x)  # 10\n"))
        #expect(claim.kind == .output)
        #expect(claim.line == 2)
        #expect(claim.expectation == .text("10"))
        #expect(claim.target == .statement)
        #expect(claim.documented == "10")
    }

    @Test("value: a bare expression, and an assignment")
    func values() throws {
        let expression = try #require(try PythonSyntax.claim(in: "sorted([3, 1])  # [1, 3]\n"))
        #expect(expression.kind == .value)
        #expect(expression.target == .value(expression: nil))
        #expect(expression.expectation == .text("[1, 3]"))
        let assignment = try #require(try PythonSyntax.claim(in: "x = int(5)   # 5\n"))
        #expect(assignment.kind == .value)
        #expect(assignment.target == .value(expression: "x"))
    }

    @Test("exception: a name with an explanation, `raises`, a message, and OK")
    func exceptions() throws {
        let source = """
            def greet(name, /):
                return name
            greet('Alice')                 # OK
            greet(name='Alice')            # TypeError — name is positional-only
            int('x')  # raises ValueError
            hash([])  # TypeError: unhashable type: 'list'
            """
        let claims = try PythonSyntax.claims(in: source).claims
        #expect(claims.map(\.kind) == [.exception, .exception, .exception, .exception])
        #expect(claims.map(\.expectation) == [
            .noException, .raises(type: "TypeError", message: nil), .raises(type: "ValueError", message: nil),
            .raises(type: "TypeError", message: "unhashable type: 'list'"),
        ])
    }

    @Test("exception on an assignment to an attribute")
    func attributeAssignment() throws {
        let claim = try #require(try PythonSyntax.claim(in: "class P: pass\np = P()\np.age = -1    # raises ValueError\n"))
        #expect(claim.kind == .exception)
        #expect(claim.target == .statement)
    }

    @Test("commented-out code: evaluated where the comment stands")
    func commentedOutCode() throws {
        let source = """
            gen = iter([0])
            print(next(gen))  # 0
            # next(gen) → StopIteration
            """
        let claims = try PythonSyntax.claims(in: source).claims
        let claim = try #require(claims.last)
        #expect(claim.kind == .exception)
        #expect(claim.target == .evaluation(expression: "next(gen)"))
        #expect(claim.line == 3)
        #expect(claim.top == 1, "evaluated after the second top-level statement")
    }

    @Test("a chain of commented-out expressions gives one claim each")
    func chain() throws {
        let source = "d = {'a': [0, 4]}\n# d['a'] → [0, 4], d.get('b', []) → [] (not KeyError)\n"
        let claims = try PythonSyntax.claims(in: source).claims
        #expect(claims.map(\.target) == [.evaluation(expression: "d['a']"), .evaluation(expression: "d.get('b', [])")])
        #expect(claims.map(\.expectation) == [.text("[0, 4]"), .text("[]")])
    }

    @Test("block: comment lines right after a call, up to the prose")
    func block() throws {
        let source = """
            def hello():
                print('a')
                print('b')

            hello()
            # a
            # b
            # Each line printed exactly once — in order
            """
        let result = try PythonSyntax.claims(in: source)
        let claim = try #require(result.claims.first)
        #expect(claim.kind == .block)
        #expect(claim.line == 5)
        #expect(claim.commentLine == 6)
        #expect(claim.expectation == .lines(["a", "b"]))
        #expect(claim.documented == "a\nb")
        #expect(result.commentary.map(\.line) == [8])
    }

    @Test("output spanning lines from a nested print: `# 0, 1, 2`")
    func nestedOutput() throws {
        let claim = try #require(try PythonSyntax.claim(in: "for n in range(3):\n    print(n)  # 0, 1, 2\n"))
        #expect(claim.kind == .output)
        #expect(claim.target == .nested)
        #expect(claim.expectation == .text("0, 1, 2"))
    }

    @Test("`prints` on a nested call is an output claim")
    func printsHint() throws {
        let source = "def outer():\n    def inner():\n        print('x')\n    inner()  # prints 'x'\nouter()\n"
        let claim = try #require(try PythonSyntax.claim(in: source))
        #expect(claim.kind == .output)
        #expect(claim.target == .nested)
        #expect(claim.expectation == .text("'x'"))
    }

    @Test("commentary: complexity, prose on a statement, comments on headers and inside statements")
    func commentary() throws {
        let source = """
            def fib(n):  # memoised below
                return n  # GIL released during network wait
            fib(100)  # O(n) — each subproblem computed once
            class A:
                def __init__(self, age):
                    self.age = age  # calls ValidatedAge.__set__
            b = [  # a list
                1,  # one
            ]
            del b  # count reaches 0 → immediately freed
            # Fix 1: a plain comment before code
            c = 1  # alias — same object
            """
        let result = try PythonSyntax.claims(in: source)
        #expect(result.claims.isEmpty, "\(result.claims)")
        #expect(result.commentary.count == 9)
    }

    @Test("the tail and a parenthetical are not part of the expected value")
    func tails() throws {
        let claims = try PythonSyntax.claims(in: "print(True)  # True — same cached object\nprint(2)  # 2 (one for x, one for the argument)\n").claims
        #expect(claims.map(\.expectation) == [.text("True"), .text("2")])
        #expect(claims.map(\.documented) == ["True — same cached object", "2 (one for x, one for the argument)"])
    }

    @Test("a value with a condition: `False in most contexts`")
    func condition() throws {
        let claim = try #require(try PythonSyntax.claim(in: "print(1 is 2)  # False in most contexts (not interned)\n"))
        #expect(claim.expectation == .text("False"))
        #expect(claim.condition == "in most contexts")
    }

    @Test("prose before an arrow, the value after it")
    func proseArrow() throws {
        let claim = try #require(try PythonSyntax.claim(in: "print(30)  # calls ValidatedAge.__get__ → 30\n"))
        #expect(claim.expectation == .text("30"))
    }

    @Test("a top-level print's comment is its output, whatever the words")
    func freeTextOutput() throws {
        let claim = try #require(try PythonSyntax.claim(in: "print('Going north')  # Going north\n"))
        #expect(claim.kind == .output)
        #expect(claim.expectation == .text("Going north"))
    }

    @Test("annotations: commentary, not checkable, a probe, a computed expectation")
    func annotations() throws {
        let source = """
            import sys
            x = [1]
            y = x  # count becomes 3
            print(36)  # current year minus 1990
            print('z')  # also accessible after the block
            # Actual speedup: ~8x
            """
        var probe = Manifest.Annotation.on(3)
        probe.probe = "sys.getrefcount(x)"
        probe.expected = "3"
        probe.note = "the reference count"
        var computed = Manifest.Annotation.on(4)
        computed.expectedPython = "str(2026 - 1990)"
        var commentary = Manifest.Annotation.on(5)
        commentary.commentary = "a remark"
        var timing = Manifest.Annotation.on(6)
        timing.notCheckable = "a timing claim"
        var stale = Manifest.Annotation.on(40)
        stale.commentary = "no such line"
        let result = try PythonSyntax.claims(in: source, annotations: [probe, computed, commentary, timing, stale])
        #expect(result.claims.count == 3)
        #expect(result.claims[0].target == .evaluation(expression: "sys.getrefcount(x)"))
        #expect(result.claims[0].expectation == .text("3"))
        #expect(result.claims[0].manifestReading == "the reference count")
        #expect(result.claims[1].expectation == .computed(python: "str(2026 - 1990)", meaning: "current year minus 1990"))
        #expect(result.claims[2].notCheckable == "a timing claim")
        #expect(result.claims[2].line == 5, "the statement the remark follows")
        #expect(result.claims[2].commentLine == 6)
        #expect(result.commentary.contains { $0.line == 5 && $0.reason == "manifest: a remark" })
        #expect(result.unmatchedAnnotations == [40])
    }

    @Test("a check's code, at its own file's lines, is never the statement a comment of the program is on")
    func checkLinesAreAnotherFile() throws {
        // The check's `for` spans lines 1–3 of its YAML file; the snippet's comments
        // on lines 2 and 3 are about the snippet's own statements.
        let program = ProgramSource(
            name: "snippet.py", path: "/test/snippet.py", origin: Origin(document: "/test/snippet.py", snippet: "snippet.py"),
            chunks: [Chunk(code: "x = 1\nprint(x + 1)  # 2\nx  # 1\n"),
                     Chunk(firstLine: 1, code: "for i in range(2):\n    pass\n    pass\n", kind: .check, path: "/test/checks/q01.yaml")])
        let reading = try TestPython.shared.withGILBlocking { gil in try ProgramReader.read(program, gil) }
        #expect(reading.commentary.isEmpty, "\(reading.commentary)")
        #expect(reading.claims.map(\.kind) == [.output, .value])
        #expect(reading.claims.map(\.line) == [2, 3])
        #expect(reading.claims.map(\.top) == [1, 2])
    }
}
