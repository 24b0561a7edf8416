import Dispatch
import Glibc
import Synchronization

/// Turns SIGINT and SIGTERM into an orderly stop.
///
/// The first signal stops every worker (each takes its snippet's whole process
/// group with it) and lets the command return without writing anything more:
/// an `expected/` file is then either as it was or fully updated, never half of
/// each. A second signal exits at once. The command exits 130 or 143, as a
/// shell reports a process killed by that signal.
enum Interruption {
    private static let received = Mutex<Int32?>(nil)
    private static let actions = Mutex<[@Sendable () -> Void]>([])
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// The signal that asked to stop, if one did.
    static var signal: Int32? { received.withLock { $0 } }

    /// The exit status for the signal received: 128 + its number.
    static var exitStatus: Int32 { 128 + (signal ?? SIGINT) }

    static func install() {
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM] {
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let first = received.withLock { received -> Bool in
                    defer { if received == nil { received = number } }
                    return received == nil
                }
                guard first else { _exit(128 + number) }
                printError("guidecheck: stopping (\(number == SIGINT ? "SIGINT" : "SIGTERM")); nothing more will be written")
                actions.withLock { $0 }.forEach { $0() }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Runs `action` when a stop is asked for (at once if it already was).
    static func onStop(_ action: @escaping @Sendable () -> Void) {
        actions.withLock { $0.append(action) }
        if signal != nil { action() }
    }
}
