import Foundation
import Verifier

/// `report --timings`: where a run's time went. The main process's phases by
/// wall clock; the workers' from each snippet's own timing (reading, the runs'
/// overhead outside the snippet's code, the code itself); CPU and peak memory of
/// guidecheck and of its workers from getrusage.
struct PhaseClock {
    private var last = Date()
    private var marks: [(String, Double)] = []

    mutating func mark(_ phase: String) {
        let now = Date()
        marks.append((phase, now.timeIntervalSince(last)))
        last = now
    }

    /// Seconds per phase, and `*_cpu_seconds`/`*_peak_rss_mb` for guidecheck and its workers.
    func phases(of report: VerificationReport) -> [String: Double] {
        var phases = Dictionary(marks, uniquingKeysWith: +)
        let worker = report.snippets.map(\.outcome)
        let runs = worker.flatMap(\.runs)
        let code = runs.compactMap(\.codeSeconds).reduce(0, +)
        let elapsed = runs.map(\.elapsed).reduce(0, +)
        let reading = worker.map(\.analysisSeconds).reduce(0, +)
        phases["main_start_and_corpus"] = (phases["session"] ?? 0) - report.seconds
        phases["workers_wall"] = report.seconds
        phases["worker_read"] = reading
        phases["worker_runs_overhead"] = elapsed - code
        phases["worker_code"] = code
        phases["worker_code_cpu"] = runs.compactMap(\.codeCPUSeconds).reduce(0, +)
        phases["worker_other"] = worker.map(\.workerSeconds).reduce(0, +) - reading - elapsed
        for (name, who) in [("guidecheck", RUSAGE_SELF), ("workers", RUSAGE_CHILDREN)] {
            var usage = rusage()
            getrusage(__rusage_who_t(who.rawValue), &usage)
            phases["\(name)_user_seconds"] = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            phases["\(name)_sys_seconds"] = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
            // ru_maxrss is in KiB; for children, the largest one reaped.
            phases["\(name)_peak_rss_mb"] = Double(usage.ru_maxrss) / 1024
        }
        return phases
    }

    /// The programs whose runs took `minimum` seconds or more, with the CPU
    /// their code used: what `exclusive` is decided from. A program that only
    /// waits (sleeps, I/O, a server's delay) uses little CPU and can run beside
    /// others; one whose timing claims need a core to itself uses a lot.
    static func cpuShares(of report: VerificationReport, minimum: Double = 0.5) -> String {
        let rows = report.snippets.compactMap { result -> (name: String, wall: Double, cpu: Double, exclusive: Bool)? in
            let runs = result.outcome.runs
            let wall = runs.compactMap(\.codeSeconds).reduce(0, +)
            guard wall >= minimum else { return nil }
            return (result.snippet.name, wall, runs.compactMap(\.codeCPUSeconds).reduce(0, +), result.snippet.entry?.exclusive == true)
        }.sorted { $0.wall > $1.wall }
        guard !rows.isEmpty else { return "  no program's runs took \(String(format: "%.1f", minimum)) s or more" }
        let width = rows.map(\.name.count).max() ?? 0
        return (["  programs whose runs took \(String(format: "%.1f", minimum)) s or more: their code's wall time, its CPU (with the processes it waited for), the CPU's share; a small share only waits, and needs no core to itself"]
            + rows.map { row in
                "    " + row.name.padding(toLength: width, withPad: " ", startingAt: 0)
                    + String(format: "  %7.2f s wall  %7.2f s CPU  %4.0f %%", row.wall, row.cpu, 100 * row.cpu / row.wall)
                    + (row.exclusive ? "  exclusive" : "")
            }).joined(separator: "\n")
    }

    static func describe(_ phases: [String: Double], snippets: Int) -> String {
        let n = Double(max(snippets, 1))
        func ms(_ key: String) -> String { String(format: "%8.2f ms/snippet", (phases[key] ?? 0) * 1000 / n) }
        return """
            timings (\(snippets) snippets):
              start, read the corpus   \(ms("main_start_and_corpus"))
              workers (wall)           \(ms("workers_wall"))
                read (claims, plans)   \(ms("worker_read"))
                runs outside the code  \(ms("worker_runs_overhead"))   fork, isolation, supervision, output attribution
                the snippets' code     \(ms("worker_code"))   \(String(format: "%.2f", phases["worker_code_cpu"] ?? 0)) s of CPU in all (theirs and their children's)
                other                  \(ms("worker_other"))   messages, queueing
              judge                    \(ms("judge"))
              CPU: guidecheck \(String(format: "%.2f", (phases["guidecheck_user_seconds"] ?? 0) + (phases["guidecheck_sys_seconds"] ?? 0))) s, \
            workers and their runs \(String(format: "%.2f", (phases["workers_user_seconds"] ?? 0) + (phases["workers_sys_seconds"] ?? 0))) s; \
            peak RSS: guidecheck \(String(format: "%.0f", phases["guidecheck_peak_rss_mb"] ?? 0)) MB, largest worker \(String(format: "%.0f", phases["workers_peak_rss_mb"] ?? 0)) MB
            """
    }
}
