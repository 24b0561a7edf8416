import GuideModel
import PythonRuntime

/// Program → Reading, the one way guidecheck reads a program: CPython's `ast`
/// and `tokenize` describe its statements and comments (`analysis.py`), the
/// claim rules read its comments (`ClaimExtractor`), the claims written beside
/// the code (output blocks, `>>>` outputs, checks) are tied to the statements
/// they are about, and all the claims become the plan of what a run must
/// observe. The worker, `guidecheck claims` and the tests all read through here.
public enum ProgramReader {
    /// - Parameters:
    ///   - annotations: the manifest's readings of ambiguous comments, by line.
    ///   - fixtures: names the program's fixtures provide (not undefined).
    public static func read(_ program: ProgramSource, annotations: [Manifest.Annotation] = [], fixtures: [String] = [],
                            _ gil: borrowing GIL) throws -> Reading {
        try PythonReading.install(gil)
        let analysis = try PythonReading.analyse(program.chunks, filename: program.path,
                                                 isolatesSyntaxErrors: program.isolatesSyntaxErrors, gil)
        if let syntax = analysis.syntaxError {
            return Reading(problem: "\(program.path):\(syntax.line):\(syntax.column): SyntaxError: \(syntax.message)")
        }
        var extraction = ClaimExtractor(analysis: analysis, annotations: annotations, origin: program.origin)
            .extract { PythonReading.shape(of: $0, gil) }
        // Beside a `>>>` example, whose output the session shows below it, a
        // comment is a remark (`>>> print("wtf" "")  # or "wtf"""`).
        let examples = program.chunks.filter { $0.kind == .example }.map { chunk in
            chunk.firstLine...(chunk.firstLine + chunk.code.filter { $0 == "\n" }.count)
        }
        extraction.claims.removeAll { claim in
            guard examples.contains(where: { $0.contains(claim.commentLine) }) else { return false }
            extraction.commentary.append(Commentary(line: claim.commentLine, text: claim.documented,
                                                    reason: "a remark beside a >>> example, whose output the session shows"))
            return true
        }
        for index in extraction.claims.indices { extraction.claims[index].id = index }
        var claims = extraction.claims
        for result in program.results {
            claims.append(claim(for: result, id: claims.count, analysis: analysis))
        }
        // Documented texts that read as values guidecheck may evaluate.
        let values = Set(claims.compactMap(ProbePlanner.documentedText).filter { PythonReading.shape(of: $0, gil)?.literal == true })
        return Reading(
            statementLines: analysis.topLevel.map(\.line), claims: claims, commentary: extraction.commentary,
            plan: ProbePlanner(analysis: analysis, values: values).plan(claims), imports: analysis.imports,
            undefinedNames: analysis.freeNames.filter { !fixtures.contains($0) },
            unmatchedAnnotations: extraction.unmatchedAnnotations)
    }

    /// A claim written beside the code, about the statements of its chunks.
    static func claim(for result: DocumentedResult, id: Int, analysis: SnippetAnalysis) -> Claim {
        let spans = result.chunks.enumerated().compactMap { index, chunk -> Span? in
            guard chunk < analysis.chunks.count, analysis.chunks[chunk].count > 0 else { return nil }
            let facts = analysis.chunks[chunk]
            return Span(first: facts.firstTop, last: facts.firstTop + facts.count - 1, context: result.contexts?[index],
                        endsWithExpression: facts.endsWithExpression)
        }
        let tops = analysis.topLevel
        let first = spans.first?.first ?? 0
        let line = first < tops.count ? tops[first].line : result.location.firstLine
        return Claim(
            id: id, source: result.source, location: result.location, line: line, commentLine: line, kind: result.kind,
            documented: result.documented, expectation: result.expectation, condition: result.condition, top: first,
            target: .spans(spans),
            notCheckable: result.notCheckable ?? (spans.isEmpty ? "the code it is about has no statements" : nil),
            note: result.note)
    }
}
