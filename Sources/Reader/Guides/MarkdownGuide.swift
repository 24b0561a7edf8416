import GuideModel

/// A Markdown guide read directly: its Python blocks become programs (by
/// default one per document, the blocks sharing one namespace and running in
/// order, as a reader runs a page), its output blocks and `>>>` outputs become
/// claims on the code before them.
///
/// The rules, in the order they are tried for each code block:
/// 1. a `<!-- guidecheck: … -->` comment before it controls it (skip it, start
///    a new namespace, fixtures, timeout);
/// 2. a block whose first line of text is a `>>>` prompt is a session: each
///    example runs, and what the session showed is a claim;
/// 3. a block introduced by a paragraph such as `Output:`, `**Output:**` or
///    `Output (Python 3.8+):` holds output: a claim on what the code before it
///    printed (another Python version than the one named: not checkable);
/// 4. a block tagged `py`, `python`, `python3`, `py3` (or `pycon`) is code;
/// 5. an untagged, `text`, `console` or `output` block right after code holds
///    that code's output;
/// 6. an untagged block is code when it parses as Python; anything else is not
///    Python and is left alone.
public struct MarkdownGuide: Sendable {
    public static let pythonLanguages: Set<String> = ["py", "python", "python3", "py3", "pycon"]
    static let outputLanguages: Set<String> = ["", "text", "console", "output"]

    /// A code block guidecheck left out, and why.
    public struct Skipped: Sendable, Equatable {
        public var line: Int
        public var reason: String
    }

    public var programs: [GuideProgram] = []
    public var skipped: [Skipped] = []

    /// - Parameters:
    ///   - path: the guide as given; programs and claims are placed by it.
    ///   - pythonVersion: the running Python (`[3, 11, 2]`), for version conditions.
    ///   - parses: whether text parses as Python (CPython's `ast`).
    public init(path: String, text: String, pythonVersion: [Int], parses: (String) -> Bool) throws {
        var builder = ProgramBuilder(path: path, name: Self.displayName(path))
        var controls: BlockControls?
        var previous: MarkdownBlocks.Block?
        var sections: [GuideProgram.Section] = []
        var lastCode: Int?  // the chunk index of the last code block, if it came right before
        var codeBeforeParagraph: Int?  // the same, when one paragraph came between
        for block in MarkdownBlocks(parsing: text).blocks {
            defer { previous = block }
            switch block {
            case .html(let html, let line):
                if let found = try BlockControls.parse(html, line: line, file: path) { controls = found }
                continue
            case .heading(let title, let line):
                sections.append(GuideProgram.Section(line: line, title: title.trimmingWhitespace()))
                lastCode = nil
                codeBeforeParagraph = nil
            case .code(let code):
                let control = controls ?? BlockControls()
                controls = nil
                defer { codeBeforeParagraph = nil }
                let python = Self.pythonLanguages.contains(code.language)
                let untagged = Self.outputLanguages.contains(code.language)
                let introduction: String? = switch previous {
                case .paragraph(let text, _, let last)? where last < (code.fenceLine ?? code.firstLine):
                    Self.isOutputIntroduction(text) ? text : nil
                case .heading(let text, _)? where untagged:
                    // `#### Output` above an untagged or output block; above
                    // Python (`## Results`, then the code) it names a section.
                    Self.isOutputIntroduction(text) ? text : nil
                default: nil
                }
                let condition = introduction.flatMap(VersionCondition.init)
                let unmet = condition.flatMap { $0.holds(for: pythonVersion) ? nil : "documented for \($0), not Python \(pythonVersion.map(String.init).joined(separator: "."))" }
                let lines = code.lines
                let codeRightBefore: Bool = if case .code? = previous { lastCode != nil } else { false }
                if control.skip {
                    skipped.append(Skipped(line: code.fenceLine ?? code.firstLine, reason: "<!-- guidecheck: skip -->"))
                    lastCode = nil
                    continue
                }
                if control.newNamespace { builder.startNewProgram(at: code.fenceLine ?? code.firstLine, into: &programs) }
                builder.apply(control)
                if (python || untagged) && DoctestSession.isSession(lines) {
                    // Code shown for another Python right before this session's introduction is that Python's too.
                    if let unmet, introduction != nil, let chunk = builder.lastChunk { builder.markOtherPython(chunk, unmet) }
                    builder.addSession(DoctestSession(lines), condition: condition.map(\.written), notCheckable: unmet)
                    lastCode = nil
                } else if python, let split = DoctestSession.sessionStart(lines) {
                    // Code, then a session in the same block: the definitions, then their use.
                    lastCode = builder.addCode(code.prefix(lines: split))
                    if let unmet, let lastCode { builder.markOtherPython(lastCode, unmet) }
                    builder.addSession(DoctestSession(Array(lines[split...])), condition: condition.map(\.written), notCheckable: unmet)
                    lastCode = nil
                } else if introduction != nil || (untagged && codeRightBefore) {
                    if let chunk = lastCode ?? (introduction != nil ? builder.lastChunk : nil) {
                        if let unmet { builder.markOtherPython(chunk, unmet) }
                        builder.addOutput(code, after: chunk, condition: condition.map(\.written), notCheckable: unmet)
                    } else {
                        skipped.append(Skipped(line: code.fenceLine ?? code.firstLine, reason: "output with no code before it"))
                    }
                    lastCode = nil
                } else if untagged, let chunk = codeBeforeParagraph, case .paragraph(let text, _, _)? = previous,
                          Self.saysCodeRaises(text),
                          DoctestSession.documentedException(code.lines.map(\.text).filter { !$0.trimmingWhitespace().isEmpty }) != nil {
                    // Code, `This raises:`, then a block that is a traceback or an
                    // exception's line: what the code raised.
                    builder.addOutput(code, after: chunk, condition: nil, notCheckable: nil)
                    lastCode = nil
                } else if python || (code.language.isEmpty && parses(code.literal)) {
                    // A line starting with `%` or `!` in a block that does not parse: a notebook's magic.
                    let magics = python && code.lines.contains { DoctestSession.isMagic($0.text) } && !parses(code.literal)
                    lastCode = builder.addCode(code, magics: magics)
                } else {
                    lastCode = nil
                }
            default:
                // Prose between code and an untagged block makes that block something
                // else, unless it shows an exception (above).
                if case .paragraph = block { codeBeforeParagraph = lastCode } else { codeBeforeParagraph = nil }
                lastCode = nil
            }
        }
        builder.finish(into: &programs)
        for index in programs.indices { programs[index].sections = sections }
    }

    /// `This raises:`, `Running it fails with:`: a paragraph that ends with a colon
    /// and says the code above raises, not what other code would (`If you call
    /// add(1, "2") instead, you get:`).
    static func saysCodeRaises(_ paragraph: String) -> Bool {
        let text = paragraph.trimmingWhitespace().lowercased()
        guard text.hasSuffix(":") else { return false }
        let words = Set(text.split { !$0.isLetter }.map(String.init))
        let raising: Set<String> = ["raise", "raises", "raised", "throws", "fails", "error", "exception", "traceback"]
        let hypothetical: Set<String> = ["if", "instead", "would", "could", "suppose", "imagine", "try", "when"]
        return !raising.isDisjoint(with: words) && hypothetical.isDisjoint(with: words)
    }

    /// `Output:`, `**Output:**`, `Output (Python 3.8+):`, `Output (< Python3.7 )`,
    /// `**Output:** (Python 3.8, other versions may vary)`: the word, and at
    /// most a note in parentheses (a version condition), before or after its colon.
    static func isOutputIntroduction(_ paragraph: String) -> Bool {
        var text = paragraph.trimmingWhitespace().lowercased()
        if text.hasSuffix(":") { text.removeLast() }
        let words = ["output", "outputs", "result", "results", "prints", "it prints", "this prints", "expected output"]
        return words.contains { word in
            guard text.hasPrefix(word) else { return false }
            var rest = text.dropFirst(word.count)
            if rest.hasPrefix(":") { rest = rest.dropFirst() }
            rest = rest.trimmingWhitespace()[...]
            if rest.isEmpty { return true }
            return rest.first == "(" && rest.last == ")" && rest.count <= 80
                && rest.filter { $0 == "(" }.count == 1 && rest.filter { $0 == ")" }.count == 1
        }
    }

    /// The name results are kept under: the file name (`README.md`).
    static func displayName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}

/// A program read from a guide, and how it is to be run.
public struct GuideProgram: Codable, Sendable, Equatable {
    public var program: ProgramSource
    public var fixtures: [String]
    public var timeout: Double?
    /// The guide's question (or section) it belongs to, when the guide has them.
    public var question: String?
    /// Files the guide shows as files (`# File: module.py`), written beside the
    /// program before it runs.
    public var files: [String: String] = [:]
    /// The document's headings (line, text), to group its claims in reports.
    public var sections: [Section] = []

    public struct Section: Codable, Sendable, Equatable {
        public var line: Int
        public var title: String
    }

    /// The heading a line of the document falls under.
    public func section(of line: Int) -> String? { sections.last { $0.line <= line }?.title }
}

/// Builds a document's programs block by block.
struct ProgramBuilder {
    let path: String
    let name: String
    var chunks: [Chunk] = []
    var results: [DocumentedResult] = []
    var fixtures: [String] = []
    var timeout: Double?
    var startLine = 1
    /// Files a block shows (`# File: module.py`), by name.
    var files: [String: String] = [:]
    /// Code chunks with IPython magics or shell escapes (`%timeit …`, `!pip …`),
    /// by chunk: the first such line.
    var magics: [Int: String] = [:]

    init(path: String, name: String) {
        self.path = path
        self.name = name
    }

    var lastChunk: Int? { chunks.isEmpty ? nil : chunks.count - 1 }

    mutating func apply(_ controls: BlockControls) {
        fixtures += controls.fixtures.filter { !fixtures.contains($0) }
        if let seconds = controls.timeout { timeout = max(timeout ?? 0, seconds) }
    }

    /// A code block, or, when its first line names a file (`# File: module.py`,
    /// `# module.py`), that file: written beside the program before it runs, so
    /// the blocks after it can import it. Returns the chunk index of code.
    /// `magics`: the block has IPython magic lines (it does not parse with them).
    mutating func addCode(_ code: MarkdownBlocks.CodeBlock, magics hasMagics: Bool = false) -> Int? {
        if let name = Self.fileName(code.literal) {
            files[name] = code.literal
            return nil
        }
        // A notebook cell's magics are not Python: blanked (their lines kept), so
        // the rest of the cell runs; what the cell shows is then not checkable.
        // `%time x = f()` and `%timeit f()` keep their statement; `%%writefile
        // mod.py` makes the cell a file; another cell magic (`%%bash`) makes
        // the whole cell something else than Python.
        var text = Self.dedented(code.literal)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let magic = hasMagics ? lines.first { DoctestSession.isMagic($0) } : nil
        if let magic {
            let head = magic.trimmingWhitespace()
            if head.hasPrefix("%%writefile "), let name = head.split(separator: " ").last, lines.first?.trimmingWhitespace() == head {
                files[String(name)] = lines.dropFirst().joined(separator: "\n")
                return nil
            }
            let cellMagic = lines.first?.trimmingWhitespace().hasPrefix("%%") == true
            let pythonCell = ["%%time", "%%timeit", "%%capture"].contains { lines.first?.trimmingWhitespace().hasPrefix($0) == true }
            lines = lines.map { line in
                if cellMagic && !pythonCell { return "" }
                guard DoctestSession.isMagic(line) else { return line }
                let indent = line.prefix { $0 == " " || $0 == "\t" }
                for timing in ["%timeit ", "%time "] where line.dropFirst(indent.count).hasPrefix(timing) {
                    return String(indent) + String(line.dropFirst(indent.count + timing.count).drop { $0 == " " })
                }
                return ""
            }
            text = lines.joined(separator: "\n")
        }
        chunks.append(Chunk(firstLine: code.firstLine, code: text, kind: .code))
        if let magic { magics[chunks.count - 1] = magic.trimmingWhitespace() }
        return chunks.count - 1
    }

    /// A block indented as a whole (`  def f():` inside the fence), its common
    /// indentation removed as `textwrap.dedent` removes it: how a reader pastes it.
    static func dedented(_ code: String) -> String {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let indents = lines.filter { !$0.trimmingWhitespace().isEmpty }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        guard let common = indents.min(), common > 0 else { return code }
        return lines.map { $0.trimmingWhitespace().isEmpty ? "" : String($0.dropFirst(common)) }.joined(separator: "\n")
    }

    /// `module.py` from a first line `# File: module.py` or `# module.py`.
    static func fileName(_ code: String) -> String? {
        guard let first = code.split(separator: "\n").first?.trimmingWhitespace(), first.hasPrefix("#") else { return nil }
        var words = first.dropFirst().trimmingWhitespace()
        if words.lowercased().hasPrefix("file:") { words = words.dropFirst(5).trimmingWhitespace() }
        guard words.hasSuffix(".py"), !words.contains(" "), !words.contains("/"), words.count > 3 else { return nil }
        return words
    }

    /// The code of chunk `chunk` is documented for another Python.
    mutating func markOtherPython(_ chunk: Int, _ reason: String) {
        if chunks[chunk].kind == .code && chunks[chunk].otherPython == nil { chunks[chunk].otherPython = reason }
    }

    mutating func addOutput(_ code: MarkdownBlocks.CodeBlock, after chunk: Int, condition: String?, notCheckable: String?) {
        // A console block may start with the command that ran the code (`$ python
        // app.py`): not output. Given arguments, the run (which passes none) cannot
        // show what the guide shows. Any other `$ ` line is output (`$ 19.99`).
        let kept = code.lines.filter { !$0.text.trimmingWhitespace().hasPrefix("#") }
        let commands = kept.prefix { Self.isCommand($0.text) }
        let numbered = Array(kept.dropFirst(commands.count))
        var notCheckable = notCheckable
        if notCheckable == nil, let magic = magics[chunk] {
            notCheckable = "its code runs an IPython magic or shell command (`\(magic)`), not Python"
        }
        if notCheckable == nil, let given = commands.first(where: { (Self.pythonCommand($0.text) ?? 0) > 0 }) {
            notCheckable = "it is run with command-line arguments (`\(given.text.trimmingWhitespace())`), which runs do not pass"
        }
        var lines = numbered.map(\.text)
        while lines.last?.trimmingWhitespace().isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else { return }
        let part = { (range: Range<Int>) in (lines: Array(lines[range]), first: numbered[range.lowerBound].line, last: numbered[range.upperBound - 1].line) }
        // Output, then the traceback that ended it: a claim for each part.
        if let start = lines.firstIndex(where: { $0.trimmingWhitespace().hasPrefix("Traceback (most recent call last)") }), start > 0,
           DoctestSession.documentedException(Array(lines[start...])) != nil {
            let printed = lines[..<start].lastIndex { !$0.trimmingWhitespace().isEmpty }.map { $0 + 1 } ?? 0
            if printed > 0 { addOutputClaim(part(0..<printed), chunk: chunk, condition: condition, notCheckable: notCheckable, exception: false) }
            addOutputClaim(part(start..<lines.count), chunk: chunk, condition: condition, notCheckable: notCheckable)
            return
        }
        addOutputClaim(part(0..<lines.count), chunk: chunk, condition: condition, notCheckable: notCheckable)
    }

    /// One claim of an output block: the exception its lines show (`exception`
    /// allowing), or the lines themselves.
    private mutating func addOutputClaim(_ part: (lines: [String], first: Int, last: Int), chunk: Int, condition: String?,
                                         notCheckable: String?, exception: Bool = true) {
        let location = Location(document: path, firstLine: part.first, lastLine: part.last)
        let documented = part.lines.joined(separator: "\n")
        if exception, let raised = DoctestSession.documentedException(part.lines) {
            results.append(DocumentedResult(
                source: .outputBlock, location: location, kind: .exception, chunks: [chunk], documented: documented,
                expectation: .raises(type: raised.type, message: raised.message), condition: condition, notCheckable: notCheckable))
            return
        }
        results.append(DocumentedResult(
            source: .outputBlock, location: location, kind: .block, chunks: [chunk], documented: documented,
            expectation: .lines(part.lines), condition: condition, notCheckable: notCheckable))
    }

    /// `$ pip install x`, `$ python app.py`, `$ PYTHONPATH=. python app.py`: a
    /// console line that runs a command (a word after `$ `, not `$ 19.99`).
    static func isCommand(_ line: String) -> Bool {
        guard line.hasPrefix("$ "), let word = line.dropFirst(2).first else { return false }
        return word.isLetter || word == "." || word == "/"
    }

    /// `$ python app.py Ada` → 1: how many arguments a console line that runs
    /// Python passes the program (its options and script aside); nil for any
    /// other line.
    static func pythonCommand(_ line: String) -> Int? {
        guard isCommand(line) else { return nil }
        var words = line.split(separator: " ").dropFirst().drop { $0.contains("=") }  // `PYTHONPATH=.`
        guard let command = words.first, command.wholeMatch(of: /python(3(\.\d+)?)?|py/) != nil else { return nil }
        words = words.dropFirst()
        while let option = words.first, option.hasPrefix("-") {
            words = words.dropFirst()
            if option == "-m" || option == "-c" { words = words.dropFirst(); return words.count }  // the module or the code
        }
        return max(0, words.count - 1)  // the script
    }

    mutating func addSession(_ session: DoctestSession, condition: String?, notCheckable: String?) {
        for example in session.examples {
            let shownLines = DoctestSession.withoutRemarks(example.shown)
            let shownFirst = example.shownFirstLine ?? example.firstLine
            let location = Location(document: path, firstLine: shownFirst, lastLine: example.shownLastLine ?? shownFirst)
            let documented = shownLines.joined(separator: "\n")
            if DoctestSession.isMagic(example.source) {
                if !shownLines.isEmpty {
                    results.append(DocumentedResult(
                        source: .doctestOutput, location: location, kind: .session, chunks: [], documented: documented,
                        expectation: .lines(shownLines), notCheckable: "an IPython magic or shell command, not Python",
                        subjectLine: example.firstLine))
                }
                continue
            }
            chunks.append(Chunk(firstLine: example.firstLine, code: example.source, kind: .example, otherPython: notCheckable))
            let chunk = chunks.count - 1
            // An example that shows nothing documents nothing: guides leave output out.
            guard !shownLines.isEmpty else { continue }
            if let raised = DoctestSession.documentedException(shownLines) {
                results.append(DocumentedResult(
                    source: .doctestOutput, location: location, kind: .exception, chunks: [chunk], documented: documented,
                    expectation: .raises(type: raised.type, message: raised.message), condition: condition, notCheckable: notCheckable))
            } else {
                results.append(DocumentedResult(
                    source: .doctestOutput, location: location, kind: .session, chunks: [chunk], documented: documented,
                    expectation: shownLines.count == 1 ? .text(documented) : .lines(shownLines),
                    condition: condition, notCheckable: notCheckable))
            }
        }
    }

    mutating func startNewProgram(at line: Int, into programs: inout [GuideProgram]) {
        finish(into: &programs)
        self = ProgramBuilder(path: path, name: name)
        startLine = line
    }

    func finish(into programs: inout [GuideProgram]) {
        guard !chunks.isEmpty else { return }
        let programName = programs.isEmpty && startLine == 1 ? name : "\(name)@\(startLine)"
        let program = ProgramSource(name: programName, path: path, origin: Origin(document: path), chunks: chunks,
                                    results: results, isolatesSyntaxErrors: true)
        programs.append(GuideProgram(program: program, fixtures: fixtures, timeout: timeout, question: nil, files: files))
    }
}
