import Foundation

/// What a benchmark's figures depend on: the machine they were taken on.
public struct MachineInfo: Codable, Sendable {
    public var cores: Int
    public var cpu: String
    /// The CPU clock as /proc/cpuinfo reports it, in MHz.
    public var megahertz: Double?
    /// The 1-minute load average when the figures were taken.
    public var loadAverage: Double

    public static func current() -> MachineInfo {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        func field(_ name: String) -> String? {
            info.split(separator: "\n").first { $0.hasPrefix(name) }
                .flatMap { $0.split(separator: ":", maxSplits: 1).last }.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) } ?? 0
        return MachineInfo(cores: ProcessInfo.processInfo.activeProcessorCount, cpu: field("model name") ?? "unknown",
                           megahertz: field("cpu MHz").flatMap(Double.init), loadAverage: load)
    }
}
