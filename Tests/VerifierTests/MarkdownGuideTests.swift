import Foundation
import TestSupport
import Testing
@testable import GuideModel
@testable import Reader

/// Reading Markdown as CommonMark does (cmark), and the rules that turn its
/// blocks into programs and claims. No Python runs here but `ast` deciding
/// whether an untagged block parses.
@Suite("Markdown guides, read")
struct MarkdownGuideTests {
    static func read(_ text: String, version: [Int] = [3, 11, 2]) throws -> MarkdownGuide {
        try MarkdownGuide(path: "guide.md", text: text, pythonVersion: version) { code in
            (try? TestPython.shared.withGILBlocking { gil in (try? PythonReading.install(gil)) != nil && PythonReading.parses(code, gil) }) ?? false
        }
    }

    static func program(_ text: String) throws -> ProgramSource {
        try #require(try read(text).programs.first).program
    }

    @Test("fences in a list and a block quote, ~~~ fences and info strings are found with their document lines")
    func blocks() {
        let text = "# T\n\n- item\n\n  ```python title=\"x\"\n  a = 1\n  ```\n\n> ~~~py\n> b = 2\n> ~~~\n\n    c = 3\n"
        let codes = MarkdownBlocks(parsing: text).blocks.compactMap { block -> MarkdownBlocks.CodeBlock? in
            if case .code(let code) = block { return code } else { return nil }
        }
        #expect(codes.map(\.language) == ["python", "py", ""])
        #expect(codes.map(\.literal) == ["a = 1\n", "b = 2\n", "c = 3\n"])
        #expect(codes.map(\.firstLine) == [6, 10, 13])
        #expect(codes.map(\.fenceLine) == [5, 9, nil])
        #expect(codes[0].info == "python title=\"x\"")
    }

    @Test("an indented block followed by blank lines and text starts at its own first line (cmark's end takes in the blank lines)")
    func indentedBlockLines() {
        let text = "Text.\n\n    x = 1\n    y = 2\n\n\nMore text.\n\n1. ```py\n   z = 3\n   ```\n"
        let codes = MarkdownBlocks(parsing: text).blocks.compactMap { block -> MarkdownBlocks.CodeBlock? in
            if case .code(let code) = block { return code } else { return nil }
        }
        #expect(codes.map(\.firstLine) == [3, 10])
        #expect(codes.map(\.fenceLine) == [nil, 9])
    }

    @Test("the blocks of a document share one program, each chunk at its own lines")
    func oneNamespace() throws {
        let program = try Self.program("```py\nx = 1\n```\n\ntext\n\n```python3\nprint(x)  # 1\n```\n")
        #expect(program.chunks.map(\.firstLine) == [2, 8])
        #expect(program.isolatesSyntaxErrors)
        #expect(program.origin.document == "guide.md")
    }

    @Test("untagged blocks count only when they parse as Python; other languages never")
    func untagged() throws {
        let guide = try Self.read("```\nx = [1, 2]\n```\n\nprose\n\n```\nnot python at all\n```\n\n```bash\nls -l\n```\n")
        #expect(guide.programs.first?.program.chunks.map(\.code) == ["x = [1, 2]\n"])
    }

    @Test("a >>> session: examples run, what they show is claimed; remarks and empty output claim nothing")
    func session() throws {
        let program = try Self.program("""
            ```pycon
            >>> a = [1,
            ...      2]
            >>> a  # the list
            [1, 2]
            >>> len(a)
            2  # as expected
            >>> # just a remark
            >>> 1/0
            Traceback (most recent call last):
              ...
            ZeroDivisionError: division by zero
            >>> {}["k"]
            KeyError: 'k'
            ```
            """)
        #expect(program.chunks.map(\.kind) == [.example, .example, .example, .example, .example, .example])
        #expect(program.chunks[0].code == "a = [1,\n     2]\n")
        #expect(program.results.map(\.kind) == [.session, .session, .exception, .exception])
        #expect(program.results.map(\.documented) == ["[1, 2]", "2", "Traceback (most recent call last):\n  ...\nZeroDivisionError: division by zero", "KeyError: 'k'"])
        #expect(program.results[0].location.firstLine == 5)
        #expect(program.results[2].expectation == .raises(type: "ZeroDivisionError", message: "division by zero"))
    }

    @Test("output blocks: introduced by Output:, or an untagged fence right after code; a version condition is honoured")
    func outputs() throws {
        let program = try Self.program("""
            ```py
            print(1)
            ```

            **Output (Python 3.8+):**

            ```py
            1
            ```

            ```python
            print(2)
            ```
            ```text
            2
            ```

            Output (< 3.5):

            ```
            3
            ```
            """)
        #expect(program.chunks.count == 2)
        #expect(program.results.map(\.kind) == [.block, .block, .block])
        #expect(program.results.map(\.chunks) == [[0], [1], [1]])
        #expect(program.results[0].condition == "Python 3.8+")
        #expect(program.results[0].notCheckable == nil)
        #expect(program.results[2].notCheckable == "documented for Python < 3.5, not Python 3.11.2")
    }

    @Test("version conditions as guides write them", arguments: [
        ("Output (> 3.8):", true), ("Output (< Python3.7 )", false), ("Output (Python 2.x):", false),
        ("Output (Python 3.x):", true), ("Output (<= 3.7.x):", false), ("Output (Python 2.7- Python 3.5):", false),
        ("Output (Python 3.11.2 specifically)", true), ("Output (3.10+):", true),
    ])
    func versions(text: String, holds: Bool) throws {
        #expect(try #require(VersionCondition(text)).holds(for: [3, 11, 2]) == holds)
    }

    @Test("an output introduction: the word, and at most a note in parentheses, before or after its colon", arguments: [
        ("Output:", true), ("Output (Python 3.8):", true), ("Output: (Python 3.8, other Python 3 versions may vary a little)", true),
        ("Output (< Python3.7 )", true), ("Outputs:", true), ("Output of the function, which prints twice:", false),
        ("Output: (3.8) and then some (more)", false), ("Prints the numbers:", false),
    ])
    func introductions(text: String, introduces: Bool) {
        #expect(MarkdownGuide.isOutputIntroduction(text) == introduces)
    }

    @Test("an Output heading introduces an untagged or console block, whose $ python command is not output; above a Python block a heading names a section")
    func introducedBlocks() throws {
        let program = try Self.program("""
            ```python
            print("fig")
            ```

            #### Output

            ```console
            $ python recipes.py
            fig
            ```

            ## Results

            ```python
            print("kiwi")
            ```
            """)
        #expect(program.chunks.count == 2)
        #expect(program.results.map(\.expectation) == [.lines(["fig"])])
        #expect(program.results.map(\.location.firstLine) == [9])
    }

    @Test("a session's output goes on across a blank line when more output follows, not when a remark or a prompt does")
    func sessionBlankLines() {
        let lines = [">>> print('a\\n\\nb')", "a", "", "b", ">>> 1", "1", "", "# a remark", ">>> 2", "2", "", ">>> 3",
                     ">>> x", "[1, 2]", "", "x.append(3)"]
        let session = DoctestSession(lines.enumerated().map { (line: $0.offset + 1, text: $0.element) })
        // A value's echo holds no blank line: what follows it is not output.
        #expect(session.examples.map(\.shown) == [["a", "", "b"], ["1"], ["2"], [], ["[1, 2]"]])
    }

    @Test("a version condition is said with Python once", arguments: [
        ("Output (Python 2.x):", "Python 2.x"), ("Output (< Python3.7 )", "Python < 3.7"), ("Output (< 3.x):", "Python < 3.x"),
        ("Output: (Python 3.8, other Python 3 versions may vary)", "Python 3.8, other Python 3 versions may vary"),
    ])
    func conditionWords(text: String, said: String) throws {
        #expect(try #require(VersionCondition(text)).description == said)
    }

    @Test("controls in HTML comments: skip, new-namespace, fixtures, timeout; an unknown one is an error at its line")
    func controls() throws {
        let guide = try Self.read("""
            ```py
            a = 1
            ```

            <!-- guidecheck: skip -->
            ```py
            raise SystemExit
            ```

            <!-- guidecheck: new-namespace; fixtures network; timeout 5 -->
            ```py
            b = 2
            ```
            """)
        #expect(guide.programs.count == 2)
        #expect(guide.programs.map(\.program.name) == ["guide.md", "guide.md@11"])
        #expect(guide.programs[1].fixtures == ["network"])
        #expect(guide.programs[1].timeout == 5)
        #expect(guide.skipped.map(\.line) == [6])
        #expect(throws: CorpusError.self) { try Self.read("<!-- guidecheck: skipp -->\n```py\nx = 1\n```\n") }
        do {
            _ = try Self.read("text\n\n<!-- guidecheck: skipp -->\n```py\nx = 1\n```\n")
        } catch let error as CorpusError {
            #expect(error.line == 3)
            #expect(error.message.contains("unknown guidecheck control 'skipp'"))
        }
    }

    @Test("a block whose first line names a file is that file, not code of the page")
    func files() throws {
        let guide = try Self.read("```py\n# File: helper.py\ndef f():\n    return 1\n```\n\n```pycon\n>>> from helper import f\n>>> f()\n1\n```\n")
        #expect(guide.programs[0].files["helper.py"] == "# File: helper.py\ndef f():\n    return 1\n")
        #expect(guide.programs[0].program.chunks.count == 2)
    }

    @Test("a block indented as a whole is dedented, as a reader pastes it")
    func dedent() throws {
        let program = try Self.program("```py\n  def f():\n      return 1\n```\n")
        #expect(program.chunks[0].code == "def f():\n    return 1\n")
    }
}
