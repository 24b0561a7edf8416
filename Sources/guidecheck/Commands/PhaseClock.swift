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
