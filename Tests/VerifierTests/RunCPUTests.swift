import TestSupport
import Testing
@testable import GuideModel
@testable import Reader
@testable import Verifier

/// The CPU a run's code takes, as the run measures it (`code_cpu_seconds`): what
/// `report --timings` adds up to show what the guide's own code asks of the cores.
@Suite("What a run's code costs in CPU")
struct RunCPUTests {
    static let spin = """
        import time

        def spin(seconds):
            end = time.process_time() + seconds
            while time.process_time() < end:
                pass

        """

    @Test("spinning counts, sleeping does not, and a process the code started and waited for counts")
    func cpu() throws {
        let scratch = ScratchDirectory()
        scratch.write("spins.py", Self.spin + "spin(0.3)\n")
        scratch.write("sleeps.py", "import time\ntime.sleep(0.3)\n")
        scratch.write("child.py", Self.spin + """
            import multiprocessing
            if __name__ == '__main__':
                child = multiprocessing.Process(target=spin, args=(0.3,))
                child.start()
                child.join()

            """)
        let corpus = try SnippetCorpus.load(directory: scratch.path)
        let runner = try InProcessRunner(interpreter: TestPython.shared)
        let report = try Verification.run(corpus, settings: VerificationSettings(timeout: 30), runner: runner)
        func cpu(_ file: String) throws -> Double {
            let run = try #require(report.snippets.first { $0.snippet.name == file }?.outcome.run(.module))
            return try #require(run.codeCPUSeconds, "\(file) recorded no CPU")
        }
        // CPU time, not wall time: the bounds hold however loaded the machine is
        // (0.3 s spun, at least 0.2 s counted: a child's CPU comes in clock ticks).
        #expect(try cpu("spins.py") >= 0.2)
        #expect(try cpu("sleeps.py") < 0.1)
        #expect(try cpu("child.py") >= 0.2, "the child's CPU is the code's: it was started and waited for")
    }
}
