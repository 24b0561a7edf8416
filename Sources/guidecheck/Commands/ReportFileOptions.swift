import ArgumentParser

/// `--json`, `--junit` and `--format`: what `verify`, `update`, `report`, `merge`
/// and `bench` write besides their text, all made from the same JSON document.
struct ReportFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also write the results as JSON (fields in docs/json.md; docs/benchmarks.md for bench).", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Also write the results as JUnit XML: a test case per claim.", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("text (default) or markdown: the summary a pull request shows.", valueName: "format"))
    var format: OutputFormat = .text
}

/// `--format`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown
}
