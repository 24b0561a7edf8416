import ArgumentParser
import Verifier

/// `guidecheck report`: the guide's errata.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every claim that does not simply hold, grouped by question.",
        discussion: """
            Runs the snippets (no expected/ needed, so any folder of snippets works) and lists \
            each claim whose verdict is normalised, context-dependent, wrong or not-checkable, \
            documented against observed.

            Examples:
              guidecheck report
              guidecheck report --snippets other-guide/snippets --json errata.json
            """)

    @OptionGroup var options: VerificationOptions

    func run() throws {
        let report: VerificationReport
        do { (_, report) = try VerificationSession.run(options) } catch let failure as CommandFailure { Self.exit(with: failure) }
        print(Errata.render(report, snippetsDirectory: options.snippets))
    }
}
