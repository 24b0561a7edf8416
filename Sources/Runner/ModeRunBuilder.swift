import Foundation
import GuideModel

/// Assembles a `ModeRun` from what the supervisor saw and what the child reported.
struct ModeRunBuilder {
    let mode: RunMode
    /// The first line of each top-level statement.
    let statementLines: [Int]
    let timeout: Double
    /// The snippet's path, as its frames name it.
    let path: String

    /// One line of the child's results channel (`runner.py`'s `emit`).
    struct Event: Decodable {
        var event: String
        var scope: String?
        var id: Int?
        var claim: Int?
        var type: String?
        var qualified: String?
        var bases: [String]?
        var message: String?
        var shown: String?
        var line: Int?
        var code: Int?
        var traceback: String?
        var repr: String?
        var str: String?
        var class_names: [String]?
        var none: Bool?
        var equal: Bool?
        var alike: Bool?
        var error: String?
        var refused: String?
        var installed: [String]?
        var reason: String?
        var status: Int?
        var seconds: Double?
        var cpu: Double?

        var exception: ObservedException {
            ObservedException(type: type ?? "Exception", qualified: qualified ?? type ?? "Exception", bases: bases ?? [],
                              message: message ?? "", shownMessage: shown, line: line, traceback: traceback ?? "", code: code)
        }
    }

    /// The child's JSON lines as events, and its other lines (faulthandler
    /// writes plain text) as diagnostics. The JSON lines are decoded as one
    /// array, in one call: a decoder per line cost more than the decoding.
    /// A line that is not an event sends them one by one.
    static func events(in results: [UInt8]) -> (events: [Event], diagnostics: [String]) {
        let lines = String(decoding: results, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let decoder = JSONDecoder()
        let json = lines.filter { $0.hasPrefix("{") }
        if json.count == lines.filter({ !$0.isEmpty }).count,
           let events = try? decoder.decode([Event].self, from: Data(("[" + json.joined(separator: ",") + "]").utf8)) {
            return (events, [])
        }
        var events: [Event] = []
        var diagnostics: [String] = []
        for line in lines {
            if line.hasPrefix("{"), let event = try? decoder.decode(Event.self, from: Data(line.utf8)) {
                events.append(event)
            } else if !line.isEmpty {
                diagnostics.append(String(line))
            }
        }
        return (events, diagnostics)
    }

    func build(ending: ChildSupervisor.Ending, attribution: OutputAttribution) -> ModeRun {
        let (events, diagnostics) = Self.events(in: ending.results)
        var statements = attribution.statements()
        var probes: [Int: ProbeRun] = [:]
        func probe(_ id: Int) -> ProbeRun {
            let seen = attribution.probe(id)
            return probes[id] ?? ProbeRun(probe: id, runs: seen.runs, output: seen.output, value: nil, exception: nil,
                                          droppedBytes: seen.dropped)
        }
        for id in attribution.probeRuns.keys { probes[id] = probe(id) }

        var fixtures: [String] = []
        var isolationRefused: String?
        var codeSeconds: Double?
        var codeCPUSeconds: Double?
        var ended: Event?
        var runFailure: Event?
        for event in events {
            switch event.event {
            case "fixtures": fixtures = event.installed ?? []
            case "timing":
                codeSeconds = event.seconds
                codeCPUSeconds = event.cpu
            case "isolation": isolationRefused = event.refused
            case "ended": ended = event
            case "value":
                guard let id = event.claim else { continue }
                var run = probe(id)
                run.value = ObservedValue(repr: event.repr ?? "", str: event.str ?? "", isNone: event.none ?? false,
                                          type: event.type ?? "", equal: event.equal, alike: event.alike, error: event.error)
                run.value?.classNames = event.class_names
                if run.runs == 0 { run.runs = 1 }
                probes[id] = run
            case "exception":
                guard let id = event.id else { continue }
                switch event.scope {
                case "statement":
                    if let index = statements.firstIndex(where: { $0.index == id }) {
                        statements[index].exception = event.exception
                    }
                case "probe", "claim":
                    var run = probe(id)
                    run.exception = event.exception
                    if run.runs == 0 { run.runs = 1 }
                    probes[id] = run
                default:
                    runFailure = event
                }
            default: break
            }
        }

        var status = RunStatus.ok
        var problem: String?
        var exitCode: Int32?
        let interrupted = statements.last { !$0.finished }.map { "line \(line(of: $0.index))" }
        switch ending.exit {
        case .signaled:
            status = ending.timedOut ? .timeout : .crashed
        case .exited(let code):
            exitCode = code
            if ending.timedOut { status = .timeout }
        }
        if ending.timedOut {
            problem = "timed out after \(format(timeout)) s" + (interrupted.map { ", in the statement at \($0)" } ?? "")
                + (stuckAt(diagnostics).map { " (stuck at \($0))" } ?? "")
        } else if let signal = ending.exit.signalName {
            status = .crashed
            problem = "killed by \(signal)" + (interrupted.map { " in the statement at \($0)" } ?? "")
                + (stuckAt(diagnostics).map { " (Python was at \($0))" } ?? "")
        } else if let failure = runFailure {
            status = .error
            let place = failure.line.map { "line \($0): " } ?? ""
            problem = "\(place)\(failure.exception.summary)"
        } else if let ended {
            status = .error
            let place = interrupted ?? statements.last.map { "line \(line(of: $0.index))" } ?? "start"
            problem = "\(ended.reason ?? "the run") at \(place) ended it early (exit status \(ended.code ?? 0))"
        } else if !attribution.ended {
            status = .crashed
            problem = "the process ended with exit status \(exitCode ?? -1) before the snippet finished"
                + (interrupted.map { ", in the statement at \($0)" } ?? "")
        }

        // Output past the limit is counted, statement by statement: say so.
        let capped = statements.filter { $0.droppedBytes > 0 }.map { "line \(line(of: $0.index)) wrote \($0.droppedBytes) bytes more" }
        if !capped.isEmpty {
            let note = "output capped: each statement keeps its first \(attribution.limit) bytes; " + capped.joined(separator: ", ")
            problem = problem.map { "\($0); \(note)" } ?? note
        }
        var run = ModeRun(
            mode: mode, status: status, problem: problem, exitCode: exitCode, signal: ending.exit.signalName,
            elapsed: ending.elapsed, codeSeconds: codeSeconds, output: attribution.text, droppedBytes: attribution.dropped,
            statements: statements, probes: probes.values.sorted { $0.probe < $1.probe }, fixtures: fixtures,
            diagnostics: diagnostics.joined(separator: "\n"), isolationRefused: isolationRefused)
        run.codeCPUSeconds = codeCPUSeconds
        return run
    }

    /// Where faulthandler's dump, taken at the time limit, shows the snippet:
    /// `line 3 in spin ← line 5 in <module>`, innermost first.
    private func stuckAt(_ dump: [String]) -> String? {
        var frames: [String] = []
        for line in dump {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("Thread ") || text.hasPrefix("Current thread") {
                if !frames.isEmpty { break }  // the first thread that is in the snippet
                continue
            }
            guard text.hasPrefix("File \"\(path)\", line ") else { continue }
            frames.append(String(text.dropFirst("File \"\(path)\", ".count)))
        }
        return frames.isEmpty ? nil : frames.joined(separator: " ← ")
    }

    private func line(of top: Int) -> Int {
        top < statementLines.count ? statementLines[top] : 0
    }

    private func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
