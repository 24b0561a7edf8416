import Foundation
import Testing
@testable import Runner

@Suite("Orphans of a dead worker")
struct OrphanTests {
    @Test("outside a process that adopts orphans, killOrphans leaves the process's own children alone")
    func notASubreaper() async throws {
        // In a process of its own: were the guard broken, only its children die.
        await #expect(processExitsWith: .success) {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/bin/sleep")
            child.arguments = ["30"]
            try child.run()
            ProgramRunner.killOrphans(sparing: [])
            // killOrphans kills and reaps before it returns: a live child was spared.
            let alive = kill(child.processIdentifier, 0) == 0
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            if !alive { exit(1) }
        }
    }
}
