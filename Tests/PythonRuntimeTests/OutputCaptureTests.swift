import Foundation
@testable import PythonRuntime
import TestSupport
import Testing

@Suite("Capturing output at the file-descriptor level")
struct OutputCaptureTests {
    @Test("print, sys.stdout.write, os.write, C stdio, subprocess and fork children: all captured, in order")
    func sixKindsInOrder() throws {
        let scratch = ScratchDirectory()
        let path = scratch.write("six_kinds.py", """
            import ctypes, multiprocessing, os, subprocess, sys

            def child():
                print('kind: multiprocessing fork child')

            print('kind: print')
            sys.stdout.write('kind: sys.stdout.write\\n')
            os.write(1, b'kind: os.write\\n')
            ctypes.CDLL(None).puts(b'kind: C puts')
            subprocess.run(['/bin/echo', 'kind: subprocess'])
            p = multiprocessing.get_context('fork').Process(target=child)
            p.start()
            p.join()
            sys.stderr.write('kind: sys.stderr.write\\n')
            os.write(2, b'kind: os.write(2)\\n')
            """)
        // Compared inside one job: no other test's job can move fds 1 and 2 meanwhile.
        let (run, before, after) = try TestPython.shared.withGILBlocking { gil in
            let before = try Self.descriptorIdentities()
            let run = try gil.runScript(at: path)
            return (run, before, try Self.descriptorIdentities())
        }
        #expect(run.exception == nil)
        #expect(run.output.lines(tagged: "kind:") == [
            "kind: print", "kind: sys.stdout.write", "kind: os.write", "kind: C puts", "kind: subprocess",
            "kind: multiprocessing fork child", "kind: sys.stderr.write", "kind: os.write(2)",
        ])
        #expect(after == before, "fds 1 and 2 are put back after the job")
    }

    @Test("a child process still writing after its job ends reaches neither the next job nor the terminal")
    func stragglerDoesNotLeak() throws {
        let scratch = ScratchDirectory()
        // The straggler writes only once the second job has begun, and that job
        // ends only after the write: no timing decides the order.
        let go = scratch.path + "/go", written = scratch.path + "/written"
        let first = scratch.write("first.py", """
            import subprocess
            subprocess.Popen(['/bin/sh', '-c', 'i=0; while [ ! -e \(go) ] && [ $i -lt 3000 ]; do sleep 0.01; i=$((i+1)); done; echo leak: straggler; touch \(written)'])
            print('leak: first job')
            """)
        let second = scratch.write("second.py", """
            import os, time
            open('\(go)', 'w').close()
            deadline = time.monotonic() + 30
            while not os.path.exists('\(written)') and time.monotonic() < deadline:
                time.sleep(0.01)
            print('leak: second job', os.path.exists('\(written)'))
            """)
        let runs = try TestPython.shared.withGILBlocking { gil in
            (try gil.runScript(at: first), try gil.runScript(at: second))
        }
        #expect(runs.0.output.lines(tagged: "leak:") == ["leak: first job"])
        #expect(runs.1.output.lines(tagged: "leak:") == ["leak: second job True"])
    }

    @Test("a job that closes fds 1 and 2 still ends cleanly, and the next job is captured")
    func closedDescriptors() async throws {
        // In a process of its own: while the job has fds 1 and 2 closed, any other
        // thread that opens a file may be given those numbers, and the restore
        // after the job would take them back (a concurrent test's pipe, once).
        let result = try #require(await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            let scratch = ScratchDirectory()
            let closer = scratch.write("closer.py", "import os\nprint('closed: before')\nos.close(1)\nos.close(2)\n")
            let next = scratch.write("next.py", "print('closed: next job')\n")
            let python = try PythonInterpreter.start()
            let before = try OutputCaptureTests.descriptorIdentities()
            let runs = try python.withGILBlocking { gil in (try gil.runScript(at: closer), try gil.runScript(at: next)) }
            let after = try OutputCaptureTests.descriptorIdentities()
            let line = "first \(runs.0.output.lines(tagged: "closed:")) next \(runs.1.output.lines(tagged: "closed:")) "
                + "restored \(after == before)\n"
            FileHandle.standardError.write(Data(line.utf8))
        })
        let report = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(report.contains(#"first ["closed: before"] next ["closed: next job"] restored true"#), "\(report)")
    }

    @Test("with fd 2 closed before the job (`2>&-`), both streams are captured and fd 2 is closed again after")
    func closedBeforeTheJob() async throws {
        // In a process of its own: it closes fd 2 for the whole process.
        let result = try #require(await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
            let scratch = ScratchDirectory()
            let path = scratch.write("both.py", "import os\nprint('closed2: out')\nos.write(2, b'closed2: err\\n')\n")
            let python = try PythonInterpreter.start()
            close(2)
            let run = try python.withGILBlocking { gil in try gil.runScript(at: path) }
            var info = stat()
            let closedAgain = fstat(2, &info) != 0
            FileHandle.standardOutput.write(Data("lines \(run.output.lines(tagged: "closed2:")) closed again \(closedAgain)\n".utf8))
        })
        let report = String(decoding: result.standardOutputContent, as: UTF8.self)
        #expect(report.contains(#"lines ["closed2: out", "closed2: err"] closed again true"#), "\(report)")
    }

    @Test("a job started out of descriptors is refused, and fds 1 and 2 stay as they were")
    func refusedWithoutDescriptors() async throws {
        // In a process of its own: it lowers the process's descriptor limit.
        let result = try #require(await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
            let scratch = ScratchDirectory()
            let path = scratch.write("never.py", "print('refused: ran')\n")
            let python = try PythonInterpreter.start()
            let before = try OutputCaptureTests.descriptorIdentities()
            let open = OutputCaptureTests.openDescriptors()
            // A soft limit of 10: the script cannot be read, the pipe cannot be
            // made, or it cannot be moved above fd 10, depending on how many
            // descriptors the process already has (CI's differ); each must
            // refuse the job, and leave no descriptor behind.
            var limit = rlimit()
            getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            var lowered = limit
            lowered.rlim_cur = 10
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &lowered)
            var refusal = "none"
            do { _ = try python.withGILBlocking { gil in try gil.runScript(at: path) } } catch { refusal = "\(error)" }
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            let after = try OutputCaptureTests.descriptorIdentities()
            let leaked = OutputCaptureTests.openDescriptors() != open
            FileHandle.standardOutput.write(Data("refusal: \(refusal); restored \(after == before); leaked \(leaked)\n".utf8))
        })
        let report = String(decoding: result.standardOutputContent, as: UTF8.self)
        #expect(report.hasPrefix("refusal: ") && !report.hasPrefix("refusal: none"), "\(report)")
        #expect(report.contains("restored true; leaked false"), "\(report)")
        #expect(!report.contains("refused: ran"), "\(report)")
    }

    @Test("output past the limit is counted, not kept")
    func outputLimit() async throws {
        // In a process of its own, so no other test's writes to fd 1 land in the capture.
        let result = try #require(await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            let scratch = ScratchDirectory()
            let path = scratch.write("flood.py", "import os\nfor _ in range(3 * 1024):\n    os.write(1, b'x' * 1024)\n")
            let python = try PythonInterpreter.start()
            let run = try python.withGILBlocking { gil in try gil.runScript(at: path, outputLimit: 1 << 20) }
            let kept = run.output.bytes
            let line = "kept \(kept.count) all-x \(kept.allSatisfy { $0 == UInt8(ascii: "x") }) dropped \(run.output.droppedBytes)\n"
            FileHandle.standardError.write(Data(line.utf8))
        })
        let report = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(report.contains("kept \(1 << 20) all-x true dropped \(2 << 20)"), "\(report)")
    }

    @Test("the end marker is found wherever the pipe splits it")
    func markerSplitAcrossChunks() {
        let marker = Array("<<end>>".utf8)
        let stream = Array("hello <world>".utf8) + marker + Array("late".utf8)
        for split in 0...stream.count {
            var scanner = MarkerScanner(marker: marker)
            let (head, foundInHead) = scanner.feed(stream[..<split])
            var kept = Array(head)
            var found = foundInHead
            if !found {
                let (tail, foundInTail) = scanner.feed(stream[split...])
                kept += tail
                found = foundInTail
            }
            #expect(found, "split at \(split)")
            #expect(String(decoding: kept, as: UTF8.self) == "hello <world>", "split at \(split)")
        }
    }

    @Test("a stream without the marker keeps its held-back bytes")
    func noMarker() {
        var scanner = MarkerScanner(marker: Array("<<end>>".utf8))
        let (kept, found) = scanner.feed(ArraySlice(Array("text <<e".utf8)))
        #expect(!found)
        #expect(String(decoding: kept, as: UTF8.self) == "text ")
        #expect(String(decoding: scanner.pending, as: UTF8.self) == "<<e")
    }

    /// The descriptors this process has open (the listing's own among them,
    /// the same number each time when nothing leaked).
    static func openDescriptors() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).sorted()
    }

    /// (device, inode) of fds 1 and 2.
    static func descriptorIdentities() throws -> [[UInt]] {
        try [1, 2].map { descriptor in
            var info = stat()
            guard fstat(Int32(descriptor), &info) == 0 else { throw POSIXError(.EBADF) }
            return [UInt(info.st_dev), UInt(info.st_ino)]
        }
    }
}
