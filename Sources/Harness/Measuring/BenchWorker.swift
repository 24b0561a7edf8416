import CProcessControl
import Foundation
import PythonRuntime

/// The benchmark worker's side: `guidecheck __bench-worker` reads one job on
/// stdin, runs it in this process's fresh interpreter, and writes one JSON line
/// per value on stdout. A new process for each, as pyperf does: each starts with
/// its own hash seed and memory layout, so the values vary as they would across
/// runs of `python3`, and nothing one benchmark does is seen by the next.
public enum BenchWorker {
    static let helper: String = {
        guard let url = Bundle.module.url(forResource: "bench_child", withExtension: "py", subdirectory: "Python"),
              let source = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("guidecheck: the resource Python/bench_child.py is missing from \(Bundle.module.bundlePath)")
        }
        return source
    }()

    public static func serve(start: () throws -> PythonInterpreter) -> Int32 {
        // The protocol owns stdout; the benchmark's own prints go to /dev/null.
        let channel = fcntl(1, F_DUPFD_CLOEXEC, 10)
        let empty = open("/dev/null", O_WRONLY)
        dup2(empty, 1)
        close(empty)
        guard let line = readLine(strippingNewline: true) else { return 2 }
        do {
            let python = try start()
            let source = helper
            try python.withGILBlocking { gil in
                try gil.installModule("_guidecheck_bench", source: source, filename: "guidecheck/bench_child.py")
                _ = try gil.importModule("_guidecheck_bench").callMethod("run", [.string(line), .int(Int(channel))], gil)
            }
            send(BenchLine(done: true), to: channel)
            return 0
        } catch {
            send(BenchLine(error: "\(error)"), to: channel)
            return 1
        }
    }

    static func send(_ line: BenchLine, to channel: Int32) {
        var data = (try? JSONEncoder().encode(line)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        _ = data.withUnsafeBytes { gc_write_all(channel, $0.baseAddress, $0.count) }
    }
}

extension BenchLine {
    init(done: Bool? = nil, error: String? = nil) {
        self.init(task: nil, round: nil, warmup: nil, wall: nil, cpu: nil, value: nil, text: nil, loops: nil,
                  seconds: nil, done: done, error: error)
    }
}
