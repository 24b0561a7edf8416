/// Does the corpus still match the guide?
///
/// Two checks keep the copy honest: every snippet must appear verbatim, as a
/// block of consecutive lines, in the guide (and where the manifest says it
/// starts); and every code-looking region of the guide (as CPython's compiler
/// sees it, `guide_regions.py`) must be covered by some snippet.
public struct GuideCoverage: Sendable, Equatable {
    public struct Placement: Sendable, Equatable {
        public var snippet: String
        /// First and last guide line the snippet's lines are copied from.
        public var firstLine: Int
        public var lastLine: Int
    }

    /// A code-looking region of the guide, 1-based and inclusive.
    public struct Region: Sendable, Equatable {
        public var firstLine: Int
        public var lastLine: Int
        /// `python` or `shell`.
        public var kind: String
    }

    public struct Gap: Sendable, Equatable {
        public var region: Region
        /// Its non-blank lines no snippet covers.
        public var lines: [Int]
    }

    public var placements: [Placement]
    /// Snippets whose text is not a run of consecutive guide lines.
    public var notVerbatim: [String]
    /// Snippets found verbatim, but not where the manifest says (name, manifest line, actual line).
    public var misplaced: [(snippet: String, manifest: Int, actual: Int)]
    public var gaps: [Gap]

    public var isComplete: Bool { notVerbatim.isEmpty && misplaced.isEmpty && gaps.isEmpty }

    public static func == (lhs: GuideCoverage, rhs: GuideCoverage) -> Bool {
        lhs.placements == rhs.placements && lhs.notVerbatim == rhs.notVerbatim && lhs.gaps == rhs.gaps
            && lhs.misplaced.map { "\($0)" } == rhs.misplaced.map { "\($0)" }
    }

    public static func check(_ corpus: SnippetCorpus, against guide: Guide, regions: [Region]) -> GuideCoverage {
        let guideLines = guide.lines
        var placements: [Placement] = []
        var notVerbatim: [String] = []
        var misplaced: [(String, Int, Int)] = []
        for snippet in corpus.snippets where snippet.guideProgram == nil {  // files, not check programs
            guard let source = snippet.source else { continue }
            var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            guard !lines.isEmpty else { continue }
            let expected = snippet.entry?.guideLine
            let found = expected.flatMap { line in matches(lines, in: guideLines, at: line - 1) ? line : nil }
                ?? firstMatch(of: lines, in: guideLines)
            guard let found else {
                notVerbatim.append(snippet.name)
                continue
            }
            if let expected, expected != found { misplaced.append((snippet.name, expected, found)) }
            placements.append(Placement(snippet: snippet.name, firstLine: found, lastLine: found + lines.count - 1))
        }
        var covered = Set<Int>()
        for placement in placements { covered.formUnion(placement.firstLine...placement.lastLine) }
        let gaps = regions.compactMap { region -> Gap? in
            let missing = (region.firstLine...region.lastLine).filter { line in
                !covered.contains(line) && !guideLines[line - 1].trimmingWhitespace().isEmpty
            }
            return missing.isEmpty ? nil : Gap(region: region, lines: missing)
        }
        return GuideCoverage(placements: placements, notVerbatim: notVerbatim, misplaced: misplaced, gaps: gaps)
    }

    private static func matches(_ lines: [String], in guide: [String], at start: Int) -> Bool {
        start >= 0 && start + lines.count <= guide.count && Array(guide[start..<(start + lines.count)]) == lines
    }

    private static func firstMatch(of lines: [String], in guide: [String]) -> Int? {
        guard lines.count <= guide.count else { return nil }
        return (0...(guide.count - lines.count)).first { matches(lines, in: guide, at: $0) }.map { $0 + 1 }
    }
}
