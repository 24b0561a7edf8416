import ArgumentParser
import GuideModel
import PythonRuntime
import Runner
import Reader
import Verifier

/// `guidecheck fixtures`: the named stand-ins a manifest can declare.
struct Fixtures: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the fixtures a snippet can declare in the manifest, and what each provides.",
        discussion: """
            Examples:
              guidecheck fixtures
            """)

    @OptionGroup var interpreter: InterpreterOptions

    func run() throws {
        let python: PythonInterpreter
        do { python = try interpreter.start() } catch let failure as CommandFailure { Self.exit(with: failure) }
        let fixtures = try python.withGILBlocking { gil in
            return try Runner.Fixtures.descriptions(gil)
        }
        let width = (fixtures.keys.map(\.count).max() ?? 0) + 2
        for name in fixtures.keys.sorted(by: { $0.lowercased() < $1.lowercased() }) {
            print(name.padding(to: width) + fixtures[name]!)
        }
    }
}
