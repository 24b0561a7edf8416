import Foundation
import TestSupport
import Testing
@testable import GuideModel
@testable import Runner
@testable import Verifier

/// The worker pool after a stop: a SIGINT can arrive before the first worker
/// exists (a loaded machine is slow to start), and must still stop everything.
@Suite("A stop before the workers start")
struct EarlyStopTests {
    @Test("after terminateAll, the pool starts no worker and runs no job")
    func noWorkerAfterStop() throws {
        let scratch = ScratchDirectory()
        let pool = WorkerPool(executable: GuideCheckCommand.binary, count: 1)
        pool.terminateAll()
        let job = SnippetJob(program: ProgramSource(name: "late.py", path: scratch.path + "/late.py", origin: Origin(document: "late.py"),
                                                    source: "print('ran')  # ran\n"),
                             settings: RunSettings(limits: RunLimits(timeout: 10, memory: 1 << 30, output: 1 << 20), scratchRoot: scratch.path))
        let outcomes = pool.run([job], exclusive: [], varied: false) { _ in }
        #expect(outcomes.isEmpty, "a job ran after the stop: \(outcomes)")
    }
}
