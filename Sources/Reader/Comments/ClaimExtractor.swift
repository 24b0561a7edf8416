import Foundation
import GuideModel

/// Reads a snippet's comments into claims and commentary.
///
/// The rules are written for people first (README, "How comments are read"): a
/// comment becomes a claim only when its words say what a statement prints,
/// returns or raises; anything else is commentary and can never fail. The rules
/// never look at what the code actually did, so a wrong claim cannot hide as
/// commentary. Where a comment stays ambiguous, a manifest annotation decides.
public struct ClaimExtractor {
    public struct Result: Sendable, Equatable {
        public var claims: [Claim]
        public var commentary: [Commentary]
        /// Annotation lines that no comment is on: a stale manifest.
        public var unmatchedAnnotations: [Int]
    }

    let analysis: SnippetAnalysis
    let annotations: [Int: Manifest.Annotation]
    let origin: Origin

    public init(analysis: SnippetAnalysis, annotations: [Manifest.Annotation], origin: Origin) {
        self.analysis = analysis
        self.annotations = Dictionary(annotations.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        self.origin = origin
    }

    /// - Parameter shape: how a piece of text parses as a Python expression.
    public func extract(shape: (String) -> ExpressionShape?) -> Result {
        withoutActuallyEscaping(shape) { shape in
            var reading = CommentReading(analysis: analysis, annotations: annotations, origin: origin, shape: shape)
            let comments = analysis.comments
            var index = 0
            while index < comments.count {
                index += reading.read(comments, at: index)
            }
            let used = Set(comments.map(\.line))
            return Result(claims: reading.claims, commentary: reading.commentary,
                          unmatchedAnnotations: annotations.keys.filter { !used.contains($0) }.sorted())
        }
    }
}

/// One pass over a program's comments.
private struct CommentReading {
    let analysis: SnippetAnalysis
    let byLine: StatementsByLine
    let annotations: [Int: Manifest.Annotation]
    let origin: Origin
    let shapeOf: (String) -> ExpressionShape?
    var claims: [Claim] = []
    var commentary: [Commentary] = []
    private var shapes: [String: ExpressionShape?] = [:]

    init(analysis: SnippetAnalysis, annotations: [Int: Manifest.Annotation], origin: Origin,
         shape: @escaping (String) -> ExpressionShape?) {
        self.analysis = analysis
        byLine = StatementsByLine(analysis)
        self.annotations = annotations
        self.origin = origin
        self.shapeOf = shape
    }

    mutating func shape(_ text: String) -> ExpressionShape? {
        if let known = shapes[text] { return known }
        let found = shapeOf(text)
        shapes[text] = found
        return found
    }

    /// Reads the comment at `index` (and the block it starts); returns how many comments it used.
    mutating func read(_ comments: [SnippetAnalysis.Comment], at index: Int) -> Int {
        let comment = comments[index]
        if let annotation = annotations[comment.line], annotation.overridesReading {
            annotated(comment, annotation)
            return 1
        }
        if !comment.ownLine {
            inline(comment)
            return 1
        }
        if commentedOutCode(comment) { return 1 }
        let used = block(comments, from: index)
        if used > 0 { return used }
        skip(comment, "a comment on its own line, not output of the statement before it")
        return 1
    }

    // MARK: - Inline comments: `statement  # comment`

    mutating func inline(_ comment: SnippetAnalysis.Comment) {
        guard let statement = byLine.innermost(at: comment.line) else {
            return skip(comment, "not on a statement")
        }
        if statement.compound {
            return skip(comment, "on the header of \(CommentText.article(statement.kind)) `\(statement.kind)` statement")
        }
        guard comment.line == statement.endLine else {
            return skip(comment, "inside a statement that spans several lines")
        }
        let text = CommentText.body(comment.text)
        guard let draft = draft(for: text, on: statement) else {
            return skip(comment, reason(for: text, on: statement))
        }
        add(draft, comment: comment, statement: statement)
    }

    /// What the comment text claims about `statement`, or nil for commentary.
    mutating func draft(for text: String, on statement: SnippetAnalysis.Statement) -> Draft? {
        if CommentText.isComplexity(text) { return nil }
        var words = text
        var hint: ClaimKind?
        // `# Output: 3`, `# => 3`: the kind and the value are read after the marker.
        // A print's output keeps it (the program may print `Result: 42` itself);
        // the judge's `result marker` tries without it.
        var marker = ""
        if let marked = ResultMarker.split(text) {
            guard !marked.rest.isEmpty else { return nil }
            words = marked.rest
            hint = marked.kind
            marker = String(text.dropLast(marked.rest.count))
        }
        let printed = { (expected: String) in statement.print ? marker + expected : expected }
        if words.contains("→") {
            // `calls ValidatedAge.__get__ → 30`: prose before the arrow, the value after.
            let parts = CommentText.splitArrows(words)
            guard shape(parts[0]) == nil else { return nil }
            words = parts.dropFirst().joined(separator: " → ")
        }
        let expected = CommentText.splitParenthetical(CommentText.splitTail(words).head).head
        if let raised = CommentText.exception(in: expected) {
            return Draft(kind: .exception, expectation: .raises(type: raised.type, message: raised.message))
        }
        if CommentText.saysNoException(expected) {
            return Draft(kind: .exception, expectation: .noException)
        }
        let kind: ClaimKind
        let assignment = ["Assign", "AugAssign", "AnnAssign"].contains(statement.kind)
        if statement.kind == "Expr" {
            kind = statement.print ? .output : (hint ?? .value)
        } else if assignment && statement.simpleTargets && statement.depth == 0 {
            kind = .value
        } else {
            return nil
        }
        // A value inside a block has no single moment to be read at.
        if kind == .value && statement.depth > 0 { return nil }
        let approximate = CommentText.approximate(expected)
        // A duration (`# roughly 1 s` on a sleep) is the benchmarks' business, not a value.
        if approximate?.isDuration == true, kind == .value { return nil }
        if approximate != nil || CommentText.looksLikeRepr(expected) || shape(expected)?.literal == true {
            return Draft(kind: kind, expectation: .text(kind == .output ? printed(expected) : expected))
        }
        // On a print, only words that say when (`in most contexts`, `with
        // @runtime_checkable`) are a condition: `# 2 km` and `# 3 items` are output.
        if let (value, condition) = valueWithCondition(expected),
           !(statement.print && statement.depth == 0) || CommentText.saysWhen(condition) || expected.hasPrefix(value + ",") {
            return Draft(kind: kind, expectation: .text(kind == .output ? printed(value) : value), condition: condition)
        }
        // A top-level print's comment is its output, whatever the words, unless
        // they ask a question (`# Where did the other values go?`).
        if kind == .output && statement.depth == 0 && !expected.isEmpty && !expected.hasSuffix("?") {
            return Draft(kind: .output, expectation: .text(printed(expected)))
        }
        return nil
    }

    /// `False in most contexts` → `False`, condition `in most contexts`.
    mutating func valueWithCondition(_ text: String) -> (String, String)? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        for count in stride(from: words.count - 1, through: 1, by: -1) {
            let value = words[..<count].joined(separator: " ")
            let rest = words[count...].joined(separator: " ")
            guard let first = rest.first, first.isLowercase || first == "@" else { continue }
            // `True, tags are ignored`: the comma ends the value, it does not make a tuple.
            if value.hasSuffix(","), value.count > 1, shape(String(value.dropLast()))?.literal == true {
                return (String(value.dropLast()), rest)
            }
            if shape(value)?.literal == true { return (value, rest) }
        }
        return nil
    }

    func reason(for text: String, on statement: SnippetAnalysis.Statement) -> String {
        if CommentText.isComplexity(text) { return "a complexity; timing is the benchmarks' business" }
        switch statement.kind {
        case "Expr", "Assign", "AugAssign", "AnnAssign":
            return statement.depth > 0 && !statement.print ? "inside a block, and not output" : "words, not a value"
        default:
            return "on \(CommentText.article(statement.kind)) `\(statement.kind)` statement, which prints and returns nothing"
        }
    }

    // MARK: - Commented-out code: `# next(gen) → StopIteration`

    mutating func commentedOutCode(_ comment: SnippetAnalysis.Comment) -> Bool {
        guard comment.column == 0 else { return false }
        let parts = CommentText.splitArrows(CommentText.body(comment.text))
        guard parts.count >= 2, !parts[0].isEmpty, shape(parts[0]) != nil else { return false }
        guard let statement = analysis.commentedStatements.last(where: { $0.depth == 0 && $0.endLine < comment.line }) else { return false }
        // A chain: `a → [0, 4], b → []` holds two claims.
        var pairs: [(String, String)] = []
        var expression = parts[0]
        for (position, part) in parts.enumerated().dropFirst() {
            if position == parts.count - 1 {
                pairs.append((expression, part))
            } else if let (value, next) = splitValueAndExpression(part) {
                pairs.append((expression, value))
                expression = next
            } else {
                return false
            }
        }
        for (expression, expectedText) in pairs {
            let core = CommentText.splitParenthetical(CommentText.splitTail(expectedText).head).head
            var draft: Draft
            if let raised = CommentText.exception(in: core) {
                draft = Draft(kind: .exception, expectation: .raises(type: raised.type, message: raised.message))
            } else if shape(core)?.literal == true || CommentText.looksLikeRepr(core) {
                draft = Draft(kind: .value, expectation: .text(core))
            } else {
                continue
            }
            draft.target = .evaluation(expression: expression)
            draft.line = comment.line
            add(draft, comment: comment, statement: statement)
        }
        return true
    }

    /// `[0, 4], word_positions['xyz']` → (`[0, 4]`, `word_positions['xyz']`).
    mutating func splitValueAndExpression(_ text: String) -> (String, String)? {
        var search = text.startIndex
        while let comma = text.range(of: ", ", range: search..<text.endIndex) {
            let value = String(text[..<comma.lowerBound])
            let next = String(text[comma.upperBound...])
            if shape(value)?.literal == true, shape(next) != nil { return (value, next) }
            search = comma.upperBound
        }
        return nil
    }

    // MARK: - Blocks: comment lines after a statement that prints

    /// Reads the run of own-line comments right after a statement; returns how
    /// many comments it used, 0 when they are not a block.
    mutating func block(_ comments: [SnippetAnalysis.Comment], from index: Int) -> Int {
        let first = comments[index]
        guard let statement = statementBefore(first), statement.call || statement.compound else { return 0 }
        var run = [first]
        while index + run.count < comments.count {
            let next = comments[index + run.count]
            guard next.ownLine, next.line == run.last!.line + 1, next.column == first.column,
                  annotations[next.line]?.overridesReading != true else { break }
            run.append(next)
        }
        // A marker on the first line (`# Output:` above the lines, `# => 3`) stays:
        // the program may print it; the judge's `result marker` tries without it.
        let texts = run.map { CommentText.body($0.text) }
        // A line of prose ends the output, and so does a commented-out print
        // (`# print(data["b"])`): code, not what the code printed.
        var outputCount = 0
        for text in texts {
            guard !text.isEmpty, !CommentText.isProse(text) else { break }
            if let called = shape(text), called.kind == "call", called.name == "print" { break }
            outputCount += 1
        }
        let outputLines = texts.prefix(outputCount)
        if !outputLines.isEmpty {
            var draft = Draft(kind: .block, expectation: .lines(Array(outputLines)))
            draft.documented = run.prefix(outputLines.count).map { CommentText.body($0.text) }.joined(separator: "\n")
            // Under a paragraph of top-level prints, as many lines as statements
            // (or more) are what the paragraph printed, not only its last print.
            let paragraph = printingParagraph(endingWith: statement)
            let markerLine = ResultMarker.split(texts[0])?.rest.isEmpty == true ? 1 : 0  // `# Output:` is not a line of output
            if paragraph.count >= 2, outputLines.count - markerLine >= paragraph.count {
                draft.target = .spans([Span(first: paragraph[0].top, last: statement.top)])
            }
            add(draft, comment: first, statement: statement)
        }
        for comment in run.dropFirst(outputLines.count) {
            skip(comment, "prose after the output it follows")
        }
        return run.count
    }

    /// The top-level statements that may print (calls, compound statements) on
    /// consecutive lines up to `last`, none with a comment of its own: a
    /// paragraph of code whose output one block of comment lines can document.
    func printingParagraph(endingWith last: SnippetAnalysis.Statement) -> [SnippetAnalysis.Statement] {
        guard last.depth == 0, last.call || last.compound else { return [] }
        let topLevel = analysis.commentedStatements.filter { $0.depth == 0 }
        guard var index = topLevel.firstIndex(where: { $0.top == last.top }) else { return [] }
        let commented = Set(analysis.comments.map(\.line))
        let uncommented = { (statement: SnippetAnalysis.Statement) in
            !(statement.line...statement.endLine).contains(where: commented.contains)
        }
        guard uncommented(last) else { return [] }
        var paragraph = [last]
        while index > 0 {
            let previous = topLevel[index - 1]
            guard previous.endLine == paragraph[0].line - 1, previous.call || previous.compound, uncommented(previous) else { break }
            paragraph.insert(previous, at: 0)
            index -= 1
        }
        return paragraph
    }

    /// The statement that ends on the line before `comment`, at its indentation.
    func statementBefore(_ comment: SnippetAnalysis.Comment) -> SnippetAnalysis.Statement? {
        analysis.commentedStatements.last { $0.endLine == comment.line - 1 && $0.column == comment.column }
    }

    // MARK: - Annotations

    mutating func annotated(_ comment: SnippetAnalysis.Comment, _ annotation: Manifest.Annotation) {
        if let reason = annotation.commentary {
            return skip(comment, "manifest: \(reason)")
        }
        // A remark on its own line belongs to the statement right before it, if
        // any; otherwise it stands for itself, at its own line.
        let before = comment.ownLine ? statementBefore(comment) : nil
        let statement = comment.ownLine ? before ?? analysis.commentedStatements.last { $0.depth == 0 && $0.endLine < comment.line }
                                         : byLine.innermost(at: comment.line)
        guard let statement else { return skip(comment, "manifest annotation on a comment before any statement") }
        let text = CommentText.body(comment.text)
        var draft = (comment.ownLine ? nil : draft(for: text, on: statement))
            ?? Draft(kind: annotation.kind ?? (statement.print ? .output : .value), expectation: .text(text))
        if comment.ownLine && before == nil { draft.line = comment.line }
        if let expected = annotation.expected { draft.expectation = .text(expected) }
        if let python = annotation.expectedPython {
            draft.expectation = .computed(python: python, meaning: annotation.note ?? text)
        }
        if let probe = annotation.probe {
            draft.kind = .value
            draft.target = .evaluation(expression: probe)
        }
        if statement.depth > 0, case .statement = draft.target { draft.target = .nested }
        draft.notCheckable = annotation.notCheckable
        if annotation.expected != nil || annotation.expectedPython != nil || annotation.probe != nil {
            draft.manifestReading = annotation.note ?? "as the manifest annotation on line \(comment.line) says"
        }
        add(draft, comment: comment, statement: statement)
    }

    // MARK: - Results

    mutating func add(_ draft: Draft, comment: SnippetAnalysis.Comment, statement: SnippetAnalysis.Statement) {
        let annotation = annotations[comment.line]
        var target = draft.target
        if case .statement = target {
            if statement.depth > 0 {
                target = .nested
            } else if draft.kind == .value {
                target = .value(expression: statement.kind == "Expr" ? nil : statement.targets.last)
            } else if draft.kind == .block && statement.kind == "Expr" && !statement.print {
                // Lines under an expression: what it printed or, when it printed
                // nothing, its value; both are observed.
                target = .value(expression: nil)
            }
        }
        let documented = draft.documented ?? CommentText.body(comment.text)
        let lastLine = comment.line + documented.filter { $0 == "\n" }.count
        claims.append(Claim(
            id: claims.count,
            source: .comment,
            location: origin.location(comment.line, lastLine),
            line: draft.line ?? statement.line,
            commentLine: comment.line,
            kind: annotation?.kind ?? draft.kind,
            documented: documented,
            expectation: draft.expectation,
            condition: draft.condition,
            top: statement.top,
            target: target,
            notCheckable: draft.notCheckable,
            extraNormalisations: annotation?.normalise ?? [],
            manifestReading: draft.manifestReading,
            note: annotation?.note))
    }

    mutating func skip(_ comment: SnippetAnalysis.Comment, _ reason: String) {
        commentary.append(Commentary(line: comment.line, text: CommentText.body(comment.text), reason: reason))
    }
}

/// A claim before it has an id and a place.
private struct Draft {
    var kind: ClaimKind
    var expectation: Expectation
    var condition: String?
    var target: ClaimTarget = .statement
    var line: Int?
    var documented: String?
    var notCheckable: String?
    var manifestReading: String?
}

extension Manifest.Annotation {
    /// Annotations that change what a comment means; the others (normalise,
    /// note, kind) only refine a claim read by the rules.
    var overridesReading: Bool {
        commentary != nil || notCheckable != nil || expected != nil || expectedPython != nil || probe != nil
    }
}
