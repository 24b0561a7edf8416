import PythonRuntime
import TestSupport
@testable import Verifier

/// Claim extraction against the real `ast` and `tokenize` of the shared interpreter.
enum PythonSyntax {
    static func claims(in source: String, annotations: [Manifest.Annotation] = []) throws -> ClaimExtractor.Result {
        try TestPython.shared.withGILBlocking { gil in
            try PythonHelpers.install(gil)
            let analysis = try PythonHelpers.analyse(source: source, filename: "/test/snippet.py", gil)
            return ClaimExtractor(analysis: analysis, annotations: annotations).extract { PythonHelpers.shape(of: $0, gil) }
        }
    }

    static func claim(in source: String, annotations: [Manifest.Annotation] = []) throws -> Claim? {
        try claims(in: source, annotations: annotations).claims.first
    }
}

extension Manifest.Annotation {
    static func on(_ line: Int) -> Manifest.Annotation {
        Manifest.Annotation(line: line, commentary: nil, notCheckable: nil, kind: nil, expected: nil, expectedPython: nil,
                            probe: nil, normalise: nil, note: nil)
    }
}
