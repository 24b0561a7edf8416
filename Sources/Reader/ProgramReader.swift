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
            claims.append(claim(for: result, id: claims.count, analysis: analysis, chunks: program.chunks))
        }
        claims += compileClaims(program, analysis: analysis, claims: claims)
        // A near miss of a name the program binds is its typo (Python says "Did
        // you mean …?"), not a name the guide leaves out: its claims are wrong.
        let typos = analysis.freeNames.filter { !fixtures.contains($0) && NameTypo.isTypo($0, of: analysis.boundNames) }
        let undefined = analysis.freeNames.filter { !fixtures.contains($0) && !typos.contains($0) }
        // Documented texts that read as values guidecheck may evaluate.
        let values = Set(claims.compactMap(ProbePlanner.documentedText).filter { PythonReading.shape(of: $0, gil)?.literal == true })
        var reading = Reading(
            statementLines: analysis.topLevel.map(\.line), claims: claims, commentary: extraction.commentary,
            plan: ProbePlanner(analysis: analysis, values: values).plan(claims), imports: analysis.imports,
            undefinedNames: undefined, brokenDefinitions: brokenDefinitions(program, analysis: analysis, undefined: undefined),
            unmatchedAnnotations: extraction.unmatchedAnnotations)
        reading.buildsSets = analysis.buildsSets
        reading.typoNames = typos
        return reading
    }

    /// A claim that each block of the guide's code that does not compile does,
    /// when no other claim is about it: its SyntaxError is reported, never
    /// skipped. It is checked (and wrong) when code after it uses a name it
    /// would define; it is not checkable when the guide documents the block for
    /// another Python, or when nothing after it uses what it would define (an
    /// illustration, such as the shape of a clause). (A check that does not
    /// compile is a broken check through its own claim.)
    static func compileClaims(_ program: ProgramSource, analysis: SnippetAnalysis, claims: [Claim]) -> [Claim] {
        var added: [Claim] = []
        for (index, chunk) in program.chunks.enumerated() where chunk.kind != .check && index < analysis.chunks.count {
            let facts = analysis.chunks[index]
            guard let error = facts.syntaxError else { continue }
            let top = facts.firstTop
            let covered = claims.contains { claim in
                if case .spans(let spans) = claim.target { return spans.contains { $0.first <= top && top <= $0.last } }
                return claim.top == top
            }
            guard !covered else { continue }
            let lines = chunk.code.split(separator: "\n", omittingEmptySubsequences: false)
            let last = chunk.firstLine + max(0, lines.count - (chunk.code.hasSuffix("\n") ? 2 : 1))
            let shown = lines.first { !$0.trimmingWhitespace().isEmpty }.map { String($0).trimmingWhitespace() } ?? ""
            let defines = Set(facts.wouldDefine ?? [])
            let usedLater = analysis.chunks.dropFirst(index + 1).contains { !defines.isDisjoint(with: $0.uses ?? []) }
            let notCheckable = chunk.otherPython.map { "\($0); it does not compile here (SyntaxError: \(error))" }
                ?? (usedLater ? nil : "it does not compile (SyntaxError: \(error)), and no code after it uses what it would define")
            added.append(Claim(
                id: claims.count + added.count, source: .code, location: program.origin.location(chunk.firstLine, last),
                line: chunk.firstLine, commentLine: chunk.firstLine, kind: .exception, documented: shown,
                expectation: .noException, top: top, target: .spans([Span(first: top, last: top)]), notCheckable: notCheckable))
        }
        return added
    }

    /// The undefined names that a block that does not compile would have defined.
    static func brokenDefinitions(_ program: ProgramSource, analysis: SnippetAnalysis, undefined: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for (index, chunk) in program.chunks.enumerated() where index < analysis.chunks.count {
            guard let error = analysis.chunks[index].syntaxError else { continue }
            for name in analysis.chunks[index].wouldDefine ?? [] where undefined.contains(name) && found[name] == nil {
                found[name] = "the block at line \(chunk.firstLine), which does not compile (SyntaxError: \(error))"
            }
        }
        return found
    }

    /// A claim written beside the code, about the statements of its chunks.
    /// Its line is its first statement's; with none (an example that is only a
    /// comment, an IPython magic), the line of its code, or of what it is about.
    static func claim(for result: DocumentedResult, id: Int, analysis: SnippetAnalysis, chunks: [Chunk]) -> Claim {
        let spans = result.chunks.enumerated().compactMap { index, chunk -> Span? in
            guard chunk < analysis.chunks.count, analysis.chunks[chunk].count > 0 else { return nil }
            let facts = analysis.chunks[chunk]
            return Span(first: facts.firstTop, last: facts.firstTop + facts.count - 1, context: result.contexts?[index],
                        endsWithExpression: facts.endsWithExpression)
        }
        let tops = analysis.topLevel
        let first = spans.first?.first ?? 0
        let line = !spans.isEmpty && first < tops.count ? tops[first].line
            : result.chunks.first.flatMap { $0 < chunks.count ? chunks[$0].firstLine : nil } ?? result.subjectLine ?? result.location.firstLine
        return Claim(
            id: id, source: result.source, location: result.location, line: line, commentLine: line, kind: result.kind,
            documented: result.documented, expectation: result.expectation, condition: result.condition, top: first,
            target: .spans(spans),
            notCheckable: result.notCheckable ?? (spans.isEmpty ? "the code it is about has no statements" : nil),
            note: result.note)
    }
}
