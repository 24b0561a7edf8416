import PythonRuntime
import TestSupport
@testable import GuideModel
@testable import Judge
@testable import Reader
@testable import Reports
@testable import Runner
@testable import Verifier

/// Claim extraction against the real `ast` and `tokenize` of the shared interpreter.
enum PythonSyntax {
    /// The snippet read the one way guidecheck reads programs (`ProgramReader`).
    static func claims(in source: String, annotations: [Manifest.Annotation] = []) throws -> Reading {
        let program = ProgramSource(name: "snippet.py", path: "/test/snippet.py",
                                    origin: Origin(document: "/test/snippet.py", snippet: "snippet.py"), source: source)
        return try TestPython.shared.withGILBlocking { gil in try ProgramReader.read(program, annotations: annotations, gil) }
    }

    static func claim(in source: String, annotations: [Manifest.Annotation] = []) throws -> Claim? {
        try claims(in: source, annotations: annotations).claims.first
    }
}

extension Manifest.Annotation {
    static func on(_ line: Int) -> Manifest.Annotation { Manifest.Annotation(line: line) }
}
