import ArgumentParser

@main
struct GuideCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guidecheck",
        abstract: "Keeps a Python guide honest: runs its examples in an embedded CPython and checks what they print.",
        discussion: """
            Examples:
              guidecheck verify            run every example; fail if anything differs from expected/
              guidecheck update            accept this run's results into expected/
              guidecheck report            the guide's errata: every claim that does not simply hold
              guidecheck claims --filter q05   how the comments of one snippet are read
              guidecheck doctor            check the embedded Python and the modules the guide imports
            """,
        subcommands: [Verify.self, Update.self, Report.self, Merge.self, Claims.self, Coverage.self, Extract.self, Bench.self, Fixtures.self, Run.self, Doctor.self, Worker.self, BenchWorkerCommand.self])
}
