import Foundation
import PythonRuntime
import PythonSyntax
import Workers

/// The benchmark worker's side: `guidecheck __bench-worker` reads one job on
/// stdin, runs it in this process's fresh interpreter, and sends one JSON line
/// per value. A new process for each, as pyperf does: each starts with its own
/// hash seed and memory layout, so the values vary as they would across runs of
/// `python3`, and nothing one benchmark does is seen by the next.
public enum BenchWorker {
    static let helpers = HelperModules(bundle: .module, [("_guidecheck_bench", "bench_child")])

    public static func serve(start: () throws -> PythonInterpreter) -> Int32 {
        let channel = WorkerChannel()
        let python: PythonInterpreter
        do { python = try start() } catch {
            channel.send(WorkerMessage<BenchLine>.failed("\(error)"))
            return 2
        }
        channel.send(WorkerMessage<BenchLine>.ready(python: python.info.version))
        guard let job = try? channel.receive(BenchJob.self) else { return 2 }
        do {
            let json = String(decoding: try JSONEncoder().encode(job), as: UTF8.self)
            try python.withGILBlocking { gil in
                try helpers.install(gil)
                // bench_child writes its value lines straight to the channel.
                _ = try gil.importModule("_guidecheck_bench").callMethod("run", [.string(json), .int(Int(channel.descriptor))], gil)
            }
            channel.send(WorkerMessage.body(BenchLine(done: true)))
            return 0
        } catch {
            channel.send(WorkerMessage<BenchLine>.failed("\(error)"))
            return 1
        }
    }
}

extension BenchLine {
    init(done: Bool? = nil) {
        self.init(task: nil, round: nil, warmup: nil, wall: nil, cpu: nil, value: nil, text: nil, loops: nil,
                  seconds: nil, done: done)
    }
}
