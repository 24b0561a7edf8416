import CMark

/// A Markdown document's leaf blocks in reading order, with their source lines,
/// as the CommonMark reference parser (cmark) reads them: fences inside lists
/// and block quotes, `~~~` fences, indented code and info strings all as
/// CommonMark says, never as a regular expression guesses.
public struct MarkdownBlocks: Sendable {
    public enum Block: Sendable, Equatable {
        case code(CodeBlock)
        /// Raw HTML (where `<!-- guidecheck: … -->` controls live).
        case html(text: String, line: Int)
        /// A paragraph's text, inline markup removed (`**Output:**` → `Output:`).
        case paragraph(text: String, firstLine: Int, lastLine: Int)
        case heading(text: String, line: Int)
        /// Anything else that separates blocks (a thematic break).
        case other(line: Int)
    }

    public struct CodeBlock: Sendable, Equatable {
        /// The info string after the fence, as written (empty for indented code).
        public var info: String
        /// Its language word: the leading letters, digits, `_`, `+` and `-` of the
        /// info string, lowercased (`python:snippets/x.py -s 2` → `python`).
        public var language: String
        /// The code, container prefixes (`> `, list indentation) removed.
        public var literal: String
        /// The document line of the code's first line.
        public var firstLine: Int
        /// The last document line of the block (its closing fence, if any).
        public var lastLine: Int
        /// The line of the opening fence; nil for indented code.
        public var fenceLine: Int?

        /// Its lines, each with its document line.
        public var lines: [(line: Int, text: String)] {
            var texts = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if texts.last == "" { texts.removeLast() }
            return texts.enumerated().map { (firstLine + $0.offset, $0.element) }
        }

        /// The block cut to its first `count` lines (the code before a session in it).
        public func prefix(lines count: Int) -> CodeBlock {
            var block = self
            block.literal = lines.prefix(count).map(\.text).joined(separator: "\n") + "\n"
            block.lastLine = firstLine + count - 1
            return block
        }

        public static func == (lhs: CodeBlock, rhs: CodeBlock) -> Bool {
            lhs.info == rhs.info && lhs.literal == rhs.literal && lhs.firstLine == rhs.firstLine && lhs.lastLine == rhs.lastLine
        }
    }

    public var blocks: [Block]

    public init(parsing text: String) {
        var found: [Block] = []
        let sourceLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let bytes = Array(text.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT) }
        }) else {
            blocks = []
            return
        }
        defer { cmark_node_free(document) }
        Self.collect(document, into: &found, source: sourceLines)
        blocks = found
    }

    private static func collect(_ node: OpaquePointer, into found: inout [Block], source: [Substring]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            let start = Int(cmark_node_get_start_line(current))
            let end = Int(cmark_node_get_end_line(current))
            switch cmark_node_get_type(current) {
            case CMARK_NODE_CODE_BLOCK:
                found.append(.code(codeBlock(current, start: start, end: end, source: source)))
            case CMARK_NODE_HTML_BLOCK:
                found.append(.html(text: string(cmark_node_get_literal(current)), line: start))
            case CMARK_NODE_PARAGRAPH:
                found.append(.paragraph(text: inlineText(current), firstLine: start, lastLine: end))
            case CMARK_NODE_HEADING:
                found.append(.heading(text: inlineText(current), line: start))
            case CMARK_NODE_THEMATIC_BREAK:
                found.append(.other(line: start))
            default:
                collect(current, into: &found, source: source)  // block quotes, lists, items
            }
            child = cmark_node_next(current)
        }
    }

    private static func codeBlock(_ node: OpaquePointer, start: Int, end: Int, source: [Substring]) -> CodeBlock {
        let info = string(cmark_node_get_fence_info(node))
        let literal = string(cmark_node_get_literal(node))
        // cmark has no "is fenced" accessor: a fenced block's first line is its
        // fence (after a list's or a quote's marks). Not the span of lines: an
        // indented block's end takes in the blank lines after it.
        let opening = start >= 1 && start <= source.count ? source[start - 1] : ""
        let marks = opening.drop { " \t>-*+.)".contains($0) || $0.isNumber }
        let fenced = marks.hasPrefix("```") || marks.hasPrefix("~~~")
        let language = String(info.prefix { $0.isLetter || $0.isNumber || "_+-".contains($0) }).lowercased()
        return CodeBlock(info: info, language: language, literal: literal, firstLine: fenced ? start + 1 : start,
                         lastLine: end, fenceLine: fenced ? start : nil)
    }

    /// The text of a block's inlines, markup removed, line breaks as spaces.
    private static func inlineText(_ node: OpaquePointer) -> String {
        var text = ""
        func walk(_ node: OpaquePointer) {
            var child = cmark_node_first_child(node)
            while let current = child {
                switch cmark_node_get_type(current) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                    text += string(cmark_node_get_literal(current))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text += " "
                default:
                    walk(current)
                }
                child = cmark_node_next(current)
            }
        }
        walk(node)
        return text
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
