import CProcessControl
import Foundation
import Synchronization

/// The namespaces a worker and its runs live in (`RunSettings.Isolation.namespaces`),
/// entered once, when the worker starts, before it has a thread or an
/// interpreter: the worker becomes PID 1 of new PID, mount and network
/// namespaces, with the file system read-only but for its own directory
/// (`CProcessControl/namespaces.c`).
///
/// Entering them per run, as a first version did, cost three forks and a
/// network namespace per run: the unshare and its teardown took more CPU than
/// the run. Per worker, a run is one fork, as with `--isolation processes`,
/// and after it the worker, as PID 1, kills whatever the run left behind.
public enum WorkerNamespace {
    enum State: Sendable {
        case outside
        case entered(writable: String)
        case refused(String)
    }

    private static let state = Mutex<State>(.outside)

    /// Enters the namespaces, with `writable` (created here, under `root`) the
    /// only directory runs may write to; this process forks and only its child
    /// returns. On refusal the runs go on as processes, and each says why it
    /// was not isolated.
    public static func enter(writableUnder root: String, isolateNetwork: Bool) {
        // How the tests (and a user who wants to see it) reach the fallback
        // without a kernel that refuses.
        if let reason = ProcessInfo.processInfo.environment["GUIDECHECK_REFUSE_NAMESPACES"], !reason.isEmpty {
            state.withLock { $0 = .refused("\(reason); they ran as processes only") }
            return
        }
        var template = Array("\(root)/worker-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil, let resolved = realpath(template, nil) else {
            state.withLock { $0 = .refused("cannot create the worker's directory under \(root); they ran as processes only") }
            return
        }
        let writable = String(cString: resolved)
        free(resolved)
        var reason = [CChar](repeating: 0, count: 256)
        if gc_enter_worker_namespaces(writable, isolateNetwork ? 1 : 0, &reason, reason.count) == 0 {
            state.withLock { $0 = .entered(writable: writable) }
        } else {
            // Refused before the fork: this process goes on outside. After it (the
            // mounts failed), this is PID 1 of the new namespaces, writable file system.
            let fate = getpid() == 1
                ? "they ran in a PID namespace of their own\(isolateNetwork ? " without network" : ""), but with the file system writable"
                : "they ran as processes only"
            state.withLock { $0 = .refused("\(String(cString: reason)); \(fate)") }
        }
    }

    /// Where this worker's runs make their directories, when it is in namespaces.
    public static var writable: String? {
        state.withLock { if case .entered(let writable) = $0 { return writable } else { return nil } }
    }

    /// Why runs are not in namespaces though they were asked to be; nil when
    /// they are.
    static var refusal: String? {
        state.withLock { state in
            switch state {
            case .entered: return nil
            case .refused(let reason): return reason
            case .outside: return "this process is not a worker in namespaces"
            }
        }
    }

    /// After a run: every process left in the namespace killed and reaped, and
    /// /dev/shm (this worker's own) emptied for the next run.
    static func cleanAfterRun() {
        guard case .entered = state.withLock({ $0 }) else { return }
        _ = gc_clean_worker_namespace(2000)
        if let items = ProcFile.names(in: "/dev/shm") {
            for item in items { unlink("/dev/shm/" + item) }
        }
    }
}
