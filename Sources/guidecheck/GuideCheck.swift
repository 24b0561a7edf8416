import ArgumentParser

@main
struct GuideCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guidecheck",
        abstract: "Keeps a Python guide honest: runs its examples in an embedded CPython and checks what they print.",
        discussion: """
            Examples:
              guidecheck doctor            check the embedded Python and the modules the guide imports
              guidecheck run example.py    run one file in the embedded interpreter
            """,
        subcommands: [Verify.self, Update.self, Report.self, Claims.self, Run.self, Doctor.self, Worker.self])
}
