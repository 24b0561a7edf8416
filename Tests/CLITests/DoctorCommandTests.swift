import Foundation
import TestSupport
import Testing

@Suite("guidecheck doctor")
struct DoctorCommandTests {
    @Test("with a decoy python3 first on PATH: 3.11.2, prefix /usr, a real 3.11.2 executable, exit 0")
    func decoyOnPath() throws {
        let scratch = ScratchDirectory()
        scratch.write("bin/python3", "#!/bin/sh\necho 'Python 3.11.7'\nexit 0\n", executable: true)
        let path = scratch.path + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let result = try GuideCheckCommand.run(["doctor"], environment: ["PATH": path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("python      3.11.2 "))
        #expect(result.stdout.contains("prefix      /usr\n"))
        #expect(result.stdout.contains("stdlib      /usr/lib/python3.11\n"))
        #expect(result.stdout.contains("executable  /usr/bin/python3.11 (runs Python 3.11.2: matches)"))
        #expect(result.stdout.contains("  ok       numpy"))
        #expect(result.stdout.contains("  ok       requests"))
        #expect(result.stdout.contains("All good"))
    }

    @Test("a missing module: exit 1 and the Debian package to install")
    func missingModule() throws {
        let result = try GuideCheckCommand.run(["doctor", "no_such_module_xyz"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("  missing  no_such_module_xyz"))
        #expect(result.stderr.contains("apt-get install python3-no-such-module-xyz"))
    }

    @Test("an executable of another version is reported as a mismatch")
    func executableMismatch() throws {
        let scratch = ScratchDirectory()
        let decoy = scratch.write("python3.11", "#!/bin/sh\necho 3.11.7\n", executable: true)
        let result = try GuideCheckCommand.run(["doctor", "--python-executable", decoy])
        #expect(result.status == 1)
        #expect(result.stdout.contains("(runs Python 3.11.7: MISMATCH)"))
        #expect(result.stderr.contains("runs Python 3.11.7, not 3.11.2"))
    }

    @Test("a start-up failure is an error carrying CPython's message, exit 2, no crash")
    func startupFailure() throws {
        let result = try GuideCheckCommand.run(["doctor", "--python-home", "/nonexistent"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot start the embedded Python: failed to get the Python codec of the filesystem encoding (in init_fs_encoding)"))
        #expect(result.stderr.contains("PYTHONHOME = '/nonexistent'"), "CPython's own diagnostics are kept")
    }
}
