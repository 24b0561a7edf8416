import ArgumentParser
import Foundation
import GuideModel
import Reader
import Reports
import Verifier

/// `guidecheck merge`: the shards' JSON reports as one.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the JSON reports of several --shard runs into one report.",
        discussion: """
            The shards must have been made with the same Python and must not share a snippet. \\
            Writes the merged JSON and, on request, one JUnit file and the Markdown summary; \\
            exits 1 when a merged snippet failed or differed from expected/.

            Examples:
              guidecheck merge shard-1.json shard-2.json --json all.json --junit all.xml
              guidecheck merge shard-*.json --format markdown
            """)

    @Argument(help: ArgumentHelp("The shards' JSON reports.", valueName: "report.json"))
    var reports: [String]

    @OptionGroup var outputs: ReportFileOptions

    @Option(help: ArgumentHelp("The folder of snippets the reports refer to (for file names in annotations).", valueName: "dir"))
    var snippets = "snippets"

    func run() throws {
        var documents: [(path: String, document: VerificationDocument)] = []
        for path in reports {
            let data: Data
            do { data = try UserFile.data(at: path, what: "the report") } catch {
                Self.exit(with: CommandFailure(message: error.description, exitCode: .configuration))
            }
            do { documents.append((path, try VerificationDocument.decode(data))) } catch {
                Self.exit(with: CommandFailure(message: "\(path): not a guidecheck JSON report (\(error))", exitCode: .configuration))
            }
        }
        let merged: VerificationDocument
        do { merged = try DocumentMerge.merge(documents) } catch {
            Self.exit(with: CommandFailure(message: "\(error)", exitCode: .configuration))
        }
        do {
            try ReportOutputs.write(merged, command: "verify", outputs: outputs, snippets: snippets,
                                    updateCommand: "guidecheck update" + (snippets == "snippets" ? "" : " --snippets " + VerificationOptions.shellWord(snippets)))
        } catch let failure as CommandFailure { Self.exit(with: failure) }
        if outputs.format == .text {
            let counts = Verdict.allCases.map { "\(merged.summary.count($0)) \($0.rawValue)" }.joined(separator: ", ")
            print("merged \(reports.count) reports: \(counted(merged.summary.snippets, "snippet")), \(counted(merged.summary.claims, "claim")) (\(counts)), Python \(merged.python)")
        }
        if merged.snippets.contains(where: \.fails) { throw ExitCode(ExitStatus.failure.rawValue) }
    }
}
