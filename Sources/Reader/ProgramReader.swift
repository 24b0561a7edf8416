import GuideModel
import PythonRuntime

/// Program → Reading, the one way guidecheck reads a program: CPython's `ast`
/// and `tokenize` describe its statements and comments (`analysis.py`), the
/// claim rules read its comments (`ClaimExtractor`), and the claims become the
/// plan of what a run must observe. The worker, `guidecheck claims` and the
/// tests all read through here.
public enum ProgramReader {
    /// - Parameters:
    ///   - annotations: the manifest's readings of ambiguous comments, by line.
    ///   - fixtures: names the program's fixtures provide (not undefined).
    public static func read(_ program: ProgramSource, annotations: [Manifest.Annotation] = [], fixtures: [String] = [],
                            _ gil: borrowing GIL) throws -> Reading {
        try PythonReading.install(gil)
        let analysis = try PythonReading.analyse(program.chunks, filename: program.path, gil)
        if let syntax = analysis.syntaxError {
            return Reading(problem: "\(program.path):\(syntax.line):\(syntax.column): SyntaxError: \(syntax.message)")
        }
        let extraction = ClaimExtractor(analysis: analysis, annotations: annotations, origin: program.origin)
            .extract { PythonReading.shape(of: $0, gil) }
        return Reading(
            statementLines: analysis.topLevel.map(\.line), claims: extraction.claims, commentary: extraction.commentary,
            plan: ProbePlan(claims: extraction.claims), imports: analysis.imports,
            undefinedNames: analysis.freeNames.filter { !fixtures.contains($0) },
            unmatchedAnnotations: extraction.unmatchedAnnotations)
    }
}

extension ProbePlan {
    /// What a run must record for each checkable claim: a nested statement's runs
    /// and output, a value, or an expression evaluated where a comment stands.
    init(claims: [Claim]) {
        var probes: [Probe] = []
        for claim in claims where claim.notCheckable == nil {
            let id = ProbePlan.evidenceProbe(of: claim.id)
            switch claim.target {
            case .statement:
                break
            case .nested:
                probes.append(Probe(id: id, kind: .nested, line: claim.line))
            case .value(let expression):
                probes.append(Probe(id: id, kind: expression == nil ? .valueOfExpression : .valueOfTarget,
                                    line: claim.line, expression: expression))
            case .evaluation(let expression):
                probes.append(Probe(id: id, kind: .evaluate, line: claim.commentLine, expression: expression, afterTop: claim.top))
            }
            if case .computed(let python, _) = claim.expectation {
                probes.append(Probe(id: ProbePlan.expectationProbe(of: claim.id), kind: .evaluate, line: claim.commentLine,
                                    expression: python, afterTop: claim.top))
            }
        }
        self.init(probes: probes)
    }
}
