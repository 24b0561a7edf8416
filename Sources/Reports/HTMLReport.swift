import Foundation
import GuideModel
import Harness
import Judge
import Reader
import Verifier

/// `guidecheck report --html DIR`: one self-contained page.
///
/// Per question, each snippet's code with its claims marked on their lines (a
/// colour and a symbol, so it reads without colour), documented against observed
/// side by side, the fixtures used; then the benchmarks, with SVG charts. No
/// script, no stylesheet or font fetched: it works from `file://` and as a CI
/// artifact.
public struct HTMLReport: Sendable {
    public var document: VerificationDocument
    /// Snippet file name → its source.
    public var sources: [String: String]
    /// `Q5` → the question's title.
    public var questionTitles: [String: String]
    /// Snippet file name → its topic.
    public var topics: [String: String]
    public var benchmarks: BenchDocument?

    public init(document: VerificationDocument, sources: [String: String], questionTitles: [String: String],
                topics: [String: String], benchmarks: BenchDocument?) {
        self.document = document
        self.sources = sources
        self.questionTitles = questionTitles
        self.topics = topics
        self.benchmarks = benchmarks
    }

    /// Writes `index.html` into `directory` (created if needed); returns its path.
    public func write(to directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/index.html"
        try SnapshotStore.atomicWrite(render(), to: path)
        return path
    }

    public func render() -> String {
        var html = ["<!doctype html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                    "<title>guidecheck report</title>", "<style>\(Self.css)</style>", "</head>", "<body>"]
        html.append(header())
        let questions = Dictionary(grouping: document.snippets, by: \.question)
        for question in questions.keys.sorted(by: Self.questionOrder) {
            html.append("<section class=\"question\" id=\"\(e(question))\">")
            html.append("<h2>\(e(questionTitles[question].map { "\(question). \($0)" } ?? question))</h2>")
            for snippet in questions[question]!.sorted(by: { $0.file < $1.file }) { html.append(article(snippet)) }
            html.append("</section>")
        }
        if let benchmarks { html.append(benchmarkSection(benchmarks)) }
        html.append("<footer>Made by guidecheck from its JSON reports. Every verdict is shown as a symbol and a word: ✓ holds · ≈ normalised · ◐ context-dependent · ✗ wrong · – not-checkable.</footer>")
        html.append("</body></html>")
        return html.joined(separator: "\n") + "\n"
    }

    // MARK: - Parts

    private func header() -> String {
        var counts = Verdict.allCases.map { verdict in
            "<li class=\"v-\(verdict.rawValue)\"><span class=\"symbol\">\(verdict.symbol)</span> \(verdict.rawValue) <b>\(document.summary.count(verdict))</b></li>"
        }
        if let benchmarks {
            for verdict in BenchVerdict.allCases {
                let count = benchmarks.claims.filter { $0.verdict == verdict }.count
                counts.append("<li class=\"v-\(verdict.rawValue)\"><span class=\"symbol\">\(verdict.symbol)</span> benchmark \(verdict.rawValue) <b>\(count)</b></li>")
            }
        }
        let questions = Set(document.snippets.map(\.question)).sorted(by: Self.questionOrder)
        let nav = questions.map { "<a href=\"#\(e($0))\">\(e($0))</a>" } + (benchmarks == nil ? [] : ["<a href=\"#benchmarks\">benchmarks</a>"])
        return """
            <header><h1>guidecheck</h1>
            <p class="meta">Python \(e(document.python)) · \(counted(document.summary.snippets, "snippet")) · \(counted(document.summary.claims, "claim"))\(benchmarks.map { " · \($0.claims.count) benchmarks on \($0.machine.cores) cores (\(e($0.machine.cpu)))" } ?? "")</p>
            <ul class="counts">\(counts.joined())</ul>
            <nav>\(nav.joined(separator: " "))</nav></header>
            """
    }

    private func article(_ snippet: VerificationDocument.SnippetEntry) -> String {
        var byLine: [Int: [VerificationDocument.ClaimEntry]] = [:]
        for claim in snippet.claims {
            byLine[claim.line, default: []].append(claim)
            if claim.commentLine != claim.line { byLine[claim.commentLine, default: []].append(claim) }
        }
        var parts = ["<article class=\"snippet\" id=\"\(e(snippet.file))\">"]
        let status = snippet.status.words
        parts.append("<h3>\(e(snippet.file))\(topics[snippet.file].map { " <span class=\"topic\">\(e($0))</span>" } ?? "") <span class=\"status s-\(e(status.replacingOccurrences(of: " ", with: "-")))\">\(e(status))</span></h3>")
        var meta = ["fixtures: " + (snippet.fixtures.isEmpty ? "none" : snippet.fixtures.map { "<code>\(e($0))</code>" }.joined(separator: ", "))]
        if let reason = snippet.notRunnable { meta.append("not run: \(e(reason))") }
        if let problem = snippet.problem { meta.append("problem: \(e(problem))") }
        if snippet.differsFromExpected, let comparison = snippet.expected { meta.append("expected/: \(e(comparison.status.rawValue))") }
        parts.append("<p class=\"meta\">\(meta.joined(separator: " · "))</p>")
        let lines = (sources[snippet.file] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        var code: [String] = []
        for (index, line) in lines.enumerated() where !(index == lines.count - 1 && line.isEmpty) {
            let number = index + 1
            if let claims = byLine[number] {
                let verdict = Self.worst(claims.map(\.verdict))
                code.append("<span class=\"line v-\(verdict.rawValue)\" title=\"\(e(claims.map { "\($0.verdict.rawValue): \($0.documented)" }.joined(separator: "; ")))\"><span class=\"gutter\">\(number)</span><span class=\"mark\">\(verdict.symbol)</span>\(e(String(line)))</span>")
            } else {
                code.append("<span class=\"line\"><span class=\"gutter\">\(number)</span><span class=\"mark\"> </span>\(e(String(line)))</span>")
            }
        }
        // Lines are blocks; newlines between them inside <pre> would double them.
        parts.append("<pre class=\"code\">" + code.joined() + "</pre>")
        if !snippet.claims.isEmpty {
            parts.append("<table class=\"claims\"><thead><tr><th>guide line</th><th>verdict</th><th>kind</th><th>documented</th><th>observed</th></tr></thead><tbody>")
            for claim in snippet.claims {
                var observed = e(claim.observed)
                if let interactive = claim.observedInteractive {
                    observed = "<span class=\"mode\">as a module</span> \(e(claim.observed))<br><span class=\"mode\">statement by statement</span> \(e(interactive))"
                }
                var note = ""
                if let normalisation = claim.normalisation { note = "<div class=\"note\">after: \(e(normalisation))</div>" }
                // A context-dependent claim's two observations are in the cell already.
                if [.wrong, .notCheckable].contains(claim.verdict), let reason = claim.reason { note += "<div class=\"note\">\(e(reason))</div>" }
                parts.append("<tr class=\"v-\(claim.verdict.rawValue)\"><td title=\"\(e(claim.place))\">\(claim.guideLine)</td><td class=\"verdict\"><span class=\"symbol\">\(claim.verdict.symbol)</span> \(claim.verdict.rawValue)</td><td>\(claim.kind.rawValue)</td><td><code>\(e(claim.documented))</code></td><td><code>\(observed)</code>\(note)</td></tr>")
            }
            parts.append("</tbody></table>")
        }
        parts.append("</article>")
        return parts.joined(separator: "\n")
    }

    private func benchmarkSection(_ benchmarks: BenchDocument) -> String {
        var parts = ["<section class=\"benchmarks\" id=\"benchmarks\"><h2>Benchmarks: the guide's performance and memory claims on this machine</h2>",
                     "<p class=\"meta\">Python \(e(benchmarks.python)) · \(benchmarks.machine.cores) cores · \(e(benchmarks.machine.cpu))\(benchmarks.quick ? " · --quick" : "") · the figure with its 95 % interval over processes; the shaded band is what the guide's claim accepts.</p>"]
        for claim in benchmarks.claims {
            parts.append("<div class=\"bench v-\(claim.verdict.rawValue)\" id=\"bench-\(e(claim.benchmark))\">")
            parts.append("<h3><span class=\"symbol\">\(claim.verdict.symbol)</span> \(e(claim.benchmark)) <span class=\"topic\">\(e(claim.question))</span> <span class=\"status\">\(claim.verdict.rawValue)</span></h3>")
            parts.append("<blockquote>\(e(claim.claim))</blockquote>")
            if let chart = SVGCharts.complexity(claim) ?? SVGCharts.figure(claim) { parts.append(chart) }
            var facts = ["guide: \(e(claim.guide))"]
            facts.append("measured: \(e(claim.measuredText))")
            if let line = claim.guideLine { facts.append("guide line \(line)") }
            if let predicate = claim.predicate { facts.append("predicate: \(e(predicate))") }
            parts.append("<p class=\"meta\">\(facts.joined(separator: " · "))</p>")
            if let reason = claim.reason { parts.append("<p class=\"note\">\(e(reason))</p>") }
            parts.append("</div>")
        }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    // MARK: - Helpers

    static func worst(_ verdicts: [Verdict]) -> Verdict {
        let rank: [Verdict] = [.wrong, .contextDependent, .normalised, .notCheckable, .holds]
        return verdicts.min { rank.firstIndex(of: $0)! < rank.firstIndex(of: $1)! } ?? .holds
    }

    static func questionOrder(_ a: String, _ b: String) -> Bool {
        (Int(a.dropFirst()) ?? 999, a) < (Int(b.dropFirst()) ?? 999, b)
    }

    private func e(_ text: String) -> String { XML.escape(text) }

    static let css = """
        :root { --holds: #1b7f3b; --normalised: #1f6f9f; --context: #a86400; --wrong: #b3261e; --skip: #6b6b6b; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5em; color: #1d1d1d; }
        header { border-bottom: 2px solid #ddd; margin-bottom: 1em; }
        h1 { margin: 0; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; } h3 { margin: 1.2em 0 .3em; font-size: 1.05em; }
        .meta { color: #555; margin: .2em 0; } .topic { color: #666; font-weight: normal; } .note { color: #555; font-size: .9em; }
        ul.counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4em 1.4em; }
        nav a { margin-right: .5em; }
        .status { font-size: .8em; padding: .1em .5em; border-radius: 1em; background: #eee; font-weight: normal; }
        .s-ok { background: #e3f3e7; } .s-error, .s-crashed, .s-timeout { background: #fbe3e1; }
        pre.code { background: #f7f7f7; border: 1px solid #e3e3e3; padding: .5em 0; overflow-x: auto; font-size: 13px; line-height: 1.4; }
        pre.code .line { display: block; padding-right: 1em; white-space: pre; }
        .gutter { display: inline-block; width: 3em; text-align: right; color: #999; padding-right: .6em; user-select: none; }
        .mark { display: inline-block; width: 1.4em; font-weight: bold; }
        .line.v-holds { background: #e8f5ec; } .line.v-normalised { background: #e6f1f8; }
        .line.v-context-dependent { background: #fdf1dc; } .line.v-wrong { background: #fbe4e2; } .line.v-not-checkable { background: #efefef; }
        .v-holds .mark, .v-holds .symbol, .v-reproduced .symbol { color: var(--holds); }
        .v-normalised .mark, .v-normalised .symbol { color: var(--normalised); }
        .v-context-dependent .mark, .v-context-dependent .symbol { color: var(--context); }
        .v-wrong .mark, .v-wrong .symbol, .v-not-reproduced .symbol { color: var(--wrong); }
        .v-not-checkable .mark, .v-not-checkable .symbol { color: var(--skip); }
        table.claims { border-collapse: collapse; width: 100%; font-size: .92em; }
        table.claims th, table.claims td { border-bottom: 1px solid #e5e5e5; text-align: left; padding: .25em .5em; vertical-align: top; }
        table.claims td.verdict { white-space: nowrap; } .mode { color: #777; font-size: .85em; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; }
        blockquote { margin: .3em 0; padding-left: .8em; border-left: 3px solid #ddd; color: #444; }
        .bench { margin: 1em 0 1.6em; }
        svg.chart { display: block; margin: .4em 0; background: #fcfcfc; border: 1px solid #eee; }
        svg .axis { stroke: #888; stroke-width: 1; } svg .tick { font-size: 10px; fill: #666; } svg .label { font-size: 11px; fill: #333; }
        svg .expected { fill: #1f6f9f; fill-opacity: .15; stroke: #1f6f9f; stroke-opacity: .5; }
        svg .reference { stroke: #1f6f9f; stroke-width: 2; stroke-dasharray: 4 3; }
        svg .measured { stroke-width: 2; } svg circle.measured.ok, svg line.measured.ok { fill: var(--holds); stroke: var(--holds); }
        svg circle.measured.off, svg line.measured.off { fill: var(--wrong); stroke: var(--wrong); }
        svg .fit { fill: none; stroke: #1f6f9f; stroke-width: 2; } svg .point { fill: #b3261e; }
        footer { margin-top: 3em; color: #666; font-size: .9em; border-top: 1px solid #ddd; padding-top: .6em; }
        """
}
