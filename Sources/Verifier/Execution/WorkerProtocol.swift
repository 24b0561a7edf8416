import Foundation
import Runner
import Workers

/// A job as the parent numbers it for a worker.
struct NumberedJob: Codable, Sendable {
    var id: Int
    var job: SnippetJob
}

/// A worker's answer to one job: first the reading (`final` false), then the
/// whole outcome. If the worker dies between the two, the parent still has
/// every claim, and reports each with why it has no result.
struct NumberedOutcome: Codable, Sendable {
    var id: Int
    var outcome: SnippetOutcome
    var final: Bool
}

/// The worker's side: `guidecheck __worker` serves jobs until stdin ends.
public enum WorkerLoop {
    public static func serve(configuration: WorkerSetup) -> Int32 {
        let channel = WorkerChannel()
        ProgramRunner.becomeWorker()
        let work: SnippetWork
        do {
            work = try configuration.makeWork()
        } catch {
            channel.send(WorkerMessage<NumberedOutcome>.failed("\(error)"))
            return 2
        }
        channel.send(WorkerMessage<NumberedOutcome>.ready(python: work.interpreter.info.version))
        while let request = channel.receive(NumberedJob.self) {
            let outcome = work.perform(request.job) { reading in
                channel.send(WorkerMessage.body(NumberedOutcome(id: request.id, outcome: reading, final: false)))
            }
            channel.send(WorkerMessage.body(NumberedOutcome(id: request.id, outcome: outcome, final: true)))
        }
        return 0
    }
}

/// How a worker starts its interpreter.
public struct WorkerSetup: Sendable {
    public var makeWork: @Sendable () throws -> SnippetWork
    public init(makeWork: @escaping @Sendable () throws -> SnippetWork) {
        self.makeWork = makeWork
    }
}
