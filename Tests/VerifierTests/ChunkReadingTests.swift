import PythonRuntime
import TestSupport
import Testing
@testable import GuideModel
@testable import Reader

/// The facts `analysis.py` reads off one chunk, against the real `ast`, `tokenize`
/// and `symtable`: each chunk is read alone, its lines offset to the document's.
@Suite("Reading a chunk deep in a document")
struct ChunkReadingTests {
    static func analyse(_ chunks: [Chunk]) throws -> SnippetAnalysis {
        try TestPython.shared.withGILBlocking { gil in
            try PythonReading.install(gil)
            return try PythonReading.analyse(chunks, filename: "doc.md", gil)
        }
    }

    @Test("targets keep their text and comments their lines, with \\r\\n and \\n endings and non-ASCII names")
    func targetsAndComments() throws {
        let code = "é = 1  # one\r\nnaïve[\"ü\"] = 2\r\nx  =  (a,\n  b) = 3  # three\nprint(x)\n"
        let analysis = try Self.analyse([Chunk(firstLine: 40, code: code)])
        #expect(analysis.statements.map(\.targets) == [["é"], ["naïve[\"ü\"]"], ["x", "(a,\n  b)"], []])
        #expect(analysis.statements.map(\.line) == [40, 41, 42, 44])
        #expect(analysis.comments.map(\.line) == [40, 43])
        #expect(analysis.comments.map(\.code) == ["é = 1", "  b) = 3"])
        #expect(analysis.lineCount == 44)
    }

    @Test("lone \\r line ends (old Mac files) are line ends for comments too, as for the parser")
    func loneCarriageReturns() throws {
        let code = "x = 1\rprint(x)  # 1\rs = \"\"\"a\rb\"\"\"  # two lines\rprint(s)  # 4\r"
        let analysis = try Self.analyse([Chunk(firstLine: 1, code: code)])
        #expect(analysis.statements.map(\.line) == [1, 2, 3, 5])
        #expect(analysis.comments.map(\.line) == [2, 4, 5])
        #expect(analysis.comments.map(\.code) == ["print(x)", "b\"\"\"", "print(s)"])
    }

    @Test("the statement at a line is the innermost one, the first of them when a line holds several")
    func innermostByLine() throws {
        let analysis = try Self.analyse([Chunk(firstLine: 1, code: "def f():\n    a = 1; b = 2\n    return (a +\n            b)\nf()\n")])
        let byLine = StatementsByLine(analysis)
        #expect(byLine.innermost(at: 1)?.kind == "FunctionDef")
        #expect(byLine.innermost(at: 2)?.targets == ["a"])
        #expect(byLine.innermost(at: 4)?.kind == "Return")
        #expect(byLine.innermost(at: 5)?.kind == "Expr")
        #expect(byLine.innermost(at: 6) == nil)
    }

    @Test("several chunks: each one's comments at its own lines, the line count the last one's end")
    func severalChunks() throws {
        let analysis = try Self.analyse([
            Chunk(firstLine: 3, code: "a = 1  # 1\n"),
            Chunk(firstLine: 9, code: "b = a + 1\nb  # 2\n"),
        ])
        #expect(analysis.comments.map(\.line) == [3, 10])
        #expect(analysis.comments.map(\.text) == ["# 1", "# 2"])
        #expect(analysis.lineCount == 10)
        #expect(analysis.freeNames.isEmpty)
    }
}
