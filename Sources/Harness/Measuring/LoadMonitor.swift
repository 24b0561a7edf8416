import Foundation

/// How busy other processes kept the machine while a benchmark ran: the CPU
/// time all processes used (/proc/stat) minus what guidecheck and its
/// benchmark processes used (getrusage of itself and its reaped children),
/// over the wall time. A load average says how busy the machine was before;
/// this says how busy it was during.
struct LoadMonitor {
    private let started: Date
    private let machineBusy: Double?
    private let own: Double

    init() {
        started = Date()
        machineBusy = Self.machineBusySeconds()
        own = Self.ownSeconds()
    }

    /// Cores other processes kept busy on average since `init`; nil where
    /// /proc/stat cannot be read.
    func otherCores() -> Double? {
        guard let before = machineBusy, let after = Self.machineBusySeconds() else { return nil }
        let wall = Date().timeIntervalSince(started)
        guard wall > 0 else { return nil }
        return max(0, (after - before) - (Self.ownSeconds() - own)) / wall
    }

    /// CPU seconds every process has used since boot (user, nice, system, irq,
    /// softirq, steal: everything but idle and iowait).
    static func machineBusySeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else { return nil }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count >= 8 else { return nil }
        let busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]
        return busy / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// CPU seconds this process and its reaped descendants have used.
    static func ownSeconds() -> Double {
        var total = 0.0
        for who in [RUSAGE_SELF.rawValue, RUSAGE_CHILDREN.rawValue] {
            var usage = rusage()
            getrusage(__rusage_who_t(who), &usage)
            total += Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        }
        return total
    }
}
