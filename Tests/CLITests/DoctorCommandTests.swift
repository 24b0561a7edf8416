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

    @Test("a module asked for that the guide imports too is listed once")
    func guideModuleAskedAgain() throws {
        let result = try GuideCheckCommand.run(["doctor", "numpy"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "  ok       numpy\n").count == 2, "\(result.stdout)")
    }

    @Test("a missing module no Debian package provides: exit 1 and pip for the linked interpreter, no invented package")
    func missingModule() throws {
        let result = try GuideCheckCommand.run(["doctor", "no_such_module_xyz", "no_such_module_xyz"])
        #expect(result.status == 1)
        #expect(result.stdout.components(separatedBy: "  missing  no_such_module_xyz").count == 2, "asked twice, listed once")
        #expect(result.stderr.contains("no Debian package provides it here: install it with pip (/usr/bin/python3.11 -m pip install no_such_module_xyz)"))
        #expect(!result.stderr.contains("apt-get install python3-no-such-module-xyz"))
    }

    @Test("a missing module Debian packages: the package apt knows is named",
          .enabled(if: FileManager.default.fileExists(atPath: "/var/lib/apt/lists") && !FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/pandas"),
                   "needs apt's package lists and pandas not installed for /usr/bin/python3.11"))
    func missingModuleDebianKnows() throws {
        let result = try GuideCheckCommand.run(["doctor", "pandas"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("  missing  pandas"))
        #expect(result.stderr.contains("apt-get install python3-pandas"), "\(result.stderr)")
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
