import Foundation
import Synchronization
import GuideModel
import Runner
import Workers

/// A job as the parent numbers it for a worker.
struct NumberedJob: Codable, Sendable {
    var id: Int
    var job: SnippetJob
}

/// A worker's answer to one job: first the reading (`final` false), then the
/// outcome. If the worker dies between the two, the parent still has every
/// claim, and reports each with why it has no result. The final message leaves
/// out a reading already sent (`readingSent`): encoding and decoding it twice
/// was a tenth of a run's CPU.
struct NumberedOutcome: Codable, Sendable {
    var id: Int
    var outcome: SnippetOutcome
    var final: Bool
    var readingSent: Bool?
}

/// The worker's side: `guidecheck __worker` serves jobs until stdin ends.
public enum WorkerLoop {
    public static func serve(configuration: WorkerSetup) -> Int32 {
        let channel = WorkerChannel(format: .compactFrames)
        ProgramRunner.becomeWorker(private: [channel.descriptor])
        defer { ProgramRunner.finishWorker() }
        let work: SnippetWork
        do {
            work = try configuration.makeWork()
        } catch {
            channel.send(WorkerMessage<NumberedOutcome>.failed("\(error)"))
            return 2
        }
        channel.send(WorkerMessage<NumberedOutcome>.ready(python: work.interpreter.info.version))
        while true {
            let received: NumberedJob
            do {
                guard let next = try channel.receive(NumberedJob.self) else { break }
                received = next
            } catch {
                // A bug of guidecheck's, said as one, not as an exit status 0.
                channel.send(WorkerMessage<NumberedOutcome>.failed("the worker could not read its request: \(error)"))
                return 2
            }
            var adjusted = received
            configuration.adjust(&adjusted.job)
            let request = adjusted
            let sent = Mutex(false)
            var outcome = work.perform(request.job) { reading in
                channel.send(WorkerMessage.body(NumberedOutcome(id: request.id, outcome: reading, final: false)))
                sent.withLock { $0 = true }
            }
            let readingSent = sent.withLock { $0 }
            if readingSent { outcome.reading = Reading() }
            channel.send(WorkerMessage.body(NumberedOutcome(id: request.id, outcome: outcome, final: true, readingSent: readingSent)))
        }
        return 0
    }
}

/// How a worker starts its interpreter, and what it changes in each job's
/// settings (in namespaces: its own directory and its own fixture server).
public struct WorkerSetup: Sendable {
    public var makeWork: @Sendable () throws -> SnippetWork
    public var adjust: @Sendable (inout SnippetJob) -> Void
    public init(makeWork: @escaping @Sendable () throws -> SnippetWork,
                adjust: @escaping @Sendable (inout SnippetJob) -> Void = { _ in }) {
        self.makeWork = makeWork
        self.adjust = adjust
    }
}
