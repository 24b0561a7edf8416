import CProcessControl
import Foundation
import GuideModel
import PythonRuntime
import PythonSyntax
import Synchronization

/// What to run, and how: a program's code, what to observe, and how each run
/// is set up. Nothing here is a claim: the runner observes, the judge decides.
public struct RunRequest: Codable, Sendable {
    /// The virtual file the code runs as (tracebacks and `__file__` name it).
    public var path: String
    /// A short name for the run's scratch directory (`q05_interning`).
    public var name: String
    public var chunks: [Chunk]
    /// A chunk that does not compile is one statement that raises its SyntaxError.
    public var isolatesSyntaxErrors: Bool
    public var plan: ProbePlan
    public var settings: RunSettings

    public init(path: String, name: String, chunks: [Chunk], isolatesSyntaxErrors: Bool = false, plan: ProbePlan,
                settings: RunSettings) {
        self.path = path
        self.name = name
        self.chunks = chunks
        self.isolatesSyntaxErrors = isolatesSyntaxErrors
        self.plan = plan
        self.settings = settings
    }
}

/// How a program's runs are set up, whatever the program.
public struct RunSettings: Codable, Sendable {
    /// Named fixtures installed before the code runs.
    public var fixtures: [String]
    public var limits: RunLimits
    public var modes: [RunMode]
    /// Where each run's scratch directory is made.
    public var scratchRoot: String
    /// The loopback HTTP server the `network` fixture routes to.
    public var httpBase: String?
    /// Files written into each run's directory before the code runs (a module
    /// the guide shows as a file), importable from the code.
    public var files: [String: String]
    public var isolation: Isolation

    /// How far a run is kept from everything else.
    public enum Isolation: String, Codable, Sendable, CaseIterable {
        /// A forked process of its own, its own process group, limits, a scratch
        /// directory, killed with its whole tree when it ends.
        case processes
        /// And new PID, mount and network namespaces: nothing it starts outlives
        /// it, the file system is read-only outside its directory, no network
        /// but loopback (unless it needs the loopback fixture server).
        case namespaces
    }

    public init(fixtures: [String] = [], limits: RunLimits, modes: [RunMode] = [.module, .interactive], scratchRoot: String,
                httpBase: String? = nil, files: [String: String] = [:], isolation: Isolation = .namespaces) {
        self.isolation = isolation
        self.fixtures = fixtures
        self.limits = limits
        self.modes = modes
        self.scratchRoot = scratchRoot
        self.httpBase = httpBase
        self.files = files
    }
}

/// How far one run may go.
public struct RunLimits: Codable, Sendable, Equatable {
    /// Seconds each run may take.
    public var timeout: Double
    /// Bytes of address space each run may use (RLIMIT_AS).
    public var memory: Int
    /// Bytes of output kept per run; the rest are counted.
    public var output: Int

    public init(timeout: Double, memory: Int, output: Int) {
        self.timeout = timeout
        self.memory = memory
        self.output = output
    }
}

/// What the runs of a request produced.
public struct RunOutcome: Codable, Sendable, Equatable {
    public var runs: [ModeRun]
    /// Why nothing ran (an unknown fixture, code that does not compile).
    public var problem: String?

    public init(runs: [ModeRun] = [], problem: String? = nil) {
        self.runs = runs
        self.problem = problem
    }
}

/// Runs programs in forked copies of a warm interpreter.
///
/// The program is instrumented and compiled once, here, before any fork; each
/// mode then runs in a child forked from this process, so every run starts from
/// the same pristine interpreter, and whatever the code does (disables the GC,
/// deletes files, crashes, hangs) ends with its process.
public enum ProgramRunner {
    static let helpers = HelperModules(bundle: .module, [
        ("_guidecheck_fixtures", "fixtures"),
        ("_guidecheck_runner", "runner"),
    ])

    /// Loads the runner's helper modules; call once per interpreter before `run`.
    public static func install(_ gil: borrowing GIL) throws { try helpers.install(gil) }

    /// Makes this process (the one that starts workers) the reaper of what its
    /// workers' runs leave when a worker dies: see `killOrphans(sparing:)`.
    public static func adoptOrphans() { ChildSupervisor.becomeSubreaper() }

    /// Kills and reaps the processes re-parented to this one (what a dead
    /// worker's run left behind: a child in a session of its own), sparing
    /// `sparing` (the live workers, which are not orphans).
    /// An orphan's own descendants are killed with it, and the scan is repeated
    /// until none is left: what an orphan started comes back here only once the
    /// orphan is dead, after the scan that found it.
    /// Only in a process that adopts orphans: elsewhere (a test runner, an
    /// embedding application) its children are its own, not a dead worker's.
    public static func killOrphans(sparing: Set<pid_t>) {
        guard ChildSupervisor.adoptsOrphans else { return }
        while case let orphans = ChildSupervisor.adoptedChildren().filter({ !sparing.contains($0) }), !orphans.isEmpty {
            for orphan in orphans {
                for descendant in ChildSupervisor.descendants(of: orphan) { kill(descendant, SIGKILL) }
                kill(orphan, SIGKILL)
                var status: Int32 = 0
                waitpid(orphan, &status, 0)
            }
        }
    }

    /// A worker's last step, when its stdin has ended: nothing it started is
    /// left, not even a zombie (see `ChildSupervisor.reapAll`).
    public static func finishWorker() { ChildSupervisor.reapAll() }

    /// Makes this process a worker that owns its runs: orphans a program leaves
    /// (a daemonised child) come back to it and are killed after each run; when it
    /// is stopped (its parent was interrupted, or died) it takes its current
    /// run's whole process group with it.
    ///
    /// `private` descriptors (the worker's channel to its parent) are closed in
    /// every run it forks: a program that writes to a stray descriptor must not
    /// corrupt, or forge, what the worker tells its parent.
    public static func becomeWorker(private descriptors: [Int32] = []) {
        privateDescriptors.withLock { $0 = descriptors }
        ChildSupervisor.becomeSubreaper()
        _ = gc_kill_group_on_termination()
        _ = gc_die_with_parent(SIGTERM)
    }

    public static func run(_ request: RunRequest, _ gil: inout GIL) -> RunOutcome {
        let known = (try? Fixtures.descriptions(gil)) ?? [:]
        if let unknown = request.settings.fixtures.first(where: { known[$0] == nil }) {
            return RunOutcome(problem: "unknown fixture '\(unknown)'; known fixtures: \(known.keys.sorted().joined(separator: ", "))")
        }
        let key = "\(request.name)-\(UInt64.random(in: 0...UInt64.max))"
        let chunks = String(decoding: (try? JSONEncoder().encode(request.chunks)) ?? Data("[]".utf8), as: UTF8.self)
        let probes = String(decoding: (try? JSONEncoder().encode(request.plan.probes)) ?? Data("[]".utf8), as: UTF8.self)
        // What every run of it installs, kept with its code before the fork.
        var fixtureConfig: [(String, PythonValue)] = []
        if let base = request.settings.httpBase { fixtureConfig.append(("http_base", .string(base))) }
        let settings = PythonValue.dictionary([
            ("fixtures", .list(request.settings.fixtures.map(PythonValue.string))),
            ("fixture_config", .dictionary(fixtureConfig)),
            ("files", .dictionary(request.settings.files.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ])
        let prepared: Prepared
        do {
            let json = try HelperModules.call("_guidecheck_runner", "prepare",
                                              [.string(key), .string(request.path), .string(chunks), .string(probes),
                                               .bool(request.isolatesSyntaxErrors), settings], gil)
            prepared = try JSONDecoder().decode(Prepared.self, from: Data(json.utf8))
        } catch {
            return RunOutcome(problem: "guidecheck failed to prepare it: \(error)")
        }
        if let error = prepared.error { return RunOutcome(problem: "\(request.path): \(error)") }
        defer { _ = try? HelperModules.call("_guidecheck_runner", "discard", [.string(key)], gil) }
        let runs = request.settings.modes.map { mode in
            ForkedRun(request: request, mode: mode, prepared: key, statementLines: prepared.lines ?? []).run(&gil)
        }
        return RunOutcome(runs: runs)
    }

    /// The worker's own descriptors, closed in each forked run.
    static let privateDescriptors = Mutex<[Int32]>([])

    /// `runner.prepare`'s answer.
    private struct Prepared: Decodable {
        var lines: [Int]?
        var error: String?
    }
}

/// The fixtures a program can declare (`fixtures.py`).
public enum Fixtures {
    /// Every fixture name with its one-line description (read once per process:
    /// the fixtures are fixed when the helpers are loaded).
    public static func descriptions(_ gil: borrowing GIL) throws -> [String: String] {
        if let known = cache.withLock({ $0 }) { return known }
        try ProgramRunner.install(gil)
        let json = try HelperModules.call("_guidecheck_fixtures", "describe", [], gil)
        let known = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        cache.withLock { $0 = known }
        return known
    }

    private static let cache = Mutex<[String: String]?>(nil)
}
